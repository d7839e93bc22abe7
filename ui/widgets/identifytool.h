// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/widgets/maptool.h"

#include <QPointF>

namespace infrasight::ui {

/// Identify: a left click (press and release within ClickDistancePx) asks what is under the
/// cursor. Drags, the wheel and the keyboard are left to the canvas, so the map still pans
/// and zooms while the tool is active.
class IdentifyTool : public MapTool
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IdentifyTool)

public:
    explicit IdentifyTool(MapCanvas *canvas);
    ~IdentifyTool() override;

    bool mousePress(QMouseEvent *event) override;
    bool mouseMove(QMouseEvent *event) override;
    bool mouseRelease(QMouseEvent *event) override;
    QCursor cursor() const override;

Q_SIGNALS:
    /// A click at meters (EPSG:3857); toleranceMeters is TolerancePx at the current zoom.
    void identifyRequested(QPointF meters, double toleranceMeters, Qt::KeyboardModifiers modifiers);
};

} // namespace infrasight::ui
