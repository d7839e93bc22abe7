// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/featureblockbuilder.h"
#include "gis/core/mercator.h"
#include "ui/render/layerrenderscheduler.h"
#include "ui/widgets/identifytool.h"
#include "ui/widgets/mapcanvas.h"
#include "ui/widgets/polygonselecttool.h"
#include "ui/widgets/rectangleselecttool.h"

#include <QApplication>
#include <QImage>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPolygonF>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using infrasight::gis::LonLat;
using infrasight::render::LayerRenderInput;
using infrasight::render::LayerRenderScheduler;
using infrasight::render::LayerStyle;
using infrasight::render::MapViewport;
using infrasight::ui::IdentifyTool;
using infrasight::ui::MapCanvas;
using infrasight::ui::MapTool;
using infrasight::ui::PolygonSelectTool;
using infrasight::ui::RectangleSelectTool;

namespace {

/// Monaco harbour, where the demo city is.
const LonLat Harbour{7.4236, 43.7350};

bool near(QPointF a, QPointF b, double tolerance = 1e-6)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y()) <= tolerance;
}

QString pointText(QPointF p)
{
    return QStringLiteral("(%1, %2)").arg(p.x(), 0, 'f', 3).arg(p.y(), 0, 'f', 3);
}

/// A mouse move with no button held (QTest::mouseMove only sends one while a button is down).
void hover(QWidget *widget, QPoint position)
{
    QMouseEvent event(QEvent::MouseMove,
                      QPointF(position),
                      QPointF(widget->mapToGlobal(position)),
                      Qt::NoButton,
                      Qt::NoButton,
                      Qt::NoModifier);
    QCoreApplication::sendEvent(widget, &event);
}

/// A left drag in steps, as a hand makes it.
void drag(QWidget *widget, QPoint from, QPoint to, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTest::mousePress(widget, Qt::LeftButton, modifiers, from);
    for (int step = 1; step <= 4; ++step) {
        QTest::mouseMove(widget, from + (to - from) * step / 4);
    }
    QTest::mouseRelease(widget, Qt::LeftButton, modifiers, to);
}

/// A double-click as a window system delivers it: press, release, press, double-click,
/// release.
void doubleClick(QWidget *widget, QPoint position)
{
    QTest::mouseClick(widget, Qt::LeftButton, Qt::NoModifier, position);
    QTest::mousePress(widget, Qt::LeftButton, Qt::NoModifier, position);
    QTest::mouseDClick(widget, Qt::LeftButton, Qt::NoModifier, position);
    QTest::mouseRelease(widget, Qt::LeftButton, Qt::NoModifier, position);
}

/// Where the polygon tests click: a quadrilateral around the middle of the 800x600 canvas.
QList<QPoint> polygonClicks()
{
    return {{200, 150}, {560, 170}, {590, 430}, {230, 400}};
}

void clickAll(QWidget *widget, const QList<QPoint> &positions)
{
    for (const QPoint &position : positions) {
        QTest::mouseClick(widget, Qt::LeftButton, Qt::NoModifier, position);
    }
}

QList<QPointF> screenToMeters(const MapViewport &view, const QList<QPoint> &points)
{
    QList<QPointF> meters;
    for (const QPoint &point : points) {
        meters.append(view.screenToMeters(QPointF(point)));
    }
    return meters;
}

} // namespace

class TestMapTools : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void identifyClickGivesTheMetresUnderTheCursor();
    void identifyToleranceScalesWithZoom_data();
    void identifyToleranceScalesWithZoom();
    void identifyDragPansAndIdentifiesNothing();
    void identifyLeavesWheelAndDoubleClickZoom();
    void rectangleDragSelectsTheRectangle();
    void rectangleClickSelectsAtThePoint();
    void rectangleEscapeCancelsTheDrag();
    void polygonClicksAndDoubleClickCloseThePolygon();
    void polygonEnterBackspaceAndEscape();
    void polygonDragPansWithoutAddingAVertex();
    void toolSwitchSetsTheCursorAndCancelsTheOldTool();
    void deletedToolIsDropped();
    void canvasDrawsLayersThenOverlayThenTool();

private:
    MapViewport harbourView(double zoom) const;

    MapCanvas *m_canvas = nullptr;
};

