// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/geofencerecords.h"
#include "data/statement.h"
#include "gis/core/result.h"

namespace infrasight::data {

/// The statements of the geofence panel and editor. Saving names the row's version (DESIGN 4):
/// when someone else saved first, nothing is written, decodeSaved() fails with Conflict and the
/// caller fetches theirs with fetch() to show both. Shapes travel as WKB. Stateless.
class GeofenceQueries
{
public:
    /// Every fence, by name.
    static Statement list();
    /// One fence (no row if it was deleted).
    static Statement fetch(qint64 id);
    [[nodiscard]] static Result<QList<GeofenceRecord>> decodeFences(const QueryResult &result);

    /// A new fence; columns id, version.
    static Statement insert(const GeofenceRecord &fence);
    /// The fence's new content if its version is still fence.version; columns id, version, or
    /// no row.
    static Statement update(const GeofenceRecord &fence);
    /// {id, version} of the saved row; Conflict when no row changed.
    [[nodiscard]] static Result<std::pair<qint64, int>> decodeSaved(const QueryResult &result);

    /// Deletes the fence if its version is still expectedVersion (no row otherwise).
    static Statement remove(qint64 id, int expectedVersion);

    /// The assets that lie inside the fence (covered by it), by type then code.
    static Statement assetsInside(qint64 id);
    [[nodiscard]] static Result<QList<AssetInside>> decodeAssetsInside(const QueryResult &result);
};

} // namespace infrasight::data
