// SPDX-License-Identifier: GPL-3.0-or-later
// The geofence editor on a real map canvas, driven by the mouse and keyboard as a planner does:
// drawing by clicks and drags, a drag that is one undo step, Escape, inserting and deleting
// vertices, moving the whole fence, holes, and snapping within 12 px with its marker.
#include "gis/core/featureblockbuilder.h"
#include "gis/core/mercator.h"
#include "gis/proj/fenceshapes.h"
#include "models/geofenceeditsession.h"
#include "models/geofencelistmodel.h"
#include "tests/support/fakegeofencerepository.h"
#include "ui/render/layerrenderscheduler.h"
#include "ui/widgets/geofenceedittool.h"
#include "ui/widgets/mapcanvas.h"

#include <QMouseEvent>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace infrasight;
using infrasight::models::GeofenceEditSession;
using infrasight::models::VertexRef;
using infrasight::ui::GeofenceEditTool;
using Mode = infrasight::ui::GeofenceEditTool::Mode;

namespace {

const gis::LonLat Harbour{7.4236, 43.7350};

void drag(QWidget *widget, QPoint from, QPoint to)
{
    QTest::mousePress(widget, Qt::LeftButton, Qt::NoModifier, from);
    for (int step = 1; step <= 4; ++step) {
        QTest::mouseMove(widget, from + (to - from) * step / 4);
    }
    QTest::mouseRelease(widget, Qt::LeftButton, Qt::NoModifier, to);
}

void doubleClick(QWidget *widget, QPoint position)
{
    QTest::mouseClick(widget, Qt::LeftButton, Qt::NoModifier, position);
    QTest::mousePress(widget, Qt::LeftButton, Qt::NoModifier, position);
    QTest::mouseDClick(widget, Qt::LeftButton, Qt::NoModifier, position);
    QTest::mouseRelease(widget, Qt::LeftButton, Qt::NoModifier, position);
}

double screenDistance(QPointF a, QPointF b)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

} // namespace

class TestGeofenceEditTool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void polygonByClicksAndEnter();
    void dragMovesAVertexInOneUndoStep();
    void escapeCancelsADrag();
    void doubleClickInsertsAndDeleteRemoves();
    void dragInsideMovesTheWholeFence();
    void sixtyEditsUndoToTheStart();
    void circleDragIsGeodesic();
    void rectangleDragAndHole();
    void corridorBuffersTheLine();
    void snapsToAnAssetWithinTwelvePixels_data();
    void snapsToAnAssetWithinTwelvePixels();
    void snapsToItsOwnVertices();

private:
    /// The screen position of a vertex of the session's shape.
    QPoint screenOf(VertexRef ref) const;
    /// A square fence of side px pixels centred on the canvas, opened in the session.
    gis::MultiPolygon openSquare(int px);

    std::unique_ptr<tests::FakeGeofenceRepository> m_repository; // no fences, never answers
    std::unique_ptr<models::GeofenceListModel> m_fences;
    std::unique_ptr<GeofenceEditSession> m_session;
    ui::MapCanvas *m_canvas = nullptr;
    GeofenceEditTool *m_tool = nullptr;
};

void TestGeofenceEditTool::init()
{
    m_repository = std::make_unique<tests::FakeGeofenceRepository>();
    m_fences = std::make_unique<models::GeofenceListModel>(*m_repository);
    m_session = std::make_unique<GeofenceEditSession>();
    m_canvas = new ui::MapCanvas;
    m_canvas->resize(800, 600);
    m_canvas->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_canvas));
    m_canvas->setViewport(render::MapViewport(gis::lonLatToMercatorMeters(Harbour),
                                              17.0,
                                              m_canvas->size(),
                                              m_canvas->devicePixelRatioF()));
    m_canvas->setFocus();
    m_tool = new GeofenceEditTool(m_canvas, m_session.get(), m_fences.get());
    m_canvas->setTool(m_tool);
}

void TestGeofenceEditTool::cleanup()
{
    delete m_canvas; // the tool's parent
    m_canvas = nullptr;
    m_tool = nullptr;
    m_session.reset();
    m_fences.reset();
    m_repository.reset();
}

QPoint TestGeofenceEditTool::screenOf(VertexRef ref) const
{
    const QPointF ll = m_session->vertex(ref);
    return m_canvas->viewport().lonLatToScreen({ll.x(), ll.y()}).toPoint();
}

