// SPDX-License-Identifier: GPL-3.0-or-later
// The console's asset layers as an operator uses them, in the whole console on a real database:
// the Identify tool on a lamp opens it in the Details dock, a polygon drawn with Select in
// Polygon selects exactly what ST_Within says and the attribute table follows, the search box
// finds an asset by code and shows it, Zoom to Selection frames the selection.
#include "app/console/application.h"
#include "data/migrationrunner.h"
#include "data/pgconnection.h"
#include "gis/core/mercator.h"
#include "models/alarmlistmodel.h"
#include "models/assetlayerloader.h"
#include "models/assetselection.h"
#include "models/citysummarymodel.h"
#include "models/locatormodel.h"
#include "models/timeseriesmodel.h"
#include "tests/support/pgtestdatabase.h"
#include "ui/widgets/assetdetailspanel.h"
#include "ui/widgets/assetmapcontroller.h"
#include "ui/widgets/attributetablepanel.h"
#include "ui/widgets/charts/livechartpanel.h"
#include "ui/widgets/connectionindicator.h"
#include "ui/widgets/identifytool.h"
#include "ui/widgets/locatorbox.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/mapcanvas.h"
#include "ui/widgets/polygonselecttool.h"

#include <QAction>
#include <QCompleter>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QLineF>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using infrasight::app::Application;
using infrasight::app::ConsoleOptions;
using infrasight::tests::PgTestDatabase;
using State = infrasight::ui::ConnectionIndicator::State;
namespace gis = infrasight::gis;
namespace ui = infrasight::ui;
using namespace Qt::StringLiterals;

namespace {

/// The dock a feature put a panel into.
QDockWidget *dockOf(QWidget *panel)
{
    return panel != nullptr ? qobject_cast<QDockWidget *>(panel->parentWidget()) : nullptr;
}

// Five street lights 40 m apart along a street in La Condamine, and a hydrant beside them.
constexpr double FirstLon = 7.4200;
constexpr double Lat = 43.7360;
constexpr double StepLon = 0.0005;
constexpr int LampCount = 5;
constexpr double ViewZoom = 17.5;

QPointF lampMeters(int index)
{
    return gis::lonLatToMercatorMeters(gis::LonLat{FirstLon + index * StepLon, Lat});
}

} // namespace

class TestAssetMap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void openingTheMapScansNoTable();
    void identifyShowsTheAssetInDetails();
    void clusterClickListsItsMembers();
    void polygonSelectsWhatStWithinSays();
    void searchBoxShowsTheAsset();
    void zoomToSelectionFramesIt();
    void alarmMarkerOpensItsAsset();

private:
    [[nodiscard]] bool featuresShown();
    QAction *action(const char *name) const;
    QPoint screen(QPointF meters) const;

    QTemporaryDir m_settingsDir;
    std::optional<PgTestDatabase> m_database;
    std::unique_ptr<infrasight::data::PgConnection> m_sql;
    QList<qint64> m_lampIds;
    std::unique_ptr<Application> m_console;
    ui::MainWindow *m_window = nullptr;
    ui::AssetMapController *m_assets = nullptr;

    struct Sent
    {
        QString sql;
        QVariantList params;
    };

    QList<Sent> m_sent; ///< every statement the console sent since init()
};

