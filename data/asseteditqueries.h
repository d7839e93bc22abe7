// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/statement.h"
#include "gis/core/result.h"

#include <QPointF>
#include <QString>

namespace infrasight::data {

/// The statements a planner's edits of assets send. Every update names the row's version
/// (DESIGN 4): zero rows changed means someone else changed the asset meanwhile, and the caller
/// tells the planner instead of overwriting. Positions are EPSG:3857 metres. Stateless.
class AssetEditQueries
{
public:
    /// The asset's version and code before an edit: columns version, code.
    static Statement editState(qint64 id);

    /// What editState() returned.
    struct EditState
    {
        int version = 0;
        QString code;
    };

    /// Fails with NotFound when the asset no longer exists.
    [[nodiscard]] static Result<EditState> decodeEditState(const QueryResult &result);

    /// Moves a point asset to a new position if its version is still expectedVersion; returns
    /// the new version (column version), or no row when someone else changed it.
    static Statement movePoint(qint64 id, int expectedVersion, QPointF meters);
    /// The new version; fails with Conflict when no row changed.
    [[nodiscard]] static Result<int> decodeMoved(const QueryResult &result);
};

} // namespace infrasight::data
