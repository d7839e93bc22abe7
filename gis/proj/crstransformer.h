// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/result.h"
#include "gis/proj/crs.h"

#include <QPointF>

#include <memory>
#include <span>

namespace infrasight::gis {

/// Transforms 2D coordinates between two CRSs with PROJ.
///
/// Axis order is normalised for visualisation (proj_normalize_for_visualization): geographic
/// coordinates are always x = longitude, y = latitude in degrees, projected ones x = easting,
/// y = northing, whatever order the CRS definition prescribes.
///
/// Threads: NOT thread-safe. Use one transformer per thread (they are cheap to create; PROJ
/// caches its database lookups per thread). A transformer may be moved to another thread
/// between uses (it then switches to that thread's PROJ context) and must be destroyed on the
/// thread that used it last. Transforms never block on I/O once created; creation may read
/// proj.db and grid files, never the network.
class CrsTransformer
{
public:
    enum class Direction {
        Forward, ///< source -> target
        Inverse, ///< target -> source
    };

    /// Creates the transformation PROJ considers best for the whole area of use. Fails with
    /// ErrorCode::InvalidArgument if either CRS is invalid and ErrorCode::Projection if PROJ
    /// finds no usable operation (detail: PROJ's message).
    [[nodiscard]] static Result<CrsTransformer> create(const Crs &source, const Crs &target);

    CrsTransformer(CrsTransformer &&other) noexcept;
    CrsTransformer &operator=(CrsTransformer &&other) noexcept;
    CrsTransformer(const CrsTransformer &) = delete;
    CrsTransformer &operator=(const CrsTransformer &) = delete;
    ~CrsTransformer();

    const Crs &source() const;
    const Crs &target() const;

    /// Transforms one point. Fails with ErrorCode::Projection if PROJ cannot transform it
    /// (outside the projection's domain, outside or missing grid, NaN input).
    [[nodiscard]] Result<QPointF> transform(QPointF point,
                                            Direction direction = Direction::Forward) const;

    /// Transforms points in place, in one PROJ call. Fails with ErrorCode::Projection naming
    /// the first point that could not be transformed; the span is then partially transformed
    /// (failed points hold infinity).
    [[nodiscard]] Result<void> transform(std::span<QPointF> points,
                                         Direction direction = Direction::Forward) const;

private:
    struct Private;
    explicit CrsTransformer(std::unique_ptr<Private> data);
    std::unique_ptr<Private> m_d;
};

} // namespace infrasight::gis
