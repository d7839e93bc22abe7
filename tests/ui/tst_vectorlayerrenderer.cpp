// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/featureblockbuilder.h"
#include "gis/core/mercator.h"
#include "ui/render/layerstyle.h"
#include "ui/render/mapviewport.h"
#include "ui/render/symbolatlas.h"
#include "ui/render/vectorlayerrenderer.h"

#include <QDirIterator>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QtConcurrent>
#include <QtTest>

using namespace infrasight;
using gis::AssetStatus;
using gis::FeatureBlock;
using gis::FeatureBlockBuilder;
using gis::FeatureKind;
using render::LayerStyle;
using render::MapViewport;
using render::VectorLayerRenderer;

namespace {

const QSize ViewSize(400, 300);

MapViewport helsinkiView(qreal dpr = 1.0)
{
    return MapViewport(gis::lonLatToMercatorMeters(gis::LonLat{24.94, 60.17}), 15.0, ViewSize, dpr);
}

/// Metres that land on screen pixel (x, y) of view.
QPointF at(const MapViewport &view, double x, double y)
{
    return view.screenToMeters(QPointF(x, y));
}

std::vector<QPointF> screenRing(const MapViewport &view, const QRectF &rect)
{
    return {at(view, rect.left(), rect.top()),
            at(view, rect.right(), rect.top()),
            at(view, rect.right(), rect.bottom()),
            at(view, rect.left(), rect.bottom()),
            at(view, rect.left(), rect.top())};
}

LayerStyle pointStyle(const QString &symbol = {})
{
    LayerStyle style;
    style.kind = FeatureKind::Point;
    style.symbol = symbol;
    style.symbolSize = 18.0;
    return style;
}

LayerStyle fixedStyle(FeatureKind kind, QColor color, QColor fill)
{
    LayerStyle style;
    style.kind = kind;
    style.colorBy = LayerStyle::ColorBy::Fixed;
    style.color = color;
    style.fillColor = fill;
    style.lineWidth = 2.0;
    return style;
}

int countOpaque(const QImage &image, const QRect &area)
{
    int count = 0;
    for (int y = std::max(0, area.top()); y <= std::min(image.height() - 1, area.bottom()); ++y) {
        for (int x = std::max(0, area.left()); x <= std::min(image.width() - 1, area.right());
             ++x) {
            count += qAlpha(image.pixel(x, y)) > 0 ? 1 : 0;
        }
    }
    return count;
}

bool sameColor(QRgb actual, QColor expected)
{
    return std::abs(qRed(actual) - expected.red()) <= 2
           && std::abs(qGreen(actual) - expected.green()) <= 2
           && std::abs(qBlue(actual) - expected.blue()) <= 2 && qAlpha(actual) == 255;
}

QString describe(QRgb pixel)
{
    return QStringLiteral("rgba(%1, %2, %3, %4)")
        .arg(qRed(pixel))
        .arg(qGreen(pixel))
        .arg(qBlue(pixel))
        .arg(qAlpha(pixel));
}

} // namespace

