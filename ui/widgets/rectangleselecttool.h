// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/widgets/maptool.h"

#include <QPointF>
#include <QRectF>

namespace infrasight::ui {

/// Rectangle selection: a left drag draws a rubber band and selects what it covers on release;
/// a left click without a drag selects at the point. Escape cancels a drag. The left button
/// belongs to the tool (no drag pan); the wheel and the keyboard still zoom and pan.
class RectangleSelectTool : public MapTool
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RectangleSelectTool)

public:
    explicit RectangleSelectTool(MapCanvas *canvas);
    ~RectangleSelectTool() override;

    bool mousePress(QMouseEvent *event) override;
    bool mouseMove(QMouseEvent *event) override;
    bool mouseRelease(QMouseEvent *event) override;
    bool keyPress(QKeyEvent *event) override;
    void paint(QPainter &painter, const render::MapViewport &viewport) const override;
    QCursor cursor() const override;
    void deactivate() override;

    /// True while a rubber band is drawn.
    bool isDragging() const { return m_dragging; }

Q_SIGNALS:
    /// A drag ended: the rectangle in EPSG:3857 metres (normalised), the modifiers at release.
    void rectangleSelected(const QRectF &meters, Qt::KeyboardModifiers modifiers);
    /// A click without a drag at meters; toleranceMeters is TolerancePx at the current zoom.
    void pointSelected(QPointF meters, double toleranceMeters, Qt::KeyboardModifiers modifiers);

private:
    void cancel();

    bool m_dragging = false;
    /// The rubber band's corners in metres, so it stays on the map while the view zooms.
    QPointF m_startMeters;
    QPointF m_endMeters;
};

} // namespace infrasight::ui
