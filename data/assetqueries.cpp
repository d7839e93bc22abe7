// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/assetqueries.h"

#include "gis/core/featureblockbuilder.h"
#include "gis/core/geometry.h"
#include "gis/core/mercator.h"
#include "gis/core/wkb.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <algorithm>
#include <unordered_map>

namespace infrasight::data {

namespace {

/// EPSG:3857 metres per degree of longitude: turns a tolerance in metres into degrees for
/// ST_Simplify on the EPSG:4326 column.
constexpr double MetersPerDegree = gis::HalfWorldMeters / 180.0;

QPointF toMeters(double lonDeg, double latDeg)
{
    return gis::lonLatToMercatorMeters(gis::LonLat{lonDeg, latDeg});
}

/// The lon/lat box of a rectangle in EPSG:3857 metres: west, south, east, north.
QVariantList envelopeParams(const QRectF &meters)
{
    const QRectF r = meters.normalized();
    const gis::LonLat a = gis::mercatorMetersToLonLat(r.topLeft());
    const gis::LonLat b = gis::mercatorMetersToLonLat(r.bottomRight());
    return {std::min(a.lonDeg, b.lonDeg),
            std::min(a.latDeg, b.latDeg),
            std::max(a.lonDeg, b.lonDeg),
            std::max(a.latDeg, b.latDeg)};
}

QVariantList envelopeParams(const gis::GeoBounds &bounds)
{
    return {bounds.westDeg(), bounds.southDeg(), bounds.eastDeg(), bounds.northDeg()};
}

/// Escapes LIKE/ILIKE metacharacters (backslash is the default escape) so that text matches
/// literally.
QString likeEscaped(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_') {
            out.append(u'\\');
        }
        out.append(c);
    }
    return out;
}

tl::unexpected<Error> decodeError(const QString &what)
{
    return fail(ErrorCode::InvalidArgument, what);
}

/// Fails when a result with rows has fewer columns than its decoder reads.
Result<void> expectColumns(const QueryResult &result, int columns, QStringView what)
{
    return result.expectColumns(columns, what);
}

/// The columns every summary query returns, in decodeSummaries() order: id, type_id, code, name,
/// type name, street, status, representative lon/lat, bounding box lon/lat (xmin, ymin, xmax,
/// ymax). The distance column (13) is appended by each query. Needs "a" (asset), "t" (its type)
/// and "p" (the representative point).
const QString SummaryColumns = QStringLiteral(
    "a.id, a.type_id, a.code, a.name, t.name, a.street, a.status, ST_X(p.pt), ST_Y(p.pt), "
    "ST_XMin(a.geom), ST_YMin(a.geom), ST_XMax(a.geom), ST_YMax(a.geom)");

const QString SummaryFrom = QStringLiteral(
    " FROM asset a JOIN asset_type t ON t.id = a.type_id"
    " CROSS JOIN LATERAL (SELECT CASE WHEN ST_GeometryType(a.geom) = 'ST_Point' THEN a.geom"
    " ELSE ST_PointOnSurface(a.geom) END AS pt) p");

/// The attribute table's columns and the SQL each sorts by (a whitelist: nothing else ever goes
/// into ORDER BY).
struct AttributeColumn
{
    QString name;
    QString select;
    QString sortKey;
};

const QList<AttributeColumn> &attributeColumnList()
{
    static const QList<AttributeColumn> columns = {
        {QStringLiteral("id"), QStringLiteral("a.id::text"), QStringLiteral("a.id")},
        {QStringLiteral("code"), QStringLiteral("a.code"), QStringLiteral("a.code")},
        {QStringLiteral("name"), QStringLiteral("a.name"), QStringLiteral("a.name")},
        {QStringLiteral("type"), QStringLiteral("t.name"), QStringLiteral("t.name")},
        {QStringLiteral("street"), QStringLiteral("a.street"), QStringLiteral("a.street")},
        {QStringLiteral("status"), QStringLiteral("a.status"), QStringLiteral("a.status")},
        {QStringLiteral("condition"),
         QStringLiteral("a.condition::text"),
         QStringLiteral("a.condition")},
        {QStringLiteral("install_date"),
         QStringLiteral("to_char(a.install_date, 'YYYY-MM-DD')"),
         QStringLiteral("a.install_date")},
        {QStringLiteral("updated_at"),
         QStringLiteral("to_char(a.updated_at AT TIME ZONE 'UTC', "
                        "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"),
         QStringLiteral("a.updated_at")},
    };
    return columns;
}

