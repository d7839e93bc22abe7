// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/assetlayerloader.h"

#include "data/assetqueries.h"
#include "data/dbclient.h"
#include "gis/core/mercator.h"
#include "gis/core/tilerange.h"
#include "models/errormessage.h"
#include "models/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <vector>

namespace infrasight::models {

namespace {

/// Fetch tiles are 512 view pixels: the tiles of zoom floor(zoom) - 1, at most this zoom.
constexpr int MaxFetchZoom = 17;
/// DbClient runs statements one after another; a few in flight keep it busy while a view change
/// can still cancel the rest cheaply (they are never sent).
constexpr int MaxInFlight = 4;
constexpr qsizetype DefaultCacheLimitBytes = qsizetype(256) * 1024 * 1024;
/// A cached point tile up to this many zoom levels coarser than the fetch zoom holds every point
/// of the finer tile (points are never simplified), so it counts as arrived.
constexpr int PointAncestorLevels = 2;
/// Stand-ins come from at most this many zoom levels up (a coarser block is mostly off-screen).
constexpr int MaxStandInLevels = 8;
/// QGIS' rule: simplify lines and polygons to a little under one pixel.
constexpr double SimplifyPixels = 0.8;

/// The four kinds of tile statement: point features (no simplification), line and polygon
/// features (simplified on the server), point clusters of one grid level, and the areas of one
/// base map table (simplified).
enum class Group : quint8 { Points, Shapes, Clusters, Basemap };

/// What a point layer shows.
enum class Mode : quint8 { Features, Clusters };

/// One cache entry: a layer's features (level 0) or clusters of a level in one fetch tile.
struct EntryKey
{
    bool clusters = false;
    int level = 0;
    gis::TileKey tile;
    QString layer;

    friend bool operator==(const EntryKey &, const EntryKey &) = default;
};

size_t qHash(const EntryKey &key, size_t seed = 0) noexcept
{
    return qHashMulti(seed, key.clusters, key.level, key.tile, key.layer);
}

/// One tile statement: a group of layers in one fetch tile.
struct FetchUnit
{
    Group group = Group::Points;
    int level = 0;
    gis::TileKey tile;
    QString table; ///< Basemap: the base map table

    friend bool operator==(const FetchUnit &, const FetchUnit &) = default;
};

size_t qHash(const FetchUnit &unit, size_t seed = 0) noexcept
{
    return qHashMulti(seed, int(unit.group), unit.level, unit.tile, unit.table);
}

struct Entry
{
    gis::FeatureBlock block;
    quint64 serial = 0;   ///< unique per stored answer; content signatures compare these
    quint64 lastUsed = 0; ///< LRU tick
    bool stale = false;   ///< still shown, but a newer answer is wanted (live refresh)
};

/// A block as shown in a layer's content, remembered so that it can stand in while the next
/// view loads.
struct Source
{
    gis::TileKey tile;
    quint64 serial = 0;
    gis::FeatureBlock block;
};

struct PendingTile
{
    FetchUnit unit;
    QStringList layers;
    QList<qint64> typeIds;
    QHash<qint64, gis::FeatureKind> kinds;
    /// An asset changed while the statement was out: its answer may predate the change.
    bool outdated = false;
};

struct LayerState
{
    LayerRequest request;
    LayerContent content;
    QList<quint64> signature;
    Mode mode = Mode::Features;
    bool decided = true;
    bool lastCompleteClusters = false;
    QList<Source> lastComplete;
};

bool isPointLayer(const LayerRequest &layer)
{
    return layer.basemapTable.isEmpty() && layer.kind == gis::FeatureKind::Point;
}

bool isAssetLayer(const LayerRequest &layer)
{
    return layer.basemapTable.isEmpty() && layer.typeId != 0;
}

/// An asset layer or a base map layer (districts, buildings): something the loader fetches.
bool isLoadable(const LayerRequest &layer)
{
    return isAssetLayer(layer) || !layer.basemapTable.isEmpty();
}

/// Edges count: a point (an empty rectangle) meets the tile it lies on.
bool meets(const QRectF &a, const QRectF &b)
{
    const QRectF r = a.normalized();
    const QRectF s = b.normalized();
    return r.left() <= s.right() && s.left() <= r.right() && r.top() <= s.bottom()
           && s.top() <= r.bottom();
}

/// True if one tile contains the other (or they are the same).
bool nested(const gis::TileKey &a, const gis::TileKey &b)
{
    return a.z() <= b.z() ? b.ancestorAt(a.z()) == a : a.ancestorAt(b.z()) == b;
}

} // namespace

struct AssetLayerLoader::Private
{
    explicit Private(AssetLayerLoader *loader, data::DbClient *dbClient)
        : q(loader)
        , client(dbClient)
    {}

