// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/tilekey.h"

#include "gis/core/mercator.h"

#include <algorithm>
#include <cmath>

namespace infrasight::gis {

TileKey TileKey::containing(LonLat position, int z)
{
    if (z < 0 || z > MaxZoom || !std::isfinite(position.lonDeg)
        || !std::isfinite(position.latDeg)) {
        return {};
    }
    const LonLat wrapped = position.normalized();
    const QPointF pixel = lonLatToWorldPixel(wrapped, z, 1);
    const int last = (1 << z) - 1;
    return {z,
            std::clamp(static_cast<int>(std::floor(pixel.x())), 0, last),
            std::clamp(static_cast<int>(std::floor(pixel.y())), 0, last)};
}

Result<TileKey> TileKey::fromQuadkey(QStringView quadkey)
{
    if (quadkey.size() > MaxZoom) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("quadkey has %1 digits, at most %2 are allowed")
                        .arg(quadkey.size())
                        .arg(MaxZoom));
    }
    int x = 0;
    int y = 0;
    for (qsizetype i = 0; i < quadkey.size(); ++i) {
        const char16_t c = quadkey[i].unicode();
        if (c < u'0' || c > u'3') {
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("quadkey digit %1 at position %2 is not 0-3")
                            .arg(quadkey[i])
                            .arg(i));
        }
        const int digit = c - u'0';
        x = (x << 1) | (digit & 1);
        y = (y << 1) | (digit >> 1);
    }
    return TileKey(static_cast<int>(quadkey.size()), x, y);
}

TileKey TileKey::parent() const
{
    if (!isValid() || m_z == 0) {
        return {};
    }
    return {m_z - 1, m_x >> 1, m_y >> 1};
}

TileKey TileKey::ancestorAt(int z) const
{
    if (!isValid() || z < 0 || z > m_z) {
        return {};
    }
    const int shift = m_z - z;
    return {z, m_x >> shift, m_y >> shift};
}

std::array<TileKey, 4> TileKey::children() const
{
    if (!isValid() || m_z == MaxZoom) {
        return {};
    }
    const int z = m_z + 1;
    const int x = m_x * 2;
    const int y = m_y * 2;
    return {TileKey(z, x, y), TileKey(z, x + 1, y), TileKey(z, x, y + 1), TileKey(z, x + 1, y + 1)};
}

QString TileKey::quadkey() const
{
    if (!isValid()) {
        return {};
    }
    QString key(m_z, Qt::Uninitialized);
    for (int level = m_z; level > 0; --level) {
        const int mask = 1 << (level - 1);
        const int digit = ((m_x & mask) != 0 ? 1 : 0) + ((m_y & mask) != 0 ? 2 : 0);
        key[m_z - level] = QChar(u'0' + digit);
    }
    return key;
}

QRectF TileKey::boundsMeters() const
{
    if (!isValid()) {
        return {};
    }
    const double tileMeters = 2.0 * HalfWorldMeters / (1 << m_z);
    const double west = -HalfWorldMeters + m_x * tileMeters;
    const double north = HalfWorldMeters - m_y * tileMeters;
    return QRectF(QPointF(west, north - tileMeters), QPointF(west + tileMeters, north));
}

GeoBounds TileKey::boundsLonLat() const
{
    if (!isValid()) {
        return {};
    }
    const QRectF meters = boundsMeters();
    const LonLat southWest = mercatorMetersToLonLat(meters.topLeft());
    const LonLat northEast = mercatorMetersToLonLat(meters.bottomRight());
    return GeoBounds(southWest.lonDeg, southWest.latDeg, northEast.lonDeg, northEast.latDeg);
}

QString TileKey::toString() const
{
    return QStringLiteral("%1/%2/%3").arg(m_z).arg(m_x).arg(m_y);
}

size_t qHash(const TileKey &key, size_t seed) noexcept
{
    return qHashMulti(seed, key.z(), key.x(), key.y());
}

QDebug operator<<(QDebug debug, const TileKey &key)
{
    const QDebugStateSaver saver(debug);
    debug.nospace() << "TileKey(" << key.z() << '/' << key.x() << '/' << key.y() << ')';
    return debug;
}

} // namespace infrasight::gis