/// The WHERE clause of the attribute table's query, its parameters appended to params.
QString attributeWhere(const AttributeQuery &query, QVariantList &params)
{
    QStringList conditions;
    if (!query.typeIds.isEmpty()) {
        params.push_back(idArray(query.typeIds));
        conditions.push_back(QStringLiteral("a.type_id = ANY($%1::bigint[])").arg(params.size()));
    }
    if (query.onlyIdsActive) {
        params.push_back(idArray(query.onlyIds));
        conditions.push_back(QStringLiteral("a.id = ANY($%1::bigint[])").arg(params.size()));
    }
    const QString text = query.text.trimmed();
    if (!text.isEmpty()) {
        params.push_back(QString(u'%' + likeEscaped(text) + u'%'));
        conditions.push_back(
            QStringLiteral("(a.code ILIKE $%1 OR a.name ILIKE $%1 OR a.street ILIKE $%1)")
                .arg(params.size()));
    }
    return conditions.isEmpty()
               ? QString()
               : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

QDateTime utcMidnight(const QVariant &date)
{
    return date.isValid() ? QDateTime(date.toDate(), QTime(0, 0), QTimeZone::utc()) : QDateTime();
}

} // namespace

Statement AssetQueries::assetTypes()
{
    return {QStringLiteral("SELECT t.id, t.code, t.name, t.geometry_kind, coalesce(t.symbol, ''), "
                           "coalesce(d.code, ''), coalesce(d.name, '') "
                           "FROM asset_type t LEFT JOIN department d ON d.id = t.department_id "
                           "ORDER BY d.name NULLS LAST, t.name, t.id"),
            {},
            ResultFormat::Text};
}

Result<QList<AssetTypeInfo>> AssetQueries::decodeAssetTypes(const QueryResult &result)
{
    if (auto columns = expectColumns(result, 7, u"asset types"); !columns) {
        return tl::unexpected(columns.error());
    }
    QList<AssetTypeInfo> types;
    types.reserve(result.rowCount());
    for (int row = 0; row < result.rowCount(); ++row) {
        AssetTypeInfo info;
        info.id = result.toInt(row, 0);
        info.code = result.text(row, 1);
        info.name = result.text(row, 2);
        const QString kind = result.text(row, 3);
        if (kind == u"point") {
            info.kind = gis::FeatureKind::Point;
        } else if (kind == u"line") {
            info.kind = gis::FeatureKind::Line;
        } else if (kind == u"polygon") {
            info.kind = gis::FeatureKind::Polygon;
        } else {
            return decodeError(
                QStringLiteral("asset type %1: unknown geometry kind '%2'").arg(info.code, kind));
        }
        info.symbol = result.text(row, 4);
        info.departmentCode = result.text(row, 5);
        info.departmentName = result.text(row, 6);
        types.push_back(info);
    }
    return types;
}

Statement AssetQueries::tileFeatures(const gis::TileKey &tile,
                                     const QList<qint64> &typeIds,
                                     double simplifyToleranceMeters)
{
    // The envelope is computed here and sent as parameters: the GiST index on the EPSG:4326
    // column does the work, nothing is transformed on the column side. ST_Intersects keeps
    // lines whose bounding box meets the tile but not the line itself out.
    QVariantList params = envelopeParams(tile.boundsLonLat());
    params.push_back(idArray(typeIds));
    QString geometry = QStringLiteral("ST_AsBinary(a.geom, 'NDR')");
    if (simplifyToleranceMeters > 0.0) {
        params.push_back(simplifyToleranceMeters / MetersPerDegree);
        geometry = QStringLiteral(
            "CASE WHEN ST_Dimension(a.geom) = 0 THEN ST_AsBinary(a.geom, 'NDR') "
            "ELSE ST_AsBinary(ST_Simplify(a.geom, $6::double precision, true), 'NDR') END");
    }
    return {QStringLiteral("SELECT a.id, a.type_id, a.status, a.condition, %1 "
                           "FROM asset a "
                           "WHERE a.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326) "
                           "AND ST_Intersects(a.geom, ST_MakeEnvelope($1, $2, $3, $4, 4326)) "
                           "AND a.type_id = ANY($5::bigint[])")
                .arg(geometry),
            params,
            ResultFormat::Binary};
}

