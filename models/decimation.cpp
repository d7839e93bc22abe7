// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/decimation.h"

#include <algorithm>
#include <cmath>

namespace infrasight::models {

std::vector<QPointF> Decimation::lttb(std::span<const QPointF> points, int threshold)
{
    const auto n = qsizetype(points.size());
    if (threshold < 3 || n <= threshold) {
        return {points.begin(), points.end()};
    }
    std::vector<QPointF> sampled;
    sampled.reserve(size_t(threshold));
    sampled.push_back(points.front());
    // The n - 2 inner points go into threshold - 2 buckets; from each the point that makes the
    // largest triangle with the point chosen before and the average of the next bucket.
    const double every = double(n - 2) / double(threshold - 2);
    qsizetype chosen = 0;
    for (int bucket = 0; bucket < threshold - 2; ++bucket) {
        const auto start = qsizetype(std::floor(bucket * every)) + 1;
        const auto end = std::min(qsizetype(std::floor((bucket + 1) * every)) + 1, n - 1);
        const auto nextStart = end;
        const auto nextEnd = std::min(qsizetype(std::floor((bucket + 2) * every)) + 1, n);
        double averageX = 0.0;
        double averageY = 0.0;
        qsizetype counted = 0;
        for (qsizetype i = nextStart; i < nextEnd; ++i) {
            if (std::isnan(points[size_t(i)].y())) {
                continue;
            }
            averageX += points[size_t(i)].x();
            averageY += points[size_t(i)].y();
            ++counted;
        }
        if (counted > 0) {
            averageX /= double(counted);
            averageY /= double(counted);
        } else {
            averageX = points[size_t(nextEnd - 1)].x();
            averageY = points[size_t(chosen)].y();
        }
        const QPointF a = points[size_t(chosen)];
        double largest = -1.0;
        qsizetype best = start;
        bool gap = false;
        for (qsizetype i = start; i < end; ++i) {
            const QPointF p = points[size_t(i)];
            if (std::isnan(p.y())) {
                gap = true;
                continue;
            }
            const double area = std::abs((a.x() - averageX) * (p.y() - a.y())
                                         - (a.x() - p.x()) * (averageY - a.y()));
            if (area > largest) {
                largest = area;
                best = i;
            }
        }
        if (largest < 0.0 && gap) {
            // A bucket of gaps only: keep the gap so the chart breaks its line there.
            sampled.push_back(points[size_t(start)]);
            continue;
        }
        sampled.push_back(points[size_t(best)]);
        chosen = best;
    }
    sampled.push_back(points.back());
    return sampled;
}

std::vector<QPointF>
Decimation::minMaxPerColumn(std::span<const QPointF> points, double x0, double x1, int columns)
{
    std::vector<QPointF> out;
    if (columns < 1 || !(x1 > x0)) {
        return out;
    }
    // The run per column below needs x order: points merged out of order (a late reading,
    // history under live points) would visit a column twice and leave it more than two points.
    if (!std::is_sorted(points.begin(), points.end(), [](const QPointF &a, const QPointF &b) {
            return a.x() < b.x();
        })) {
        std::vector<QPointF> sorted(points.begin(), points.end());
        std::stable_sort(sorted.begin(), sorted.end(), [](const QPointF &a, const QPointF &b) {
            return a.x() < b.x();
        });
        return minMaxPerColumn(sorted, x0, x1, columns);
    }
    out.reserve(size_t(columns) * 2);
    const double width = (x1 - x0) / double(columns);
    int column = -1;
    QPointF low;
    QPointF high;
    const auto flush = [&] {
        if (column < 0) {
            return;
        }
        // Lowest and highest in x order; one point when they are the same.
        const bool lowFirst = low.x() <= high.x();
        out.push_back(lowFirst ? low : high);
        if (low != high) {
            out.push_back(lowFirst ? high : low);
        }
    };
    for (const QPointF &p : points) {
        if (p.x() < x0 || p.x() >= x1) {
            continue;
        }
        if (std::isnan(p.y())) {
            // A gap ends the column's run and stays in the series.
            flush();
            column = -1;
            out.push_back(p);
            continue;
        }
        const int c = std::min(int((p.x() - x0) / width), columns - 1);
        if (c != column) {
            flush();
            column = c;
            low = high = p;
            continue;
        }
        if (p.y() < low.y()) {
            low = p;
        }
        if (p.y() > high.y()) {
            high = p;
        }
    }
    flush();
    return out;
}

} // namespace infrasight::models
