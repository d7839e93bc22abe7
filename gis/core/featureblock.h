// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/assetstatus.h"
#include "gis/core/boundingbox.h"
#include "gis/core/tilekey.h"

#include <QMetaType>
#include <QPointF>

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace infrasight::gis {

/// What one FeatureBlock holds.
enum class FeatureKind : std::uint8_t {
    Point,   ///< one position per feature (MultiPoint: its first point)
    Line,    ///< one or more polylines per feature (LineString, MultiLineString)
    Polygon, ///< one or more closed rings per feature, holes included (Polygon, MultiPolygon);
             ///< draw a feature's rings as one path with the odd-even fill rule
    Cluster, ///< aggregated points: a grid cell with a count and the centroid of its members
};

/// The features of one map layer in one fetch tile, in EPSG:3857 metres, stored by column so that
/// a million points cost about 32 bytes each (no per-feature allocation). Immutable once built
/// (FeatureBlockBuilder makes them); copying is cheap (a shared pointer), and a block may be read
/// from any number of threads at once, so render jobs take blocks by value.
///
/// Index i runs over features, 0 <= i < size(). Lines and polygons have parts (polylines or rings);
/// a part is a span of positions.
class FeatureBlock
{
public:
    /// An empty block of kind Point.
    FeatureBlock();

    FeatureKind kind() const;
    qsizetype size() const;

    bool isEmpty() const { return size() == 0; }

    /// The asset id (0 for clusters).
    qint64 id(qsizetype i) const;
    AssetStatus status(qsizetype i) const;
    /// 1 (very good) .. 5 (very poor), 0 when unknown.
    std::uint8_t condition(qsizetype i) const;

    /// Point: the position. Cluster: the centroid of the members. Line/Polygon: the first
    /// position of the first part.
    QPointF point(qsizetype i) const;

    /// Cluster only: the number of members and how many of them are faulty.
    int clusterCount(qsizetype i) const;
    int clusterFaultyCount(qsizetype i) const;
    /// Cluster only: the grid cell, a tile key whose boundsMeters() is the cell.
    TileKey clusterCell(qsizetype i) const;

    /// Line/Polygon: the number of parts of feature i (Point/Cluster: 0).
    int partCount(qsizetype i) const;
    /// Line/Polygon: the positions of part p of feature i.
    std::span<const QPointF> part(qsizetype i, int p) const;

    /// The bounds of every position in the block (empty for an empty block).
    const BoundingBox &bounds() const;
    /// The sum of clusterCount() for a cluster block, size() otherwise.
    qint64 featureCount() const;
    /// Heap bytes held by this block (for cache budgets and the memory benchmark).
    qsizetype memoryBytes() const;
    /// The index of the feature with this id, or -1 (linear scan).
    qsizetype indexOf(qint64 id) const;

private:
    friend class FeatureBlockBuilder;
    struct Data;
    explicit FeatureBlock(std::shared_ptr<const Data> data);
    std::shared_ptr<const Data> d;
};

} // namespace infrasight::gis

Q_DECLARE_METATYPE(infrasight::gis::FeatureBlock)
