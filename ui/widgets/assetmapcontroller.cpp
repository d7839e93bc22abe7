// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/assetmapcontroller.h"

#include "data/asseteditqueries.h"
#include "data/assetqueries.h"
#include "data/repositories/pgassetrepository.h"
#include "models/assetdetails.h"
#include "models/assetlayerloader.h"
#include "models/assetselection.h"
#include "models/attributetablemodel.h"
#include "models/errormessage.h"
#include "models/layermodel.h"
#include "models/locatormodel.h"
#include "ui/render/alarmmarkerpainter.h"
#include "ui/render/layerrenderscheduler.h"
#include "ui/render/vectorlayerrenderer.h"
#include "ui/widgets/identifytool.h"
#include "ui/widgets/mapcanvas.h"
#include "ui/widgets/moveassettool.h"
#include "ui/widgets/polygonselecttool.h"
#include "ui/widgets/rectangleselecttool.h"

#include <QLineF>
#include <QMetaMethod>
#include <QPainter>
#include <QScopeGuard>

#include <cmath>

namespace infrasight::ui {

namespace {

/// A selection refresh of the attribute table waits this long for more live changes.
constexpr int TableRefreshDelayMs = 1000;
/// A cluster disc counts as hit within this many pixels of its centre.
constexpr double ClusterHitRadiusPx = 22.0;
/// How long a changed asset waits to be reported as drawn again (see liveAssetShown).
constexpr qint64 LiveReportWindowMs = 10000;
/// The zoom a single point asset is shown at.
constexpr double AssetZoom = 18.0;
/// Margin around a zoomed-to extent, as a fraction of its size.
constexpr double ExtentMargin = 0.15;
/// A zoomed-to extent is at least this wide and high (a single point, a short pipe).
constexpr double MinExtentMeters = 120.0;

const QColor HighlightColor(255, 170, 0);

render::LayerStyle styleOf(const models::LayerDefinition &layer)
{
    render::LayerStyle style;
    style.kind = layer.kind;
    style.symbol = layer.symbol;
    switch (layer.colorBy) {
    case models::LayerDefinition::ColorBy::Fixed:
        style.colorBy = render::LayerStyle::ColorBy::Fixed;
        break;
    case models::LayerDefinition::ColorBy::Status:
        style.colorBy = render::LayerStyle::ColorBy::Status;
        break;
    case models::LayerDefinition::ColorBy::Condition:
        style.colorBy = render::LayerStyle::ColorBy::Condition;
        break;
    }
    if (layer.color.isValid()) {
        style.color = layer.color;
    }
    if (layer.fillColor.isValid()) {
        style.fillColor = layer.fillColor;
    }
    style.lineWidth = layer.lineWidth;
    style.lineStyle = layer.lineStyle;
    style.symbolSize = layer.symbolSize;
    return style;
}

/// The open alarms that have a place, as map markers.
std::vector<render::AlarmMarker> alarmMarkers(const models::AlarmListModel &alarms)
{
    std::vector<render::AlarmMarker> markers;
    markers.reserve(size_t(alarms.rowCount()));
    for (int row = 0; row < alarms.rowCount(); ++row) {
        const data::AlarmRecord &alarm = alarms.alarm(row);
        if (alarm.hasPosition) {
            markers.push_back(
                {alarm.id, alarm.positionMeters, alarm.critical, alarm.state != u"new"});
        }
    }
    return markers;
}

models::AssetSelection::Mode selectionMode(Qt::KeyboardModifiers modifiers)
{
    if (modifiers.testFlag(Qt::ShiftModifier)) {
        return models::AssetSelection::Mode::Add;
    }
    if (modifiers.testFlag(Qt::ControlModifier)) {
        return models::AssetSelection::Mode::Toggle;
    }
    return models::AssetSelection::Mode::Replace;
}

/// extent grown by ExtentMargin, and at least minSize metres wide and high.
QRectF padded(const QRectF &extent, double minSize)
{
    const double w = std::max(extent.width() * (1.0 + 2.0 * ExtentMargin), minSize);
    const double h = std::max(extent.height() * (1.0 + 2.0 * ExtentMargin), minSize);
    return QRectF(extent.center().x() - w / 2.0, extent.center().y() - h / 2.0, w, h);
}

} // namespace

AssetMapController::AssetMapController(MapCanvas *canvas, data::DbClient *client, QObject *parent)
    : QObject(parent)
    , m_canvas(canvas)
    , m_client(client)
    , m_assetRepository(std::make_unique<data::PgAssetRepository>(*client))
    , m_layers(new models::LayerModel(this))
    , m_loader(new models::AssetLayerLoader(client, this))
    , m_selection(new models::AssetSelection(this))
    , m_table(new models::AttributeTableModel(*m_assetRepository, this))
    , m_details(new models::AssetDetails(client, this))
    , m_locator(new models::LocatorModel(*m_assetRepository, this))
    , m_identifyTool(new IdentifyTool(canvas))
    , m_rectangleTool(new RectangleSelectTool(canvas))
    , m_polygonTool(new PolygonSelectTool(canvas))
    , m_moveTool(new MoveAssetTool(canvas, [this](QPointF meters, double tolerance) {
        return pickPoint(meters, tolerance);
    }))
{
    for (MapTool *tool : std::initializer_list<MapTool *>{
             m_identifyTool, m_rectangleTool, m_polygonTool, m_moveTool}) {
        tool->setParent(this);
    }
    connect(m_moveTool,
            &MoveAssetTool::moveRequested,
            this,
            [this](qint64 id, QPointF, QPointF to) { moveAsset(id, to); });

    connect(client, &data::DbClient::queryFinished, this, &AssetMapController::handleQueryFinished);

    m_clock.start();
    m_renderInputs.setSingleShot(true);
    m_renderInputs.setInterval(0);
    connect(&m_renderInputs, &QTimer::timeout, this, &AssetMapController::pushRenderInputs);
    m_tableRefresh.setSingleShot(true);
    m_tableRefresh.setInterval(TableRefreshDelayMs);
    connect(&m_tableRefresh, &QTimer::timeout, m_table, &models::AttributeTableModel::refresh);

    connect(m_layers, &models::LayerModel::layersChanged, this, [this] {
        updateLoaderLayers();
        scheduleRenderInputs();
    });
    connect(m_layers, &models::LayerModel::layerChanged, this, [this] {
        updateLoaderLayers();
        scheduleRenderInputs();
    });
    connect(canvas, &MapCanvas::viewportChanged, this, [this](const render::MapViewport &view) {
        m_loader->setView(view.extentMeters(), view.zoom());
        updateLoaderLayers();
        scheduleRenderInputs();
    });
    connect(m_loader, &models::AssetLayerLoader::layerChanged, this, [this] {
        scheduleRenderInputs();
        reportLiveAssets();
    });
    connect(m_loader, &models::AssetLayerLoader::viewComplete, this, [this] {
        // Changed assets outside the view are never drawn: forget them after a while.
        reportLiveAssets();
        const qint64 now = m_clock.elapsed();
        m_liveIds.removeIf(
            [now](const auto &entry) { return now - entry.value() > LiveReportWindowMs; });
    });
    connect(m_loader,
            &models::AssetLayerLoader::assetsChanged,
            this,
            &AssetMapController::handleAssetsChanged);
    connect(m_loader, &models::AssetLayerLoader::loadError, this, [this](const QString &message) {
        Q_EMIT activity(tr("A map layer could not be loaded: %1").arg(message));
    });

    connect(m_selection, &models::AssetSelection::changed, canvas, [this] { m_canvas->update(); });
    canvas->setOverlayPainter(
        MapCanvas::Overlay::Selection,
        [this](QPainter &painter, const render::MapViewport &viewport) {
            if (!m_selection->isEmpty()) {
                for (const models::LayerDefinition &layer : m_layers->layers()) {
                    if (layer.typeId == 0 || !layer.showsAt(viewport.zoom())) {
                        continue;
                    }
                    const models::LayerContent content = m_loader->content(layer.key);
                    if (!content.clusters) {
                        render::VectorLayerRenderer::paintHighlight(
                            painter, viewport, content.blocks, m_selection->ids(), HighlightColor);
                    }
                }
            }
            // Alarms on top of everything, the selection too: they are what an operator must see.
            if (m_alarms) {
                render::AlarmMarkerPainter::paint(painter, viewport, alarmMarkers(*m_alarms));
            }
        });

    connect(m_identifyTool,
            &IdentifyTool::identifyRequested,
            this,
            [this](QPointF meters, double tolerance) { identifyAt(meters, tolerance); });
    connect(m_rectangleTool,
            &RectangleSelectTool::rectangleSelected,
            this,
            &AssetMapController::selectInRectangle);
    connect(m_rectangleTool,
            &RectangleSelectTool::pointSelected,
            this,
            [this](QPointF meters, double tolerance, Qt::KeyboardModifiers modifiers) {
                submit(data::AssetQueries::identify(meters, tolerance, visibleTypeIds(), 1),
                       [this, modifiers](const data::QueryOutcome &outcome) {
                           const Result<QList<data::AssetSummary>> hits
                               = outcome ? data::AssetQueries::decodeSummaries(*outcome)
                                         : Result<QList<data::AssetSummary>>(
                                             tl::unexpected(outcome.error()));
                           if (!hits) {
                               Q_EMIT activity(models::ErrorMessage::failed(tr("Selection failed"),
                                                                            hits.error()));
                               return;
                           }
                           QList<qint64> ids;
                           for (const data::AssetSummary &hit : *hits) {
                               ids.append(hit.id);
                           }
                           applySelection(ids, modifiers);
                       });
            });
    connect(m_polygonTool,
            &PolygonSelectTool::polygonSelected,
            this,
            &AssetMapController::selectInPolygon);

    m_loader->setView(canvas->viewport().extentMeters(), canvas->viewport().zoom());
}

AssetMapController::~AssetMapController()
{
    // The models that read through the repository go before it.
    delete m_table;
    delete m_locator;
    if (m_canvas.isNull()) {
        return;
    }
    if (m_canvas->tool() == m_identifyTool || m_canvas->tool() == m_rectangleTool
        || m_canvas->tool() == m_polygonTool || m_canvas->tool() == m_moveTool) {
        m_canvas->setTool(nullptr);
    }
    m_canvas->setOverlayPainter(MapCanvas::Overlay::Selection, {});
    m_canvas->layerScheduler()->setLayers({});
}

void AssetMapController::reloadLayers()
{
    submit(data::AssetQueries::assetTypes(), [this](const data::QueryOutcome &outcome) {
        if (!outcome) {
            Q_EMIT activity(models::ErrorMessage::failed(tr("The asset layers could not be read"),
                                                         outcome.error()));
            return;
        }
        const Result<QList<data::AssetTypeInfo>> types
            = data::AssetQueries::decodeAssetTypes(*outcome);
        if (!types) {
            Q_EMIT activity(models::ErrorMessage::failed(tr("The asset layers could not be read"),
                                                         types.error()));
            return;
        }
        m_layers->setAssetTypes(*types);
        m_haveLayers = true;
        updateLoaderLayers();
        scheduleRenderInputs();
        m_table->setQuery(m_table->query());
        Q_EMIT layersReady();
    });
}

void AssetMapController::zoomToSelection()
{
    if (m_selection->isEmpty()) {
        return;
    }
    submit(data::AssetQueries::extentOf(m_selection->sortedIds()),
           [this](const data::QueryOutcome &outcome) { zoomToAnsweredExtent(outcome); });
}

void AssetMapController::zoomToLayer(const QString &key)
{
    const models::LayerDefinition layer = m_layers->layer(key);
    if (layer.key.isEmpty()) {
        return;
    }
    submit(data::AssetQueries::layerExtent(layer.typeId, layer.basemapTable),
           [this](const data::QueryOutcome &outcome) { zoomToAnsweredExtent(outcome); });
}

void AssetMapController::zoomToAnsweredExtent(const data::QueryOutcome &outcome)
{
    using Extent = std::optional<QRectF>;
    const Result<Extent> extent = outcome ? data::AssetQueries::decodeExtent(*outcome)
                                          : Result<Extent>(tl::unexpected(outcome.error()));
    if (!extent) {
        Q_EMIT activity(
            models::ErrorMessage::failed(tr("The extent could not be read"), extent.error()));
        return;
    }
    if (extent->has_value() && !m_canvas.isNull()) {
        m_canvas->zoomToExtent(padded(**extent, MinExtentMeters));
    }
}

void AssetMapController::showAsset(const data::AssetSummary &asset)
{
    if (asset.extentMeters.width() > 1.0 || asset.extentMeters.height() > 1.0) {
        m_canvas->zoomToExtent(padded(asset.extentMeters, MinExtentMeters));
    } else {
        m_canvas->setViewport(
            m_canvas->viewport().withZoom(AssetZoom).withCenter(asset.positionMeters));
    }
    m_selection->select({asset.id});
    Q_EMIT candidatesFound({asset}, asset.code);
}

void AssetMapController::showAssetById(qint64 id)
{
    submit(data::AssetQueries::summariesByIds({id}), [this](const data::QueryOutcome &outcome) {
        if (!outcome) {
            Q_EMIT activity(
                models::ErrorMessage::failed(tr("The asset could not be read"), outcome.error()));
            return;
        }
        const Result<QList<data::AssetSummary>> assets
            = data::AssetQueries::decodeSummaries(*outcome);
        if (assets && !assets->isEmpty()) {
            showAsset(assets->first());
        }
    });
}

void AssetMapController::setAlarms(models::AlarmListModel *alarms)
{
    m_alarms = alarms;
    connect(alarms, &models::AlarmListModel::refreshed, this, [this] {
        if (m_canvas) {
            m_canvas->update();
        }
    });
}

void AssetMapController::identifyAt(QPointF meters, double toleranceMeters)
{
    if (identifyAlarm(meters) || identifyCluster(meters)) {
        return;
    }
    submit(data::AssetQueries::identify(meters, toleranceMeters, visibleTypeIds(), MaxCandidates),
           [this](const data::QueryOutcome &outcome) {
               if (!outcome) {
                   Q_EMIT activity(
                       models::ErrorMessage::failed(tr("Identify failed"), outcome.error()));
                   return;
               }
               const Result<QList<data::AssetSummary>> hits
                   = data::AssetQueries::decodeSummaries(*outcome);
               if (!hits) {
                   return;
               }
               Q_EMIT candidatesFound(*hits,
                                      hits->isEmpty()
                                          ? tr("No asset here")
                                          : tr("%n asset(s) here", nullptr, int(hits->size())));
           });
}

bool AssetMapController::identifyAlarm(QPointF meters)
{
    if (!m_alarms) {
        return false;
    }
    const render::MapViewport viewport = m_canvas->viewport();
    const std::vector<render::AlarmMarker> markers = alarmMarkers(*m_alarms);
    const std::optional<render::AlarmMarker> hit
        = render::AlarmMarkerPainter::hit(viewport, markers, viewport.metersToScreen(meters));
    if (!hit) {
        return false;
    }
    const int row = m_alarms->rowOf(hit->id);
    if (row < 0 || m_alarms->alarm(row).assetId == 0) {
        return false;
    }
    showAssetById(m_alarms->alarm(row).assetId);
    if (m_alarms->alarm(row).sensorId != 0) {
        Q_EMIT chartRequested(m_alarms->alarm(row).sensorId);
    }
    return true;
}

bool AssetMapController::identifyCluster(QPointF meters)
{
    const render::MapViewport viewport = m_canvas->viewport();
    const QPointF click = viewport.metersToScreen(meters);
    double bestDistance = ClusterHitRadiusPx;
    QString bestTitle;
    qint64 bestType = 0;
    gis::TileKey bestCell;
    int bestCount = 0;
    for (const models::LayerDefinition &layer : m_layers->layers()) {
        if (layer.typeId == 0 || !layer.showsAt(viewport.zoom())) {
            continue;
        }
        const models::LayerContent content = m_loader->content(layer.key);
        if (!content.clusters) {
            continue;
        }
        for (const gis::FeatureBlock &block : content.blocks) {
            for (qsizetype i = 0; i < block.size(); ++i) {
                const double distance
                    = QLineF(click, viewport.metersToScreen(block.point(i))).length();
                if (distance < bestDistance) {
                    bestDistance = distance;
                    bestTitle = layer.title;
                    bestType = layer.typeId;
                    bestCell = block.clusterCell(i);
                    bestCount = block.clusterCount(i);
                }
            }
        }
    }
    if (bestType == 0) {
        return false;
    }
    const QString title
        = bestCount > MaxCandidates
              ? tr("Cluster: %1 × %2 (first %3)").arg(bestCount).arg(bestTitle).arg(MaxCandidates)
              : tr("Cluster: %1 × %2").arg(bestCount).arg(bestTitle);
    submit(data::AssetQueries::clusterMembers(bestType, bestCell, MaxCandidates),
           [this, title](const data::QueryOutcome &outcome) {
               if (!outcome) {
                   Q_EMIT activity(
                       models::ErrorMessage::failed(tr("Identify failed"), outcome.error()));
                   return;
               }
               const Result<QList<data::AssetSummary>> members
                   = data::AssetQueries::decodeSummaries(*outcome);
               if (members) {
                   Q_EMIT candidatesFound(*members, title);
               }
           });
    return true;
}

void AssetMapController::selectInRectangle(const QRectF &meters, Qt::KeyboardModifiers modifiers)
{
    submit(data::AssetQueries::selectInRectangle(meters.normalized(), visibleTypeIds()),
           [this, modifiers](const data::QueryOutcome &outcome) {
               applySelection(outcome, modifiers);
           });
}

void AssetMapController::selectInPolygon(const QPolygonF &meters, Qt::KeyboardModifiers modifiers)
{
    submit(data::AssetQueries::selectInPolygon(meters, visibleTypeIds()),
           [this, modifiers](const data::QueryOutcome &outcome) {
               applySelection(outcome, modifiers);
           });
}

void AssetMapController::moveAsset(qint64 id, QPointF meters)
{
    submit(
        data::AssetEditQueries::editState(id),
        [this, id, meters](const data::QueryOutcome &outcome) {
            const Result<data::AssetEditQueries::EditState> state
                = outcome
                      ? data::AssetEditQueries::decodeEditState(*outcome)
                      : Result<data::AssetEditQueries::EditState>(tl::unexpected(outcome.error()));
            if (!state) {
                Q_EMIT activity(models::ErrorMessage::failed(tr("The asset could not be moved"),
                                                             state.error()));
                return;
            }
            const QString code = state->code;
            submit(data::AssetEditQueries::movePoint(id, state->version, meters),
                   [this, id, code](const data::QueryOutcome &moved) {
                       const Result<int> version = moved
                                                       ? data::AssetEditQueries::decodeMoved(*moved)
                                                       : Result<int>(tl::unexpected(moved.error()));
                       if (!version) {
                           Q_EMIT activity(
                               version.error().code == ErrorCode::Conflict
                                   ? tr("%1 was changed by someone else meanwhile; the map shows "
                                        "their version. Move it again if needed.")
                                         .arg(code)
                                   : models::ErrorMessage::failed(
                                       tr("%1 could not be moved").arg(code), version.error()));
                           return;
                       }
                       Q_EMIT activity(tr("%1 moved.").arg(code));
                       Q_EMIT assetMoved(id);
                   });
        });
}

std::optional<MoveAssetTool::Pick> AssetMapController::pickPoint(QPointF meters,
                                                                 double toleranceMeters) const
{
    std::optional<MoveAssetTool::Pick> best;
    double bestDistance = toleranceMeters;
    const double zoom = m_canvas->viewport().zoom();
    for (const models::LayerDefinition &layer : m_layers->layers()) {
        if (layer.typeId == 0 || layer.kind != gis::FeatureKind::Point || !layer.showsAt(zoom)) {
            continue;
        }
        const models::LayerContent content = m_loader->content(layer.key);
        if (content.clusters) {
            continue;
        }
        for (const gis::FeatureBlock &block : content.blocks) {
            for (qsizetype i = 0; i < block.size(); ++i) {
                const double distance = QLineF(meters, block.point(i)).length();
                if (distance <= bestDistance) {
                    bestDistance = distance;
                    best = MoveAssetTool::Pick{block.id(i), block.point(i)};
                }
            }
        }
    }
    return best;
}

void AssetMapController::reportLiveAssets()
{
    if (m_liveIds.isEmpty()) {
        return;
    }
    for (const models::LayerDefinition &layer : m_layers->layers()) {
        if (layer.typeId == 0) {
            continue;
        }
        const models::LayerContent content = m_loader->content(layer.key);
        if (content.clusters) {
            continue;
        }
        // One pass over each block: the ids waiting can be many (a feed), the blocks large.
        for (const gis::FeatureBlock &block : content.blocks) {
            for (qsizetype i = 0; i < block.size() && !m_liveIds.isEmpty(); ++i) {
                if (m_liveIds.remove(block.id(i))) {
                    Q_EMIT liveAssetShown(block.id(i), block.point(i));
                }
            }
        }
    }
}

void AssetMapController::applySelection(const data::QueryOutcome &outcome,
                                        Qt::KeyboardModifiers modifiers)
{
    const Result<QList<qint64>> ids = outcome
                                          ? data::AssetQueries::decodeIds(*outcome)
                                          : Result<QList<qint64>>(tl::unexpected(outcome.error()));
    if (!ids) {
        Q_EMIT activity(models::ErrorMessage::failed(tr("Selection failed"), ids.error()));
        return;
    }
    applySelection(*ids, modifiers);
}

void AssetMapController::applySelection(const QList<qint64> &ids, Qt::KeyboardModifiers modifiers)
{
    m_selection->select(ids, selectionMode(modifiers));
    Q_EMIT activity(tr("%n asset(s) selected", nullptr, int(m_selection->size())));
}

void AssetMapController::submit(const data::Statement &statement, ResultHandler handler)
{
    const data::QueryId id = m_client->submit(statement.sql, statement.params, statement.format);
    m_pending.insert(id, std::move(handler));
}

void AssetMapController::handleQueryFinished(data::QueryId id, const data::QueryOutcome &outcome)
{
    const auto found = m_pending.constFind(id);
    if (found == m_pending.cend()) {
        return;
    }
    const ResultHandler handler = *found;
    m_pending.erase(found);
    handler(outcome);
}

void AssetMapController::updateLoaderLayers()
{
    QList<models::LayerRequest> requests;
    for (const models::LayerDefinition &layer : m_layers->layers()) {
        if (!layer.visible) {
            continue;
        }
        models::LayerRequest request;
        request.key = layer.key;
        request.typeId = layer.typeId;
        request.basemapTable = layer.basemapTable;
        request.kind = layer.kind;
        request.minZoom = layer.minZoom;
        request.maxZoom = layer.maxZoom;
        request.clusterBelowZoom = layer.clusterBelowZoom;
        requests.append(request);
    }
    if (requests != m_loader->layers()) {
        m_loader->setLayers(requests);
    }
}

void AssetMapController::scheduleRenderInputs()
{
    if (!m_renderInputs.isActive()) {
        m_renderInputs.start();
    }
}

void AssetMapController::pushRenderInputs()
{
    const double zoom = m_canvas->viewport().zoom();
    QList<render::LayerRenderInput> inputs;
    for (const models::LayerDefinition &layer : m_layers->layers()) {
        if (!layer.showsAt(zoom)) {
            continue;
        }
        const models::LayerContent content = m_loader->content(layer.key);
        render::LayerRenderInput input;
        input.key = layer.key;
        input.blocks = content.blocks;
        input.style = styleOf(layer);
        input.opacity = layer.opacity;
        input.revision = content.revision;
        inputs.append(input);
    }
    m_canvas->layerScheduler()->setLayers(inputs);
}

void AssetMapController::handleAssetsChanged(const QList<qint64> &ids)
{
    // Where changed assets are drawn again is only worth finding out for a listener (tracing).
    if (isSignalConnected(QMetaMethod::fromSignal(&AssetMapController::liveAssetShown))) {
        for (const qint64 id : ids) {
            m_liveIds.insert(id, m_clock.elapsed());
        }
    }
    if (m_details->assetId() != 0 && (ids.isEmpty() || ids.contains(m_details->assetId()))) {
        m_details->reload();
    }
    if (!m_tableRefresh.isActive()) {
        m_tableRefresh.start();
    }
}

QList<qint64> AssetMapController::visibleTypeIds() const
{
    QList<qint64> ids;
    const double zoom = m_canvas->viewport().zoom();
    for (const models::LayerDefinition &layer : m_layers->layers()) {
        if (layer.typeId != 0 && layer.showsAt(zoom)) {
            ids.append(layer.typeId);
        }
    }
    return ids;
}

} // namespace infrasight::ui
