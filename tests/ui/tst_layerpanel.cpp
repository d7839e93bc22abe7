// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/layermodel.h"
#include "ui/widgets/layerpanel.h"
#include "ui/widgets/layerstyledialog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

using infrasight::data::AssetTypeInfo;
using infrasight::gis::FeatureKind;
using infrasight::models::LayerDefinition;
using infrasight::models::LayerModel;
using infrasight::ui::LayerPanel;
using infrasight::ui::LayerStyleDialog;

class TestLayerPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void showsGroupsExpanded();
    void uncheckingInTheViewHidesTheLayer();
    void opacitySliderFollowsTheCurrentLayer();
    void upAndDownReorder();
    void zoomToLayerNamesTheLayer();
    void styleButtonAppliesAndAccepts();
    void resetAsksFirst();
    void styleDialogRoundTripsAPointLayer();
    void styleDialogRoundTripsLinesAndAreas();
    void styleDialogKeepsMinZoomBelowMaxZoom();
    void editReturnsTheAcceptedLayer();

private:
    static QList<AssetTypeInfo> sampleTypes();
    static QToolButton *button(LayerPanel &panel, const QString &name);
    static QColorDialog *pickColor(QWidget &dialog, const QString &buttonName, const QColor &color);

    QTemporaryDir m_settingsDir;
};

namespace {

/// Where the check box of an item is drawn, as the view's delegate lays it out.
QPoint checkBoxCenter(QTreeView &view, const QModelIndex &index)
{
    QStyleOptionViewItem option;
    option.initFrom(&view);
    option.rect = view.visualRect(index);
    option.features = QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDisplay
                      | QStyleOptionViewItem::HasDecoration;
    option.text = index.data().toString();
    option.decorationSize = view.iconSize().isValid()
                                ? view.iconSize()
                                : QSize(view.style()->pixelMetric(QStyle::PM_SmallIconSize),
                                        view.style()->pixelMetric(QStyle::PM_SmallIconSize));
    option.viewItemPosition = QStyleOptionViewItem::OnlyOne;
    return view.style()
        ->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, &view)
        .center();
}

} // namespace

void TestLayerPanel::initTestCase()
{
    // The panel's model saves to the default QSettings: keep it to a file of this run.
    QVERIFY(m_settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("infrasight-test"));
    QStandardPaths::setTestModeEnabled(true);
}

void TestLayerPanel::init()
{
    QSettings().clear();
}

QList<AssetTypeInfo> TestLayerPanel::sampleTypes()
{
    const QString water = QStringLiteral("Water & Sewer");
    return {
        {.id = 1,
         .code = QStringLiteral("street_light"),
         .name = QStringLiteral("Street light"),
         .kind = FeatureKind::Point,
         .symbol = QStringLiteral("street_light"),
         .departmentCode = QStringLiteral("STL"),
         .departmentName = QStringLiteral("Street Lighting")},
        {.id = 3,
         .code = QStringLiteral("hydrant"),
         .name = QStringLiteral("Fire hydrant"),
         .kind = FeatureKind::Point,
         .symbol = QStringLiteral("hydrant"),
         .departmentCode = QStringLiteral("WSW"),
         .departmentName = water},
        {.id = 4,
         .code = QStringLiteral("manhole"),
         .name = QStringLiteral("Manhole"),
         .kind = FeatureKind::Point,
         .symbol = QStringLiteral("manhole"),
         .departmentCode = QStringLiteral("WSW"),
         .departmentName = water},
        {.id = 5,
         .code = QStringLiteral("water_main"),
         .name = QStringLiteral("Water main"),
         .kind = FeatureKind::Line,
         .symbol = QStringLiteral("water_main"),
         .departmentCode = QStringLiteral("WSW"),
         .departmentName = water},
    };
}

QToolButton *TestLayerPanel::button(LayerPanel &panel, const QString &name)
{
    return panel.findChild<QToolButton *>(name);
}