gis::MultiPolygon TestGeofenceEditTool::openSquare(int px)
{
    const render::MapViewport view = m_canvas->viewport();
    std::vector<QPointF> ring;
    for (QPoint corner : {QPoint(400 - px / 2, 300 + px / 2),
                          QPoint(400 + px / 2, 300 + px / 2),
                          QPoint(400 + px / 2, 300 - px / 2),
                          QPoint(400 - px / 2, 300 - px / 2)}) {
        const gis::LonLat ll = view.screenToLonLat(QPointF(corner));
        ring.emplace_back(ll.lonDeg, ll.latDeg);
    }
    ring.push_back(ring.front());
    gis::MultiPolygon shape{{gis::Polygon{{ring}}}};
    m_session->begin(7, 3, shape);
    m_tool->setMode(Mode::Edit);
    return shape;
}

void TestGeofenceEditTool::polygonByClicksAndEnter()
{
    m_session->begin(0, 0, {});
    m_tool->setMode(Mode::Polygon);
    const QList<QPoint> clicks{{200, 150}, {560, 170}, {590, 430}, {230, 400}};
    for (const QPoint &click : clicks) {
        QTest::mouseClick(m_canvas, Qt::LeftButton, Qt::NoModifier, click);
    }
    QVERIFY(m_session->shape().polygons.empty()); // nothing until it is finished
    QTest::keyClick(m_canvas, Qt::Key_Return);
    QCOMPARE(m_tool->mode(), Mode::Edit);
    QCOMPARE(m_session->shape().polygons.size(), size_t(1));
    const auto &ring = m_session->shape().polygons.front().rings.front();
    QCOMPARE(ring.size(), size_t(5));
    QCOMPARE(ring.front(), ring.back());
    for (int i = 0; i < clicks.size(); ++i) {
        QVERIFY(screenDistance(
                    m_canvas->viewport().lonLatToScreen({ring[size_t(i)].x(), ring[size_t(i)].y()}),
                    QPointF(clicks.at(i)))
                < 0.01);
    }
    QCOMPARE(m_session->undoStack()->count(), 1);
    QVERIFY(m_session->isModified());
}

void TestGeofenceEditTool::dragMovesAVertexInOneUndoStep()
{
    const gis::MultiPolygon original = openSquare(200);
    const QPoint from = screenOf({0, 0, 0});
    const QPoint to = from + QPoint(-60, 40);
    drag(m_canvas, from, to);
    QCOMPARE(m_session->undoStack()->count(), 1); // four moves, one step
    QVERIFY(screenDistance(QPointF(screenOf({0, 0, 0})), QPointF(to)) <= 1.0);
    const gis::MultiPolygon dragged = m_session->shape();
    QCOMPARE(dragged.polygons.front().rings.front().back(),
             dragged.polygons.front().rings.front().front()); // still closed
    m_session->undoStack()->undo();
    QCOMPARE(m_session->shape(), original); // exactly, not nearly
    m_session->undoStack()->redo();
    QCOMPARE(m_session->shape(), dragged);
}

void TestGeofenceEditTool::escapeCancelsADrag()
{
    const gis::MultiPolygon original = openSquare(200);
    const QPoint from = screenOf({0, 0, 1});
    QTest::mousePress(m_canvas, Qt::LeftButton, Qt::NoModifier, from);
    QTest::mouseMove(m_canvas, from + QPoint(30, 30));
    QTest::mouseMove(m_canvas, from + QPoint(60, 50));
    QVERIFY(m_session->shape() != original);
    QTest::keyClick(m_canvas, Qt::Key_Escape);
    QCOMPARE(m_session->shape(), original);
    QTest::mouseMove(m_canvas, from + QPoint(80, 80));
    QTest::mouseRelease(m_canvas, Qt::LeftButton, Qt::NoModifier, from + QPoint(80, 80));
    QCOMPARE(m_session->shape(), original); // the rest of the drag changes nothing
    QVERIFY(!m_session->undoStack()->canUndo());
}

void TestGeofenceEditTool::doubleClickInsertsAndDeleteRemoves()
{
    const gis::MultiPolygon original = openSquare(200);
    const QPoint middle = (screenOf({0, 0, 0}) + screenOf({0, 0, 1})) / 2;
    doubleClick(m_canvas, middle);
    const auto &ring = m_session->shape().polygons.front().rings.front();
    QCOMPARE(ring.size(), size_t(6));
    QCOMPARE(m_tool->selectedVertex(), (VertexRef{0, 0, 1}));
    QVERIFY(screenDistance(QPointF(screenOf({0, 0, 1})), QPointF(middle)) <= 1.0);
    QTest::keyClick(m_canvas, Qt::Key_Delete);
    QCOMPARE(m_session->shape(), original);
    // A triangle's vertex stays: Delete on a square leaves three, then refuses.
    QTest::mouseClick(m_canvas, Qt::LeftButton, Qt::NoModifier, screenOf({0, 0, 2}));
    QTest::keyClick(m_canvas, Qt::Key_Delete);
    QCOMPARE(m_session->shape().polygons.front().rings.front().size(), size_t(4));
    QTest::mouseClick(m_canvas, Qt::LeftButton, Qt::NoModifier, screenOf({0, 0, 0}));
    QTest::keyClick(m_canvas, Qt::Key_Delete);
    QCOMPARE(m_session->shape().polygons.front().rings.front().size(), size_t(4));
}

