// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/featureblockbuilder.h"
#include "gis/core/mercator.h"
#include "ui/render/layerrenderscheduler.h"

#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <functional>
#include <memory>
#include <optional>

using infrasight::gis::AssetStatus;
using infrasight::gis::FeatureBlock;
using infrasight::gis::FeatureBlockBuilder;
using infrasight::gis::FeatureKind;
using infrasight::render::LayerRenderInput;
using infrasight::render::LayerRenderScheduler;
using infrasight::render::LayerStyle;
using infrasight::render::MapViewport;

namespace {

constexpr int WaitMs = 10000;

/// Monaco harbour at zoom 16 in a 400x300 view.
MapViewport harbourView()
{
    return MapViewport(
        infrasight::gis::lonLatToMercatorMeters({7.4236, 43.7350}), 16.0, QSize(400, 300), 1.0);
}

FeatureBlock pointsAt(const QList<QPointF> &meters)
{
    FeatureBlockBuilder builder(FeatureKind::Point);
    qint64 id = 1;
    for (const QPointF &point : meters) {
        builder.addPoint(id++, AssetStatus::Active, 0, point);
    }
    return builder.build();
}

LayerRenderInput pointLayer(const QString &key,
                            const QList<QPointF> &meters,
                            quint64 revision = 1,
                            QColor color = Qt::red)
{
    LayerRenderInput input;
    input.key = key;
    input.blocks = {pointsAt(meters)};
    input.style.kind = FeatureKind::Point;
    input.style.colorBy = LayerStyle::ColorBy::Fixed;
    input.style.color = color;
    input.style.symbolSize = 12.0;
    input.revision = revision;
    return input;
}

/// The centre of the drawn (not transparent) pixels of image, in logical pixels, counting only
/// those that ink accepts; none if there are none.
std::optional<QPointF> inkCentre(
    const QImage &image, const std::function<bool(QRgb)> &ink = [](QRgb) { return true; })
{
    double sumX = 0.0;
    double sumY = 0.0;
    qint64 count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb pixel = image.pixel(x, y);
            if (qAlpha(pixel) > 0 && ink(pixel)) {
                sumX += x + 0.5;
                sumY += y + 0.5;
                ++count;
            }
        }
    }
    if (count == 0) {
        return std::nullopt;
    }
    const double scale = static_cast<double>(count) * image.devicePixelRatio();
    return QPointF(sumX / scale, sumY / scale);
}

/// The highest alpha in image.
int maxAlpha(const QImage &image)
{
    int alpha = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            alpha = std::max(alpha, qAlpha(image.pixel(x, y)));
        }
    }
    return alpha;
}

/// What the scheduler paints at view, on a transparent image.
QImage paintAt(const LayerRenderScheduler &scheduler, const MapViewport &view)
{
    QImage image(view.sizePx(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    scheduler.paint(painter, view);
    painter.end();
    return image;
}

double distance(QPointF a, QPointF b)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

QString pointText(QPointF p)
{
    return QStringLiteral("(%1, %2)").arg(p.x()).arg(p.y());
}

} // namespace

class TestLayerRenderScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void imagesArriveAndIdleFires();
    void viewportChangeWhileRenderingDropsTheStaleResult();
    void viewportChangesAreDebounced();
    void changingOneLayersRevisionReRendersOnlyThatLayer();
    void paintMovesAndScalesTheImageToTheCurrentView();
    void opacityIsAppliedWithoutARender();
    void droppedLayerIsNoLongerPainted();
    void layersRenderedForDifferentViewsAreEachMoved();
    void renderNowRendersEveryLayerAtOnce();
    void destroyingWhileRenderingWaitsForTheJobs();
};

