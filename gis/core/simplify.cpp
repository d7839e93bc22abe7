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

} // namespace infrasight::gis
