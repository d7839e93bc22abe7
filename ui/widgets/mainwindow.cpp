// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/mainwindow.h"

#include "gis/core/mercator.h"
#include "gis/core/version.h"
#include "models/alarmlistmodel.h"
#include "models/assetlayerloader.h"
#include "models/assetselection.h"
#include "models/citysummarymodel.h"
#include "models/geofenceeditsession.h"
#include "models/geofencelistmodel.h"
#include "models/layermodel.h"
#include "ui/widgets/alarmpanel.h"
#include "ui/widgets/alarmsound.h"
#include "ui/widgets/assetdetailspanel.h"
#include "ui/widgets/assetmapcontroller.h"
#include "ui/widgets/attributetablepanel.h"
#include "ui/widgets/charts/livechartpanel.h"
#include "ui/widgets/coordinatelabel.h"
#include "ui/widgets/geofenceedittool.h"
#include "ui/widgets/geofencepainter.h"
#include "ui/widgets/geofencepanel.h"
#include "ui/widgets/identifytool.h"
#include "ui/widgets/layerpanel.h"
#include "ui/widgets/locatorbox.h"
#include "ui/widgets/logindialog.h"
#include "ui/widgets/mapcanvas.h"
#include "ui/widgets/polygonselecttool.h"
#include "ui/widgets/rectangleselecttool.h"
#include "ui/widgets/theme.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QHeaderView>
#include <QIcon>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace infrasight::ui {

