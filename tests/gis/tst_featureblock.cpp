// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/featureblock.h"
#include "gis/core/featureblockbuilder.h"
#include "gis/core/mercator.h"
#include "gis/core/wkb.h"

#include <QTest>
#include <QtConcurrent>

#include <numeric>

using namespace infrasight::gis;
using infrasight::ErrorCode;

namespace {

QPointF meters(double lonDeg, double latDeg)
{
    return lonLatToMercatorMeters(LonLat{lonDeg, latDeg});
}

bool near(QPointF a, QPointF b)
{
    return std::abs(a.x() - b.x()) < 1e-6 && std::abs(a.y() - b.y()) < 1e-6;
}

QByteArray wkb(const Geometry &geometry,
               WkbByteOrder order = WkbByteOrder::LittleEndian,
               std::optional<qint32> srid = {})
{
    return encodeWkb(geometry, WkbEncodeOptions{order, srid});
}

Polygon squareWithHole()
{
    return Polygon{{{{24.0, 60.0}, {24.1, 60.0}, {24.1, 60.1}, {24.0, 60.1}, {24.0, 60.0}},
                    {{24.02, 60.02}, {24.02, 60.04}, {24.04, 60.04}, {24.02, 60.02}}}};
}

} // namespace

class TestFeatureBlock : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void emptyBlock()
    {
        const FeatureBlock block;
        QCOMPARE(block.kind(), FeatureKind::Point);
        QVERIFY(block.isEmpty());
        QVERIFY(block.bounds().isEmpty());
        QCOMPARE(block.featureCount(), qint64(0));
        QCOMPARE(block.indexOf(1), qsizetype(-1));
    }

    void points_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QPointF>("expected");
        const Point helsinki{QPointF(24.94, 60.17)};
        QTest::newRow("21-byte little-endian fast path") << wkb(helsinki) << meters(24.94, 60.17);
        QTest::newRow("big-endian")
            << wkb(helsinki, WkbByteOrder::BigEndian) << meters(24.94, 60.17);
        QTest::newRow("EWKB with SRID, little-endian")
            << wkb(helsinki, WkbByteOrder::LittleEndian, 4326) << meters(24.94, 60.17);
        QTest::newRow("EWKB with SRID, big-endian")
            << wkb(helsinki, WkbByteOrder::BigEndian, 4326) << meters(24.94, 60.17);
        QTest::newRow("multipoint takes its first point")
            << wkb(MultiPoint{{QPointF(10, 50), QPointF(11, 51)}}) << meters(10, 50);
        QTest::newRow("ISO Z point")
            << QByteArray::fromHex("01e9030000000000000000244000000000000049400000000000005940")
            << meters(10, 50);
    }

    void points()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QPointF, expected);
        FeatureBlockBuilder builder(FeatureKind::Point);
        const auto added = builder.addWkb(42, AssetStatus::Faulty, 4, bytes);
        QVERIFY2(added.has_value(), qPrintable(added ? QString() : added.error().message));
        const FeatureBlock block = builder.build();
        QCOMPARE(block.size(), qsizetype(1));
        QCOMPARE(block.id(0), qint64(42));
        QCOMPARE(block.status(0), AssetStatus::Faulty);
        QCOMPARE(block.condition(0), std::uint8_t(4));
        QVERIFY2(
            near(block.point(0), expected),
            qPrintable(QStringLiteral("%1 %2").arg(block.point(0).x()).arg(block.point(0).y())));
        QCOMPARE(block.partCount(0), 0);
        QCOMPARE(block.featureCount(), qint64(1));
        QVERIFY(block.bounds().contains(expected));
    }

    void lines()
    {
        FeatureBlockBuilder builder(FeatureKind::Line);
        const LineString single{{{24.0, 60.0}, {24.1, 60.0}, {24.1, 60.1}}};
        const MultiLineString multi{{LineString{{{25.0, 61.0}, {25.5, 61.0}}},
                                     LineString{},
                                     LineString{{{26.0, 62.0}, {26.1, 62.1}, {26.2, 62.0}}}}};
        QVERIFY(builder.addWkb(1, AssetStatus::Active, 1, wkb(single)).has_value());
        QVERIFY(
            builder.addWkb(2, AssetStatus::Planned, 0, wkb(multi, WkbByteOrder::BigEndian, 4326))
                .has_value());
        QCOMPARE(builder.size(), qsizetype(2));
        const FeatureBlock block = builder.build();
        QCOMPARE(builder.size(), qsizetype(0));
        QCOMPARE(block.kind(), FeatureKind::Line);
        QCOMPARE(block.size(), qsizetype(2));
        QCOMPARE(block.partCount(0), 1);
        QCOMPARE(block.part(0, 0).size(), size_t(3));
        QVERIFY(near(block.part(0, 0)[2], meters(24.1, 60.1)));
        QVERIFY(near(block.point(0), meters(24.0, 60.0)));
        QCOMPARE(block.partCount(1), 2); // the empty member is left out
        QCOMPARE(block.part(1, 0).size(), size_t(2));
        QCOMPARE(block.part(1, 1).size(), size_t(3));
        QVERIFY(near(block.part(1, 1)[1], meters(26.1, 62.1)));
        QCOMPARE(block.status(1), AssetStatus::Planned);
        QCOMPARE(block.indexOf(2), qsizetype(1));
        QCOMPARE(block.indexOf(3), qsizetype(-1));
        const BoundingBox &bounds = block.bounds();
        QVERIFY(near(QPointF(bounds.minX, bounds.minY), meters(24.0, 60.0)));
        QVERIFY(near(QPointF(bounds.maxX, bounds.maxY), meters(26.2, 62.1)));
    }

    void polygons()
    {
        FeatureBlockBuilder builder(FeatureKind::Polygon);
        QVERIFY(builder.addWkb(7, AssetStatus::Retired, 5, wkb(squareWithHole())).has_value());
        const MultiPolygon multi{
            {squareWithHole(), Polygon{{{{30, 10}, {31, 10}, {31, 11}, {30, 10}}}}}};
        QVERIFY(builder.addWkb(8, AssetStatus::Active, 2, wkb(multi, WkbByteOrder::BigEndian))
                    .has_value());
        builder.addParts(
            9, AssetStatus::Inactive, 3, {{QPointF(0, 0), QPointF(10, 0), QPointF(0, 10)}});
        const FeatureBlock block = builder.build();
        QCOMPARE(block.kind(), FeatureKind::Polygon);
        QCOMPARE(block.size(), qsizetype(3));
        QCOMPARE(block.partCount(0), 2);
        QCOMPARE(block.part(0, 0).size(), size_t(5));
        QCOMPARE(block.part(0, 1).size(), size_t(4));
        QVERIFY(near(block.part(0, 1)[1], meters(24.02, 60.04)));
        QCOMPARE(block.partCount(1), 3); // two rings of the first member, one of the second
        QVERIFY(near(block.part(1, 2)[0], meters(30, 10)));
        QCOMPARE(block.partCount(2), 1);
        QCOMPARE(block.part(2, 0)[1], QPointF(10, 0)); // addParts takes metres as they are
        QCOMPARE(block.id(2), qint64(9));
        QCOMPARE(block.condition(0), std::uint8_t(5));
        QCOMPARE(block.indexOf(9), qsizetype(2));
        QCOMPARE(block.featureCount(), qint64(3));
    }

    void clusters()
    {
        FeatureBlockBuilder builder(FeatureKind::Cluster);
        builder.addCluster(TileKey(14, 9326, 4741), QPointF(100, 200), 1500, 3);
        builder.addCluster(TileKey(14, 9327, 4741), QPointF(300, 200), 20, 0);
        QVERIFY(!builder.addWkb(1, AssetStatus::Active, 0, wkb(Point{QPointF(1, 2)})).has_value());
        const FeatureBlock block = builder.build();
        QCOMPARE(block.kind(), FeatureKind::Cluster);
        QCOMPARE(block.size(), qsizetype(2));
        QCOMPARE(block.featureCount(), qint64(1520));
        QCOMPARE(block.clusterCount(0), 1500);
        QCOMPARE(block.clusterFaultyCount(0), 3);
        QCOMPARE(block.clusterFaultyCount(1), 0);
        QCOMPARE(block.clusterCell(1), TileKey(14, 9327, 4741));
        QCOMPARE(block.point(1), QPointF(300, 200));
        QCOMPARE(block.id(0), qint64(0));
        QCOMPARE(block.status(0), AssetStatus::Faulty);
        QCOMPARE(block.status(1), AssetStatus::Active);
        QCOMPARE(block.bounds().toRectF(), QRectF(QPointF(100, 200), QPointF(300, 200)));
    }

    void emptyGeometriesAreSkipped()
    {
        FeatureBlockBuilder points(FeatureKind::Point);
        QVERIFY(points.addWkb(1, AssetStatus::Active, 0, wkb(Point{})).has_value());
        QVERIFY(points.addWkb(2, AssetStatus::Active, 0, wkb(MultiPoint{})).has_value());
        QCOMPARE(points.size(), qsizetype(0));
        FeatureBlockBuilder lines(FeatureKind::Line);
        QVERIFY(lines.addWkb(1, AssetStatus::Active, 0, wkb(LineString{})).has_value());
        QCOMPARE(lines.size(), qsizetype(0));
    }

    void malformedIsRejected_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("bytes");
        const QByteArray point = wkb(Point{QPointF(24.9, 60.1)});
        const QByteArray line = wkb(LineString{{{1, 2}, {3, 4}}});
        QTest::newRow("empty buffer") << int(FeatureKind::Point) << QByteArray();
        QTest::newRow("truncated point") << int(FeatureKind::Point) << point.left(20);
        QTest::newRow("point with a trailing byte") << int(FeatureKind::Point) << point + 'x';
        QTest::newRow("bad byte-order marker")
            << int(FeatureKind::Point) << QByteArray(1, '\x07') + point.mid(1);
        QTest::newRow("truncated line") << int(FeatureKind::Line) << line.left(line.size() - 3);
        QTest::newRow("line in a point block") << int(FeatureKind::Point) << line;
        QTest::newRow("point in a line block") << int(FeatureKind::Line) << point;
        QTest::newRow("line in a polygon block") << int(FeatureKind::Polygon) << line;
        QTest::newRow("polygon in a line block") << int(FeatureKind::Line) << wkb(squareWithHole());
        QTest::newRow("collection in a point block")
            << int(FeatureKind::Point) << wkb(GeometryCollection{{Point{QPointF(1, 2)}}});
    }

    void malformedIsRejected()
    {
        QFETCH(int, kind);
        QFETCH(QByteArray, bytes);
        FeatureBlockBuilder builder{FeatureKind(kind)};
        if (kind == int(FeatureKind::Point)) {
            builder.addPoint(1, AssetStatus::Active, 1, QPointF(5, 5));
        } else {
            builder.addParts(1, AssetStatus::Active, 1, {{QPointF(5, 5), QPointF(6, 6)}});
        }
        const auto added = builder.addWkb(2, AssetStatus::Faulty, 2, bytes);
        QVERIFY(!added.has_value());
        QCOMPARE(added.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(added.error().message.contains(QStringLiteral("byte offset")),
                 qPrintable(added.error().message));
        QCOMPARE(builder.size(), qsizetype(1));
        const FeatureBlock block = builder.build();
        QCOMPARE(block.size(), qsizetype(1));
        QCOMPARE(block.indexOf(2), qsizetype(-1));
        QCOMPARE(block.bounds().toRectF(),
                 kind == int(FeatureKind::Point) ? QRectF(5, 5, 0, 0) : QRectF(5, 5, 1, 1));
    }

    void hundredThousandPointsFitTheMemoryBudget()
    {
        constexpr int n = 100'000;
        FeatureBlockBuilder builder(FeatureKind::Point);
        builder.reserve(n);
        for (int i = 0; i < n; ++i) {
            const Point point{QPointF(24.8 + (i % 1000) * 1e-4, 60.1 + (i / 1000) * 1e-4)};
            QVERIFY(builder.addWkb(i + 1, AssetStatus(i % 5), std::uint8_t(i % 6), wkb(point))
                        .has_value());
        }
        const FeatureBlock block = builder.build();
        QCOMPARE(block.size(), qsizetype(n));
        const double bytesPerFeature = double(block.memoryBytes()) / n;
        QVERIFY2(bytesPerFeature <= 40.0, qPrintable(QString::number(bytesPerFeature)));
        QVERIFY(bytesPerFeature >= 26.0); // id, status, condition and two doubles are all counted
        QCOMPARE(block.indexOf(n), qsizetype(n - 1));
        QCOMPARE(block.status(n - 1), AssetStatus((n - 1) % 5));
        QVERIFY(near(block.point(n - 1), meters(24.8 + 999e-4, 60.1 + 99e-4)));
        QVERIFY(near(QPointF(block.bounds().minX, block.bounds().minY), meters(24.8, 60.1)));
    }

    void sharedAcrossThreads()
    {
        constexpr int n = 20'000;
        FeatureBlockBuilder builder(FeatureKind::Line);
        for (int i = 0; i < n; ++i) {
            builder.addParts(
                i, AssetStatus::Active, 0, {{QPointF(i, 0), QPointF(i, 1), QPointF(i, 2)}});
        }
        const FeatureBlock block = builder.build();
        const QList<int> jobs{0, 1, 2, 3, 4, 5, 6, 7};
        const QList<double> sums = QtConcurrent::blockingMapped(jobs, [block](int) {
            double sum = 0;
            const FeatureBlock copy = block; // copies share the data
            for (qsizetype i = 0; i < copy.size(); ++i) {
                for (const QPointF &p : copy.part(i, 0)) {
                    sum += p.x() + p.y();
                }
            }
            return sum;
        });
        const double expected = 3.0 * (double(n) * (n - 1) / 2.0) + 3.0 * n;
        for (const double sum : sums) {
            QCOMPARE(sum, expected);
        }
        QCOMPARE(FeatureBlock(block).memoryBytes(), block.memoryBytes());
    }
};

QTEST_GUILESS_MAIN(TestFeatureBlock)
#include "tst_featureblock.moc"
