// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/coordinatetext.h"

#include <QRegularExpression>
#include <QStringList>

#include <cmath>
#include <optional>

namespace infrasight::gis::coordinatetext {

namespace {

using Reason = ParseError::Reason;

/// Counts the distinct vertices of an open ring.
int distinctVertices(const std::vector<QPointF> &ring)
{
    int n = 0;
    for (size_t i = 0; i < ring.size(); ++i) {
        bool seen = false;
        for (size_t j = 0; j < i && !seen; ++j) {
            seen = ring[j] == ring[i];
        }
        n += seen ? 0 : 1;
    }
    return n;
}

} // namespace

tl::expected<MultiPolygon, ParseError> parse(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    MultiPolygon shape;
    Polygon polygon;
    std::vector<QPointF> ring;
    int ringLastLine = 0;

    auto closeRing = [&]() -> std::optional<ParseError> {
        if (ring.empty()) {
            return std::nullopt;
        }
        if (ring.size() > 1 && ring.front() == ring.back()) {
            ring.pop_back();
        }
        if (distinctVertices(ring) < 3) {
            return ParseError{ringLastLine, Reason::TooFewVertices, {}};
        }
        ring.push_back(ring.front());
        polygon.rings.push_back(std::move(ring));
        ring.clear();
        return std::nullopt;
    };
    auto closePart = [&]() {
        if (!polygon.rings.empty()) {
            shape.polygons.push_back(std::move(polygon));
            polygon = {};
        }
    };

    const QStringList lines = text.split(u'\n');
    for (int n = 0; n < lines.size(); ++n) {
        const QString line = lines.at(n).section(u'#', 0, 0).trimmed();
        if (line.isEmpty() || line.compare(u"part", Qt::CaseInsensitive) == 0) {
            if (auto error = closeRing()) {
                return tl::unexpected(*error);
            }
            if (!line.isEmpty()) {
                closePart();
            }
            continue;
        }
        const QStringList fields = line.split(separators, Qt::SkipEmptyParts);
        if (fields.size() != 2) {
            return tl::unexpected(ParseError{n + 1, Reason::WrongCount, lines.at(n)});
        }
        bool lonOk = false;
        bool latOk = false;
        const double lon = fields.at(0).toDouble(&lonOk);
        const double lat = fields.at(1).toDouble(&latOk);
        if (!lonOk || !latOk || !std::isfinite(lon) || !std::isfinite(lat)) {
            return tl::unexpected(ParseError{n + 1, Reason::NotANumber, lines.at(n)});
        }
        if (std::abs(lon) > 180.0 || std::abs(lat) > 90.0) {
            return tl::unexpected(ParseError{n + 1, Reason::OutOfRange, lines.at(n)});
        }
        ring.emplace_back(lon, lat);
        ringLastLine = n + 1;
    }
    if (auto error = closeRing()) {
        return tl::unexpected(*error);
    }
    closePart();
    if (shape.polygons.empty()) {
        return tl::unexpected(ParseError{0, Reason::Empty, {}});
    }
    return shape;
}

QString format(const MultiPolygon &shape)
{
    QStringList parts;
    for (const Polygon &polygon : shape.polygons) {
        QStringList rings;
        for (const std::vector<QPointF> &ring : polygon.rings) {
            QStringList lines;
            // The closing vertex is implied.
            for (size_t i = 0; i + 1 < ring.size(); ++i) {
                lines << QStringLiteral("%1 %2")
                             .arg(ring[i].x(), 0, 'f', 7)
                             .arg(ring[i].y(), 0, 'f', 7);
            }
            rings << lines.join(u'\n');
        }
        parts << rings.join(QStringLiteral("\n\n"));
    }
    return parts.join(QStringLiteral("\npart\n"));
}

} // namespace infrasight::gis::coordinatetext