namespace {

constexpr int MaxActivityLines = 500;
constexpr int DefaultWidth = 1600;
constexpr int DefaultHeight = 1000;

QString geometryKey()
{
    return QStringLiteral("mainWindow/geometry");
}

QString stateKey()
{
    return QStringLiteral("mainWindow/state");
}

QIcon stateIcon(ConnectionIndicator::State state)
{
    switch (state) {
    case ConnectionIndicator::State::Starting:
    case ConnectionIndicator::State::Connecting:
        return QIcon(QStringLiteral(":/icons/connection-connecting.svg"));
    case ConnectionIndicator::State::Connected:
        return QIcon(QStringLiteral(":/icons/connection-connected.svg"));
    case ConnectionIndicator::State::Reconnecting:
        return QIcon(QStringLiteral(":/icons/connection-reconnecting.svg"));
    case ConnectionIndicator::State::Offline:
        return QIcon(QStringLiteral(":/icons/connection-offline.svg"));
    case ConnectionIndicator::State::NeedsPassword:
        return QIcon(QStringLiteral(":/icons/connection-password.svg"));
    }
    return {};
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_map(new MapCanvas(this))
    , m_coordinates(new CoordinateLabel(this))
    , m_indicator(new ConnectionIndicator(this))
    , m_serverLabel(new QLabel(this))
    , m_activity(new QListWidget(this))
    , m_citySummary(new models::CitySummaryModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/infrasight.svg")));
    setCentralWidget(m_map);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks
                   | QMainWindow::AllowNestedDocks);
    // Left and right docks run the full height so that the Activity dock sits under the map only.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    createDocks();
    createMenus();
    createStatusBar();
    restoreLayout();
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::setConnectionState(ConnectionIndicator::State state, const QString &detail)
{
    const bool changed = state != m_indicator->state();
    m_indicator->setState(state, detail);
    if (changed) {
        const QString word = ConnectionIndicator::textFor(state);
        logActivity(detail.isEmpty() ? tr("Database: %1").arg(word)
                                     : tr("Database: %1 — %2").arg(word, detail),
                    stateIcon(state));
    }
    switch (state) {
    case ConnectionIndicator::State::Starting:
        m_map->setMessage(tr("Starting the local database…"));
        break;
    case ConnectionIndicator::State::Connecting:
        m_map->setMessage(tr("Connecting to the database…"));
        break;
    case ConnectionIndicator::State::Connected:
        m_map->setMessage(QString()); // nothing to explain: the map speaks for itself
        break;
    case ConnectionIndicator::State::Reconnecting:
        m_map->setMessage(tr("Database connection lost — reconnecting by itself."));
        break;
    case ConnectionIndicator::State::Offline:
        m_map->setMessage(tr("Offline — no database connection."));
        break;
    case ConnectionIndicator::State::NeedsPassword:
        m_map->setMessage(tr("Waiting for your database login."));
        break;
    }
}

ConnectionIndicator::State MainWindow::connectionState() const
{
    return m_indicator->state();
}

void MainWindow::setServerName(const QString &server)
{
    m_server = server;
    m_serverLabel->setText(server);
    m_serverLabel->setToolTip(tr("Database server: %1").arg(server));
    if (m_loginDialog) {
        m_loginDialog->setServer(server);
    }
}

void MainWindow::setCityName(const QString &city)
{
    m_city = city;
    m_map->setCityName(city);
    updateTitle();
}

void MainWindow::setCitySummary(const models::CitySummary &summary)
{
    m_citySummary->setSummary(summary);
    if (!summary.cityName.isEmpty()) {
        setCityName(summary.cityName);
    }
}

void MainWindow::updateCityFacts()
{
    const bool empty = m_citySummary->isEmpty();
    m_layersPlaceholder->setVisible(empty);
    m_cityTypes->setVisible(!empty);
    m_cityFacts->setVisible(!empty);
    if (empty) {
        return;
    }
    const models::CitySummary &summary = m_citySummary->summary();
    const QLocale locale;
    QStringList lines;
    if (!summary.cityName.isEmpty()) {
        lines << tr("City: %1").arg(summary.cityName);
    }
    lines << tr("Assets: %1").arg(locale.toString(m_citySummary->totalAssets()))
          << tr("Sensors: %1").arg(locale.toString(summary.sensors))
          << tr("Open work orders: %1").arg(locale.toString(summary.openWorkOrders));
    m_cityFacts->setText(lines.join(QLatin1Char('\n')));
    m_cityTypes->resizeColumnToContents(models::CitySummaryModel::CountColumn);
}

void MainWindow::showProgress(const QString &phase, qint64 done, qint64 total)
{
    m_progressLabel->setText(phase);
    if (total > 0) {
        // QProgressBar counts in int; scale large totals down to per mille.
        m_progressBar->setRange(0, 1000);
        m_progressBar->setValue(int(qBound(qint64(0), done * 1000 / total, qint64(1000))));
    } else {
        m_progressBar->setRange(0, 0); // busy indicator
    }
    m_progressLabel->show();
    m_progressBar->show();
    m_cancelButton->show();
    m_cancelButton->setEnabled(true);
}

void MainWindow::hideProgress()
{
    m_progressLabel->hide();
    m_progressBar->hide();
    m_cancelButton->hide();
}

bool MainWindow::isProgressVisible() const
{
    return !m_progressBar->isHidden();
}

void MainWindow::askForLogin(const QString &user, const QString &message)
{
    if (!m_loginDialog) {
        m_loginDialog = new LoginDialog(this);
        connect(m_loginDialog, &LoginDialog::loginRequested, this, &MainWindow::loginRequested);
        connect(m_loginDialog, &QDialog::rejected, this, &MainWindow::loginCancelled);
    }
    m_loginDialog->setServer(m_server);
    m_loginDialog->setMessage(message);
    if (!m_loginDialog->isVisible()) {
        m_loginDialog->setUser(user);
        m_loginDialog->open();
    }
}

LoginDialog *MainWindow::loginDialog() const
{
    return m_loginDialog.data();
}

void MainWindow::dismissLogin()
{
    if (m_loginDialog && m_loginDialog->isVisible()) {
        // hide(), not reject(): the operator did not choose to work offline.
        m_loginDialog->hide();
    }
}

void MainWindow::logActivity(const QString &line, const QIcon &icon)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"));
    m_activity->addItem(new QListWidgetItem(icon, stamp + QStringLiteral("  ") + line));
    while (m_activity->count() > MaxActivityLines) {
        delete m_activity->takeItem(0);
    }
    m_activity->scrollToBottom();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_geofencePanel != nullptr && m_geofencePanel->hasUnsavedChanges() && !m_closeConfirmed) {
        // Nothing the planner drew is lost without being asked.
        event->ignore();
        m_geofenceDock->show();
        m_geofenceDock->raise();
        auto *box = new QMessageBox(QMessageBox::Warning,
                                    tr("Unsaved Geofence"),
                                    tr("The geofence you are editing has unsaved changes."),
                                    QMessageBox::Discard | QMessageBox::Cancel,
                                    this);
        box->setInformativeText(tr("Cancel, then Save in the Geofences dock to keep them."));
        box->setDefaultButton(QMessageBox::Cancel);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this, [this](int result) {
            if (result == QMessageBox::Discard) {
                m_closeConfirmed = true;
                close();
            }
        });
        box->open();
        return;
    }
    if (isProgressVisible()) {
        Q_EMIT cancelRequested(); // closing the window stops a long job
    }
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::createDocks()
{
    m_layersDock = createDock(
        tr("Layers"), QStringLiteral("layersDock"), createLayersPanel(), Qt::LeftDockWidgetArea);
    m_alarmsDock = createDock(tr("Alarms"),
                              QStringLiteral("alarmsDock"),
                              createPlaceholderPanel(tr("No alarm list in this build yet.")),
                              Qt::RightDockWidgetArea);
    m_detailsDock = createDock(tr("Details"),
                               QStringLiteral("detailsDock"),
                               createPlaceholderPanel(tr("Select an asset on the map to see its "
                                                         "details here.")),
                               Qt::RightDockWidgetArea);
    m_activity->setObjectName(QStringLiteral("activityList"));
    m_activity->setUniformItemSizes(true);
    m_activity->setIconSize(QSize(16, 16));
    m_activity->setWordWrap(false);
    m_activity->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_activityDock = createDock(
        tr("Activity"), QStringLiteral("activityDock"), m_activity, Qt::BottomDockWidgetArea);
    splitDockWidget(m_alarmsDock, m_detailsDock, Qt::Vertical);
    resizeDocks({m_layersDock, m_alarmsDock}, {280, 340}, Qt::Horizontal);
    resizeDocks({m_activityDock}, {150}, Qt::Vertical);
}