QColorDialog *
TestLayerPanel::pickColor(QWidget &dialog, const QString &buttonName, const QColor &color)
{
    auto *colorButton = dialog.findChild<QPushButton *>(buttonName);
    if (!colorButton || !colorButton->isEnabled()) {
        return nullptr;
    }
    QTest::mouseClick(colorButton, Qt::LeftButton);
    // The dialog of an earlier pick may still wait for its deferred deletion.
    QColorDialog *colorDialog = nullptr;
    for (QColorDialog *candidate : dialog.findChildren<QColorDialog *>()) {
        if (candidate->isVisible()) {
            colorDialog = candidate;
        }
    }
    if (!colorDialog) {
        return nullptr;
    }
    colorDialog->setCurrentColor(color);
    colorDialog->accept();
    return colorDialog;
}

void TestLayerPanel::showsGroupsExpanded()
{
    LayerModel model;
    model.setAssetTypes(sampleTypes());
    LayerPanel panel(&model);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *view = panel.findChild<QTreeView *>(QStringLiteral("layerTree"));
    QVERIFY(view);
    QCOMPARE(view->model(), &model);
    for (int row = 0; row < model.rowCount(); ++row) {
        QVERIFY(view->isExpanded(model.index(row, 0)));
    }
    // Nothing selected: nothing to act on.
    QVERIFY(panel.currentLayerKey().isEmpty());
    QVERIFY(!button(panel, QStringLiteral("styleButton"))->isEnabled());
    QVERIFY(!panel.findChild<QSlider *>(QStringLiteral("opacitySlider"))->isEnabled());
    QVERIFY(button(panel, QStringLiteral("resetButton"))->isEnabled());

    // Rebuilt layers are expanded too, and the selection survives.
    panel.setCurrentLayerKey(QStringLiteral("asset:manhole"));
    QList<AssetTypeInfo> more = sampleTypes();
    more.append({.id = 9,
                 .code = QStringLiteral("tree"),
                 .name = QStringLiteral("Street tree"),
                 .kind = FeatureKind::Point,
                 .symbol = QStringLiteral("tree"),
                 .departmentCode = QStringLiteral("PRK"),
                 .departmentName = QStringLiteral("Parks & Trees")});
    model.setAssetTypes(more);
    for (int row = 0; row < model.rowCount(); ++row) {
        QVERIFY(view->isExpanded(model.index(row, 0)));
    }
    QCOMPARE(panel.currentLayerKey(), QStringLiteral("asset:manhole"));
}

void TestLayerPanel::uncheckingInTheViewHidesTheLayer()
{
    LayerModel model;
    model.setAssetTypes(sampleTypes());
    LayerPanel panel(&model);
    panel.resize(320, 480);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *view = panel.findChild<QTreeView *>(QStringLiteral("layerTree"));
    const QString key = QStringLiteral("asset:hydrant");
    const QModelIndex index = model.indexOfLayer(key);
    QSignalSpy changed(&model, &LayerModel::layerChanged);

    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, checkBoxCenter(*view, index));
    QTRY_VERIFY(!model.layer(key).visible);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), key);
    QCOMPARE(index.parent().data(Qt::CheckStateRole).toInt(), int(Qt::PartiallyChecked));

    // The keyboard works as well: Space on the current layer shows it again.
    view->setFocus();
    view->setCurrentIndex(index);
    QTest::keyClick(view, Qt::Key_Space);
    QVERIFY(model.layer(key).visible);

    // Unchecking a group hides all of its layers.
    const QModelIndex group = index.parent();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, checkBoxCenter(*view, group));
    QVERIFY(!model.layer(QStringLiteral("asset:hydrant")).visible);
    QVERIFY(!model.layer(QStringLiteral("asset:manhole")).visible);
    QVERIFY(!model.layer(QStringLiteral("asset:water_main")).visible);
    QVERIFY(model.layer(QStringLiteral("asset:street_light")).visible);
}

