// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/simplify.h"

#include <utility>

namespace infrasight::gis {

namespace {

// Squared distance from p to the segment a-b (to the point a if the segment is degenerate,
// as for the first/last pair of a closed ring).
double squaredSegmentDistance(QPointF p, QPointF a, QPointF b)
{
    const double dx = b.x() - a.x();
    const double dy = b.y() - a.y();
    const double lengthSquared = dx * dx + dy * dy;
    double t = 0.0;
    if (lengthSquared > 0.0) {
        t = ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / lengthSquared;
        t = t < 0.0 ? 0.0 : (t > 1.0 ? 1.0 : t);
    }
    const double ex = a.x() + t * dx - p.x();
    const double ey = a.y() + t * dy - p.y();
    return ex * ex + ey * ey;
}

} // namespace

std::vector<QPointF> simplifyDouglasPeucker(std::span<const QPointF> points, double toleranceMeters)
{
    if (points.size() < 3 || !(toleranceMeters > 0.0)) {
        return {points.begin(), points.end()};
    }
    const double toleranceSquared = toleranceMeters * toleranceMeters;
    std::vector<bool> keep(points.size(), false);
    keep.front() = true;
    keep.back() = true;

    std::vector<std::pair<size_t, size_t>> stack;
    stack.emplace_back(0, points.size() - 1);
    while (!stack.empty()) {
        const auto [first, last] = stack.back();
        stack.pop_back();
        double farthest = -1.0;
        size_t farthestIndex = first;
        for (size_t i = first + 1; i < last; ++i) {
            const double d = squaredSegmentDistance(points[i], points[first], points[last]);
            if (d > farthest) {
                farthest = d;
                farthestIndex = i;
            }
        }
        if (farthest > toleranceSquared) {
            keep[farthestIndex] = true;
            stack.emplace_back(first, farthestIndex);
            stack.emplace_back(farthestIndex, last);
        }
    }

    std::vector<QPointF> result;
    for (size_t i = 0; i < points.size(); ++i) {
        if (keep[i]) {
            result.push_back(points[i]);
        }
    }
    return result;
}

namespace {

// Simplified polygon, or no rings at all if the exterior ring collapsed.
Polygon simplifyPolygon(const Polygon &polygon, double tolerance)
{
    Polygon result;
    for (const auto &ring : polygon.rings) {
        std::vector<QPointF> simplified = simplifyDouglasPeucker(ring, tolerance);
        if (simplified.size() >= 4) {
            result.rings.push_back(std::move(simplified));
        } else if (result.rings.empty()) {
            return {};
        }
    }
    return result;
}

template<class... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template<class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

} // namespace

Geometry simplifyGeometry(const Geometry &geometry, double toleranceMeters)
{
    const double t = toleranceMeters;
    return std::visit(
        Overloaded{
            [](const Point &point) { return Geometry(point); },
            [](const MultiPoint &points) { return Geometry(points); },
            [t](const LineString &line) {
                return Geometry(LineString{simplifyDouglasPeucker(line.points, t)});
            },
            [t](const Polygon &polygon) { return Geometry(simplifyPolygon(polygon, t)); },
            [t](const MultiLineString &multi) {
                MultiLineString result;
                result.lineStrings.reserve(multi.lineStrings.size());
                for (const LineString &line : multi.lineStrings) {
                    result.lineStrings.push_back(
                        LineString{simplifyDouglasPeucker(line.points, t)});
                }
                return Geometry(std::move(result));
            },
            [t](const MultiPolygon &multi) {
                MultiPolygon result;
                for (const Polygon &polygon : multi.polygons) {
                    Polygon simplified = simplifyPolygon(polygon, t);
                    if (!simplified.rings.empty()) {
                        result.polygons.push_back(std::move(simplified));
                    }
                }
                return Geometry(std::move(result));
            },
            [t](const GeometryCollection &collection) {
                GeometryCollection result;
                result.geometries.reserve(collection.geometries.size());
                for (const Geometry &member : collection.geometries) {
                    result.geometries.push_back(simplifyGeometry(member, t));
                }
                return Geometry(std::move(result));
            },
        },
        geometry.value());
}

} // namespace infrasight::gis
