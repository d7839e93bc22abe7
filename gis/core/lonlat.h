// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>

#include <cmath>

namespace infrasight::gis {

/// A geographic position in degrees on WGS 84 (EPSG:4326), longitude first.
/// A plain value: any doubles may be stored; isValid() says whether they name a place.
struct LonLat
{
    double lonDeg = 0.0;
    double latDeg = 0.0;

    /// True if both values are finite, longitude lies in [-180, 180] and latitude in [-90, 90].
    bool isValid() const
    {
        return std::isfinite(lonDeg) && std::isfinite(latDeg) && lonDeg >= -180.0 && lonDeg <= 180.0
               && latDeg >= -90.0 && latDeg <= 90.0;
    }

    /// The same place with the longitude wrapped into [-180, 180) and the latitude clamped to
    /// [-90, 90]. Non-finite values are returned unchanged.
    LonLat normalized() const
    {
        if (!std::isfinite(lonDeg) || !std::isfinite(latDeg)) {
            return *this;
        }
        double lon = std::fmod(lonDeg + 180.0, 360.0);
        if (lon < 0.0) {
            lon += 360.0;
        }
        return LonLat{lon - 180.0, latDeg < -90.0 ? -90.0 : (latDeg > 90.0 ? 90.0 : latDeg)};
    }

    friend bool operator==(const LonLat &, const LonLat &) = default;
};

} // namespace infrasight::gis

Q_DECLARE_METATYPE(infrasight::gis::LonLat)
