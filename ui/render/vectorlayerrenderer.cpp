// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/render/vectorlayerrenderer.h"

#include "ui/render/symbolatlas.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace infrasight::render {

namespace {

using gis::FeatureBlock;
using gis::FeatureKind;

/// How many features are drawn between two looks at the cancel flag.
constexpr qsizetype CancelCheckInterval = 4096;
/// Lines and polygons smaller than this (screen pixels both ways) are drawn as a dot.
constexpr double SmallShapePx = 1.5;
/// With more lines or polygons than this in view, strokes are one device pixel wide: a dense view
/// cannot show wider strokes apart anyway, and one pixel is drawn several times faster.
constexpr double DenseShapeCount = 20000;
/// Stroke segments drawn with one drawLines() call at most.
constexpr size_t SegmentBatch = 4096;
/// The point grid: cells of a third of the symbol, never below 2 px.
constexpr double PointCellsPerSymbol = 3.0;
constexpr double MinPointCellPx = 2.0;
/// Consecutive vertices closer than this (screen pixels, Manhattan) are merged.
constexpr double VertexTolerancePx = 0.5;
/// Cluster disc radius for 2 members and for 100 000 or more (logical pixels).
constexpr int MinClusterRadius = 12;
constexpr int MaxClusterRadius = 28;
constexpr double ClusterRadiusFullCountLog10 = 5.0;
/// The selection halo around points: ring radius and pen width; the stroke along lines and
/// polygon outlines (logical pixels).
constexpr double HaloRadius = 13.0;
constexpr double HaloWidth = 3.0;
constexpr double HighlightStrokeWidth = 7.0;
constexpr int HighlightStrokeAlpha = 130;
/// Extra room around the view for wide strokes and halos (logical pixels).
constexpr double StrokeMarginPx = 16.0;

bool isCancelled(const std::atomic_bool *cancel)
{
    return cancel != nullptr && cancel->load(std::memory_order_relaxed);
}

/// metres -> logical screen pixels as one affine map, so the hot loops do two multiply-adds
/// per position instead of a MapViewport::metersToScreen() call.
struct ScreenTransform
{
    double scaleX = 1.0;
    double scaleY = 1.0;
    double offsetX = 0.0;
    double offsetY = 0.0;

    explicit ScreenTransform(const MapViewport &viewport)
    {
        // Derived from metersToScreen() itself, so it cannot drift from the viewport's maths.
        constexpr double step = 1000.0;
        const QPointF center = viewport.centerMeters();
        const QPointF origin = viewport.metersToScreen(center);
        const QPointF east = viewport.metersToScreen(center + QPointF(step, 0.0));
        const QPointF north = viewport.metersToScreen(center + QPointF(0.0, step));
        scaleX = (east.x() - origin.x()) / step;
        scaleY = (north.y() - origin.y()) / step;
        offsetX = origin.x() - scaleX * center.x();
        offsetY = origin.y() - scaleY * center.y();
    }

