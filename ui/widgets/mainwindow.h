// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/widgets/connectionindicator.h"
#include "ui/widgets/mapcanvas.h"
#include "ui/widgets/serviceregistry.h"
#include "ui/widgets/workbench.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QString>

class QAction;
class QActionGroup;
class QIcon;
class QDockWidget;
class QLabel;
class QListWidget;
class QMenu;
class QProgressBar;
class QTabWidget;
class QToolBar;
class QToolButton;
class QTreeView;

namespace infrasight::data {
struct CitySummary;
}

namespace infrasight::models {
class CitySummaryModel;
using CitySummary = data::CitySummary;
} // namespace infrasight::models

namespace infrasight::ui {

class CoordinateLabel;
class LoginDialog;
class MapTool;

/// The console's main window: the map canvas in the middle, the Layers dock on the left and
/// Activity at the bottom, the menus File, View, Layers, Tools and Help, and the database link in
/// the status bar. Features put their docks (Alarms and Details on the right, ...), actions and
/// tools into it through the Workbench interface; the window knows none of them by name. It
/// knows nothing about the database either: app/ feeds it states through setConnectionState()
/// and listens to its request signals. Window geometry, dock layout and the theme are kept in
/// QSettings (never credentials); the dock layout is restored by restoreDockLayout() once the
/// features added their docks. GUI thread only.
class MainWindow : public QMainWindow, public Workbench
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Shows the database link state in the status bar and logs the change in the Activity dock.
    /// detail names the server or the reason ("postgres@127.0.0.1:5432", "server closed the
    /// connection unexpectedly").
    void setConnectionState(infrasight::ui::ConnectionIndicator::State state,
                            const QString &detail = {});
    ConnectionIndicator::State connectionState() const;

    /// The server shown in the status bar and the login dialog (never contains a password).
    void setServerName(const QString &server);
    /// The city shown on the map area and in the title bar.
    void setCityName(const QString &city);

    /// Shows the city summary (asset types with counts, sensors, open work orders) in the Layers
    /// dock, and the city name on the map area when the summary has one.
    void setCitySummary(const infrasight::models::CitySummary &summary);

    /// The asset types shown in the Layers dock.
    models::CitySummaryModel *citySummaryModel() const { return m_citySummary; }

    /// Puts the docks where the last session left them. Call once the features added theirs.
    void restoreDockLayout();

    // Workbench
    QWidget *windowWidget() override { return this; }

    MapCanvas *mapCanvas() const override { return m_map; }

    QDockWidget *addDock(const QString &objectName,
                         const QString &title,
                         QWidget *content,
                         const DockPlacement &placement) override;

    QDockWidget *activityDock() const override { return m_activityDock; }

    void addLayersPage(QWidget *page, const QString &title) override;
    void addMenuAction(Menu menu, QAction *action) override;
    void addMapTool(QAction *action, MapTool *tool) override;
    void addToolBarWidget(QWidget *widget) override;
    void addStatusWidget(QWidget *widget) override;
    void addCloseGuard(CloseGuard guard) override;
    void logActivity(const QString &line, const QIcon &icon = {}) override;
    void showStatusMessage(const QString &text, int timeoutMs) override;

    ServiceRegistry &services() override { return m_services; }

    /// Shows a long job in the status bar: the phase, a progress bar (busy when total <= 0) and
    /// a Cancel button that emits cancelRequested().
    void showProgress(const QString &phase, qint64 done, qint64 total);
    /// Hides the progress widgets again.
    void hideProgress();
    bool isProgressVisible() const;

    /// Opens the login dialog without blocking (the window stays live); loginRequested() reports
    /// the operator's answer. A second call while it is open only updates the message.
    void askForLogin(const QString &user, const QString &message);
    /// Closes the login dialog if it is open (e.g. once the connection succeeded).
    void dismissLogin();

    ConnectionIndicator *connectionIndicator() const { return m_indicator; }

    /// The map canvas in the middle of the window.
    MapCanvas *mapArea() const { return m_map; }

    /// The lon/lat and projected position of the cursor in the status bar.
    CoordinateLabel *coordinateLabel() const { return m_coordinates; }

    /// The login dialog while it exists (created on first askForLogin()), else nullptr.
    LoginDialog *loginDialog() const;

    QDockWidget *layersDock() const override { return m_layersDock; }

    QListWidget *activityList() const { return m_activity; }

    QToolBar *mainToolBar() const { return m_toolBar; }

Q_SIGNALS:
    /// File > Connect to Database…: the operator entered a libpq connection string.
    void connectionRequested(const QString &conninfo);
    /// File > Use Local Database: forget the saved connection and use the embedded cluster.
    void localDatabaseRequested();
    /// The login dialog was confirmed. The password is for the database client's memory only.
    void loginRequested(const QString &user, const QString &password);
    /// The login dialog was dismissed with "Work Offline".
    void loginCancelled();
    /// The operator pressed Cancel next to the progress bar.
    void cancelRequested();
    /// View > Map Source…: app/ opens a MapSourceDialog with the saved choice.
    void mapSourceDialogRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createDocks();
    void createMenus();
    void createStatusBar();
    void createMapActions(QMenu *view, QAction *before);
    void restoreLayout();
    void saveLayout();
    void askForConnection();
    void showAbout();
    void updateTitle();
    QWidget *createLayersPanel();
    void updateCityFacts();
    /// Checks the Tools entry of the canvas's active tool (Pan when there is none).
    void showActiveTool(MapTool *tool);

    MapCanvas *m_map = nullptr;
    CoordinateLabel *m_coordinates = nullptr;
    ConnectionIndicator *m_indicator = nullptr;
    QLabel *m_serverLabel = nullptr;
    QListWidget *m_activity = nullptr;
    QDockWidget *m_layersDock = nullptr;
    QTabWidget *m_layersTabs = nullptr;
    QDockWidget *m_activityDock = nullptr;
    QToolBar *m_toolBar = nullptr;
    QWidget *m_toolBarSpacer = nullptr; ///< between the actions and the features' widgets
    models::CitySummaryModel *m_citySummary = nullptr;
    QTreeView *m_cityTypes = nullptr;
    QWidget *m_layersPanel = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_layersMenu = nullptr;
    QMenu *m_toolsMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_fileFeatures = nullptr; ///< features' File actions go above it (the separator)
    QAction *m_viewDocks = nullptr;    ///< dock toggles go above it (the tool bar's toggle)
    QAction *m_viewFeatures = nullptr; ///< features' View options go above it (Dark Theme)
    QAction *m_helpFeatures = nullptr; ///< features' Help actions go above it (About)
    QAction *m_panTool = nullptr;
    QAction *m_toolBarTools = nullptr; ///< the features' tools go above it (a separator)
    QActionGroup *m_toolGroup = nullptr;
    QHash<MapTool *, QAction *> m_toolActions;
    QList<CloseGuard> m_closeGuards;
    ServiceRegistry m_services;
    int m_statusWidgets = 0;
    QLabel *m_cityFacts = nullptr;
    QLabel *m_layersPlaceholder = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QToolButton *m_cancelButton = nullptr;
    QPointer<LoginDialog> m_loginDialog;
    QString m_server;
    QString m_city;
};

} // namespace infrasight::ui
