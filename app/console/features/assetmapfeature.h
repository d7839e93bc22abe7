// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/widgets/featuremodule.h"

#include <QObject>

#include <memory>

class QDockWidget;

namespace infrasight::data {
class DbClient;
}

namespace infrasight::ui {
class AssetDetailsPanel;
class AssetMapController;
class AttributeTablePanel;
class LayerPanel;
class LocatorBox;
} // namespace infrasight::ui

namespace infrasight::app {

/// The asset layers on the map and everything that works on them: the layer list (Layers dock),
/// the asset details (Details dock, right), the attribute table (tabbed with Activity), the
/// asset search box in the tool bar (Ctrl+K), the Identify, Select, Select in Polygon and Move
/// Asset tools, and Refresh, Zoom to Selection and Clear Selection in the Layers menu. Offers
/// its AssetMapController (alarms show their asset, geofences select theirs); draws the alarms
/// (AlarmListModel) as markers and opens a sensor's chart (ChartOpener) where those are offered.
class AssetMapFeature final : public QObject, public ui::FeatureModule
{
    Q_OBJECT

public:
    /// The client must outlive the feature.
    explicit AssetMapFeature(data::DbClient &client);
    ~AssetMapFeature() override;

    QString name() const override { return QStringLiteral("asset map"); }

    void start(ui::Workbench &workbench) override;
    void connectFeatures(ui::ServiceRegistry &services) override;
    void stop() override;

private:
    void addPanels(ui::Workbench &workbench);
    void addTools(ui::Workbench &workbench);
    void addLayerActions(ui::Workbench &workbench);

    data::DbClient &m_client;
    std::unique_ptr<ui::AssetMapController> m_assets;
    ui::Workbench *m_workbench = nullptr;
    ui::LayerPanel *m_layerPanel = nullptr;     ///< owned by the Layers dock
    ui::AssetDetailsPanel *m_details = nullptr; ///< owned by its dock
    QDockWidget *m_detailsDock = nullptr;
    ui::AttributeTablePanel *m_table = nullptr; ///< owned by its dock
    ui::LocatorBox *m_locator = nullptr;        ///< owned by the tool bar
};

} // namespace infrasight::app
