// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/console/application.h"

#include "app/console/basemapchooser.h"
#include "app/console/conninfo.h"
#include "app/console/features/alarmsfeature.h"
#include "app/console/features/assetmapfeature.h"
#include "app/console/features/geofencesfeature.h"
#include "app/console/features/livechartsfeature.h"
#include "app/console/logging.h"
#include "app/console/settings.h"
#include "app/shared/democitysource.h"
#include "data/localcluster.h"
#include "data/migrationrunner.h"
#include "data/pgconnection.h"
#include "data/repositories/changefeed.h"
#include "data/repositories/pgcityrepository.h"
#include "data/seed/democityseeder.h"
#include "gis/core/mercator.h"
#include "gis/core/version.h"
#include "models/alarmlistmodel.h"
#include "models/timeseriesmodel.h"
#include "ui/widgets/assetmapcontroller.h"
#include "ui/widgets/featurehost.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/theme.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QThreadPool>
#include <QTranslator>
#include <QtConcurrent>

#include <utility>

namespace infrasight::app {

namespace {

using IndicatorState = ui::ConnectionIndicator::State;

constexpr int HeartbeatIntervalMs = 250;
constexpr int SummaryRefreshDelayMs = 500;

IndicatorState toIndicatorState(data::ConnectionState state)
{
    switch (state) {
    case data::ConnectionState::Offline:
        return IndicatorState::Offline;
    case data::ConnectionState::Connecting:
        return IndicatorState::Connecting;
    case data::ConnectionState::Connected:
        return IndicatorState::Connected;
    case data::ConnectionState::Reconnecting:
        return IndicatorState::Reconnecting;
    case data::ConnectionState::NeedsPassword:
        return IndicatorState::NeedsPassword;
    }
    return IndicatorState::Offline;
}

/// The word tests and monitoring scripts match on; stable, never translated.
QString traceWord(IndicatorState state)
{
    switch (state) {
    case IndicatorState::Starting:
        return QStringLiteral("starting");
    case IndicatorState::Connecting:
        return QStringLiteral("connecting");
    case IndicatorState::Connected:
        return QStringLiteral("connected");
    case IndicatorState::Reconnecting:
        return QStringLiteral("reconnecting");
    case IndicatorState::Offline:
        return QStringLiteral("offline");
    case IndicatorState::NeedsPassword:
        return QStringLiteral("needs-password");
    }
    return {};
}

} // namespace

Application::Application(ConsoleOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_db(std::make_unique<data::DbClient>())
    , m_city(std::make_unique<data::PgCityRepository>(*m_db))
{
    ui::Theme::apply(ui::Theme::saved());
    m_window = std::make_unique<ui::MainWindow>();
    m_window->setCityName(Settings::cityName());
    m_basemap = std::make_unique<BasemapChooser>(m_window.get());
    // The features in start order (the reverse is their stop order).
    m_features = std::make_unique<ui::FeatureHost>();
    m_features->add(std::make_unique<AlarmsFeature>(*m_db));
    m_features->add(std::make_unique<AssetMapFeature>(*m_db));
    m_features->add(std::make_unique<LiveChartsFeature>(*m_db));
    m_features->add(std::make_unique<GeofencesFeature>(*m_db));
    m_features->startAll(*m_window);
    m_window->restoreDockLayout();
    if (ui::AssetMapController *assets = assetLayers(); assets != nullptr) {
        connect(assets, &ui::AssetMapController::layersReady, this, [this] {
            if (m_options.traceState) {
                qCInfo(lcConsoleState).noquote() << "layers: ready";
            }
        });
        if (m_options.traceState) {
            connect(assets,
                    &ui::AssetMapController::liveAssetShown,
                    this,
                    [](qint64 id, QPointF meters) {
                        // Where another console or a feed moved an asset to, as this map draws
                        // it.
                        const gis::LonLat position = gis::mercatorMetersToLonLat(meters);
                        qCInfo(lcConsoleState).noquote()
                            << QStringLiteral("live: asset %1 at %2 %3")
                                   .arg(id)
                                   .arg(position.lonDeg, 0, 'f', 8)
                                   .arg(position.latDeg, 0, 'f', 8);
                    });
        }
    }

    connect(m_db.get(), &data::DbClient::stateChanged, this, &Application::handleStateChanged);
    connect(
        m_db.get(), &data::DbClient::passwordRequired, this, &Application::handlePasswordRequired);
    connect(m_db.get(), &data::DbClient::reconnected, this, [this] {
        m_window->logActivity(tr("Connection restored; live updates resumed."));
        refreshCitySummary();
    });
    connect(&m_city->changes(),
            &data::ChangeFeed::changed,
            this,
            [this](const QString &channel, const QString &payload) {
                // Single-row changes are for the map; a bulk change (seeding, imports) changes
                // the counts.
                if (channel == u"asset" && payload.contains(QStringLiteral("\"bulk\""))) {
                    m_summaryRefresh.start();
                }
            });
    m_city->changes().watch(QStringLiteral("asset"));
    m_summaryRefresh.setSingleShot(true);
    m_summaryRefresh.setInterval(SummaryRefreshDelayMs);
    connect(&m_summaryRefresh, &QTimer::timeout, this, &Application::refreshCitySummary);
    connect(m_window.get(), &ui::MainWindow::cancelRequested, this, &Application::cancelSeeding);
    connect(m_window.get(), &ui::MainWindow::loginRequested, this, &Application::handleLogin);
    connect(m_window.get(), &ui::MainWindow::loginCancelled, this, [this] {
        m_db->close();
        m_window->logActivity(tr("Login cancelled; working offline."));
    });
    connect(m_window.get(),
            &ui::MainWindow::connectionRequested,
            this,
            &Application::handleConnectionRequested);
    connect(m_window.get(),
            &ui::MainWindow::localDatabaseRequested,
            this,
            &Application::handleLocalDatabaseRequested);
    connect(&m_localStart,
            &QFutureWatcher<Result<LocalDatabase>>::finished,
            this,
            &Application::handleLocalDatabaseStarted);
    connect(qApp, &QCoreApplication::aboutToQuit, this, &Application::shutdown);

    m_heartbeat.setInterval(HeartbeatIntervalMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &Application::beat);
}

Application::~Application()
{
    shutdown();
}

models::AlarmListModel *Application::alarms() const
{
    return m_window ? m_window->services().find<models::AlarmListModel>() : nullptr;
}

models::TimeSeriesModel *Application::series() const
{
    return m_window ? m_window->services().find<models::TimeSeriesModel>() : nullptr;
}

ui::AssetMapController *Application::assetLayers() const
{
    return m_window ? m_window->services().find<ui::AssetMapController>() : nullptr;
}

void Application::setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Infrasight"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("infrasight.example.org"));
    QCoreApplication::setApplicationName(QStringLiteral("infrasight"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(VersionString));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Infrasight"));
    QGuiApplication::setDesktopFileName(QStringLiteral("infrasight"));
}

void Application::installTranslations()
{
    // Qt's own strings (dialog buttons, ...) and one catalogue per target (STYLE.md section 6).
    const QLocale locale = QLocale::system();
    const QList<std::pair<QString, QString>> catalogues{
        {QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)},
        {QStringLiteral("infrasight_ui"), QStringLiteral(":/i18n")},
        {QStringLiteral("infrasight_models"), QStringLiteral(":/i18n")},
        {QStringLiteral("infrasight_console"), QStringLiteral(":/i18n")},
    };
    for (const auto &[name, directory] : catalogues) {
        auto translator = std::make_unique<QTranslator>(qApp);
        if (translator->load(locale, name, QStringLiteral("_"), directory)) {
            QCoreApplication::installTranslator(translator.release());
        } else {
            qCDebug(lcConsole) << "no translation" << name << "for" << locale.name();
        }
    }
}

QString Application::demoExtractPath()
{
    if (const QString path = qEnvironmentVariable("INFRASIGHT_DEMO_OSM"); !path.isEmpty()) {
        return path;
    }
    return QFileInfo(QString::fromUtf8(INFRASIGHT_DEFAULT_DEMO_OSM)).absoluteFilePath();
}

void Application::cancelSeeding()
{
    const std::shared_ptr<SeedControl> control = m_seedControl;
    if (!control || control->cancel.exchange(true)) {
        return;
    }
    qCInfo(lcConsole) << "demo city: cancel requested";
    // PQcancel talks to the server: never on the GUI thread. The control block outlives us.
    QThreadPool::globalInstance()->start([control] {
        const std::lock_guard lock(control->mutex);
        if (control->connection != nullptr) {
            control->connection->requestCancel();
        }
    });
}

void Application::start()
{
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/infrasight.svg")));
    m_window->show();
    if (m_options.traceState) {
        m_heartbeat.start();
    }
    m_window->logActivity(tr("Infrasight %1 started.").arg(QString::fromLatin1(VersionString)));
    m_basemap->start();

    if (!m_options.conninfo.isEmpty()) {
        connectTo(m_options.conninfo);
    } else if (const QString saved = Settings::savedConnection(); !saved.isEmpty()) {
        connectTo(saved);
    } else {
        startLocalDatabase();
    }
}

void Application::shutdown()
{
    if (m_shutDown) {
        return;
    }
    m_shutDown = true;
    m_heartbeat.stop();
    m_summaryRefresh.stop();
    cancelSeeding(); // a demo city half built is rolled back, not waited for
    // A local start in flight finishes first: it runs external programs that must not be
    // left half done. The window is already gone from the operator's view at this point.
    m_localStart.waitForFinished();
    // Features stop while the window and every feature still exist, then the window goes (its
    // panels borrow the features' models), then the features, then the database client.
    m_features->stopAll();
    m_basemap.reset();
    m_window.reset();
    m_features.reset();
    m_city.reset();
    m_db.reset();
    if (!m_localBaseDirectory.isEmpty()) {
        data::LocalCluster cluster(m_localBaseDirectory);
        if (auto stopped = cluster.stop(); !stopped) {
            qCWarning(lcConsole) << "could not stop the local database:"
                                 << stopped.error().toString();
        }
    }
    qCInfo(lcConsole) << "shut down";
}

void Application::connectTo(const QString &conninfo)
{
    m_conninfo = conninfo;
    m_refusal.clear();
    // Answers about the previous connection are not wanted any more.
    m_summaryRequest.cancel();
    m_schemaRequest.cancel();
    m_window->citySummaryModel()->clear();
    const ConnInfo info(conninfo);
    m_window->setServerName(info.describe());
    showState(IndicatorState::Connecting, info.describe());
    m_db->open(conninfo);
}

void Application::startLocalDatabase()
{
    if (m_localStart.isRunning()) {
        return;
    }
    m_window->setServerName(tr("local database"));
    showState(IndicatorState::Starting, data::LocalCluster::defaultBaseDirectory());
    // GDAL notes every ring cut at the extract's edge at debug level: expected and harmless
    // (shared/data/osm/README.md), so keep them out of the log unless asked for.
    if (m_options.seedDemo && qEnvironmentVariableIsEmpty("QT_LOGGING_RULES")) {
        QLoggingCategory::setFilterRules(QStringLiteral("infrasight.gis.debug=false"));
    }
    m_seedControl = std::make_shared<SeedControl>();
    m_localStart.setFuture(QtConcurrent::run(&Application::runLocalDatabase,
                                             this,
                                             m_options.seedDemo,
                                             demoExtractPath(),
                                             m_seedControl));
}

Result<Application::LocalDatabase> Application::runLocalDatabase(
    bool seed, const QString &extract, std::shared_ptr<SeedControl> control)
{
    // Worker thread: LocalCluster and MigrationRunner block while programs and the server work.
    data::LocalCluster cluster;
    auto started = cluster.start();
    if (!started) {
        return tl::unexpected(started.error());
    }
    auto connection = data::PgConnection::open(cluster.conninfo());
    if (!connection) {
        return tl::unexpected(connection.error());
    }
    data::MigrationRunner runner(**connection);
    auto report = runner.migrate();
    if (!report) {
        return tl::unexpected(report.error());
    }
    LocalDatabase local;
    auto hasAssets
        = (*connection)->exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM public.asset)"));
    if (!hasAssets) {
        return tl::unexpected(hasAssets.error());
    }
    if (hasAssets->value(0, 0).toBool()) {
        local.seed = SeedOutcome::NotNeeded;
    } else if (!seed) {
        local.seed = SeedOutcome::Disabled;
    } else if (!QFileInfo(extract).isFile()) {
        local.seed = SeedOutcome::NoExtract;
        local.seedDetail = extract;
    } else {
        QElapsedTimer timer;
        timer.start();
        // Progress goes to the GUI thread queued, throttled to phase changes and per-mille steps.
        QString lastPhase;
        qint64 lastStep = -1;
        const auto progress = [&](const QString &phase, qint64 done, qint64 total) {
            const qint64 step = total > 0 ? done * 1000 / total : -1;
            if (phase == lastPhase && step == lastStep) {
                return;
            }
            lastPhase = phase;
            lastStep = step;
            QMetaObject::invokeMethod(
                this,
                [this, phase, done, total] { reportSeedProgress(phase, done, total); },
                Qt::QueuedConnection);
        };
        {
            const std::lock_guard lock(control->mutex);
            control->connection = connection->get();
        }
        auto seeded = seedDemoCity(**connection, extract, &control->cancel, progress);
        {
            const std::lock_guard lock(control->mutex);
            control->connection = nullptr;
        }
        local.seedSeconds = double(timer.elapsed()) / 1000.0;
        if (seeded) {
            local.seed = SeedOutcome::Seeded;
        } else if (seeded.error().code == ErrorCode::Cancelled || control->cancel.load()) {
            local.seed = SeedOutcome::Cancelled;
        } else {
            local.seed = SeedOutcome::Failed;
            local.seedDetail = seeded.error().toString();
        }
    }
    local.conninfo = cluster.conninfo();
    local.baseDirectory = cluster.baseDirectory();
    local.startedHere = *started == data::LocalCluster::StartOutcome::Started;
    local.schemaVersion = report->finalVersion;
    local.migrationsApplied = report->applied.size();
    return local;
}