void TestLayerRenderScheduler::imagesArriveAndIdleFires()
{
    LayerRenderScheduler scheduler;
    const MapViewport view = harbourView();
    scheduler.setViewport(view);
    QVERIFY(scheduler.isIdle()); // nothing to draw
    QSignalSpy idle(&scheduler, &LayerRenderScheduler::idle);
    QSignalSpy images(&scheduler, &LayerRenderScheduler::imagesChanged);
    const QPointF point = view.screenToMeters(QPointF(100, 80));
    scheduler.setLayers({pointLayer(QStringLiteral("valves"), {point})});
    QVERIFY(!scheduler.isIdle());
    QVERIFY(idle.wait(WaitMs));
    QCOMPARE(idle.count(), 1);
    QVERIFY(scheduler.isIdle());
    QVERIFY(images.count() >= 1);

    const QImage image = scheduler.layerImage(QStringLiteral("valves"));
    QVERIFY(!image.isNull());
    QCOMPARE(image.deviceIndependentSize().toSize(), view.sizePx());
    QCOMPARE(scheduler.layerImageViewport(QStringLiteral("valves")), view);
    const std::optional<QPointF> centre = inkCentre(image);
    QVERIFY(centre.has_value());
    QVERIFY2(distance(*centre, QPointF(100, 80)) < 1.5, qPrintable(pointText(*centre)));
    QVERIFY(scheduler.layerImage(QStringLiteral("unknown")).isNull());
}

void TestLayerRenderScheduler::viewportChangeWhileRenderingDropsTheStaleResult()
{
    LayerRenderScheduler scheduler;
    const MapViewport first = harbourView();
    const MapViewport second = first.pannedBy(QPointF(-120, 0));
    scheduler.setViewport(first);
    // Every image ever taken, with the view it was rendered for.
    QList<MapViewport> taken;
    connect(&scheduler, &LayerRenderScheduler::imagesChanged, this, [&] {
        taken.append(scheduler.layerImageViewport(QStringLiteral("valves")));
    });
    QSignalSpy idle(&scheduler, &LayerRenderScheduler::idle);
    // The job for the first view starts at once; the view changes before its result can come
    // back to this thread (the result is a queued call).
    scheduler.setLayers({pointLayer(QStringLiteral("valves"), {first.centerMeters()})});
    scheduler.setViewport(second);
    QVERIFY(idle.wait(WaitMs));
    QCOMPARE(taken, QList<MapViewport>{second});
    QCOMPARE(scheduler.layerImageViewport(QStringLiteral("valves")), second);
    // In the second view the point sits 120 px left of the centre.
    const std::optional<QPointF> centre = inkCentre(scheduler.layerImage(QStringLiteral("valves")));
    QVERIFY(centre.has_value());
    QVERIFY2(distance(*centre, QPointF(80, 150)) < 1.5, qPrintable(pointText(*centre)));
}

void TestLayerRenderScheduler::viewportChangesAreDebounced()
{
    LayerRenderScheduler scheduler;
    MapViewport view = harbourView();
    scheduler.setViewport(view);
    QSignalSpy idle(&scheduler, &LayerRenderScheduler::idle);
    scheduler.setLayers({pointLayer(QStringLiteral("valves"), {view.centerMeters()})});
    QVERIFY(idle.wait(WaitMs));
    const qint64 rendered = scheduler.layerImage(QStringLiteral("valves")).cacheKey();

    // A drag: a new view every 10 ms, shorter than the debounce. Nothing renders meanwhile.
    QSignalSpy images(&scheduler, &LayerRenderScheduler::imagesChanged);
    for (int step = 0; step < 5; ++step) {
        view = view.pannedBy(QPointF(7, 3));
        scheduler.setViewport(view);
        QVERIFY(!scheduler.isIdle());
        QTest::qWait(10);
    }
    QCOMPARE(images.count(), 0);
    QCOMPARE(scheduler.layerImage(QStringLiteral("valves")).cacheKey(), rendered);
    QVERIFY(idle.wait(WaitMs));
    QCOMPARE(images.count(), 1);
    QCOMPARE(scheduler.layerImageViewport(QStringLiteral("valves")), view);
}

