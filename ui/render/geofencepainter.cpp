// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/render/geofencepainter.h"

#include <QFontMetricsF>
#include <QPainter>

namespace infrasight::render {

QPainterPath GeofencePainter::path(const gis::MultiPolygon &shape, const MapViewport &view)
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (const gis::Polygon &polygon : shape.polygons) {
        for (const auto &ring : polygon.rings) {
            QPolygonF screen;
            screen.reserve(qsizetype(ring.size()));
            for (const QPointF &p : ring) {
                screen << view.lonLatToScreen({p.x(), p.y()});
            }
            path.addPolygon(screen);
            path.closeSubpath();
        }
    }
    return path;
}

void GeofencePainter::paint(QPainter &painter,
                            const MapViewport &view,
                            std::span<const GeofenceShape> fences,
                            qint64 skipId,
                            Names names)
{
    const QRectF screen(QPointF(0, 0), QSizeF(view.sizePx()));
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetricsF metrics(painter.font(), painter.device());
    for (const GeofenceShape &fence : fences) {
        if (fence.id == skipId) {
            continue;
        }
        const QPainterPath outline = path(fence.shape, view);
        const QRectF bounds = outline.boundingRect();
        if (!bounds.intersects(screen)) {
            continue;
        }
        QColor colour = fence.colour;
        painter.setPen(QPen(colour, 1.8, fence.active ? Qt::SolidLine : Qt::DashLine));
        colour.setAlpha(fence.active ? 38 : 18);
        painter.setBrush(colour);
        painter.drawPath(outline);
        // The name where the fence is wide enough for it, in the middle of what is in view.
        const QRectF shown = bounds.intersected(screen);
        if (names == Names::Shown && shown.width() > metrics.horizontalAdvance(fence.name) + 16
            && shown.height() > metrics.height() * 2) {
            painter.setPen(QPen(QColor(colour.red(), colour.green(), colour.blue()).darker(160)));
            painter.drawText(shown, Qt::AlignCenter, fence.name);
        }
    }
    painter.restore();
}

} // namespace infrasight::render
