// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/render/alarmmarkerpainter.h"

#include <QColor>
#include <QLineF>
#include <QPainter>
#include <QPen>
#include <QPolygonF>

namespace infrasight::render {

namespace {

const QColor CriticalColor(0xd0, 0x21, 0x21);
const QColor WarningColor(0xf0, 0xa0, 0x20);

QPolygonF shape(QPointF center, bool critical)
{
    const double r = AlarmMarkerPainter::RadiusPx;
    if (critical) {
        return QPolygonF(
            {center + QPointF(0, -r), center + QPointF(r, r * 0.8), center + QPointF(-r, r * 0.8)});
    }
    return QPolygonF({center + QPointF(0, -r),
                      center + QPointF(r, 0),
                      center + QPointF(0, r),
                      center + QPointF(-r, 0)});
}

} // namespace

void AlarmMarkerPainter::paint(QPainter &painter,
                               const MapViewport &viewport,
                               std::span<const AlarmMarker> markers)
{
    const QRectF visible = QRectF(QPointF(0, 0), viewport.sizePx())
                               .adjusted(-RadiusPx, -RadiusPx, RadiusPx, RadiusPx);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    for (const bool critical : {false, true}) {
        for (const AlarmMarker &marker : markers) {
            if (marker.critical != critical) {
                continue;
            }
            const QPointF at = viewport.metersToScreen(marker.meters);
            if (!visible.contains(at)) {
                continue;
            }
            const QColor color = critical ? CriticalColor : WarningColor;
            // A white halo keeps the marker readable over any basemap.
            painter.setPen(QPen(Qt::white, 4.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter.setBrush(Qt::NoBrush);
            painter.drawPolygon(shape(at, critical));
            painter.setPen(QPen(color, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter.setBrush(marker.acknowledged ? QBrush(Qt::white) : QBrush(color));
            painter.drawPolygon(shape(at, critical));
        }
    }
    painter.restore();
}

std::optional<AlarmMarker> AlarmMarkerPainter::hit(const MapViewport &viewport,
                                                   std::span<const AlarmMarker> markers,
                                                   QPointF screen)
{
    std::optional<AlarmMarker> best;
    double bestDistance = RadiusPx;
    for (const AlarmMarker &marker : markers) {
        const double distance = QLineF(viewport.metersToScreen(marker.meters), screen).length();
        const bool better
            = distance <= bestDistance && (!best || marker.critical || !best->critical);
        if (better) {
            bestDistance = distance;
            best = marker;
        }
    }
    return best;
}

} // namespace infrasight::render