void TestLayerPanel::opacitySliderFollowsTheCurrentLayer()
{
    LayerModel model;
    model.setAssetTypes(sampleTypes());
    LayerPanel panel(&model);
    auto *slider = panel.findChild<QSlider *>(QStringLiteral("opacitySlider"));
    QVERIFY(slider);
    QSignalSpy current(&panel, &LayerPanel::currentLayerChanged);

    panel.setCurrentLayerKey(QStringLiteral("asset:water_main"));
    QCOMPARE(panel.currentLayerKey(), QStringLiteral("asset:water_main"));
    QCOMPARE(current.count(), 1);
    QCOMPARE(current.at(0).at(0).toString(), QStringLiteral("asset:water_main"));
    QVERIFY(slider->isEnabled());
    QCOMPARE(slider->value(), 100);

    slider->setValue(40);
    QCOMPARE(model.layer(QStringLiteral("asset:water_main")).opacity, 0.4);
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("opacityValue"))->text(),
             QStringLiteral("40 %"));
    // Other layers keep theirs.
    QCOMPARE(model.layer(QStringLiteral("asset:hydrant")).opacity, 1.0);

    // A change made elsewhere shows on the slider, without echoing back.
    QSignalSpy changed(&model, &LayerModel::layerChanged);
    model.setOpacity(QStringLiteral("asset:water_main"), 0.75);
    QCOMPARE(slider->value(), 75);
    QCOMPARE(changed.count(), 1);

    // Another layer: its own opacity; a group: disabled.
    panel.setCurrentLayerKey(QStringLiteral("asset:hydrant"));
    QCOMPARE(slider->value(), 100);
    auto *view = panel.findChild<QTreeView *>(QStringLiteral("layerTree"));
    view->setCurrentIndex(model.index(0, 0));
    QVERIFY(panel.currentLayerKey().isEmpty());
    QVERIFY(!slider->isEnabled());
    QCOMPARE(current.count(), 3);
    QCOMPARE(current.last().at(0).toString(), QString());
}

void TestLayerPanel::upAndDownReorder()
{
    LayerModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAssetTypes(sampleTypes());
    LayerPanel panel(&model);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QToolButton *up = button(panel, QStringLiteral("upButton"));
    QToolButton *down = button(panel, QStringLiteral("downButton"));
    QVERIFY(up && down);
    const QModelIndex water = model.indexOfLayer(QStringLiteral("asset:hydrant")).parent();
    const auto titles = [&model, &water] {
        QStringList list;
        for (int row = 0; row < model.rowCount(water); ++row) {
            list.append(model.index(row, 0, water).data().toString());
        }
        return list;
    };

    panel.setCurrentLayerKey(QStringLiteral("asset:hydrant"));
    QVERIFY(!up->isEnabled()); // already at the top of its group
    QVERIFY(down->isEnabled());

    QTest::mouseClick(down, Qt::LeftButton);
    QCOMPARE(titles(),
             (QStringList{QStringLiteral("Manhole"),
                          QStringLiteral("Fire hydrant"),
                          QStringLiteral("Water main")}));
    QCOMPARE(panel.currentLayerKey(), QStringLiteral("asset:hydrant"));
    QVERIFY(up->isEnabled());

    QTest::mouseClick(down, Qt::LeftButton);
    QCOMPARE(titles().last(), QStringLiteral("Fire hydrant"));
    QVERIFY(!down->isEnabled());

    QTest::mouseClick(up, Qt::LeftButton);
    QTest::mouseClick(up, Qt::LeftButton);
    QCOMPARE(titles().first(), QStringLiteral("Fire hydrant"));
    QCOMPARE(panel.currentLayerKey(), QStringLiteral("asset:hydrant"));
    QVERIFY(!up->isEnabled());
}

