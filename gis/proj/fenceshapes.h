// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/geometry.h"
#include "gis/core/lonlat.h"
#include "gis/core/result.h"

#include <vector>

namespace infrasight::gis {

class GeometryValidator;

/// The shapes the geofence tools draw, in lon/lat (EPSG:4326), rings closed and
/// counter-clockwise.
namespace fenceshapes {

/// The rectangle with corners a and b (sides along meridians and parallels).
Polygon rectangle(LonLat a, LonLat b);

/// A circle of radiusM metres around centre on the WGS 84 ellipsoid (PROJ's geodesic
/// routines): every vertex is exactly radiusM from the centre. segments >= 8.
Polygon circle(LonLat centre, double radiusM, int segments = 72);

/// The distance in metres between two places on the WGS 84 ellipsoid.
double distanceM(LonLat a, LonLat b);

/// A polyline of at least two places buffered by halfWidthM metres (round ends), computed in a
/// local plane around the line's first place (city-sized corridors: under 0.5 % error).
[[nodiscard]] Result<MultiPolygon>
corridor(const std::vector<LonLat> &line, double halfWidthM, const GeometryValidator &geos);

} // namespace fenceshapes

} // namespace infrasight::gis