QDockWidget *MainWindow::createDock(const QString &title,
                                    const QString &objectName,
                                    QWidget *content,
                                    Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(content);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                      | QDockWidget::DockWidgetFloatable);
    addDockWidget(area, dock);
    return dock;
}

QWidget *MainWindow::createPlaceholderPanel(const QString &text)
{
    auto *panel = new QWidget(this);
    auto *label = new QLabel(text, panel);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setEnabled(false); // drawn in the palette's muted text colour
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->addWidget(label);
    return panel;
}

QWidget *MainWindow::createLayersPanel()
{
    auto *panel = new QWidget(this);
    m_layersPanel = panel;
    m_layersPlaceholder
        = new QLabel(tr("Layers appear here once the database is connected."), panel);
    m_layersPlaceholder->setObjectName(QStringLiteral("layersPlaceholder"));
    m_layersPlaceholder->setWordWrap(true);
    m_layersPlaceholder->setAlignment(Qt::AlignCenter);
    m_layersPlaceholder->setEnabled(false);
    m_cityTypes = new QTreeView(panel);
    m_cityTypes->setObjectName(QStringLiteral("cityTypesView"));
    m_cityTypes->setModel(m_citySummary);
    m_cityTypes->setRootIsDecorated(false);
    m_cityTypes->setUniformRowHeights(true);
    m_cityTypes->setAlternatingRowColors(true);
    m_cityTypes->setSelectionMode(QAbstractItemView::SingleSelection);
    m_cityTypes->setIconSize(QSize(16, 16));
    m_cityTypes->header()->setStretchLastSection(false);
    m_cityTypes->header()->setSectionResizeMode(models::CitySummaryModel::TypeColumn,
                                                QHeaderView::Stretch);
    m_cityFacts = new QLabel(panel);
    m_cityFacts->setObjectName(QStringLiteral("cityFactsLabel"));
    m_cityFacts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_layersPlaceholder, 1);
    layout->addWidget(m_cityTypes, 1);
    layout->addWidget(m_cityFacts);
    connect(m_citySummary,
            &models::CitySummaryModel::summaryChanged,
            this,
            &MainWindow::updateCityFacts);
    updateCityFacts();
    return panel;
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction *connectAction
        = file->addAction(tr("&Connect to Database…"), this, &MainWindow::askForConnection);
    connectAction->setObjectName(QStringLiteral("connectAction"));
    connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connectAction->setStatusTip(tr("Connect to a PostgreSQL/PostGIS database"));
    connectAction->setIcon(QIcon(QStringLiteral(":/icons/database.svg")));
    QAction *localAction
        = file->addAction(tr("Use &Local Database"), this, &MainWindow::localDatabaseRequested);
    localAction->setObjectName(QStringLiteral("localDatabaseAction"));
    localAction->setStatusTip(tr("Use the private database on this computer"));
    file->addSeparator();
    QAction *quitAction = file->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setObjectName(QStringLiteral("quitAction"));
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    for (QDockWidget *dock : {m_layersDock, m_alarmsDock, m_detailsDock, m_activityDock}) {
        view->addAction(dock->toggleViewAction());
    }
    QAction *viewSeparator = view->addSeparator(); // the toolbar's toggle goes above it
    QAction *darkAction = view->addAction(tr("&Dark Theme"));
    darkAction->setObjectName(QStringLiteral("darkThemeAction"));
    darkAction->setCheckable(true);
    darkAction->setChecked(Theme::current() == Theme::Kind::Dark);
    connect(darkAction, &QAction::toggled, this, [this](bool dark) {
        const Theme::Kind kind = dark ? Theme::Kind::Dark : Theme::Kind::Native;
        Theme::apply(kind);
        Theme::save(kind);
        m_map->update();
    });
    QAction *fullScreenAction = view->addAction(tr("&Full Screen"));
    fullScreenAction->setObjectName(QStringLiteral("fullScreenAction"));
    fullScreenAction->setCheckable(true);
    fullScreenAction->setShortcut(QKeySequence::FullScreen);
    connect(fullScreenAction, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? (windowState() | Qt::WindowFullScreen)
                          : (windowState() & ~Qt::WindowFullScreen));
    });

    // The map canvas, the layer list and the tools are separate pieces of work; their entries
    // are here, disabled, so that the menu layout operators learn stays the same when they land.
    QMenu *layers = menuBar()->addMenu(tr("&Layers"));
    m_layersMenu = layers;
    layers->setObjectName(QStringLiteral("layersMenu"));
    layers->addAction(tr("&Add Layer…"))->setEnabled(false);
    layers->addAction(tr("&Import File…"))->setEnabled(false);
    layers->addSeparator();
    QAction *refresh = layers->addAction(tr("&Refresh"));
    refresh->setObjectName(QStringLiteral("refreshLayersAction"));
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setEnabled(false);

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    m_toolsMenu = tools;
    tools->setObjectName(QStringLiteral("toolsMenu"));
    auto *toolGroup = new QActionGroup(this);

    struct ToolEntry
    {
        QString name;
        QString icon;
        QString objectName;
    };

    const QList<ToolEntry> toolEntries{
        {tr("&Pan"), QStringLiteral("tool-pan"), QStringLiteral("panTool")},
        {tr("&Identify"), QStringLiteral("tool-identify"), QStringLiteral("identifyTool")},
        {tr("&Select"), QStringLiteral("tool-select"), QStringLiteral("selectTool")},
        {tr("Select in Pol&ygon"),
         QStringLiteral("tool-select-polygon"),
         QStringLiteral("selectPolygonTool")},
        {tr("Mo&ve Asset"), QStringLiteral("tool-move"), QStringLiteral("moveAssetTool")},
        {tr("&Measure Distance"), QStringLiteral("tool-measure"), QStringLiteral("measureTool")},
        {tr("Draw &Geofence"), QStringLiteral("tool-geofence"), QStringLiteral("geofenceTool")},
    };
    m_toolBar = addToolBar(tr("Main"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setIconSize(QSize(20, 20));
    view->insertAction(viewSeparator, m_toolBar->toggleViewAction());
    m_toolBar->addAction(connectAction);
    m_toolBar->addSeparator();
    for (const ToolEntry &entry : toolEntries) {
        QAction *tool
            = tools->addAction(QIcon(QStringLiteral(":/icons/%1.svg").arg(entry.icon)), entry.name);
        tool->setObjectName(entry.objectName);
        tool->setCheckable(true);
        const bool pan = entry.objectName == QStringLiteral("panTool");
        tool->setEnabled(pan);
        tool->setChecked(pan);
        tool->setStatusTip(pan ? tr("Drag the map to move it; the wheel zooms under the cursor")
                               : tr("Not part of this build yet"));
        toolGroup->addAction(tool);
        m_toolBar->addAction(tool);
        if (pan) {
            connect(tool, &QAction::triggered, this, [this] {
                m_map->setZoomRectangleMode(false);
                m_map->setTool(nullptr);
            });
        }
    }
    m_toolBar->addSeparator();
    createMapActions(view, viewSeparator);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *aboutAction = help->addAction(tr("&About Infrasight"), this, &MainWindow::showAbout);
    aboutAction->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)
        ->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::setAssetMap(AssetMapController *assets)
{
    Q_ASSERT(assets != nullptr && m_layerPanel == nullptr);
    m_assets = assets;
    // Layers dock: the layer list, and the city's summary (counts per type) in a second tab.
    auto *tabs = new QTabWidget(m_layersDock);
    tabs->setObjectName(QStringLiteral("layersTabs"));
    tabs->setDocumentMode(true);
    m_layerPanel = new LayerPanel(assets->layerModel(), tabs);
    m_layerPanel->setObjectName(QStringLiteral("layerPanel"));
    tabs->addTab(m_layerPanel, tr("Layers"));
    tabs->addTab(m_layersPanel, tr("City"));
    m_layersDock->setWidget(tabs);
    connect(
        m_layerPanel, &LayerPanel::zoomToLayerRequested, assets, &AssetMapController::zoomToLayer);

    // Details dock: identify results, cluster members and the chosen asset.
    m_detailsPanel = new AssetDetailsPanel(assets->details(), this);
    m_detailsPanel->setObjectName(QStringLiteral("assetDetailsPanel"));
    QWidget *placeholder = m_detailsDock->widget();
    m_detailsDock->setWidget(m_detailsPanel);
    placeholder->deleteLater();
    connect(assets,
            &AssetMapController::candidatesFound,
            m_detailsPanel,
            [this](const QList<data::AssetSummary> &candidates, const QString &title) {
                m_detailsPanel->setCandidates(candidates, title);
                m_detailsDock->show();
                m_detailsDock->raise();
            });
    connect(m_detailsPanel,
            &AssetDetailsPanel::zoomToRequested,
            assets,
            &AssetMapController::showAsset);
    connect(m_detailsPanel, &AssetDetailsPanel::candidateChosen, assets, [assets](qint64 id) {
        assets->selection()->select({id});
    });

    // Attribute table dock, tabbed with Activity under the map.
    m_tablePanel = new AttributeTablePanel(assets->attributeTable(), assets->selection(), this);
    m_tablePanel->setObjectName(QStringLiteral("attributeTablePanel"));
    m_tableDock = createDock(tr("Attribute Table"),
                             QStringLiteral("attributeTableDock"),
                             m_tablePanel,
                             Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_activityDock, m_tableDock);
    m_activityDock->raise();
    connect(m_tablePanel,
            &AttributeTablePanel::zoomToSelectionRequested,
            assets,
            &AssetMapController::zoomToSelection);
    connect(m_tablePanel,
            &AttributeTablePanel::assetActivated,
            assets,
            &AssetMapController::showAssetById);
    if (QMenu *view = menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"))) {
        view->insertAction(m_activityDock->toggleViewAction(), m_tableDock->toggleViewAction());
    }

    // The search box at the right end of the tool bar; Ctrl+K focuses it.
    auto *spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    m_locator = new LocatorBox(assets->locator(), m_toolBar);
    m_locator->setObjectName(QStringLiteral("locatorBox"));
    m_locator->setMinimumWidth(260);
    m_locator->setMaximumWidth(360);
    m_toolBar->addWidget(m_locator);
    connect(m_locator, &LocatorBox::assetChosen, assets, &AssetMapController::showAsset);
    auto *findAction = new QAction(tr("&Find Asset…"), this);
    findAction->setObjectName(QStringLiteral("findAssetAction"));
    findAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(findAction, &QAction::triggered, m_locator, [this] {
        m_locator->setFocus(Qt::ShortcutFocusReason);
        m_locator->selectAll();
    });
    addAction(findAction);

    // Tools.
    bindTool(QStringLiteral("identifyTool"),
             assets->identifyTool(),
             tr("Click an asset to see its details; a cluster lists its members"));
    bindTool(QStringLiteral("selectTool"),
             assets->rectangleSelectTool(),
             tr("Click an asset or drag a rectangle to select; Shift adds, Ctrl toggles"));
    bindTool(QStringLiteral("selectPolygonTool"),
             assets->polygonSelectTool(),
             tr("Click the corners of a polygon, double-click or Enter to select what lies "
                "inside; Esc cancels"));
    bindTool(QStringLiteral("moveAssetTool"),
             assets->moveAssetTool(),
             tr("Drag a point asset to its new place; Esc cancels the drag"));
    connect(m_map, &MapCanvas::toolChanged, this, &MainWindow::showActiveTool);

    // Layers menu.
    QAction *refresh = findChild<QAction *>(QStringLiteral("refreshLayersAction"));
    refresh->setEnabled(true);
    refresh->setStatusTip(tr("Fetch every layer of the map again from the database"));
    connect(refresh, &QAction::triggered, assets, &AssetMapController::reloadLayers);
    m_layersMenu->addSeparator();
    QAction *zoomSelection = m_layersMenu->addAction(
        tr("&Zoom to Selection"), assets, &AssetMapController::zoomToSelection);
    zoomSelection->setObjectName(QStringLiteral("zoomToSelectionAction"));
    zoomSelection->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    QAction *clearSelection = m_layersMenu->addAction(
        tr("&Clear Selection"), assets->selection(), &models::AssetSelection::clear);
    clearSelection->setObjectName(QStringLiteral("clearSelectionAction"));
    clearSelection->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    const auto updateSelectionActions = [zoomSelection, clearSelection, assets] {
        const bool any = !assets->selection()->isEmpty();
        zoomSelection->setEnabled(any);
        clearSelection->setEnabled(any);
    };
    connect(assets->selection(), &models::AssetSelection::changed, this, updateSelectionActions);
    updateSelectionActions();
    connect(assets, &AssetMapController::activity, this, [this](const QString &line) {
        logActivity(line);
    });
    // The attribute table's dock did not exist when the layout was restored.
    restoreState(QSettings().value(stateKey()).toByteArray());
}

void MainWindow::setAlarms(models::AlarmListModel *alarms)
{
    Q_ASSERT(alarms != nullptr && m_alarmPanel == nullptr);
    m_alarmPanel = new AlarmPanel(alarms, this);
    m_alarmPanel->setObjectName(QStringLiteral("alarmPanel"));
    QWidget *placeholder = m_alarmsDock->widget();
    m_alarmsDock->setWidget(m_alarmPanel);
    placeholder->deleteLater();
    connect(m_alarmPanel, &AlarmPanel::assetRequested, this, [this](qint64 assetId) {
        if (m_assets) {
            m_assets->showAssetById(assetId);
        }
    });
    // The counts stay in sight in the status bar, whatever docks are open.
    m_alarmCounts = new QLabel(this);
    m_alarmCounts->setObjectName(QStringLiteral("alarmCountLabel"));
    statusBar()->insertPermanentWidget(0, m_alarmCounts);
    const auto showCounts = [this](int critical, int warnings, int open) {
        m_alarmCounts->setText(
            tr("Alarms: %1 critical, %2 warning(s) new").arg(critical).arg(warnings));
        m_alarmCounts->setToolTip(tr("%n open alarm(s)", nullptr, open));
        m_alarmCounts->setStyleSheet(
            critical > 0 ? QStringLiteral("color: #d02121; font-weight: bold") : QString());
    };
    connect(alarms, &models::AlarmListModel::countsChanged, this, showCounts);
    showCounts(alarms->newCritical(), alarms->newWarnings(), alarms->openCount());
    connect(alarms, &models::AlarmListModel::criticalRaised, this, [this] {
        m_alarmsDock->show();
        m_alarmsDock->raise();
    });
    // The chime, off until the operator turns it on; the choice is kept.
    m_alarmSound = new AlarmSound(this);
    connect(
        alarms, &models::AlarmListModel::criticalRaised, m_alarmSound, &AlarmSound::criticalRaised);
    if (QMenu *view = menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"))) {
        QAction *sound = new QAction(tr("&Sound for Critical Alarms"), view);
        sound->setObjectName(QStringLiteral("alarmSoundAction"));
        sound->setCheckable(true);
        sound->setChecked(m_alarmSound->isEnabled());
        sound->setStatusTip(tr("Chime when a new critical alarm arrives"));
        connect(sound, &QAction::toggled, m_alarmSound, &AlarmSound::setEnabled);
        view->insertAction(view->findChild<QAction *>(QStringLiteral("darkThemeAction")), sound);
    }
}

void MainWindow::setGeofences(models::GeofenceListModel *fences)
{
    Q_ASSERT(fences != nullptr && m_geofencePanel == nullptr);
    m_geofenceSession = new models::GeofenceEditSession(this);
    m_geofenceTool = new GeofenceEditTool(m_map, m_geofenceSession, fences);
    m_geofencePanel = new GeofencePanel(fences, m_geofenceSession, m_geofenceTool, this);
    m_geofencePanel->setObjectName(QStringLiteral("geofencePanel"));
    m_geofenceDock = createDock(
        tr("Geofences"), QStringLiteral("geofenceDock"), m_geofencePanel, Qt::LeftDockWidgetArea);
    tabifyDockWidget(m_layersDock, m_geofenceDock);
    m_layersDock->raise();
    if (QMenu *view = menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"))) {
        view->insertAction(m_alarmsDock->toggleViewAction(), m_geofenceDock->toggleViewAction());
    }
    // The undo and redo of the shape work wherever the focus is in the window.
    addAction(m_geofencePanel->undoAction());
    addAction(m_geofencePanel->redoAction());
    bindTool(QStringLiteral("geofenceTool"),
             m_geofenceTool,
             tr("Draw and edit geofences: choose one in the Geofences dock, or draw a new one"));
    connect(
        findChild<QAction *>(QStringLiteral("geofenceTool")), &QAction::triggered, this, [this] {
            m_geofenceDock->show();
            m_geofenceDock->raise();
        });
    connect(m_geofencePanel, &GeofencePanel::toolRequested, this, [this] {
        m_map->setZoomRectangleMode(false);
        m_map->setTool(m_geofenceTool);
        m_geofenceDock->show();
        m_geofenceDock->raise();
    });
    connect(m_geofencePanel, &GeofencePanel::zoomRequested, this, [this](const QRectF &lonLat) {
        if (lonLat.isNull()) {
            return;
        }
        const QPointF a = gis::lonLatToMercatorMeters({lonLat.left(), lonLat.top()});
        const QPointF b = gis::lonLatToMercatorMeters({lonLat.right(), lonLat.bottom()});
        QRectF meters = QRectF(a, b).normalized();
        // A margin around the fence, and never closer than a street's worth.
        const double margin = std::max({meters.width(), meters.height(), 200.0}) * 0.15;
        meters.adjust(-margin, -margin, margin, margin);
        m_map->zoomToExtent(meters);
    });
    connect(m_geofencePanel,
            &GeofencePanel::selectionRequested,
            this,
            [this](const QList<qint64> &ids) {
                if (m_assets) {
                    m_assets->selection()->select(ids);
                }
            });
    connect(m_geofenceTool, &GeofenceEditTool::message, this, [this](const QString &text) {
        statusBar()->showMessage(text, 8000);
    });
    // The fences on the map for everyone (operators watch vehicles enter them); the edit tool
    // draws them itself while it is active.
    auto *showFences = new QAction(tr("&Geofences on the Map"), this);
    showFences->setObjectName(QStringLiteral("showGeofencesAction"));
    showFences->setCheckable(true);
    showFences->setChecked(QSettings().value(QStringLiteral("map/showGeofences"), true).toBool());
    showFences->setStatusTip(tr("Draw the geofences over the map, each in its colour"));
    if (QMenu *view = menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"))) {
        view->insertAction(view->findChild<QAction *>(QStringLiteral("darkThemeAction")),
                           showFences);
    }
    connect(showFences, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(QStringLiteral("map/showGeofences"), on);
        m_map->update();
    });
    m_map->setOverlayPainter(
        MapCanvas::Overlay::Geofences,
        [this, fences, showFences](QPainter &painter, const render::MapViewport &view) {
            if (showFences->isChecked() && m_map->tool() != m_geofenceTool) {
                GeofencePainter::paint(painter, view, *fences);
            }
        });
    connect(fences, &QAbstractItemModel::modelReset, m_map, qOverload<>(&QWidget::update));
    // Snap targets: the other fences and each asset layer, all on unless unticked here.
    QMenu *snapMenu = m_geofencePanel->snapMenu();
    connect(snapMenu, &QMenu::aboutToShow, this, [this, snapMenu] {
        snapMenu->clear();
        QList<std::pair<QString, QString>> targets{
            {GeofenceEditTool::geofenceSnapKey(), tr("Other Geofences")}};
        if (m_assets) {
            for (const models::LayerDefinition &layer : m_assets->layerModel()->layers()) {
                targets.append({layer.key, layer.title});
            }
        }
        for (const auto &[key, title] : std::as_const(targets)) {
            QAction *target = snapMenu->addAction(title);
            target->setCheckable(true);
            target->setChecked(!m_geofenceTool->snapExcluded().contains(key));
            connect(target, &QAction::toggled, this, [this, key](bool on) {
                QSet<QString> excluded = m_geofenceTool->snapExcluded();
                if (on) {
                    excluded.remove(key);
                } else {
                    excluded.insert(key);
                }
                m_geofenceTool->setSnapExcluded(excluded);
            });
        }
    });
}

