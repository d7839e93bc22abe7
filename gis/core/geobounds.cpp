// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/geobounds.h"

#include <algorithm>
#include <cmath>

namespace infrasight::gis {

GeoBounds::GeoBounds(double westDeg, double southDeg, double eastDeg, double northDeg)
    : m_west(westDeg)
    , m_south(southDeg)
    , m_east(eastDeg)
    , m_north(northDeg)
{}

GeoBounds GeoBounds::world()
{
    return GeoBounds(-180.0, -90.0, 180.0, 90.0);
}

GeoBounds GeoBounds::fromCorners(LonLat a, LonLat b)
{
    return GeoBounds(std::min(a.lonDeg, b.lonDeg),
                     std::min(a.latDeg, b.latDeg),
                     std::max(a.lonDeg, b.lonDeg),
                     std::max(a.latDeg, b.latDeg));
}

bool GeoBounds::isValid() const
{
    return LonLat{m_west, m_south}.isValid() && LonLat{m_east, m_north}.isValid()
           && m_south <= m_north;
}

double GeoBounds::widthDeg() const
{
    return crossesAntimeridian() ? 360.0 - (m_west - m_east) : m_east - m_west;
}

LonLat GeoBounds::center() const
{
    const double lat = (m_south + m_north) / 2.0;
    if (!crossesAntimeridian()) {
        return {(m_west + m_east) / 2.0, lat};
    }
    return LonLat{m_west + widthDeg() / 2.0, lat}.normalized();
}

bool GeoBounds::contains(LonLat position) const
{
    if (position.latDeg < m_south || position.latDeg > m_north) {
        return false;
    }
    if (crossesAntimeridian()) {
        return position.lonDeg >= m_west || position.lonDeg <= m_east;
    }
    return position.lonDeg >= m_west && position.lonDeg <= m_east;
}

LonLat GeoBounds::clamped(LonLat position) const
{
    if (!isValid()) {
        return position;
    }
    const double lat = std::clamp(position.latDeg, m_south, m_north);
    if (!crossesAntimeridian()) {
        return {std::clamp(position.lonDeg, m_west, m_east), lat};
    }
    if (contains({position.lonDeg, lat})) {
        return {position.lonDeg, lat};
    }
    // Outside a crossing box the longitude lies between east and west.
    return {position.lonDeg - m_east < m_west - position.lonDeg ? m_east : m_west, lat};
}

bool GeoBounds::intersects(const GeoBounds &other) const
{
    if (!isValid() || !other.isValid()) {
        return false;
    }
    const QList<GeoBounds> mine = splitAtAntimeridian();
    const QList<GeoBounds> theirs = other.splitAtAntimeridian();
    for (const GeoBounds &a : mine) {
        for (const GeoBounds &b : theirs) {
            if (a.m_west <= b.m_east && b.m_west <= a.m_east && a.m_south <= b.m_north
                && b.m_south <= a.m_north) {
                return true;
            }
        }
    }
    return false;
}

QList<GeoBounds> GeoBounds::splitAtAntimeridian() const
{
    if (!isValid()) {
        return {};
    }
    if (!crossesAntimeridian()) {
        return {*this};
    }
    return {GeoBounds(m_west, m_south, 180.0, m_north),
            GeoBounds(-180.0, m_south, m_east, m_north)};
}

} // namespace infrasight::gis
