// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/console/features/assetmapfeature.h"

#include "models/alarmlistmodel.h"
#include "models/assetselection.h"
#include "ui/widgets/assetdetailspanel.h"
#include "ui/widgets/assetmapcontroller.h"
#include "ui/widgets/attributetablepanel.h"
#include "ui/widgets/chartopener.h"
#include "ui/widgets/identifytool.h"
#include "ui/widgets/layerpanel.h"
#include "ui/widgets/locatorbox.h"
#include "ui/widgets/mapcanvas.h"
#include "ui/widgets/moveassettool.h"
#include "ui/widgets/polygonselecttool.h"
#include "ui/widgets/rectangleselecttool.h"
#include "ui/widgets/serviceregistry.h"
#include "ui/widgets/workbench.h"

#include <QAction>
#include <QDockWidget>
#include <QKeySequence>

namespace infrasight::app {

AssetMapFeature::AssetMapFeature(data::DbClient &client)
    : m_client(client)
{}

AssetMapFeature::~AssetMapFeature() = default;

void AssetMapFeature::start(ui::Workbench &workbench)
{
    m_workbench = &workbench;
    m_assets = std::make_unique<ui::AssetMapController>(workbench.mapCanvas(), &m_client);
    addPanels(workbench);
    addTools(workbench);
    addLayerActions(workbench);
    connect(m_assets.get(), &ui::AssetMapController::activity, this, [this](const QString &line) {
        m_workbench->logActivity(line);
    });
    workbench.services().add<ui::AssetMapController>(*m_assets);
    workbench.services().add<ui::AssetDetailsPanel>(*m_details);
    workbench.services().add<ui::AttributeTablePanel>(*m_table);
    workbench.services().add<ui::LocatorBox>(*m_locator);
}

void AssetMapFeature::addPanels(ui::Workbench &workbench)
{
    QWidget *window = workbench.windowWidget();
    ui::AssetMapController *assets = m_assets.get();
    // The layer list, first page of the Layers dock.
    m_layerPanel = new ui::LayerPanel(assets->layerModel(), window);
    m_layerPanel->setObjectName(QStringLiteral("layerPanel"));
    workbench.addLayersPage(m_layerPanel, tr("Layers"));
    connect(m_layerPanel,
            &ui::LayerPanel::zoomToLayerRequested,
            assets,
            &ui::AssetMapController::zoomToLayer);

    // Details dock: identify results, cluster members and the chosen asset.
    m_details = new ui::AssetDetailsPanel(assets->details(), window);
    m_details->setObjectName(QStringLiteral("assetDetailsPanel"));
    m_detailsDock = workbench.addDock(
        QStringLiteral("detailsDock"), tr("Details"), m_details, {Qt::RightDockWidgetArea});
    connect(assets,
            &ui::AssetMapController::candidatesFound,
            m_details,
            [this](const QList<data::AssetSummary> &candidates, const QString &title) {
                m_details->setCandidates(candidates, title);
                m_detailsDock->show();
                m_detailsDock->raise();
            });
    connect(m_details,
            &ui::AssetDetailsPanel::zoomToRequested,
            assets,
            &ui::AssetMapController::showAsset);
    connect(m_details, &ui::AssetDetailsPanel::candidateChosen, assets, [assets](qint64 id) {
        assets->selection()->select({id});
    });

    // Attribute table dock, tabbed with Activity under the map.
    m_table = new ui::AttributeTablePanel(assets->attributeTable(), assets->selection(), window);
    m_table->setObjectName(QStringLiteral("attributeTablePanel"));
    workbench.addDock(QStringLiteral("attributeTableDock"),
                      tr("Attribute Table"),
                      m_table,
                      {Qt::BottomDockWidgetArea, workbench.activityDock()});
    connect(m_table,
            &ui::AttributeTablePanel::zoomToSelectionRequested,
            assets,
            &ui::AssetMapController::zoomToSelection);
    connect(m_table,
            &ui::AttributeTablePanel::assetActivated,
            assets,
            &ui::AssetMapController::showAssetById);

    // The search box at the right end of the tool bar; Ctrl+K focuses it.
    m_locator = new ui::LocatorBox(assets->locator(), window);
    m_locator->setObjectName(QStringLiteral("locatorBox"));
    m_locator->setMinimumWidth(260);
    m_locator->setMaximumWidth(360);
    workbench.addToolBarWidget(m_locator);
    connect(m_locator, &ui::LocatorBox::assetChosen, assets, &ui::AssetMapController::showAsset);
    auto *findAction = new QAction(tr("&Find Asset…"), window);
    findAction->setObjectName(QStringLiteral("findAssetAction"));
    findAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(findAction, &QAction::triggered, m_locator, [this] {
        m_locator->setFocus(Qt::ShortcutFocusReason);
        m_locator->selectAll();
    });
    window->addAction(findAction);
}

void AssetMapFeature::addTools(ui::Workbench &workbench)
{
    struct Tool
    {
        QString text;
        QString icon;
        QString objectName;
        QString statusTip;
        ui::MapTool *tool;
    };

    const QList<Tool> tools{
        {tr("&Identify"),
         QStringLiteral("tool-identify"),
         QStringLiteral("identifyTool"),
         tr("Click an asset to see its details; a cluster lists its members"),
         m_assets->identifyTool()},
        {tr("&Select"),
         QStringLiteral("tool-select"),
         QStringLiteral("selectTool"),
         tr("Click an asset or drag a rectangle to select; Shift adds, Ctrl toggles"),
         m_assets->rectangleSelectTool()},
        {tr("Select in Pol&ygon"),
         QStringLiteral("tool-select-polygon"),
         QStringLiteral("selectPolygonTool"),
         tr("Click the corners of a polygon, double-click or Enter to select what lies inside; "
            "Esc cancels"),
         m_assets->polygonSelectTool()},
        {tr("Mo&ve Asset"),
         QStringLiteral("tool-move"),
         QStringLiteral("moveAssetTool"),
         tr("Drag a point asset to its new place; Esc cancels the drag"),
         m_assets->moveAssetTool()},
    };
    for (const Tool &tool : tools) {
        auto *action = new QAction(QIcon(QStringLiteral(":/icons/%1.svg").arg(tool.icon)),
                                   tool.text,
                                   workbench.windowWidget());
        action->setObjectName(tool.objectName);
        action->setStatusTip(tool.statusTip);
        workbench.addMapTool(action, tool.tool);
    }
}

void AssetMapFeature::addLayerActions(ui::Workbench &workbench)
{
    QWidget *window = workbench.windowWidget();
    ui::AssetMapController *assets = m_assets.get();
    auto *refresh = new QAction(tr("&Refresh"), window);
    refresh->setObjectName(QStringLiteral("refreshLayersAction"));
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setStatusTip(tr("Fetch every layer of the map again from the database"));
    connect(refresh, &QAction::triggered, assets, &ui::AssetMapController::reloadLayers);
    workbench.addMenuAction(ui::Workbench::Menu::Layers, refresh);

    auto *separator = new QAction(window);
    separator->setSeparator(true);
    workbench.addMenuAction(ui::Workbench::Menu::Layers, separator);

    auto *zoomSelection = new QAction(tr("&Zoom to Selection"), window);
    zoomSelection->setObjectName(QStringLiteral("zoomToSelectionAction"));
    zoomSelection->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    connect(zoomSelection, &QAction::triggered, assets, &ui::AssetMapController::zoomToSelection);
    workbench.addMenuAction(ui::Workbench::Menu::Layers, zoomSelection);

    auto *clearSelection = new QAction(tr("&Clear Selection"), window);
    clearSelection->setObjectName(QStringLiteral("clearSelectionAction"));
    clearSelection->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(
        clearSelection, &QAction::triggered, assets->selection(), &models::AssetSelection::clear);
    workbench.addMenuAction(ui::Workbench::Menu::Layers, clearSelection);

    const auto updateSelectionActions = [zoomSelection, clearSelection, assets] {
        const bool any = !assets->selection()->isEmpty();
        zoomSelection->setEnabled(any);
        clearSelection->setEnabled(any);
    };
    connect(assets->selection(), &models::AssetSelection::changed, this, updateSelectionActions);
    updateSelectionActions();
}

void AssetMapFeature::connectFeatures(ui::ServiceRegistry &services)
{
    if (auto *alarms = services.find<models::AlarmListModel>()) {
        m_assets->setAlarms(alarms);
    }
    if (auto *charts = services.find<ui::ChartOpener>()) {
        const auto open = [charts](qint64 sensorId) {
            charts->showChart(sensorId);
        };
        connect(m_details, &ui::AssetDetailsPanel::chartRequested, this, open);
        connect(m_assets.get(), &ui::AssetMapController::chartRequested, this, open);
    }
}

void AssetMapFeature::stop()
{
    ui::ServiceRegistry &services = m_workbench->services();
    services.remove<ui::AssetMapController>();
    services.remove<ui::AssetDetailsPanel>();
    services.remove<ui::AttributeTablePanel>();
    services.remove<ui::LocatorBox>();
}

} // namespace infrasight::app
