// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/mercator.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace infrasight::gis {

namespace {
constexpr double DegToRad = std::numbers::pi / 180.0;
constexpr double RadToDeg = 180.0 / std::numbers::pi;
} // namespace

QPointF lonLatToMercatorMeters(LonLat position)
{
    const double lat = std::clamp(position.latDeg, -MaxLatitudeDeg, MaxLatitudeDeg);
    const double x = EarthRadiusMeters * position.lonDeg * DegToRad;
    const double y
        = EarthRadiusMeters * std::log(std::tan(std::numbers::pi / 4.0 + lat * DegToRad / 2.0));
    return {x, y};
}

LonLat mercatorMetersToLonLat(QPointF meters)
{
    const double lon = meters.x() / EarthRadiusMeters * RadToDeg;
    const double lat
        = (2.0 * std::atan(std::exp(meters.y() / EarthRadiusMeters)) - std::numbers::pi / 2.0)
          * RadToDeg;
    return {lon, lat};
}

double worldSizePx(double zoom, int tileSizePx)
{
    return tileSizePx * std::exp2(zoom);
}

double metersPerPixel(double zoom, int tileSizePx)
{
    return 2.0 * HalfWorldMeters / worldSizePx(zoom, tileSizePx);
}

double groundMetersPerPixel(double zoom, double latDeg, int tileSizePx)
{
    return metersPerPixel(zoom, tileSizePx) * std::cos(latDeg * DegToRad);
}

double zoomForMetersPerPixel(double metersPerPx, int tileSizePx)
{
    return std::log2(2.0 * HalfWorldMeters / (metersPerPx * tileSizePx));
}

QPointF mercatorMetersToWorldPixel(QPointF meters, double zoom, int tileSizePx)
{
    // Divide by the world width first: tile and world edges (fractions k / 2^z) then come out
    // exact, so flooring gives the right tile at its edges.
    const double size = worldSizePx(zoom, tileSizePx);
    constexpr double WorldMeters = 2.0 * HalfWorldMeters;
    return {(meters.x() + HalfWorldMeters) / WorldMeters * size,
            (HalfWorldMeters - meters.y()) / WorldMeters * size};
}

QPointF worldPixelToMercatorMeters(QPointF pixel, double zoom, int tileSizePx)
{
    const double size = worldSizePx(zoom, tileSizePx);
    constexpr double WorldMeters = 2.0 * HalfWorldMeters;
    return {pixel.x() / size * WorldMeters - HalfWorldMeters,
            HalfWorldMeters - pixel.y() / size * WorldMeters};
}

QPointF lonLatToWorldPixel(LonLat position, double zoom, int tileSizePx)
{
    return mercatorMetersToWorldPixel(lonLatToMercatorMeters(position), zoom, tileSizePx);
}

LonLat worldPixelToLonLat(QPointF pixel, double zoom, int tileSizePx)
{
    return mercatorMetersToLonLat(worldPixelToMercatorMeters(pixel, zoom, tileSizePx));
}

} // namespace infrasight::gis
