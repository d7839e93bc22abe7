// SPDX-License-Identifier: GPL-3.0-or-later
// Two consoles on one database: a planner moves a street light in one (in this process, with the
// Move Asset tool, as a planner would), and the other (a separate console process) draws it at
// its new place within 2 s (LISTEN/NOTIFY, only the affected tiles fetched again).
#include "app/console/application.h"
#include "data/migrationrunner.h"
#include "data/pgconnection.h"
#include "gis/core/mercator.h"
#include "models/assetlayerloader.h"
#include "tests/support/consolerun.h"
#include "tests/support/pgtestdatabase.h"
#include "ui/widgets/assetmapcontroller.h"
#include "ui/widgets/connectionindicator.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/mapcanvas.h"
#include "ui/widgets/moveassettool.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using infrasight::app::Application;
using infrasight::app::ConsoleOptions;
using infrasight::tests::ConsoleRun;
using infrasight::tests::PgTestDatabase;
using State = infrasight::ui::ConnectionIndicator::State;
namespace gis = infrasight::gis;

namespace {

constexpr double LightLon = 7.4215;
constexpr double LightLat = 43.7360;
constexpr double ViewZoom = 18.0;

/// The map view a console opens with (its saved view).
void saveView(QSettings &settings, QPointF centerMeters)
{
    settings.setValue(QStringLiteral("map/centerX"), centerMeters.x());
    settings.setValue(QStringLiteral("map/centerY"), centerMeters.y());
    settings.setValue(QStringLiteral("map/zoom"), ViewZoom);
    settings.sync();
}

} // namespace

class TestLiveRefresh : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void assetMovedInOneConsoleAppearsMovedInTheOther();

private:
    QTemporaryDir m_settingsDir;
};

void TestLiveRefresh::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    Application::setIdentity();
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestLiveRefresh::assetMovedInOneConsoleAppearsMovedInTheOther()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto database = PgTestDatabase::create();
    QVERIFY2(database, qPrintable(database ? QString() : database.error().toString()));
    auto connection = infrasight::data::PgConnection::open(database->conninfo());
    QVERIFY(connection);
    infrasight::data::PgConnection &db = **connection;
    infrasight::data::MigrationRunner migrations(db);
    QVERIFY(migrations.migrate());
    QVERIFY(db.execScript(
        QStringLiteral("INSERT INTO asset_type (code, name, geometry_kind, symbol) "
                       "VALUES ('street_light', 'Street light', 'point', 'lighting')")));
    auto inserted = db.exec(QStringLiteral("INSERT INTO asset (type_id, code, name, geom) "
                                           "SELECT id, 'SL-000001', 'Lamp by the harbour', "
                                           "ST_SetSRID(ST_MakePoint($1, $2), 4326) FROM asset_type "
                                           "WHERE code = 'street_light' RETURNING id"),
                            {LightLon, LightLat});
    QVERIFY(inserted && inserted->rowCount() == 1);
    const qint64 lightId = inserted->toInt(0, 0);
    const QPointF lightMeters = gis::lonLatToMercatorMeters(gis::LonLat{LightLon, LightLat});

    // The other console: a process of its own, showing the lamp at zoom 18.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    {
        QSettings other(
            QDir(home.path()).filePath(QStringLiteral("config/Infrasight/infrasight.conf")),
            QSettings::IniFormat);
        saveView(other, lightMeters);
    }
    ConsoleRun other(QStringLiteral(INFRASIGHT_CONSOLE_PATH), home.path());
    QVERIFY(other.start({QStringLiteral("--db"), database->conninfo()}));
    QVERIFY2(other.waitForState(QStringLiteral("connected"), 60000), qPrintable(other.log()));
    QVERIFY2(
        other.waitForLine(QRegularExpression(QStringLiteral("layers: ready")), 30000).hasMatch(),
        qPrintable(other.log()));

    // This console, in this process, showing the same place.
    QSettings settings;
    saveView(settings, lightMeters);
    ConsoleOptions options;
    options.conninfo = database->conninfo();
    Application console(options);
    console.start();
    infrasight::ui::MainWindow *window = console.mainWindow();
    window->resize(1000, 700);
    QTRY_COMPARE_WITH_TIMEOUT(window->connectionState(), State::Connected, 60000);
    infrasight::ui::AssetMapController *assets = console.assetLayers();
    QTRY_VERIFY_WITH_TIMEOUT(assets->hasLayers(), 30000);
    const QString key = QStringLiteral("asset:street_light");
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const gis::FeatureBlock &block : assets->loader()->content(key).blocks) {
                if (block.indexOf(lightId) >= 0) {
                    return true;
                }
            }
            return false;
        }(),
        30000);

    // The planner drags the lamp 80 px to the east with the Move Asset tool.
    infrasight::ui::MapCanvas *canvas = window->mapCanvas();
    canvas->setTool(assets->moveAssetTool());
    const QPoint from = canvas->viewport().metersToScreen(lightMeters).toPoint();
    const QPoint to = from + QPoint(80, 0);
    const QPointF targetMeters = canvas->viewport().screenToMeters(to);
    QSignalSpy moved(assets, &infrasight::ui::AssetMapController::assetMoved);
    const qsizetype linesBefore = other.lines().size();
    QTest::mousePress(canvas, Qt::LeftButton, {}, from);
    QTest::mouseMove(canvas, from + QPoint(40, 0));
    QTest::mouseMove(canvas, to);
    // The latency counts from the planner's release: the other console may draw the lamp
    // before this one hears back from its own update.
    QElapsedTimer sinceMove;
    sinceMove.start();
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, to);
    QTRY_COMPARE_WITH_TIMEOUT(moved.size(), 1, 10000);

    // The database has the new place...
    auto stored = db.exec(QStringLiteral("SELECT ST_X(geom), ST_Y(geom), version FROM asset "
                                         "WHERE id = $1"),
                          {lightId});
    QVERIFY(stored && stored->rowCount() == 1);
    const gis::LonLat target = gis::mercatorMetersToLonLat(targetMeters);
    QVERIFY(qAbs(stored->toDouble(0, 0) - target.lonDeg) < 1e-7);
    QVERIFY(qAbs(stored->toDouble(0, 1) - target.latDeg) < 1e-7);
    QCOMPARE(stored->toInt(0, 2), 2);

    // ...and the other console draws the lamp there within 2 s.
    const QRegularExpressionMatch shown = other.waitForLine(
        QRegularExpression(QStringLiteral("live: asset %1 at ([-0-9.]+) ([-0-9.]+)").arg(lightId)),
        5000,
        linesBefore);
    const qint64 latencyMs = sinceMove.elapsed();
    QVERIFY2(shown.hasMatch(), qPrintable(other.log()));
    qInfo() << "moved in this console, drawn moved in the other after" << latencyMs << "ms";
    QVERIFY2(latencyMs <= 2000, qPrintable(QString::number(latencyMs)));
    QVERIFY(qAbs(shown.captured(1).toDouble() - target.lonDeg) < 1e-6);
    QVERIFY(qAbs(shown.captured(2).toDouble() - target.latDeg) < 1e-6);
    console.shutdown();
}

QTEST_MAIN(TestLiveRefresh)

#include "tst_liverefresh.moc"