Result<void> Application::seedDemoCity(data::PgConnection &connection,
                                       const QString &extract,
                                       const std::atomic_bool *cancel,
                                       const SeedProgress &progress)
{
    auto source = DemoCitySource::open(extract);
    if (!source) {
        return tl::unexpected(source.error());
    }
    data::DemoCityOptions options;
    source->applyTo(options);
    data::DemoCitySeeder seeder(connection, options);
    seeder.setCancelFlag(cancel);
    if (progress) {
        seeder.setProgressCallback(progress);
    }
    return seeder.seedCity(source->featureSource());
}

void Application::reportSeedProgress(const QString &phase, qint64 done, qint64 total)
{
    if (m_shutDown || !m_localStart.isRunning() || !m_seedControl || m_seedControl->cancel) {
        return;
    }
    m_window->showProgress(tr("Building the demo city: %1").arg(phase), done, total);
}

void Application::reportLocalDatabaseSeeding(const LocalDatabase &local)
{
    const QString how = tr("To build it later: infrasightctl seed --osm "
                           "/path/to/city.osm.pbf --data-dir %1")
                            .arg(local.baseDirectory);
    switch (local.seed) {
    case SeedOutcome::NotNeeded:
        break;
    case SeedOutcome::Disabled:
        m_window->logActivity(tr("The local database is empty; the demo city was not built "
                                 "(--no-seed). %1")
                                  .arg(how));
        break;
    case SeedOutcome::NoExtract:
        m_window->logActivity(tr("The local database is empty and the demo extract %1 was not "
                                 "found (set INFRASIGHT_DEMO_OSM). %2")
                                  .arg(local.seedDetail, how),
                              QIcon(QStringLiteral(":/icons/connection-password.svg")));
        break;
    case SeedOutcome::Seeded:
        m_window->logActivity(tr("Demo city built in %1 s. Map data © OpenStreetMap "
                                 "contributors (ODbL).")
                                  .arg(QLocale().toString(local.seedSeconds, 'f', 1)));
        break;
    case SeedOutcome::Cancelled:
        m_window->logActivity(tr("Building the demo city was cancelled; the local database "
                                 "stays empty. %1")
                                  .arg(how));
        break;
    case SeedOutcome::Failed:
        qCWarning(lcConsole).noquote() << "demo city failed:" << local.seedDetail;
        m_window->logActivity(tr("The demo city could not be built: %1").arg(local.seedDetail),
                              QIcon(QStringLiteral(":/icons/connection-offline.svg")));
        break;
    }
}

