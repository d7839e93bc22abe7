// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/console/commandline.h"
#include "data/dbclient.h"
#include "gis/core/result.h"
#include "ui/widgets/connectionindicator.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

namespace infrasight::ui {
class MainWindow;
}

namespace infrasight::app {

/// The console's composition root: builds the database client and the main window, wires them,
/// picks the database (--db, else the saved connection, else the local cluster, started and
/// migrated off the GUI thread), and shuts down in order. The window appears at once; nothing
/// here waits for the database on the GUI thread. GUI thread only.
class Application : public QObject
{
    Q_OBJECT

public:
    explicit Application(ConsoleOptions options, QObject *parent = nullptr);
    /// Calls shutdown().
    ~Application() override;

    /// Application name, organisation and version, before any QSettings is used.
    static void setIdentity();

    /// Shows the window and starts connecting. Returns at once.
    void start();

    /// Stops the heartbeat, waits for a local start in flight, closes the window, closes the
    /// database client (joining its thread) and stops the local cluster if this console started
    /// it. Idempotent; runs on QCoreApplication::aboutToQuit.
    void shutdown();

    /// The window, for tests; nullptr after shutdown().
    ui::MainWindow *mainWindow() const { return m_window.get(); }

private:
    /// What the worker thread reports after starting the local cluster.
    struct LocalDatabase
    {
        QString conninfo;
        QString baseDirectory;
        bool startedHere = false; ///< the cluster was not running before
        int schemaVersion = 0;
        qsizetype migrationsApplied = 0;
    };

    void connectTo(const QString &conninfo);
    void startLocalDatabase();
    void handleLocalDatabaseStarted();
    void handleStateChanged(infrasight::data::ConnectionState state);
    void handlePasswordRequired(const QString &message);
    void handleLogin(const QString &user, const QString &password);
    void handleConnectionRequested(const QString &conninfo);
    void handleLocalDatabaseRequested();
    void showState(infrasight::ui::ConnectionIndicator::State state, const QString &detail);
    void beat();
    void checkSchema();
    void handleQueryFinished(infrasight::data::QueryId id,
                             const infrasight::data::QueryOutcome &outcome);

    [[nodiscard]] static Result<LocalDatabase> runLocalDatabase();

    ConsoleOptions m_options;
    std::unique_ptr<data::DbClient> m_db;
    std::unique_ptr<ui::MainWindow> m_window;
    QFutureWatcher<Result<LocalDatabase>> m_localStart;
    QTimer m_heartbeat;
    QString m_conninfo;
    QString m_localBaseDirectory; ///< set when this console started the local cluster
    bool m_ignoreStalePasswordPrompt = false;
    bool m_shutDown = false;
    bool m_hasTracedState = false;
    ui::ConnectionIndicator::State m_tracedState = ui::ConnectionIndicator::State::Offline;
    quint64 m_heartbeats = 0;
    data::QueryId m_schemaQuery = 0;
    QString m_pendingConninfo; ///< chosen by the operator while the local start was running
    QString m_refusal;         ///< why the console closed the connection itself (schema too new)
};

} // namespace infrasight::app