void TestGeofenceEditTool::dragInsideMovesTheWholeFence()
{
    const gis::MultiPolygon original = openSquare(200);
    const QPoint before = screenOf({0, 0, 2});
    drag(m_canvas, QPoint(400, 300), QPoint(450, 280));
    QCOMPARE(m_session->undoStack()->count(), 1);
    QVERIFY(screenDistance(QPointF(screenOf({0, 0, 2})), QPointF(before + QPoint(50, -20))) <= 1.0);
    m_session->undoStack()->undo();
    QCOMPARE(m_session->shape(), original);
}

void TestGeofenceEditTool::sixtyEditsUndoToTheStart()
{
    const gis::MultiPolygon original = openSquare(300);
    for (int i = 0; i < 60; ++i) {
        const QPoint from = screenOf({0, 0, i % 4});
        drag(m_canvas, from, from + QPoint(i % 2 == 0 ? 3 : -2, 2));
    }
    QCOMPARE(m_session->undoStack()->count(), 60);
    for (int i = 0; i < 60; ++i) {
        m_session->undoStack()->undo();
    }
    QCOMPARE(m_session->shape(), original);
}

void TestGeofenceEditTool::circleDragIsGeodesic()
{
    m_session->begin(0, 0, {});
    m_tool->setMode(Mode::Circle);
    drag(m_canvas, QPoint(400, 300), QPoint(500, 300));
    QCOMPARE(m_tool->mode(), Mode::Edit);
    const render::MapViewport view = m_canvas->viewport();
    const gis::LonLat centre = view.screenToLonLat(QPointF(400, 300));
    const double radius = gis::fenceshapes::distanceM(centre, view.screenToLonLat({500, 300}));
    QVERIFY(radius > 50 && radius < 200); // 100 px at zoom 17 in Monaco
    const auto &ring = m_session->shape().polygons.front().rings.front();
    QVERIFY(ring.size() >= 37);
    for (const QPointF &p : ring) {
        QVERIFY(std::abs(gis::fenceshapes::distanceM(centre, {p.x(), p.y()}) - radius) < 0.01);
    }
}

void TestGeofenceEditTool::rectangleDragAndHole()
{
    m_session->begin(0, 0, {});
    m_tool->setMode(Mode::Rectangle);
    drag(m_canvas, QPoint(200, 150), QPoint(600, 450));
    QCOMPARE(m_session->shape().polygons.size(), size_t(1));
    QCOMPARE(m_session->shape().polygons.front().rings.front().size(), size_t(5));
    m_tool->setMode(Mode::Hole);
    for (QPoint p : {QPoint(350, 250), QPoint(450, 250), QPoint(400, 350)}) {
        QTest::mouseClick(m_canvas, Qt::LeftButton, Qt::NoModifier, p);
    }
    QTest::keyClick(m_canvas, Qt::Key_Return);
    QCOMPARE(m_session->shape().polygons.front().rings.size(), size_t(2));
    QCOMPARE(m_session->undoStack()->count(), 2);
    m_tool->setMode(Mode::Part);
    for (QPoint p : {QPoint(650, 100), QPoint(750, 100), QPoint(700, 180)}) {
        QTest::mouseClick(m_canvas, Qt::LeftButton, Qt::NoModifier, p);
    }
    QTest::mouseClick(m_canvas, Qt::RightButton, Qt::NoModifier, QPoint(700, 180)); // takes back
    QTest::mouseClick(m_canvas, Qt::LeftButton, Qt::NoModifier, QPoint(700, 190));
    QTest::keyClick(m_canvas, Qt::Key_Return);
    QCOMPARE(m_session->shape().polygons.size(), size_t(2));
    const QPointF third = m_session->shape().polygons.back().rings.front().at(2);
    QVERIFY(screenDistance(m_canvas->viewport().lonLatToScreen({third.x(), third.y()}),
                           QPointF(700, 190))
            < 0.01);
}

