// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/geometry.h"
#include "gis/core/result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

// (E)WKB, the binary geometry format of OGC Simple Features and PostGIS (ST_AsBinary,
// ST_AsEWKB, the binary form of a geometry column). Pure functions, thread-safe.

namespace infrasight::gis {

/// A decoded EWKB geometry with the SRID it carried, if any.
struct EwkbGeometry
{
    Geometry geometry;
    std::optional<qint32> srid;
};

/// Decodes OGC WKB or PostGIS EWKB into a 2D geometry; coordinates keep their CRS (see
/// geometry.h). Accepts both byte orders (also mixed within one geometry), Z/M/ZM as ISO type
/// codes (1001, 2002, 3003 ...) or EWKB flag bits (Z/M dropped), and the EWKB SRID flag (the
/// SRID is skipped; use decodeEwkb() to get it). Only types 1-7 are supported.
///
/// Never reads outside bytes and allocates no more than the input can fill. Returns
/// ErrorCode::InvalidArgument with the problem and its byte offset for: a truncated buffer, a
/// count larger than the bytes left can hold, an unknown byte-order marker or type code, a
/// Multi* member of the wrong type, nesting deeper than 32 levels, or trailing bytes.
[[nodiscard]] Result<Geometry> decodeWkb(QByteArrayView bytes);

/// As decodeWkb(), also returning the top-level EWKB SRID.
[[nodiscard]] Result<EwkbGeometry> decodeEwkb(QByteArrayView bytes);

/// Strict hex decoding for (E)WKB in text form (PostGIS text output, psql, `encode(..,'hex')`):
/// an optional "\x" prefix, then an even number of hex digits (either case) and nothing else.
/// QByteArray::fromHex() silently skips bad characters; this fails with InvalidArgument.
[[nodiscard]] Result<QByteArray> wkbFromHex(QByteArrayView hex);

enum class WkbByteOrder {
    LittleEndian, ///< NDR, marker byte 1; what PostGIS produces on x86 and what we send
    BigEndian,    ///< XDR, marker byte 0
};

struct WkbEncodeOptions
{
    WkbByteOrder byteOrder = WkbByteOrder::LittleEndian;
    /// If set, writes EWKB with the SRID flag and this SRID in the top-level geometry;
    /// otherwise plain OGC WKB (for ST_GeomFromWKB($1, srid)).
    std::optional<qint32> srid;
};

/// Encodes a geometry as 2D WKB (or EWKB with options.srid). An empty Point is written as
/// NaN, NaN as PostGIS does. decodeWkb(encodeWkb(g)) == g for every geometry.
QByteArray encodeWkb(const Geometry &geometry, const WkbEncodeOptions &options = {});

} // namespace infrasight::gis
