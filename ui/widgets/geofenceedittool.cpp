// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/geofenceedittool.h"

#include "gis/core/mercator.h"
#include "gis/proj/fenceshapes.h"
#include "gis/proj/geometryvalidator.h"
#include "models/geofencelistmodel.h"
#include "ui/render/layerrenderscheduler.h"
#include "ui/widgets/geofencepainter.h"
#include "ui/widgets/mapcanvas.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <limits>

namespace infrasight::ui {

namespace {

constexpr double HandlePx = 8.0;
const QColor EditColour(0x15, 0x65, 0xc0);
const QColor SnapColour(0xd0, 0x1f, 0xd0);

double distance(QPointF a, QPointF b)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

/// The point of segment a-b nearest p, and its parameter along it (0..1).
QPointF nearestOnSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double t
        = length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    return a + ab * t;
}

gis::LonLat lonLatOf(QPointF p)
{
    return {p.x(), p.y()};
}

/// Calls f(ref, vertex, next) for every vertex of shape (closing points left out), next being
/// the vertex the edge from it runs to.
template<typename F>
void forEachVertex(const gis::MultiPolygon &shape, F &&f)
{
    for (int p = 0; p < int(shape.polygons.size()); ++p) {
        const auto &rings = shape.polygons[size_t(p)].rings;
        for (int r = 0; r < int(rings.size()); ++r) {
            const auto &ring = rings[size_t(r)];
            for (int i = 0; i + 1 < int(ring.size()); ++i) {
                f(models::VertexRef{p, r, i}, ring[size_t(i)], ring[size_t(i) + 1]);
            }
        }
    }
}

} // namespace

GeofenceEditTool::GeofenceEditTool(MapCanvas *canvas,
                                   models::GeofenceEditSession *session,
                                   const models::GeofenceListModel *fences)
    : MapTool(canvas)
    , m_session(session)
    , m_fences(fences)
{
    setObjectName(QStringLiteral("geofenceEditTool"));
    connect(session, &models::GeofenceEditSession::shapeChanged, this, [this] {
        // A step undone may have removed the selected vertex.
        if (std::isnan(m_session->vertex(m_selected).x())) {
            m_selected = {};
        }
        repaint();
    });
    connect(session, &models::GeofenceEditSession::sessionChanged, this, [this] {
        m_selected = {};
        m_hover = {};
        m_problem.reset();
        repaint();
    });
    connect(fences, &QAbstractItemModel::modelReset, this, &GeofenceEditTool::repaint);
}

GeofenceEditTool::~GeofenceEditTool() = default;

void GeofenceEditTool::setMode(Mode mode)
{
    cancelDrawing();
    m_mode = mode;
    if (canvas() != nullptr) {
        canvas()->updateToolCursor();
    }
    Q_EMIT modeChanged(mode);
    switch (mode) {
    case Mode::Edit:
        Q_EMIT message(tr("Drag a vertex to move it, double-click an edge to add one, Delete "
                          "removes the selected one; drag inside to move the fence"));
        break;
    case Mode::Rectangle:
        Q_EMIT message(tr("Drag from one corner to the other"));
        break;
    case Mode::Circle:
        Q_EMIT message(tr("Drag from the centre outwards; the radius is in metres"));
        break;
    case Mode::Corridor:
        Q_EMIT message(tr("Click the corridor's line, Enter to finish (%1 m either side)")
                           .arg(m_corridorHalfWidthM));
        break;
    default:
        Q_EMIT message(tr("Click the vertices; double-click or Enter finishes, Backspace or a "
                          "right-click takes the last one back, Escape cancels"));
        break;
    }
}

void GeofenceEditTool::setProblem(std::optional<QPointF> lonLat)
{
    m_problem = lonLat;
    repaint();
}

models::VertexRef GeofenceEditTool::vertexAt(QPointF screen) const
{
    const render::MapViewport view = viewport();
    models::VertexRef best;
    double bestDistance = SnapTolerancePx;
    forEachVertex(m_session->shape(), [&](models::VertexRef ref, QPointF at, QPointF) {
        const double d = distance(view.lonLatToScreen(lonLatOf(at)), screen);
        if (d <= bestDistance) {
            bestDistance = d;
            best = ref;
        }
    });
    return best;
}