    AssetLayerLoader *q;
    QPointer<data::DbClient> client;
    QTimer updateTimer;

    QList<LayerRequest> layers;
    QHash<QString, LayerState> states;

    QRectF extent;
    double zoom = 0.0;
    bool hasView = false;
    int fetchZoom = 0;
    int clusterLevel = data::AssetQueries::MinClusterLevel;
    std::vector<gis::TileKey> tiles; ///< the view's fetch tiles, centre first
    bool completeAnnounced = false;

    QHash<EntryKey, Entry> cache;
    qsizetype cacheBytes = 0;
    qsizetype cacheLimit = DefaultCacheLimitBytes;
    quint64 nextSerial = 1;
    quint64 tick = 0;

    QHash<data::QueryId, PendingTile> pending;
    QHash<EntryKey, data::QueryId> requested;
    QHash<data::QueryId, QList<qint64>> locating;
    QList<FetchUnit> queue;
    QHash<FetchUnit, QList<LayerRequest>> queuedLayers;
    QSet<FetchUnit> failed;
    bool connectionErrorReported = false;
    /// Entries the current view's decisions use: never evicted, like what the layers show.
    QSet<quint64> pinned;

    void scheduleUpdate()
    {
        if (!updateTimer.isActive()) {
            updateTimer.start();
        }
    }

    bool visibleAt(const LayerRequest &layer) const
    {
        return hasView && zoom >= layer.minZoom && zoom <= layer.maxZoom;
    }

    const Entry *find(const EntryKey &key) const
    {
        auto it = cache.constFind(key);
        return it == cache.cend() ? nullptr : &it.value();
    }

    /// The entry standing in for tile: the tile's own, else the nearest cached ancestor (the same
    /// content kind). ancestorLevels says how far up an ancestor counts as arrived (0: none).
    struct Found
    {
        const Entry *entry = nullptr;
        EntryKey key;
        bool arrived = false;
    };

    Found lookup(const QString &layer,
                 bool clusters,
                 int level,
                 const gis::TileKey &tile,
                 int ancestorLevels) const
    {
        EntryKey key{clusters, level, tile, layer};
        if (const Entry *entry = find(key)) {
            return {entry, key, true};
        }
        for (int z = tile.z() - 1; z >= std::max(0, tile.z() - MaxStandInLevels); --z) {
            key.tile = tile.ancestorAt(z);
            if (const Entry *entry = find(key)) {
                return {entry, key, tile.z() - z <= ancestorLevels};
            }
        }
        return {};
    }

    static int ancestorLevelsFor(const LayerRequest &layer, bool clusters)
    {
        if (clusters) {
            return AnyLevels; // the same level's cells, whatever tile they came in
        }
        return isPointLayer(layer) ? PointAncestorLevels : 0;
    }

    static constexpr int AnyLevels = MaxStandInLevels;

    /// True if the tile needs a (re)fetch for this layer: nothing arrived, or what arrived is
    /// stale.
    bool needsFetch(const LayerRequest &layer, bool clusters, const gis::TileKey &tile) const
    {
        const int level = clusters ? clusterLevel : 0;
        const EntryKey exact{clusters, level, tile, layer.key};
        if (const Entry *entry = find(exact)) {
            return entry->stale;
        }
        const Found found
            = lookup(layer.key, clusters, level, tile, ancestorLevelsFor(layer, clusters));
        return found.entry == nullptr || !found.arrived || found.entry->stale;
    }

