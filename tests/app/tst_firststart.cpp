// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/console/application.h"
#include "data/migrationrunner.h"
#include "data/pgconnection.h"
#include "models/citysummarymodel.h"
#include "tests/support/pgtestdatabase.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/mapplaceholder.h"

#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using infrasight::app::Application;
using infrasight::app::ConsoleOptions;
using infrasight::models::CitySummaryModel;
using infrasight::tests::PgTestDatabase;
using State = infrasight::ui::ConnectionIndicator::State;

namespace {

QString osmDirectory()
{
    return qEnvironmentVariable("INFRASIGHT_SOURCE_DIR") + QStringLiteral("/../shared/data/osm/");
}

/// What the Layers dock shows, as "name=count" lines in row order.
QStringList shownCounts(infrasight::ui::MainWindow *window)
{
    auto *view = window->layersDock()->findChild<QTreeView *>(QStringLiteral("cityTypesView"));
    if (view == nullptr || view->isHidden()) {
        return {};
    }
    const QAbstractItemModel *model = view->model();
    QStringList lines;
    for (int row = 0; row < model->rowCount(); ++row) {
        lines << model->index(row, CitySummaryModel::TypeColumn).data().toString()
                     + QLatin1Char('=')
                     + model->index(row, CitySummaryModel::CountColumn)
                           .data(CitySummaryModel::CountRole)
                           .toString();
    }
    return lines;
}

QString activityText(infrasight::ui::MainWindow *window)
{
    QStringList lines;
    for (int i = 0; i < window->activityList()->count(); ++i) {
        lines << window->activityList()->item(i)->text();
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

/// The console's first start: the city summary in the Layers dock against a seeded database,
/// and the embedded path that starts, migrates and seeds a private cluster by itself.
class TestFirstStart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void layersDockShowsSeededCity();
    void embeddedDatabaseIsSeededOnFirstStart();
    void cancelLeavesEmptyDatabase();
    void noSeedOptionSkipsTheDemoCity();

private:
    QTemporaryDir m_settingsDir;
};

namespace {

/// A private data directory for LocalCluster (XDG_DATA_HOME) for one test function.
class PrivateHome
{
public:
    PrivateHome()
    {
        // The cluster's files may belong to another user than the test (LocalCluster as root).
        QFile::setPermissions(m_dir.path(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                  | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                  | QFileDevice::WriteOther | QFileDevice::ExeOther);
        qputenv("XDG_DATA_HOME", QDir(m_dir.path()).filePath(QStringLiteral("data")).toUtf8());
    }

    ~PrivateHome() { qunsetenv("XDG_DATA_HOME"); }

    PrivateHome(const PrivateHome &) = delete;
    PrivateHome &operator=(const PrivateHome &) = delete;

    bool isValid() const { return m_dir.isValid(); }

private:
    QTemporaryDir m_dir;
};

} // namespace

void TestFirstStart::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    Application::setIdentity();
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestFirstStart::layersDockShowsSeededCity()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    const QString extract = osmDirectory() + QStringLiteral("Helsinki.osm.pbf");
    if (!QFileInfo::exists(extract)) {
        QSKIP("Helsinki extract not found");
    }
    auto database = PgTestDatabase::create();
    QVERIFY2(database.has_value(), qPrintable(database ? QString() : database.error().toString()));
    auto admin = infrasight::data::PgConnection::open(database->conninfo());
    QVERIFY2(admin.has_value(), qPrintable(admin ? QString() : admin.error().toString()));
    infrasight::data::MigrationRunner runner(**admin);
    auto migrated = runner.migrate();
    QVERIFY2(migrated.has_value(), qPrintable(migrated ? QString() : migrated.error().toString()));
    auto seeded = Application::seedDemoCity(**admin, extract);
    QVERIFY2(seeded.has_value(), qPrintable(seeded ? QString() : seeded.error().toString()));

    // What SQL says, in the order the dock shows it.
    auto expected = (*admin)->exec(QStringLiteral(
        "SELECT t.name, count(a.id) FROM asset_type t LEFT JOIN asset a ON a.type_id = t.id "
        "GROUP BY t.id, t.name ORDER BY count(a.id) DESC, t.name"));
    QVERIFY2(expected.has_value(), qPrintable(expected ? QString() : expected.error().toString()));
    QStringList sqlCounts;
    for (int row = 0; row < expected->rowCount(); ++row) {
        sqlCounts << expected->value(row, 0).toString() + QLatin1Char('=')
                         + expected->value(row, 1).toString();
    }
    QVERIFY(sqlCounts.size() >= 10);
    auto facts = (*admin)->exec(QStringLiteral(
        "SELECT (SELECT count(*) FROM sensor), (SELECT count(*) FROM work_order WHERE status IN "
        "('open', 'assigned', 'in_progress'))"));
    QVERIFY2(facts.has_value(), qPrintable(facts ? QString() : facts.error().toString()));
    QVERIFY(facts->value(0, 0).toLongLong() > 0);

    ConsoleOptions options;
    options.conninfo = database->conninfo();
    Application console(options);
    console.start();
    infrasight::ui::MainWindow *window = console.mainWindow();
    QTRY_COMPARE_WITH_TIMEOUT(window->connectionState(), State::Connected, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(shownCounts(window), sqlCounts, 30000);
    const auto &summary = window->citySummaryModel()->summary();
    QCOMPARE(summary.sensors, facts->value(0, 0).toLongLong());
    QCOMPARE(summary.openWorkOrders, facts->value(0, 1).toLongLong());
    QCOMPARE(summary.cityName, QStringLiteral("Helsinki"));
    QCOMPARE(window->mapArea()->cityName(), summary.cityName);
    QVERIFY(window->windowTitle().startsWith(summary.cityName));
    auto *factsLabel = window->findChild<QLabel *>(QStringLiteral("cityFactsLabel"));
    QVERIFY(factsLabel != nullptr);
    QVERIFY2(factsLabel->text().contains(QLocale().toString(summary.sensors)),
             qPrintable(factsLabel->text()));

    // A bulk change (more than 500 rows: one NOTIFY marked "bulk") refreshes the counts. The
    // most numerous type loses every asset no work order refers to.
    auto deleted = (*admin)->exec(QStringLiteral(
        "DELETE FROM asset a WHERE a.type_id = (SELECT type_id FROM asset GROUP BY type_id "
        "ORDER BY count(*) DESC LIMIT 1) "
        "AND NOT EXISTS (SELECT 1 FROM work_order w WHERE w.asset_id = a.id)"));
    QVERIFY2(deleted.has_value(), qPrintable(deleted ? QString() : deleted.error().toString()));
    auto again = (*admin)->exec(QStringLiteral(
        "SELECT t.name, count(a.id) FROM asset_type t LEFT JOIN asset a ON a.type_id = t.id "
        "GROUP BY t.id, t.name ORDER BY count(a.id) DESC, t.name"));
    QVERIFY(again.has_value());
    QStringList after;
    for (int row = 0; row < again->rowCount(); ++row) {
        after << again->value(row, 0).toString() + QLatin1Char('=')
                     + again->value(row, 1).toString();
    }
    QVERIFY(after != sqlCounts);
    QTRY_COMPARE_WITH_TIMEOUT(shownCounts(window), after, 30000);
    console.shutdown();
}

void TestFirstStart::embeddedDatabaseIsSeededOnFirstStart()
{
    const QString extract = osmDirectory() + QStringLiteral("monaco.osm.pbf");
    if (!QFileInfo::exists(extract)) {
        QSKIP("Monaco extract not found");
    }
    const PrivateHome home;
    QVERIFY(home.isValid());
    qputenv("INFRASIGHT_DEMO_OSM", extract.toUtf8());
    auto restore = qScopeGuard([] { qunsetenv("INFRASIGHT_DEMO_OSM"); });

    QElapsedTimer timer;
    timer.start();
    Application console(ConsoleOptions{});
    console.start();
    infrasight::ui::MainWindow *window = console.mainWindow();
    QCOMPARE(window->connectionState(), State::Starting);
    // The job reports its phases in the status bar while the GUI thread keeps running.
    QTRY_VERIFY_WITH_TIMEOUT(
        window->isProgressVisible() || window->connectionState() == State::Connected, 120000);
    QTRY_COMPARE_WITH_TIMEOUT(window->connectionState(), State::Connected, 240000);
    QVERIFY(!window->isProgressVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!window->citySummaryModel()->isEmpty(), 30000);
    qInfo() << "first start with Monaco took" << timer.elapsed() << "ms";
    QVERIFY2(activityText(window).contains(QStringLiteral("Demo city built")),
             qPrintable(activityText(window)));
    const auto &summary = window->citySummaryModel()->summary();
    QCOMPARE(summary.cityName, QStringLiteral("Monaco"));
    QVERIFY(window->citySummaryModel()->totalAssets() > 1000);
    QVERIFY(summary.sensors > 0);

    const QString screenshots = QString::fromUtf8(INFRASIGHT_SCREENSHOT_DIR);
    QDir().mkpath(screenshots);
    QVERIFY(window->grab().save(QDir(screenshots).filePath(QStringLiteral("firststart.png"))));
    console.shutdown(); // stops the private cluster this console started
}

void TestFirstStart::cancelLeavesEmptyDatabase()
{
    const QString extract = osmDirectory() + QStringLiteral("monaco.osm.pbf");
    if (!QFileInfo::exists(extract)) {
        QSKIP("Monaco extract not found");
    }
    const PrivateHome home;
    QVERIFY(home.isValid());
    qputenv("INFRASIGHT_DEMO_OSM", extract.toUtf8());
    auto restore = qScopeGuard([] { qunsetenv("INFRASIGHT_DEMO_OSM"); });

    Application console(ConsoleOptions{});
    console.start();
    infrasight::ui::MainWindow *window = console.mainWindow();
    // The phase shows beside the progress bar; the operator presses Cancel.
    QTRY_VERIFY_WITH_TIMEOUT(window->isProgressVisible(), 120000);
    auto *phase = window->findChild<QLabel *>(QStringLiteral("progressLabel"));
    QVERIFY(phase != nullptr);
    QVERIFY2(phase->text().startsWith(QStringLiteral("Building the demo city: ")),
             qPrintable(phase->text()));
    auto *cancel = window->findChild<QToolButton *>(QStringLiteral("cancelProgressButton"));
    QVERIFY(cancel != nullptr);
    QElapsedTimer timer;
    timer.start();
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window->connectionState(), State::Connected, 60000);
    qInfo() << "cancel to connected in" << timer.elapsed() << "ms";
    QVERIFY(!window->isProgressVisible());
    QVERIFY2(activityText(window).contains(QStringLiteral("was cancelled")),
             qPrintable(activityText(window)));
    QVERIFY2(activityText(window).contains(QStringLiteral("infrasightctl seed --osm")),
             qPrintable(activityText(window)));
    // Rolled back: the summary arrives with no asset types, the placeholder stays.
    QTest::qWait(1000);
    QVERIFY(window->citySummaryModel()->isEmpty());
    auto *placeholder = window->findChild<QLabel *>(QStringLiteral("layersPlaceholder"));
    QVERIFY(placeholder != nullptr);
    QVERIFY(!placeholder->isHidden());
    console.shutdown();
}

void TestFirstStart::noSeedOptionSkipsTheDemoCity()
{
    const PrivateHome home;
    QVERIFY(home.isValid());
    ConsoleOptions options;
    options.seedDemo = false;
    Application console(options);
    console.start();
    infrasight::ui::MainWindow *window = console.mainWindow();
    QTRY_COMPARE_WITH_TIMEOUT(window->connectionState(), State::Connected, 120000);
    QVERIFY2(activityText(window).contains(QStringLiteral("(--no-seed)")),
             qPrintable(activityText(window)));
    QVERIFY(!activityText(window).contains(QStringLiteral("Demo city built")));
    console.shutdown();
}

QTEST_MAIN(TestFirstStart)
#include "tst_firststart.moc"