std::optional<GeofenceEditTool::EdgeHit> GeofenceEditTool::edgeAt(QPointF screen) const
{
    const render::MapViewport view = viewport();
    std::optional<EdgeHit> best;
    double bestDistance = SnapTolerancePx;
    forEachVertex(m_session->shape(), [&](models::VertexRef ref, QPointF from, QPointF to) {
        const QPointF on = nearestOnSegment(
            screen, view.lonLatToScreen(lonLatOf(from)), view.lonLatToScreen(lonLatOf(to)));
        const double d = distance(on, screen);
        if (d <= bestDistance) {
            bestDistance = d;
            const gis::LonLat ll = view.screenToLonLat(on);
            best = EdgeHit{ref, QPointF(ll.lonDeg, ll.latDeg)};
        }
    });
    return best;
}

bool GeofenceEditTool::insideShape(QPointF screen) const
{
    return GeofencePainter::path(m_session->shape(), viewport()).contains(screen);
}

QPointF GeofenceEditTool::snapped(QPointF screen, models::VertexRef ignore)
{
    const render::MapViewport view = viewport();
    const gis::LonLat cursor = view.screenToLonLat(screen);
    m_snap.reset();
    if (!m_snapping) {
        return {cursor.lonDeg, cursor.latDeg};
    }
    // Candidates: the other fences, and this fence's other vertices. A city has hundreds of
    // fences of tens of vertices: a scan per mouse move is well under a millisecond.
    std::vector<const gis::MultiPolygon *> shapes;
    const bool toFences = !m_snapExcluded.contains(geofenceSnapKey());
    for (const data::GeofenceRecord &fence : m_fences->fences()) {
        if (toFences && fence.id != m_session->fenceId()) {
            shapes.push_back(&fence.shape);
        }
    }
    std::optional<QPointF> best;
    double bestDistance = SnapTolerancePx;
    auto consider = [&](QPointF lonLat, QPointF at) {
        const double d = distance(at, screen);
        if (d <= bestDistance) {
            bestDistance = d;
            best = lonLat;
        }
    };
    // Vertices first: a vertex within the tolerance wins over any edge.
    forEachVertex(m_session->shape(), [&](models::VertexRef ref, QPointF at, QPointF) {
        if (ref != ignore) {
            consider(at, view.lonLatToScreen(lonLatOf(at)));
        }
    });
    for (const gis::MultiPolygon *shape : shapes) {
        for (const gis::Polygon &polygon : shape->polygons) {
            for (const auto &ring : polygon.rings) {
                for (const QPointF &v : ring) {
                    consider(v, view.lonLatToScreen(lonLatOf(v)));
                }
            }
        }
    }
    if (auto asset = snapToAssets(screen, false, bestDistance)) {
        best = asset;
    }
    if (!best) {
        for (const gis::MultiPolygon *shape : shapes) {
            for (const gis::Polygon &polygon : shape->polygons) {
                for (const auto &ring : polygon.rings) {
                    for (size_t i = 0; i + 1 < ring.size(); ++i) {
                        const QPointF on
                            = nearestOnSegment(screen,
                                               view.lonLatToScreen(lonLatOf(ring[i])),
                                               view.lonLatToScreen(lonLatOf(ring[i + 1])));
                        const gis::LonLat ll = view.screenToLonLat(on);
                        consider(QPointF(ll.lonDeg, ll.latDeg), on);
                    }
                }
            }
        }
    }
    if (auto asset = snapToAssets(screen, true, bestDistance)) {
        best = asset;
    }
    m_snap = best;
    return best ? *best : QPointF(cursor.lonDeg, cursor.latDeg);
}

