// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/geofencequeries.h"

#include "gis/core/wkb.h"

#include <QJsonDocument>

namespace infrasight::data {

namespace {

const QString FenceColumns = QStringLiteral(
    "SELECT id, name, purpose, coalesce(colour, ''), rules::text, coalesce(schedule::text, ''), "
    "active, version, coalesce(updated_by, ''), updated_at, ST_AsBinary(geom, 'NDR') "
    "FROM public.geofence ");

QJsonObject objectOf(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

QByteArray wkbOf(const GeofenceRecord &fence)
{
    return gis::encodeWkb(fence.shape);
}

QVariant scheduleOf(const GeofenceRecord &fence)
{
    return fence.schedule.isEmpty() ? QVariant() : QVariant(fence.schedule);
}

} // namespace

Statement GeofenceQueries::list()
{
    return {FenceColumns + QStringLiteral("ORDER BY name, id"), {}};
}

Statement GeofenceQueries::fetch(qint64 id)
{
    return {FenceColumns + QStringLiteral("WHERE id = $1"), {id}};
}

Result<QList<GeofenceRecord>> GeofenceQueries::decodeFences(const QueryResult &result)
{
    if (auto shape = result.expectColumns(11, u"geofences"); !shape) {
        return tl::unexpected(shape.error());
    }
    QList<GeofenceRecord> fences;
    fences.reserve(result.rowCount());
    for (int row = 0; row < result.rowCount(); ++row) {
        GeofenceRecord fence;
        fence.id = result.toInt(row, 0);
        fence.name = result.text(row, 1);
        fence.purpose = result.text(row, 2);
        fence.colour = result.text(row, 3);
        fence.rules = objectOf(result.text(row, 4));
        fence.schedule = objectOf(result.text(row, 5));
        fence.active = result.value(row, 6).toBool();
        fence.version = int(result.toInt(row, 7));
        fence.updatedBy = result.text(row, 8);
        fence.updatedAt = result.value(row, 9).toDateTime();
        auto geometry = gis::decodeWkb(result.bytes(row, 10));
        if (!geometry || geometry->as<gis::MultiPolygon>() == nullptr) {
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("geofence %1 has no MultiPolygon").arg(fence.id));
        }
        fence.shape = *geometry->as<gis::MultiPolygon>();
        fences.append(std::move(fence));
    }
    return fences;
}

Statement GeofenceQueries::insert(const GeofenceRecord &fence)
{
    return {
        QStringLiteral(
            "INSERT INTO public.geofence (name, purpose, colour, rules, schedule, active, geom) "
            "VALUES ($1, $2, nullif($3, ''), $4::jsonb, $5::jsonb, $6, "
            "ST_Multi(ST_ForcePolygonCCW(ST_GeomFromWKB($7, 4326)))) RETURNING id, version"),
        {fence.name,
         fence.purpose,
         fence.colour,
         fence.rules,
         scheduleOf(fence),
         fence.active,
         wkbOf(fence)}};
}

Statement GeofenceQueries::update(const GeofenceRecord &fence)
{
    return {QStringLiteral(
                "UPDATE public.geofence SET name = $3, purpose = $4, colour = nullif($5, ''), "
                "rules = $6::jsonb, schedule = $7::jsonb, active = $8, "
                "geom = ST_Multi(ST_ForcePolygonCCW(ST_GeomFromWKB($9, 4326))), "
                "updated_at = now(), updated_by = current_user "
                "WHERE id = $1 AND version = $2 RETURNING id, version"),
            {fence.id,
             fence.version,
             fence.name,
             fence.purpose,
             fence.colour,
             fence.rules,
             scheduleOf(fence),
             fence.active,
             wkbOf(fence)}};
}

Result<std::pair<qint64, int>> GeofenceQueries::decodeSaved(const QueryResult &result)
{
    if (result.rowCount() == 0) {
        return fail(ErrorCode::Conflict,
                    QStringLiteral("someone else changed or deleted the geofence meanwhile"));
    }
    return std::pair<qint64, int>{result.toInt(0, 0), int(result.toInt(0, 1))};
}

Statement GeofenceQueries::remove(qint64 id, int expectedVersion)
{
    return {QStringLiteral("DELETE FROM public.geofence WHERE id = $1 AND version = $2 "
                           "RETURNING id, version"),
            {id, expectedVersion}};
}

Statement GeofenceQueries::assetsInside(qint64 id)
{
    return {QStringLiteral("SELECT a.id, a.code, t.code, t.name "
                           "FROM public.geofence g "
                           "JOIN public.asset a ON ST_CoveredBy(a.geom, g.geom) "
                           "JOIN public.asset_type t ON t.id = a.type_id "
                           "WHERE g.id = $1 ORDER BY t.name, a.code"),
            {id}};
}

Result<QList<AssetInside>> GeofenceQueries::decodeAssetsInside(const QueryResult &result)
{
    if (auto shape = result.expectColumns(4, u"assets inside"); !shape) {
        return tl::unexpected(shape.error());
    }
    QList<AssetInside> assets;
    assets.reserve(result.rowCount());
    for (int row = 0; row < result.rowCount(); ++row) {
        assets.append(
            {result.toInt(row, 0), result.text(row, 1), result.text(row, 2), result.text(row, 3)});
    }
    return assets;
}

} // namespace infrasight::data