    QPointF map(QPointF meters) const
    {
        return {meters.x() * scaleX + offsetX, meters.y() * scaleY + offsetY};
    }
};

/// The visible area in metres grown by marginPx on every side.
gis::BoundingBox viewBounds(const MapViewport &viewport, double marginPx)
{
    const QRectF extent = viewport.extentMeters().normalized();
    const double margin = marginPx * viewport.metersPerPixel();
    gis::BoundingBox box;
    box.extend(extent.topLeft() - QPointF(margin, margin));
    box.extend(extent.bottomRight() + QPointF(margin, margin));
    return box;
}

/// About how many features of blocks lie in view, assuming each block's features spread evenly
/// over its bounds.
double estimatedFeaturesInView(const QList<FeatureBlock> &blocks, const gis::BoundingBox &view)
{
    double features = 0;
    for (const FeatureBlock &block : blocks) {
        const gis::BoundingBox &bounds = block.bounds();
        if (!bounds.intersects(view)) {
            continue;
        }
        const double width = std::min(bounds.maxX, view.maxX) - std::max(bounds.minX, view.minX);
        const double height = std::min(bounds.maxY, view.maxY) - std::max(bounds.minY, view.minY);
        const double area = bounds.width() * bounds.height();
        features += area > 0 ? double(block.size()) * std::clamp(width * height / area, 0.0, 1.0)
                             : double(block.size());
    }
    return features;
}

QString clusterLabel(int count)
{
    if (count < 1000) {
        return QString::number(count);
    }
    const bool millions = count >= 1'000'000;
    const double value = millions ? count / 1e6 : count / 1e3;
    const QChar unit = millions ? QLatin1Char('M') : QLatin1Char('k');
    // "1.2k", "12k", "250k", "1.5M": one decimal only while it fits in three characters.
    const QString number = value < 10.0 ? QString::number(value, 'f', 1)
                                        : QString::number(std::floor(value), 'f', 0);
    return (number.endsWith(QLatin1String(".0")) ? number.chopped(2) : number) + unit;
}

int clusterRadius(int count)
{
    const double share = std::clamp(
        std::log10(double(std::max(count, 1))) / ClusterRadiusFullCountLog10, 0.0, 1.0);
    return MinClusterRadius + int(std::lround(share * (MaxClusterRadius - MinClusterRadius)));
}

/// Screen positions of one part, with vertices closer than VertexTolerancePx merged, and their
/// screen bounds.
struct ScreenPart
{
    std::vector<QPointF> points;
    QRectF bounds;
};

/// The drawing state of one paint() call.
class LayerPainter
{
public:
    LayerPainter(QPainter &painter,
                 const MapViewport &viewport,
                 const LayerStyle &style,
                 const std::atomic_bool *cancel,
                 bool dedupe,
                 bool dense)
        : m_painter(painter)
        , m_style(style)
        , m_transform(viewport)
        , m_cancel(cancel)
        , m_dedupe(dedupe)
        , m_dense(dense)
        , m_dpr(viewport.devicePixelRatio())
    {
        const QSizeF size = viewport.sizePx();
        m_screen = QRectF(QPointF(0, 0), size);
    }

    /// Draws what paintBlock() collected (the points).
    bool finish() { return m_grid.empty() || drawCollectedPoints(); }

    bool paintBlock(const FeatureBlock &block)
    {
        switch (block.kind()) {
        case FeatureKind::Point:
            return collectPoints(block);
        case FeatureKind::Line:
        case FeatureKind::Polygon:
            return paintShapes(block);
        case FeatureKind::Cluster:
            return paintClusters(block);
        }
        return true;
    }

private:
    /// The sprite for a feature colour; the few colours a layer uses are looked up once.
    const QImage &sprite(gis::AssetStatus status, std::uint8_t condition)
    {
        size_t slot = 0;
        if (m_style.colorBy == LayerStyle::ColorBy::Status) {
            slot = std::min(size_t(status), m_sprites.size() - 1);
        } else if (m_style.colorBy == LayerStyle::ColorBy::Condition) {
            slot = std::min(size_t(condition), m_sprites.size() - 1);
        }
        QImage &image = m_sprites[slot];
        if (image.isNull()) {
            image = SymbolAtlas::instance().symbol(
                m_style.symbol, m_style.featureColor(status, condition), m_style.symbolSize, m_dpr);
        }
        return image;
    }

    void drawSprite(QPointF screen, const QImage &image, double half)
    {
        // Whole pixels keep drawImage on the raster engine's plain blend path.
        m_painter.drawImage(QPointF(std::round(screen.x() - half), std::round(screen.y() - half)),
                            image);
    }

