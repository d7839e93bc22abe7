// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/mbtilesfixture.h"
#include "ui/render/mbtilessource.h"
#include "ui/render/tilecompositor.h"
#include "ui/render/tilelayer.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QPainter>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

#include <atomic>

using infrasight::gis::TileKey;
using infrasight::render::MapViewport;
using infrasight::render::MbTilesSource;
using infrasight::render::TileCompositor;
using infrasight::render::TileLayer;

namespace {

/// A tile with a colour per quadrant and a diagonal line, so that scaling and placement show.
QImage patternTile(const TileKey &key)
{
    QImage image(256, 256, QImage::Format_RGB32);
    QPainter painter(&image);
    for (int quadrant = 0; quadrant < 4; ++quadrant) {
        painter.fillRect((quadrant % 2) * 128,
                         (quadrant / 2) * 128,
                         128,
                         128,
                         QColor::fromRgb((key.x() * 90 + quadrant * 40) % 256,
                                         (key.y() * 70 + quadrant * 50 + 30) % 256,
                                         (key.z() * 60 + 100) % 256));
    }
    painter.setPen(QPen(Qt::black, 3));
    painter.drawLine(0, 0, 255, 255);
    return image;
}

void writeMbTiles(const QString &path, const QList<TileKey> &keys, int maxZoom)
{
    QList<QPair<TileKey, QByteArray>> encoded;
    for (const TileKey &key : keys) {
        encoded.append({key, infrasight::tests::encodePng(patternTile(key))});
    }
    const auto written = infrasight::tests::writeMbTilesFixture(
        path,
        encoded,
        {{QStringLiteral("format"), QStringLiteral("png")},
         {QStringLiteral("minzoom"), QStringLiteral("0")},
         {QStringLiteral("maxzoom"), QString::number(maxZoom)}});
    QVERIFY2(written, qPrintable(written ? QString() : written.error().toString()));
}

/// What TileLayer::paint draws for view on a transparent image.
QImage paintedOnTheGuiThread(const TileLayer &layer, const MapViewport &view)
{
    const qreal dpr = view.devicePixelRatio();
    QImage image((QSizeF(view.sizePx()) * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    layer.paint(painter, view);
    return image;
}

int opaquePixels(const QImage &image)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            count += qAlpha(image.pixel(x, y)) == 255 ? 1 : 0;
        }
    }
    return count;
}

} // namespace

class TestTileCompositor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void composedOnAWorkerThreadEqualsPaint_data();
    void composedOnAWorkerThreadEqualsPaint();
    void snapshotKeepsItsTilesWhenTheLayerMovesOn();
    void raisedCancelDrawsNothing();
    void cancelStopsARunningCompositionEarly();

private:
    /// A layer with all of zoom 1 but (1,1,1), some of zoom 2 (among them the four children of
    /// (1,1,1)) and nothing of zoom 0: whole tiles, parents and children stand in.
    std::unique_ptr<TileLayer> loadedLayer();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestTileCompositor::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("pattern.mbtiles"));
    writeMbTiles(m_path,
                 {TileKey(1, 0, 0),
                  TileKey(1, 1, 0),
                  TileKey(1, 0, 1),
                  TileKey(2, 1, 1),
                  TileKey(2, 2, 1),
                  TileKey(2, 2, 2),
                  TileKey(2, 3, 2),
                  TileKey(2, 2, 3),
                  TileKey(2, 3, 3)},
                 2);
}

std::unique_ptr<TileLayer> TestTileCompositor::loadedLayer()
{
    auto source = MbTilesSource::open(m_path);
    if (!source) {
        return nullptr;
    }
    auto layer = std::make_unique<TileLayer>();
    layer->setSource(std::move(*source));
    for (const double zoom : {1.0, 2.0}) {
        layer->update(MapViewport(QPointF(0, 0), zoom, QSize(1024, 1024)));
        if (!QTest::qWaitFor([&] { return layer->pendingCount() == 0; }, 5000)) {
            return nullptr;
        }
    }
    return layer;
}

void TestTileCompositor::composedOnAWorkerThreadEqualsPaint_data()
{
    QTest::addColumn<QPointF>("center");
    QTest::addColumn<double>("zoom");
    QTest::addColumn<double>("dpr");
    QTest::addColumn<bool>("complete");
    const QPointF origin(0, 0);
    const QPointF northWest(-6.0e6, 4.0e6); // inside (1,0,0) and (2,1,1)
    QTest::newRow("integral-dpr1-parents") << origin << 2.0 << 1.0 << false;
    QTest::newRow("integral-dpr1-own-tiles") << QPointF(0, 5.0e6) << 2.0 << 1.0 << true;
    QTest::newRow("fractional-dpr1") << origin << 2.4 << 1.0 << false;
    QTest::newRow("integral-dpr2") << origin << 2.0 << 2.0 << false;
    QTest::newRow("fractional-dpr2") << QPointF(1.3e6, -2.1e6) << 1.7 << 2.0 << false;
    QTest::newRow("fractional-dpr1.5") << northWest << 2.3 << 1.5 << false;
    QTest::newRow("zoomed-out-children") << origin << 1.0 << 1.0 << false;
}