Statement AssetQueries::basemapTileFeatures(const gis::TileKey &tile,
                                            const QString &table,
                                            double simplifyToleranceMeters)
{
    // Table names cannot be parameters: only the known base map tables are spliced in.
    if (table != u"district" && table != u"building") {
        return {QStringLiteral("SELECT 0::bigint, 0::bigint, 'active'::text, 0::smallint, "
                               "'\\x'::bytea WHERE false"),
                {},
                ResultFormat::Binary};
    }
    QVariantList params = envelopeParams(tile.boundsLonLat());
    params.push_back(std::max(simplifyToleranceMeters, 0.0) / MetersPerDegree);
    return {QStringLiteral("SELECT b.id, 0::bigint, 'active'::text, 0::smallint, "
                           "ST_AsBinary(ST_Simplify(b.geom, $5::double precision, true), 'NDR') "
                           "FROM basemap.%1 b "
                           "WHERE b.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326)")
                .arg(table),
            params,
            ResultFormat::Binary};
}

Result<QHash<qint64, gis::FeatureBlock>>
AssetQueries::decodeTileFeatures(const QueryResult &result,
                                 const QHash<qint64, gis::FeatureKind> &kinds)
{
    if (auto columns = expectColumns(result, 5, u"tile features"); !columns) {
        return tl::unexpected(columns.error());
    }
    std::unordered_map<qint64, gis::FeatureBlockBuilder> builders;
    for (auto it = kinds.cbegin(); it != kinds.cend(); ++it) {
        builders.emplace(it.key(), gis::FeatureBlockBuilder(it.value()));
    }
    for (int row = 0; row < result.rowCount(); ++row) {
        const qint64 typeId = result.toInt(row, 1);
        auto builder = builders.find(typeId);
        if (builder == builders.end()) {
            continue; // a type the caller did not ask to draw
        }
        const qint64 id = result.toInt(row, 0);
        const auto status = gis::assetStatusFromCode(result.text(row, 2));
        const auto condition
            = static_cast<std::uint8_t>(std::clamp<qint64>(result.toInt(row, 3), 0, 5));
        const QByteArray wkb = result.bytes(row, 4);
        if (auto added = builder->second.addWkb(id, status, condition, wkb); !added) {
            Error error = added.error();
            error.message = QStringLiteral("asset %1: %2").arg(id).arg(error.message);
            return tl::unexpected(error);
        }
    }
    QHash<qint64, gis::FeatureBlock> blocks;
    blocks.reserve(qsizetype(builders.size()));
    for (auto &[typeId, builder] : builders) {
        blocks.insert(typeId, builder.build());
    }
    return blocks;
}

Statement
AssetQueries::tileClusters(const gis::TileKey &tile, int level, const QList<qint64> &typeIds)
{
    const int clamped = std::clamp(level, MinClusterLevel, MaxClusterLevel);
    const int cellZoom = clamped + 2;
    int x0 = 0;
    int x1 = -1; // an invalid tile gives an empty range
    int y0 = 0;
    int y1 = -1;
    if (tile.isValid() && tile.z() <= cellZoom) {
        const int shift = cellZoom - tile.z();
        x0 = tile.x() << shift;
        x1 = ((tile.x() + 1) << shift) - 1;
        y0 = tile.y() << shift;
        y1 = ((tile.y() + 1) << shift) - 1;
    } else if (tile.isValid()) {
        const gis::TileKey cell = tile.ancestorAt(cellZoom);
        x0 = x1 = cell.x();
        y0 = y1 = cell.y();
    }
    return {QStringLiteral("SELECT c.level, c.type_id, c.cx, c.cy, c.n, c.faulty, c.sx, c.sy "
                           "FROM asset_cell c "
                           "WHERE c.level = $1::smallint AND c.cx BETWEEN $2 AND $3 "
                           "AND c.cy BETWEEN $4 AND $5 AND c.type_id = ANY($6::bigint[])"),
            {clamped, x0, x1, y0, y1, idArray(typeIds)},
            ResultFormat::Binary};
}

