// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/render/basemaprenderer.h"

#include "gis/core/mercator.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <cmath>
#include <numbers>
#include <vector>

namespace infrasight::render {

namespace {

// Maps EPSG:3857 metres to tile pixels (y down) for one tile.
class TileTransform
{
public:
    TileTransform(const gis::TileKey &key, int sizePx)
    {
        const QRectF bounds = key.boundsMeters(); // top() is the south edge
        m_west = bounds.left();
        m_north = bounds.bottom();
        m_metersPerPx = bounds.width() / sizePx;
    }

    QPointF toPx(QPointF meters) const
    {
        return {(meters.x() - m_west) / m_metersPerPx, (m_north - meters.y()) / m_metersPerPx};
    }

    double metersPerPx() const { return m_metersPerPx; }

    // The points in pixels, dropping those closer than half a pixel to the previous one.
    QPolygonF polygon(const std::vector<QPointF> &points) const
    {
        QPolygonF out;
        out.reserve(qsizetype(points.size()));
        const double minStep = 0.5 * m_metersPerPx;
        QPointF last;
        for (size_t i = 0; i < points.size(); ++i) {
            const QPointF &p = points[i];
            if (i > 0 && i + 1 < points.size() && std::abs(p.x() - last.x()) < minStep
                && std::abs(p.y() - last.y()) < minStep) {
                continue;
            }
            out.append(toPx(p));
            last = p;
        }
        return out;
    }

private:
    double m_west = 0;
    double m_north = 0;
    double m_metersPerPx = 1;
};

class LabelPlacer
{
public:
    explicit LabelPlacer(QRectF tileRect)
        : m_tile(tileRect.adjusted(2, 2, -2, -2))
    {}