std::optional<QPointF>
GeofenceEditTool::snapToAssets(QPointF screen, bool edges, double &bestDistance) const
{
    if (canvas() == nullptr) {
        return std::nullopt;
    }
    // Blocks are in EPSG:3857 metres; only those near the cursor are looked into.
    const render::MapViewport view = viewport();
    const QPointF at = view.screenToMeters(screen);
    const double reach = bestDistance * view.metersPerPixel();
    gis::BoundingBox near;
    near.extend(at - QPointF(reach, reach));
    near.extend(at + QPointF(reach, reach));
    std::optional<QPointF> bestMeters;
    auto consider = [&](QPointF meters) {
        const double d = distance(view.metersToScreen(meters), screen);
        if (d <= bestDistance) {
            bestDistance = d;
            bestMeters = meters;
        }
    };
    for (const render::LayerRenderInput &layer : canvas()->layerScheduler()->layers()) {
        if (m_snapExcluded.contains(layer.key)) {
            continue;
        }
        for (const gis::FeatureBlock &block : layer.blocks) {
            if (block.kind() == gis::FeatureKind::Cluster || !block.bounds().intersects(near)) {
                continue;
            }
            for (qsizetype i = 0; i < block.size(); ++i) {
                if (block.kind() == gis::FeatureKind::Point) {
                    if (!edges) {
                        consider(block.point(i));
                    }
                    continue;
                }
                for (int p = 0; p < block.partCount(i); ++p) {
                    const std::span<const QPointF> part = block.part(i, p);
                    for (size_t k = 0; k < part.size(); ++k) {
                        if (!edges) {
                            consider(part[k]);
                        } else if (k + 1 < part.size()) {
                            consider(nearestOnSegment(at, part[k], part[k + 1]));
                        }
                    }
                }
            }
        }
    }
    if (!bestMeters) {
        return std::nullopt;
    }
    const gis::LonLat ll = gis::mercatorMetersToLonLat(*bestMeters);
    return QPointF(ll.lonDeg, ll.latDeg);
}

bool GeofenceEditTool::mousePress(QMouseEvent *event)
{
    const QPointF at = event->position();
    if (m_mode != Mode::Edit) {
        if (event->button() == Qt::RightButton && !m_drawn.isEmpty()) {
            m_drawn.removeLast();
            repaint();
            return true;
        }
        if (event->button() != Qt::LeftButton) {
            return false;
        }
        if (m_mode == Mode::Rectangle || m_mode == Mode::Circle) {
            m_drawn = {snapped(at, {})};
            m_cursorLonLat = m_drawn.first();
            m_shapeDrag = true;
            return true;
        }
        trackPress(event);
        return false; // a drag still pans while drawing
    }
    if (event->button() != Qt::LeftButton) {
        return false;
    }
    if (!m_session->isActive()) {
        trackPress(event); // a click may open a fence
        return false;
    }
    const models::VertexRef hit = vertexAt(at);
    if (hit.isValid()) {
        m_selected = hit;
        m_dragVertex = hit;
        m_dragMoved = false;
        repaint();
        return true;
    }
    if (insideShape(at)) {
        m_draggingShape = true;
        m_dragMoved = false;
        const gis::LonLat ll = viewport().screenToLonLat(at);
        m_dragLastLonLat = QPointF(ll.lonDeg, ll.latDeg);
        return true;
    }
    m_selected = {};
    trackPress(event); // a click may open another fence; a drag pans
    repaint();
    return false;
}

bool GeofenceEditTool::mouseMove(QMouseEvent *event)
{
    const QPointF at = event->position();
    if (m_mode != Mode::Edit) {
        trackMove(event);
        m_cursorLonLat = snapped(at, {});
        m_hasCursor = true;
        if (m_shapeDrag && m_mode == Mode::Circle) {
            Q_EMIT message(tr("Radius %1 m")
                               .arg(gis::fenceshapes::distanceM(lonLatOf(m_drawn.first()),
                                                                lonLatOf(m_cursorLonLat)),
                                    0,
                                    'f',
                                    1));
        }
        repaint();
        return m_shapeDrag;
    }
    if (m_dragVertex.isValid()) {
        m_session->moveVertex(m_dragVertex, snapped(at, m_dragVertex), true);
        m_dragMoved = true;
        return true;
    }
    if (m_draggingShape) {
        const gis::LonLat ll = viewport().screenToLonLat(at);
        const QPointF now(ll.lonDeg, ll.latDeg);
        m_session->moveShape(now - m_dragLastLonLat, true);
        m_dragLastLonLat = now;
        m_dragMoved = true;
        return true;
    }
    trackMove(event);
    const models::VertexRef hover = vertexAt(at);
    if (hover != m_hover) {
        m_hover = hover;
        repaint();
    }
    return false;
}

