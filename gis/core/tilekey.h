// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/geobounds.h"
#include "gis/core/lonlat.h"
#include "gis/core/result.h"

#include <QDebug>
#include <QHashFunctions>
#include <QMetaType>
#include <QRectF>
#include <QString>
#include <QStringView>

#include <array>
#include <compare>

namespace infrasight::gis {

/// An XYZ ("slippy map") tile: zoom z, column x counted east from lon -180, row y counted
/// south from lat +MaxLatitudeDeg (Google/OSM order, not TMS). A default-constructed key is
/// invalid. Ordered by (z, x, y).
class TileKey
{
public:
    /// Highest zoom whose keys fit the int coordinates and a quadkey.
    static constexpr int MaxZoom = 30;

    constexpr TileKey() = default;

    constexpr TileKey(int z, int x, int y)
        : m_z(z)
        , m_x(x)
        , m_y(y)
    {}

    /// The tile at zoom z holding position (latitude clamped to the Mercator range, longitude
    /// wrapped). Invalid if z is outside 0..MaxZoom or the position is not finite.
    static TileKey containing(LonLat position, int z);

    /// Parses a Bing Maps quadkey ("" is the z0 tile). Fails with InvalidArgument on a digit
    /// other than 0-3 or more than MaxZoom digits.
    [[nodiscard]] static Result<TileKey> fromQuadkey(QStringView quadkey);

    constexpr int z() const { return m_z; }

    constexpr int x() const { return m_x; }

    constexpr int y() const { return m_y; }

    /// True if 0 <= z <= MaxZoom and 0 <= x, y < 2^z.
    constexpr bool isValid() const
    {
        return m_z >= 0 && m_z <= MaxZoom && m_x >= 0 && m_y >= 0 && m_x < (1 << m_z)
               && m_y < (1 << m_z);
    }

    /// The tile one zoom level up that contains this one; invalid for z 0 or an invalid key.
    TileKey parent() const;

    /// The tile at zoom z (0 <= z <= this->z()) containing this one; invalid otherwise.
    TileKey ancestorAt(int z) const;

    /// The four tiles of the next zoom level in quadkey digit order: north-west, north-east,
    /// south-west, south-east. All invalid for z == MaxZoom or an invalid key.
    std::array<TileKey, 4> children() const;

    /// The Bing Maps quadkey: one digit per zoom level, (x bit) + 2 * (y bit), most significant
    /// level first. Empty for z 0 and for an invalid key.
    QString quadkey() const;

    /// Tile bounds in EPSG:3857 metres as QRectF(QPointF(west, south), QPointF(east, north)).
    /// Note y grows north here, so QRectF::top() is the SOUTH edge.
    QRectF boundsMeters() const;

    /// Tile bounds in degrees (north/south edges are Mercator latitudes within +-MaxLatitudeDeg).
    GeoBounds boundsLonLat() const;

    /// "z/x/y" for logs and tile URLs.
    QString toString() const;

    friend constexpr auto operator<=>(const TileKey &, const TileKey &) = default;
    friend constexpr bool operator==(const TileKey &, const TileKey &) = default;

private:
    int m_z = -1;
    int m_x = 0;
    int m_y = 0;
};

size_t qHash(const TileKey &key, size_t seed = 0) noexcept;

/// Writes "TileKey(z/x/y)" to logs.
QDebug operator<<(QDebug debug, const TileKey &key);

} // namespace infrasight::gis

Q_DECLARE_METATYPE(infrasight::gis::TileKey)