    /// Decides features or clusters for a point layer; decided is false while the cluster counts
    /// that decide are still loading.
    Mode decideMode(const LayerRequest &layer, bool &decided)
    {
        decided = true;
        if (!isPointLayer(layer)) {
            return Mode::Features;
        }
        if (zoom < layer.clusterBelowZoom) {
            return Mode::Clusters;
        }
        // Arrived features that are few enough decide at once (panning back, live refresh).
        {
            QSet<quint64> seen;
            qint64 count = 0;
            bool all = true;
            for (const gis::TileKey &tile : tiles) {
                const Found found
                    = lookup(layer.key, false, 0, tile, ancestorLevelsFor(layer, false));
                if (!found.entry || !found.arrived) {
                    all = false;
                    break;
                }
                if (!seen.contains(found.entry->serial)) {
                    seen.insert(found.entry->serial);
                    count += found.entry->block.size();
                }
            }
            if (all && count <= MaxVisibleFeatures) {
                return Mode::Features;
            }
        }
        // Otherwise the cluster grid of the view's level counts the layer's assets in view.
        QSet<quint64> seen;
        qint64 count = 0;
        for (const gis::TileKey &tile : tiles) {
            const Found found = lookup(layer.key, true, clusterLevel, tile, AnyLevels);
            if (!found.entry) {
                decided = false;
                return Mode::Features;
            }
            if (seen.contains(found.entry->serial)) {
                continue;
            }
            seen.insert(found.entry->serial);
            pinned.insert(found.entry->serial); // the decision needs it as long as the view stays
            const gis::FeatureBlock &block = found.entry->block;
            for (qsizetype i = 0; i < block.size(); ++i) {
                if (meets(block.clusterCell(i).boundsMeters(), extent)) {
                    count += block.clusterCount(i);
                }
            }
        }
        return count > MaxVisibleFeatures ? Mode::Clusters : Mode::Features;
    }

    void computeView()
    {
        std::vector<gis::TileKey> viewTiles;
        if (hasView && extent.isValid() && std::isfinite(zoom)) {
            fetchZoom = std::clamp(int(std::floor(zoom)) - 1, 0, MaxFetchZoom);
            clusterLevel = std::clamp(int(std::floor(zoom)),
                                      data::AssetQueries::MinClusterLevel,
                                      data::AssetQueries::MaxClusterLevel);
            const gis::TileRange range = gis::TileRange::coveringMercator(extent, fetchZoom);
            viewTiles = range.tilesNearestFirst(gis::mercatorMetersToLonLat(extent.center()));
        }
        if (viewTiles != tiles) {
            tiles = std::move(viewTiles);
            failed.clear(); // a new view tries again what failed before
            completeAnnounced = false;
        }
    }

