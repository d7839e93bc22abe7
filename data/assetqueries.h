// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/assetrecords.h"
#include "data/statement.h"
#include "gis/core/featureblock.h"
#include "gis/core/result.h"
#include "gis/core/tilekey.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QStringList>

#include <optional>

namespace infrasight::data {

/// Every statement the console sends about assets, and the decoders of their results. The SQL
/// lives here and nowhere else; each statement is parameterised ($1..$n) and index-friendly:
/// spatial ones filter with `geom && <envelope in EPSG:4326>` (GiST), text search uses the
/// pg_trgm indexes, and nothing runs an exact count(*) or a full-table scan of asset.
/// Positions and rectangles given to these functions are EPSG:3857 metres; envelopes are
/// converted to lon/lat on the client (Web Mercator tiles are exact lon/lat rectangles).
/// Stateless and thread-safe.
class AssetQueries
{
public:
    /// Cluster grid levels kept in asset_cell: level L has cells of 64 px at zoom L, i.e. the
    /// tiles of zoom L + 2.
    static constexpr int MinClusterLevel = 10;
    static constexpr int MaxClusterLevel = 18;

    /// Asset types with their department, by department then name.
    static Statement assetTypes();
    [[nodiscard]] static Result<QList<AssetTypeInfo>> decodeAssetTypes(const QueryResult &result);

    /// The features of the given types meeting the tile, binary result format: id, type_id,
    /// status, condition and ST_AsBinary(geom, 'NDR'), lines and polygons simplified on the
    /// server to simplifyToleranceMeters (EPSG:3857 metres; 0 = none; points never).
    static Statement tileFeatures(const gis::TileKey &tile,
                                  const QList<qint64> &typeIds,
                                  double simplifyToleranceMeters);
    /// The areas of a base map table ("district" or "building") meeting the tile, in the columns
    /// of tileFeatures() (type_id 0, status active, condition 0), simplified on the server to
    /// simplifyToleranceMeters. Any other table name gives a statement that returns no rows.
    static Statement basemapTileFeatures(const gis::TileKey &tile,
                                         const QString &table,
                                         double simplifyToleranceMeters);
    /// One block per type id present in kinds (types without rows get an empty block, so the
    /// caller knows the tile is complete for them). kinds gives each type's block kind.
    [[nodiscard]] static Result<QHash<qint64, gis::FeatureBlock>>
    decodeTileFeatures(const QueryResult &result, const QHash<qint64, gis::FeatureKind> &kinds);

    /// The cluster cells of level (MinClusterLevel..MaxClusterLevel) inside the tile for the
    /// given point types, from asset_cell (kept current by triggers; never aggregated on the
    /// fly).
    static Statement
    tileClusters(const gis::TileKey &tile, int level, const QList<qint64> &typeIds);
    /// One Cluster block per requested type id (empty when the tile has none).
    [[nodiscard]] static Result<QHash<qint64, gis::FeatureBlock>>
    decodeTileClusters(const QueryResult &result, const QList<qint64> &typeIds);

    /// Assets of a type in a cluster cell (at most limit, by code).
    static Statement clusterMembers(qint64 typeId, const gis::TileKey &cell, int limit);
    /// Assets within toleranceMeters of a position, nearest first (at most limit); empty
    /// typeIds means no type is visible and gives a statement that returns no rows.
    static Statement
    identify(QPointF meters, double toleranceMeters, const QList<qint64> &typeIds, int limit);
    /// Decoder of clusterMembers(), identify(), locate() and summariesByIds().
    [[nodiscard]] static Result<QList<AssetSummary>> decodeSummaries(const QueryResult &result);

    /// Ids of the assets of the given types whose geometry meets the rectangle.
    static Statement selectInRectangle(const QRectF &meters, const QList<qint64> &typeIds);
    /// Ids of the assets of the given types within the polygon (ST_Within, as a planner
    /// expects); the polygon goes as a WKB parameter. An open ring is closed first. The ring is a
    /// QList<QPointF> because data/ links Qt6::Core only; a QPolygonF (a QList<QPointF>) converts.
    static Statement selectInPolygon(const QList<QPointF> &meters, const QList<qint64> &typeIds);
    [[nodiscard]] static Result<QList<qint64>> decodeIds(const QueryResult &result);

    /// The bounding box of the given assets, EPSG:3857 metres (zoom to selection).
    static Statement extentOf(const QList<qint64> &ids);
    /// No rectangle when there were none; a single point gives an empty (not null) one.
    [[nodiscard]] static Result<std::optional<QRectF>> decodeExtent(const QueryResult &result);
    /// The extent of a whole layer: the assets of a type, or (typeId 0) the base map table
    /// "district" or "building"; columns as extentOf(). An explicit request of the operator
    /// (Zoom to Layer), never sent to draw a map.
    static Statement layerExtent(qint64 typeId, const QString &basemapTable);

    /// Summaries of the given assets (locator choice, selection lists).
    static Statement summariesByIds(const QList<qint64> &ids);

    /// Assets whose code, name or street resembles text (pg_trgm: prefix and similarity),
    /// best first, at most limit. Text shorter than 2 characters gives no rows.
    static Statement locate(const QString &text, int limit);

    /// The whole record of one asset: every column and every attributes key, as fields.
    static Statement assetRecord(qint64 id);
    [[nodiscard]] static Result<QList<AssetField>> decodeAssetRecord(const QueryResult &result);
    static Statement assetSensors(qint64 id);
    [[nodiscard]] static Result<QList<AssetSensorInfo>>
    decodeAssetSensors(const QueryResult &result);
    /// Work orders of the asset that are not closed or cancelled.
    static Statement assetWorkOrders(qint64 id);
    [[nodiscard]] static Result<QList<AssetWorkOrderInfo>>
    decodeAssetWorkOrders(const QueryResult &result);
    /// The asset's changes from audit_log, newest first, at most limit.
    static Statement assetHistory(qint64 id, int limit);
    [[nodiscard]] static Result<QList<AssetHistoryEntry>>
    decodeAssetHistory(const QueryResult &result);

    /// The attribute table's columns, in order: id, code, name, type, street, status, condition,
    /// install_date, updated_at.
    static QStringList attributeColumns();
    /// One page of the attribute table (offset/limit), filtered and sorted by the server
    /// (ties broken by id so pages never overlap). Values come as text in attributeColumns()
    /// order; an unknown sortColumn sorts by code.
    static Statement attributePage(const AttributeQuery &query, int offset, int limit);
    /// The planner's row estimate for the query (EXPLAIN, never count(*)): for "1,000,000 rows".
    static Statement attributeEstimate(const AttributeQuery &query);
    [[nodiscard]] static Result<qint64> decodeEstimate(const QueryResult &result);

    /// For live refresh: id, type_id and the EPSG:3857 bounding box of each asset still present
    /// (deleted ones are simply missing).
    static Statement locationsByIds(const QList<qint64> &ids);

    struct Location
    {
        qint64 id = 0;
        qint64 typeId = 0;
        QRectF extentMeters;
    };

    [[nodiscard]] static Result<QList<Location>> decodeLocations(const QueryResult &result);
};

} // namespace infrasight::data
