// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/console/commandline.h"
#include "data/dbclient.h"
#include "data/repositories/request.h"
#include "gis/core/result.h"
#include "models/citysummarymodel.h"
#include "ui/widgets/connectionindicator.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace infrasight::data {
class PgCityRepository;
class PgConnection;
} // namespace infrasight::data

namespace infrasight::models {
class AlarmListModel;
class TimeSeriesModel;
} // namespace infrasight::models

namespace infrasight::ui {
class AssetMapController;
class FeatureHost;
class MainWindow;
} // namespace infrasight::ui

namespace infrasight::app {

class BasemapChooser;

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

    /// Loads the console's and the widgets' translations (and Qt's own) for the system locale.
    /// Call once after the QApplication exists and before the Application is built.
    static void installTranslations();

    /// Shows the window and starts connecting. Returns at once.
    void start();

    /// The demo extract an empty local database is seeded from: INFRASIGHT_DEMO_OSM, else the
    /// Monaco extract next to the source tree this console was built from.
    static QString demoExtractPath();

    /// Builds the demo city from an OpenStreetMap extract on a migrated, empty database (blocks;
    /// worker threads and tests). progress gets the seeder's phase and counts on the calling
    /// thread; cancel is polled.
    using SeedProgress = std::function<void(const QString &phase, qint64 done, qint64 total)>;
    [[nodiscard]] static Result<void> seedDemoCity(data::PgConnection &connection,
                                                   const QString &extract,
                                                   const std::atomic_bool *cancel = nullptr,
                                                   const SeedProgress &progress = {});

    /// Stops building the demo city (the window's Cancel button; the window closing). The
    /// seeder rolls back and the console connects to the still empty database. Never blocks.
    void cancelSeeding();

    /// Stops the heartbeat, waits for a local start in flight, closes the window, closes the
    /// database client (joining its thread) and stops the local cluster if this console started
    /// it. Idempotent; runs on QCoreApplication::aboutToQuit.
    void shutdown();

    /// The window, for tests; nullptr after shutdown().
    ui::MainWindow *mainWindow() const { return m_window.get(); }

    /// The basemap on the map canvas, for tests; nullptr after shutdown().
    BasemapChooser *basemap() const { return m_basemap.get(); }

    /// The open alarms in the Alarms dock, for tests; nullptr after shutdown().
    models::AlarmListModel *alarms() const;

    /// The live charts' series, for tests; nullptr after shutdown().
    models::TimeSeriesModel *series() const;

    /// The database client every part of the console sends its statements through, for tests;
    /// nullptr after shutdown().
    data::DbClient *dbClient() const { return m_db.get(); }

    /// The asset layers on the map and their panels, for tests; nullptr after shutdown().
    ui::AssetMapController *assetLayers() const;

private:
    /// What the worker thread did about the demo city.
    enum class SeedOutcome { NotNeeded, Disabled, NoExtract, Seeded, Cancelled, Failed };

    /// Shared by the GUI thread and the local start job (outlives both via shared_ptr).
    struct SeedControl
    {
        std::atomic_bool cancel{false};
        std::mutex mutex;                         ///< guards connection
        data::PgConnection *connection = nullptr; ///< the seeding connection while it runs
    };

    /// What the worker thread reports after starting the local cluster.
    struct LocalDatabase
    {
        SeedOutcome seed = SeedOutcome::NotNeeded;
        QString seedDetail; ///< error message, or the extract's path for NoExtract
        double seedSeconds = 0;
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
    void handleSchemaVersion(const Result<int> &outcome);

    [[nodiscard]] Result<LocalDatabase>
    runLocalDatabase(bool seed, const QString &extract, std::shared_ptr<SeedControl> control);
    void reportSeedProgress(const QString &phase, qint64 done, qint64 total);
    void reportLocalDatabaseSeeding(const LocalDatabase &local);
    void refreshCitySummary();

    ConsoleOptions m_options;
    std::unique_ptr<data::DbClient> m_db;
    std::unique_ptr<data::PgCityRepository> m_city; ///< schema version and city summary
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<BasemapChooser> m_basemap; ///< puts the basemap on the window's map
    /// The features (asset map, alarms, live charts, geofences); stopped before the window
    /// goes, destroyed after it (its panels borrow their models) and before the client.
    std::unique_ptr<ui::FeatureHost> m_features;
    QFutureWatcher<Result<LocalDatabase>> m_localStart;
    QTimer m_heartbeat;
    QString m_conninfo;
    QString m_localBaseDirectory; ///< set when this console started the local cluster
    bool m_ignoreStalePasswordPrompt = false;
    bool m_shutDown = false;
    bool m_hasTracedState = false;
    ui::ConnectionIndicator::State m_tracedState = ui::ConnectionIndicator::State::Offline;
    quint64 m_heartbeats = 0;
    data::Request m_schemaRequest;
    data::Request m_summaryRequest; ///< valid while a summary is being read
    QTimer m_summaryRefresh;        ///< coalesces bulk NOTIFY bursts into one refresh
    std::shared_ptr<SeedControl> m_seedControl;
    QString m_pendingConninfo; ///< chosen by the operator while the local start was running
    QString m_refusal;         ///< why the console closed the connection itself (schema too new)
};

} // namespace infrasight::app