void TestMapTools::init()
{
    m_canvas = new MapCanvas;
    m_canvas->resize(800, 600);
    m_canvas->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_canvas));
    m_canvas->setViewport(harbourView(15.0));
    m_canvas->setFocus();
}

void TestMapTools::cleanup()
{
    delete m_canvas;
    m_canvas = nullptr;
}

MapViewport TestMapTools::harbourView(double zoom) const
{
    return MapViewport(infrasight::gis::lonLatToMercatorMeters(Harbour),
                       zoom,
                       m_canvas->size(),
                       m_canvas->devicePixelRatioF());
}

void TestMapTools::identifyClickGivesTheMetresUnderTheCursor()
{
    IdentifyTool tool(m_canvas);
    m_canvas->setTool(&tool);
    QSignalSpy spy(&tool, &IdentifyTool::identifyRequested);
    const MapViewport view = m_canvas->viewport();

    const QPoint position(310, 220);
    QTest::mouseClick(m_canvas, Qt::LeftButton, Qt::ControlModifier, position);
    QCOMPARE(spy.count(), 1);
    const QPointF meters = spy.at(0).at(0).toPointF();
    QVERIFY2(near(meters, view.screenToMeters(QPointF(position))), qPrintable(pointText(meters)));
    QCOMPARE(spy.at(0).at(1).toDouble(), IdentifyTool::TolerancePx * view.metersPerPixel());
    QCOMPARE(spy.at(0).at(2).value<Qt::KeyboardModifiers>(), Qt::ControlModifier);
    QCOMPARE(m_canvas->viewport(), view); // a click does not move the map

    // A hand is not steady: 3 px between press and release is still a click, at the point
    // pressed, which the map (panned by those 3 px) still has under the cursor.
    spy.clear();
    const QPoint pressed(500, 300);
    const QPoint released(502, 302);
    QTest::mousePress(m_canvas, Qt::LeftButton, Qt::NoModifier, pressed);
    QTest::mouseMove(m_canvas, released);
    QTest::mouseRelease(m_canvas, Qt::LeftButton, Qt::NoModifier, released);
    QCOMPARE(spy.count(), 1);
    const QPointF jittered = spy.at(0).at(0).toPointF();
    QVERIFY(near(jittered, view.screenToMeters(QPointF(pressed))));
    QVERIFY(near(jittered, m_canvas->viewport().screenToMeters(QPointF(released)), 1e-3));

    // Other buttons do not identify.
    spy.clear();
    QTest::mouseClick(m_canvas, Qt::RightButton, Qt::NoModifier, position);
    QCOMPARE(spy.count(), 0);
}

void TestMapTools::identifyToleranceScalesWithZoom_data()
{
    QTest::addColumn<double>("zoom");
    QTest::newRow("city (12)") << 12.0;
    QTest::newRow("district (15)") << 15.0;
    QTest::newRow("street (18.5)") << 18.5;
}

void TestMapTools::identifyToleranceScalesWithZoom()
{
    QFETCH(double, zoom);
    IdentifyTool tool(m_canvas);
    m_canvas->setTool(&tool);
    QSignalSpy spy(&tool, &IdentifyTool::identifyRequested);
    const QPoint position(400, 300);
    m_canvas->setViewport(harbourView(zoom));
    QTest::mouseClick(m_canvas, Qt::LeftButton, Qt::NoModifier, position);
    m_canvas->setViewport(harbourView(zoom + 1.0));
    QTest::mouseClick(m_canvas, Qt::LeftButton, Qt::NoModifier, position);
    QCOMPARE(spy.count(), 2);
    // 6 px in EPSG:3857 metres: at zoom 15, 6 x 4.777 m; one level in, half of it.
    const double tolerance = spy.at(0).at(1).toDouble();
    QVERIFY(std::abs(tolerance - 6.0 * infrasight::gis::metersPerPixel(zoom)) < 1e-9);
    QVERIFY(std::abs(spy.at(1).at(1).toDouble() - tolerance / 2.0) < 1e-9);
}

