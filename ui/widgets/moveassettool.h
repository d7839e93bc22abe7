// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/widgets/maptool.h"

#include <QPointF>

#include <functional>
#include <optional>

namespace infrasight::ui {

/// A planner's tool: drag a point asset to a new place. A press on a point asset (found by the
/// picker among what the map shows, within TolerancePx) starts the drag; the asset's new place
/// follows the mouse as a ghost with a line from where it was; the release asks for the move
/// (moveRequested). Esc cancels a drag. A press that hits nothing is left to the canvas, so the
/// map still pans.
class MoveAssetTool : public MapTool
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MoveAssetTool)

public:
    /// A point asset under the cursor: its id and position (EPSG:3857 metres).
    struct Pick
    {
        qint64 id = 0;
        QPointF meters;
    };

    /// Finds the point asset nearest to a map position within a tolerance (metres).
    using Picker = std::function<std::optional<Pick>(QPointF meters, double toleranceMeters)>;

    MoveAssetTool(MapCanvas *canvas, Picker picker);
    ~MoveAssetTool() override;

    bool mousePress(QMouseEvent *event) override;
    bool mouseMove(QMouseEvent *event) override;
    bool mouseRelease(QMouseEvent *event) override;
    bool keyPress(QKeyEvent *event) override;
    void paint(QPainter &painter, const render::MapViewport &viewport) const override;
    QCursor cursor() const override;
    void deactivate() override;

    /// True while an asset is being dragged.
    bool isDragging() const { return m_dragging.has_value(); }

Q_SIGNALS:
    /// The operator dropped asset id at to (it was at from), both EPSG:3857 metres.
    void moveRequested(qint64 id, QPointF from, QPointF to);

private:
    Picker m_picker;
    std::optional<Pick> m_dragging;
    QPointF m_target;
};

} // namespace infrasight::ui
