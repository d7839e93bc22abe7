// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/geometry.h"

#include <QPointF>

#include <span>
#include <vector>

namespace infrasight::gis {

/// Douglas-Peucker simplification of a polyline in a projected CRS: keeps the first and the
/// last point and every point that lies farther than toleranceMeters from the simplified line
/// (distances are planar, so use metres or pixels, never degrees). Returns the kept points in
/// their original order. Lines of fewer than 3 points and a tolerance <= 0 (or NaN) return the
/// input unchanged. A closed ring stays closed but may collapse below 4 points; callers that
/// need valid rings drop those. Iterative (no recursion), O(n log n) typical, O(n^2) worst.
std::vector<QPointF> simplifyDouglasPeucker(std::span<const QPointF> points,
                                            double toleranceMeters);

/// Simplifies every line and ring of a geometry with simplifyDouglasPeucker(), for drawing at
/// a scale where toleranceMeters is about a pixel. Points are kept. A ring that collapses below
/// 4 points is dropped (a collapsed exterior ring drops its polygon: it is smaller than the
/// tolerance); a line string always keeps its end points. Use projected coordinates.
Geometry simplifyGeometry(const Geometry &geometry, double toleranceMeters);

} // namespace infrasight::gis
