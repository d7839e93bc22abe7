// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to gis/core: the columns behind a FeatureBlock, shared by featureblock.cpp (reading)
// and featureblockbuilder.cpp (writing). Not part of the public API.

#include "gis/core/featureblock.h"

#include <vector>

namespace infrasight::gis {

struct FeatureBlock::Data
{
    FeatureKind kind = FeatureKind::Point;
    /// One entry per feature (clusters: empty, their id is 0).
    std::vector<qint64> ids;
    /// One entry per feature (clusters: Faulty when a member is faulty, else Active).
    std::vector<AssetStatus> statuses;
    /// One entry per feature (clusters: empty, their condition is 0).
    std::vector<std::uint8_t> conditions;
    /// Point/Cluster: one position per feature. Line/Polygon: every position of every part.
    std::vector<QPointF> positions;
    /// Line/Polygon: size() + 1 entries; feature i owns parts [featureParts[i], featureParts[i+1]).
    std::vector<quint32> featureParts;
    /// Line/Polygon: parts + 1 entries; part p owns positions [partStarts[p], partStarts[p+1]).
    std::vector<quint32> partStarts;
    /// Cluster: one entry per cell.
    std::vector<TileKey> cells;
    std::vector<qint32> counts;
    std::vector<qint32> faultyCounts;

    BoundingBox bounds;
    qint64 featureCount = 0;

    qsizetype size() const
    {
        return kind == FeatureKind::Cluster ? qsizetype(cells.size()) : qsizetype(ids.size());
    }
};

} // namespace infrasight::gis
