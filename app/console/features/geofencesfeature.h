// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/widgets/featuremodule.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QAction;
class QDockWidget;

namespace infrasight::data {
class DbClient;
class PgGeofenceRepository;
} // namespace infrasight::data

namespace infrasight::models {
class GeofenceEditSession;
class GeofenceListModel;
} // namespace infrasight::models

namespace infrasight::ui {
class AssetMapController;
class GeofenceEditTool;
class GeofencePanel;
} // namespace infrasight::ui

namespace infrasight::app {

/// The planners' geofences: the Geofences dock (tabbed with Layers), Tools > Draw Geofence, the
/// fences drawn on the map for everyone (View > Geofences on the Map), and a window that asks
/// before closing over unsaved geofence changes. Selects the assets inside a fence and snaps to
/// the asset layers when the map (AssetMapController) is offered.
class GeofencesFeature final : public QObject, public ui::FeatureModule
{
    Q_OBJECT

public:
    /// The client must outlive the feature.
    explicit GeofencesFeature(data::DbClient &client);
    ~GeofencesFeature() override;

    QString name() const override { return QStringLiteral("geofences"); }

    void start(ui::Workbench &workbench) override;
    void connectFeatures(ui::ServiceRegistry &services) override;
    void stop() override;

private:
    /// The window may close: no unsaved change, or the planner chose to discard it.
    bool mayClose();
    void fillSnapMenu();
    /// Gives the canvas the fences to draw (none while hidden or being edited).
    void showFencesOnMap();

    std::unique_ptr<data::PgGeofenceRepository> m_repository;
    std::unique_ptr<models::GeofenceListModel> m_fences;
    std::unique_ptr<models::GeofenceEditSession> m_session;
    ui::Workbench *m_workbench = nullptr;
    ui::GeofenceEditTool *m_tool = nullptr; ///< owned by the map canvas
    ui::GeofencePanel *m_panel = nullptr;   ///< owned by its dock
    QDockWidget *m_dock = nullptr;
    QAction *m_showFences = nullptr;
    QPointer<ui::AssetMapController> m_assets;
    bool m_closeConfirmed = false;
};

} // namespace infrasight::app
