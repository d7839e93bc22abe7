// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/console/features/geofencesfeature.h"

#include "data/repositories/pggeofencerepository.h"
#include "gis/core/mercator.h"
#include "models/assetselection.h"
#include "models/geofenceeditsession.h"
#include "models/geofencelistmodel.h"
#include "models/layermodel.h"
#include "ui/widgets/assetmapcontroller.h"
#include "ui/widgets/geofenceedittool.h"
#include "ui/widgets/geofencepainter.h"
#include "ui/widgets/geofencepanel.h"
#include "ui/widgets/mapcanvas.h"
#include "ui/widgets/serviceregistry.h"
#include "ui/widgets/workbench.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>

#include <algorithm>

namespace infrasight::app {

namespace {

QString showFencesKey()
{
    return QStringLiteral("map/showGeofences");
}

} // namespace

GeofencesFeature::GeofencesFeature(data::DbClient &client)
    : m_repository(std::make_unique<data::PgGeofenceRepository>(client))
{}

GeofencesFeature::~GeofencesFeature() = default;

void GeofencesFeature::start(ui::Workbench &workbench)
{
    m_workbench = &workbench;
    ui::MapCanvas *map = workbench.mapCanvas();
    QWidget *window = workbench.windowWidget();
    m_fences = std::make_unique<models::GeofenceListModel>(*m_repository);
    m_session = std::make_unique<models::GeofenceEditSession>();
    m_tool = new ui::GeofenceEditTool(map, m_session.get(), m_fences.get());
    m_panel = new ui::GeofencePanel(m_fences.get(), m_session.get(), m_tool, window);
    m_panel->setObjectName(QStringLiteral("geofencePanel"));
    m_dock = workbench.addDock(QStringLiteral("geofenceDock"),
                               tr("Geofences"),
                               m_panel,
                               {Qt::LeftDockWidgetArea, workbench.layersDock()});
    // The undo and redo of the shape work wherever the focus is in the window.
    window->addAction(m_panel->undoAction());
    window->addAction(m_panel->redoAction());

    auto *draw = new QAction(
        QIcon(QStringLiteral(":/icons/tool-geofence.svg")), tr("Draw &Geofence"), window);
    draw->setObjectName(QStringLiteral("geofenceTool"));
    draw->setStatusTip(
        tr("Draw and edit geofences: choose one in the Geofences dock, or draw a new one"));
    workbench.addMapTool(draw, m_tool);
    connect(draw, &QAction::triggered, this, [this] {
        m_dock->show();
        m_dock->raise();
    });
    connect(m_panel, &ui::GeofencePanel::toolRequested, this, [this, map] {
        map->setZoomRectangleMode(false);
        map->setTool(m_tool);
        m_dock->show();
        m_dock->raise();
    });
    connect(m_panel, &ui::GeofencePanel::zoomRequested, this, [map](const QRectF &lonLat) {
        if (lonLat.isNull()) {
            return;
        }
        const QPointF a = gis::lonLatToMercatorMeters({lonLat.left(), lonLat.top()});
        const QPointF b = gis::lonLatToMercatorMeters({lonLat.right(), lonLat.bottom()});
        QRectF meters = QRectF(a, b).normalized();
        // A margin around the fence, and never closer than a street's worth.
        const double margin = std::max({meters.width(), meters.height(), 200.0}) * 0.15;
        meters.adjust(-margin, -margin, margin, margin);
        map->zoomToExtent(meters);
    });
    connect(m_tool, &ui::GeofenceEditTool::message, this, [this](const QString &text) {
        m_workbench->showStatusMessage(text, 8000);
    });

    // The fences on the map for everyone (operators watch vehicles enter them); the edit tool
    // draws them itself while it is active.
    m_showFences = new QAction(tr("&Geofences on the Map"), window);
    m_showFences->setObjectName(QStringLiteral("showGeofencesAction"));
    m_showFences->setCheckable(true);
    m_showFences->setChecked(QSettings().value(showFencesKey(), true).toBool());
    m_showFences->setStatusTip(tr("Draw the geofences over the map, each in its colour"));
    workbench.addMenuAction(ui::Workbench::Menu::View, m_showFences);
    connect(m_showFences, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(showFencesKey(), on);
        showFencesOnMap();
    });
    // As values on the canvas, so that its map settings (an export) carry them too.
    connect(
        m_fences.get(), &QAbstractItemModel::modelReset, this, &GeofencesFeature::showFencesOnMap);
    connect(map, &ui::MapCanvas::toolChanged, this, &GeofencesFeature::showFencesOnMap);
    showFencesOnMap();
    // Snap targets: the other fences and each asset layer, all on unless unticked.
    connect(m_panel->snapMenu(), &QMenu::aboutToShow, this, &GeofencesFeature::fillSnapMenu);
    workbench.addCloseGuard([this] { return mayClose(); });
}

void GeofencesFeature::connectFeatures(ui::ServiceRegistry &services)
{
    m_assets = services.find<ui::AssetMapController>();
    connect(
        m_panel, &ui::GeofencePanel::selectionRequested, this, [this](const QList<qint64> &ids) {
            if (m_assets) {
                m_assets->selection()->select(ids);
            }
        });
}

void GeofencesFeature::stop()
{
    m_workbench->mapCanvas()->setGeofences({});
    m_assets = nullptr;
}

void GeofencesFeature::showFencesOnMap()
{
    ui::MapCanvas *map = m_workbench->mapCanvas();
    // The edit tool draws the fences itself while it is active.
    const bool shown = m_showFences->isChecked() && map->tool() != m_tool;
    map->setGeofences(shown ? ui::GeofencePainter::shapes(*m_fences)
                            : QList<render::GeofenceShape>{});
}

bool GeofencesFeature::mayClose()
{
    if (!m_panel->hasUnsavedChanges() || m_closeConfirmed) {
        return true;
    }
    // Nothing the planner drew is lost without being asked.
    m_dock->show();
    m_dock->raise();
    QWidget *window = m_workbench->windowWidget();
    auto *box = new QMessageBox(QMessageBox::Warning,
                                tr("Unsaved Geofence"),
                                tr("The geofence you are editing has unsaved changes."),
                                QMessageBox::Discard | QMessageBox::Cancel,
                                window);
    box->setInformativeText(tr("Cancel, then Save in the Geofences dock to keep them."));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, window](int result) {
        if (result == QMessageBox::Discard) {
            m_closeConfirmed = true;
            window->close();
        }
    });
    box->open();
    return false;
}

void GeofencesFeature::fillSnapMenu()
{
    QMenu *snapMenu = m_panel->snapMenu();
    snapMenu->clear();
    QList<std::pair<QString, QString>> targets{
        {ui::GeofenceEditTool::geofenceSnapKey(), tr("Other Geofences")}};
    if (m_assets) {
        for (const models::LayerDefinition &layer : m_assets->layerModel()->layers()) {
            targets.append({layer.key, layer.title});
        }
    }
    for (const auto &[key, title] : std::as_const(targets)) {
        QAction *target = snapMenu->addAction(title);
        target->setCheckable(true);
        target->setChecked(!m_tool->snapExcluded().contains(key));
        connect(target, &QAction::toggled, this, [this, key = key](bool on) {
            QSet<QString> excluded = m_tool->snapExcluded();
            if (on) {
                excluded.remove(key);
            } else {
                excluded.insert(key);
            }
            m_tool->setSnapExcluded(excluded);
        });
    }
}

} // namespace infrasight::app
