// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/render/vectorlayerrenderer.h"

#include "ui/render/symbolatlas.h"

#include <QPainter>
#include <QPainterPath>

#include <array>
#include <cmath>
#include <vector>

namespace infrasight::render {

namespace {

using gis::FeatureBlock;
using gis::FeatureKind;

/// How many features are drawn between two looks at the cancel flag.
constexpr qsizetype CancelCheckInterval = 4096;
/// Consecutive vertices closer than this (screen pixels, Manhattan) are merged.
constexpr double VertexTolerancePx = 0.5;
/// Cluster disc radius for 2 members and for 100 000 or more (logical pixels).
constexpr int MinClusterRadius = 12;
constexpr int MaxClusterRadius = 28;
constexpr double ClusterRadiusFullCountLog10 = 5.0;
/// The selection halo around points (logical pixels beyond the default symbol radius).
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
                 bool dedupe)
        : m_painter(painter)
        , m_style(style)
        , m_transform(viewport)
        , m_cancel(cancel)
        , m_dedupe(dedupe)
        , m_dpr(viewport.devicePixelRatio())
    {
        const QSizeF size = viewport.sizePx();
        m_screen = QRectF(QPointF(0, 0), size);
    }

    bool paintBlock(const FeatureBlock &block)
    {
        switch (block.kind()) {
        case FeatureKind::Point:
            return paintPoints(block);
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

    bool paintPoints(const FeatureBlock &block)
    {
        const double size = m_style.symbolSize;
        const double half = size / 2.0;
        const QRectF visible = m_screen.adjusted(-half, -half, half, half);
        const qsizetype n = block.size();
        for (qsizetype i = 0; i < n; ++i) {
            if (i % CancelCheckInterval == 0 && isCancelled(m_cancel)) {
                return false;
            }
            const QPointF screen = m_transform.map(block.point(i));
            if (!visible.contains(screen)) {
                continue;
            }
            drawSprite(screen, sprite(block.status(i), block.condition(i)), half);
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

    void applyShapeStyle(const QColor &color, bool polygon)
    {
        if (color == m_currentColor) {
            return;
        }
        m_currentColor = color;
        const bool fixed = m_style.colorBy == LayerStyle::ColorBy::Fixed;
        QPen pen(fixed ? m_style.color : color,
                 m_style.lineWidth * m_dpr,
                 m_style.lineStyle,
                 Qt::RoundCap,
                 Qt::RoundJoin);
        pen.setCosmetic(true);
        m_painter.setPen(pen);
        if (polygon) {
            QColor fill = m_style.fillColor;
            if (!fixed) {
                fill = color;
                fill.setAlpha(m_style.fillColor.alpha());
            }
            m_painter.setBrush(fill);
        } else {
            m_painter.setBrush(Qt::NoBrush);
        }
    }

    bool paintShapes(const FeatureBlock &block)
    {
        const bool polygon = block.kind() == FeatureKind::Polygon;
        const double margin = m_style.lineWidth + 1.0;
        const QRectF visible = m_screen.adjusted(-margin, -margin, margin, margin);
        m_currentColor = QColor();
        m_painter.setRenderHint(QPainter::Antialiasing);
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
            if (bounds.width() < 1.0 && bounds.height() < 1.0) {
                // Too small to show its shape: a one-pixel dot keeps it visible.
                m_painter.fillRect(
                    QRectF(
                        std::floor(bounds.center().x()), std::floor(bounds.center().y()), 1.0, 1.0),
                    polygon && m_style.colorBy == LayerStyle::ColorBy::Fixed ? m_style.color
                                                                             : color);
                continue;
            }
            applyShapeStyle(color, polygon);
            if (!polygon) {
                for (int p = 0; p < mapped; ++p) {
                    const std::vector<QPointF> &points = m_parts[size_t(p)].points;
                    m_painter.drawPolyline(points.data(), int(points.size()));
                }
            } else if (mapped == 1) {
                const std::vector<QPointF> &points = m_parts[0].points;
                m_painter.drawPolygon(points.data(), int(points.size()), Qt::OddEvenFill);
            } else {
                QPainterPath path;
                path.setFillRule(Qt::OddEvenFill);
                for (int p = 0; p < mapped; ++p) {
                    const std::vector<QPointF> &points = m_parts[size_t(p)].points;
                    path.moveTo(points.front());
                    for (size_t k = 1; k < points.size(); ++k) {
                        path.lineTo(points[k]);
                    }
                    path.closeSubpath();
                }
                m_painter.drawPath(path);
            }
        }
        return true;
    }

    QPainter &m_painter;
    const LayerStyle &m_style;
    ScreenTransform m_transform;
    const std::atomic_bool *m_cancel;
    bool m_dedupe;
    qreal m_dpr;
    QRectF m_screen;
    std::array<QImage, gis::AssetStatusCount> m_sprites;
    std::vector<ScreenPart> m_parts;
    QSet<qint64> m_drawn;
    QColor m_currentColor;
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
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
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
    LayerPainter layer(painter, viewport, style, cancel, blocks.size() > 1);
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
