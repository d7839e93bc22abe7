// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/maptool.h"

#include "ui/widgets/mapcanvas.h"

#include <QMouseEvent>

#include <cmath>

namespace infrasight::ui {

MapTool::MapTool(MapCanvas *canvas)
    : QObject(canvas)
    , m_canvas(canvas)
{}

MapTool::~MapTool() = default;

MapCanvas *MapTool::canvas() const
{
    return m_canvas.data();
}

bool MapTool::mousePress(QMouseEvent * /*event*/)
{
    return false;
}

bool MapTool::mouseMove(QMouseEvent * /*event*/)
{
    return false;
}

bool MapTool::mouseRelease(QMouseEvent * /*event*/)
{
    return false;
}

bool MapTool::mouseDoubleClick(QMouseEvent * /*event*/)
{
    return false;
}

bool MapTool::keyPress(QKeyEvent * /*event*/)
{
    return false;
}

void MapTool::paint(QPainter & /*painter*/, const render::MapViewport & /*viewport*/) const
{}

QCursor MapTool::cursor() const
{
    return Qt::OpenHandCursor;
}

void MapTool::activate()
{}

void MapTool::deactivate()
{
    resetClick();
}

double MapTool::toleranceMeters() const
{
    return TolerancePx * viewport().metersPerPixel();
}

render::MapViewport MapTool::viewport() const
{
    return m_canvas ? m_canvas->viewport() : render::MapViewport();
}

void MapTool::trackPress(const QMouseEvent *event)
{
    m_pressed = true;
    m_dragged = false;
    m_pressPosition = event->position();
    m_pressMeters = viewport().screenToMeters(m_pressPosition);
}

void MapTool::trackMove(const QMouseEvent *event)
{
    if (m_pressed && !m_dragged) {
        const QPointF moved = event->position() - m_pressPosition;
        m_dragged = std::hypot(moved.x(), moved.y()) > ClickDistancePx;
    }
}

bool MapTool::trackRelease(const QMouseEvent *event)
{
    trackMove(event);
    const bool click = m_pressed && !m_dragged;
    resetClick();
    return click;
}

void MapTool::resetClick()
{
    m_pressed = false;
    m_dragged = false;
}

} // namespace infrasight::ui
