// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/asseteditqueries.h"

#include "gis/core/mercator.h"

namespace infrasight::data {

Statement AssetEditQueries::editState(qint64 id)
{
    return {QStringLiteral("SELECT version, code FROM public.asset WHERE id = $1"), {id}};
}

Result<AssetEditQueries::EditState> AssetEditQueries::decodeEditState(const QueryResult &result)
{
    if (result.rowCount() == 0) {
        return fail(ErrorCode::NotFound, QStringLiteral("the asset no longer exists"));
    }
    return EditState{int(result.toInt(0, 0)), result.text(0, 1)};
}

Statement AssetEditQueries::movePoint(qint64 id, int expectedVersion, QPointF meters)
{
    const gis::LonLat position = gis::mercatorMetersToLonLat(meters);
    // Only points move this way; a line or area keeps its shape (the WHERE refuses it).
    return {QStringLiteral("UPDATE public.asset SET geom = ST_SetSRID(ST_MakePoint($3, $4), 4326) "
                           "WHERE id = $1 AND version = $2 AND GeometryType(geom) = 'POINT' "
                           "RETURNING version"),
            {id, expectedVersion, position.lonDeg, position.latDeg}};
}

Result<int> AssetEditQueries::decodeMoved(const QueryResult &result)
{
    if (result.rowCount() == 0) {
        return fail(ErrorCode::Conflict,
                    QStringLiteral("someone else changed the asset meanwhile"));
    }
    return int(result.toInt(0, 0));
}

} // namespace infrasight::data