void TestMapTools::identifyDragPansAndIdentifiesNothing()
{
    IdentifyTool tool(m_canvas);
    m_canvas->setTool(&tool);
    QSignalSpy spy(&tool, &IdentifyTool::identifyRequested);
    const MapViewport before = m_canvas->viewport();
    const QPoint from(300, 250);
    const QPoint to(420, 190);
    const QPointF grabbed = before.screenToMeters(QPointF(from));
    drag(m_canvas, from, to);
    QCOMPARE(spy.count(), 0);
    QVERIFY(m_canvas->viewport().centerMeters() != before.centerMeters());
    // The map followed the mouse.
    QVERIFY(near(m_canvas->viewport().metersToScreen(grabbed), QPointF(to), 1e-6));

    // A drag that comes back to where it started is still a drag, not a click.
    const MapViewport moved = m_canvas->viewport();
    QTest::mousePress(m_canvas, Qt::LeftButton, Qt::NoModifier, from);
    QTest::mouseMove(m_canvas, from + QPoint(40, 0));
    QTest::mouseMove(m_canvas, from);
    QTest::mouseRelease(m_canvas, Qt::LeftButton, Qt::NoModifier, from);
    QCOMPARE(spy.count(), 0);
    QVERIFY(near(m_canvas->viewport().centerMeters(), moved.centerMeters(), 1e-6));
}

void TestMapTools::identifyLeavesWheelAndDoubleClickZoom()
{
    IdentifyTool tool(m_canvas);
    m_canvas->setTool(&tool);
    const double zoom = m_canvas->viewport().zoom();
    QWheelEvent wheel(QPointF(400, 300),
                      m_canvas->mapToGlobal(QPointF(400, 300)),
                      QPoint(),
                      QPoint(0, 120),
                      Qt::NoButton,
                      Qt::NoModifier,
                      Qt::NoScrollPhase,
                      false);
    QCoreApplication::sendEvent(m_canvas, &wheel);
    QCOMPARE(m_canvas->viewport().zoom(), zoom + 1.0);
    doubleClick(m_canvas, QPoint(400, 300));
    QCOMPARE(m_canvas->viewport().zoom(), zoom + 2.0);
    QTest::keyClick(m_canvas, Qt::Key_Minus);
    QCOMPARE(m_canvas->viewport().zoom(), zoom + 1.0);
}

void TestMapTools::rectangleDragSelectsTheRectangle()
{
    RectangleSelectTool tool(m_canvas);
    m_canvas->setTool(&tool);
    QSignalSpy rectangles(&tool, &RectangleSelectTool::rectangleSelected);
    QSignalSpy points(&tool, &RectangleSelectTool::pointSelected);
    const MapViewport view = m_canvas->viewport();
    const QPoint a(450, 380);
    const QPoint b(220, 140);

    // While dragging, the rubber band is drawn (its translucent fill tints the map).
    const QImage empty = m_canvas->grab().toImage();
    QTest::mousePress(m_canvas, Qt::LeftButton, Qt::ShiftModifier, a);
    QTest::mouseMove(m_canvas, (a + b) / 2);
    QTest::mouseMove(m_canvas, b);
    QVERIFY(tool.isDragging());
    const QImage banded = m_canvas->grab().toImage();
    const qreal dpr = banded.devicePixelRatio();
    const QPoint inside = ((a + b) / 2) * dpr;
    const QPoint outside = QPoint(600, 300) * dpr;
    QVERIFY(banded.pixel(inside) != empty.pixel(inside));
    QCOMPARE(banded.pixel(outside), empty.pixel(outside));
    QTest::mouseRelease(m_canvas, Qt::LeftButton, Qt::ShiftModifier, b);

    QCOMPARE(points.count(), 0);
    QCOMPARE(rectangles.count(), 1);
    const QRectF meters = rectangles.at(0).at(0).toRectF();
    const QRectF wanted
        = QRectF(view.screenToMeters(QPointF(a)), view.screenToMeters(QPointF(b))).normalized();
    QVERIFY2(near(meters.topLeft(), wanted.topLeft())
                 && near(meters.bottomRight(), wanted.bottomRight()),
             qPrintable(pointText(meters.topLeft()) + pointText(meters.bottomRight())));
    QVERIFY(rectangles.at(0).at(1).value<Qt::KeyboardModifiers>().testFlag(Qt::ShiftModifier));
    // The left button belongs to the tool: no pan, and Shift is no zoom rectangle here.
    QCOMPARE(m_canvas->viewport(), view);
    QVERIFY(!tool.isDragging());
}