void MainWindow::setLiveCharts(models::TimeSeriesModel *series)
{
    Q_ASSERT(series != nullptr && m_chartPanel == nullptr);
    m_chartPanel = new LiveChartPanel(series, this);
    m_chartPanel->setObjectName(QStringLiteral("liveChartPanel"));
    m_chartDock = createDock(
        tr("Live Chart"), QStringLiteral("liveChartDock"), m_chartPanel, Qt::BottomDockWidgetArea);
    // Beside the Activity and Attribute Table tabs, not a third tab (splitDockWidget() would
    // tab it with a tabbed dock), with room for a few charts.
    removeDockWidget(m_chartDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_chartDock, Qt::Horizontal);
    m_chartDock->show();
    resizeDocks({m_chartDock}, {260}, Qt::Vertical);
    if (QMenu *view = menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"))) {
        view->insertAction(m_activityDock->toggleViewAction(), m_chartDock->toggleViewAction());
    }
    if (m_alarmPanel) {
        connect(m_alarmPanel, &AlarmPanel::chartRequested, this, &MainWindow::showChart);
    }
    if (m_detailsPanel) {
        connect(m_detailsPanel, &AssetDetailsPanel::chartRequested, this, &MainWindow::showChart);
    }
    if (m_assets) {
        connect(m_assets, &AssetMapController::chartRequested, this, &MainWindow::showChart);
    }
}

