// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/layermodel.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QIcon>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using infrasight::data::AssetTypeInfo;
using infrasight::gis::FeatureKind;
using infrasight::models::LayerDefinition;
using infrasight::models::LayerModel;

class TestLayerModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void groupsLayersByDepartment();
    void defaultStyles_data();
    void defaultStyles();
    void drawingOrderIsBaseMapAreasLinesPoints();
    void findsLayersByKeyAndType();
    void changesVisibilityAndOpacity();
    void setLayerKeepsSourceFields();
    void groupCheckStateFollowsLayers();
    void movesLayersWithinTheirGroup();
    void restoresSavedSettings();
    void resetRestoresDefaults();
    void rebuildKeepsOperatorSettings();
    void ignoresBrokenSettings();
    void paintsIcons();
    void showsAt_data();
    void showsAt();

private:
    static QList<AssetTypeInfo> sampleTypes();
    static QModelIndex groupIndex(const LayerModel &model, const QString &name);

    QTemporaryDir m_settingsDir;
};

namespace {

AssetTypeInfo type(qint64 id,
                   const QString &code,
                   const QString &name,
                   FeatureKind kind,
                   const QString &department)
{
    AssetTypeInfo info;
    info.id = id;
    info.code = code;
    info.name = name;
    info.kind = kind;
    info.symbol = code; // the demo city stores the type code as the symbol
    info.departmentName = department;
    return info;
}

QStringList childTitles(const LayerModel &model, const QModelIndex &group)
{
    QStringList titles;
    for (int row = 0; row < model.rowCount(group); ++row) {
        titles.append(model.index(row, 0, group).data().toString());
    }
    return titles;
}

} // namespace

void TestLayerModel::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("infrasight-test"));
    QCoreApplication::setApplicationName(
        QStringLiteral("tst_layermodel-%1").arg(QCoreApplication::applicationPid()));
}

void TestLayerModel::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    QSettings().clear();
}

QList<AssetTypeInfo> TestLayerModel::sampleTypes()
{
    const QString lighting = QStringLiteral("Street Lighting");
    const QString water = QStringLiteral("Water & Sewer");
    const QString environment = QStringLiteral("Environment");
    return {
        type(1,
             QStringLiteral("street_light"),
             QStringLiteral("Street light"),
             FeatureKind::Point,
             lighting),
        type(3,
             QStringLiteral("hydrant"),
             QStringLiteral("Fire hydrant"),
             FeatureKind::Point,
             water),
        type(4, QStringLiteral("manhole"), QStringLiteral("Manhole"), FeatureKind::Point, water),
        type(5,
             QStringLiteral("water_main"),
             QStringLiteral("Water main"),
             FeatureKind::Line,
             water),
        type(6, QStringLiteral("sewer"), QStringLiteral("Sewer"), FeatureKind::Line, water),
        type(15,
             QStringLiteral("tide_gauge"),
             QStringLiteral("Tide gauge"),
             FeatureKind::Point,
             environment),
        type(20,
             QStringLiteral("park"),
             QStringLiteral("Park"),
             FeatureKind::Polygon,
             QStringLiteral("Parks & Trees")),
        type(21, QStringLiteral("cable"), QStringLiteral("Cable"), FeatureKind::Line, {}),
        type(22, QStringLiteral("bench"), QStringLiteral("Bench"), FeatureKind::Point, {}),
    };
}

QModelIndex TestLayerModel::groupIndex(const LayerModel &model, const QString &name)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data().toString() == name) {
            return model.index(row, 0);
        }
    }
    return {};
}