Result<QHash<qint64, gis::FeatureBlock>>
AssetQueries::decodeTileClusters(const QueryResult &result, const QList<qint64> &typeIds)
{
    if (auto columns = expectColumns(result, 8, u"tile clusters"); !columns) {
        return tl::unexpected(columns.error());
    }
    std::unordered_map<qint64, gis::FeatureBlockBuilder> builders;
    for (qint64 typeId : typeIds) {
        builders.try_emplace(typeId, gis::FeatureKind::Cluster);
    }
    for (int row = 0; row < result.rowCount(); ++row) {
        auto builder = builders.find(result.toInt(row, 1));
        if (builder == builders.end()) {
            continue;
        }
        const int n = int(result.toInt(row, 4));
        if (n <= 0) {
            continue;
        }
        const gis::TileKey cell(
            int(result.toInt(row, 0)) + 2, int(result.toInt(row, 2)), int(result.toInt(row, 3)));
        const QPointF centroid(result.toDouble(row, 6) / n, result.toDouble(row, 7) / n);
        builder->second.addCluster(cell, centroid, n, int(result.toInt(row, 5)));
    }
    QHash<qint64, gis::FeatureBlock> blocks;
    blocks.reserve(qsizetype(builders.size()));
    for (auto &[typeId, builder] : builders) {
        blocks.insert(typeId, builder.build());
    }
    return blocks;
}

Statement AssetQueries::clusterMembers(qint64 typeId, const gis::TileKey &cell, int limit)
{
    // The cell's box finds the candidates through the GiST index; the cell arithmetic of
    // asset_cell (migration 0003) then decides membership exactly as the grid counted it.
    QVariantList params = envelopeParams(cell.boundsLonLat());
    const int level = cell.z() - 2;
    params.append({typeId, level, cell.x(), cell.y(), std::max(limit, 0)});
    return {QStringLiteral("SELECT ") + SummaryColumns + QStringLiteral(", 0::float8") + SummaryFrom
                + QStringLiteral(" WHERE a.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326) "
                                 "AND a.type_id = $5 AND ST_GeometryType(a.geom) = 'ST_Point' "
                                 "AND asset_cell_coord(asset_cell_mx(a.geom), $6) = $7 "
                                 "AND asset_cell_coord(-asset_cell_my(a.geom), $6) = $8 "
                                 "ORDER BY a.code LIMIT $9"),
            params,
            ResultFormat::Text};
}

Statement AssetQueries::identify(QPointF meters,
                                 double toleranceMeters,
                                 const QList<qint64> &typeIds,
                                 int limit)
{
    const double tolerance = std::max(toleranceMeters, 0.0);
    const QRectF box(meters.x() - tolerance, meters.y() - tolerance, 2 * tolerance, 2 * tolerance);
    QVariantList params = envelopeParams(box);
    params.append({meters.x(), meters.y(), tolerance, idArray(typeIds), std::max(limit, 0)});
    // The box (in lon/lat) narrows the candidates with the index; the distance is then measured
    // in EPSG:3857 metres, on those few rows only.
    return {
        QStringLiteral("SELECT ") + SummaryColumns + QStringLiteral(", d.dist") + SummaryFrom
            + QStringLiteral(" CROSS JOIN LATERAL (SELECT ST_Distance(ST_Transform(a.geom, 3857), "
                             "ST_SetSRID(ST_MakePoint($5, $6), 3857)) AS dist) d "
                             "WHERE a.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326) "
                             "AND a.type_id = ANY($8::bigint[]) AND d.dist <= $7 "
                             "ORDER BY d.dist, a.id LIMIT $9"),
        params,
        ResultFormat::Text};
}

