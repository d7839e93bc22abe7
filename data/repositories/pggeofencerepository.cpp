// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/repositories/pggeofencerepository.h"

#include "data/geofencequeries.h"

namespace infrasight::data {

namespace {

/// The server's check constraint on the shape (SQLSTATE 23514) is the caller's bad input.
template<typename T>
Result<T> shapeRefusal(Result<T> result)
{
    if (!result && result.error().sqlState == u"23514") {
        Error error = result.error();
        error.code = ErrorCode::InvalidArgument;
        return tl::unexpected(error);
    }
    return result;
}

} // namespace

Request PgGeofenceRepository::list(QObject *context, Reply<QList<GeofenceRecord>> reply)
{
    return call(GeofenceQueries::list(), context, &GeofenceQueries::decodeFences, std::move(reply));
}

Request
PgGeofenceRepository::fetch(qint64 id, QObject *context, Reply<std::optional<GeofenceRecord>> reply)
{
    return call(
        GeofenceQueries::fetch(id),
        context,
        [](const QueryResult &result) -> Result<std::optional<GeofenceRecord>> {
            auto rows = GeofenceQueries::decodeFences(result);
            if (!rows) {
                return tl::unexpected(rows.error());
            }
            if (rows->isEmpty()) {
                return std::optional<GeofenceRecord>();
            }
            return std::optional<GeofenceRecord>(rows->first());
        },
        std::move(reply));
}

Request
PgGeofenceRepository::save(const GeofenceRecord &fence, QObject *context, Reply<SavedVersion> reply)
{
    const Statement statement
        = fence.id == 0 ? GeofenceQueries::insert(fence) : GeofenceQueries::update(fence);
    return call<SavedVersion>(
        statement,
        context,
        [](const QueryResult &result) -> Result<SavedVersion> {
            const auto saved = GeofenceQueries::decodeSaved(result);
            if (!saved) {
                return tl::unexpected(saved.error());
            }
            return SavedVersion{saved->first, saved->second};
        },
        [reply = std::move(reply)](Result<SavedVersion> saved) {
            reply(shapeRefusal(std::move(saved)));
        });
}

Request
PgGeofenceRepository::remove(qint64 id, int expectedVersion, QObject *context, Reply<void> reply)
{
    return call(
        GeofenceQueries::remove(id, expectedVersion),
        context,
        [](const QueryResult &result) -> Result<void> {
            if (result.rowCount() == 0) {
                return fail(ErrorCode::Conflict,
                            QStringLiteral("someone else changed or deleted the geofence"));
            }
            return {};
        },
        std::move(reply));
}

Request
PgGeofenceRepository::assetsInside(qint64 id, QObject *context, Reply<QList<AssetInside>> reply)
{
    return call(GeofenceQueries::assetsInside(id),
                context,
                &GeofenceQueries::decodeAssetsInside,
                std::move(reply));
}

} // namespace infrasight::data