void TestLayerModel::groupsLayersByDepartment()
{
    LayerModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Before the database answers, only the base map is there.
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Base map"));

    QSignalSpy changed(&model, &LayerModel::layersChanged);
    model.setAssetTypes(sampleTypes());
    QCOMPARE(changed.count(), 1);

    // Groups with points first, then line-only groups, polygons, and the base map last.
    QStringList groups;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex group = model.index(row, 0);
        groups.append(group.data().toString());
        QVERIFY(group.data(LayerModel::IsGroupRole).toBool());
        QVERIFY(group.data(LayerModel::KeyRole).toString().isEmpty());
        QVERIFY(group.flags().testFlag(Qt::ItemIsUserCheckable));
    }
    QCOMPARE(groups,
             (QStringList{QStringLiteral("Environment"),
                          QStringLiteral("Street Lighting"),
                          QStringLiteral("Water & Sewer"),
                          QStringLiteral("Other assets"),
                          QStringLiteral("Parks & Trees"),
                          QStringLiteral("Base map")}));

    // Within a group, points above lines; otherwise the database's order.
    QCOMPARE(childTitles(model, groupIndex(model, QStringLiteral("Water & Sewer"))),
             (QStringList{QStringLiteral("Fire hydrant"),
                          QStringLiteral("Manhole"),
                          QStringLiteral("Water main"),
                          QStringLiteral("Sewer")}));
    QCOMPARE(childTitles(model, groupIndex(model, QStringLiteral("Other assets"))),
             (QStringList{QStringLiteral("Bench"), QStringLiteral("Cable")}));
    QCOMPARE(childTitles(model, groupIndex(model, QStringLiteral("Base map"))),
             (QStringList{QStringLiteral("Districts"), QStringLiteral("Buildings")}));

    const QModelIndex light = model.indexOfLayer(QStringLiteral("asset:street_light"));
    QVERIFY(light.isValid());
    QCOMPARE(light.parent(), groupIndex(model, QStringLiteral("Street Lighting")));
    QCOMPARE(light.data(LayerModel::KeyRole).toString(), QStringLiteral("asset:street_light"));
    QCOMPARE(light.data(LayerModel::IsGroupRole).toBool(), false);
    QCOMPARE(light.data(LayerModel::KindRole).toInt(), int(FeatureKind::Point));
    QCOMPARE(light.data(LayerModel::OpacityRole).toDouble(), 1.0);
    QCOMPARE(model.rowCount(light), 0);
    QCOMPARE(model.layers().size(), sampleTypes().size() + 2);

    // A smaller catalogue replaces the layers.
    model.setAssetTypes({sampleTypes().first()});
    QCOMPARE(changed.count(), 2);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.layers().size(), 3);
    QVERIFY(!model.indexOfLayer(QStringLiteral("asset:hydrant")).isValid());
}

void TestLayerModel::defaultStyles_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<bool>("visible");
    QTest::addColumn<int>("minZoom");
    QTest::addColumn<QString>("color");
    QTest::addColumn<double>("lineWidth");
    QTest::addColumn<int>("lineStyle");

    const int point = int(FeatureKind::Point);
    const int line = int(FeatureKind::Line);
    const int polygon = int(FeatureKind::Polygon);
    QTest::newRow("street-light-lighting-symbol")
        << QStringLiteral("asset:street_light") << point << QStringLiteral("lighting") << true << 12
        << QString() << 1.5 << int(Qt::SolidLine);
    QTest::newRow("hydrant") << QStringLiteral("asset:hydrant") << point
                             << QStringLiteral("hydrant") << true << 12 << QString() << 1.5
                             << int(Qt::SolidLine);
    QTest::newRow("tide-gauge-is-a-sensor")
        << QStringLiteral("asset:tide_gauge") << point << QStringLiteral("sensor") << true << 12
        << QString() << 1.5 << int(Qt::SolidLine);
    QTest::newRow("unknown-point-uses-type-symbol")
        << QStringLiteral("asset:bench") << point << QStringLiteral("bench") << true << 12
        << QString() << 1.5 << int(Qt::SolidLine);
    QTest::newRow("water-main-blue-line")
        << QStringLiteral("asset:water_main") << line << QStringLiteral("main") << true << 13
        << QStringLiteral("#1f6fb4") << 2.5 << int(Qt::SolidLine);
    QTest::newRow("sewer-brown-dashed")
        << QStringLiteral("asset:sewer") << line << QStringLiteral("sewer") << true << 13
        << QStringLiteral("#8a5a2b") << 2.0 << int(Qt::DashLine);
    QTest::newRow("park-area") << QStringLiteral("asset:park") << polygon << QStringLiteral("park")
                               << true << 13 << QString() << 1.5 << int(Qt::SolidLine);
    QTest::newRow("districts-shown") << QStringLiteral("basemap:district") << polygon << QString()
                                     << true << 0 << QString() << 2.0 << int(Qt::DashLine);
    QTest::newRow("buildings-hidden") << QStringLiteral("basemap:building") << polygon << QString()
                                      << false << 16 << QString() << 1.0 << int(Qt::SolidLine);
}