Result<QList<AssetSummary>> AssetQueries::decodeSummaries(const QueryResult &result)
{
    if (auto columns = expectColumns(result, 13, u"asset summaries"); !columns) {
        return tl::unexpected(columns.error());
    }
    QList<AssetSummary> summaries;
    summaries.reserve(result.rowCount());
    for (int row = 0; row < result.rowCount(); ++row) {
        AssetSummary s;
        s.id = result.toInt(row, 0);
        s.typeId = result.toInt(row, 1);
        s.code = result.text(row, 2);
        s.name = result.text(row, 3);
        s.typeName = result.text(row, 4);
        s.street = result.text(row, 5);
        s.status = gis::assetStatusFromCode(result.text(row, 6));
        s.positionMeters = toMeters(result.toDouble(row, 7), result.toDouble(row, 8));
        s.extentMeters = QRectF(toMeters(result.toDouble(row, 9), result.toDouble(row, 10)),
                                toMeters(result.toDouble(row, 11), result.toDouble(row, 12)));
        if (result.columnCount() > 13) {
            s.distanceMeters = result.toDouble(row, 13);
        }
        summaries.push_back(s);
    }
    return summaries;
}

Statement AssetQueries::selectInRectangle(const QRectF &meters, const QList<qint64> &typeIds)
{
    QVariantList params = envelopeParams(meters);
    params.push_back(idArray(typeIds));
    return {QStringLiteral("SELECT a.id FROM asset a "
                           "WHERE a.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326) "
                           "AND ST_Intersects(a.geom, ST_MakeEnvelope($1, $2, $3, $4, 4326)) "
                           "AND a.type_id = ANY($5::bigint[]) ORDER BY a.id"),
            params,
            ResultFormat::Text};
}

Statement AssetQueries::selectInPolygon(const QList<QPointF> &meters, const QList<qint64> &typeIds)
{
    // The ring goes to lon/lat vertex by vertex; at city scale an edge straight in metres and the
    // same edge straight in degrees differ by far less than a click.
    std::vector<QPointF> ring;
    ring.reserve(size_t(meters.size()) + 1);
    for (const QPointF &vertex : meters) {
        const gis::LonLat p = gis::mercatorMetersToLonLat(vertex);
        ring.emplace_back(p.lonDeg, p.latDeg);
    }
    if (!ring.empty() && ring.front() != ring.back()) {
        ring.push_back(ring.front());
    }
    gis::Polygon polygon;
    polygon.rings.push_back(std::move(ring));
    const QByteArray wkb = gis::encodeWkb(gis::Geometry(std::move(polygon)));
    // A ring the operator drew across itself (a bow tie) is made valid first: ST_Within on an
    // invalid polygon fails or answers at random; a valid ring passes through unchanged.
    return {QStringLiteral("SELECT a.id FROM asset a "
                           "CROSS JOIN (SELECT ST_MakeValid(ST_GeomFromWKB($1, 4326)) AS g) q "
                           "WHERE a.geom && q.g AND ST_Within(a.geom, q.g) "
                           "AND a.type_id = ANY($2::bigint[]) ORDER BY a.id"),
            {wkb, idArray(typeIds)},
            ResultFormat::Text};
}

Result<QList<qint64>> AssetQueries::decodeIds(const QueryResult &result)
{
    QList<qint64> ids;
    ids.reserve(result.rowCount());
    for (int row = 0; row < result.rowCount(); ++row) {
        ids.push_back(result.toInt(row, 0));
    }
    return ids;
}

Statement AssetQueries::extentOf(const QList<qint64> &ids)
{
    return {QStringLiteral("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) "
                           "FROM (SELECT ST_Extent(a.geom) AS e FROM asset a "
                           "WHERE a.id = ANY($1::bigint[])) x"),
            {idArray(ids)},
            ResultFormat::Text};
}

