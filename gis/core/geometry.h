// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/boundingbox.h"

#include <QPointF>

#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <variant>
#include <vector>

// Simple-feature geometry values (OGC SFA, 2D). Coordinates are QPointF in the CRS of the data
// they came from, x first: x = longitude / y = latitude in degrees for EPSG:4326, x = easting /
// y = northing in metres for projected CRSs such as EPSG:3857. The CRS is not stored here; it
// travels with the container (FeatureSet::crs()). All types are plain values: copyable,
// comparable, safe to share read-only between threads.

namespace infrasight::gis {

/// OGC geometry type codes, as used in WKB.
enum class GeometryType : std::uint8_t {
    Point = 1,
    LineString = 2,
    Polygon = 3,
    MultiPoint = 4,
    MultiLineString = 5,
    MultiPolygon = 6,
    GeometryCollection = 7,
};

/// One position. An empty point (WKB "POINT EMPTY") has NaN coordinates.
struct Point
{
    QPointF position{std::numeric_limits<double>::quiet_NaN(),
                     std::numeric_limits<double>::quiet_NaN()};

    bool isEmpty() const { return std::isnan(position.x()) || std::isnan(position.y()); }

    friend bool operator==(const Point &a, const Point &b)
    {
        return (a.isEmpty() && b.isEmpty()) || a.position == b.position;
    }
};

/// A polyline; valid ones have 0 or at least 2 points.
struct LineString
{
    std::vector<QPointF> points;
    friend bool operator==(const LineString &, const LineString &) = default;
};

/// A polygon: rings[0] is the exterior ring, the others are holes. Each ring is closed (first
/// point == last point, at least 4 points) when it comes from a valid source; nothing here
/// enforces it.
struct Polygon
{
    std::vector<std::vector<QPointF>> rings;
    friend bool operator==(const Polygon &, const Polygon &) = default;
};

struct MultiPoint
{
    std::vector<QPointF> points;
    friend bool operator==(const MultiPoint &, const MultiPoint &) = default;
};

struct MultiLineString
{
    std::vector<LineString> lineStrings;
    friend bool operator==(const MultiLineString &, const MultiLineString &) = default;
};

struct MultiPolygon
{
    std::vector<Polygon> polygons;
    friend bool operator==(const MultiPolygon &, const MultiPolygon &) = default;
};

class Geometry;

struct GeometryCollection
{
    std::vector<Geometry> geometries;
    friend bool operator==(const GeometryCollection &a, const GeometryCollection &b);
};

/// The alternatives a Geometry can hold.
using GeometryVariant = std::variant<GeometryCollection,
                                     Point,
                                     LineString,
                                     Polygon,
                                     MultiPoint,
                                     MultiLineString,
                                     MultiPolygon>;

/// A type a Geometry can be made from: one of the alternatives, but never a Geometry itself
/// (so the forwarding constructor below cannot hide the copy and move constructors).
template<typename T>
concept GeometryAlternative
    = !std::is_same_v<std::remove_cvref_t<T>,
                      Geometry> && std::is_constructible_v<GeometryVariant, T &&>;

/// Any of the geometry types above. Default-constructed: an empty GeometryCollection.
/// Read it with std::visit(visitor, geometry.value()) or geometry.as<Polygon>().
class Geometry
{
public:
    using Variant = GeometryVariant;

    Geometry() = default;

    /// Implicit on purpose: a Point is a Geometry.
    template<GeometryAlternative T>
    // NOLINTNEXTLINE(google-explicit-constructor,bugprone-forwarding-reference-overload)
    Geometry(T &&value)
        : m_value(std::forward<T>(value))
    {}

    const Variant &value() const { return m_value; }

    Variant &value() { return m_value; }

    GeometryType type() const;

    /// The alternative if it holds a T, else nullptr.
    template<typename T>
    const T *as() const
    {
        return std::get_if<T>(&m_value);
    }

    /// True if the geometry has no coordinates at all.
    bool isEmpty() const;

    /// Number of positions (all rings and parts, the closing points of rings included).
    qsizetype pointCount() const;

    /// Bounds of all coordinates; empty for an empty geometry.
    BoundingBox boundingBox() const;

    friend bool operator==(const Geometry &, const Geometry &) = default;

private:
    Variant m_value;
};

inline bool operator==(const GeometryCollection &a, const GeometryCollection &b)
{
    return a.geometries == b.geometries;
}

} // namespace infrasight::gis
