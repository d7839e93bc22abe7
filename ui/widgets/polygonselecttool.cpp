// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/polygonselecttool.h"

#include "ui/widgets/mapcanvas.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

#include <cmath>

namespace infrasight::ui {

namespace {

constexpr int VertexMarkerPx = 3;

} // namespace

PolygonSelectTool::PolygonSelectTool(MapCanvas *canvas)
    : MapTool(canvas)
{
    setObjectName(QStringLiteral("polygonSelectTool"));
}

PolygonSelectTool::~PolygonSelectTool() = default;

bool PolygonSelectTool::mousePress(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        trackPress(event);
    }
    return false; // the canvas pans if this turns into a drag
}

bool PolygonSelectTool::mouseMove(QMouseEvent *event)
{
    trackMove(event);
    m_cursorMeters = viewport().screenToMeters(event->position());
    m_hasCursor = true;
    if (!m_vertices.isEmpty()) {
        repaint(); // the rubber line follows the cursor
    }
    return false;
}

bool PolygonSelectTool::mouseRelease(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !trackRelease(event)) {
        return false;
    }
    // The point pressed (the map followed the mouse if the canvas panned by a pixel or two).
    const render::MapViewport view = viewport();
    const QPointF vertex = pressMeters();
    bool add = true;
    if (!m_vertices.isEmpty()) {
        const QPointF fromLast
            = view.metersToScreen(vertex) - view.metersToScreen(m_vertices.last());
        add = std::hypot(fromLast.x(), fromLast.y()) > ClickDistancePx;
    }
    if (add) {
        m_vertices.append(vertex);
        m_cursorMeters = vertex;
        m_hasCursor = true;
        repaint();
    }
    return false;
}

bool PolygonSelectTool::mouseDoubleClick(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_vertices.isEmpty()) {
        return false; // nothing drawn: the canvas zooms in
    }
    // The first click of the double-click placed the last vertex; the second press must not
    // add another one when its release comes.
    resetClick();
    close(event->modifiers());
    return true;
}

bool PolygonSelectTool::keyPress(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        // Fewer than three vertices: nothing to close yet, but the key was meant for the tool.
        return close(event->modifiers()) || !m_vertices.isEmpty();
    case Qt::Key_Backspace:
        if (m_vertices.isEmpty()) {
            return false;
        }
        m_vertices.removeLast();
        repaint();
        return true;
    case Qt::Key_Escape:
        if (m_vertices.isEmpty()) {
            return false;
        }
        cancel();
        return true;
    default:
        return false;
    }
}

void PolygonSelectTool::paint(QPainter &painter, const render::MapViewport &viewport) const
{
    if (m_vertices.isEmpty() || canvas() == nullptr) {
        return;
    }
    QPolygonF outline;
    for (const QPointF &vertex : m_vertices) {
        outline.append(viewport.metersToScreen(vertex));
    }
    const QColor highlight = canvas()->palette().color(QPalette::Highlight);
    QColor fill = highlight;
    fill.setAlpha(50);
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (outline.size() >= 3) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(fill);
        painter.drawPolygon(outline);
    }
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(highlight, 1.5));
    painter.drawPolyline(outline);
    if (m_hasCursor) {
        // The rubber line: from the last vertex to the cursor and back to the first.
        const QPointF cursor = viewport.metersToScreen(m_cursorMeters);
        painter.setPen(QPen(highlight, 1.5, Qt::DashLine));
        painter.drawLine(outline.last(), cursor);
        if (outline.size() >= 2) {
            painter.drawLine(cursor, outline.first());
        }
    }
    painter.setPen(QPen(highlight, 1.0));
    painter.setBrush(Qt::white);
    for (const QPointF &vertex : outline) {
        painter.drawEllipse(vertex, VertexMarkerPx, VertexMarkerPx);
    }
}

QCursor PolygonSelectTool::cursor() const
{
    return Qt::CrossCursor;
}

void PolygonSelectTool::deactivate()
{
    cancel();
}

bool PolygonSelectTool::close(Qt::KeyboardModifiers modifiers)
{
    if (m_vertices.size() < 3) {
        return false;
    }
    const QPolygonF polygon(m_vertices);
    cancel();
    Q_EMIT polygonSelected(polygon, modifiers);
    return true;
}

void PolygonSelectTool::cancel()
{
    resetClick();
    m_vertices.clear();
    m_hasCursor = false;
    repaint();
}

void PolygonSelectTool::repaint() const
{
    if (canvas() != nullptr) {
        canvas()->update();
    }
}

} // namespace infrasight::ui
