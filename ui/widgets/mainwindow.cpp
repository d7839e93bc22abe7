// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/mainwindow.h"

#include "gis/core/version.h"
#include "models/citysummarymodel.h"
#include "ui/widgets/coordinatelabel.h"
#include "ui/widgets/logindialog.h"
#include "ui/widgets/mapcanvas.h"
#include "ui/widgets/maptool.h"
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
    // A feature with unsaved work keeps the window open and asks; it closes the window again
    // once the user has decided.
    for (const CloseGuard &mayClose : std::as_const(m_closeGuards)) {
        if (!mayClose()) {
            event->ignore();
            return;
        }
    }
    if (isProgressVisible()) {
        Q_EMIT cancelRequested(); // closing the window stops a long job
    }
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::createDocks()
{
    m_layersTabs = new QTabWidget(this);
    m_layersTabs->setObjectName(QStringLiteral("layersTabs"));
    m_layersTabs->setDocumentMode(true);
    m_layersTabs->addTab(createLayersPanel(), tr("City"));
    m_layersDock = addDock(
        QStringLiteral("layersDock"), tr("Layers"), m_layersTabs, {Qt::LeftDockWidgetArea});
    m_activity->setObjectName(QStringLiteral("activityList"));
    m_activity->setUniformItemSizes(true);
    m_activity->setIconSize(QSize(16, 16));
    m_activity->setWordWrap(false);
    m_activity->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_activityDock = addDock(
        QStringLiteral("activityDock"), tr("Activity"), m_activity, {Qt::BottomDockWidgetArea});
    resizeDocks({m_layersDock}, {280}, Qt::Horizontal);
    resizeDocks({m_activityDock}, {150}, Qt::Vertical);
}

QDockWidget *MainWindow::addDock(const QString &objectName,
                                 const QString &title,
                                 QWidget *content,
                                 const DockPlacement &placement)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(content);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                      | QDockWidget::DockWidgetFloatable);
    if (placement.splitFrom != nullptr && placement.splitOrientation == Qt::Horizontal
        && dockWidgetArea(placement.splitFrom) == placement.area) {
        // Beside a tabbed dock, not a further tab (splitDockWidget() would tab it).
        addDockWidget(placement.area, dock, Qt::Horizontal);
    } else {
        addDockWidget(placement.area, dock);
    }
    if (placement.tabbedWith != nullptr) {
        tabifyDockWidget(placement.tabbedWith, dock);
        (placement.raise ? dock : placement.tabbedWith)->raise();
    } else if (placement.splitFrom != nullptr && placement.splitOrientation == Qt::Vertical) {
        splitDockWidget(placement.splitFrom, dock, Qt::Vertical);
    }
    if (isVisible()) {
        dock->show(); // added after the window appeared (a child is not shown by itself)
    }
    // The dock toggles, in the order the docks were added, above the tool bar's toggle.
    if (m_viewDocks != nullptr) {
        m_viewMenu->insertAction(m_viewDocks, dock->toggleViewAction());
    }
    return dock;
}

void MainWindow::addLayersPage(QWidget *page, const QString &title)
{
    m_layersTabs->insertTab(m_layersTabs->count() - 1, page, title);
    m_layersTabs->setCurrentIndex(0);
}

void MainWindow::addMenuAction(Menu menu, QAction *action)
{
    switch (menu) {
    case Menu::File:
        m_fileMenu->insertAction(m_fileFeatures, action);
        return;
    case Menu::View:
        m_viewMenu->insertAction(m_viewFeatures, action);
        return;
    case Menu::Layers:
        m_layersMenu->addAction(action);
        return;
    case Menu::Tools:
        m_toolsMenu->addAction(action);
        return;
    case Menu::Help:
        m_helpMenu->insertAction(m_helpFeatures, action);
        return;
    }
}

void MainWindow::addMapTool(QAction *action, MapTool *tool)
{
    Q_ASSERT(action != nullptr && tool != nullptr);
    action->setCheckable(true);
    if (!action->statusTip().isEmpty()) {
        action->setToolTip(action->text().remove(u'&') + QStringLiteral(" — ")
                           + action->statusTip());
    }
    m_toolGroup->addAction(action);
    m_toolsMenu->addAction(action);
    m_toolBar->insertAction(m_toolBarTools, action);
    m_toolActions.insert(tool, action);
    connect(action, &QAction::triggered, this, [this, tool] {
        m_map->setZoomRectangleMode(false);
        m_map->setTool(tool);
    });
}

void MainWindow::addToolBarWidget(QWidget *widget)
{
    if (m_toolBarSpacer == nullptr) {
        // The features' widgets sit at the right end.
        m_toolBarSpacer = new QWidget(m_toolBar);
        m_toolBarSpacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        m_toolBar->addWidget(m_toolBarSpacer);
    }
    widget->setParent(m_toolBar);
    m_toolBar->addWidget(widget);
}