    /// Points go into a screen grid first (one sprite per cell: the last one, or a faulty one),
    /// and the grid is drawn in row order afterwards, faulty assets last (on top). A sprite that
    /// shares its cell with a later one would be almost hidden by it anyway; skipping it caps the
    /// sprites per frame at the number of cells however many points the view holds, and drawing in
    /// row order keeps the blending inside the caches. Both make dense views an order of magnitude
    /// faster.
    bool collectPoints(const FeatureBlock &block)
    {
        if (m_grid.empty()) {
            const double half = m_style.symbolSize / 2.0;
            m_cellSize = std::max(MinPointCellPx, m_style.symbolSize / PointCellsPerSymbol);
            m_gridOrigin = QPointF(-half, -half);
            m_gridColumns = int(std::ceil((m_screen.width() + 2 * half) / m_cellSize));
            m_gridRows = int(std::ceil((m_screen.height() + 2 * half) / m_cellSize));
            m_grid.assign(size_t(m_gridColumns) * size_t(m_gridRows), EmptyCell);
            m_gridFaulty.assign(m_grid.size(), 0);
        }
        const qint64 blockIndex = qint64(m_pointBlocks.size());
        m_pointBlocks.push_back(block);
        const double scale = 1.0 / m_cellSize;
        const qsizetype n = block.size();
        for (qsizetype i = 0; i < n; ++i) {
            if (i % CancelCheckInterval == 0 && isCancelled(m_cancel)) {
                return false;
            }
            const QPointF screen = m_transform.map(block.point(i));
            const double column = (screen.x() - m_gridOrigin.x()) * scale;
            const double row = (screen.y() - m_gridOrigin.y()) * scale;
            // Checked before the conversion, so truncation is floor (and no libm call).
            if (!(column >= 0 && row >= 0 && column < m_gridColumns && row < m_gridRows)) {
                continue;
            }
            const size_t cell = size_t(row) * size_t(m_gridColumns) + size_t(column);
            const bool faulty = block.status(i) == gis::AssetStatus::Faulty;
            if (m_gridFaulty[cell] != 0 && !faulty) {
                continue; // a faulty asset is never hidden under a healthy one
            }
            m_grid[cell] = (blockIndex << 32) | qint64(i);
            m_gridFaulty[cell] = faulty ? 1 : 0;
        }
        return true;
    }

    /// Healthy assets first, faulty ones in a second pass on top of them.
    bool drawCollectedPoints()
    {
        const double half = m_style.symbolSize / 2.0;
        const size_t cells = m_grid.size();
        for (size_t pass = 0; pass < 2 * cells; ++pass) {
            if (pass % CancelCheckInterval == 0 && isCancelled(m_cancel)) {
                return false;
            }
            const size_t cell = pass % cells;
            const qint64 entry = m_grid[cell];
            if (entry == EmptyCell || m_gridFaulty[cell] != std::uint8_t(pass >= cells)) {
                continue;
            }
            const FeatureBlock &block = m_pointBlocks[size_t(entry >> 32)];
            const qsizetype i = qsizetype(entry & 0xffffffff);
            drawSprite(
                m_transform.map(block.point(i)), sprite(block.status(i), block.condition(i)), half);
        }
        return true;
    }

    bool paintClusters(const FeatureBlock &block)
    {
        const double half = m_style.symbolSize / 2.0;
        const QRectF visible = m_screen.adjusted(
            -MaxClusterRadius, -MaxClusterRadius, MaxClusterRadius, MaxClusterRadius);
        QFont font = m_painter.font();
        font.setPixelSize(11);
        font.setBold(true);
        m_painter.setFont(font);
        m_painter.setPen(Qt::white);
        for (qsizetype i = 0; i < block.size(); ++i) {
            if (i % CancelCheckInterval == 0 && isCancelled(m_cancel)) {
                return false;
            }
            const QPointF screen = m_transform.map(block.point(i));
            if (!visible.contains(screen)) {
                continue;
            }
            const int count = block.clusterCount(i);
            const int faulty = block.clusterFaultyCount(i);
            if (count <= 1) {
                drawSprite(
                    screen,
                    sprite(faulty > 0 ? gis::AssetStatus::Faulty : gis::AssetStatus::Active, 0),
                    half);
                continue;
            }
            const int radius = clusterRadius(count);
            drawSprite(
                screen, SymbolAtlas::instance().clusterDisc(radius, faulty > 0, m_dpr), radius);
            const QRectF disc(std::round(screen.x()) - radius,
                              std::round(screen.y()) - radius,
                              2.0 * radius,
                              2.0 * radius);
            m_painter.drawText(disc, Qt::AlignCenter, clusterLabel(count));
        }
        return true;
    }