void MainWindow::showChart(qint64 sensorId)
{
    if (!m_chartPanel) {
        return;
    }
    m_chartPanel->showSensor(sensorId);
    m_chartDock->show();
    m_chartDock->raise();
}

void MainWindow::bindTool(const QString &objectName, MapTool *tool, const QString &statusTip)
{
    QAction *action = findChild<QAction *>(objectName);
    Q_ASSERT(action != nullptr);
    action->setEnabled(true);
    action->setStatusTip(statusTip);
    action->setToolTip(action->text().remove(u'&') + QStringLiteral(" — ") + statusTip);
    m_toolActions.insert(tool, action);
    connect(action, &QAction::triggered, this, [this, tool] {
        m_map->setZoomRectangleMode(false);
        m_map->setTool(tool);
    });
}

void MainWindow::showActiveTool(MapTool *tool)
{
    QAction *action = m_toolActions.value(tool);
    if (action == nullptr) {
        action = findChild<QAction *>(QStringLiteral("panTool"));
    }
    if (action != nullptr) {
        action->setChecked(true);
    }
}

void MainWindow::createStatusBar()
{
    m_serverLabel->setObjectName(QStringLiteral("serverLabel"));
    m_serverLabel->setEnabled(false);
    m_progressLabel = new QLabel(this);
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    m_progressBar = new QProgressBar(this);
    m_progressBar->setObjectName(QStringLiteral("progressBar"));
    m_progressBar->setMaximumWidth(220);
    m_progressBar->setTextVisible(false);
    m_cancelButton = new QToolButton(this);
    m_cancelButton->setObjectName(QStringLiteral("cancelProgressButton"));
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setToolTip(tr("Stop this job; nothing it did so far is kept"));
    m_cancelButton->setAutoRaise(true);
    connect(m_cancelButton, &QToolButton::clicked, this, [this] {
        m_cancelButton->setEnabled(false);
        m_progressLabel->setText(tr("Cancelling…"));
        Q_EMIT cancelRequested();
    });
    statusBar()->addWidget(m_progressLabel);
    statusBar()->addWidget(m_progressBar);
    statusBar()->addWidget(m_cancelButton);
    hideProgress();
    statusBar()->addPermanentWidget(m_coordinates);
    statusBar()->addPermanentWidget(m_serverLabel);
    statusBar()->addPermanentWidget(m_indicator);
    statusBar()->setSizeGripEnabled(true);
}