Statement AssetQueries::layerExtent(qint64 typeId, const QString &basemapTable)
{
    // Table names cannot be parameters: only the two known base map tables are accepted.
    if (basemapTable == u"district" || basemapTable == u"building") {
        return {QStringLiteral("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) "
                               "FROM (SELECT ST_Extent(b.geom) AS e FROM basemap.%1 b) x")
                    .arg(basemapTable),
                {},
                ResultFormat::Text};
    }
    return {QStringLiteral("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) "
                           "FROM (SELECT ST_Extent(a.geom) AS e FROM asset a "
                           "WHERE a.type_id = $1) x"),
            {typeId},
            ResultFormat::Text};
}

Result<std::optional<QRectF>> AssetQueries::decodeExtent(const QueryResult &result)
{
    if (result.rowCount() == 0 || result.columnCount() < 4 || result.isNull(0, 0)) {
        return std::nullopt;
    }
    return QRectF(toMeters(result.toDouble(0, 0), result.toDouble(0, 1)),
                  toMeters(result.toDouble(0, 2), result.toDouble(0, 3)));
}

Statement AssetQueries::summariesByIds(const QList<qint64> &ids)
{
    return {QStringLiteral("SELECT ") + SummaryColumns + QStringLiteral(", 0::float8") + SummaryFrom
                + QStringLiteral(" WHERE a.id = ANY($1::bigint[]) ORDER BY a.code"),
            {idArray(ids)},
            ResultFormat::Text};
}

Statement AssetQueries::locate(const QString &text, int limit)
{
    // Prefix of the code, or the text anywhere in name or street (ILIKE with the metacharacters
    // escaped), or a similar word (pg_trgm word similarity): all served by the trigram indexes.
    // Text shorter than 2 characters asks for no rows (LIMIT 0) with the same statement.
    const QString needle = text.trimmed();
    const int rows = needle.size() < 2 ? 0 : std::max(limit, 0);
    const QString escaped = likeEscaped(needle);
    return {
        QStringLiteral("SELECT ") + SummaryColumns + QStringLiteral(", 0::float8") + SummaryFrom
            + QStringLiteral(" WHERE a.code ILIKE $1 OR a.name ILIKE $2 OR a.street ILIKE $2 "
                             "OR $3 <% a.name OR $3 <% a.street "
                             "ORDER BY (a.code ILIKE $1) DESC, "
                             "greatest(word_similarity($3, a.name), word_similarity($3, a.street), "
                             "similarity($3, a.code)) DESC NULLS LAST, a.code "
                             "LIMIT $4"),
        {QString(escaped + u'%'), QString(u'%' + escaped + u'%'), needle, rows},
        ResultFormat::Text};
}

Statement AssetQueries::assetRecord(qint64 id)
{
    // Every column in table order (row_to_json keeps it), the geometry shortened, then every
    // key of attributes.
    return {QStringLiteral(
                "SELECT f.name, f.value FROM asset a CROSS JOIN LATERAL ("
                " SELECT 0 AS part, j.ord, j.key AS name,"
                "  CASE WHEN j.key = 'geom' THEN"
                "   CASE WHEN ST_GeometryType(a.geom) = 'ST_Point' THEN ST_AsText(a.geom, 7)"
                "   ELSE GeometryType(a.geom) || ' (' || ST_NPoints(a.geom) || ' vertices)' END"
                "  ELSE j.value END AS value"
                " FROM json_each_text(row_to_json(a)) WITH ORDINALITY AS j (key, value, ord)"
                " WHERE j.key <> 'attributes'"
                " UNION ALL"
                " SELECT 1, k.ord, 'attributes.' || k.key, k.value"
                " FROM jsonb_each_text(a.attributes) WITH ORDINALITY AS k (key, value, ord)"
                ") f WHERE a.id = $1 ORDER BY f.part, f.ord"),
            {id},
            ResultFormat::Text};
}

Result<QList<AssetField>> AssetQueries::decodeAssetRecord(const QueryResult &result)
{
    QList<AssetField> fields;
    fields.reserve(result.rowCount());
    for (int row = 0; row < result.rowCount(); ++row) {
        fields.push_back({result.text(row, 0), result.text(row, 1)});
    }
    return fields;
}