void TestTileCompositor::composedOnAWorkerThreadEqualsPaint()
{
    QFETCH(QPointF, center);
    QFETCH(double, zoom);
    QFETCH(double, dpr);
    QFETCH(bool, complete);
    const auto layer = loadedLayer();
    QVERIFY(layer);
    const MapViewport view(center, zoom, QSize(300, 200), dpr);

    const TileLayer::Snapshot snapshot = layer->snapshot(view);
    QCOMPARE(snapshot.complete, complete);
    QVERIFY(!snapshot.pieces.isEmpty());
    QThread *worker = nullptr;
    auto future = QtConcurrent::run([&snapshot, &worker] {
        worker = QThread::currentThread();
        return TileCompositor::compose(snapshot, Qt::transparent);
    });
    // Waiting with result() could run the job here; the event loop lets the pool run it.
    QTRY_VERIFY(future.isFinished());
    const QImage composed = future.result();
    QVERIFY(worker != QThread::currentThread());

    const QImage painted = paintedOnTheGuiThread(*layer, view);
    QCOMPARE(composed.devicePixelRatio(), dpr);
    QCOMPARE(composed.size(), (QSizeF(300, 200) * dpr).toSize());
    QCOMPARE(composed.format(), QImage::Format_ARGB32_Premultiplied);
    QVERIFY(opaquePixels(painted) > painted.width() * painted.height() / 4); // tiles drawn
    QCOMPARE(composed, painted);
}

void TestTileCompositor::snapshotKeepsItsTilesWhenTheLayerMovesOn()
{
    auto layer = loadedLayer();
    QVERIFY(layer);
    const MapViewport view(QPointF(0, 0), 2.0, QSize(300, 200));
    const TileLayer::Snapshot snapshot = layer->snapshot(view);
    const QImage before = TileCompositor::compose(snapshot, Qt::white);
    // The layer drops every tile (a new source) and goes away while the snapshot is kept.
    layer->setSource(nullptr);
    QVERIFY(layer->snapshot(view).pieces.isEmpty());
    layer.reset();
    const QImage after = QtConcurrent::run([snapshot] {
                             return TileCompositor::compose(snapshot, Qt::white);
                         }).result();
    QCOMPARE(after, before);
}

void TestTileCompositor::raisedCancelDrawsNothing()
{
    const auto layer = loadedLayer();
    QVERIFY(layer);
    const TileLayer::Snapshot snapshot
        = layer->snapshot(MapViewport(QPointF(0, 0), 2.4, QSize(300, 200)));
    std::atomic_bool cancel{true};
    QVERIFY(TileCompositor::compose(snapshot, Qt::white, &cancel).isNull());

    QImage image(300, 200, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    QVERIFY(!TileCompositor::paint(painter, snapshot, &cancel));
    painter.end();
    QCOMPARE(opaquePixels(image), 0);
}

void TestTileCompositor::cancelStopsARunningCompositionEarly()
{
    const auto layer = loadedLayer();
    QVERIFY(layer);
    // A heavy composition: the same smooth-scaled view painted many times over.
    const MapViewport view(QPointF(0, 0), 2.4, QSize(1200, 900));
    TileLayer::Snapshot heavy = layer->snapshot(view);
    const QList<TileLayer::Snapshot::Piece> once = heavy.pieces;
    for (int i = 0; i < 200; ++i) {
        heavy.pieces.append(once);
    }
    TileLayer::Snapshot single = heavy;
    single.pieces = once;
    QElapsedTimer clock;
    clock.start();
    QVERIFY(!TileCompositor::compose(single, Qt::white).isNull());
    const qint64 onceNs = std::max<qint64>(clock.nsecsElapsed(), 1);

    std::atomic_bool cancel{false};
    std::atomic_bool started{false};
    auto future = QtConcurrent::run([&] {
        started = true;
        return TileCompositor::compose(heavy, Qt::white, &cancel);
    });
    QTRY_VERIFY(started.load());
    QTest::qWait(20);
    clock.restart();
    cancel = true;
    const QImage image = future.result();
    const qint64 stoppedAfterNs = clock.nsecsElapsed();
    QVERIFY(image.isNull());
    // Stopped at the next tile: far sooner than the 200 more views the job had left to paint.
    qInfo() << "one view composed in" << onceNs / 1000 << "us; cancel took effect after"
            << stoppedAfterNs / 1000 << "us";
    QVERIFY2(stoppedAfterNs < onceNs * 20,
             qPrintable(QStringLiteral("%1 us").arg(stoppedAfterNs / 1000)));
}

QTEST_MAIN(TestTileCompositor)
#include "tst_tilecompositor.moc"