void TestAssetMap::initTestCase()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    QVERIFY(m_settingsDir.isValid());
    Application::setIdentity();
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    auto database = PgTestDatabase::create();
    QVERIFY2(database, qPrintable(database ? QString() : database.error().toString()));
    m_database.emplace(std::move(*database));
    auto connection = infrasight::data::PgConnection::open(m_database->conninfo());
    QVERIFY(connection);
    m_sql = std::move(*connection);
    infrasight::data::MigrationRunner migrations(*m_sql);
    QVERIFY(migrations.migrate());
    QVERIFY(m_sql->execScript(
        QStringLiteral("INSERT INTO asset_type (code, name, geometry_kind, symbol) VALUES "
                       "('street_light', 'Street light', 'point', 'lighting'), "
                       "('hydrant', 'Fire hydrant', 'point', 'hydrant')")));
    auto lamps = m_sql->exec(
        QStringLiteral("INSERT INTO asset (type_id, code, name, street, geom) "
                       "SELECT t.id, 'SL-00000' || g, 'Lamp ' || g, 'Quai Antoine 1er', "
                       "ST_SetSRID(ST_MakePoint($1::float8 + g * $2::float8, $3), 4326) "
                       "FROM asset_type t, generate_series(0, $4 - 1) g "
                       "WHERE t.code = 'street_light' ORDER BY g RETURNING id"),
        {FirstLon, StepLon, Lat, LampCount});
    QVERIFY(lamps && lamps->rowCount() == LampCount);
    for (int row = 0; row < LampCount; ++row) {
        m_lampIds << lamps->toInt(row, 0);
    }
    QVERIFY(m_sql->exec(QStringLiteral("INSERT INTO asset (type_id, code, name, geom) "
                                       "SELECT id, 'HY-000001', 'Hydrant by the quay', "
                                       "ST_SetSRID(ST_MakePoint($1, $2), 4326) "
                                       "FROM asset_type WHERE code = 'hydrant'"),
                        {FirstLon + 2.5 * StepLon, Lat + 0.0004}));
}