    void update();
    void planFetches();
    void sendQueued();
    void refreshContents();
    LayerContent assemble(LayerState &state, QList<quint64> &signature);
    void evict();
    void store(const EntryKey &key, const gis::FeatureBlock &block, bool stale);
    void handleFinished(data::QueryId id, const data::QueryOutcome &outcome);
    void handleTile(const PendingTile &tile, const data::QueryOutcome &outcome);
    void handleLocations(const QList<qint64> &ids, const data::QueryOutcome &outcome);
    void handleNotification(const QString &channel, const QString &payload) const;
    void markAllOutdated();
};

void AssetLayerLoader::Private::update()
{
    computeView();
    pinned.clear();
    for (const LayerRequest &layer : std::as_const(layers)) {
        LayerState &state = states[layer.key];
        if (!visibleAt(layer) || !isLoadable(layer)) {
            state.decided = true;
            continue;
        }
        bool decided = true;
        const Mode mode = decideMode(layer, decided);
        state.decided = decided;
        if (decided) {
            state.mode = mode;
        }
    }
    planFetches();
    sendQueued();
    refreshContents();
    evict();
}

void AssetLayerLoader::Private::planFetches()
{
    // What the view needs, centre tiles first; one statement per tile and group.
    QList<FetchUnit> units;
    QHash<FetchUnit, QList<LayerRequest>> unitLayers;
    QSet<data::QueryId> stillWanted;
    for (const gis::TileKey &tile : tiles) {
        for (const LayerRequest &layer : std::as_const(layers)) {
            if (!visibleAt(layer) || !isLoadable(layer)) {
                continue;
            }
            const LayerState &state = states[layer.key];
            const bool point = isPointLayer(layer);
            const bool wantClusters = point && (!state.decided || state.mode == Mode::Clusters);
            const bool wantFeatures = state.decided && state.mode == Mode::Features;
            for (const bool clusters : {true, false}) {
                if ((clusters && !wantClusters) || (!clusters && !wantFeatures)) {
                    continue;
                }
                if (!needsFetch(layer, clusters, tile)) {
                    continue;
                }
                const int level = clusters ? clusterLevel : 0;
                const EntryKey key{clusters, level, tile, layer.key};
                if (auto it = requested.constFind(key); it != requested.cend()) {
                    stillWanted.insert(it.value());
                    continue;
                }
                const Group group = clusters                        ? Group::Clusters
                                    : !layer.basemapTable.isEmpty() ? Group::Basemap
                                    : point                         ? Group::Points
                                                                    : Group::Shapes;
                const FetchUnit unit{group, level, tile, layer.basemapTable};
                if (failed.contains(unit)) {
                    continue;
                }
                if (!unitLayers.contains(unit)) {
                    units.push_back(unit);
                }
                unitLayers[unit].push_back(layer);
            }
        }
    }
    // Statements for tiles the view no longer needs are cancelled (their answers are dropped).
    for (auto it = pending.begin(); it != pending.end();) {
        if (stillWanted.contains(it.key())) {
            ++it;
            continue;
        }
        if (client) {
            client->cancel(it.key());
        }
        for (const QString &layer : std::as_const(it->layers)) {
            requested.remove(
                EntryKey{it->unit.group == Group::Clusters, it->unit.level, it->unit.tile, layer});
        }
        it = pending.erase(it);
    }
    queue = units;
    queuedLayers = unitLayers;
}

void AssetLayerLoader::Private::sendQueued()
{
    // Statements sent while not connected fail at once: wait for the connection instead (the
    // queue goes out when stateChanged() says Connected).
    if (!client || client->state() != data::ConnectionState::Connected) {
        return;
    }
    while (pending.size() < MaxInFlight && !queue.isEmpty()) {
        const FetchUnit unit = queue.takeFirst();
        const QList<LayerRequest> unitLayers = queuedLayers.take(unit);
        PendingTile tile;
        tile.unit = unit;
        for (const LayerRequest &layer : unitLayers) {
            tile.layers.push_back(layer.key);
            if (!tile.typeIds.contains(layer.typeId)) {
                tile.typeIds.push_back(layer.typeId);
            }
            tile.kinds.insert(layer.typeId, layer.kind);
        }
        data::Statement statement;
        switch (unit.group) {
        case Group::Points:
            statement = data::AssetQueries::tileFeatures(unit.tile, tile.typeIds, 0.0);
            break;
        case Group::Shapes:
            statement = data::AssetQueries::tileFeatures(
                unit.tile,
                tile.typeIds,
                SimplifyPixels * gis::metersPerPixel(double(unit.tile.z() + 1)));
            break;
        case Group::Clusters:
            statement = data::AssetQueries::tileClusters(unit.tile, unit.level, tile.typeIds);
            break;
        case Group::Basemap:
            statement = data::AssetQueries::basemapTileFeatures(
                unit.tile,
                unit.table,
                SimplifyPixels * gis::metersPerPixel(double(unit.tile.z() + 1)));
            break;
        }
        const data::QueryId id = client->submit(statement);
        for (const QString &layer : std::as_const(tile.layers)) {
            requested.insert(EntryKey{unit.group == Group::Clusters, unit.level, unit.tile, layer},
                             id);
        }
        pending.insert(id, tile);
    }
}

LayerContent AssetLayerLoader::Private::assemble(LayerState &state, QList<quint64> &signature)
{
    const LayerRequest &layer = state.request;
    LayerContent content;
    content.revision = state.content.revision;
    if (!visibleAt(layer) || !isLoadable(layer) || tiles.empty()) {
        state.lastComplete.clear();
        content.complete = true;
        return content;
    }
    const bool clusters = isPointLayer(layer) && state.mode == Mode::Clusters;
    const int level = clusters ? clusterLevel : 0;
    content.clusters = clusters;
    bool complete = state.decided;
    QList<Found> found;
    for (const gis::TileKey &tile : tiles) {
        const Found hit
            = lookup(layer.key, clusters, level, tile, ancestorLevelsFor(layer, clusters));
        if (!hit.entry) {
            complete = false;
            continue;
        }
        complete = complete && hit.arrived;
        const bool known = std::any_of(
            found.cbegin(), found.cend(), [&hit](const Found &f) { return f.key == hit.key; });
        if (!known) {
            found.push_back(hit);
        }
    }
    // A coarser tile already holds its finer ones: show each area once.
    QList<Source> sources;
    for (const Found &hit : std::as_const(found)) {
        const bool covered = std::any_of(found.cbegin(), found.cend(), [&hit](const Found &f) {
            return f.key.tile.z() < hit.key.tile.z()
                   && hit.key.tile.ancestorAt(f.key.tile.z()) == f.key.tile;
        });
        if (covered) {
            continue;
        }
        cache[hit.key].lastUsed = tick;
        sources.push_back(Source{hit.key.tile, hit.entry->serial, hit.entry->block});
    }
    if (complete) {
        state.lastComplete = sources;
        state.lastCompleteClusters = clusters;
    } else if (state.lastCompleteClusters == clusters
               || (sources.isEmpty() && !state.lastComplete.isEmpty())) {
        // While the view loads, what the layer showed last stands in where nothing newer is
        // (zooming out, a new cluster level, features turning into clusters): no blank map
        // between two complete views. Features and clusters never mix in one content.
        content.clusters = state.lastCompleteClusters;
        const QList<Source> current = sources;
        for (const Source &old : std::as_const(state.lastComplete)) {
            if (!meets(old.tile.boundsMeters(), extent)) {
                continue;
            }
            const bool overlaps
                = std::any_of(current.cbegin(), current.cend(), [&old](const Source &s) {
                      return s.serial == old.serial || nested(s.tile, old.tile);
                  });
            if (!overlaps) {
                sources.push_back(old);
            }
        }
    }
    for (const Source &source : std::as_const(sources)) {
        content.blocks.push_back(source.block);
        signature.push_back(source.serial);
    }
    signature.push_back(content.clusters ? 1 : 0);
    content.complete = complete;
    return content;
}

void AssetLayerLoader::Private::refreshContents()
{
    ++tick;
    bool allComplete = true;
    QStringList changed;
    for (const LayerRequest &layer : std::as_const(layers)) {
        LayerState &state = states[layer.key];
        state.request = layer;
        QList<quint64> signature;
        LayerContent content = assemble(state, signature);
        allComplete = allComplete && content.complete;
        if (signature != state.signature) {
            ++content.revision;
            state.signature = signature;
            changed.push_back(layer.key);
        }
        state.content = content;
    }
    const bool loading = !pending.isEmpty() || !queue.isEmpty();
    for (const QString &key : std::as_const(changed)) {
        Q_EMIT q->layerChanged(key);
    }
    if (allComplete && !loading && hasView) {
        if (!completeAnnounced) {
            completeAnnounced = true;
            Q_EMIT q->viewComplete();
        }
    } else {
        completeAnnounced = false;
    }
}

void AssetLayerLoader::Private::evict()
{
    if (cacheBytes <= cacheLimit) {
        return;
    }
    // Never what a layer shows now or what decides its mode; otherwise least recently shown first.
    QSet<quint64> shown = pinned;
    for (const LayerState &state : std::as_const(states)) {
        for (quint64 serial : state.signature) {
            shown.insert(serial);
        }
    }
    std::vector<std::pair<quint64, EntryKey>> candidates;
    for (auto it = cache.cbegin(); it != cache.cend(); ++it) {
        if (!shown.contains(it->serial)) {
            candidates.emplace_back(it->lastUsed, it.key());
        }
    }
    std::sort(candidates.begin(), candidates.end(), [](const auto &a, const auto &b) {
        return a.first < b.first;
    });
    for (const auto &[lastUsed, key] : candidates) {
        if (cacheBytes <= cacheLimit) {
            break;
        }
        Q_UNUSED(lastUsed);
        cacheBytes -= cache.value(key).block.memoryBytes();
        cache.remove(key);
    }
}

void AssetLayerLoader::Private::store(const EntryKey &key,
                                      const gis::FeatureBlock &block,
                                      bool stale)
{
    if (const Entry *old = find(key)) {
        cacheBytes -= old->block.memoryBytes();
    }
    Entry &entry = cache[key];
    entry.block = block;
    entry.serial = nextSerial++;
    entry.lastUsed = tick;
    entry.stale = stale;
    cacheBytes += block.memoryBytes();
}

void AssetLayerLoader::Private::handleFinished(data::QueryId id, const data::QueryOutcome &outcome)
{
    if (auto it = pending.find(id); it != pending.end()) {
        const PendingTile tile = *it;
        pending.erase(it);
        for (const QString &layer : std::as_const(tile.layers)) {
            requested.remove(EntryKey{
                tile.unit.group == Group::Clusters, tile.unit.level, tile.unit.tile, layer});
        }
        handleTile(tile, outcome);
        scheduleUpdate();
    } else if (auto located = locating.find(id); located != locating.end()) {
        const QList<qint64> ids = *located;
        locating.erase(located);
        handleLocations(ids, outcome);
        scheduleUpdate();
    }
}

void AssetLayerLoader::Private::handleTile(const PendingTile &tile,
                                           const data::QueryOutcome &outcome)
{
    if (!outcome) {
        if (outcome.error().code == ErrorCode::Cancelled) {
            return;
        }
        // Keep what the layers show; try the tile again on the next view or after reconnecting.
        failed.insert(tile.unit);
        // A lost connection fails every tile at once: one message for the log and the Activity
        // dock until a tile arrives again.
        const bool connectionLost = outcome.error().code == ErrorCode::Connection;
        if (!connectionLost || !connectionErrorReported) {
            connectionErrorReported = connectionLost;
            qCWarning(lcModels) << "asset tile" << tile.unit.tile.toString()
                                << "failed:" << outcome.error().toString();
            Q_EMIT q->loadError(ErrorMessage::describe(outcome.error()));
        }
        return;
    }
    connectionErrorReported = false;
    const bool clusters = tile.unit.group == Group::Clusters;
    const auto blocks = clusters ? data::AssetQueries::decodeTileClusters(*outcome, tile.typeIds)
                                 : data::AssetQueries::decodeTileFeatures(*outcome, tile.kinds);
    if (!blocks) {
        failed.insert(tile.unit);
        qCWarning(lcModels) << "asset tile" << tile.unit.tile.toString()
                            << "undecodable:" << blocks.error().toString();
        Q_EMIT q->loadError(ErrorMessage::describe(blocks.error()));
        return;
    }
    for (const QString &key : std::as_const(tile.layers)) {
        const LayerState state = states.value(key);
        if (state.request.key != key) {
            continue; // the layer was removed meanwhile
        }
        store(EntryKey{clusters, tile.unit.level, tile.unit.tile, key},
              blocks->value(state.request.typeId),
              tile.outdated);
    }
}

void AssetLayerLoader::Private::handleLocations(const QList<qint64> &ids,
                                                const data::QueryOutcome &outcome)
{
    if (!outcome) {
        if (outcome.error().code != ErrorCode::Cancelled) {
            Q_EMIT q->loadError(ErrorMessage::describe(outcome.error()));
        }
        return;
    }
    const auto locations = data::AssetQueries::decodeLocations(*outcome);
    if (!locations) {
        Q_EMIT q->loadError(ErrorMessage::describe(locations.error()));
        return;
    }
    QHash<QString, qint64> typeOfLayer;
    for (const LayerState &state : std::as_const(states)) {
        typeOfLayer.insert(state.request.key, state.request.typeId);
    }
    // Ids that are neither located (deleted) nor found in a cached block may have been counted
    // in any cluster cell.
    QSet<qint64> unplaced(ids.cbegin(), ids.cend());
    QSet<qint64> changedTypes;
    for (const data::AssetQueries::Location &location : *locations) {
        unplaced.remove(location.id);
        changedTypes.insert(location.typeId);
    }
    for (auto it = cache.begin(); it != cache.end(); ++it) {
        if (it.key().clusters || typeOfLayer.value(it.key().layer) == 0) {
            continue; // base map blocks hold base map ids, not asset ids
        }
        for (qint64 id : ids) {
            if (it->block.indexOf(id) >= 0) {
                unplaced.remove(id);
                changedTypes.insert(typeOfLayer.value(it.key().layer));
            }
        }
    }
    for (auto it = cache.begin(); it != cache.end(); ++it) {
        const qint64 typeId = typeOfLayer.value(it.key().layer);
        if (it.key().clusters) {
            if (!unplaced.isEmpty() || changedTypes.contains(typeId)) {
                it->stale = true;
            }
            continue;
        }
        const QRectF bounds = it.key().tile.boundsMeters();
        for (const data::AssetQueries::Location &location : *locations) {
            if (location.typeId == typeId && meets(bounds, location.extentMeters)) {
                it->stale = true;
            }
        }
    }
}

void AssetLayerLoader::Private::markAllOutdated()
{
    for (PendingTile &tile : pending) {
        tile.outdated = true;
    }
}

void AssetLayerLoader::Private::handleNotification(const QString &channel,
                                                   const QString &payload) const
{
    if (channel != u"asset") {
        return;
    }
    const QJsonObject object = QJsonDocument::fromJson(payload.toUtf8()).object();
    const QJsonArray idArray = object.value(QStringLiteral("ids")).toArray();
    if (object.value(QStringLiteral("bulk")).toBool() || idArray.isEmpty()) {
        Q_EMIT q->assetsChanged({});
        q->reloadAll();
        return;
    }
    QList<qint64> ids;
    ids.reserve(idArray.size());
    for (const auto &value : idArray) {
        ids.push_back(value.toInteger());
    }
    Q_EMIT q->assetsChanged(ids);
    q->refreshAssets(ids);
}

AssetLayerLoader::AssetLayerLoader(data::DbClient *client, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, client))
{
    Q_ASSERT(client);
    d->updateTimer.setSingleShot(true);
    d->updateTimer.setInterval(0);
    connect(&d->updateTimer, &QTimer::timeout, this, [this] { d->update(); });
    connect(client,
            &data::DbClient::queryFinished,
            this,
            [this](data::QueryId id, const data::QueryOutcome &outcome) {
                d->handleFinished(id, outcome);
            });
    connect(client,
            &data::DbClient::notificationReceived,
            this,
            [this](const QString &channel, const QString &payload) {
                d->handleNotification(channel, payload);
            });
    connect(client, &data::DbClient::stateChanged, this, [this](data::ConnectionState state) {
        if (state == data::ConnectionState::Connected) {
            d->failed.clear();
            d->scheduleUpdate();
        }
    });
    // Notifications sent while the connection was down are lost: fetch the view again.
    connect(client, &data::DbClient::reconnected, this, &AssetLayerLoader::reloadAll);
    client->listen(QStringLiteral("asset"));
}

