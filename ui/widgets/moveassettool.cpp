// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/moveassettool.h"

#include "ui/widgets/mapcanvas.h"

#include <QKeyEvent>
#include <QLineF>
#include <QMouseEvent>
#include <QPainter>

#include <utility>

namespace infrasight::ui {

MoveAssetTool::MoveAssetTool(MapCanvas *canvas, Picker picker)
    : MapTool(canvas)
    , m_picker(std::move(picker))
{}

MoveAssetTool::~MoveAssetTool() = default;

bool MoveAssetTool::mousePress(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_picker) {
        return false;
    }
    const QPointF meters = viewport().screenToMeters(event->position());
    m_dragging = m_picker(meters, toleranceMeters());
    if (!m_dragging) {
        return false; // nothing to move here: the canvas pans
    }
    m_target = m_dragging->meters;
    return true;
}

bool MoveAssetTool::mouseMove(QMouseEvent *event)
{
    if (!m_dragging) {
        return false;
    }
    m_target = viewport().screenToMeters(event->position());
    if (MapCanvas *map = canvas()) {
        map->update();
    }
    return true;
}

bool MoveAssetTool::mouseRelease(QMouseEvent *event)
{
    if (!m_dragging || event->button() != Qt::LeftButton) {
        return false;
    }
    const Pick picked = *std::exchange(m_dragging, std::nullopt);
    m_target = viewport().screenToMeters(event->position());
    const render::MapViewport view = viewport();
    const double movedPx
        = QLineF(view.metersToScreen(picked.meters), view.metersToScreen(m_target)).length();
    if (movedPx >= ClickDistancePx) {
        Q_EMIT moveRequested(picked.id, picked.meters, m_target);
    }
    if (MapCanvas *map = canvas()) {
        map->update();
    }
    return true;
}

bool MoveAssetTool::keyPress(QKeyEvent *event)
{
    if (event->key() != Qt::Key_Escape || !m_dragging) {
        return false;
    }
    deactivate();
    return true;
}

void MoveAssetTool::paint(QPainter &painter, const render::MapViewport &viewport) const
{
    if (!m_dragging) {
        return;
    }
    const QPointF from = viewport.metersToScreen(m_dragging->meters);
    const QPointF to = viewport.metersToScreen(m_target);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(40, 40, 40, 200), 1.5, Qt::DashLine));
    painter.drawLine(from, to);
    painter.setPen(QPen(QColor(255, 170, 0), 2.5));
    painter.setBrush(QColor(255, 170, 0, 90));
    painter.drawEllipse(to, 9.0, 9.0);
    painter.restore();
}

QCursor MoveAssetTool::cursor() const
{
    return QCursor(Qt::SizeAllCursor);
}

void MoveAssetTool::deactivate()
{
    m_dragging.reset();
    if (MapCanvas *map = canvas()) {
        map->update();
    }
}

} // namespace infrasight::ui
