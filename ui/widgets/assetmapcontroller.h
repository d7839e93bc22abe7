// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/assetrecords.h"
#include "data/dbclient.h"
#include "models/alarmlistmodel.h"
#include "ui/widgets/moveassettool.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QPointer>
#include <QPolygonF>
#include <QRectF>
#include <QSet>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace infrasight::data {
class PgAssetRepository;
}

namespace infrasight::models {
class AlarmListModel;
class AssetDetails;
class AssetLayerLoader;
class AssetSelection;
class AttributeTableModel;
class LayerModel;
class LocatorModel;
} // namespace infrasight::models

namespace infrasight::ui {

class IdentifyTool;
class MapCanvas;
class PolygonSelectTool;
class RectangleSelectTool;

/// Puts the asset layers on the map and answers the operator's questions about them. Owns the
/// layer model, the loader, the selection, the attribute table, the details and the locator
/// models, and the identify and selection tools, and wires them together:
/// - the layer model and the canvas view decide what the loader fetches; each layer's content
///   goes to the canvas's LayerRenderScheduler with the layer's style;
/// - identify: a click on a cluster lists its members, elsewhere the assets under the cursor
///   (AssetQueries::identify) become the Details panel's candidates;
/// - rectangle, polygon and point selection go to the server and end in the AssetSelection
///   (Shift adds, Ctrl toggles), which the canvas highlights in its overlay;
/// - live changes (the loader's assetsChanged) refresh the details and the attribute table.
/// Every statement goes through the DbClient; nothing here waits for the database.
/// GUI thread only.
class AssetMapController : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssetMapController)

public:
    /// Identify candidates and cluster members listed at most.
    static constexpr int MaxCandidates = 200;

    /// client must outlive the controller; the canvas may go first.
    AssetMapController(MapCanvas *canvas, data::DbClient *client, QObject *parent = nullptr);
    ~AssetMapController() override;

    models::LayerModel *layerModel() const { return m_layers; }

    models::AssetLayerLoader *loader() const { return m_loader; }

    models::AssetSelection *selection() const { return m_selection; }

    models::AttributeTableModel *attributeTable() const { return m_table; }

    models::AssetDetails *details() const { return m_details; }

    models::LocatorModel *locator() const { return m_locator; }

    IdentifyTool *identifyTool() const { return m_identifyTool; }

    RectangleSelectTool *rectangleSelectTool() const { return m_rectangleTool; }

    PolygonSelectTool *polygonSelectTool() const { return m_polygonTool; }

    MoveAssetTool *moveAssetTool() const { return m_moveTool; }

    /// Shows the open alarms of the list on the map (markers by severity); an Identify click on
    /// one shows its asset. The model is borrowed and must outlive the controller.
    void setAlarms(models::AlarmListModel *alarms);

    /// Fetches the asset types and rebuilds the layers (call once connected, and after a
    /// reconnect).
    void reloadLayers();

    /// True once the asset types arrived and the layers exist.
    bool hasLayers() const { return m_haveLayers; }

    /// Asks the server for the extent of the selection and shows it.
    void zoomToSelection();
    /// Asks the server for the extent of a layer (LayerDefinition::key) and shows it.
    void zoomToLayer(const QString &key);
    /// Shows an asset (a point at zoom 18, a line or area whole), selects it and opens its
    /// details.
    void showAsset(const data::AssetSummary &asset);
    /// The same for an asset known by id only (a row of the attribute table).
    void showAssetById(qint64 id);

    /// Identifies at a position as the identify tool does (also for tests and scripts).
    void identifyAt(QPointF meters, double toleranceMeters);
    /// Selects as the selection tools do; modifiers: Shift adds, Ctrl toggles.
    void selectInRectangle(const QRectF &meters, Qt::KeyboardModifiers modifiers = {});
    void selectInPolygon(const QPolygonF &meters, Qt::KeyboardModifiers modifiers = {});
    /// Moves a point asset as the move tool does: reads its version, then updates it with that
    /// version, so a change someone else made meanwhile is never overwritten (the planner is
    /// told, and the map shows their position).
    void moveAsset(qint64 id, QPointF meters);

Q_SIGNALS:
    /// The Details panel should list these assets (identify hits, cluster members).
    void candidatesFound(const QList<infrasight::data::AssetSummary> &candidates,
                         const QString &title);
    /// The operator chose a sensor's alarm marker: its live chart should open.
    void chartRequested(qint64 sensorId);
    /// A line for the Activity dock.
    void activity(const QString &line);
    /// The layers were (re)built from the database's asset types.
    void layersReady();
    /// moveAsset() succeeded.
    void assetMoved(qint64 id);
    /// An asset another console or a feed changed is drawn again, at meters (EPSG:3857); for
    /// tracing and tests. Changes are followed only while something is connected to this signal
    /// (and for at most 10 s each when they are never drawn).
    void liveAssetShown(qint64 id, QPointF meters);

private:
    using ResultHandler = std::function<void(const data::QueryOutcome &)>;

    void submit(const data::Statement &statement, ResultHandler handler);
    void handleQueryFinished(data::QueryId id, const data::QueryOutcome &outcome);
    void updateLoaderLayers();
    void scheduleRenderInputs();
    void pushRenderInputs();
    void handleAssetsChanged(const QList<qint64> &ids);
    void applySelection(const data::QueryOutcome &outcome, Qt::KeyboardModifiers modifiers);
    /// Shows the extent a layerExtent() or extentOf() statement answered.
    void zoomToAnsweredExtent(const data::QueryOutcome &outcome);
    void applySelection(const QList<qint64> &ids, Qt::KeyboardModifiers modifiers);
    /// The asset of the alarm marker under a map position, shown if there is one.
    bool identifyAlarm(QPointF meters);
    /// The cluster under a screen position, if a visible layer shows clusters there.
    bool identifyCluster(QPointF meters);
    QList<qint64> visibleTypeIds() const;
    void reportLiveAssets();
    /// The point asset the move tool would pick (loaded features only).
    std::optional<MoveAssetTool::Pick> pickPoint(QPointF meters, double toleranceMeters) const;

    QPointer<MapCanvas> m_canvas; ///< may go first (the window is destroyed before us)
    data::DbClient *m_client = nullptr;
    /// The locator's and the attribute table's reads (before the models that use it).
    std::unique_ptr<data::PgAssetRepository> m_assetRepository;
    models::LayerModel *m_layers = nullptr;
    models::AssetLayerLoader *m_loader = nullptr;
    models::AssetSelection *m_selection = nullptr;
    models::AttributeTableModel *m_table = nullptr;
    models::AssetDetails *m_details = nullptr;
    models::LocatorModel *m_locator = nullptr;
    IdentifyTool *m_identifyTool = nullptr;
    RectangleSelectTool *m_rectangleTool = nullptr;
    PolygonSelectTool *m_polygonTool = nullptr;
    MoveAssetTool *m_moveTool = nullptr;
    /// Assets changed elsewhere whose new drawing is not reported yet, with when (m_clock).
    QHash<qint64, qint64> m_liveIds;
    QElapsedTimer m_clock;
    QHash<data::QueryId, ResultHandler> m_pending;
    QPointer<models::AlarmListModel> m_alarms;
    QTimer m_renderInputs;
    QTimer m_tableRefresh;
    bool m_haveLayers = false;
};

} // namespace infrasight::ui
