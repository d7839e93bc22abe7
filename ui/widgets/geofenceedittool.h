// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/geometry.h"
#include "models/geofenceeditsession.h"
#include "ui/widgets/maptool.h"

#include <QList>
#include <QPointF>
#include <QSet>

#include <optional>

namespace infrasight::models {
class GeofenceListModel;
}

namespace infrasight::ui {

/// Draws and edits the shape of the geofence in a GeofenceEditSession (TECH_NOTES 6, after
/// QGIS's vertex tool). All the map's geofences are drawn in their colours while it is active.
///
/// Edit mode: the vertex under the cursor (within 12 px) is highlighted; dragging it moves it,
/// snapping to the vertices, then the edges, of the other geofences and of the fence's own other
/// vertices within SnapTolerancePx, with a marker where it snaps; a drag is one undo step, and
/// Escape during a drag puts the vertex back. A click selects a vertex, Delete removes it. A
/// double-click on an edge inserts a vertex there. Dragging inside the shape moves it whole.
/// Drags elsewhere pan the map; a click on another fence asks to open it (fenceClicked).
///
/// Draw modes: Polygon, Hole and Part add a vertex per click (snapped like a drag); a
/// double-click or Enter finishes, a right-click or Backspace takes the last vertex back, Escape
/// drops the drawing. Rectangle and Circle are one drag (the circle is geodesic; its radius in
/// metres is shown). Corridor clicks a line that Enter buffers by corridorHalfWidthM(). A shape
/// drawn into an empty session becomes the fence; into a non-empty one it becomes a new part
/// (Part, and the shape tools) or a hole of the part it lies in (Hole). Then the tool returns to
/// Edit mode.
class GeofenceEditTool : public MapTool
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GeofenceEditTool)

public:
    enum class Mode { Edit, Polygon, Rectangle, Circle, Corridor, Hole, Part };
    Q_ENUM(Mode)

    static constexpr double SnapTolerancePx = 12.0;

    GeofenceEditTool(MapCanvas *canvas,
                     models::GeofenceEditSession *session,
                     const models::GeofenceListModel *fences);
    ~GeofenceEditTool() override;

    void setMode(Mode mode);

    Mode mode() const { return m_mode; }

    void setCorridorHalfWidthM(double metres) { m_corridorHalfWidthM = metres; }

    double corridorHalfWidthM() const { return m_corridorHalfWidthM; }

    void setSnapping(bool on) { m_snapping = on; }

    bool snapping() const { return m_snapping; }

    /// The key snapping to the other geofences goes by in setSnapExcluded().
    static QString geofenceSnapKey() { return QStringLiteral("geofences"); }

    /// Layers not to snap to: asset layer keys (as in the canvas's layer scheduler) and
    /// geofenceSnapKey(). Every layer drawn on the map is a snap target unless named here.
    void setSnapExcluded(const QSet<QString> &keys) { m_snapExcluded = keys; }

    QSet<QString> snapExcluded() const { return m_snapExcluded; }

    /// Where validation found a problem (lon/lat), drawn as a red marker; nullopt: none.
    void setProblem(std::optional<QPointF> lonLat);

    std::optional<QPointF> problem() const { return m_problem; }

    /// Where the last move snapped to (lon/lat), while it is shown.
    std::optional<QPointF> snapMarker() const { return m_snap; }

    models::VertexRef selectedVertex() const { return m_selected; }

    bool mousePress(QMouseEvent *event) override;
    bool mouseMove(QMouseEvent *event) override;
    bool mouseRelease(QMouseEvent *event) override;
    bool mouseDoubleClick(QMouseEvent *event) override;
    bool keyPress(QKeyEvent *event) override;
    void paint(QPainter &painter, const render::MapViewport &viewport) const override;
    QCursor cursor() const override;
    void deactivate() override;

Q_SIGNALS:
    void modeChanged(infrasight::ui::GeofenceEditTool::Mode mode);
    /// A drag, an insert, a delete or a drawing ended: time to validate.
    void editFinished();
    /// What the tool wants the status bar to say.
    void message(const QString &text);
    /// Edit mode: a click on a fence other than the one being edited.
    void fenceClicked(qint64 fenceId);

private:
    struct EdgeHit
    {
        models::VertexRef from; ///< the edge runs from this vertex to the next
        QPointF lonLat;         ///< the nearest point on it
    };

    models::VertexRef vertexAt(QPointF screen) const;
    std::optional<EdgeHit> edgeAt(QPointF screen) const;
    bool insideShape(QPointF screen) const;
    /// The smallest fence other than the edited one under screen, or 0.
    qint64 fenceAt(QPointF screen) const;
    /// The position for a cursor at screen: snapped if a candidate is within the tolerance.
    QPointF snapped(QPointF screen, models::VertexRef ignore);
    /// The nearest vertex (edges: false) or edge point (true) of the asset layers drawn on the
    /// map within bestDistance px of screen, in lon/lat; bestDistance shrinks to it.
    std::optional<QPointF> snapToAssets(QPointF screen, bool edges, double &bestDistance) const;
    void finishDrawing();
    void addDrawn(const gis::MultiPolygon &drawn);
    void cancelDrawing();
    void repaint() const;

    models::GeofenceEditSession *m_session;
    const models::GeofenceListModel *m_fences;
    Mode m_mode = Mode::Edit;
    double m_corridorHalfWidthM = 10.0;
    bool m_snapping = true;
    QSet<QString> m_snapExcluded;

    // Edit mode
    models::VertexRef m_hover;
    models::VertexRef m_selected;
    models::VertexRef m_dragVertex;
    bool m_draggingShape = false;
    bool m_dragMoved = false;
    QPointF m_dragLastLonLat;

    // Drawing
    QList<QPointF> m_drawn; ///< lon/lat
    QPointF m_cursorLonLat;
    bool m_hasCursor = false;
    bool m_shapeDrag = false; ///< a rectangle or circle being dragged

    std::optional<QPointF> m_snap;
    std::optional<QPointF> m_problem;
};

} // namespace infrasight::ui
