// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/rectangleselecttool.h"

#include "ui/widgets/mapcanvas.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

namespace infrasight::ui {

RectangleSelectTool::RectangleSelectTool(MapCanvas *canvas)
    : MapTool(canvas)
{
    setObjectName(QStringLiteral("rectangleSelectTool"));
}

RectangleSelectTool::~RectangleSelectTool() = default;

bool RectangleSelectTool::mousePress(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        return false;
    }
    trackPress(event);
    m_dragging = true;
    m_startMeters = pressMeters();
    m_endMeters = m_startMeters;
    return true;
}

bool RectangleSelectTool::mouseMove(QMouseEvent *event)
{
    if (!m_dragging) {
        return false;
    }
    trackMove(event);
    m_endMeters = viewport().screenToMeters(event->position());
    if (canvas() != nullptr) {
        canvas()->update();
    }
    return true;
}

bool RectangleSelectTool::mouseRelease(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_dragging) {
        return false;
    }
    const bool click = trackRelease(event);
    const QPointF end = viewport().screenToMeters(event->position());
    const QPointF start = m_startMeters;
    cancel();
    if (click) {
        Q_EMIT pointSelected(start, toleranceMeters(), event->modifiers());
    } else {
        Q_EMIT rectangleSelected(QRectF(start, end).normalized(), event->modifiers());
    }
    return true;
}

bool RectangleSelectTool::keyPress(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_dragging) {
        cancel();
        return true;
    }
    return false;
}

void RectangleSelectTool::paint(QPainter &painter, const render::MapViewport &viewport) const
{
    if (!m_dragging || isClickPending() || canvas() == nullptr) {
        return;
    }
    const QRectF band
        = QRectF(viewport.metersToScreen(m_startMeters), viewport.metersToScreen(m_endMeters))
              .normalized();
    const QColor highlight = canvas()->palette().color(QPalette::Highlight);
    QColor fill = highlight;
    fill.setAlpha(50);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(QPen(highlight, 1.5, Qt::DashLine));
    painter.setBrush(fill);
    painter.drawRect(band);
}

QCursor RectangleSelectTool::cursor() const
{
    return Qt::CrossCursor;
}

void RectangleSelectTool::deactivate()
{
    cancel();
}

void RectangleSelectTool::cancel()
{
    resetClick();
    if (m_dragging) {
        m_dragging = false;
        if (canvas() != nullptr) {
            canvas()->update();
        }
    }
}

} // namespace infrasight::ui
