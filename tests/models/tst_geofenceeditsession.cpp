// SPDX-License-Identifier: GPL-3.0-or-later
// The geofence editor's shape and history: every step undone and redone restores the exact
// coordinates, a drag is one step, and at least 50 steps can be undone.
#include "models/geofenceeditsession.h"

#include <QSignalSpy>
#include <QTest>

using namespace infrasight;
using namespace infrasight::models;

namespace {

gis::MultiPolygon square()
{
    return {{gis::Polygon{
        {{{7.420, 43.730}, {7.422, 43.730}, {7.422, 43.732}, {7.420, 43.732}, {7.420, 43.730}}}}}};
}

} // namespace

class TestGeofenceEditSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void undoRedoRestoresExactCoordinates();
    void aDragIsOneStep();
    void fiftyStepsUndoToTheStart();
    void firstVertexKeepsTheRingClosed();
    void aTriangleKeepsItsVertices();
    void beginStartsAFreshHistory();
};

void TestGeofenceEditSession::undoRedoRestoresExactCoordinates()
{
    GeofenceEditSession session;
    session.begin(7, 3, square());
    QVERIFY(!session.isModified());
    // Coordinates no decimal rounding would keep.
    const QPointF moved(7.4231234567890123, 43.7334567890123456);
    session.moveVertex({0, 0, 2}, moved);
    session.insertVertex({0, 0, 0}, QPointF(7.4211111111111111, 43.7290000000000001));
    QVERIFY(session.deleteVertex({0, 0, 3}));
    session.moveShape(QPointF(1e-7, -3e-7));
    const gis::MultiPolygon last = session.shape();
    QVERIFY(session.isModified());

    QUndoStack *undo = session.undoStack();
    QCOMPARE(undo->count(), 4);
    for (int i = 0; i < 4; ++i) {
        undo->undo();
    }
    QCOMPARE(session.shape(), square());
    QVERIFY(!session.isModified());
    undo->redo();
    QCOMPARE(session.vertex({0, 0, 2}), moved);
    for (int i = 0; i < 3; ++i) {
        undo->redo();
    }
    QCOMPARE(session.shape(), last);
    QCOMPARE(undo->undoText(), QStringLiteral("Move geofence"));
}

void TestGeofenceEditSession::aDragIsOneStep()
{
    GeofenceEditSession session;
    session.begin(1, 1, square());
    QSignalSpy changed(&session, &GeofenceEditSession::shapeChanged);
    for (int i = 1; i <= 30; ++i) {
        session.moveVertex({0, 0, 1}, QPointF(7.422 + i * 1e-5, 43.730), true);
    }
    session.endDrag();
    QCOMPARE(changed.count(), 30); // the map follows every move
    QCOMPARE(session.undoStack()->count(), 1);
    // The next drag is a step of its own, even of the same vertex.
    session.moveVertex({0, 0, 1}, QPointF(7.5, 43.730), true);
    session.endDrag();
    QCOMPARE(session.undoStack()->count(), 2);
    session.undoStack()->undo();
    QCOMPARE(session.vertex({0, 0, 1}), QPointF(7.422 + 30 * 1e-5, 43.730));
    session.undoStack()->undo();
    QCOMPARE(session.shape(), square());
}

void TestGeofenceEditSession::fiftyStepsUndoToTheStart()
{
    GeofenceEditSession session;
    session.begin(1, 1, square());
    QList<gis::MultiPolygon> states{session.shape()};
    for (int i = 0; i < 60; ++i) {
        if (i % 3 == 0) {
            session.insertVertex({0, 0, 0}, QPointF(7.4205 + i * 1e-6, 43.7299));
        } else {
            session.moveVertex({0, 0, 1}, QPointF(7.4205 + i * 1e-6, 43.7298 - i * 1e-6));
        }
        states.append(session.shape());
    }
    QCOMPARE(session.undoStack()->count(), 60);
    for (int i = 59; i >= 0; --i) {
        session.undoStack()->undo();
        QCOMPARE(session.shape(), states.at(i));
    }
    QVERIFY(GeofenceEditSession::UndoLimit >= 50);
}

void TestGeofenceEditSession::firstVertexKeepsTheRingClosed()
{
    GeofenceEditSession session;
    session.begin(1, 1, square());
    session.moveVertex({0, 0, 0}, QPointF(7.419, 43.729));
    const auto &ring = session.shape().polygons.front().rings.front();
    QCOMPARE(ring.front(), QPointF(7.419, 43.729));
    QCOMPARE(ring.back(), ring.front());
    QVERIFY(session.deleteVertex({0, 0, 0}));
    const auto &after = session.shape().polygons.front().rings.front();
    QCOMPARE(after.size(), size_t(4));
    QCOMPARE(after.front(), QPointF(7.422, 43.730));
    QCOMPARE(after.back(), after.front());
}

void TestGeofenceEditSession::aTriangleKeepsItsVertices()
{
    GeofenceEditSession session;
    session.begin(1, 1, square());
    QVERIFY(session.deleteVertex({0, 0, 3}));
    QVERIFY(!session.deleteVertex({0, 0, 0}));
    QCOMPARE(session.undoStack()->count(), 1);
    // No such vertex: nothing happens.
    session.moveVertex({0, 2, 0}, QPointF(0, 0));
    QCOMPARE(session.undoStack()->count(), 1);
}

void TestGeofenceEditSession::beginStartsAFreshHistory()
{
    GeofenceEditSession session;
    session.begin(1, 1, square());
    session.moveShape(QPointF(0.001, 0));
    session.markSaved(1, 2);
    QVERIFY(!session.isModified());
    QCOMPARE(session.baseVersion(), 2);
    session.begin(2, 5, square());
    QCOMPARE(session.undoStack()->count(), 0);
    QCOMPARE(session.fenceId(), qint64(2));
    session.end();
    QVERIFY(!session.isActive());
    // Not editing: edits are ignored.
    session.moveShape(QPointF(1, 1));
    QCOMPARE(session.undoStack()->count(), 0);
}

QTEST_GUILESS_MAIN(TestGeofenceEditSession)
#include "tst_geofenceeditsession.moc"