void TestLayerRenderScheduler::changingOneLayersRevisionReRendersOnlyThatLayer()
{
    LayerRenderScheduler scheduler;
    const MapViewport view = harbourView();
    scheduler.setViewport(view);
    QSignalSpy idle(&scheduler, &LayerRenderScheduler::idle);
    const QPointF a = view.screenToMeters(QPointF(50, 50));
    const QPointF b = view.screenToMeters(QPointF(300, 200));
    LayerRenderInput valves = pointLayer(QStringLiteral("valves"), {a}, 1, Qt::red);
    const LayerRenderInput hydrants = pointLayer(QStringLiteral("hydrants"), {b}, 7, Qt::blue);
    scheduler.setLayers({valves, hydrants});
    QVERIFY(idle.wait(WaitMs));
    const qint64 valvesKey = scheduler.layerImage(QStringLiteral("valves")).cacheKey();
    const qint64 hydrantsKey = scheduler.layerImage(QStringLiteral("hydrants")).cacheKey();

    // The same inputs again: nothing to render.
    scheduler.setLayers({valves, hydrants});
    QVERIFY(scheduler.isIdle());

    // New valve content (a second point) under a new revision.
    valves.blocks = {pointsAt({a, view.screenToMeters(QPointF(200, 150))})};
    valves.revision = 2;
    scheduler.setLayers({valves, hydrants});
    QVERIFY(!scheduler.isIdle());
    QVERIFY(idle.wait(WaitMs));
    QVERIFY(scheduler.layerImage(QStringLiteral("valves")).cacheKey() != valvesKey);
    QCOMPARE(scheduler.layerImage(QStringLiteral("hydrants")).cacheKey(), hydrantsKey);
    // The valves' new image has both points: the ink's centre lies between them.
    const std::optional<QPointF> centre = inkCentre(scheduler.layerImage(QStringLiteral("valves")));
    QVERIFY(centre.has_value());
    QVERIFY2(distance(*centre, QPointF(125, 100)) < 1.5, qPrintable(pointText(*centre)));

    // A style change re-renders too, again only that layer.
    const qint64 valvesKey2 = scheduler.layerImage(QStringLiteral("valves")).cacheKey();
    LayerRenderInput greenHydrants = hydrants;
    greenHydrants.style.color = Qt::green;
    scheduler.setLayers({valves, greenHydrants});
    QVERIFY(idle.wait(WaitMs));
    QCOMPARE(scheduler.layerImage(QStringLiteral("valves")).cacheKey(), valvesKey2);
    QVERIFY(scheduler.layerImage(QStringLiteral("hydrants")).cacheKey() != hydrantsKey);
}

void TestLayerRenderScheduler::paintMovesAndScalesTheImageToTheCurrentView()
{
    LayerRenderScheduler scheduler;
    const MapViewport view = harbourView();
    scheduler.setViewport(view);
    QSignalSpy idle(&scheduler, &LayerRenderScheduler::idle);
    const QPointF point = view.screenToMeters(QPointF(230, 170)); // 30 px right, 20 px down
    scheduler.setLayers({pointLayer(QStringLiteral("valves"), {point})});
    QVERIFY(idle.wait(WaitMs));

    // At the rendered view the point is where it belongs.
    std::optional<QPointF> centre = inkCentre(paintAt(scheduler, view));
    QVERIFY(centre.has_value());
    QVERIFY2(distance(*centre, QPointF(230, 170)) < 1.5, qPrintable(pointText(*centre)));

    // Panned (the map follows the drag 40 px left and 25 px up): the image moves with it,
    // without a new render.
    const MapViewport panned = view.pannedBy(QPointF(-40, -25));
    const QImage atPanned = paintAt(scheduler, panned);
    centre = inkCentre(atPanned);
    QVERIFY(centre.has_value());
    QVERIFY2(distance(*centre, QPointF(190, 145)) < 1.5, qPrintable(pointText(*centre)));
    QCOMPARE(qAlpha(atPanned.pixel(230, 170)), 0);
    QVERIFY(qAlpha(atPanned.pixel(190, 145)) > 0);

    // One zoom level in at the same centre: twice as far from the centre.
    const MapViewport zoomed = view.withZoom(view.zoom() + 1.0);
    centre = inkCentre(paintAt(scheduler, zoomed));
    QVERIFY(centre.has_value());
    QVERIFY2(distance(*centre, QPointF(260, 190)) < 2.5, qPrintable(pointText(*centre)));
}