void TestLayerPanel::zoomToLayerNamesTheLayer()
{
    LayerModel model;
    model.setAssetTypes(sampleTypes());
    LayerPanel panel(&model);
    QSignalSpy zoom(&panel, &LayerPanel::zoomToLayerRequested);
    QToolButton *zoomButton = button(panel, QStringLiteral("zoomButton"));
    QVERIFY(!zoomButton->isEnabled());
    panel.setCurrentLayerKey(QStringLiteral("asset:street_light"));
    QVERIFY(zoomButton->isEnabled());
    QTest::mouseClick(zoomButton, Qt::LeftButton);
    QCOMPARE(zoom.count(), 1);
    QCOMPARE(zoom.at(0).at(0).toString(), QStringLiteral("asset:street_light"));
}

void TestLayerPanel::styleButtonAppliesAndAccepts()
{
    LayerModel model;
    model.setAssetTypes(sampleTypes());
    LayerPanel panel(&model);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setCurrentLayerKey(QStringLiteral("asset:water_main"));
    QTest::mouseClick(button(panel, QStringLiteral("styleButton")), Qt::LeftButton);
    auto *dialog = panel.findChild<LayerStyleDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());

    auto *width = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("lineWidthSpin"));
    QVERIFY(width);
    QCOMPARE(width->value(), 2.5);
    width->setValue(5.0);
    // Apply: the model has it while the dialog stays open.
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Apply), Qt::LeftButton);
    QCOMPARE(model.layer(QStringLiteral("asset:water_main")).lineWidth, 5.0);
    QVERIFY(dialog->isVisible());

    auto *style = dialog->findChild<QComboBox *>(QStringLiteral("lineStyleCombo"));
    style->setCurrentIndex(style->findData(int(Qt::DotLine)));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(model.layer(QStringLiteral("asset:water_main")).lineStyle, Qt::DotLine);
    QTRY_VERIFY(!panel.findChild<LayerStyleDialog *>());

    // Cancel changes nothing.
    panel.setCurrentLayerKey(QStringLiteral("asset:hydrant"));
    QTest::mouseClick(button(panel, QStringLiteral("styleButton")), Qt::LeftButton);
    dialog = panel.findChild<LayerStyleDialog *>();
    QVERIFY(dialog);
    dialog->findChild<QDoubleSpinBox *>(QStringLiteral("symbolSizeSpin"))->setValue(40.0);
    dialog->reject();
    QCOMPARE(model.layer(QStringLiteral("asset:hydrant")).symbolSize, 18.0);
}

void TestLayerPanel::resetAsksFirst()
{
    LayerModel model;
    model.setAssetTypes(sampleTypes());
    LayerPanel panel(&model);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    model.setOpacity(QStringLiteral("asset:hydrant"), 0.3);

    QTest::mouseClick(button(panel, QStringLiteral("resetButton")), Qt::LeftButton);
    auto *box = panel.findChild<QMessageBox *>();
    QVERIFY(box);
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QCOMPARE(model.layer(QStringLiteral("asset:hydrant")).opacity, 0.3);
    QTRY_VERIFY(!panel.findChild<QMessageBox *>());

    QTest::mouseClick(button(panel, QStringLiteral("resetButton")), Qt::LeftButton);
    box = panel.findChild<QMessageBox *>();
    QVERIFY(box);
    QTest::mouseClick(box->button(QMessageBox::Reset), Qt::LeftButton);
    QCOMPARE(model.layer(QStringLiteral("asset:hydrant")).opacity, 1.0);
}