AssetLayerLoader::~AssetLayerLoader()
{
    if (d->client) {
        for (auto it = d->pending.cbegin(); it != d->pending.cend(); ++it) {
            d->client->cancel(it.key());
        }
        for (auto it = d->locating.cbegin(); it != d->locating.cend(); ++it) {
            d->client->cancel(it.key());
        }
    }
}

void AssetLayerLoader::setLayers(const QList<LayerRequest> &layers)
{
    // A layer whose type or kind changed keeps nothing of what was fetched for it.
    QSet<QString> keep;
    for (const LayerRequest &layer : layers) {
        const auto it = d->states.constFind(layer.key);
        if (it != d->states.cend() && it->request.key == layer.key
            && (it->request.typeId != layer.typeId || it->request.kind != layer.kind
                || it->request.basemapTable != layer.basemapTable)) {
            for (auto entry = d->cache.begin(); entry != d->cache.end();) {
                if (entry.key().layer == layer.key) {
                    d->cacheBytes -= entry->block.memoryBytes();
                    entry = d->cache.erase(entry);
                } else {
                    ++entry;
                }
            }
            d->states.remove(layer.key);
        }
        keep.insert(layer.key);
    }
    for (auto it = d->states.begin(); it != d->states.end();) {
        it = keep.contains(it.key()) ? std::next(it) : d->states.erase(it);
    }
    for (const LayerRequest &layer : layers) {
        LayerState &state = d->states[layer.key];
        state.request = layer;
    }
    d->layers = layers;
    d->scheduleUpdate();
}