void TestAssetMap::init()
{
    QSettings settings;
    settings.clear();
    const QPointF center = lampMeters(2);
    settings.setValue(QStringLiteral("map/centerX"), center.x());
    settings.setValue(QStringLiteral("map/centerY"), center.y());
    settings.setValue(QStringLiteral("map/zoom"), ViewZoom);
    settings.sync();
    ConsoleOptions options;
    options.conninfo = m_database->conninfo();
    m_console = std::make_unique<Application>(options);
    m_sent.clear();
    connect(m_console->dbClient(),
            &infrasight::data::DbClient::statementSubmitted,
            this,
            [this](infrasight::data::QueryId, const QString &sql, const QVariantList &params) {
                m_sent.push_back({sql, params});
            });
    m_console->start();
    m_window = m_console->mainWindow();
    m_window->resize(1200, 800);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->connectionState(), State::Connected, 60000);
    m_assets = m_console->assetLayers();
    QTRY_VERIFY_WITH_TIMEOUT(m_assets->hasLayers(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(featuresShown(), 30000);
}

void TestAssetMap::cleanup()
{
    m_console.reset();
    m_window = nullptr;
    m_assets = nullptr;
}

bool TestAssetMap::featuresShown()
{
    const infrasight::models::LayerContent content
        = m_assets->loader()->content(QStringLiteral("asset:street_light"));
    qsizetype shown = 0;
    for (const gis::FeatureBlock &block : content.blocks) {
        shown += block.size();
    }
    return content.complete && !content.clusters && shown == LampCount;
}

QAction *TestAssetMap::action(const char *name) const
{
    return m_window->findChild<QAction *>(QString::fromLatin1(name));
}

QPoint TestAssetMap::screen(QPointF meters) const
{
    return m_window->mapCanvas()->viewport().metersToScreen(meters).toPoint();
}

void TestAssetMap::openingTheMapScansNoTable()
{
    // What the console sent to start, show the city summary and open every layer at street
    // level (init()), then zoomed out to the whole city, where the lamps cluster.
    ui::MapCanvas *canvas = m_window->mapCanvas();
    canvas->setViewport(canvas->viewport().withZoom(13.0));
    QTRY_VERIFY_WITH_TIMEOUT(
        m_assets->loader()->content(QStringLiteral("asset:street_light")).clusters
            && !m_assets->loader()->isLoading(),
        30000);
    QTRY_VERIFY(!m_window->citySummaryModel()->isEmpty());

    QVERIFY(m_sql->execScript(QStringLiteral("SET enable_seqscan = off")));
    const QRegularExpression touchesAssets(QStringLiteral("\\basset\\b(?!_)"));
    int checked = 0;
    for (const Sent &sent : std::as_const(m_sent)) {
        // The attribute table's row estimate is itself an EXPLAIN: it reads no row.
        if (!sent.sql.contains(touchesAssets)
            || sent.sql.startsWith(QStringLiteral("EXPLAIN"), Qt::CaseInsensitive)) {
            continue;
        }
        ++checked;
        QVERIFY2(!sent.sql.contains(QStringLiteral("count("), Qt::CaseInsensitive),
                 qPrintable(sent.sql));
        auto plan = m_sql->exec(QStringLiteral("EXPLAIN ") + sent.sql, sent.params);
        QVERIFY2(plan, qPrintable(sent.sql));
        QStringList lines;
        for (int row = 0; row < plan->rowCount(); ++row) {
            lines << plan->text(row, 0);
        }
        const QString text = lines.join(u'\n');
        QVERIFY2(!text.contains(QStringLiteral("Seq Scan on asset ")),
                 qPrintable(sent.sql + u'\n' + text));
    }
    QVERIFY(m_sql->execScript(QStringLiteral("RESET enable_seqscan")));
    QVERIFY2(checked >= 4, qPrintable(QString::number(checked)));
}

void TestAssetMap::identifyShowsTheAssetInDetails()
{
    QAction *identify = action("identifyTool");
    QVERIFY(identify != nullptr);
    QVERIFY(identify->isEnabled());
    identify->trigger();
    ui::MapCanvas *canvas = m_window->mapCanvas();
    QCOMPARE(canvas->tool(), static_cast<ui::MapTool *>(m_assets->identifyTool()));
    QVERIFY(identify->isChecked());

    // A click 3 px beside the third lamp: within the tolerance, nearest first.
    QTest::mouseClick(canvas, Qt::LeftButton, {}, screen(lampMeters(2)) + QPoint(3, 0));
    ui::AssetDetailsPanel *details = m_window->services().find<ui::AssetDetailsPanel>();
    QTRY_VERIFY_WITH_TIMEOUT(!details->candidates().isEmpty(), 10000);
    QCOMPARE(details->candidates().first().id, m_lampIds.at(2));
    QCOMPARE(details->candidates().first().code, QStringLiteral("SL-000002"));
    QVERIFY(dockOf(m_window->services().find<ui::AssetDetailsPanel>())->isVisible());
    // The lamp shown is the selected one: the map highlights it.
    QTRY_COMPARE(m_assets->selection()->ids(), QSet<qint64>{m_lampIds.at(2)});

    // A click where nothing is says so and lists nothing.
    QTest::mouseClick(canvas, Qt::LeftButton, {}, screen(lampMeters(2)) + QPoint(0, 150));
    QTRY_VERIFY_WITH_TIMEOUT(details->candidates().isEmpty(), 10000);

    // Pan gives the map back to dragging.
    action("panTool")->trigger();
    QVERIFY(canvas->tool() == nullptr);
}

void TestAssetMap::clusterClickListsItsMembers()
{
    // Zoomed out, the five lamps (160 m in all) become clusters (one, or two if a cell edge
    // runs between them).
    ui::MapCanvas *canvas = m_window->mapCanvas();
    canvas->setViewport(canvas->viewport().withZoom(14.0).withCenter(lampMeters(2)));
    const QString key = QStringLiteral("asset:street_light");
    QPointF biggest;
    int biggestCount = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const infrasight::models::LayerContent content = m_assets->loader()->content(key);
            if (!content.complete || !content.clusters) {
                return false;
            }
            int members = 0;
            biggestCount = 0;
            for (const gis::FeatureBlock &block : content.blocks) {
                for (qsizetype i = 0; i < block.size(); ++i) {
                    members += block.clusterCount(i);
                    if (block.clusterCount(i) > biggestCount) {
                        biggestCount = block.clusterCount(i);
                        biggest = block.point(i);
                    }
                }
            }
            return members == LampCount;
        }(),
        30000);
    QVERIFY(biggestCount >= 3);
    action("identifyTool")->trigger();
    QTest::mouseClick(canvas, Qt::LeftButton, {}, screen(biggest) + QPoint(2, 2));
    ui::AssetDetailsPanel *details = m_window->services().find<ui::AssetDetailsPanel>();
    QTRY_COMPARE_WITH_TIMEOUT(details->candidates().size(), qsizetype(biggestCount), 10000);
    const QSet<qint64> lamps(m_lampIds.cbegin(), m_lampIds.cend());
    QSet<qint64> listed;
    for (const infrasight::data::AssetSummary &member : details->candidates()) {
        listed.insert(member.id);
    }
    QCOMPARE(listed.size(), biggestCount);
    QVERIFY(lamps.contains(listed));
}