bool GeofenceEditTool::mouseRelease(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        return m_mode != Mode::Edit && event->button() == Qt::RightButton;
    }
    if (m_mode != Mode::Edit) {
        if (m_shapeDrag) {
            m_shapeDrag = false;
            m_cursorLonLat = snapped(event->position(), {});
            m_drawn.append(m_cursorLonLat);
            finishDrawing();
            return true;
        }
        if (!trackRelease(event)) {
            return false;
        }
        const QPointF vertex
            = snapped(viewport().lonLatToScreen(viewport().screenToLonLat(pressPosition())), {});
        if (m_drawn.isEmpty()
            || distance(viewport().lonLatToScreen(lonLatOf(vertex)),
                        viewport().lonLatToScreen(lonLatOf(m_drawn.last())))
                   > ClickDistancePx) {
            m_drawn.append(vertex);
        }
        repaint();
        return true;
    }
    const bool wasEditing = m_dragVertex.isValid() || m_draggingShape;
    m_dragVertex = {};
    m_draggingShape = false;
    m_snap.reset();
    if (wasEditing) {
        m_session->endDrag();
        if (m_dragMoved) {
            Q_EMIT editFinished();
        }
        repaint();
        return true;
    }
    // A click on another fence (not near this one's edges, where a double-click inserts).
    if (trackRelease(event) && !(m_session->isActive() && edgeAt(pressPosition()))) {
        if (const qint64 id = fenceAt(pressPosition()); id != 0) {
            Q_EMIT fenceClicked(id);
            return true;
        }
    }
    return false;
}

qint64 GeofenceEditTool::fenceAt(QPointF screen) const
{
    // The smallest fence under the cursor: a zone inside a district wins.
    const render::MapViewport view = viewport();
    qint64 best = 0;
    double bestArea = std::numeric_limits<double>::max();
    for (const data::GeofenceRecord &fence : m_fences->fences()) {
        if (m_session->isActive() && fence.id == m_session->fenceId()) {
            continue;
        }
        const QPainterPath path = GeofencePainter::path(fence.shape, view);
        const QRectF bounds = path.boundingRect();
        const double area = bounds.width() * bounds.height();
        if (area < bestArea && bounds.contains(screen) && path.contains(screen)) {
            best = fence.id;
            bestArea = area;
        }
    }
    return best;
}

bool GeofenceEditTool::mouseDoubleClick(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        return false;
    }
    if (m_mode == Mode::Polygon || m_mode == Mode::Hole || m_mode == Mode::Part
        || m_mode == Mode::Corridor) {
        finishDrawing();
        return true;
    }
    if (m_mode != Mode::Edit || !m_session->isActive() || vertexAt(event->position()).isValid()) {
        return false;
    }
    if (const auto edge = edgeAt(event->position())) {
        m_session->insertVertex(edge->from, edge->lonLat);
        m_selected = {edge->from.polygon, edge->from.ring, edge->from.index + 1};
        Q_EMIT editFinished();
        return true;
    }
    return false;
}