void Application::handleLocalDatabaseStarted()
{
    m_window->hideProgress();
    if (m_shutDown) {
        return;
    }
    const Result<LocalDatabase> result = m_localStart.result();
    if (!result && !m_pendingConninfo.isEmpty()) {
        qCWarning(lcConsole) << "local database failed:" << result.error().toString();
        connectTo(std::exchange(m_pendingConninfo, QString()));
        return;
    }
    if (!result) {
        qCWarning(lcConsole) << "local database failed:" << result.error().toString();
        m_window->logActivity(
            tr("The local database could not be started: %1").arg(result.error().toString()));
        showState(IndicatorState::Offline,
                  tr("The local database could not be started. Use File > Connect to Database "
                     "to choose another one."));
        return;
    }
    if (result->startedHere) {
        m_localBaseDirectory = result->baseDirectory;
    }
    if (!m_pendingConninfo.isEmpty()) {
        connectTo(std::exchange(m_pendingConninfo, QString()));
        return;
    }
    m_window->logActivity(tr("Local database ready in %1 (schema version %2, %3 migration(s) "
                             "applied).")
                              .arg(result->baseDirectory)
                              .arg(result->schemaVersion)
                              .arg(result->migrationsApplied));
    reportLocalDatabaseSeeding(*result);
    connectTo(result->conninfo);
    m_window->setServerName(tr("local database"));
}

