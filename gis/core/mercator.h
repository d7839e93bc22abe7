// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/lonlat.h"

#include <QPointF>

// Closed-form spherical Web Mercator (EPSG:3857) as used by OSM/XYZ tiles.
//
// Units and axes:
// - "metres" are EPSG:3857 projected metres: x east, y north, origin at lon 0 / lat 0,
//   both axes in [-HalfWorldMeters, HalfWorldMeters].
// - "world pixels" are pixels of the whole tiled world at a (fractional) zoom: origin at the
//   north-west corner (lon -180, lat MaxLatitudeDeg), x east, y SOUTH (screen order),
//   both axes in [0, tileSizePx * 2^zoom].
// All functions are pure and thread-safe.

namespace infrasight::gis {

/// Radius of the Web Mercator sphere (the WGS 84 semi-major axis), metres.
inline constexpr double EarthRadiusMeters = 6378137.0;
/// Half the width of the Web Mercator world, metres (pi * EarthRadiusMeters).
inline constexpr double HalfWorldMeters = 20037508.342789244;
/// Latitude at which the Web Mercator world becomes square; latitudes beyond it are clamped.
inline constexpr double MaxLatitudeDeg = 85.051128779806592;
/// Pixel size of a standard XYZ tile.
inline constexpr int DefaultTileSizePx = 256;

/// Projects to EPSG:3857 metres. Latitude is clamped to +-MaxLatitudeDeg; longitude is not
/// wrapped (lon 190 gives x beyond HalfWorldMeters).
QPointF lonLatToMercatorMeters(LonLat position);

/// Inverse of lonLatToMercatorMeters(). Returns degrees; y beyond +-HalfWorldMeters gives
/// latitudes beyond +-MaxLatitudeDeg (never beyond +-90).
LonLat mercatorMetersToLonLat(QPointF meters);

/// EPSG:3857 metres covered by one pixel at zoom (fractional zooms allowed) for tiles of
/// tileSizePx pixels. This is the projected resolution; the ground resolution at latitude
/// phi is this value times cos(phi). Zoom 0 with 256-px tiles gives 156543.03392804097.
double metersPerPixel(double zoom, int tileSizePx = DefaultTileSizePx);

/// Ground metres per pixel at a latitude: metersPerPixel(zoom, tileSizePx) * cos(latDeg).
double groundMetersPerPixel(double zoom, double latDeg, int tileSizePx = DefaultTileSizePx);

/// The (fractional) zoom at which one pixel covers metersPerPx projected metres.
double zoomForMetersPerPixel(double metersPerPx, int tileSizePx = DefaultTileSizePx);

/// Size of the world in pixels at zoom: tileSizePx * 2^zoom.
double worldSizePx(double zoom, int tileSizePx = DefaultTileSizePx);

/// EPSG:3857 metres to world pixels at zoom (origin north-west, y down).
QPointF mercatorMetersToWorldPixel(QPointF meters, double zoom, int tileSizePx = DefaultTileSizePx);

/// World pixels at zoom to EPSG:3857 metres.
QPointF worldPixelToMercatorMeters(QPointF pixel, double zoom, int tileSizePx = DefaultTileSizePx);

/// Lon/lat (latitude clamped) to world pixels at zoom (origin north-west, y down).
QPointF lonLatToWorldPixel(LonLat position, double zoom, int tileSizePx = DefaultTileSizePx);

/// World pixels at zoom to lon/lat.
LonLat worldPixelToLonLat(QPointF pixel, double zoom, int tileSizePx = DefaultTileSizePx);

} // namespace infrasight::gis