QList<LayerRequest> AssetLayerLoader::layers() const
{
    return d->layers;
}

void AssetLayerLoader::setView(const QRectF &extentMeters, double zoom)
{
    d->extent = extentMeters.normalized();
    d->zoom = zoom;
    d->hasView = true;
    d->scheduleUpdate();
}

LayerContent AssetLayerLoader::content(const QString &key) const
{
    const auto it = d->states.constFind(key);
    return it == d->states.cend() ? LayerContent{} : it->content;
}

bool AssetLayerLoader::isLoading() const
{
    return d->updateTimer.isActive() || !d->pending.isEmpty() || !d->queue.isEmpty();
}

void AssetLayerLoader::setCacheLimitBytes(qsizetype bytes)
{
    d->cacheLimit = std::max<qsizetype>(bytes, 0);
    d->evict();
}

qsizetype AssetLayerLoader::cacheBytes() const
{
    return d->cacheBytes;
}

void AssetLayerLoader::refreshAssets(const QList<qint64> &ids)
{
    // Offline, nothing can be located; reconnected() reloads everything anyway.
    if (ids.isEmpty() || !d->client || d->client->state() != data::ConnectionState::Connected) {
        return;
    }
    // What holds the assets now is refetched at once; where they are now is asked next.
    for (auto it = d->cache.begin(); it != d->cache.end(); ++it) {
        if (it.key().clusters) {
            continue;
        }
        for (qint64 id : ids) {
            if (it->block.indexOf(id) >= 0) {
                it->stale = true;
                break;
            }
        }
    }
    d->markAllOutdated();
    const data::QueryId id = d->client->submit(data::AssetQueries::locationsByIds(ids));
    d->locating.insert(id, ids);
    d->scheduleUpdate();
}

void AssetLayerLoader::reloadAll()
{
    // What the view shows stays until its new answer replaces it; everything else goes.
    QSet<quint64> shown;
    for (const LayerState &state : std::as_const(d->states)) {
        for (quint64 serial : state.signature) {
            shown.insert(serial);
        }
    }
    for (auto it = d->cache.begin(); it != d->cache.end();) {
        if (shown.contains(it->serial)) {
            it->stale = true;
            ++it;
        } else {
            d->cacheBytes -= it->block.memoryBytes();
            it = d->cache.erase(it);
        }
    }
    d->markAllOutdated();
    d->failed.clear();
    d->scheduleUpdate();
}

} // namespace infrasight::models
