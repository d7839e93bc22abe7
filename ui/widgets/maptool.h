// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/render/mapviewport.h"

#include <QCursor>
#include <QObject>
#include <QPointF>
#include <QPointer>

class QKeyEvent;
class QMouseEvent;
class QPainter;

namespace infrasight::ui {

class MapCanvas;

/// One thing the mouse does on the map (identify, select, measure, …). The canvas hands its
/// mouse and key events to the active tool first (MapCanvas::setTool); an event handler returns
/// true when the tool consumed the event, false to let the canvas pan and zoom as usual, so a
/// tool that only wants clicks leaves drags, the wheel and the keyboard to the canvas. Event
/// positions are logical pixels of the canvas; the canvas's viewport() turns them into metres.
/// The tool draws its own feedback (a rubber band) in paint(), called at every canvas paint on
/// top of the map; it calls canvas()->update() when that feedback changes.
///
/// The tool's QObject parent is the canvas unless reparented; the canvas never owns the active
/// tool, and a tool deleted while active is dropped by the canvas.
class MapTool : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MapTool)

public:
    /// A press and release closer than this (logical pixels), with no move further away in
    /// between, is a click; anything more is a drag.
    static constexpr double ClickDistancePx = 4.0;
    /// How far from the cursor a click picks features (logical pixels).
    static constexpr double TolerancePx = 6.0;

    explicit MapTool(MapCanvas *canvas);
    ~MapTool() override;

    /// The canvas the tool works on (null once it was destroyed).
    MapCanvas *canvas() const;

    virtual bool mousePress(QMouseEvent *event);
    virtual bool mouseMove(QMouseEvent *event);
    virtual bool mouseRelease(QMouseEvent *event);
    virtual bool mouseDoubleClick(QMouseEvent *event);
    virtual bool keyPress(QKeyEvent *event);

    /// Draws the tool's feedback over the map, in logical pixels of viewport.
    virtual void paint(QPainter &painter, const render::MapViewport &viewport) const;

    /// The cursor the canvas shows while the tool is active and nothing is dragged.
    virtual QCursor cursor() const;

    /// The tool became the canvas's active tool.
    virtual void activate();
    /// The tool stops being the active one: cancels anything in progress.
    virtual void deactivate();

protected:
    /// TolerancePx in EPSG:3857 metres at the canvas's current zoom.
    double toleranceMeters() const;
    /// The canvas's viewport (a default one if the canvas is gone).
    render::MapViewport viewport() const;

    /// Click detection for tools that act on clicks and leave drags to the canvas: call
    /// trackPress() from mousePress (left button), trackMove() from mouseMove, and
    /// trackRelease() from mouseRelease, which is true when the press and release made a click.
    void trackPress(const QMouseEvent *event);
    void trackMove(const QMouseEvent *event);
    bool trackRelease(const QMouseEvent *event);

    /// True between a tracked press and its release while the mouse stayed within the click
    /// distance.
    bool isClickPending() const { return m_pressed && !m_dragged; }

    /// Where the tracked press was (logical pixels) and the map position under it then.
    QPointF pressPosition() const { return m_pressPosition; }

    QPointF pressMeters() const { return m_pressMeters; }

    /// Forgets a tracked press (Escape, deactivate()).
    void resetClick();

private:
    QPointer<MapCanvas> m_canvas;
    QPointF m_pressPosition;
    QPointF m_pressMeters;
    bool m_pressed = false;
    bool m_dragged = false;
};

} // namespace infrasight::ui