void MainWindow::restoreLayout()
{
    const QSettings settings;
    const QByteArray geometry = settings.value(geometryKey()).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        resize(DefaultWidth, DefaultHeight);
    }
    restoreState(settings.value(stateKey()).toByteArray());
    // The map shows where the operator left it.
    bool okX = false;
    bool okY = false;
    bool okZoom = false;
    const double x = settings.value(QStringLiteral("map/centerX")).toDouble(&okX);
    const double y = settings.value(QStringLiteral("map/centerY")).toDouble(&okY);
    const double zoom = settings.value(QStringLiteral("map/zoom")).toDouble(&okZoom);
    if (okX && okY && okZoom) {
        m_map->restoreView(QPointF(x, y), zoom);
    }
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(geometryKey(), saveGeometry());
    settings.setValue(stateKey(), saveState());
    if (m_map->hasChosenView()) {
        const render::MapViewport view = m_map->viewport();
        settings.setValue(QStringLiteral("map/centerX"), view.centerMeters().x());
        settings.setValue(QStringLiteral("map/centerY"), view.centerMeters().y());
        settings.setValue(QStringLiteral("map/zoom"), view.zoom());
    }
}

void MainWindow::askForConnection()
{
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Connect to Database"));
    dialog->setLabelText(tr("PostgreSQL connection string or URI, e.g.\n"
                            "host=db.example.org dbname=infrasight user=alice\n"
                            "or service=infrasight (pg_service.conf). Passwords come from "
                            "~/.pgpass or the login dialog; they are never saved."));
    dialog->setTextValue(QString());
    dialog->resize(520, dialog->sizeHint().height());
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &text) {
        const QString conninfo = text.trimmed();
        if (!conninfo.isEmpty()) {
            Q_EMIT connectionRequested(conninfo);
        }
    });
    dialog->open();
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About Infrasight"));
    box->setIconPixmap(windowIcon().pixmap(64, 64));
    box->setText(tr("<h3>Infrasight %1</h3><p>GIS operations console for a city's "
                    "infrastructure.</p><p>Map data %2, available under the Open Database "
                    "License.</p>")
                     .arg(QString::fromLatin1(VersionString), MapCanvas::defaultAttribution()));
    box->open();
}

