// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/proj/fenceshapes.h"

#include "gis/proj/geometryvalidator.h"

#include <algorithm>
#include <cmath>

#include <geodesic.h>

namespace infrasight::gis::fenceshapes {

namespace {

const geod_geodesic &wgs84()
{
    static const geod_geodesic g = [] {
        geod_geodesic made{};
        geod_init(&made, 6378137.0, 1.0 / 298.257223563);
        return made;
    }();
    return g;
}

/// Metres per degree of longitude and latitude at a latitude (the local plane for corridors).
QPointF metresPerDegree(double latDeg)
{
    const double lat = latDeg * M_PI / 180.0;
    return {111412.84 * std::cos(lat) - 93.5 * std::cos(3 * lat),
            111132.92 - 559.82 * std::cos(2 * lat) + 1.175 * std::cos(4 * lat)};
}

} // namespace

Polygon rectangle(LonLat a, LonLat b)
{
    const double west = std::min(a.lonDeg, b.lonDeg);
    const double east = std::max(a.lonDeg, b.lonDeg);
    const double south = std::min(a.latDeg, b.latDeg);
    const double north = std::max(a.latDeg, b.latDeg);
    return Polygon{{{{west, south}, {east, south}, {east, north}, {west, north}, {west, south}}}};
}

Polygon circle(LonLat centre, double radiusM, int segments)
{
    segments = std::max(segments, 8);
    std::vector<QPointF> ring;
    ring.reserve(size_t(segments) + 1);
    // Azimuths clockwise from north, walked backwards so that the ring runs counter-clockwise.
    for (int i = 0; i < segments; ++i) {
        const double azimuth = 360.0 - 360.0 * double(i) / double(segments);
        double lat = 0;
        double lon = 0;
        geod_direct(&wgs84(), centre.latDeg, centre.lonDeg, azimuth, radiusM, &lat, &lon, nullptr);
        ring.emplace_back(lon, lat);
    }
    ring.push_back(ring.front());
    return Polygon{{ring}};
}

double distanceM(LonLat a, LonLat b)
{
    double s12 = 0;
    geod_inverse(&wgs84(), a.latDeg, a.lonDeg, b.latDeg, b.lonDeg, &s12, nullptr, nullptr);
    return s12;
}

Result<MultiPolygon>
corridor(const std::vector<LonLat> &line, double halfWidthM, const GeometryValidator &geos)
{
    if (line.size() < 2 || !(halfWidthM > 0)) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("A corridor needs two points and a width above 0 m"));
    }
    const LonLat origin = line.front();
    const QPointF scale = metresPerDegree(origin.latDeg);
    LineString local;
    for (const LonLat &p : line) {
        local.points.emplace_back((p.lonDeg - origin.lonDeg) * scale.x(),
                                  (p.latDeg - origin.latDeg) * scale.y());
    }
    auto buffered = geos.buffer(local, halfWidthM);
    if (!buffered) {
        return buffered;
    }
    for (Polygon &polygon : buffered->polygons) {
        for (auto &ring : polygon.rings) {
            for (QPointF &p : ring) {
                p = {origin.lonDeg + p.x() / scale.x(), origin.latDeg + p.y() / scale.y()};
            }
        }
    }
    return buffered;
}

} // namespace infrasight::gis::fenceshapes
