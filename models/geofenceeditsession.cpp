// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/geofenceeditsession.h"

#include <QUndoCommand>

#include <cmath>
#include <limits>

namespace infrasight::models {

/// One edit: the shape before and after. A drag's moves share a serial and merge.
class ShapeCommand : public QUndoCommand
{
public:
    static constexpr int DragId = 0x6f656e63; // any constant: every drag command has it

    ShapeCommand(GeofenceEditSession *session,
                 gis::MultiPolygon before,
                 gis::MultiPolygon after,
                 const QString &text,
                 int dragSerial)
        : m_session(session)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_dragSerial(dragSerial)
    {
        setText(text);
    }

    void undo() override { m_session->apply(m_before); }

    void redo() override { m_session->apply(m_after); }

    int id() const override { return m_dragSerial >= 0 ? DragId : -1; }

    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const ShapeCommand *>(other);
        if (next->m_dragSerial != m_dragSerial || next->text() != text()) {
            return false;
        }
        m_after = next->m_after;
        return true;
    }

private:
    GeofenceEditSession *m_session;
    gis::MultiPolygon m_before;
    gis::MultiPolygon m_after;
    int m_dragSerial;
};

GeofenceEditSession::GeofenceEditSession(QObject *parent)
    : QObject(parent)
{
    m_undo.setUndoLimit(UndoLimit);
}

void GeofenceEditSession::begin(qint64 fenceId, int version, const gis::MultiPolygon &shape)
{
    m_undo.clear();
    m_fenceId = fenceId;
    m_version = version;
    m_active = true;
    apply(shape);
    m_undo.setClean();
    Q_EMIT sessionChanged();
}

void GeofenceEditSession::end()
{
    m_undo.clear();
    m_active = false;
    m_fenceId = 0;
    apply({});
    Q_EMIT sessionChanged();
}

void GeofenceEditSession::markSaved(qint64 fenceId, int version)
{
    m_fenceId = fenceId;
    m_version = version;
    m_undo.setClean();
    Q_EMIT sessionChanged();
}

QPointF GeofenceEditSession::vertex(VertexRef ref) const
{
    if (ref.polygon < 0 || size_t(ref.polygon) >= m_shape.polygons.size()) {
        return {qQNaN(), qQNaN()};
    }
    const auto &rings = m_shape.polygons[size_t(ref.polygon)].rings;
    if (ref.ring < 0 || size_t(ref.ring) >= rings.size() || ref.index < 0
        || size_t(ref.index) + 1 >= rings[size_t(ref.ring)].size()) {
        return {qQNaN(), qQNaN()};
    }
    return rings[size_t(ref.ring)][size_t(ref.index)];
}

void GeofenceEditSession::moveVertex(VertexRef ref, QPointF to, bool dragging)
{
    if (std::isnan(vertex(ref).x())) {
        return;
    }
    gis::MultiPolygon after = m_shape;
    auto &ring = after.polygons[size_t(ref.polygon)].rings[size_t(ref.ring)];
    ring[size_t(ref.index)] = to;
    if (ref.index == 0) {
        ring.back() = to;
    }
    push(std::move(after), tr("Move vertex"), dragging);
}

void GeofenceEditSession::insertVertex(VertexRef after, QPointF at)
{
    if (std::isnan(vertex(after).x())) {
        return;
    }
    gis::MultiPolygon shape = m_shape;
    auto &ring = shape.polygons[size_t(after.polygon)].rings[size_t(after.ring)];
    ring.insert(ring.begin() + after.index + 1, at);
    push(std::move(shape), tr("Insert vertex"), false);
}

bool GeofenceEditSession::deleteVertex(VertexRef ref)
{
    if (std::isnan(vertex(ref).x())) {
        return false;
    }
    gis::MultiPolygon shape = m_shape;
    auto &ring = shape.polygons[size_t(ref.polygon)].rings[size_t(ref.ring)];
    // A closed ring of n vertices has n + 1 points; a triangle is the least.
    if (ring.size() <= 4) {
        return false;
    }
    ring.erase(ring.begin() + ref.index);
    if (ref.index == 0) {
        ring.back() = ring.front();
    }
    push(std::move(shape), tr("Delete vertex"), false);
    return true;
}

void GeofenceEditSession::moveShape(QPointF delta, bool dragging)
{
    gis::MultiPolygon shape = m_shape;
    for (gis::Polygon &polygon : shape.polygons) {
        for (auto &ring : polygon.rings) {
            for (QPointF &p : ring) {
                p += delta;
            }
        }
    }
    push(std::move(shape), tr("Move geofence"), dragging);
}

void GeofenceEditSession::replaceShape(const gis::MultiPolygon &shape, const QString &text)
{
    push(shape, text, false);
}

void GeofenceEditSession::apply(const gis::MultiPolygon &shape)
{
    m_shape = shape;
    Q_EMIT shapeChanged();
}

void GeofenceEditSession::push(gis::MultiPolygon after, const QString &text, bool merge)
{
    if (!m_active || after == m_shape) {
        return;
    }
    m_undo.push(new ShapeCommand(this, m_shape, std::move(after), text, merge ? m_dragSerial : -1));
}

} // namespace infrasight::models
