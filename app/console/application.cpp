// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/console/application.h"

#include "app/console/conninfo.h"
#include "app/console/logging.h"
#include "app/console/settings.h"
#include "data/localcluster.h"
#include "data/migrationrunner.h"
#include "data/pg/pgconnection.h"
#include "gis/core/version.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/theme.h"

#include <QApplication>
#include <QIcon>
#include <QtConcurrent>

#include <utility>

namespace infrasight::app {

namespace {

using IndicatorState = ui::ConnectionIndicator::State;

constexpr int HeartbeatIntervalMs = 250;

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
{
    ui::Theme::apply(ui::Theme::saved());
    m_window = std::make_unique<ui::MainWindow>();
    m_window->setCityName(Settings::cityName());

    connect(m_db.get(), &data::DbClient::stateChanged, this, &Application::handleStateChanged);
    connect(
        m_db.get(), &data::DbClient::passwordRequired, this, &Application::handlePasswordRequired);
    connect(m_db.get(), &data::DbClient::queryFinished, this, &Application::handleQueryFinished);
    connect(m_db.get(), &data::DbClient::reconnected, this, [this] {
        m_window->logActivity(tr("Connection restored; live updates resumed."));
    });
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

void Application::setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Infrasight"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("infrasight.example.org"));
    QCoreApplication::setApplicationName(QStringLiteral("infrasight"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(VersionString));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Infrasight"));
    QGuiApplication::setDesktopFileName(QStringLiteral("infrasight"));
}

void Application::start()
{
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/infrasight.svg")));
    m_window->show();
    if (m_options.traceState) {
        m_heartbeat.start();
    }
    m_window->logActivity(tr("Infrasight %1 started.").arg(QString::fromLatin1(VersionString)));

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
    // A local start in flight finishes first: it runs external programs that must not be
    // left half done. The window is already gone from the operator's view at this point.
    m_localStart.waitForFinished();
    m_window.reset();
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
    m_localStart.setFuture(QtConcurrent::run(&Application::runLocalDatabase));
}

Result<Application::LocalDatabase> Application::runLocalDatabase()
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
    local.conninfo = cluster.conninfo();
    local.baseDirectory = cluster.baseDirectory();
    local.startedHere = *started == data::LocalCluster::StartOutcome::Started;
    local.schemaVersion = report->finalVersion;
    local.migrationsApplied = report->applied.size();
    return local;
}

void Application::handleLocalDatabaseStarted()
{
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
        // The local start cannot be interrupted halfway; connect once it is done.
        m_pendingConninfo = conninfo;
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
    m_schemaQuery = m_db->submit(
        QStringLiteral("SELECT coalesce(max(version), 0) FROM public.schema_migrations"));
}

void Application::handleQueryFinished(data::QueryId id, const data::QueryOutcome &outcome)
{
    if (id != m_schemaQuery) {
        return;
    }
    m_schemaQuery = 0;
    const int known = data::MigrationRunner::latestVersion();
    if (!outcome) {
        if (outcome.error().sqlState == QStringLiteral("42P01")) { // undefined_table
            m_window->logActivity(tr("This database has no Infrasight schema yet. An administrator "
                                     "can create it with: infrasightctl db migrate --db …"),
                                  QIcon(QStringLiteral(":/icons/connection-password.svg")));
        } else if (outcome.error().code != ErrorCode::Connection) {
            qCWarning(lcConsole) << "schema check failed:" << outcome.error().toString();
        }
        return;
    }
    const auto version = int(outcome->toInt(0, 0));
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
}

void Application::beat()
{
    qCInfo(lcConsoleState).noquote() << "heartbeat" << ++m_heartbeats;
}

} // namespace infrasight::app