void TestLayerRenderScheduler::opacityIsAppliedWithoutARender()
{
    LayerRenderScheduler scheduler;
    const MapViewport view = harbourView();
    scheduler.setViewport(view);
    QSignalSpy idle(&scheduler, &LayerRenderScheduler::idle);
    LayerRenderInput valves = pointLayer(QStringLiteral("valves"), {view.centerMeters()});
    scheduler.setLayers({valves});
    QVERIFY(idle.wait(WaitMs));
    const qint64 rendered = scheduler.layerImage(QStringLiteral("valves")).cacheKey();
    const int opaque = maxAlpha(paintAt(scheduler, view));
    QCOMPARE(opaque, 255);

    QSignalSpy images(&scheduler, &LayerRenderScheduler::imagesChanged);
    valves.opacity = 0.5;
    scheduler.setLayers({valves});
    QCOMPARE(images.count(), 1); // repaint with the image at hand
    QVERIFY(scheduler.isIdle());
    QCOMPARE(scheduler.layerImage(QStringLiteral("valves")).cacheKey(), rendered);
    const int half = maxAlpha(paintAt(scheduler, view));
    QVERIFY2(std::abs(half - 128) <= 2, qPrintable(QString::number(half)));

    valves.opacity = 0.0;
    scheduler.setLayers({valves});
    QCOMPARE(maxAlpha(paintAt(scheduler, view)), 0);
}

void TestLayerRenderScheduler::droppedLayerIsNoLongerPainted()
{
    LayerRenderScheduler scheduler;
    const MapViewport view = harbourView();
    scheduler.setViewport(view);
    QSignalSpy idle(&scheduler, &LayerRenderScheduler::idle);
    scheduler.setLayers({pointLayer(QStringLiteral("valves"), {view.centerMeters()})});
    QVERIFY(idle.wait(WaitMs));
    QVERIFY(maxAlpha(paintAt(scheduler, view)) > 0);
    QSignalSpy images(&scheduler, &LayerRenderScheduler::imagesChanged);
    scheduler.setLayers({});
    QCOMPARE(images.count(), 1);
    QVERIFY(scheduler.isIdle());
    QVERIFY(scheduler.layerImage(QStringLiteral("valves")).isNull());
    QCOMPARE(maxAlpha(paintAt(scheduler, view)), 0);
}