void TestLayerPanel::styleDialogRoundTripsAPointLayer()
{
    LayerModel model;
    model.setAssetTypes(sampleTypes());
    const LayerDefinition original = model.layer(QStringLiteral("asset:street_light"));

    LayerStyleDialog dialog(original);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // Untouched, the dialog gives back what it got.
    QCOMPARE(dialog.layer(), original);

    auto *symbol = dialog.findChild<QComboBox *>(QStringLiteral("symbolCombo"));
    auto *size = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("symbolSizeSpin"));
    auto *colorBy = dialog.findChild<QComboBox *>(QStringLiteral("colorByCombo"));
    auto *minZoom = dialog.findChild<QSpinBox *>(QStringLiteral("minZoomSpin"));
    auto *maxZoom = dialog.findChild<QSpinBox *>(QStringLiteral("maxZoomSpin"));
    auto *cluster = dialog.findChild<QSpinBox *>(QStringLiteral("clusterBelowZoomSpin"));
    QVERIFY(symbol && size && colorBy && minZoom && maxZoom && cluster);
    QVERIFY(!dialog.findChild<QDoubleSpinBox *>(QStringLiteral("lineWidthSpin")));
    QCOMPARE(symbol->currentData().toString(), QStringLiteral("lighting"));
    QCOMPARE(symbol->count(), 11);

    // The fixed colour can only be chosen for a fixed colouring.
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("colorButton"))->isEnabled());
    colorBy->setCurrentIndex(colorBy->findData(int(LayerDefinition::ColorBy::Fixed)));
    QVERIFY(pickColor(dialog, QStringLiteral("colorButton"), QColor(0x12, 0x34, 0x56)));
    symbol->setCurrentIndex(symbol->findData(QStringLiteral("sensor")));
    size->setValue(26.0);
    minZoom->setValue(14);
    maxZoom->setValue(18);
    cluster->setValue(15);

    QSignalSpy applied(&dialog, &LayerStyleDialog::applied);
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Apply),
                      Qt::LeftButton);
    QCOMPARE(applied.count(), 1);
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    LayerDefinition expected = original;
    expected.symbol = QStringLiteral("sensor");
    expected.symbolSize = 26.0;
    expected.colorBy = LayerDefinition::ColorBy::Fixed;
    expected.color = QColor(0x12, 0x34, 0x56);
    expected.minZoom = 14;
    expected.maxZoom = 18;
    expected.clusterBelowZoom = 15;
    QCOMPARE(dialog.layer(), expected);
    QCOMPARE(applied.at(0).at(0).value<LayerDefinition>(), expected);

    // "None" draws a plain dot: an empty symbol.
    symbol->setCurrentIndex(symbol->findData(QStringLiteral("none")));
    QVERIFY(dialog.layer().symbol.isEmpty());

    // A symbol the list does not know survives the round trip.
    LayerDefinition custom = original;
    custom.symbol = QStringLiteral("bench");
    LayerStyleDialog customDialog(custom);
    QCOMPARE(customDialog.layer(), custom);
}