void TestLayerModel::defaultStyles()
{
    QFETCH(QString, key);
    QFETCH(int, kind);
    QFETCH(QString, symbol);
    QFETCH(bool, visible);
    QFETCH(int, minZoom);
    QFETCH(QString, color);
    QFETCH(double, lineWidth);
    QFETCH(int, lineStyle);

    LayerModel model;
    model.setAssetTypes(sampleTypes());
    const LayerDefinition layer = model.layer(key);
    QCOMPARE(layer.key, key);
    QCOMPARE(int(layer.kind), kind);
    QCOMPARE(layer.symbol, symbol);
    QCOMPARE(layer.visible, visible);
    QCOMPARE(layer.minZoom, minZoom);
    QCOMPARE(layer.maxZoom, 20);
    QCOMPARE(layer.opacity, 1.0);
    if (!color.isEmpty()) {
        QCOMPARE(layer.color, QColor(color));
    }
    QVERIFY(layer.color.isValid());
    QCOMPARE(layer.lineWidth, lineWidth);
    QCOMPARE(int(layer.lineStyle), lineStyle);
    if (layer.kind == FeatureKind::Point) {
        // Points are coloured by status and cluster below street level.
        QCOMPARE(layer.colorBy, LayerDefinition::ColorBy::Status);
        QCOMPARE(layer.clusterBelowZoom, 17);
        QVERIFY(layer.typeId != 0);
        QVERIFY(layer.basemapTable.isEmpty());
    } else {
        QCOMPARE(layer.colorBy, LayerDefinition::ColorBy::Fixed);
    }
    if (key == u"basemap:district") {
        QCOMPARE(layer.fillColor.alpha(), 0); // outline only
        QCOMPARE(layer.basemapTable, QStringLiteral("district"));
        QCOMPARE(layer.typeId, 0);
    }
    if (key == u"basemap:building") {
        QVERIFY(layer.fillColor.alpha() > 0);
        QCOMPARE(layer.basemapTable, QStringLiteral("building"));
    }
}

void TestLayerModel::drawingOrderIsBaseMapAreasLinesPoints()
{
    LayerModel model;
    model.setAssetTypes(sampleTypes());
    const QList<LayerDefinition> layers = model.layers();
    QStringList keys;
    for (const LayerDefinition &layer : layers) {
        keys.append(layer.key);
    }
    // Bottom first: buildings under districts, then the area, the lines, the points; within a
    // kind, the panel's order upwards (the panel's top layer is drawn last).
    QCOMPARE(keys,
             (QStringList{QStringLiteral("basemap:building"),
                          QStringLiteral("basemap:district"),
                          QStringLiteral("asset:park"),
                          QStringLiteral("asset:cable"),
                          QStringLiteral("asset:sewer"),
                          QStringLiteral("asset:water_main"),
                          QStringLiteral("asset:bench"),
                          QStringLiteral("asset:manhole"),
                          QStringLiteral("asset:hydrant"),
                          QStringLiteral("asset:street_light"),
                          QStringLiteral("asset:tide_gauge")}));
}

void TestLayerModel::findsLayersByKeyAndType()
{
    LayerModel model;
    model.setAssetTypes(sampleTypes());
    QCOMPARE(model.keyOfType(5), QStringLiteral("asset:water_main"));
    QVERIFY(model.keyOfType(99).isEmpty());
    QVERIFY(model.keyOfType(0).isEmpty());
    QCOMPARE(model.layer(QStringLiteral("asset:water_main")).typeId, 5);
    QCOMPARE(model.layer(QStringLiteral("asset:water_main")).title, QStringLiteral("Water main"));
    QCOMPARE(model.layer(QStringLiteral("asset:water_main")).group,
             QStringLiteral("Water & Sewer"));
    QVERIFY(model.layer(QStringLiteral("asset:nothing")).key.isEmpty());
    QVERIFY(!model.indexOfLayer(QStringLiteral("asset:nothing")).isValid());
    QVERIFY(!model.indexOfLayer({}).isValid());
}

