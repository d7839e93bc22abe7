// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/geometry.h"

namespace infrasight::gis {

namespace {

template<class... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template<class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

void extendBy(BoundingBox &box, const std::vector<QPointF> &points)
{
    for (const QPointF &p : points) {
        box.extend(p);
    }
}

void extendBy(BoundingBox &box, const Polygon &polygon)
{
    // The exterior ring bounds the holes of a valid polygon, but an invalid one may not: scan
    // all rings, it is cheap.
    for (const auto &ring : polygon.rings) {
        extendBy(box, ring);
    }
}

qsizetype countOf(const Polygon &polygon)
{
    qsizetype n = 0;
    for (const auto &ring : polygon.rings) {
        n += static_cast<qsizetype>(ring.size());
    }
    return n;
}

} // namespace

GeometryType Geometry::type() const
{
    return std::visit(
        Overloaded{
            [](const Point &) { return GeometryType::Point; },
            [](const LineString &) { return GeometryType::LineString; },
            [](const Polygon &) { return GeometryType::Polygon; },
            [](const MultiPoint &) { return GeometryType::MultiPoint; },
            [](const MultiLineString &) { return GeometryType::MultiLineString; },
            [](const MultiPolygon &) { return GeometryType::MultiPolygon; },
            [](const GeometryCollection &) { return GeometryType::GeometryCollection; },
        },
        m_value);
}

bool Geometry::isEmpty() const
{
    if (const Point *point = as<Point>()) {
        return point->isEmpty();
    }
    return pointCount() == 0;
}

qsizetype Geometry::pointCount() const
{
    return std::visit(Overloaded{
                          [](const Point &p) -> qsizetype { return p.isEmpty() ? 0 : 1; },
                          [](const LineString &l) -> qsizetype {
                              return static_cast<qsizetype>(l.points.size());
                          },
                          [](const Polygon &p) -> qsizetype { return countOf(p); },
                          [](const MultiPoint &m) -> qsizetype {
                              return static_cast<qsizetype>(m.points.size());
                          },
                          [](const MultiLineString &m) -> qsizetype {
                              qsizetype n = 0;
                              for (const LineString &l : m.lineStrings) {
                                  n += static_cast<qsizetype>(l.points.size());
                              }
                              return n;
                          },
                          [](const MultiPolygon &m) -> qsizetype {
                              qsizetype n = 0;
                              for (const Polygon &p : m.polygons) {
                                  n += countOf(p);
                              }
                              return n;
                          },
                          [](const GeometryCollection &c) -> qsizetype {
                              qsizetype n = 0;
                              for (const Geometry &g : c.geometries) {
                                  n += g.pointCount();
                              }
                              return n;
                          },
                      },
                      m_value);
}

BoundingBox Geometry::boundingBox() const
{
    BoundingBox box;
    std::visit(Overloaded{
                   [&](const Point &p) { box.extend(p.position); },
                   [&](const LineString &l) { extendBy(box, l.points); },
                   [&](const Polygon &p) { extendBy(box, p); },
                   [&](const MultiPoint &m) { extendBy(box, m.points); },
                   [&](const MultiLineString &m) {
                       for (const LineString &l : m.lineStrings) {
                           extendBy(box, l.points);
                       }
                   },
                   [&](const MultiPolygon &m) {
                       for (const Polygon &p : m.polygons) {
                           extendBy(box, p);
                       }
                   },
                   [&](const GeometryCollection &c) {
                       for (const Geometry &g : c.geometries) {
                           box.extend(g.boundingBox());
                       }
                   },
               },
               m_value);
    return box;
}

} // namespace infrasight::gis