void TestLayerPanel::styleDialogRoundTripsLinesAndAreas()
{
    LayerModel model;
    model.setAssetTypes(sampleTypes());

    const LayerDefinition main = model.layer(QStringLiteral("asset:water_main"));
    LayerStyleDialog lineDialog(main);
    QCOMPARE(lineDialog.layer(), main);
    QVERIFY(!lineDialog.findChild<QComboBox *>(QStringLiteral("symbolCombo")));
    QVERIFY(!lineDialog.findChild<QPushButton *>(QStringLiteral("fillColorButton")));
    lineDialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&lineDialog));
    QVERIFY(pickColor(lineDialog, QStringLiteral("colorButton"), QColor(0xaa, 0x11, 0x22)));
    lineDialog.findChild<QDoubleSpinBox *>(QStringLiteral("lineWidthSpin"))->setValue(3.5);
    auto *style = lineDialog.findChild<QComboBox *>(QStringLiteral("lineStyleCombo"));
    style->setCurrentIndex(style->findData(int(Qt::DashDotLine)));
    lineDialog.accept();
    LayerDefinition expectedLine = main;
    expectedLine.color = QColor(0xaa, 0x11, 0x22);
    expectedLine.lineWidth = 3.5;
    expectedLine.lineStyle = Qt::DashDotLine;
    QCOMPARE(lineDialog.layer(), expectedLine);

    const LayerDefinition buildings = model.layer(QStringLiteral("basemap:building"));
    LayerStyleDialog areaDialog(buildings);
    QCOMPARE(areaDialog.layer(), buildings);
    areaDialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&areaDialog));
    const QColor fill(10, 200, 30, 90);
    QColorDialog *fillDialog = pickColor(areaDialog, QStringLiteral("fillColorButton"), fill);
    QVERIFY(fillDialog);
    QVERIFY(fillDialog->testOption(QColorDialog::ShowAlphaChannel));
    QVERIFY(pickColor(areaDialog, QStringLiteral("colorButton"), QColor(0, 0, 0, 200)));
    areaDialog.findChild<QDoubleSpinBox *>(QStringLiteral("lineWidthSpin"))->setValue(0.5);
    areaDialog.findChild<QSpinBox *>(QStringLiteral("minZoomSpin"))->setValue(15);
    areaDialog.accept();
    LayerDefinition expectedArea = buildings;
    expectedArea.fillColor = fill;
    expectedArea.color = QColor(0, 0, 0, 200);
    expectedArea.lineWidth = 0.5;
    expectedArea.minZoom = 15;
    QCOMPARE(areaDialog.layer(), expectedArea);

    // The model takes the dialog's result as it is.
    model.setLayer(areaDialog.layer());
    QCOMPARE(model.layer(QStringLiteral("basemap:building")), expectedArea);
}

void TestLayerPanel::styleDialogKeepsMinZoomBelowMaxZoom()
{
    LayerDefinition layer;
    layer.key = QStringLiteral("asset:hydrant");
    layer.title = QStringLiteral("Fire hydrant");
    layer.minZoom = 12;
    layer.maxZoom = 20;
    LayerStyleDialog dialog(layer);
    auto *minZoom = dialog.findChild<QSpinBox *>(QStringLiteral("minZoomSpin"));
    auto *maxZoom = dialog.findChild<QSpinBox *>(QStringLiteral("maxZoomSpin"));
    auto *size = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("symbolSizeSpin"));

    maxZoom->setValue(15);
    minZoom->setValue(18); // above the maximum: held at it
    QCOMPARE(minZoom->value(), 15);
    maxZoom->setValue(10); // below the minimum: held at it
    QCOMPARE(maxZoom->value(), 15);
    minZoom->setValue(-3);
    QCOMPARE(minZoom->value(), 0);
    maxZoom->setValue(40);
    QCOMPARE(maxZoom->value(), 20);
    size->setValue(1000.0);
    QVERIFY(dialog.layer().symbolSize <= 64.0);
    QVERIFY(dialog.layer().minZoom <= dialog.layer().maxZoom);
}

void TestLayerPanel::editReturnsTheAcceptedLayer()
{
    LayerDefinition layer;
    layer.key = QStringLiteral("asset:manhole");
    layer.title = QStringLiteral("Manhole");
    layer.symbol = QStringLiteral("manhole");
    const LayerDefinition original = layer;

    // Cancel: unchanged, false.
    QTimer::singleShot(0, this, [] {
        auto *dialog = qobject_cast<LayerStyleDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->findChild<QDoubleSpinBox *>(QStringLiteral("symbolSizeSpin"))->setValue(30.0);
        dialog->reject();
    });
    QVERIFY(!LayerStyleDialog::edit(layer, nullptr));
    QCOMPARE(layer, original);

    // OK: changed, true.
    QTimer::singleShot(0, this, [] {
        auto *dialog = qobject_cast<LayerStyleDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->findChild<QDoubleSpinBox *>(QStringLiteral("symbolSizeSpin"))->setValue(30.0);
        dialog->accept();
    });
    QVERIFY(LayerStyleDialog::edit(layer, nullptr));
    QCOMPARE(layer.symbolSize, 30.0);
}

QTEST_MAIN(TestLayerPanel)

#include "tst_layerpanel.moc"