    /// Maps part p of feature i into part; false if it has no positions.
    bool mapPart(const FeatureBlock &block, qsizetype i, int p, ScreenPart &part) const
    {
        part.points.clear();
        const std::span<const QPointF> positions = block.part(i, p);
        if (positions.empty()) {
            return false;
        }
        QPointF last = m_transform.map(positions.front());
        part.points.push_back(last);
        double minX = last.x();
        double maxX = minX;
        double minY = last.y();
        double maxY = minY;
        const size_t lastIndex = positions.size() - 1;
        for (size_t k = 1; k <= lastIndex; ++k) {
            const QPointF screen = m_transform.map(positions[k]);
            if (k != lastIndex
                && std::abs(screen.x() - last.x()) + std::abs(screen.y() - last.y())
                       < VertexTolerancePx) {
                continue;
            }
            part.points.push_back(screen);
            last = screen;
            minX = std::min(minX, screen.x());
            maxX = std::max(maxX, screen.x());
            minY = std::min(minY, screen.y());
            maxY = std::max(maxY, screen.y());
        }
        part.bounds = QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
        return true;
    }

    /// The stroke of lines and polygon outlines in color.
    QPen strokePen(const QColor &color, bool segments) const
    {
        // Cosmetic widths are device pixels. One device pixel takes the raster engine's
        // cosmetic stroker, several times faster than any wider pen.
        QPen pen(color,
                 m_dense ? 1.0 : m_style.lineWidth * m_dpr,
                 m_style.lineStyle,
                 segments ? Qt::SquareCap : Qt::RoundCap,
                 Qt::RoundJoin);
        pen.setCosmetic(true);
        return pen;
    }

    /// Solid opaque strokes are drawn as batches of separate segments with square caps (the
    /// caps fill the joins): drawLines() rasterises segments directly, 4-6x faster than
    /// stroking a polyline with joins. Dashes and translucent strokes need real polylines.
    bool strokesAsSegments(const QColor &color) const
    {
        return m_style.lineStyle == Qt::SolidLine && color.alpha() == 255;
    }

    void addSegments(const std::vector<QPointF> &points, const QColor &color, bool closed)
    {
        if (color != m_segmentColor) {
            flushSegments();
            m_segmentColor = color;
        }
        for (size_t k = 1; k < points.size(); ++k) {
            m_segments.emplace_back(points[k - 1], points[k]);
        }
        if (closed && points.size() > 2 && points.back() != points.front()) {
            m_segments.emplace_back(points.back(), points.front());
        }
        if (m_segments.size() >= SegmentBatch) {
            flushSegments();
        }
    }

    void flushSegments()
    {
        if (m_segments.empty()) {
            return;
        }
        m_painter.setPen(strokePen(m_segmentColor, true));
        m_painter.drawLines(m_segments.data(), int(m_segments.size()));
        m_segments.clear();
        if (m_fillsWithoutPen) {
            m_painter.setPen(Qt::NoPen);
        }
    }

    void strokePolyline(const std::vector<QPointF> &points, const QColor &color, bool closed)
    {
        if (strokesAsSegments(color)) {
            addSegments(points, color, closed);
            return;
        }
        flushSegments();
        m_painter.setPen(strokePen(color, false));
        if (closed) {
            m_painter.setBrush(Qt::NoBrush);
            m_painter.drawPolygon(points.data(), int(points.size()));
            m_painter.setBrush(m_fill);
        } else {
            m_painter.drawPolyline(points.data(), int(points.size()));
        }
        if (m_fillsWithoutPen) {
            m_painter.setPen(Qt::NoPen);
        }
    }