void TestLayerModel::changesVisibilityAndOpacity()
{
    LayerModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAssetTypes(sampleTypes());
    const QString key = QStringLiteral("asset:hydrant");
    const QModelIndex index = model.indexOfLayer(key);
    QSignalSpy changed(&model, &LayerModel::layerChanged);
    QSignalSpy dataChanged(&model, &LayerModel::dataChanged);

    QVERIFY(model.setData(index, Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), key);
    QCOMPARE(index.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QVERIFY(!model.layer(key).visible);
    // The layer's row and its group's row.
    QCOMPARE(dataChanged.count(), 2);
    QCOMPARE(dataChanged.at(0).at(0).toModelIndex(), index);
    QCOMPARE(dataChanged.at(1).at(0).toModelIndex(), index.parent());

    // The same value again changes nothing.
    model.setVisible(key, false);
    QCOMPARE(changed.count(), 1);

    QVERIFY(model.setData(index, 0.4, LayerModel::OpacityRole));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(model.layer(key).opacity, 0.4);
    QCOMPARE(index.data(LayerModel::OpacityRole).toDouble(), 0.4);
    model.setOpacity(key, 1.7);
    QCOMPARE(model.layer(key).opacity, 1.0);
    model.setOpacity(key, -2.0);
    QCOMPARE(model.layer(key).opacity, 0.0);
    QVERIFY(!model.setData(index, QStringLiteral("half"), LayerModel::OpacityRole));
    QCOMPARE(model.layer(key).opacity, 0.0);

    // Titles are not editable, unknown keys are ignored.
    QVERIFY(!model.setData(index, QStringLiteral("Hydrants"), Qt::EditRole));
    const int before = int(changed.count());
    model.setVisible(QStringLiteral("asset:nothing"), false);
    QCOMPARE(changed.count(), before);
}

void TestLayerModel::setLayerKeepsSourceFields()
{
    LayerModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAssetTypes(sampleTypes());
    QSignalSpy changed(&model, &LayerModel::layerChanged);

    LayerDefinition edited = model.layer(QStringLiteral("asset:street_light"));
    edited.title = QStringLiteral("Lamps");
    edited.kind = FeatureKind::Line;
    edited.typeId = 77;
    edited.symbol = QStringLiteral("sensor");
    edited.colorBy = LayerDefinition::ColorBy::Fixed;
    edited.color = QColor(10, 20, 30);
    edited.symbolSize = 24.0;
    edited.minZoom = 18;
    edited.maxZoom = 15; // below minZoom: raised to it
    edited.clusterBelowZoom = 99;
    model.setLayer(edited);
    QCOMPARE(changed.count(), 1);

    const LayerDefinition stored = model.layer(QStringLiteral("asset:street_light"));
    QCOMPARE(stored.title, QStringLiteral("Street light"));
    QCOMPARE(stored.kind, FeatureKind::Point);
    QCOMPARE(stored.typeId, 1);
    QCOMPARE(stored.symbol, QStringLiteral("sensor"));
    QCOMPARE(stored.colorBy, LayerDefinition::ColorBy::Fixed);
    QCOMPARE(stored.color, QColor(10, 20, 30));
    QCOMPARE(stored.symbolSize, 24.0);
    QCOMPARE(stored.minZoom, 18);
    QCOMPARE(stored.maxZoom, 18);
    QCOMPARE(stored.clusterBelowZoom, 20);
    QVERIFY(model.indexOfLayer(stored.key).data(Qt::ToolTipRole).toString().contains(u"18"));
}

void TestLayerModel::groupCheckStateFollowsLayers()
{
    LayerModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAssetTypes(sampleTypes());
    const QModelIndex water = groupIndex(model, QStringLiteral("Water & Sewer"));
    const QModelIndex baseMap = groupIndex(model, QStringLiteral("Base map"));
    QCOMPARE(water.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    // Buildings are hidden by default, districts shown.
    QCOMPARE(baseMap.data(Qt::CheckStateRole).toInt(), int(Qt::PartiallyChecked));

    model.setVisible(QStringLiteral("asset:sewer"), false);
    QCOMPARE(water.data(Qt::CheckStateRole).toInt(), int(Qt::PartiallyChecked));

    QSignalSpy changed(&model, &LayerModel::layerChanged);
    QVERIFY(model.setData(water, Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(changed.count(), 3); // hydrant, manhole, water main; the sewer was hidden already
    QCOMPARE(water.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    for (int row = 0; row < model.rowCount(water); ++row) {
        QCOMPARE(model.index(row, 0, water).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    }
    QVERIFY(!model.layer(QStringLiteral("asset:hydrant")).visible);

    // Checking a partly checked group shows every layer in it.
    QVERIFY(model.setData(baseMap, Qt::Checked, Qt::CheckStateRole));
    QVERIFY(model.layer(QStringLiteral("basemap:building")).visible);
    QCOMPARE(baseMap.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY(!model.setData(baseMap, QStringLiteral("x"), Qt::EditRole));
}

void TestLayerModel::movesLayersWithinTheirGroup()
{
    LayerModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAssetTypes(sampleTypes());
    const QModelIndex water = groupIndex(model, QStringLiteral("Water & Sewer"));
    QSignalSpy moved(&model, &LayerModel::rowsMoved);
    QSignalSpy changed(&model, &LayerModel::layersChanged);

    model.moveLayer(QStringLiteral("asset:manhole"), -1);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(childTitles(model, water),
             (QStringList{QStringLiteral("Manhole"),
                          QStringLiteral("Fire hydrant"),
                          QStringLiteral("Water main"),
                          QStringLiteral("Sewer")}));
    // The top of the panel is drawn last.
    const QList<LayerDefinition> layers = model.layers();
    const auto position = [&layers](const QString &key) {
        for (qsizetype i = 0; i < layers.size(); ++i) {
            if (layers.at(i).key == key) {
                return i;
            }
        }
        return qsizetype(-1);
    };
    QVERIFY(position(QStringLiteral("asset:manhole")) > position(QStringLiteral("asset:hydrant")));

    model.moveLayer(QStringLiteral("asset:manhole"), 2);
    QCOMPARE(childTitles(model, water),
             (QStringList{QStringLiteral("Fire hydrant"),
                          QStringLiteral("Water main"),
                          QStringLiteral("Manhole"),
                          QStringLiteral("Sewer")}));
    // Beyond the end: as far as it goes.
    model.moveLayer(QStringLiteral("asset:manhole"), 10);
    QCOMPARE(childTitles(model, water).last(), QStringLiteral("Manhole"));
    QCOMPARE(moved.count(), 3);

    // Already at the end, or unknown: nothing moves.
    model.moveLayer(QStringLiteral("asset:manhole"), 1);
    model.moveLayer(QStringLiteral("asset:nothing"), -1);
    model.moveLayer(QStringLiteral("asset:hydrant"), 0);
    QCOMPARE(moved.count(), 3);
    QCOMPARE(changed.count(), 3);
}

void TestLayerModel::restoresSavedSettings()
{
    auto first = std::make_unique<LayerModel>();
    first->setAssetTypes(sampleTypes());
    first->setVisible(QStringLiteral("asset:street_light"), false);
    first->setVisible(QStringLiteral("basemap:building"), true);
    first->setOpacity(QStringLiteral("asset:hydrant"), 0.25);
    LayerDefinition main = first->layer(QStringLiteral("asset:water_main"));
    main.color = QColor(200, 10, 10, 128);
    main.lineWidth = 4.5;
    main.lineStyle = Qt::DotLine;
    main.minZoom = 14;
    main.maxZoom = 19;
    first->setLayer(main);
    LayerDefinition hydrant = first->layer(QStringLiteral("asset:hydrant"));
    hydrant.symbol = QStringLiteral("sensor");
    hydrant.colorBy = LayerDefinition::ColorBy::Condition;
    hydrant.symbolSize = 30.0;
    hydrant.clusterBelowZoom = 15;
    first->setLayer(hydrant);
    LayerDefinition districts = first->layer(QStringLiteral("basemap:district"));
    districts.fillColor = QColor(0, 128, 0, 40);
    first->setLayer(districts);
    first->moveLayer(QStringLiteral("asset:sewer"), -3);
    const QList<LayerDefinition> before = first->layers();
    first.reset();

    LayerModel second;
    QAbstractItemModelTester tester(&second,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    second.setAssetTypes(sampleTypes());
    QCOMPARE(second.layers(), before);
    QVERIFY(!second.layer(QStringLiteral("asset:street_light")).visible);
    QVERIFY(second.layer(QStringLiteral("basemap:building")).visible);
    QCOMPARE(second.layer(QStringLiteral("asset:hydrant")).opacity, 0.25);
    QCOMPARE(second.layer(QStringLiteral("asset:hydrant")).symbol, QStringLiteral("sensor"));
    QCOMPARE(second.layer(QStringLiteral("asset:hydrant")).colorBy,
             LayerDefinition::ColorBy::Condition);
    QCOMPARE(second.layer(QStringLiteral("asset:water_main")).color, QColor(200, 10, 10, 128));
    QCOMPARE(second.layer(QStringLiteral("asset:water_main")).lineStyle, Qt::DotLine);
    QCOMPARE(second.layer(QStringLiteral("basemap:district")).fillColor, QColor(0, 128, 0, 40));
    QCOMPARE(childTitles(second, groupIndex(second, QStringLiteral("Water & Sewer"))).first(),
             QStringLiteral("Sewer"));
    QCOMPARE(groupIndex(second, QStringLiteral("Street Lighting")).data(Qt::CheckStateRole).toInt(),
             int(Qt::Unchecked));
}

void TestLayerModel::resetRestoresDefaults()
{
    LayerModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAssetTypes(sampleTypes());
    const QList<LayerDefinition> defaults = model.layers();
    model.setVisible(QStringLiteral("asset:street_light"), false);
    model.setOpacity(QStringLiteral("asset:sewer"), 0.5);
    model.moveLayer(QStringLiteral("asset:sewer"), -1);
    QVERIFY(model.layers() != defaults);

    QSignalSpy changed(&model, &LayerModel::layersChanged);
    QSignalSpy reset(&model, &LayerModel::modelReset);
    model.resetToDefaults();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.layers(), defaults);

    // Nothing saved is left for the next start.
    QVERIFY(!QSettings().childGroups().contains(QStringLiteral("layers")));
    LayerModel next;
    next.setAssetTypes(sampleTypes());
    QCOMPARE(next.layers(), defaults);
}

void TestLayerModel::rebuildKeepsOperatorSettings()
{
    LayerModel model;
    model.setAssetTypes(sampleTypes());
    model.setOpacity(QStringLiteral("asset:tide_gauge"), 0.5);
    // The database gained a type: the new layer arrives with defaults, the others keep theirs.
    QList<AssetTypeInfo> types = sampleTypes();
    types.append(type(30,
                      QStringLiteral("waste_bin"),
                      QStringLiteral("Waste bin"),
                      FeatureKind::Point,
                      QStringLiteral("Waste")));
    model.setAssetTypes(types);
    QCOMPARE(model.layer(QStringLiteral("asset:tide_gauge")).opacity, 0.5);
    QCOMPARE(model.layer(QStringLiteral("asset:waste_bin")).symbol, QStringLiteral("bin"));
    QCOMPARE(model.layer(QStringLiteral("asset:waste_bin")).opacity, 1.0);
}

void TestLayerModel::ignoresBrokenSettings()
{
    {
        QSettings settings;
        settings.setValue(QStringLiteral("layers/asset:hydrant/opacity"), QStringLiteral("lots"));
        settings.setValue(QStringLiteral("layers/asset:hydrant/minZoom"), 99);
        settings.setValue(QStringLiteral("layers/asset:hydrant/colorBy"), QStringLiteral("mood"));
        settings.setValue(QStringLiteral("layers/asset:hydrant/color"), QStringLiteral("nocolor"));
        settings.setValue(QStringLiteral("layers/asset:hydrant/lineStyle"), QStringLiteral("wavy"));
        settings.setValue(QStringLiteral("layers/asset:hydrant/symbolSize"), -5);
        settings.setValue(QStringLiteral("layers/order"),
                          QStringList{QStringLiteral("asset:gone"), QStringLiteral("asset:sewer")});
    }
    LayerModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAssetTypes(sampleTypes());
    const LayerDefinition hydrant = model.layer(QStringLiteral("asset:hydrant"));
    QCOMPARE(hydrant.opacity, 1.0);
    QCOMPARE(hydrant.minZoom, 20);
    QCOMPARE(hydrant.maxZoom, 20);
    QCOMPARE(hydrant.colorBy, LayerDefinition::ColorBy::Status);
    QVERIFY(hydrant.color.isValid());
    QCOMPARE(hydrant.lineStyle, Qt::SolidLine);
    QVERIFY(hydrant.symbolSize > 0.0);
    // Known keys first, the others keep their order after them.
    QCOMPARE(childTitles(model, groupIndex(model, QStringLiteral("Water & Sewer"))),
             (QStringList{QStringLiteral("Sewer"),
                          QStringLiteral("Fire hydrant"),
                          QStringLiteral("Manhole"),
                          QStringLiteral("Water main")}));
}

void TestLayerModel::paintsIcons()
{
    LayerModel model;
    model.setAssetTypes(sampleTypes());
    for (const QString &key : {QStringLiteral("asset:street_light"),
                               QStringLiteral("asset:water_main"),
                               QStringLiteral("basemap:building")}) {
        const QIcon icon = model.indexOfLayer(key).data(Qt::DecorationRole).value<QIcon>();
        QVERIFY2(!icon.isNull(), qPrintable(key));
        const QImage image = icon.pixmap(16, 16).toImage();
        // Something is drawn in the layer's colour family, not an empty square.
        int painted = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                painted += qAlpha(image.pixel(x, y)) > 0 ? 1 : 0;
            }
        }
        QVERIFY2(painted > 10, qPrintable(key));
    }
    const QModelIndex group = groupIndex(model, QStringLiteral("Base map"));
    QVERIFY(group.data(Qt::DecorationRole).isNull());
}

void TestLayerModel::showsAt_data()
{
    QTest::addColumn<bool>("visible");
    QTest::addColumn<int>("minZoom");
    QTest::addColumn<int>("maxZoom");
    QTest::addColumn<double>("zoom");
    QTest::addColumn<bool>("shows");

    QTest::newRow("inside") << true << 12 << 20 << 15.5 << true;
    QTest::newRow("at-min-zoom") << true << 12 << 20 << 12.0 << true;
    QTest::newRow("just-below-min-zoom") << true << 12 << 20 << 11.999 << false;
    QTest::newRow("at-max-zoom") << true << 12 << 18 << 18.0 << true;
    QTest::newRow("just-above-max-zoom") << true << 12 << 18 << 18.001 << false;
    QTest::newRow("whole-country-view") << true << 12 << 20 << 6.0 << false;
    QTest::newRow("hidden-inside") << false << 12 << 20 << 15.0 << false;
}

void TestLayerModel::showsAt()
{
    QFETCH(bool, visible);
    QFETCH(int, minZoom);
    QFETCH(int, maxZoom);
    QFETCH(double, zoom);
    QFETCH(bool, shows);

    LayerDefinition layer;
    layer.visible = visible;
    layer.minZoom = minZoom;
    layer.maxZoom = maxZoom;
    QCOMPARE(layer.showsAt(zoom), shows);
}

QTEST_MAIN(TestLayerModel)

#include "tst_layermodel.moc"
