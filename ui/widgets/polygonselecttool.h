// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/widgets/maptool.h"

#include <QList>
#include <QPointF>
#include <QPolygonF>

namespace infrasight::ui {

/// Polygon selection: each left click adds a vertex (a click within ClickDistancePx of the
/// last vertex adds none), a rubber line follows the cursor; a double-click or Enter closes the
/// polygon once it has three vertices and selects what it covers. Backspace removes the last
/// vertex, Escape drops the polygon. Drags still pan the map (only clicks add vertices), and
/// the wheel and the keyboard still zoom and pan.
class PolygonSelectTool : public MapTool
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolygonSelectTool)

public:
    explicit PolygonSelectTool(MapCanvas *canvas);
    ~PolygonSelectTool() override;

    bool mousePress(QMouseEvent *event) override;
    bool mouseMove(QMouseEvent *event) override;
    bool mouseRelease(QMouseEvent *event) override;
    bool mouseDoubleClick(QMouseEvent *event) override;
    bool keyPress(QKeyEvent *event) override;
    void paint(QPainter &painter, const render::MapViewport &viewport) const override;
    QCursor cursor() const override;
    void deactivate() override;

    /// The vertices placed so far, in EPSG:3857 metres.
    QList<QPointF> vertices() const { return m_vertices; }

Q_SIGNALS:
    /// The polygon was closed: its vertices in EPSG:3857 metres (at least three, the first one
    /// not repeated at the end) and the modifiers of the closing double-click or key.
    void polygonSelected(const QPolygonF &meters, Qt::KeyboardModifiers modifiers);

private:
    /// Emits polygonSelected and starts over if there are three vertices; false otherwise.
    bool close(Qt::KeyboardModifiers modifiers);
    void cancel();
    void repaint() const;

    QList<QPointF> m_vertices;
    QPointF m_cursorMeters;
    bool m_hasCursor = false;
};

} // namespace infrasight::ui