void MainWindow::createMapActions(QMenu *view, QAction *before)
{
    // The map's own commands: in the View menu (above the dock toggles' separator) and the
    // toolbar. The canvas handles the same keys itself when it has the focus.
    QMenu *map = new QMenu(tr("&Map"), this);
    map->setObjectName(QStringLiteral("mapMenu"));
    view->insertMenu(before, map);
    QAction *zoomIn = map->addAction(
        QIcon(QStringLiteral(":/icons/zoom-in.svg")), tr("Zoom &In"), m_map, &MapCanvas::zoomIn);
    zoomIn->setObjectName(QStringLiteral("zoomInAction"));
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction *zoomOut = map->addAction(
        QIcon(QStringLiteral(":/icons/zoom-out.svg")), tr("Zoom &Out"), m_map, &MapCanvas::zoomOut);
    zoomOut->setObjectName(QStringLiteral("zoomOutAction"));
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *home = map->addAction(tr("Zoom to &City"), m_map, &MapCanvas::zoomHome);
    home->setObjectName(QStringLiteral("zoomHomeAction"));
    home->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Home));
    home->setStatusTip(tr("Show the whole city (Home on the map)"));
    QAction *rectangle = map->addAction(tr("Zoom to &Rectangle"));
    rectangle->setObjectName(QStringLiteral("zoomRectangleAction"));
    rectangle->setCheckable(true);
    rectangle->setStatusTip(tr("Drag a rectangle on the map to show it (or Shift+drag at any "
                               "time)"));
    connect(rectangle, &QAction::toggled, m_map, &MapCanvas::setZoomRectangleMode);
    connect(m_map, &MapCanvas::zoomRectangleModeChanged, rectangle, &QAction::setChecked);
    map->addSeparator();
    QAction *source
        = map->addAction(tr("Map &Source…"), this, &MainWindow::mapSourceDialogRequested);
    source->setObjectName(QStringLiteral("mapSourceAction"));
    source->setStatusTip(tr("Choose the basemap: OpenStreetMap, a tile URL or an MBTiles file"));
    for (QAction *action : {zoomIn, zoomOut, home, rectangle}) {
        m_toolBar->addAction(action);
    }

    connect(m_map, &MapCanvas::cursorPositionChanged, m_coordinates, &CoordinateLabel::setPosition);
    connect(m_map, &MapCanvas::cursorLeft, m_coordinates, &CoordinateLabel::clearPosition);
    connect(m_coordinates, &CoordinateLabel::crsError, this, [this](const QString &message) {
        logActivity(message, QIcon(QStringLiteral(":/icons/connection-offline.svg")));
    });
    connect(m_map, &MapCanvas::sourceError, this, [this](const QString &message) {
        logActivity(tr("Map: %1").arg(message),
                    QIcon(QStringLiteral(":/icons/connection-offline.svg")));
    });
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_city.isEmpty() ? tr("Infrasight") : tr("%1 — Infrasight").arg(m_city));
}

} // namespace infrasight::ui