class TestVectorLayerRenderer : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void statusPalette()
    {
        QCOMPARE(LayerStyle::statusColor(AssetStatus::Active), QColor(0x2e, 0x9d, 0x4a));
        QCOMPARE(LayerStyle::statusColor(AssetStatus::Faulty), QColor(0xd7, 0x26, 0x3d));
        QCOMPARE(LayerStyle::conditionColor(1), LayerStyle::statusColor(AssetStatus::Active));
        QCOMPARE(LayerStyle::conditionColor(5), LayerStyle::statusColor(AssetStatus::Faulty));
        QVERIFY(LayerStyle::conditionColor(3).red() > LayerStyle::conditionColor(1).red());
        LayerStyle style;
        style.colorBy = LayerStyle::ColorBy::Fixed;
        QCOMPARE(style.featureColor(AssetStatus::Faulty, 5), style.color);
        style.colorBy = LayerStyle::ColorBy::Condition;
        QCOMPARE(style.featureColor(AssetStatus::Faulty, 1), LayerStyle::conditionColor(1));
    }

    void pictogramsRenderWithoutWarnings()
    {
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
        QStringList names;
        QDirIterator it(QStringLiteral(":/symbols"));
        while (it.hasNext()) {
            const QString path = it.next();
            names << it.fileName();
            QSvgRenderer renderer(path);
            QVERIFY2(renderer.isValid(), qPrintable(path));
            QCOMPARE(renderer.viewBox(), QRect(0, 0, 24, 24));
            QImage image(20, 20, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
            QPainter painter(&image);
            renderer.render(&painter);
            painter.end();
            QVERIFY2(countOpaque(image, image.rect()) > 40, qPrintable(path));
        }
        for (const char *name : {"lighting",
                                 "signal",
                                 "hydrant",
                                 "manhole",
                                 "main",
                                 "sewer",
                                 "bus_stop",
                                 "tree",
                                 "bin",
                                 "sensor"}) {
            QVERIFY2(names.contains(QLatin1String(name) + QLatin1String(".svg")), name);
        }
    }

    void spritesHaveThePictogram()
    {
        auto &atlas = render::SymbolAtlas::instance();
        const QColor red(0xd7, 0x26, 0x3d);
        const QImage hydrant = atlas.symbol(QStringLiteral("hydrant"), red, 20.0, 1.0);
        QCOMPARE(hydrant.format(), QImage::Format_ARGB32_Premultiplied);
        QCOMPARE(hydrant.size(), QSize(20, 20));
        const QImage plain = atlas.symbol(QStringLiteral("no_such_symbol"), red, 20.0, 1.0);
        QVERIFY(sameColor(plain.pixel(10, 10), red));
        int white = 0;
        for (int y = 4; y < 16; ++y) {
            for (int x = 4; x < 16; ++x) {
                white
                    += qRed(hydrant.pixel(x, y)) > 240 && qGreen(hydrant.pixel(x, y)) > 240 ? 1 : 0;
                QVERIFY(sameColor(plain.pixel(x, y), red));
            }
        }
        QVERIFY2(white > 10, qPrintable(QString::number(white)));
        QVERIFY(qAlpha(hydrant.pixel(0, 0)) == 0); // a round badge: corners stay clear
        const QImage hidpi = atlas.symbol(QStringLiteral("hydrant"), red, 20.0, 2.0);
        QCOMPARE(hidpi.size(), QSize(40, 40));
        QCOMPARE(hidpi.devicePixelRatio(), 2.0);
        const qsizetype cached = atlas.size();
        QCOMPARE(atlas.symbol(QStringLiteral("hydrant"), red, 20.0, 1.0).cacheKey(),
                 hydrant.cacheKey());
        QCOMPARE(atlas.size(), cached);
    }

    void pointIsDrawnWhereItIsInItsStatusColour()
    {
        const MapViewport view = helsinkiView();
        FeatureBlockBuilder builder(FeatureKind::Point);
        builder.addPoint(1, AssetStatus::Faulty, 0, at(view, 200, 150));
        builder.addPoint(2, AssetStatus::Active, 0, at(view, 300, 80));
        const QImage image = VectorLayerRenderer::render(view, {builder.build()}, pointStyle());
        QCOMPARE(image.size(), ViewSize);
        QCOMPARE(image.format(), QImage::Format_ARGB32_Premultiplied);
        QVERIFY2(sameColor(image.pixel(200, 150), LayerStyle::statusColor(AssetStatus::Faulty)),
                 qPrintable(describe(image.pixel(200, 150))));
        QVERIFY2(sameColor(image.pixel(300, 80), LayerStyle::statusColor(AssetStatus::Active)),
                 qPrintable(describe(image.pixel(300, 80))));
        // The 18 px badge: drawn within 9 px of the position, nothing beyond.
        QVERIFY(countOpaque(image, QRect(195, 145, 10, 10)) == 10 * 10);
        QCOMPARE(countOpaque(image, image.rect()) - countOpaque(image, QRect(190, 140, 20, 20))
                     - countOpaque(image, QRect(290, 70, 20, 20)),
                 0);
    }

    void nothingIsDrawnOffView()
    {
        const MapViewport view = helsinkiView();
        FeatureBlockBuilder points(FeatureKind::Point);
        points.addPoint(1, AssetStatus::Active, 0, at(view, -40, 150));
        points.addPoint(2, AssetStatus::Active, 0, at(view, 200, 360));
        FeatureBlockBuilder lines(FeatureKind::Line);
        lines.addParts(3, AssetStatus::Active, 0, {{at(view, 500, -50), at(view, 900, 400)}});
        const QList<FeatureBlock> blocks{points.build(), lines.build()};
        QCOMPARE(countOpaque(VectorLayerRenderer::render(view, blocks, pointStyle()),
                             QRect(QPoint(0, 0), ViewSize)),
                 0);

        // A point just outside the edge still shows the part of its badge that is inside.
        FeatureBlockBuilder edge(FeatureKind::Point);
        edge.addPoint(4, AssetStatus::Active, 0, at(view, -4, 150));
        const QImage image = VectorLayerRenderer::render(view, {edge.build()}, pointStyle());
        QVERIFY(qAlpha(image.pixel(0, 150)) > 0);
        QVERIFY(qAlpha(image.pixel(10, 150)) == 0);
    }

    void lineCrossesTheExpectedPixels()
    {
        const MapViewport view = helsinkiView();
        FeatureBlockBuilder builder(FeatureKind::Line);
        builder.addParts(
            1,
            AssetStatus::Active,
            0,
            {{at(view, 50, 100.5), at(view, 350, 100.5)}, {at(view, 60, 200), at(view, 60, 280)}});
        const QColor blue(0x10, 0x40, 0xc0);
        const QImage image = VectorLayerRenderer::render(
            view, {builder.build()}, fixedStyle(FeatureKind::Line, blue, Qt::transparent));
        for (const int x : {60, 120, 200, 340}) {
            QVERIFY2(sameColor(image.pixel(x, 100), blue),
                     qPrintable(describe(image.pixel(x, 100))));
        }
        QVERIFY(qAlpha(image.pixel(60, 240)) > 0); // the second part
        QCOMPARE(qAlpha(image.pixel(200, 104)), 0);
        QCOMPARE(qAlpha(image.pixel(200, 96)), 0);
        QCOMPARE(qAlpha(image.pixel(370, 100)), 0);
    }

    void denseLayerStillDrawsEveryLine()
    {
        // Beyond 20 000 lines in view strokes become one pixel wide; they must still be drawn.
        const MapViewport view = helsinkiView();
        FeatureBlockBuilder builder(FeatureKind::Line);
        for (int i = 0; i < 30'000; ++i) {
            const double y = 20.5 + (i % 260);
            builder.addParts(i, AssetStatus::Active, 0, {{at(view, 20, y), at(view, 40, y)}});
        }
        builder.addParts(
            -1, AssetStatus::Faulty, 0, {{at(view, 100, 150.5), at(view, 300, 150.5)}});
        const QImage image = VectorLayerRenderer::render(view, {builder.build()}, LayerStyle{});
        QVERIFY(sameColor(image.pixel(30, 100), LayerStyle::statusColor(AssetStatus::Active)));
        QVERIFY2(sameColor(image.pixel(200, 150), LayerStyle::statusColor(AssetStatus::Faulty)),
                 qPrintable(describe(image.pixel(200, 150))));
        QCOMPARE(countOpaque(image, QRect(200, 140, 1, 20)), 1);
    }

    void polygonHoleStaysTransparent()
    {
        const MapViewport view = helsinkiView();
        FeatureBlockBuilder builder(FeatureKind::Polygon);
        builder.addParts(1,
                         AssetStatus::Active,
                         0,
                         {screenRing(view, QRectF(100, 50, 200, 200)),
                          screenRing(view, QRectF(150, 100, 100, 100))});
        const QColor green(0x20, 0x90, 0x40);
        const QImage image = VectorLayerRenderer::render(
            view, {builder.build()}, fixedStyle(FeatureKind::Polygon, green, green));
        QVERIFY2(sameColor(image.pixel(120, 150), green),
                 qPrintable(describe(image.pixel(120, 150))));
        QVERIFY(sameColor(image.pixel(280, 230), green));
        QCOMPARE(qAlpha(image.pixel(200, 150)), 0);
        QCOMPARE(qAlpha(image.pixel(170, 120)), 0);
        QCOMPARE(qAlpha(image.pixel(320, 150)), 0);
    }

    void tinyPolygonIsADot()
    {
        const MapViewport view = helsinkiView();
        FeatureBlockBuilder builder(FeatureKind::Polygon);
        builder.addParts(
            1, AssetStatus::Active, 0, {screenRing(view, QRectF(200.2, 150.2, 0.3, 0.3))});
        const QColor green(0x20, 0x90, 0x40);
        const QImage image = VectorLayerRenderer::render(
            view, {builder.build()}, fixedStyle(FeatureKind::Polygon, green, green));
        QCOMPARE(countOpaque(image, image.rect()), 1);
        QVERIFY(qAlpha(image.pixel(200, 150)) > 0);
    }

    void clusterShowsAroundItsCentroid()
    {
        const MapViewport view = helsinkiView();
        FeatureBlockBuilder builder(FeatureKind::Cluster);
        builder.addCluster(gis::TileKey(10, 1, 1), at(view, 100, 150), 1234, 2);
        builder.addCluster(gis::TileKey(10, 1, 2), at(view, 300, 150), 1, 0);
        const QImage image = VectorLayerRenderer::render(view, {builder.build()}, pointStyle());
        // A disc of at least 12 px radius around the centroid, nothing beyond 28 px.
        QVERIFY(countOpaque(image, QRect(90, 140, 20, 20)) == 400);
        QCOMPARE(countOpaque(image, QRect(0, 0, 70, 300)), 0);
        // Faulty members: a red ring at the rim.
        int red = 0;
        for (int x = 100 - 28; x < 100 - 10; ++x) {
            red += sameColor(image.pixel(x, 150), LayerStyle::statusColor(AssetStatus::Faulty)) ? 1
                                                                                                : 0;
        }
        QVERIFY(red > 0);
        // The count text: white pixels inside the disc.
        int white = 0;
        for (int y = 144; y < 156; ++y) {
            for (int x = 88; x < 112; ++x) {
                white += qRed(image.pixel(x, y)) > 230 && qBlue(image.pixel(x, y)) > 230 ? 1 : 0;
            }
        }
        QVERIFY(white > 5);
        // A one-member cluster is a normal point in the active colour.
        QVERIFY(sameColor(image.pixel(300, 150), LayerStyle::statusColor(AssetStatus::Active)));
        QCOMPARE(countOpaque(image, QRect(312, 130, 20, 40)), 0);
    }

    void faultyPointIsNotHiddenByANeighbour()
    {
        // Dense layers keep one sprite per few pixels; a faulty asset must never be the one
        // dropped, whatever the drawing order.
        const MapViewport view = helsinkiView();
        FeatureBlockBuilder builder(FeatureKind::Point);
        builder.addPoint(1, AssetStatus::Faulty, 0, at(view, 200, 150));
        builder.addPoint(2, AssetStatus::Active, 0, at(view, 201, 150.5));
        builder.addPoint(3, AssetStatus::Inactive, 0, at(view, 100, 150));
        builder.addPoint(4, AssetStatus::Planned, 0, at(view, 100.5, 151));
        const QImage image = VectorLayerRenderer::render(view, {builder.build()}, pointStyle());
        QVERIFY2(sameColor(image.pixel(200, 150), LayerStyle::statusColor(AssetStatus::Faulty)),
                 qPrintable(describe(image.pixel(200, 150))));
        QVERIFY(sameColor(image.pixel(100, 150), LayerStyle::statusColor(AssetStatus::Planned)));
    }

    void parallelRendersMatchASerialOne()
    {
        const MapViewport view = helsinkiView();
        FeatureBlockBuilder builder(FeatureKind::Point);
        for (int i = 0; i < 2000; ++i) {
            builder.addPoint(i, AssetStatus(i % 5), 0, at(view, (i * 37) % 400, (i * 53) % 300));
        }
        const QList<FeatureBlock> blocks{builder.build()};
        const QImage serial
            = VectorLayerRenderer::render(view, blocks, pointStyle(QStringLiteral("bin")));
        const QList<int> jobs{0, 1, 2, 3, 4, 5};
        const QList<QImage> images = QtConcurrent::blockingMapped(jobs, [&](int) {
            return VectorLayerRenderer::render(view, blocks, pointStyle(QStringLiteral("bin")));
        });
        for (const QImage &image : images) {
            QCOMPARE(image, serial);
        }
    }

    void cancelReturnsANullImage()
    {
        const MapViewport view = helsinkiView();
        FeatureBlockBuilder builder(FeatureKind::Point);
        builder.addPoint(1, AssetStatus::Active, 0, at(view, 200, 150));
        const std::atomic_bool cancel{true};
        QVERIFY(
            VectorLayerRenderer::render(view, {builder.build()}, pointStyle(), &cancel).isNull());
    }

    void featureInTwoBlocksIsDrawnOnce()
    {
        const MapViewport view = helsinkiView();
        const QColor fill(0x20, 0x40, 0xa0, 100);
        const LayerStyle style = fixedStyle(FeatureKind::Polygon, QColor(0x20, 0x40, 0xa0), fill);
        const auto block = [&](qint64 secondId) {
            FeatureBlockBuilder builder(FeatureKind::Polygon);
            builder.addParts(
                7, AssetStatus::Active, 0, {screenRing(view, QRectF(100, 50, 200, 200))});
            builder.addParts(
                secondId, AssetStatus::Active, 0, {screenRing(view, QRectF(10, 10, 40, 40))});
            return builder.build();
        };
        const QImage once = VectorLayerRenderer::render(view, {block(8)}, style);
        const int alpha = qAlpha(once.pixel(200, 150));
        QVERIFY(alpha > 90 && alpha < 110);
        const QImage twice = VectorLayerRenderer::render(view, {block(8), block(9)}, style);
        QCOMPARE(qAlpha(twice.pixel(200, 150)), alpha);
        QVERIFY(qAlpha(twice.pixel(30, 30)) > alpha + 40); // ids 8 and 9: two features
        // Different ids at the same place are different features: both drawn.
        FeatureBlockBuilder other(FeatureKind::Polygon);
        other.addParts(70, AssetStatus::Active, 0, {screenRing(view, QRectF(100, 50, 200, 200))});
        const QImage overlaid = VectorLayerRenderer::render(view, {block(8), other.build()}, style);
        QVERIFY(qAlpha(overlaid.pixel(200, 150)) > alpha + 40);
    }

    void highlightOnlyAroundTheSelection()
    {
        const MapViewport view = helsinkiView();
        FeatureBlockBuilder points(FeatureKind::Point);
        points.addPoint(1, AssetStatus::Active, 0, at(view, 100, 100));
        points.addPoint(2, AssetStatus::Active, 0, at(view, 300, 100));
        FeatureBlockBuilder lines(FeatureKind::Line);
        lines.addParts(3, AssetStatus::Active, 0, {{at(view, 50, 250), at(view, 350, 250)}});
        lines.addParts(4, AssetStatus::Active, 0, {{at(view, 50, 200), at(view, 350, 200)}});
        const QList<FeatureBlock> blocks{points.build(), lines.build()};
        QImage image(ViewSize, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        VectorLayerRenderer::paintHighlight(
            painter, view, blocks, {1, 3}, QColor(0xff, 0xb0, 0x00));
        painter.end();
        QVERIFY(countOpaque(image, QRect(80, 80, 40, 40)) > 40); // halo around point 1
        QCOMPARE(qAlpha(image.pixel(100, 100)), 0);              // a ring: the centre stays clear
        QCOMPARE(countOpaque(image, QRect(270, 70, 60, 60)), 0); // point 2 is not selected
        QVERIFY(qAlpha(image.pixel(200, 250)) > 0);
        QVERIFY(qAlpha(image.pixel(200, 247)) > 0);               // wide stroke
        QCOMPARE(countOpaque(image, QRect(40, 190, 320, 20)), 0); // line 4 is not selected
    }

    void hiDpiRendersAtTwiceTheSize()
    {
        const MapViewport view = helsinkiView(2.0);
        FeatureBlockBuilder points(FeatureKind::Point);
        points.addPoint(1, AssetStatus::Planned, 0, at(view, 200, 150));
        const QImage image = VectorLayerRenderer::render(
            view, {points.build()}, pointStyle(QStringLiteral("tree")));
        QCOMPARE(image.size(), ViewSize * 2);
        QCOMPARE(image.devicePixelRatio(), 2.0);
        // The 18 px badge covers 36 device pixels.
        QVERIFY(qAlpha(image.pixel(400 - 16, 300)) > 0);
        QCOMPARE(qAlpha(image.pixel(400 - 20, 300)), 0);
        QVERIFY(
            sameColor(image.pixel(400 - 14, 300), LayerStyle::statusColor(AssetStatus::Planned)));

        // Lines keep their width in logical pixels: 2 px become 4 device pixels.
        FeatureBlockBuilder lines(FeatureKind::Line);
        lines.addParts(2, AssetStatus::Active, 0, {{at(view, 50, 100), at(view, 350, 100)}});
        const QImage lineImage = VectorLayerRenderer::render(
            view, {lines.build()}, fixedStyle(FeatureKind::Line, Qt::black, Qt::transparent));
        QCOMPARE(countOpaque(lineImage, QRect(400, 190, 1, 20)), 4);
    }
};

QTEST_MAIN(TestVectorLayerRenderer)
#include "tst_vectorlayerrenderer.moc"
