// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QPointF>
#include <QRectF>

#include <algorithm>
#include <limits>

namespace infrasight::gis {

/// An axis-aligned box in the coordinates of the geometry it bounds (degrees for EPSG:4326,
/// metres for projected CRSs), y growing north. Unlike QRectF it can hold a single point
/// (zero width and height) and it knows when it is empty (nothing added yet).
struct BoundingBox
{
    double minX = std::numeric_limits<double>::infinity();
    double minY = std::numeric_limits<double>::infinity();
    double maxX = -std::numeric_limits<double>::infinity();
    double maxY = -std::numeric_limits<double>::infinity();

    /// True if nothing has been added.
    bool isEmpty() const { return minX > maxX || minY > maxY; }

    /// Grows the box to hold point; NaN coordinates (an empty point) are ignored.
    void extend(QPointF point)
    {
        const double x = point.x();
        const double y = point.y();
        if (x != x || y != y) {
            return;
        }
        minX = std::min(minX, x);
        minY = std::min(minY, y);
        maxX = std::max(maxX, x);
        maxY = std::max(maxY, y);
    }

    /// Grows the box to hold other; an empty other changes nothing.
    void extend(const BoundingBox &other)
    {
        if (other.isEmpty()) {
            return;
        }
        minX = std::min(minX, other.minX);
        minY = std::min(minY, other.minY);
        maxX = std::max(maxX, other.maxX);
        maxY = std::max(maxY, other.maxY);
    }

    bool contains(QPointF point) const
    {
        return point.x() >= minX && point.x() <= maxX && point.y() >= minY && point.y() <= maxY;
    }

    /// True if the boxes share any point (edges count); false if either is empty.
    bool intersects(const BoundingBox &other) const
    {
        return !isEmpty() && !other.isEmpty() && minX <= other.maxX && other.minX <= maxX
               && minY <= other.maxY && other.minY <= maxY;
    }

    double width() const { return isEmpty() ? 0.0 : maxX - minX; }

    double height() const { return isEmpty() ? 0.0 : maxY - minY; }

    /// As QRectF(QPointF(minX, minY), QPointF(maxX, maxY)) (top() is minY); QRectF() if empty.
    QRectF toRectF() const
    {
        return isEmpty() ? QRectF() : QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
    }

    friend bool operator==(const BoundingBox &, const BoundingBox &) = default;
};

} // namespace infrasight::gis

Q_DECLARE_METATYPE(infrasight::gis::BoundingBox)
