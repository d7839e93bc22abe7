// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/tilerange.h"

#include "gis/core/mercator.h"

#include <algorithm>
#include <cmath>

namespace infrasight::gis {

namespace {

// Tile coordinates computed from tile-bounds degrees come back a few ulps off the integer
// edge; snap by this much (in tile units) so an edge never pulls in its neighbour.
constexpr double EdgeEpsilon = 1e-9;

int firstIndex(double fraction, int last)
{
    return std::clamp(static_cast<int>(std::floor(fraction + EdgeEpsilon)), 0, last);
}

// The last tile index that the half-open extent ending at `fraction` touches; -1 if none.
int lastIndex(double fraction, int last)
{
    return std::clamp(static_cast<int>(std::ceil(fraction - EdgeEpsilon)) - 1, -1, last);
}

double lonToTileX(double lonDeg, int n)
{
    return (lonDeg + 180.0) / 360.0 * n;
}

} // namespace

TileRange::TileRange(int z, int minX, int minY, int maxX, int maxY)
{
    if (z < 0 || z > TileKey::MaxZoom) {
        return;
    }
    const int n = 1 << z;
    const auto inside = [n](int v) {
        return v >= 0 && v < n;
    };
    if (!inside(minX) || !inside(maxX) || !inside(minY) || !inside(maxY) || minY > maxY) {
        return;
    }
    m_z = z;
    m_minX = minX;
    m_minY = minY;
    m_maxX = maxX;
    m_maxY = maxY;
}

TileRange TileRange::covering(const GeoBounds &bounds, int z)
{
    if (!bounds.isValid() || z < 0 || z > TileKey::MaxZoom) {
        return {};
    }
    const int n = 1 << z;
    const int last = n - 1;

    const double northY = lonLatToWorldPixel({0.0, bounds.northDeg()}, z, 1).y();
    const double southY = lonLatToWorldPixel({0.0, bounds.southDeg()}, z, 1).y();
    const int minY = firstIndex(northY, last);
    const int maxY = std::max(lastIndex(southY, last), minY);

    const double westX = lonToTileX(bounds.westDeg(), n);
    const double eastX = lonToTileX(bounds.eastDeg(), n);
    int minX = firstIndex(westX, last);
    int maxX = lastIndex(eastX, last);
    if (!bounds.crossesAntimeridian()) {
        return TileRange(z, minX, minY, std::max(maxX, minX), maxY);
    }

    // Crossing: a western part [west, 180] and an eastern part [-180, east]; either may be
    // empty when its edge lies exactly on the antimeridian.
    const bool westPartEmpty = westX + EdgeEpsilon >= n;
    const bool eastPartEmpty = maxX < 0;
    if (westPartEmpty && eastPartEmpty) {
        return TileRange(z, 0, minY, 0, maxY);
    }
    if (westPartEmpty) {
        return TileRange(z, 0, minY, maxX, maxY);
    }
    if (eastPartEmpty) {
        return TileRange(z, minX, minY, last, maxY);
    }
    if (minX <= maxX + 1) {
        // The parts meet or overlap (a box nearly 360 degrees wide): every column.
        minX = 0;
        maxX = last;
    }
    return TileRange(z, minX, minY, maxX, maxY);
}

TileRange TileRange::coveringMercator(const QRectF &boundsMeters, int z)
{
    const QRectF r = boundsMeters.normalized();
    const LonLat southWest = mercatorMetersToLonLat(r.topLeft());
    const LonLat northEast = mercatorMetersToLonLat(r.bottomRight());
    if (r.width() >= 2.0 * HalfWorldMeters) {
        return covering(GeoBounds(-180.0, southWest.latDeg, 180.0, northEast.latDeg), z);
    }
    // Wrap each edge into [-180, 180]; an east edge of exactly +180 stays +180.
    double west = LonLat{southWest.lonDeg, 0.0}.normalized().lonDeg;
    double east = LonLat{northEast.lonDeg, 0.0}.normalized().lonDeg;
    if (east == -180.0 && northEast.lonDeg > southWest.lonDeg) {
        east = 180.0;
    }
    if (west == east && r.width() > 0.0) {
        west = -180.0;
        east = 180.0;
    }
    return covering(GeoBounds(west, southWest.latDeg, east, northEast.latDeg), z);
}

int TileRange::columnCount() const
{
    if (isEmpty()) {
        return 0;
    }
    return wrapsAntimeridian() ? (1 << m_z) - m_minX + m_maxX + 1 : m_maxX - m_minX + 1;
}

bool TileRange::contains(const TileKey &key) const
{
    if (isEmpty() || !key.isValid() || key.z() != m_z || key.y() < m_minY || key.y() > m_maxY) {
        return false;
    }
    if (wrapsAntimeridian()) {
        return key.x() >= m_minX || key.x() <= m_maxX;
    }
    return key.x() >= m_minX && key.x() <= m_maxX;
}

std::vector<TileKey> TileRange::tiles() const
{
    std::vector<TileKey> result;
    result.reserve(static_cast<size_t>(count()));
    const int columns = columnCount();
    const int n = isEmpty() ? 1 : 1 << m_z;
    for (int y = m_minY; y <= m_maxY && !isEmpty(); ++y) {
        for (int i = 0; i < columns; ++i) {
            result.emplace_back(m_z, (m_minX + i) % n, y);
        }
    }
    return result;
}

std::vector<TileKey> TileRange::tilesNearestFirst(LonLat position) const
{
    std::vector<TileKey> keys = tiles();
    if (keys.empty()) {
        return keys;
    }
    const int n = 1 << m_z;
    const QPointF centre = lonLatToWorldPixel(position.normalized(), m_z, 1);
    const auto distanceSquared = [&](const TileKey &key) {
        double dx = key.x() + 0.5 - centre.x();
        if (dx > n / 2.0) {
            dx -= n;
        } else if (dx < -n / 2.0) {
            dx += n;
        }
        const double dy = key.y() + 0.5 - centre.y();
        return dx * dx + dy * dy;
    };
    std::vector<std::pair<double, TileKey>> ranked;
    ranked.reserve(keys.size());
    for (const TileKey &key : keys) {
        ranked.emplace_back(distanceSquared(key), key);
    }
    std::sort(ranked.begin(), ranked.end());
    for (size_t i = 0; i < ranked.size(); ++i) {
        keys[i] = ranked[i].second;
    }
    return keys;
}

} // namespace infrasight::gis