void TestMapTools::rectangleClickSelectsAtThePoint()
{
    RectangleSelectTool tool(m_canvas);
    m_canvas->setTool(&tool);
    QSignalSpy rectangles(&tool, &RectangleSelectTool::rectangleSelected);
    QSignalSpy points(&tool, &RectangleSelectTool::pointSelected);
    const MapViewport view = m_canvas->viewport();
    const QPoint position(350, 260);
    QTest::mouseClick(m_canvas, Qt::LeftButton, Qt::NoModifier, position);
    QCOMPARE(rectangles.count(), 0);
    QCOMPARE(points.count(), 1);
    QVERIFY(near(points.at(0).at(0).toPointF(), view.screenToMeters(QPointF(position))));
    QCOMPARE(points.at(0).at(1).toDouble(), MapTool::TolerancePx * view.metersPerPixel());
    QCOMPARE(points.at(0).at(2).value<Qt::KeyboardModifiers>(), Qt::NoModifier);
}

void TestMapTools::rectangleEscapeCancelsTheDrag()
{
    RectangleSelectTool tool(m_canvas);
    m_canvas->setTool(&tool);
    QSignalSpy rectangles(&tool, &RectangleSelectTool::rectangleSelected);
    QSignalSpy points(&tool, &RectangleSelectTool::pointSelected);
    const MapViewport view = m_canvas->viewport();
    QTest::mousePress(m_canvas, Qt::LeftButton, Qt::NoModifier, QPoint(100, 100));
    QTest::mouseMove(m_canvas, QPoint(300, 250));
    QVERIFY(tool.isDragging());
    QTest::keyClick(m_canvas, Qt::Key_Escape);
    QVERIFY(!tool.isDragging());
    QTest::mouseRelease(m_canvas, Qt::LeftButton, Qt::NoModifier, QPoint(300, 250));
    QCOMPARE(rectangles.count(), 0);
    QCOMPARE(points.count(), 0);
    QCOMPARE(m_canvas->viewport(), view);
    QCOMPARE(m_canvas->tool(), &tool); // Escape ended the drag, not the tool
}

void TestMapTools::polygonClicksAndDoubleClickCloseThePolygon()
{
    PolygonSelectTool tool(m_canvas);
    m_canvas->setTool(&tool);
    QSignalSpy spy(&tool, &PolygonSelectTool::polygonSelected);
    const MapViewport view = m_canvas->viewport();
    const QList<QPoint> clicks = polygonClicks();

    // Four clicks, then a double-click on the last vertex closes the polygon.
    clickAll(m_canvas, clicks);
    QCOMPARE(tool.vertices().size(), 4);
    hover(m_canvas, QPoint(300, 300)); // the rubber line follows the cursor
    doubleClick(m_canvas, clicks.last());
    QCOMPARE(spy.count(), 1);
    const QPolygonF polygon = spy.at(0).at(0).value<QPolygonF>();
    const QList<QPointF> wanted = screenToMeters(view, clicks);
    QCOMPARE(polygon.size(), 4);
    for (qsizetype i = 0; i < polygon.size(); ++i) {
        QVERIFY2(near(polygon.at(i), wanted.at(i)), qPrintable(pointText(polygon.at(i))));
    }
    QCOMPARE(m_canvas->viewport(), view); // the double-click did not zoom
    QVERIFY(tool.vertices().isEmpty());   // ready for the next polygon

    // Three clicks and a double-click at a fourth place: that place is the fourth vertex.
    spy.clear();
    clickAll(m_canvas, clicks.first(3));
    doubleClick(m_canvas, clicks.at(3));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<QPolygonF>().size(), 4);
    QVERIFY(near(spy.at(0).at(0).value<QPolygonF>().last(), wanted.at(3)));
    QVERIFY(tool.vertices().isEmpty());
}