Statement AssetQueries::assetSensors(qint64 id)
{
    return {QStringLiteral("SELECT s.id, s.code, s.kind, coalesce(s.unit, ''), s.last_value, "
                           "s.last_seen FROM sensor s WHERE s.asset_id = $1 ORDER BY s.code"),
            {id},
            ResultFormat::Text};
}

Result<QList<AssetSensorInfo>> AssetQueries::decodeAssetSensors(const QueryResult &result)
{
    QList<AssetSensorInfo> sensors;
    sensors.reserve(result.rowCount());
    for (int row = 0; row < result.rowCount(); ++row) {
        AssetSensorInfo s;
        s.id = result.toInt(row, 0);
        s.code = result.text(row, 1);
        s.kind = result.text(row, 2);
        s.unit = result.text(row, 3);
        s.hasLastValue = !result.isNull(row, 4);
        s.lastValue = result.toDouble(row, 4);
        s.lastSeen = result.value(row, 5).toDateTime();
        sensors.push_back(s);
    }
    return sensors;
}

Statement AssetQueries::assetWorkOrders(qint64 id)
{
    return {QStringLiteral("SELECT w.id, w.code, w.title, w.status, w.priority, w.due "
                           "FROM work_order w WHERE w.asset_id = $1 "
                           "AND w.status NOT IN ('closed', 'cancelled') "
                           "ORDER BY w.due NULLS LAST, w.code"),
            {id},
            ResultFormat::Text};
}

Result<QList<AssetWorkOrderInfo>> AssetQueries::decodeAssetWorkOrders(const QueryResult &result)
{
    QList<AssetWorkOrderInfo> orders;
    orders.reserve(result.rowCount());
    for (int row = 0; row < result.rowCount(); ++row) {
        AssetWorkOrderInfo w;
        w.id = result.toInt(row, 0);
        w.code = result.text(row, 1);
        w.title = result.text(row, 2);
        w.status = result.text(row, 3);
        w.priority = result.text(row, 4);
        w.due = utcMidnight(result.value(row, 5));
        orders.push_back(w);
    }
    return orders;
}

Statement AssetQueries::assetHistory(qint64 id, int limit)
{
    // The changed columns of each UPDATE in table order, bookkeeping columns left out; a moved
    // geometry says so instead of printing GeoJSON. The asset's rows are fetched first
    // (audit_log_row_idx) and then sorted: walking the whole log by time for one asset's few
    // changes is what the planner must not try.
    return {
        QStringLiteral("WITH h AS MATERIALIZED (SELECT * FROM audit_log"
                       " WHERE table_name = 'asset' AND row_id = $1)"
                       " SELECT l.at, l.db_user, l.action, coalesce(("
                       " SELECT string_agg(CASE WHEN c.attname = 'geom' THEN 'geom: changed'"
                       "  ELSE c.attname || ': ' || coalesce(l.before ->> c.attname, '—') || ' -> '"
                       "   || coalesce(l.after ->> c.attname, '—') END, '; ' ORDER BY c.attnum)"
                       " FROM pg_catalog.pg_attribute c"
                       " WHERE l.action = 'UPDATE' AND c.attrelid = 'public.asset'::regclass"
                       "  AND c.attnum > 0 AND NOT c.attisdropped"
                       "  AND c.attname NOT IN ('version', 'updated_at', 'updated_by')"
                       "  AND (l.before -> c.attname) IS DISTINCT FROM (l.after -> c.attname)), '')"
                       " FROM h l ORDER BY l.at DESC, l.id DESC LIMIT $2"),
        {id, std::max(limit, 0)},
        ResultFormat::Text};
}

Result<QList<AssetHistoryEntry>> AssetQueries::decodeAssetHistory(const QueryResult &result)
{
    QList<AssetHistoryEntry> entries;
    entries.reserve(result.rowCount());
    for (int row = 0; row < result.rowCount(); ++row) {
        AssetHistoryEntry e;
        e.at = result.value(row, 0).toDateTime();
        e.user = result.text(row, 1);
        e.action = result.text(row, 2);
        e.changes = result.text(row, 3);
        entries.push_back(e);
    }
    return entries;
}