void Application::handleStateChanged(data::ConnectionState state)
{
    const IndicatorState shown = toIndicatorState(state);
    QString detail;
    switch (shown) {
    case IndicatorState::Connected:
        detail = ConnInfo(m_conninfo).describe();
        m_ignoreStalePasswordPrompt = false;
        m_window->dismissLogin();
        checkSchema();
        break;
    case IndicatorState::Offline:
        detail = m_refusal.isEmpty() ? m_db->lastError() : m_refusal;
        break;
    case IndicatorState::Reconnecting:
    case IndicatorState::NeedsPassword:
        detail = m_db->lastError();
        break;
    case IndicatorState::Starting:
    case IndicatorState::Connecting:
        detail = ConnInfo(m_conninfo).describe();
        break;
    }
    showState(shown, detail);
}

void Application::handlePasswordRequired(const QString &message)
{
    if (m_ignoreStalePasswordPrompt) {
        // The answer to the attempt made before the new user's password was handed over.
        m_ignoreStalePasswordPrompt = false;
        return;
    }
    m_window->askForLogin(ConnInfo(m_conninfo).value(QStringLiteral("user")), message);
}

void Application::handleLogin(const QString &user, const QString &password)
{
    const ConnInfo info(m_conninfo);
    if (!user.isEmpty() && user != info.value(QStringLiteral("user"))) {
        // A different person logs in: the user belongs to the connection string, the password
        // stays in the client's memory only.
        m_conninfo = info.withUser(user);
        m_window->setServerName(ConnInfo(m_conninfo).describe());
        m_ignoreStalePasswordPrompt = true;
        m_db->open(m_conninfo);
    }
    m_db->setPassword(password);
}