    // True (and the box is taken) if box lies inside the tile and overlaps no earlier label.
    bool take(const QRectF &box)
    {
        if (!m_tile.contains(box)) {
            return false;
        }
        for (const QRectF &other : m_taken) {
            if (other.intersects(box)) {
                return false;
            }
        }
        m_taken.push_back(box);
        return true;
    }

private:
    QRectF m_tile;
    std::vector<QRectF> m_taken;
};

void drawHaloText(QPainter &painter,
                  const QPainterPath &text,
                  const QColor &color,
                  const QColor &halo,
                  double haloWidth)
{
    painter.strokePath(text, QPen(halo, haloWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.fillPath(text, color);
}

struct Run
{
    QPointF from;
    QPointF to;
    double length = 0;
};

// The longest nearly straight stretch of a polyline (direction within 12 degrees).
Run longestStraightRun(const QPolygonF &line)
{
    Run best;
    if (line.size() < 2) {
        return best;
    }
    qsizetype start = 0;
    double startAngle = 0;
    double runLength = 0;
    for (qsizetype i = 1; i < line.size(); ++i) {
        const QPointF d = line[i] - line[i - 1];
        const double length = std::hypot(d.x(), d.y());
        if (length < 1e-6) {
            continue;
        }
        const double angle = std::atan2(d.y(), d.x());
        double turn = std::abs(angle - startAngle);
        if (turn > std::numbers::pi) {
            turn = 2 * std::numbers::pi - turn;
        }
        if (runLength == 0 || turn > 12.0 * std::numbers::pi / 180.0) {
            start = i - 1;
            startAngle = angle;
            runLength = 0;
        }
        runLength += length;
        const QPointF chord = line[i] - line[start];
        const double chordLength = std::hypot(chord.x(), chord.y());
        if (chordLength > best.length) {
            best = {line[start], line[i], chordLength};
        }
    }
    return best;
}

} // namespace

BasemapRenderer::BasemapRenderer(std::shared_ptr<const BasemapData> data, BasemapStyle style)
    : m_data(std::move(data))
    , m_style(style)
{}

QImage BasemapRenderer::render(const gis::TileKey &key, int scale) const
{
    scale = scale >= 2 ? 2 : 1;
    const int size = gis::DefaultTileSizePx * scale;
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(m_style.noDataColor());
    const int zoom = key.z();
    const TileTransform tf(key, size);
    const BasemapData &data = *m_data;

    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(Qt::NoPen);

    // Land inside the extract's bounds; nothing is known outside it.
    const gis::BoundingBox &extract = data.extractBoundsMeters();
    const QRectF extractPx
        = QRectF(tf.toPx({extract.minX, extract.maxY}), tf.toPx({extract.maxX, extract.minY}));
    painter.fillRect(extractPx, m_style.landColor());

    // Sea, then islands.
    painter.setBrush(m_style.waterColor());
    if (data.seaSurroundsIslands()) {
        painter.fillRect(extractPx, m_style.waterColor());
    }
    for (const auto &ring : data.seaRings()) {
        painter.drawPolygon(tf.polygon(ring), Qt::OddEvenFill);
    }
    painter.setBrush(m_style.landColor());
    for (const auto &ring : data.islandRings()) {
        painter.drawPolygon(tf.polygon(ring), Qt::OddEvenFill);
    }

    // What to draw: the tile plus a margin for wide lines and outlines.
    const QRectF tileMeters = key.boundsMeters();
    const double margin = 24.0 * tf.metersPerPx();
    gis::BoundingBox query;
    query.extend(QPointF(tileMeters.left() - margin, tileMeters.top() - margin));
    query.extend(QPointF(tileMeters.right() + margin, tileMeters.bottom() + margin));
    const double minFeaturePx = 0.7 * tf.metersPerPx();

    // Areas in drawing order.
    const QPen buildingPen(m_style.buildingOutlineColor(), 0.8 * scale);
    for (quint32 index : data.areasIn(query)) {
        const BasemapArea &area = data.areas()[index];
        if (zoom < m_style.areaMinZoom(area.kind)
            || (area.bounds.width() < minFeaturePx && area.bounds.height() < minFeaturePx)) {
            continue;
        }
        const bool building = area.kind == BasemapAreaKind::Building;
        painter.setPen(building && zoom >= 15 ? buildingPen : QPen(Qt::NoPen));
        painter.setBrush(m_style.areaColor(area.kind));
        if (area.rings.size() == 1) {
            painter.drawPolygon(tf.polygon(area.rings.front()), Qt::OddEvenFill);
        } else {
            QPainterPath path;
            path.setFillRule(Qt::OddEvenFill);
            for (const auto &ring : area.rings) {
                path.addPolygon(tf.polygon(ring));
                path.closeSubpath();
            }
            painter.drawPath(path);
        }
    }
    painter.setBrush(Qt::NoBrush);

    // Lines: all casings first, then all fills, so that crossings join cleanly.
    const std::vector<quint32> lines = data.linesIn(query);
    std::vector<QPolygonF> polylines(lines.size());
    for (size_t i = 0; i < lines.size(); ++i) {
        const BasemapLine &line = data.lines()[lines[i]];
        if (m_style.lineWidth(line.lineClass, zoom) > 0) {
            polylines[i] = tf.polygon(line.points);
        }
    }
    for (size_t i = 0; i < lines.size(); ++i) {
        const BasemapLine &line = data.lines()[lines[i]];
        const double width = m_style.lineWidth(line.lineClass, zoom);
        const double casing = m_style.casingWidth(line.lineClass, zoom);
        if (width <= 0 || casing <= 0 || line.tunnel) {
            continue;
        }
        painter.setPen(QPen(m_style.casingColor(line.lineClass),
                            (width + 2 * casing) * scale,
                            Qt::SolidLine,
                            Qt::RoundCap,
                            Qt::RoundJoin));
        painter.drawPolyline(polylines[i]);
    }
    for (size_t i = 0; i < lines.size(); ++i) {
        const BasemapLine &line = data.lines()[lines[i]];
        const double width = m_style.lineWidth(line.lineClass, zoom);
        if (width <= 0) {
            continue;
        }
        QColor color = m_style.lineColor(line.lineClass);
        if (line.tunnel) {
            color.setAlphaF(0.45f);
        }
        const bool dashed
            = m_style.isDashed(line.lineClass) && line.lineClass != BasemapLineClass::Railway;
        QPen pen(color,
                 width * scale,
                 dashed ? Qt::DashLine : Qt::SolidLine,
                 dashed ? Qt::FlatCap : Qt::RoundCap,
                 Qt::RoundJoin);
        if (dashed) {
            pen.setDashPattern({2.0, 1.5});
        }
        painter.setPen(pen);
        painter.drawPolyline(polylines[i]);
        if (line.lineClass == BasemapLineClass::Railway && zoom >= 15 && !line.tunnel) {
            QPen ties(Qt::white, width * 0.5 * scale, Qt::DashLine, Qt::FlatCap);
            ties.setDashPattern({4.0, 4.0});
            painter.setPen(ties);
            painter.drawPolyline(polylines[i]);
        }
    }

    // Labels: places first (most important first), then road names.
    LabelPlacer placer(QRectF(0, 0, size, size));
    painter.setPen(Qt::NoPen);
    for (const BasemapPlace &place : data.places()) {
        const int pixelSize = m_style.placeLabelPixelSize(place.rank, zoom);
        if (pixelSize <= 0) {
            continue;
        }
        const QPointF at = tf.toPx(place.position);
        if (at.x() < -size || at.y() < -size || at.x() > 2 * size || at.y() > 2 * size) {
            continue;
        }
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(pixelSize * scale);
        font.setBold(place.rank == 0);
        const QFontMetricsF metrics(font);
        const double textWidth = metrics.horizontalAdvance(place.name);
        const QPointF origin(at.x() - textWidth / 2, at.y() + metrics.ascent() / 2 - 1);
        const QRectF box(
            origin.x() - 2, origin.y() - metrics.ascent() - 2, textWidth + 4, metrics.height() + 4);
        if (!placer.take(box)) {
            continue;
        }
        QPainterPath path;
        path.addText(origin, font, place.name);
        drawHaloText(painter, path, m_style.labelColor(), m_style.labelHaloColor(), 3.0 * scale);
    }

    QFont roadFont(QStringLiteral("DejaVu Sans"));
    roadFont.setPixelSize(m_style.roadLabelPixelSize(zoom) * scale);
    const QFontMetricsF roadMetrics(roadFont);
    QStringList labelled;
    for (size_t n = lines.size(); n-- > 0;) { // major roads first
        const BasemapLine &line = data.lines()[lines[n]];
        if (line.name.isEmpty() || line.tunnel || zoom < m_style.roadLabelMinZoom(line.lineClass)
            || labelled.contains(line.name)) {
            continue;
        }
        const Run run = longestStraightRun(polylines[n]);
        const double textWidth = roadMetrics.horizontalAdvance(line.name);
        if (run.length < textWidth + 8 * scale) {
            continue;
        }
        QPointF from = run.from;
        QPointF to = run.to;
        if (to.x() < from.x()) {
            std::swap(from, to); // keep text upright
        }
        const QPointF mid = (from + to) / 2;
        const double angle
            = std::atan2(to.y() - from.y(), to.x() - from.x()) * 180.0 / std::numbers::pi;
        QTransform rotation;
        rotation.translate(mid.x(), mid.y());
        rotation.rotate(angle);
        QPainterPath path;
        path.addText(QPointF(-textWidth / 2, roadMetrics.ascent() / 2 - roadMetrics.descent() / 2),
                     roadFont,
                     line.name);
        const QPainterPath placed = rotation.map(path);
        if (!placer.take(placed.boundingRect().adjusted(-1, -1, 1, 1))) {
            continue;
        }
        labelled.append(line.name);
        drawHaloText(painter, placed, m_style.labelColor(), m_style.labelHaloColor(), 2.5 * scale);
    }
    painter.end();
    image.setDevicePixelRatio(scale);
    return image;
}

} // namespace infrasight::render
