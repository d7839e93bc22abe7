// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/widgets/connectionindicator.h"
#include "ui/widgets/mapcanvas.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QString>

class QAction;
class QIcon;
class QDockWidget;
class QLabel;
class QListWidget;
class QMenu;
class QProgressBar;
class QToolBar;
class QToolButton;
class QTreeView;

namespace infrasight::models {
class AlarmListModel;
class GeofenceEditSession;
class GeofenceListModel;
class CitySummaryModel;
class TimeSeriesModel;
struct CitySummary;
} // namespace infrasight::models

namespace infrasight::ui {

class AlarmPanel;
class AlarmSound;
class AssetMapController;
class AttributeTablePanel;
class AssetDetailsPanel;
class CoordinateLabel;
class GeofenceEditTool;
class GeofencePanel;
class LayerPanel;
class LiveChartPanel;
class LocatorBox;
class LoginDialog;
class MapTool;

/// The console's main window: the map canvas in the middle, docks around it (Layers on the left,
/// Alarms and Details on the right, Activity at the bottom), the menus File, View, Layers, Tools
/// and Help, and the database link in the status bar. It knows nothing about the database itself:
/// app/ feeds it states through setConnectionState() and listens to its request signals.
/// Window geometry, dock layout and the theme are kept in QSettings (never credentials).
/// GUI thread only.
class MainWindow : public QMainWindow
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

    /// Puts the asset layers into the window: the layer list in the Layers dock, the asset
    /// details in the Details dock, the attribute table in a dock of its own (tabbed with
    /// Activity), the asset search box in the tool bar, the Identify, Select, Select by Polygon
    /// and Move Asset tools, and Zoom to Selection, Clear Selection and Refresh in the Layers
    /// menu. Call once; the controller is borrowed and must outlive the window's use of it (the
    /// window is destroyed first).
    void setAssetMap(AssetMapController *assets);

    /// Puts the alarm list into the Alarms dock and its counts into the status bar; Enter on an
    /// alarm shows its asset (once setAssetMap() was called). Call once; the model is borrowed
    /// and must outlive the window.
    void setAlarms(models::AlarmListModel *alarms);

    AlarmPanel *alarmPanel() const { return m_alarmPanel; }

    /// The chime for new critical alarms (View > Sound for Critical Alarms), once setAlarms()
    /// was called.
    AlarmSound *alarmSound() const { return m_alarmSound; }

    /// Puts the live charts into a Live Chart dock at the bottom. An alarm (Enter), an alarm
    /// marker (Identify) and a sensor in the Details panel open their sensor's chart there. Call
    /// once, after setAssetMap() and setAlarms(); the model is borrowed and must outlive the
    /// window.
    void setLiveCharts(models::TimeSeriesModel *series);

    LiveChartPanel *liveChartPanel() const { return m_chartPanel; }

    QDockWidget *liveChartDock() const { return m_chartDock; }

    /// Opens a sensor's live chart and brings its dock forward.
    void showChart(qint64 sensorId);

    /// Puts the geofences into a Geofences dock (tabbed with Layers) and binds Tools > Draw
    /// Geofence to the geofence editor: choosing a fence opens it zoomed on the map, Select on
    /// Map selects the assets inside it (once setAssetMap() was called). Call once; the model
    /// is borrowed and must outlive the window. Closing the window with unsaved geofence
    /// changes asks first.
    void setGeofences(models::GeofenceListModel *fences);

    GeofencePanel *geofencePanel() const { return m_geofencePanel; }

    GeofenceEditTool *geofenceTool() const { return m_geofenceTool; }

    QDockWidget *geofenceDock() const { return m_geofenceDock; }

    /// The alarm counts in the status bar.
    QLabel *alarmCountLabel() const { return m_alarmCounts; }

    LayerPanel *layerPanel() const { return m_layerPanel; }

    AssetDetailsPanel *detailsPanel() const { return m_detailsPanel; }

    AttributeTablePanel *attributeTablePanel() const { return m_tablePanel; }

    LocatorBox *locatorBox() const { return m_locator; }

    QDockWidget *attributeTableDock() const { return m_tableDock; }

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

    /// Appends a time-stamped line to the Activity dock.
    void logActivity(const QString &line, const QIcon &icon = {});

    ConnectionIndicator *connectionIndicator() const { return m_indicator; }

    /// The map canvas in the middle of the window.
    MapCanvas *mapArea() const { return m_map; }

    MapCanvas *mapCanvas() const { return m_map; }

    /// The lon/lat and projected position of the cursor in the status bar.
    CoordinateLabel *coordinateLabel() const { return m_coordinates; }

    /// The login dialog while it exists (created on first askForLogin()), else nullptr.
    LoginDialog *loginDialog() const;

    QDockWidget *layersDock() const { return m_layersDock; }

    QDockWidget *alarmsDock() const { return m_alarmsDock; }

    QDockWidget *detailsDock() const { return m_detailsDock; }

    QDockWidget *activityDock() const { return m_activityDock; }

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
    QDockWidget *createDock(const QString &title,
                            const QString &objectName,
                            QWidget *content,
                            Qt::DockWidgetArea area);
    QWidget *createPlaceholderPanel(const QString &text);
    QWidget *createLayersPanel();
    void updateCityFacts();
    /// The Tools menu entry that activates tool (enabled from now on).
    void bindTool(const QString &objectName, MapTool *tool, const QString &statusTip);
    /// Checks the Tools entry of the canvas's active tool (Pan when there is none).
    void showActiveTool(MapTool *tool);

    MapCanvas *m_map = nullptr;
    CoordinateLabel *m_coordinates = nullptr;
    ConnectionIndicator *m_indicator = nullptr;
    QLabel *m_serverLabel = nullptr;
    QListWidget *m_activity = nullptr;
    QDockWidget *m_layersDock = nullptr;
    QDockWidget *m_alarmsDock = nullptr;
    QDockWidget *m_detailsDock = nullptr;
    QDockWidget *m_activityDock = nullptr;
    QToolBar *m_toolBar = nullptr;
    models::CitySummaryModel *m_citySummary = nullptr;
    QTreeView *m_cityTypes = nullptr;
    QWidget *m_layersPanel = nullptr;
    LayerPanel *m_layerPanel = nullptr;
    AlarmPanel *m_alarmPanel = nullptr;
    AlarmSound *m_alarmSound = nullptr;
    LiveChartPanel *m_chartPanel = nullptr;
    QDockWidget *m_chartDock = nullptr;
    models::GeofenceEditSession *m_geofenceSession = nullptr;
    GeofenceEditTool *m_geofenceTool = nullptr;
    GeofencePanel *m_geofencePanel = nullptr;
    QDockWidget *m_geofenceDock = nullptr;
    bool m_closeConfirmed = false;
    QLabel *m_alarmCounts = nullptr;
    QPointer<AssetMapController> m_assets;
    AssetDetailsPanel *m_detailsPanel = nullptr;
    AttributeTablePanel *m_tablePanel = nullptr;
    LocatorBox *m_locator = nullptr;
    QDockWidget *m_tableDock = nullptr;
    QMenu *m_layersMenu = nullptr;
    QMenu *m_toolsMenu = nullptr;
    QHash<MapTool *, QAction *> m_toolActions;
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