void TestMapTools::polygonEnterBackspaceAndEscape()
{
    PolygonSelectTool tool(m_canvas);
    m_canvas->setTool(&tool);
    QSignalSpy spy(&tool, &PolygonSelectTool::polygonSelected);
    const MapViewport view = m_canvas->viewport();
    const QList<QPoint> clicks = polygonClicks();
    clickAll(m_canvas, clicks);
    // Backspace takes the last vertex back; Enter closes the triangle left.
    QTest::keyClick(m_canvas, Qt::Key_Backspace);
    QCOMPARE(tool.vertices().size(), 3);
    QTest::keyClick(m_canvas, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(spy.count(), 1);
    const QPolygonF triangle = spy.at(0).at(0).value<QPolygonF>();
    QCOMPARE(triangle.size(), 3);
    QVERIFY(near(triangle.at(2), view.screenToMeters(QPointF(clicks.at(2)))));
    QVERIFY(spy.at(0).at(1).value<Qt::KeyboardModifiers>().testFlag(Qt::ControlModifier));

    // Two vertices cannot close; Escape drops them.
    spy.clear();
    QTest::mouseClick(m_canvas, Qt::LeftButton, Qt::NoModifier, clicks.at(0));
    QTest::mouseClick(m_canvas, Qt::LeftButton, Qt::NoModifier, clicks.at(1));
    QTest::keyClick(m_canvas, Qt::Key_Enter);
    QCOMPARE(spy.count(), 0);
    QCOMPARE(tool.vertices().size(), 2);
    QTest::keyClick(m_canvas, Qt::Key_Escape);
    QVERIFY(tool.vertices().isEmpty());
    QTest::mouseClick(m_canvas, Qt::LeftButton, Qt::NoModifier, clicks.at(2));
    QTest::keyClick(m_canvas, Qt::Key_Return);
    QCOMPARE(spy.count(), 0);
    QCOMPARE(tool.vertices().size(), 1); // a new polygon began after the Escape
    QCOMPARE(m_canvas->viewport(), view);
}

void TestMapTools::polygonDragPansWithoutAddingAVertex()
{
    PolygonSelectTool tool(m_canvas);
    m_canvas->setTool(&tool);
    QSignalSpy spy(&tool, &PolygonSelectTool::polygonSelected);
    const QPoint first(200, 150);
    QTest::mouseClick(m_canvas, Qt::LeftButton, Qt::NoModifier, first);
    const QPointF firstMeters = tool.vertices().constFirst();
    const MapViewport before = m_canvas->viewport();
    drag(m_canvas, QPoint(400, 300), QPoint(300, 260));
    QCOMPARE(tool.vertices().size(), 1);
    QVERIFY(m_canvas->viewport().centerMeters() != before.centerMeters());
    // The vertex stays on its place on the map (it moved on screen with the map).
    QVERIFY(near(m_canvas->viewport().metersToScreen(firstMeters),
                 QPointF(first) + QPointF(-100, -40),
                 1e-3));
    QCOMPARE(spy.count(), 0);
}

void TestMapTools::toolSwitchSetsTheCursorAndCancelsTheOldTool()
{
    QCOMPARE(m_canvas->cursor().shape(), Qt::OpenHandCursor);
    IdentifyTool identify(m_canvas);
    PolygonSelectTool polygon(m_canvas);
    QSignalSpy changed(m_canvas, &MapCanvas::toolChanged);
    m_canvas->setTool(&polygon);
    QCOMPARE(m_canvas->tool(), &polygon);
    QCOMPARE(m_canvas->cursor().shape(), polygon.cursor().shape());
    QCOMPARE(m_canvas->cursor().shape(), Qt::CrossCursor);
    QTest::mouseClick(m_canvas, Qt::LeftButton, Qt::NoModifier, QPoint(100, 100));
    QTest::mouseClick(m_canvas, Qt::LeftButton, Qt::NoModifier, QPoint(200, 100));
    QCOMPARE(polygon.vertices().size(), 2);

    m_canvas->setTool(&identify);
    QVERIFY(polygon.vertices().isEmpty()); // deactivated: the polygon in progress is dropped
    QCOMPARE(m_canvas->cursor().shape(), identify.cursor().shape());
    // A drag shows the closed hand, then the tool's cursor again.
    QTest::mousePress(m_canvas, Qt::LeftButton, Qt::NoModifier, QPoint(300, 300));
    QTest::mouseMove(m_canvas, QPoint(340, 300));
    QCOMPARE(m_canvas->cursor().shape(), Qt::ClosedHandCursor);
    QTest::mouseRelease(m_canvas, Qt::LeftButton, Qt::NoModifier, QPoint(340, 300));
    QCOMPARE(m_canvas->cursor().shape(), identify.cursor().shape());

    m_canvas->setTool(nullptr);
    QCOMPARE(m_canvas->tool(), nullptr);
    QCOMPARE(m_canvas->cursor().shape(), Qt::OpenHandCursor);
    QCOMPARE(changed.count(), 3);
}

void TestMapTools::deletedToolIsDropped()
{
    auto *tool = new RectangleSelectTool(m_canvas);
    QCOMPARE(tool->canvas(), m_canvas);
    QCOMPARE(tool->parent(), static_cast<QObject *>(m_canvas));
    m_canvas->setTool(tool);
    QCOMPARE(m_canvas->cursor().shape(), Qt::CrossCursor);
    QSignalSpy changed(m_canvas, &MapCanvas::toolChanged);
    delete tool;
    QCOMPARE(m_canvas->tool(), nullptr);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_canvas->cursor().shape(), Qt::OpenHandCursor);
    // The canvas pans again with the left button.
    const MapViewport before = m_canvas->viewport();
    drag(m_canvas, QPoint(300, 300), QPoint(350, 320));
    QVERIFY(m_canvas->viewport().centerMeters() != before.centerMeters());

    // A canvas deleted with its active tool (a child of it) goes cleanly.
    auto *canvas = new MapCanvas;
    auto *child = new PolygonSelectTool(canvas);
    canvas->setTool(child);
    QSignalSpy gone(child, &QObject::destroyed);
    delete canvas;
    QCOMPARE(gone.count(), 1);
}