void Application::handleConnectionRequested(const QString &conninfo)
{
    Settings::saveConnection(conninfo);
    m_window->logActivity(tr("Connecting to %1; this connection is used from now on.")
                              .arg(ConnInfo(conninfo).describe()));
    if (m_localStart.isRunning()) {
        // The local start cannot be interrupted halfway; connect once it is done. A demo city
        // being built for the local database is no longer wanted.
        m_pendingConninfo = conninfo;
        cancelSeeding();
        return;
    }
    m_db->close();
    connectTo(conninfo);
}

void Application::handleLocalDatabaseRequested()
{
    m_pendingConninfo.clear();
    Settings::clearSavedConnection();
    m_window->logActivity(tr("Switching to the local database."));
    m_db->close();
    startLocalDatabase();
}

void Application::showState(IndicatorState state, const QString &detail)
{
    m_window->setConnectionState(state, detail);
    if (m_options.traceState && (!m_hasTracedState || state != m_tracedState)) {
        m_hasTracedState = true;
        m_tracedState = state;
        qCInfo(lcConsoleState).noquote() << "state:" << traceWord(state);
    }
}

void Application::checkSchema()
{
    // Asked again after every (re)connect: an administrator may have migrated meanwhile.
    m_schemaRequest.cancel();
    m_schemaRequest = m_city->schemaVersion(
        this, [this](const Result<int> &version) { handleSchemaVersion(version); });
}

