// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/geometry.h"

#include <QString>

#include <tl/expected.hpp>

namespace infrasight::gis {

/// A fence's shape typed as text, for numeric entry in the geofence editor: one vertex per line
/// as "lon lat" or "lon, lat" in decimal degrees (EPSG:4326); an empty line ends a ring, so the
/// rings after the first of a part are its holes; a line "part" starts the next polygon. Rings
/// need not repeat their first vertex; "#" starts a comment.
namespace coordinatetext {

/// Why a text was refused, and on which line (1-based; 0: the text as a whole).
struct ParseError
{
    enum class Reason {
        NotANumber,     ///< a coordinate that is not a decimal number
        WrongCount,     ///< not exactly two numbers on the line
        OutOfRange,     ///< longitude beyond ±180 or latitude beyond ±90
        TooFewVertices, ///< a ring with fewer than 3 distinct vertices (line: its last line)
        Empty,          ///< no vertex at all
    };
    int line = 0;
    Reason reason = Reason::Empty;
    QString text; ///< the offending line as typed

    friend bool operator==(const ParseError &, const ParseError &) = default;
};

/// The shape in text, rings closed. Nothing is guessed: any bad line refuses the whole text.
[[nodiscard]] tl::expected<MultiPolygon, ParseError> parse(const QString &text);

/// The text parse() reads back to the same shape (7 decimals: about 1 cm).
QString format(const MultiPolygon &shape);

} // namespace coordinatetext

} // namespace infrasight::gis