void TestMapTools::canvasDrawsLayersThenOverlayThenTool()
{
    const MapViewport view = m_canvas->viewport();
    LayerRenderScheduler *scheduler = m_canvas->layerScheduler();
    QVERIFY(scheduler != nullptr);
    QCOMPARE(scheduler->viewport(), view); // follows the canvas

    // One red point on a vector layer at (300, 200).
    infrasight::gis::FeatureBlockBuilder builder(infrasight::gis::FeatureKind::Point);
    builder.addPoint(1, infrasight::gis::AssetStatus::Active, 0, view.screenToMeters({300, 200}));
    LayerRenderInput input;
    input.key = QStringLiteral("valves");
    input.blocks = {builder.build()};
    input.style.colorBy = LayerStyle::ColorBy::Fixed;
    input.style.color = QColor(255, 0, 0);
    input.revision = 1;
    QSignalSpy idle(scheduler, &LayerRenderScheduler::idle);
    scheduler->setLayers({input});
    QVERIFY(idle.wait(10000));

    // The overlay paints a blue square over the point's left half; the tool's paint would go
    // on top of that (the polygon tool draws its outline there).
    MapViewport overlayView;
    m_canvas->setOverlayPainter(MapCanvas::Overlay::Selection,
                                [&](QPainter &painter, const MapViewport &viewport) {
                                    overlayView = viewport;
                                    painter.fillRect(QRectF(280, 180, 20, 40), QColor(0, 0, 255));
                                });
    const QImage image = m_canvas->grab().toImage();
    const qreal dpr = image.devicePixelRatio();
    QCOMPARE(overlayView, view);
    const QColor layer = image.pixelColor((QPointF(303, 200) * dpr).toPoint());
    QVERIFY2(layer.red() > 150 && layer.blue() < 100, qPrintable(layer.name()));
    QCOMPARE(image.pixelColor((QPointF(295, 200) * dpr).toPoint()), QColor(0, 0, 255));

    // Panned: the layer's image moves with the map before any new render.
    m_canvas->setViewport(view.pannedBy(QPointF(50, 0)));
    m_canvas->setOverlayPainter(MapCanvas::Overlay::Selection, {});
    const QImage panned = m_canvas->grab().toImage();
    const QColor moved = panned.pixelColor((QPointF(350, 200) * dpr).toPoint());
    QVERIFY2(moved.red() > 150 && moved.blue() < 100, qPrintable(moved.name()));
    QVERIFY(panned.pixelColor((QPointF(300, 200) * dpr).toPoint()) != moved);
    QVERIFY(idle.wait(10000)); // and then renders for the new view
    QCOMPARE(scheduler->layerImageViewport(QStringLiteral("valves")), m_canvas->viewport());
}

QTEST_MAIN(TestMapTools)
#include "tst_maptools.moc"
