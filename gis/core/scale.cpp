// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/scale.h"

#include <cmath>
#include <numbers>

namespace infrasight::gis {

double scaleDenominatorForZoom(double zoom, double dpi, int tileSizePx)
{
    // One pixel is 1/dpi inches on paper/screen and metersPerPixel() metres in the world.
    return metersPerPixel(zoom, tileSizePx) * dpi / MetersPerInch;
}

double zoomForScaleDenominator(double scaleDenominator, double dpi, int tileSizePx)
{
    return zoomForMetersPerPixel(scaleDenominator * MetersPerInch / dpi, tileSizePx);
}

double scaleDenominatorAtLatitude(double zoom, double latDeg, double dpi, int tileSizePx)
{
    return scaleDenominatorForZoom(zoom, dpi, tileSizePx)
           * std::cos(latDeg * std::numbers::pi / 180.0);
}

} // namespace infrasight::gis
