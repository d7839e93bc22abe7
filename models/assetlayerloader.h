// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/featureblock.h"
#include "gis/core/tilekey.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QRectF>
#include <QString>

#include <memory>

namespace infrasight::data {
class DbClient;
}

namespace infrasight::models {

/// What one map layer asks the loader for.
struct LayerRequest
{
    QString key;          ///< the layer's key (LayerDefinition::key)
    qint64 typeId = 0;    ///< asset type; 0 for a base map layer
    QString basemapTable; ///< "district" or "building" for a base map layer, else empty
    gis::FeatureKind kind = gis::FeatureKind::Point; ///< Point, Line or Polygon
    int minZoom = 0; ///< outside [minZoom, maxZoom] nothing is fetched or shown
    int maxZoom = 20;
    int clusterBelowZoom = 17; ///< Point layers: below this zoom the layer shows clusters

    friend bool operator==(const LayerRequest &, const LayerRequest &) = default;
};

/// What a layer has to draw for the current view.
struct LayerContent
{
    QList<gis::FeatureBlock> blocks; ///< cover the view; may come from a coarser fetch zoom
    bool clusters = false;           ///< blocks are Cluster blocks
    bool complete = false;           ///< every tile of the view has arrived
    quint64 revision = 0;            ///< changes whenever blocks change
};

/// Loads the visible asset layers from PostGIS for the map's view, tile by tile, and keeps what it
/// fetched. The view is cut into fetch tiles (Web Mercator tiles of a fetch zoom a little coarser
/// than the view's); each missing tile is one AssetQueries::tileFeatures() (or tileClusters())
/// statement for all visible layers of its kind, sent through the given DbClient, binary WKB.
/// A tile that leaves the view before its answer arrives is cancelled. Arrived tiles stay in a
/// memory cache (least recently used first out, setCacheLimitBytes()), and a coarser cached tile
/// stands in for finer ones, so panning back or zooming in needs no query.
///
/// Point layers aggregate: below their clusterBelowZoom, or when more than MaxVisibleFeatures of
/// the layer would show, the layer's content is the asset_cell grid (clusters with counts) of the
/// view's zoom level instead of its features.
///
/// Live refresh: the loader LISTENs on "asset"; a notification with ids re-fetches only the
/// tiles that held or now hold those assets (located with AssetQueries::locationsByIds()), a bulk
/// one drops the cache; after reconnected() everything visible is fetched again. Never blocks.
/// GUI thread only.
class AssetLayerLoader : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssetLayerLoader)

public:
    /// More features than this in the view make a point layer show clusters.
    static constexpr qint64 MaxVisibleFeatures = 100'000;

    /// client must outlive the loader; the loader calls client->listen("asset").
    explicit AssetLayerLoader(data::DbClient *client, QObject *parent = nullptr);
    ~AssetLayerLoader() override;

    /// The layers to keep loaded (the visible ones); others are not fetched and their cached
    /// tiles may be evicted.
    void setLayers(const QList<LayerRequest> &layers);
    QList<LayerRequest> layers() const;

    /// The map's view: extent in EPSG:3857 metres and fractional zoom. Cheap; call it on every
    /// view change (requests are coalesced to the next turn of the event loop).
    void setView(const QRectF &extentMeters, double zoom);

    /// What the layer has now for the current view (empty content for an unknown key).
    LayerContent content(const QString &key) const;

    /// True while tiles for the current view are outstanding.
    bool isLoading() const;

    void setCacheLimitBytes(qsizetype bytes);
    /// Bytes held by cached blocks.
    qsizetype cacheBytes() const;

    /// Re-fetches the tiles that show these assets (what a NOTIFY does).
    void refreshAssets(const QList<qint64> &ids);
    /// Drops every cached tile and fetches the view again.
    void reloadAll();

Q_SIGNALS:
    /// A layer's content changed (tiles arrived or were refreshed): re-render that layer.
    void layerChanged(const QString &key);
    /// Every visible layer is complete for the current view.
    void viewComplete();
    /// Assets changed in the database (ids from a NOTIFY; empty for a bulk change).
    void assetsChanged(const QList<qint64> &ids);
    /// A tile query failed (message for the Activity dock); the layer keeps what it had.
    void loadError(const QString &message);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace infrasight::models
