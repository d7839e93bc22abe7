// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/mercator.h"

// Map scale (the "N" of 1:N) for a Web Mercator display. The scale refers to projected
// EPSG:3857 metres, i.e. it is exact at the equator; multiply by cos(latitude) for the true
// ground scale at another latitude (scaleDenominatorAtLatitude()). Pure and thread-safe.

namespace infrasight::gis {

/// Typical desktop screen resolution, dots per inch.
inline constexpr double ScreenDpi = 96.0;
/// The OGC/WMTS "standardized rendering pixel" of 0.28 mm, as dots per inch (about 90.71).
inline constexpr double OgcStandardDpi = 25.4 / 0.28;
/// Metres per inch.
inline constexpr double MetersPerInch = 0.0254;

/// Scale denominator shown at zoom on a device with dpi dots per inch.
double scaleDenominatorForZoom(double zoom, double dpi, int tileSizePx = DefaultTileSizePx);

/// The (fractional) zoom that shows scale 1:scaleDenominator on a device with dpi dots per inch.
double
zoomForScaleDenominator(double scaleDenominator, double dpi, int tileSizePx = DefaultTileSizePx);

/// Ground scale denominator at latitude latDeg: scaleDenominatorForZoom() * cos(latDeg).
double scaleDenominatorAtLatitude(double zoom,
                                  double latDeg,
                                  double dpi,
                                  int tileSizePx = DefaultTileSizePx);

} // namespace infrasight::gis
