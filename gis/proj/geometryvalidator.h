// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/geometry.h"
#include "gis/core/result.h"

#include <QPointF>
#include <QString>

#include <memory>
#include <optional>

namespace infrasight::gis {

/// What is wrong with a polygon, and where.
struct ValidityReport
{
    bool valid = true;
    /// GEOS's reason ("Self-intersection", "Ring Self-intersection", "Hole lies outside shell",
    /// "Too few points") or one of ours ("No area"); empty when valid.
    QString reason;
    /// Where the problem is, in the geometry's coordinates (GEOS reports the first one).
    std::optional<QPointF> location;
};

/// Checks and repairs fence polygons with GEOS (TECH_NOTES 6): the OGC validity rules, at
/// least 3 distinct vertices per ring, non-zero area. One GEOS context per object; use an object
/// from one thread at a time. Cheap enough to run on every drag end (a fence of a few hundred
/// vertices takes well under a millisecond).
class GeometryValidator
{
public:
    GeometryValidator();
    ~GeometryValidator();
    GeometryValidator(const GeometryValidator &) = delete;
    GeometryValidator &operator=(const GeometryValidator &) = delete;

    ValidityReport check(const MultiPolygon &shape) const;

    /// The shape made valid by GEOS's STRUCTURE method (rings kept as areas, collapsed parts
    /// dropped), as a MultiPolygon. Fails when nothing polygonal is left.
    [[nodiscard]] Result<MultiPolygon> repair(const MultiPolygon &shape) const;

    /// shape buffered by distance in its own units (negative shrinks); round joins.
    [[nodiscard]] Result<MultiPolygon> buffer(const Geometry &shape, double distance) const;

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

} // namespace infrasight::gis
