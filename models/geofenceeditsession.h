// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/geometry.h"

#include <QObject>
#include <QPointF>
#include <QString>
#include <QUndoStack>

namespace infrasight::models {

/// One vertex of a fence's shape: polygon, ring (0 = shell, then holes), index in the ring
/// without its closing point.
struct VertexRef
{
    int polygon = -1;
    int ring = -1;
    int index = -1;

    bool isValid() const { return polygon >= 0 && ring >= 0 && index >= 0; }

    friend bool operator==(const VertexRef &, const VertexRef &) = default;
};

/// The shape of the geofence being edited, with its undo history (TECH_NOTES 6). Every edit is
/// one QUndoCommand holding the shape before and after it, so undo and redo restore coordinates
/// exactly; the moves of one drag merge into one step. Rings stay closed: moving the first vertex
/// moves the closing one. The session owns its copy of the shape: nothing that arrives from the
/// database (another console's save, a refresh) touches an edit in progress; only begin() does.
/// Coordinates are lon/lat. GUI thread.
class GeofenceEditSession : public QObject
{
    Q_OBJECT

public:
    /// At least this many steps can be undone.
    static constexpr int UndoLimit = 200;

    explicit GeofenceEditSession(QObject *parent = nullptr);

    /// Starts editing fence id (0: a new one) at its saved shape; clears the history.
    void begin(qint64 fenceId, int version, const gis::MultiPolygon &shape);
    /// Ends the session (after a save or a cancel); clears the history.
    void end();

    bool isActive() const { return m_active; }

    qint64 fenceId() const { return m_fenceId; }

    /// The version the edit started from (what a save must name).
    int baseVersion() const { return m_version; }

    /// After a save: the new version, and the current shape is the saved one.
    void markSaved(qint64 fenceId, int version);

    /// The fence and version a save must name from now on (the planner chose to save over
    /// someone else's version, or as a new fence: id 0); the shape and its history stay.
    void rebase(qint64 fenceId, int version)
    {
        m_fenceId = fenceId;
        m_version = version;
    }

    /// True when the shape differs from the one begin() or markSaved() was given.
    bool isModified() const { return !m_undo.isClean(); }

    const gis::MultiPolygon &shape() const { return m_shape; }

    QUndoStack *undoStack() { return &m_undo; }

    /// The position of a vertex, or NaN if there is none.
    QPointF vertex(VertexRef ref) const;

    /// Moves a vertex. While dragging is true the moves merge into one step; endDrag() closes it.
    void moveVertex(VertexRef ref, QPointF to, bool dragging = false);
    /// Inserts a vertex after ref.index in its ring (between it and the next one).
    void insertVertex(VertexRef after, QPointF at);
    /// Deletes a vertex. Refused (false) when its ring would keep fewer than 3 vertices.
    bool deleteVertex(VertexRef ref);
    /// Moves the whole shape by delta (degrees); merges like moveVertex().
    void moveShape(QPointF delta, bool dragging = false);
    /// Replaces the whole shape (a new part, a hole, a repair, numeric entry): one step.
    void replaceShape(const gis::MultiPolygon &shape, const QString &text);

    /// Closes the step of the current drag.
    void endDrag() { ++m_dragSerial; }

Q_SIGNALS:
    void shapeChanged();
    void sessionChanged();

private:
    friend class ShapeCommand;
    void apply(const gis::MultiPolygon &shape);
    void push(gis::MultiPolygon after, const QString &text, bool merge);

    QUndoStack m_undo;
    gis::MultiPolygon m_shape;
    qint64 m_fenceId = 0;
    int m_version = 0;
    int m_dragSerial = 0;
    bool m_active = false;
};

} // namespace infrasight::models