QStringList AssetQueries::attributeColumns()
{
    QStringList names;
    for (const AttributeColumn &column : attributeColumnList()) {
        names.push_back(column.name);
    }
    return names;
}

Statement AssetQueries::attributePage(const AttributeQuery &query, int offset, int limit)
{
    const auto &columns = attributeColumnList();
    QStringList select;
    QString sortKey = QStringLiteral("a.code");
    for (const AttributeColumn &column : columns) {
        select.push_back(column.select);
        if (column.name == query.sortColumn) {
            sortKey = column.sortKey;
        }
    }
    QVariantList params;
    const QString where = attributeWhere(query, params);
    // Ties broken by id in the same direction, so that (sortKey, id) is one index range read
    // forwards or backwards and pages never overlap.
    const QString direction
        = query.sortOrder == Qt::DescendingOrder ? QStringLiteral(" DESC") : QString();
    QString orderBy = sortKey + direction;
    if (sortKey != u"a.id") {
        orderBy += QStringLiteral(", a.id") + direction;
    }
    params.push_back(std::max(offset, 0));
    params.push_back(std::max(limit, 0));
    return {QStringLiteral("SELECT %1 FROM asset a JOIN asset_type t ON t.id = a.type_id%2 "
                           "ORDER BY %3 OFFSET $%4 LIMIT $%5")
                .arg(select.join(QStringLiteral(", ")), where, orderBy)
                .arg(params.size() - 1)
                .arg(params.size()),
            params,
            ResultFormat::Text};
}

Statement AssetQueries::attributeEstimate(const AttributeQuery &query)
{
    // The planner's estimate: EXPLAIN plans the query with the parameters bound and runs
    // nothing, so a million rows cost as little as ten.
    QVariantList params;
    const QString where = attributeWhere(query, params);
    return {QStringLiteral("EXPLAIN (FORMAT JSON) SELECT a.id FROM asset a") + where,
            params,
            ResultFormat::Text};
}

Result<qint64> AssetQueries::decodeEstimate(const QueryResult &result)
{
    if (result.rowCount() < 1 || result.columnCount() < 1) {
        return decodeError(QStringLiteral("row estimate: no plan"));
    }
    QJsonParseError parseError;
    const QJsonDocument plan = QJsonDocument::fromJson(result.text(0, 0).toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !plan.isArray()) {
        return decodeError(QStringLiteral("row estimate: the plan is not JSON (%1)")
                               .arg(parseError.errorString()));
    }
    const QJsonValue rows
        = plan.array().at(0).toObject().value(u"Plan").toObject().value(u"Plan Rows");
    if (!rows.isDouble()) {
        return decodeError(QStringLiteral("row estimate: no \"Plan Rows\""));
    }
    return qint64(rows.toDouble());
}

Statement AssetQueries::locationsByIds(const QList<qint64> &ids)
{
    return {QStringLiteral("SELECT a.id, a.type_id, ST_XMin(a.geom), ST_YMin(a.geom), "
                           "ST_XMax(a.geom), ST_YMax(a.geom) FROM asset a "
                           "WHERE a.id = ANY($1::bigint[]) ORDER BY a.id"),
            {idArray(ids)},
            ResultFormat::Text};
}

Result<QList<AssetQueries::Location>> AssetQueries::decodeLocations(const QueryResult &result)
{
    if (auto columns = expectColumns(result, 6, u"asset locations"); !columns) {
        return tl::unexpected(columns.error());
    }
    QList<Location> locations;
    locations.reserve(result.rowCount());
    for (int row = 0; row < result.rowCount(); ++row) {
        Location location;
        location.id = result.toInt(row, 0);
        location.typeId = result.toInt(row, 1);
        location.extentMeters = QRectF(toMeters(result.toDouble(row, 2), result.toDouble(row, 3)),
                                       toMeters(result.toDouble(row, 4), result.toDouble(row, 5)));
        locations.push_back(location);
    }
    return locations;
}

} // namespace infrasight::data