    void fillPolygon(qsizetype mapped, const QColor &fill)
    {
        if (fill.alpha() == 0) {
            return;
        }
        if (fill != m_fill) {
            m_fill = fill;
            m_painter.setBrush(fill);
        }
        if (mapped == 1) {
            const std::vector<QPointF> &points = m_parts[0].points;
            m_painter.drawPolygon(points.data(), int(points.size()), Qt::OddEvenFill);
            return;
        }
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        for (qsizetype p = 0; p < mapped; ++p) {
            const std::vector<QPointF> &points = m_parts[size_t(p)].points;
            path.moveTo(points.front());
            for (size_t k = 1; k < points.size(); ++k) {
                path.lineTo(points[k]);
            }
            path.closeSubpath();
        }
        m_painter.drawPath(path);
    }

    bool paintShapes(const FeatureBlock &block)
    {
        const bool polygon = block.kind() == FeatureKind::Polygon;
        const double margin = m_style.lineWidth + 1.0;
        const QRectF visible = m_screen.adjusted(-margin, -margin, margin, margin);
        m_painter.setRenderHint(QPainter::Antialiasing);
        // Polygons fill with no pen; their outlines go through strokePolyline().
        m_fillsWithoutPen = polygon;
        m_fill = QColor();
        m_painter.setBrush(Qt::NoBrush);
        if (polygon) {
            m_painter.setPen(Qt::NoPen);
        }
        const qsizetype n = block.size();
        for (qsizetype i = 0; i < n; ++i) {
            if (i % CancelCheckInterval == 0 && isCancelled(m_cancel)) {
                return false;
            }
            const int partCount = block.partCount(i);
            if (m_parts.size() < size_t(partCount)) {
                m_parts.resize(size_t(partCount));
            }
            QRectF bounds;
            int mapped = 0;
            for (int p = 0; p < partCount; ++p) {
                if (mapPart(block, i, p, m_parts[size_t(mapped)])) {
                    bounds = mapped == 0 ? m_parts[0].bounds
                                         : bounds.united(m_parts[size_t(mapped)].bounds);
                    ++mapped;
                }
            }
            // QRectF::intersects() is false for zero-size rects: compare edges instead.
            if (mapped == 0 || bounds.right() < visible.left() || bounds.left() > visible.right()
                || bounds.bottom() < visible.top() || bounds.top() > visible.bottom()) {
                continue;
            }
            if (m_dedupe) {
                const qint64 id = block.id(i);
                if (m_drawn.contains(id)) {
                    continue;
                }
                m_drawn.insert(id);
            }
            const QColor color = m_style.featureColor(block.status(i), block.condition(i));
            if (bounds.width() < SmallShapePx && bounds.height() < SmallShapePx) {
                // Too small to show its shape: a one-pixel dot keeps it visible.
                m_painter.fillRect(
                    QRectF(
                        std::floor(bounds.center().x()), std::floor(bounds.center().y()), 1.0, 1.0),
                    polygon && m_style.colorBy == LayerStyle::ColorBy::Fixed ? m_style.color
                                                                             : color);
                continue;
            }
            const bool fixed = m_style.colorBy == LayerStyle::ColorBy::Fixed;
            const QColor stroke = fixed ? m_style.color : color;
            if (polygon) {
                QColor fill = m_style.fillColor;
                if (!fixed) {
                    fill = color;
                    fill.setAlpha(m_style.fillColor.alpha());
                }
                fillPolygon(mapped, fill);
            }
            for (int p = 0; p < mapped; ++p) {
                strokePolyline(m_parts[size_t(p)].points, stroke, polygon);
            }
        }
        flushSegments();
        return true;
    }

    QPainter &m_painter;
    const LayerStyle &m_style;
    ScreenTransform m_transform;
    const std::atomic_bool *m_cancel;
    bool m_dedupe;
    bool m_dense;
    qreal m_dpr;
    QRectF m_screen;
    std::array<QImage, gis::AssetStatusCount> m_sprites;
    std::vector<ScreenPart> m_parts;
    QSet<qint64> m_drawn;
    std::vector<QLineF> m_segments;
    QColor m_segmentColor;
    QColor m_fill;
    bool m_fillsWithoutPen = false;
    /// The point grid: per cell (block index << 32 | feature index) or EmptyCell.
    static constexpr qint64 EmptyCell = -1;
    std::vector<qint64> m_grid;
    std::vector<std::uint8_t> m_gridFaulty;
    std::vector<FeatureBlock> m_pointBlocks;
    QPointF m_gridOrigin;
    double m_cellSize = 1.0;
    int m_gridColumns = 0;
    int m_gridRows = 0;
};

} // namespace