void Application::refreshCitySummary()
{
    if (m_shutDown || m_db->state() != data::ConnectionState::Connected
        || m_summaryRequest.isValid()) {
        return;
    }
    m_summaryRequest = m_city->summary(this, [this](const Result<data::CitySummary> &summary) {
        m_summaryRequest = {};
        if (!summary) {
            if (summary.error().code != ErrorCode::Connection) {
                qCWarning(lcConsole) << "city summary failed:" << summary.error().toString();
            }
            return;
        }
        m_window->setCitySummary(*summary);
        qCInfo(lcConsole).noquote() << "city summary:" << summary->types.size() << "asset types,"
                                    << m_window->citySummaryModel()->totalAssets() << "assets";
    });
}

void Application::handleSchemaVersion(const Result<int> &outcome)
{
    m_schemaRequest = {};
    const int known = data::MigrationRunner::latestVersion();
    if (!outcome) {
        if (outcome.error().code == ErrorCode::NotFound) {
            m_window->logActivity(tr("This database has no Infrasight schema yet. An administrator "
                                     "can create it with: infrasightctl db migrate --db …"),
                                  QIcon(QStringLiteral(":/icons/connection-password.svg")));
        } else if (outcome.error().code != ErrorCode::Connection) {
            qCWarning(lcConsole) << "schema check failed:" << outcome.error().toString();
        }
        return;
    }
    const int version = *outcome;
    if (version > known) {
        // DESIGN.md section 4: never run against a schema newer than this program knows.
        const QString reason = tr("The database schema (version %1) is newer than this console "
                                  "knows (version %2). Please update Infrasight.")
                                   .arg(version)
                                   .arg(known);
        qCWarning(lcConsole).noquote() << reason;
        m_window->logActivity(reason, QIcon(QStringLiteral(":/icons/connection-offline.svg")));
        m_refusal = reason;
        m_db->close();
        showState(IndicatorState::Offline, reason);
    } else if (version < known) {
        m_window->logActivity(tr("The database schema is at version %1; this console knows "
                                 "version %2. An administrator can migrate it with: "
                                 "infrasightctl db migrate")
                                  .arg(version)
                                  .arg(known));
    } else {
        m_window->logActivity(tr("Database schema version %1.").arg(version));
    }
    if (version >= 1 && version <= known) {
        refreshCitySummary();
        if (ui::AssetMapController *assets = assetLayers(); assets != nullptr) {
            assets->reloadLayers();
        }
    }
}

void Application::beat()
{
    qCInfo(lcConsoleState).noquote() << "heartbeat" << ++m_heartbeats;
}

} // namespace infrasight::app
