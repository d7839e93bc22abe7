// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/geobounds.h"
#include "gis/core/lonlat.h"
#include "gis/core/tilekey.h"

#include <QMetaType>
#include <QRectF>

#include <vector>

namespace infrasight::gis {

/// A rectangular block of XYZ tiles at one zoom: rows minY..maxY and columns minX..maxX, all
/// inclusive. minX > maxX means the block wraps across the antimeridian: columns minX..2^z-1
/// followed by 0..maxX. A default-constructed range is empty.
class TileRange
{
public:
    TileRange() = default;
    /// The block with the given inclusive limits; empty if any limit is outside 0..2^z-1 or
    /// minY > maxY.
    TileRange(int z, int minX, int minY, int maxX, int maxY);

    /// The tiles at zoom z that cover bounds: latitudes are clamped to +-MaxLatitudeDeg,
    /// a box crossing the antimeridian gives a wrapping range, a box edge lying exactly on a
    /// tile edge does not pull in the neighbouring tile. Empty for an invalid box or z outside
    /// 0..TileKey::MaxZoom.
    static TileRange covering(const GeoBounds &bounds, int z);

    /// As covering(), for a box in EPSG:3857 metres (QRectF with top() = south edge, as
    /// TileKey::boundsMeters()). x beyond +-HalfWorldMeters wraps across the antimeridian;
    /// a box wider than the world covers all columns.
    static TileRange coveringMercator(const QRectF &boundsMeters, int z);

    bool isEmpty() const { return m_z < 0; }

    int zoom() const { return m_z; }

    int minX() const { return m_minX; }

    int minY() const { return m_minY; }

    int maxX() const { return m_maxX; }

    int maxY() const { return m_maxY; }

    /// True if the columns wrap across the antimeridian (minX > maxX).
    bool wrapsAntimeridian() const { return !isEmpty() && m_minX > m_maxX; }

    int columnCount() const;

    int rowCount() const { return isEmpty() ? 0 : m_maxY - m_minY + 1; }

    qint64 count() const { return qint64(columnCount()) * rowCount(); }

    /// True if key has this range's zoom and lies inside it (antimeridian-aware).
    bool contains(const TileKey &key) const;

    /// All tiles, row by row from the north, each row from the west edge going east.
    std::vector<TileKey> tiles() const;

    /// All tiles ordered by the distance of their centre from position, nearest first, so
    /// that visible-centre tiles load first (a spiral outwards from the centre). Distance is
    /// measured in tile units across the antimeridian where shorter; ties keep (z, x, y) order.
    std::vector<TileKey> tilesNearestFirst(LonLat position) const;

    friend bool operator==(const TileRange &, const TileRange &) = default;

private:
    int m_z = -1;
    int m_minX = 0;
    int m_minY = 0;
    int m_maxX = -1;
    int m_maxY = -1;
};

} // namespace infrasight::gis

Q_DECLARE_METATYPE(infrasight::gis::TileRange)