void TestGeofenceEditTool::corridorBuffersTheLine()
{
    m_session->begin(0, 0, {});
    m_tool->setCorridorHalfWidthM(10.0);
    m_tool->setMode(Mode::Corridor);
    QTest::mouseClick(m_canvas, Qt::LeftButton, Qt::NoModifier, QPoint(200, 300));
    QTest::mouseClick(m_canvas, Qt::LeftButton, Qt::NoModifier, QPoint(600, 300));
    QTest::keyClick(m_canvas, Qt::Key_Return);
    QCOMPARE(m_tool->mode(), Mode::Edit);
    QCOMPARE(m_session->shape().polygons.size(), size_t(1));
    // Every vertex is 10 m from the line (round ends), give or take the local plane's error.
    const render::MapViewport view = m_canvas->viewport();
    const gis::LonLat a = view.screenToLonLat({200, 300});
    const gis::LonLat b = view.screenToLonLat({600, 300});
    for (const QPointF &p : m_session->shape().polygons.front().rings.front()) {
        const double lon = std::clamp(p.x(), a.lonDeg, b.lonDeg);
        const double d = gis::fenceshapes::distanceM({lon, a.latDeg}, {p.x(), p.y()});
        QVERIFY2(std::abs(d - 10.0) < 0.2, qPrintable(QString::number(d)));
    }
}

void TestGeofenceEditTool::snapsToAnAssetWithinTwelvePixels_data()
{
    QTest::addColumn<int>("offsetPx");
    QTest::addColumn<bool>("snaps");
    QTest::newRow("5-px-away") << 5 << true;
    QTest::newRow("11-px-away") << 11 << true;
    QTest::newRow("14-px-away") << 14 << false;
}

void TestGeofenceEditTool::snapsToAnAssetWithinTwelvePixels()
{
    QFETCH(int, offsetPx);
    QFETCH(bool, snaps);
    openSquare(200);
    // A hydrant 100 px left of the square's first corner.
    const QPoint hydrant = screenOf({0, 0, 0}) + QPoint(-100, 0);
    const render::MapViewport view = m_canvas->viewport();
    gis::FeatureBlockBuilder builder(gis::FeatureKind::Point);
    builder.addPoint(1, gis::AssetStatus::Active, 0, view.screenToMeters(QPointF(hydrant)));
    render::LayerRenderInput layer;
    layer.key = QStringLiteral("asset:hydrant");
    layer.blocks = {builder.build()};
    layer.revision = 1;
    m_canvas->layerScheduler()->setLayers({layer});

    const QPoint from = screenOf({0, 0, 0});
    const QPoint to = hydrant + QPoint(0, offsetPx);
    QTest::mousePress(m_canvas, Qt::LeftButton, Qt::NoModifier, from);
    QTest::mouseMove(m_canvas, (from + to) / 2);
    QTest::mouseMove(m_canvas, to);
    QCOMPARE(m_tool->snapMarker().has_value(), snaps); // the marker shows while dragging
    QTest::mouseRelease(m_canvas, Qt::LeftButton, Qt::NoModifier, to);
    QVERIFY(!m_tool->snapMarker().has_value());
    const QPointF moved = m_session->vertex({0, 0, 0});
    const gis::LonLat target = gis::mercatorMetersToLonLat(view.screenToMeters(QPointF(hydrant)));
    if (snaps) {
        QVERIFY(std::abs(moved.x() - target.lonDeg) < 1e-9);
        QVERIFY(std::abs(moved.y() - target.latDeg) < 1e-9);
    } else {
        QVERIFY(screenDistance(QPointF(screenOf({0, 0, 0})), QPointF(to)) <= 1.0);
    }

    // Unticked in the snap menu: the layer is no longer a target.
    m_session->undoStack()->undo();
    m_tool->setSnapExcluded({QStringLiteral("asset:hydrant")});
    drag(m_canvas, screenOf({0, 0, 0}), hydrant + QPoint(0, 5));
    QVERIFY(screenDistance(QPointF(screenOf({0, 0, 0})), QPointF(hydrant + QPoint(0, 5))) <= 1.0);
}

void TestGeofenceEditTool::snapsToItsOwnVertices()
{
    openSquare(200);
    const QPointF corner = m_session->vertex({0, 0, 2});
    m_tool->setMode(Mode::Part);
    const QPoint near = screenOf({0, 0, 2}) + QPoint(6, -4);
    for (QPoint p : {near, near + QPoint(120, 0), near + QPoint(60, -100)}) {
        QTest::mouseClick(m_canvas, Qt::LeftButton, Qt::NoModifier, p);
    }
    QTest::keyClick(m_canvas, Qt::Key_Return);
    QCOMPARE(m_session->shape().polygons.size(), size_t(2));
    QCOMPARE(m_session->shape().polygons.back().rings.front().front(), corner); // exactly
    m_tool->setSnapping(false);
    m_tool->setMode(Mode::Part);
    for (QPoint p : {near, near + QPoint(-20, -150), near + QPoint(-120, -140)}) {
        QTest::mouseClick(m_canvas, Qt::LeftButton, Qt::NoModifier, p);
    }
    QTest::keyClick(m_canvas, Qt::Key_Return);
    QVERIFY(m_session->shape().polygons.back().rings.front().front() != corner);
}

QTEST_MAIN(TestGeofenceEditTool)
#include "tst_geofenceedittool.moc"