QImage VectorLayerRenderer::render(const MapViewport &viewport,
                                   const QList<gis::FeatureBlock> &blocks,
                                   const LayerStyle &style,
                                   const std::atomic_bool *cancel)
{
    const qreal dpr = viewport.devicePixelRatio();
    const QSize size(int(std::ceil(viewport.sizePx().width() * dpr)),
                     int(std::ceil(viewport.sizePx().height() * dpr)));
    if (size.isEmpty()) {
        return {};
    }
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        return {}; // out of memory (MapRenderer::renderLayer() reports it)
    }
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    if (!paint(painter, viewport, blocks, style, cancel)) {
        return {};
    }
    painter.end();
    return image;
}

bool VectorLayerRenderer::paint(QPainter &painter,
                                const MapViewport &viewport,
                                const QList<gis::FeatureBlock> &blocks,
                                const LayerStyle &style,
                                const std::atomic_bool *cancel)
{
    if (isCancelled(cancel)) {
        return false;
    }
    const double marginPx
        = std::max({style.symbolSize, double(MaxClusterRadius), style.lineWidth}) + 1.0;
    const gis::BoundingBox view = viewBounds(viewport, marginPx);
    painter.save();
    LayerPainter layer(painter,
                       viewport,
                       style,
                       cancel,
                       blocks.size() > 1,
                       estimatedFeaturesInView(blocks, view) > DenseShapeCount);
    bool finished = true;
    for (const gis::FeatureBlock &block : blocks) {
        if (!block.bounds().intersects(view)) {
            continue;
        }
        if (!layer.paintBlock(block)) {
            finished = false;
            break;
        }
    }
    finished = finished && layer.finish();
    painter.restore();
    return finished && !isCancelled(cancel);
}

void VectorLayerRenderer::paintHighlight(QPainter &painter,
                                         const MapViewport &viewport,
                                         const QList<gis::FeatureBlock> &blocks,
                                         const QSet<qint64> &ids,
                                         const QColor &color)
{
    if (ids.isEmpty()) {
        return;
    }
    const ScreenTransform transform(viewport);
    const gis::BoundingBox view = viewBounds(viewport, HaloRadius + StrokeMarginPx);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const QPen halo(color, HaloWidth);
    QColor strokeColor = color;
    strokeColor.setAlpha(HighlightStrokeAlpha);
    const QPen stroke(
        strokeColor, HighlightStrokeWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter.setBrush(Qt::NoBrush);
    QSet<qint64> drawn;
    std::vector<QPointF> points;
    for (const gis::FeatureBlock &block : blocks) {
        if (block.kind() == FeatureKind::Cluster || !block.bounds().intersects(view)) {
            continue;
        }
        for (qsizetype i = 0; i < block.size(); ++i) {
            const qint64 id = block.id(i);
            if (!ids.contains(id) || drawn.contains(id)) {
                continue;
            }
            drawn.insert(id);
            if (block.kind() == FeatureKind::Point) {
                painter.setPen(halo);
                painter.drawEllipse(transform.map(block.point(i)), HaloRadius, HaloRadius);
                continue;
            }
            painter.setPen(stroke);
            for (int p = 0; p < block.partCount(i); ++p) {
                points.clear();
                for (const QPointF &meters : block.part(i, p)) {
                    points.push_back(transform.map(meters));
                }
                if (block.kind() == FeatureKind::Polygon) {
                    painter.drawPolygon(points.data(), int(points.size()));
                } else {
                    painter.drawPolyline(points.data(), int(points.size()));
                }
            }
        }
    }
    painter.restore();
}

} // namespace infrasight::render