void MainWindow::addStatusWidget(QWidget *widget)
{
    statusBar()->insertPermanentWidget(m_statusWidgets++, widget);
}

void MainWindow::addCloseGuard(CloseGuard guard)
{
    m_closeGuards.append(std::move(guard));
}

void MainWindow::showStatusMessage(const QString &text, int timeoutMs)
{
    statusBar()->showMessage(text, timeoutMs);
}

void MainWindow::restoreDockLayout()
{
    restoreState(QSettings().value(stateKey()).toByteArray());
}

QWidget *MainWindow::createLayersPanel()
{
    auto *panel = new QWidget(this);
    panel->setObjectName(QStringLiteral("cityPanel"));
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
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    QAction *connectAction
        = m_fileMenu->addAction(tr("&Connect to Database…"), this, &MainWindow::askForConnection);
    connectAction->setObjectName(QStringLiteral("connectAction"));
    connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connectAction->setStatusTip(tr("Connect to a PostgreSQL/PostGIS database"));
    connectAction->setIcon(QIcon(QStringLiteral(":/icons/database.svg")));
    QAction *localAction = m_fileMenu->addAction(
        tr("Use &Local Database"), this, &MainWindow::localDatabaseRequested);
    localAction->setObjectName(QStringLiteral("localDatabaseAction"));
    localAction->setStatusTip(tr("Use the private database on this computer"));
    m_fileFeatures = m_fileMenu->addSeparator();
    QAction *quitAction = m_fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setObjectName(QStringLiteral("quitAction"));
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    // The docks made before the menu existed; later ones add theirs in addDock().
    QAction *viewSeparator = m_viewMenu->addSeparator(); // the tool bar's toggle goes above it
    for (QDockWidget *dock : {m_layersDock, m_activityDock}) {
        m_viewMenu->insertAction(viewSeparator, dock->toggleViewAction());
    }
    QAction *darkAction = m_viewMenu->addAction(tr("&Dark Theme"));
    m_viewFeatures = darkAction;
    darkAction->setObjectName(QStringLiteral("darkThemeAction"));
    darkAction->setCheckable(true);
    darkAction->setChecked(Theme::current() == Theme::Kind::Dark);
    connect(darkAction, &QAction::toggled, this, [this](bool dark) {
        const Theme::Kind kind = dark ? Theme::Kind::Dark : Theme::Kind::Native;
        Theme::apply(kind);
        Theme::save(kind);
        m_map->update();
    });
    QAction *fullScreenAction = m_viewMenu->addAction(tr("&Full Screen"));
    fullScreenAction->setObjectName(QStringLiteral("fullScreenAction"));
    fullScreenAction->setCheckable(true);
    fullScreenAction->setShortcut(QKeySequence::FullScreen);
    connect(fullScreenAction, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? (windowState() | Qt::WindowFullScreen)
                          : (windowState() & ~Qt::WindowFullScreen));
    });

    // Filled by the features (the map's layers, import, ...).
    m_layersMenu = menuBar()->addMenu(tr("&Layers"));
    m_layersMenu->setObjectName(QStringLiteral("layersMenu"));

    m_toolsMenu = menuBar()->addMenu(tr("&Tools"));
    m_toolsMenu->setObjectName(QStringLiteral("toolsMenu"));
    m_toolGroup = new QActionGroup(this);
    m_toolBar = addToolBar(tr("Main"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setIconSize(QSize(20, 20));
    m_viewDocks = m_toolBar->toggleViewAction();
    m_viewMenu->insertAction(viewSeparator, m_viewDocks);
    m_toolBar->addAction(connectAction);
    m_toolBar->addSeparator();
    // Pan is the map's own: no tool active. The features' tools follow it.
    m_panTool = m_toolsMenu->addAction(QIcon(QStringLiteral(":/icons/tool-pan.svg")), tr("&Pan"));
    m_panTool->setObjectName(QStringLiteral("panTool"));
    m_panTool->setCheckable(true);
    m_panTool->setChecked(true);
    m_panTool->setStatusTip(tr("Drag the map to move it; the wheel zooms under the cursor"));
    m_toolGroup->addAction(m_panTool);
    m_toolBar->addAction(m_panTool);
    connect(m_panTool, &QAction::triggered, this, [this] {
        m_map->setZoomRectangleMode(false);
        m_map->setTool(nullptr);
    });
    connect(m_map, &MapCanvas::toolChanged, this, &MainWindow::showActiveTool);
    m_toolBarTools = m_toolBar->addSeparator();
    createMapActions(m_viewMenu, viewSeparator);

    m_helpMenu = menuBar()->addMenu(tr("&Help"));
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_helpFeatures = m_helpMenu->addAction(tr("&About Infrasight"), this, &MainWindow::showAbout);
    m_helpFeatures->setMenuRole(QAction::AboutRole);
    m_helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)
        ->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::showActiveTool(MapTool *tool)
{
    QAction *action = m_toolActions.value(tool, m_panTool);
    action->setChecked(true);
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