void TestAssetMap::polygonSelectsWhatStWithinSays()
{
    action("selectPolygonTool")->trigger();
    ui::MapCanvas *canvas = m_window->mapCanvas();
    QCOMPARE(canvas->tool(), static_cast<ui::MapTool *>(m_assets->polygonSelectTool()));

    // A triangle around the second, third and fourth lamp and the hydrant above them.
    const QPoint a = screen(lampMeters(1)) + QPoint(-20, 30);
    const QPoint b = screen(lampMeters(3)) + QPoint(20, 30);
    const QPoint c = screen(lampMeters(2)) + QPoint(0, -160);
    QSignalSpy changed(m_assets->selection(), &infrasight::models::AssetSelection::changed);
    QTest::mouseClick(canvas, Qt::LeftButton, {}, a);
    QTest::mouseClick(canvas, Qt::LeftButton, {}, b);
    QTest::mouseClick(canvas, Qt::LeftButton, {}, c);
    QTest::mouseDClick(canvas, Qt::LeftButton, {}, c);
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 10000);

    QString ring;
    for (const QPoint &corner : {a, b, c, a}) {
        const gis::LonLat p
            = gis::mercatorMetersToLonLat(canvas->viewport().screenToMeters(corner));
        ring += QStringLiteral("%1%2 %3")
                    .arg(ring.isEmpty() ? QString() : QStringLiteral(","))
                    .arg(p.lonDeg, 0, 'f', 9)
                    .arg(p.latDeg, 0, 'f', 9);
    }
    auto within = m_sql->exec(QStringLiteral("SELECT id FROM asset WHERE ST_Within(geom, "
                                             "ST_GeomFromText('POLYGON((' || $1 || '))', 4326))"),
                              {ring});
    QVERIFY(within);
    QSet<qint64> expected;
    for (int row = 0; row < within->rowCount(); ++row) {
        expected.insert(within->toInt(row, 0));
    }
    QCOMPARE(expected.size(), 4);
    QCOMPARE(m_assets->selection()->ids(), expected);

    // The attribute table selects the same rows once they are fetched.
    QTableView *table = m_window->services().find<ui::AttributeTablePanel>()->tableView();
    QTRY_COMPARE_WITH_TIMEOUT(table->selectionModel()->selectedRows().size(), 4, 10000);
    QVERIFY(action("zoomToSelectionAction")->isEnabled());
    action("clearSelectionAction")->trigger();
    QVERIFY(m_assets->selection()->isEmpty());
    QTRY_COMPARE(table->selectionModel()->selectedRows().size(), 0);
}

void TestAssetMap::searchBoxShowsTheAsset()
{
    ui::LocatorBox *box = m_window->services().find<ui::LocatorBox>();
    QVERIFY(box != nullptr);
    // The operator pans away first.
    ui::MapCanvas *canvas = m_window->mapCanvas();
    canvas->setViewport(
        canvas->viewport().withZoom(14.0).withCenter(lampMeters(0) + QPointF(3000, 0)));
    box->setFocus();
    QTest::keyClicks(box, QStringLiteral("HY-000001"));
    QTRY_VERIFY_WITH_TIMEOUT(box->model()->rowCount() > 0, 10000);
    QTest::keyClick(box, Qt::Key_Return);
    const QPointF hydrant
        = gis::lonLatToMercatorMeters(gis::LonLat{FirstLon + 2.5 * StepLon, Lat + 0.0004});
    QTRY_VERIFY_WITH_TIMEOUT(QLineF(canvas->viewport().centerMeters(), hydrant).length() < 1.0,
                             10000);
    QVERIFY(canvas->viewport().zoom() >= 17.0);
    QCOMPARE(m_assets->selection()->size(), 1);
    QCOMPARE(m_window->services().find<ui::AssetDetailsPanel>()->currentCandidate().code,
             QStringLiteral("HY-000001"));
}