bool GeofenceEditTool::keyPress(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Escape:
        if (m_mode != Mode::Edit) {
            cancelDrawing();
            setMode(Mode::Edit);
            return true;
        }
        if (m_dragVertex.isValid() || m_draggingShape) {
            // The drag is one step on the stack: taking it back restores the shape exactly.
            if (m_dragMoved) {
                m_session->undoStack()->undo();
            }
            m_session->endDrag();
            m_dragVertex = {};
            m_draggingShape = false;
            m_snap.reset();
            repaint();
            return true;
        }
        return false;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_mode != Mode::Edit) {
            finishDrawing();
            return true;
        }
        return false;
    case Qt::Key_Backspace:
        if (m_mode != Mode::Edit && !m_drawn.isEmpty()) {
            m_drawn.removeLast();
            repaint();
            return true;
        }
        [[fallthrough]];
    case Qt::Key_Delete:
        if (m_mode == Mode::Edit && m_selected.isValid()) {
            if (!m_session->deleteVertex(m_selected)) {
                Q_EMIT message(tr("A ring keeps at least three vertices"));
            } else {
                m_selected = {};
                Q_EMIT editFinished();
            }
            return true;
        }
        return false;
    default:
        return false;
    }
}

void GeofenceEditTool::finishDrawing()
{
    const QList<QPointF> points = m_drawn;
    gis::MultiPolygon drawn;
    switch (m_mode) {
    case Mode::Rectangle:
        if (points.size() >= 2 && points.first() != points.last()) {
            drawn.polygons.push_back(
                gis::fenceshapes::rectangle(lonLatOf(points.first()), lonLatOf(points.last())));
        }
        break;
    case Mode::Circle:
        if (points.size() >= 2) {
            const double radius
                = gis::fenceshapes::distanceM(lonLatOf(points.first()), lonLatOf(points.last()));
            if (radius > 0.5) {
                drawn.polygons.push_back(
                    gis::fenceshapes::circle(lonLatOf(points.first()), radius));
            }
        }
        break;
    case Mode::Corridor:
        if (points.size() >= 2) {
            std::vector<gis::LonLat> line;
            for (const QPointF &p : points) {
                line.push_back(lonLatOf(p));
            }
            const gis::GeometryValidator geos;
            if (auto corridor = gis::fenceshapes::corridor(line, m_corridorHalfWidthM, geos)) {
                drawn = *corridor;
            }
        }
        break;
    default:
        if (points.size() >= 3) {
            std::vector<QPointF> ring(points.begin(), points.end());
            ring.push_back(ring.front());
            drawn.polygons.push_back(gis::Polygon{{ring}});
        }
        break;
    }
    if (drawn.polygons.empty()) {
        Q_EMIT message(tr("Not enough points for a shape yet"));
        if (m_mode == Mode::Rectangle || m_mode == Mode::Circle) {
            m_drawn.clear();
        }
        repaint();
        return;
    }
    addDrawn(drawn);
    m_drawn.clear();
    setMode(Mode::Edit);
    Q_EMIT editFinished();
}

void GeofenceEditTool::addDrawn(const gis::MultiPolygon &drawn)
{
    gis::MultiPolygon shape = m_session->shape();
    if (shape.polygons.empty()) {
        m_session->replaceShape(drawn, tr("Draw geofence"));
        return;
    }
    if (m_mode == Mode::Hole) {
        // Into the part that holds the hole's first vertex (the first part if none does).
        const QPointF first = drawn.polygons.front().rings.front().front();
        size_t target = 0;
        for (size_t p = 0; p < shape.polygons.size(); ++p) {
            const auto &shell = shape.polygons[p].rings.front();
            if (QPolygonF(QList<QPointF>(shell.begin(), shell.end()))
                    .containsPoint(first, Qt::OddEvenFill)) {
                target = p;
                break;
            }
        }
        shape.polygons[target].rings.push_back(drawn.polygons.front().rings.front());
        m_session->replaceShape(shape, tr("Add hole"));
        return;
    }
    shape.polygons.insert(shape.polygons.end(), drawn.polygons.begin(), drawn.polygons.end());
    m_session->replaceShape(shape, tr("Add part"));
}

void GeofenceEditTool::cancelDrawing()
{
    m_drawn.clear();
    m_shapeDrag = false;
    m_snap.reset();
    resetClick();
    repaint();
}

void GeofenceEditTool::deactivate()
{
    cancelDrawing();
    m_mode = Mode::Edit;
    m_dragVertex = {};
    m_draggingShape = false;
    m_hover = {};
}