void TestLayerRenderScheduler::layersRenderedForDifferentViewsAreEachMoved()
{
    LayerRenderScheduler scheduler;
    const MapViewport view = harbourView();
    scheduler.setViewport(view);
    QSignalSpy idle(&scheduler, &LayerRenderScheduler::idle);
    const QPointF red = view.screenToMeters(QPointF(100, 100));
    const QPointF blue = view.screenToMeters(QPointF(300, 200));
    scheduler.setLayers({pointLayer(QStringLiteral("valves"), {red}, 1, Qt::red),
                         pointLayer(QStringLiteral("hydrants"), {blue}, 1, Qt::blue)});
    QVERIFY(idle.wait(WaitMs));
    const auto isRed = [](QRgb pixel) {
        return qRed(pixel) > 2 * qBlue(pixel);
    };
    const auto isBlue = [](QRgb pixel) {
        return qBlue(pixel) > 2 * qRed(pixel);
    };
    const auto expectAt = [&](const QImage &image, QPointF redAt, QPointF blueAt) {
        const std::optional<QPointF> redCentre = inkCentre(image, isRed);
        const std::optional<QPointF> blueCentre = inkCentre(image, isBlue);
        return redCentre && blueCentre && distance(*redCentre, redAt) < 1.5
               && distance(*blueCentre, blueAt) < 1.5;
    };
    QVERIFY(expectAt(paintAt(scheduler, view), {100, 100}, {300, 200}));

    // The view moves 50 px; when the first layer's new image is in, the other layer still has
    // its old one. Painted at the new view, both points are where they belong.
    const MapViewport moved = view.pannedBy(QPointF(50, 0));
    scheduler.setViewport(moved);
    int arrivals = 0;
    bool mixedPaintedRight = false;
    connect(&scheduler, &LayerRenderScheduler::imagesChanged, this, [&] {
        if (++arrivals == 1) {
            const bool mixed = scheduler.layerImageViewport(QStringLiteral("valves"))
                               != scheduler.layerImageViewport(QStringLiteral("hydrants"));
            mixedPaintedRight
                = mixed && expectAt(paintAt(scheduler, moved), {150, 100}, {350, 200});
        }
    });
    QVERIFY(idle.wait(WaitMs));
    QCOMPARE(arrivals, 2);
    QVERIFY(mixedPaintedRight);
    QVERIFY(expectAt(paintAt(scheduler, moved), {150, 100}, {350, 200}));
}

void TestLayerRenderScheduler::renderNowRendersEveryLayerAtOnce()
{
    LayerRenderScheduler scheduler;
    MapViewport view = harbourView();
    scheduler.setViewport(view);
    QSignalSpy idle(&scheduler, &LayerRenderScheduler::idle);
    scheduler.setLayers({pointLayer(QStringLiteral("valves"), {view.centerMeters()}),
                         pointLayer(QStringLiteral("hydrants"), {view.centerMeters()})});
    QVERIFY(idle.wait(WaitMs));
    const qint64 valves = scheduler.layerImage(QStringLiteral("valves")).cacheKey();
    const qint64 hydrants = scheduler.layerImage(QStringLiteral("hydrants")).cacheKey();

    // Nothing changed, yet both layers render again (for a print or a benchmark).
    scheduler.renderNow();
    QVERIFY(!scheduler.isIdle());
    QVERIFY(idle.wait(WaitMs));
    QVERIFY(scheduler.layerImage(QStringLiteral("valves")).cacheKey() != valves);
    QVERIFY(scheduler.layerImage(QStringLiteral("hydrants")).cacheKey() != hydrants);

    // After a view change it renders without waiting for the debounce.
    view = view.pannedBy(QPointF(30, 30));
    scheduler.setViewport(view);
    scheduler.renderNow();
    QVERIFY(idle.wait(WaitMs));
    QCOMPARE(scheduler.layerImageViewport(QStringLiteral("valves")), view);
    QCOMPARE(scheduler.layerImageViewport(QStringLiteral("hydrants")), view);
}

void TestLayerRenderScheduler::destroyingWhileRenderingWaitsForTheJobs()
{
    // Enough points that the jobs are still running when the scheduler goes.
    const MapViewport view = harbourView();
    QList<QPointF> many;
    for (int i = 0; i < 200000; ++i) {
        many.append(view.screenToMeters(QPointF(i % 400, (i / 400) % 300)));
    }
    const LayerRenderInput valves = pointLayer(QStringLiteral("valves"), many);
    LayerRenderInput hydrants = valves;
    hydrants.key = QStringLiteral("hydrants");
    auto scheduler = std::make_unique<LayerRenderScheduler>();
    QSignalSpy images(scheduler.get(), &LayerRenderScheduler::imagesChanged);
    scheduler->setViewport(view);
    scheduler->setLayers({valves, hydrants});
    QVERIFY(!scheduler->isIdle());
    scheduler.reset();
    // The jobs' hand-backs were queued to the scheduler; they die with it.
    QTest::qWait(50);
    QCOMPARE(images.count(), 0);
}

QTEST_MAIN(TestLayerRenderScheduler)
#include "tst_layerrenderscheduler.moc"
