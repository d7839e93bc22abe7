// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/featureblock.h"
#include "gis/core/result.h"

#include <QByteArrayView>

#include <memory>

namespace infrasight::gis {

/// Builds one FeatureBlock. Not thread-safe; use one builder per thread.
class FeatureBlockBuilder
{
public:
    explicit FeatureBlockBuilder(FeatureKind kind);
    ~FeatureBlockBuilder();
    FeatureBlockBuilder(FeatureBlockBuilder &&) noexcept;
    FeatureBlockBuilder &operator=(FeatureBlockBuilder &&) noexcept;

    void reserve(qsizetype features);

    /// Adds a feature from (E)WKB of either byte order with lon/lat degrees (EPSG:4326), converted
    /// to EPSG:3857 metres. A 21-byte little-endian POINT takes a fast path with no allocation.
    /// Fails with InvalidArgument, naming the byte offset, on malformed WKB or on a geometry
    /// that does not fit the block's kind (a line in a Point block); nothing is added then.
    /// Empty geometries are skipped (not an error, nothing added).
    [[nodiscard]] Result<void>
    addWkb(qint64 id, AssetStatus status, std::uint8_t condition, QByteArrayView wkb);

    /// Point blocks: adds a feature at a position already in EPSG:3857 metres.
    void addPoint(qint64 id, AssetStatus status, std::uint8_t condition, QPointF meters);

    /// Line/Polygon blocks: adds a feature made of parts already in EPSG:3857 metres.
    void addParts(qint64 id,
                  AssetStatus status,
                  std::uint8_t condition,
                  const std::vector<std::vector<QPointF>> &partsMeters);

    /// Cluster blocks: adds one grid cell.
    void addCluster(const TileKey &cell, QPointF centroidMeters, int count, int faultyCount);

    qsizetype size() const;

    /// The block made so far; the builder is empty afterwards (same kind).
    FeatureBlock build();

private:
    struct Data;
    std::unique_ptr<Data> d;
};

} // namespace infrasight::gis