QCursor GeofenceEditTool::cursor() const
{
    return m_mode == Mode::Edit ? QCursor(Qt::ArrowCursor) : QCursor(Qt::CrossCursor);
}

void GeofenceEditTool::repaint() const
{
    if (canvas() != nullptr) {
        canvas()->update();
    }
}

void GeofenceEditTool::paint(QPainter &painter, const render::MapViewport &view) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    // Every other fence in its colour.
    GeofencePainter::paint(
        painter, view, *m_fences, m_session->isActive() ? m_session->fenceId() : -1);
    // The fence being edited, with its handles.
    if (m_session->isActive()) {
        QColor fill = EditColour;
        fill.setAlpha(55);
        painter.setPen(QPen(EditColour, 2.0));
        painter.setBrush(fill);
        painter.drawPath(GeofencePainter::path(m_session->shape(), view));
        forEachVertex(m_session->shape(), [&](models::VertexRef ref, QPointF vertex, QPointF) {
            const double size = ref == m_hover ? HandlePx + 3 : HandlePx;
            const QPointF at = view.lonLatToScreen(lonLatOf(vertex));
            painter.setPen(QPen(EditColour.darker(150), 1.2));
            painter.setBrush(ref == m_selected ? QColor(0xff, 0x8f, 0x00) : Qt::white);
            painter.drawRect(QRectF(at.x() - size / 2, at.y() - size / 2, size, size));
        });
    }
    // The drawing in progress.
    if (!m_drawn.isEmpty()) {
        painter.setPen(QPen(EditColour, 2.0, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        if (m_mode == Mode::Rectangle) {
            painter.drawRect(QRectF(view.lonLatToScreen(lonLatOf(m_drawn.first())),
                                    view.lonLatToScreen(lonLatOf(m_cursorLonLat)))
                                 .normalized());
        } else if (m_mode == Mode::Circle) {
            const QPointF centre = view.lonLatToScreen(lonLatOf(m_drawn.first()));
            const double r = distance(centre, view.lonLatToScreen(lonLatOf(m_cursorLonLat)));
            painter.drawEllipse(centre, r, r);
            painter.drawLine(centre, view.lonLatToScreen(lonLatOf(m_cursorLonLat)));
        } else {
            QPolygonF line;
            for (const QPointF &p : m_drawn) {
                line << view.lonLatToScreen(lonLatOf(p));
            }
            if (m_hasCursor) {
                line << view.lonLatToScreen(lonLatOf(m_cursorLonLat));
            }
            painter.drawPolyline(line);
            painter.setBrush(Qt::white);
            for (const QPointF &p : m_drawn) {
                const QPointF at = view.lonLatToScreen(lonLatOf(p));
                painter.drawRect(QRectF(at.x() - 3, at.y() - 3, 6, 6));
            }
        }
    }
    // Where the cursor snapped: a ring with a cross, in a colour no fence uses.
    if (m_snap) {
        // A white halo under it keeps it readable over a busy map.
        const QPointF at = view.lonLatToScreen(lonLatOf(*m_snap));
        painter.setBrush(Qt::NoBrush);
        for (const QPen &pen : {QPen(Qt::white, 5.0), QPen(SnapColour, 2.5)}) {
            painter.setPen(pen);
            painter.drawEllipse(at, 10, 10);
            painter.drawLine(at - QPointF(15, 0), at + QPointF(15, 0));
            painter.drawLine(at - QPointF(0, 15), at + QPointF(0, 15));
        }
    }
    // Where validation found the problem.
    if (m_problem) {
        const QPointF at = view.lonLatToScreen(lonLatOf(*m_problem));
        painter.setPen(QPen(QColor(0xd3, 0x2f, 0x2f), 3.0));
        painter.setBrush(QColor(0xd3, 0x2f, 0x2f, 60));
        painter.drawEllipse(at, 11, 11);
        painter.drawLine(at - QPointF(6, 6), at + QPointF(6, 6));
        painter.drawLine(at - QPointF(6, -6), at + QPointF(6, -6));
    }
    painter.restore();
}

} // namespace infrasight::ui