void TestAssetMap::zoomToSelectionFramesIt()
{
    m_assets->selection()->select({m_lampIds.first(), m_lampIds.last()});
    ui::MapCanvas *canvas = m_window->mapCanvas();
    canvas->setViewport(canvas->viewport().withZoom(12.0));
    action("zoomToSelectionAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(canvas->viewport().zoom() > 15.0, 10000);
    const QRectF extent = canvas->viewport().extentMeters();
    QVERIFY(extent.contains(lampMeters(0)));
    QVERIFY(extent.contains(lampMeters(LampCount - 1)));
    // Framed, not merely contained: the two lamps span a good part of the view.
    QVERIFY(lampMeters(LampCount - 1).x() - lampMeters(0).x() > extent.width() / 3);
}

void TestAssetMap::alarmMarkerOpensItsAsset()
{
    // A noise sensor of the hydrant, 90 m north of it, far above its critical limit.
    const gis::LonLat sensorAt{FirstLon + 2.5 * StepLon, Lat + 0.0012};
    QVERIFY(m_sql->exec(
        u"INSERT INTO sensor (asset_id, code, kind, unit, warn_high, crit_high, geom) "
        "SELECT id, 'NS-000077', 'noise', 'dB(A)', 65, 75, ST_SetSRID(ST_MakePoint($1, $2), 4326) "
        "FROM asset WHERE code = 'HY-000001'"_s,
        {sensorAt.lonDeg, sensorAt.latDeg}));
    QVERIFY(m_sql->exec(u"INSERT INTO reading (sensor_id, ts, value) "
                        "SELECT id, now(), 88 FROM sensor WHERE code = 'NS-000077'"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_console->alarms()->newCritical(), 1, 10000);

    // A red triangle where the sensor is.
    ui::MapCanvas *canvas = m_window->mapCanvas();
    const QPoint marker = screen(gis::lonLatToMercatorMeters(sensorAt));
    QVERIFY(canvas->rect().contains(marker));
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QColor c = canvas->grab().toImage().pixelColor(marker + QPoint(0, 3));
            return c.red() > 180 && c.green() < 80 && c.blue() < 80;
        }(),
        10000);

    // Identify on the marker, where no asset is: the hydrant opens.
    action("identifyTool")->trigger();
    QTest::mouseClick(canvas, Qt::LeftButton, {}, marker);
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_window->services().find<ui::AssetDetailsPanel>()->candidates().isEmpty(), 10000);
    QCOMPARE(m_window->services().find<ui::AssetDetailsPanel>()->candidates().first().code,
             u"HY-000001"_s);
    // ... and the sensor's live chart, with the reading that raised the alarm.
    infrasight::models::TimeSeriesModel *series = m_console->series();
    QTRY_COMPARE_WITH_TIMEOUT(series->rowCount(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(series->info(0).code, u"NS-000077"_s, 5000);
    QVERIFY(dockOf(m_window->services().find<ui::LiveChartPanel>())->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(
        m_window->services().find<ui::LiveChartPanel>()->charts().size(), 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(
        series->valueAt(0, infrasight::models::TimeSeriesModel::nowMs() + 1000), 5000);
    QCOMPARE(series->valueAt(0, infrasight::models::TimeSeriesModel::nowMs() + 1000)->y(), 88.0);
    series->clear();
    QVERIFY(m_sql->execScript(u"DELETE FROM reading; DELETE FROM alarm; DELETE FROM sensor"_s));
}

QTEST_MAIN(TestAssetMap)

#include "tst_assetmap.moc"
