// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/lonlat.h"

#include <QList>
#include <QMetaType>

namespace infrasight::gis {

/// A lon/lat box on WGS 84 in degrees, given by its west, south, east and north edges.
/// West > east means the box crosses the antimeridian (e.g. west 170, east -170 is 20 degrees
/// wide). West -180 / east 180 spans all longitudes. A default-constructed box is invalid.
class GeoBounds
{
public:
    GeoBounds() = default;
    GeoBounds(double westDeg, double southDeg, double eastDeg, double northDeg);

    /// The whole globe: -180..180, -90..90.
    static GeoBounds world();

    /// The smallest box (not crossing the antimeridian) holding both positions.
    static GeoBounds fromCorners(LonLat a, LonLat b);

    double westDeg() const { return m_west; }

    double southDeg() const { return m_south; }

    double eastDeg() const { return m_east; }

    double northDeg() const { return m_north; }

    /// True if all edges are finite, longitudes lie in [-180, 180], latitudes in [-90, 90] and
    /// south <= north.
    bool isValid() const;

    /// True if the box crosses the antimeridian (west > east).
    bool crossesAntimeridian() const { return m_west > m_east; }

    /// East-west extent in degrees, counting the wrap across the antimeridian (0..360).
    double widthDeg() const;

    double heightDeg() const { return m_north - m_south; }

    /// The centre; for a crossing box the longitude is wrapped into [-180, 180).
    LonLat center() const;

    /// True if the position lies inside or on the edge (antimeridian-aware).
    bool contains(LonLat position) const;

    /// The position moved to the nearest point of the box, each axis on its own: latitude
    /// clamped to [south, north]; longitude clamped to [west, east], or, for a crossing box,
    /// kept if inside and else moved to the nearer of the two edges (west on a tie). An invalid
    /// box returns the position unchanged.
    LonLat clamped(LonLat position) const;

    /// True if the boxes share any point (antimeridian-aware).
    bool intersects(const GeoBounds &other) const;

    /// The box as one or two boxes that do not cross the antimeridian (west part first).
    /// An invalid box gives an empty list.
    QList<GeoBounds> splitAtAntimeridian() const;

    friend bool operator==(const GeoBounds &, const GeoBounds &) = default;

private:
    double m_west = 0.0;
    double m_south = 1.0; // south > north: invalid until set
    double m_east = 0.0;
    double m_north = 0.0;
};

} // namespace infrasight::gis

Q_DECLARE_METATYPE(infrasight::gis::GeoBounds)
