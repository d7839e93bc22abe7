// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/mbtilesfixture.h"
#include "ui/render/mbtilessource.h"
#include "ui/render/tilelayer.h"

#include <QBuffer>
#include <QPainter>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using infrasight::gis::TileKey;
using infrasight::render::MapViewport;
using infrasight::render::MbTilesSource;
using infrasight::render::TileLayer;

namespace {

/// A colour per tile quadrant (0 NW, 1 NE, 2 SW, 3 SE) so a stand-in's part can be told apart.
QColor quadrantColor(const TileKey &key, int quadrant)
{
    return QColor::fromRgb((key.x() * 90 + quadrant * 40) % 256,
                           (key.y() * 70 + quadrant * 50 + 30) % 256,
                           (key.z() * 60 + 100) % 256);
}

QImage quadrantTile(const TileKey &key, int sizePx)
{
    QImage image(sizePx, sizePx, QImage::Format_RGB32);
    QPainter painter(&image);
    const int half = sizePx / 2;
    painter.fillRect(0, 0, half, half, quadrantColor(key, 0));
    painter.fillRect(half, 0, half, half, quadrantColor(key, 1));
    painter.fillRect(0, half, half, half, quadrantColor(key, 2));
    painter.fillRect(half, half, half, half, quadrantColor(key, 3));
    return image;
}

QImage checkerTile(int sizePx)
{
    QImage image(sizePx, sizePx, QImage::Format_RGB32);
    for (int y = 0; y < sizePx; ++y) {
        for (int x = 0; x < sizePx; ++x) {
            image.setPixel(x, y, ((x + y) % 2 == 0) ? qRgb(0, 0, 0) : qRgb(255, 255, 255));
        }
    }
    return image;
}

void writeMbTiles(const QString &path, const QList<QPair<TileKey, QImage>> &tiles, int maxZoom)
{
    QList<QPair<TileKey, QByteArray>> encoded;
    for (const auto &[key, image] : tiles) {
        encoded.append({key, infrasight::tests::encodePng(image)});
    }
    const auto written = infrasight::tests::writeMbTilesFixture(
        path,
        encoded,
        {{QStringLiteral("format"), QStringLiteral("png")},
         {QStringLiteral("minzoom"), QStringLiteral("0")},
         {QStringLiteral("maxzoom"), QString::number(maxZoom)}});
    QVERIFY2(written, qPrintable(written ? QString() : written.error().toString()));
}

QImage paintLayer(const TileLayer &layer, const MapViewport &view, bool *complete = nullptr)
{
    const qreal dpr = view.devicePixelRatio();
    QImage image(view.sizePx() * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    const bool drawnComplete = layer.paint(painter, view);
    if (complete) {
        *complete = drawnComplete;
    }
    return image;
}

/// The colour at a logical position of a painted image.
QColor colorAt(const QImage &image, QPointF logical)
{
    const qreal dpr = image.devicePixelRatio();
    return image.pixelColor(static_cast<int>(logical.x() * dpr),
                            static_cast<int>(logical.y() * dpr));
}

} // namespace

class TestTileLayer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void missingTileIsDrawnFromItsCachedParent();
    void zoomingOutShowsCachedChildren();
    void tilesAtIntegralZoomAreNotBlurred_data();
    void tilesAtIntegralZoomAreNotBlurred();
    void replacingTheSourceDropsItsTiles();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestTileLayer::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestTileLayer::missingTileIsDrawnFromItsCachedParent()
{
    // All of zoom 1; of zoom 2 only (2,1,1).
    QList<QPair<TileKey, QImage>> tiles;
    for (int y = 0; y < 2; ++y) {
        for (int x = 0; x < 2; ++x) {
            tiles.append({TileKey(1, x, y), quadrantTile(TileKey(1, x, y), 256)});
        }
    }
    const TileKey child(2, 1, 1);
    const QColor childColor(200, 0, 200);
    QImage childImage(256, 256, QImage::Format_RGB32);
    childImage.fill(childColor);
    tiles.append({child, childImage});
    const QString path = m_dir->filePath(QStringLiteral("parents.mbtiles"));
    writeMbTiles(path, tiles, 2);

    auto source = MbTilesSource::open(path);
    QVERIFY(source.has_value());
    TileLayer layer;
    QSignalSpy changed(&layer, &TileLayer::changed);
    layer.setSource(std::move(*source));

    const MapViewport z1(QPointF(0, 0), 1.0, QSize(512, 512));
    layer.update(z1);
    QCOMPARE(layer.pendingCount(), 4);
    QTRY_COMPARE_WITH_TIMEOUT(layer.pendingCount(), 0, 5000);
    bool complete = false;
    const QImage first = paintLayer(layer, z1, &complete);
    QVERIFY(complete);
    QCOMPARE(colorAt(first, QPointF(64, 64)), quadrantColor(TileKey(1, 0, 0), 0));
    QCOMPARE(colorAt(first, QPointF(448, 448)), quadrantColor(TileKey(1, 1, 1), 3));

    // Zoom in: nothing of zoom 2 has arrived yet, so the parents stand in, scaled 2x.
    const MapViewport z2(QPointF(0, 0), 2.0, QSize(512, 512));
    layer.update(z2);
    const QImage standIn = paintLayer(layer, z2, &complete);
    QVERIFY(!complete);
    const QPointF childCenter = z2.tileScreenRect(child).center();
    QCOMPARE(colorAt(standIn, childCenter), quadrantColor(TileKey(1, 0, 0), 3));

    // (2,1,1) arrives; (2,2,2) does not exist and keeps its parent's north-west quarter.
    QTRY_COMPARE_WITH_TIMEOUT(layer.pendingCount(), 0, 5000);
    const QImage later = paintLayer(layer, z2, &complete);
    QVERIFY(!complete);
    QCOMPARE(colorAt(later, childCenter), childColor);
    const TileKey missing(2, 2, 2);
    const QRectF missingRect = z2.tileScreenRect(missing);
    QCOMPARE(colorAt(later, missingRect.center()), quadrantColor(TileKey(1, 1, 1), 0));
    // The stand-in is the parent's quarter blown up: the whole missing tile has that colour.
    QCOMPARE(colorAt(later, missingRect.topLeft() + QPointF(4, 4)),
             quadrantColor(TileKey(1, 1, 1), 0));
    QCOMPARE(colorAt(later, missingRect.bottomRight() - QPointF(4, 4)),
             quadrantColor(TileKey(1, 1, 1), 0));
    QVERIFY(changed.size() >= 5);
}

void TestTileLayer::zoomingOutShowsCachedChildren()
{
    // Zoom 2 is complete; zoom 1 has no tiles at all.
    QList<QPair<TileKey, QImage>> tiles;
    for (int y = 1; y < 3; ++y) {
        for (int x = 1; x < 3; ++x) {
            tiles.append({TileKey(2, x, y), quadrantTile(TileKey(2, x, y), 256)});
        }
    }
    const QString path = m_dir->filePath(QStringLiteral("children.mbtiles"));
    writeMbTiles(path, tiles, 2);
    auto source = MbTilesSource::open(path);
    QVERIFY(source.has_value());
    TileLayer layer;
    layer.setSource(std::move(*source));
    const MapViewport z2(QPointF(0, 0), 2.0, QSize(512, 512));
    layer.update(z2);
    QTRY_COMPARE_WITH_TIMEOUT(layer.pendingCount(), 0, 5000);

    const MapViewport z1 = z2.withZoom(1.0);
    layer.update(z1);
    QTRY_COMPARE_WITH_TIMEOUT(layer.pendingCount(), 0, 5000); // zoom 1 tiles failed
    bool complete = true;
    const QImage painted = paintLayer(layer, z1, &complete);
    QVERIFY(!complete);
    // (2,1,1) is the south-east child of (1,0,0), shown at half size left-up of the centre.
    const QRectF childRect = z1.tileScreenRect(TileKey(2, 1, 1));
    QCOMPARE(childRect.size(), QSizeF(128, 128));
    QCOMPARE(colorAt(painted, childRect.topLeft() + QPointF(16, 16)),
             quadrantColor(TileKey(2, 1, 1), 0));
    QCOMPARE(colorAt(painted, childRect.bottomRight() - QPointF(16, 16)),
             quadrantColor(TileKey(2, 1, 1), 3));
}

void TestTileLayer::tilesAtIntegralZoomAreNotBlurred_data()
{
    QTest::addColumn<qreal>("dpr");
    QTest::addColumn<int>("tileSizePx");
    QTest::addColumn<QSize>("size");
    QTest::newRow("dpr1-even") << 1.0 << 256 << QSize(512, 512);
    QTest::newRow("dpr1-odd-size") << 1.0 << 256 << QSize(301, 257);
    QTest::newRow("dpr2-2x-tiles-odd-size") << 2.0 << 512 << QSize(301, 257);
}

void TestTileLayer::tilesAtIntegralZoomAreNotBlurred()
{
    QFETCH(qreal, dpr);
    QFETCH(int, tileSizePx);
    QFETCH(QSize, size);
    const QImage checker = checkerTile(tileSizePx);
    QList<QPair<TileKey, QImage>> tiles;
    for (int y = 0; y < 2; ++y) {
        for (int x = 0; x < 2; ++x) {
            tiles.append({TileKey(1, x, y), checker});
        }
    }
    const QString path = m_dir->filePath(QStringLiteral("checker.mbtiles"));
    writeMbTiles(path, tiles, 1);
    auto source = MbTilesSource::open(path);
    QVERIFY(source.has_value());
    TileLayer layer;
    layer.setSource(std::move(*source));
    const MapViewport view(QPointF(1234.5, -987.25), 1.0, size, dpr);
    layer.update(view);
    QTRY_COMPARE_WITH_TIMEOUT(layer.pendingCount(), 0, 5000);
    bool complete = false;
    const QImage painted = paintLayer(layer, view, &complete);
    QVERIFY(complete);
    // A 1-device-pixel checkerboard survives only if every tile pixel lands on one device
    // pixel: any filtering would give grey.
    int grey = 0;
    for (int y = 0; y < painted.height(); ++y) {
        for (int x = 0; x < painted.width(); ++x) {
            const QRgb pixel = painted.pixel(x, y);
            if (qRed(pixel) != 0 && qRed(pixel) != 255) {
                ++grey;
            }
        }
    }
    QCOMPARE(grey, 0);
    // Neighbouring device pixels alternate.
    QVERIFY(painted.pixel(10, 10) != painted.pixel(11, 10));
    QVERIFY(painted.pixel(10, 10) == painted.pixel(11, 11));
}

void TestTileLayer::replacingTheSourceDropsItsTiles()
{
    const QString path = m_dir->filePath(QStringLiteral("one.mbtiles"));
    QImage red(256, 256, QImage::Format_RGB32);
    red.fill(Qt::red);
    writeMbTiles(path, {{TileKey(0, 0, 0), red}}, 0);
    auto source = MbTilesSource::open(path);
    QVERIFY(source.has_value());
    TileLayer layer;
    layer.setSource(std::move(*source));
    const MapViewport view(QPointF(0, 0), 0.0, QSize(256, 256));
    layer.update(view);
    QTRY_COMPARE_WITH_TIMEOUT(layer.pendingCount(), 0, 5000);
    QCOMPARE(colorAt(paintLayer(layer, view), QPointF(128, 128)), QColor(Qt::red));

    layer.setSource(nullptr);
    QVERIFY(!layer.source());
    QCOMPARE(colorAt(paintLayer(layer, view), QPointF(128, 128)).alpha(), 0);
}

QTEST_MAIN(TestTileLayer)
#include "tst_tilelayer.moc"
