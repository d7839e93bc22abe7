// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/boundingbox.h"
#include "gis/core/featureset.h"
#include "gis/core/strongid.h"

#include <QHash>
#include <QTest>

#include <thread>

using namespace infrasight::gis;

namespace {
struct AssetTag;
struct LayerTag;
using AssetId = StrongId<AssetTag>;
using LayerId = StrongId<LayerTag>;
static_assert(!std::is_convertible_v<AssetId, LayerId>, "ids of different kinds must not mix");
static_assert(!std::is_convertible_v<qint64, AssetId>, "a raw number is not an id");

std::vector<Feature> sampleFeatures()
{
    std::vector<Feature> features;
    features.push_back(
        {1, Geometry(Point{{7.42, 43.73}}), {{QStringLiteral("name"), QStringLiteral("lamp")}}});
    features.push_back({2, Geometry(LineString{{{7.41, 43.72}, {7.44, 43.75}}}), {}});
    features.push_back({3, Geometry(Point{}), {}}); // empty geometry: no bounds contribution
    return features;
}
} // namespace

class TestFeatureSet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultIsEmpty();
    void computesBoundsAndCounts();
    void copiesShareOneSnapshot();
    void readableFromManyThreads();
    void boundingBoxBehaviour_data();
    void boundingBoxBehaviour();
    void strongIds();
};

void TestFeatureSet::defaultIsEmpty()
{
    const FeatureSet set;
    QVERIFY(set.isEmpty());
    QCOMPARE(set.size(), qsizetype(0));
    QVERIFY(set.bounds().isEmpty());
    QVERIFY(set.crs().isEmpty());
    QCOMPARE(set.pointCount(), qsizetype(0));
    QVERIFY(set.begin() == set.end());
}

void TestFeatureSet::computesBoundsAndCounts()
{
    const FeatureSet set(sampleFeatures(), QStringLiteral("EPSG:4326"));
    QCOMPARE(set.size(), qsizetype(3));
    QCOMPARE(set.crs(), QStringLiteral("EPSG:4326"));
    QCOMPARE(set.bounds(), (BoundingBox{7.41, 43.72, 7.44, 43.75}));
    QCOMPARE(set.pointCount(), qsizetype(3));
    QCOMPARE(set.at(0).id, qint64(1));
    QCOMPARE(set.at(0).attributes.value(QStringLiteral("name")).toString(), QStringLiteral("lamp"));
    qint64 idSum = 0;
    for (const Feature &feature : set) {
        idSum += feature.id;
    }
    QCOMPARE(idSum, qint64(6));
}

void TestFeatureSet::copiesShareOneSnapshot()
{
    const FeatureSet original(sampleFeatures(), QStringLiteral("EPSG:4326"));
    const FeatureSet copy = original; // NOLINT(performance-unnecessary-copy-initialization)
    QCOMPARE(&copy.features(), &original.features());
    const QVariant asVariant = QVariant::fromValue(original);
    QCOMPARE(&asVariant.value<FeatureSet>().features(), &original.features());
}

void TestFeatureSet::readableFromManyThreads()
{
    std::vector<Feature> features;
    for (int i = 0; i < 10000; ++i) {
        features.push_back({i, Geometry(Point{{i * 1.0, -i * 1.0}}), {}});
    }
    const FeatureSet set(std::move(features), QStringLiteral("EPSG:3857"));
    qint64 sums[2] = {0, 0};
    std::thread a([set, &sums] {
        for (const Feature &f : set) {
            sums[0] += f.id;
        }
    });
    std::thread b([set, &sums] {
        for (const Feature &f : set) {
            sums[1] += f.id;
        }
    });
    a.join();
    b.join();
    QCOMPARE(sums[0], qint64(9999) * 10000 / 2);
    QCOMPARE(sums[1], sums[0]);
    QCOMPARE(set.bounds(), (BoundingBox{0, -9999, 9999, 0}));
}

void TestFeatureSet::boundingBoxBehaviour_data()
{
    QTest::addColumn<BoundingBox>("a");
    QTest::addColumn<BoundingBox>("b");
    QTest::addColumn<bool>("intersects");

    QTest::newRow("overlapping") << BoundingBox{0, 0, 2, 2} << BoundingBox{1, 1, 3, 3} << true;
    QTest::newRow("touching-edge") << BoundingBox{0, 0, 1, 1} << BoundingBox{1, 0, 2, 1} << true;
    QTest::newRow("point-inside") << BoundingBox{0, 0, 2, 2} << BoundingBox{1, 1, 1, 1} << true;
    QTest::newRow("disjoint") << BoundingBox{0, 0, 1, 1} << BoundingBox{2, 2, 3, 3} << false;
    QTest::newRow("empty") << BoundingBox{0, 0, 1, 1} << BoundingBox{} << false;
}

void TestFeatureSet::boundingBoxBehaviour()
{
    QFETCH(BoundingBox, a);
    QFETCH(BoundingBox, b);
    QFETCH(bool, intersects);

    QCOMPARE(a.intersects(b), intersects);
    QCOMPARE(b.intersects(a), intersects);
    BoundingBox united = a;
    united.extend(b);
    QVERIFY(!united.isEmpty());
    QVERIFY(united.contains(QPointF(a.minX, a.minY)));
    if (!b.isEmpty()) {
        QVERIFY(united.contains(QPointF(b.maxX, b.maxY)));
    } else {
        QCOMPARE(united, a);
        QCOMPARE(b.toRectF(), QRectF());
    }
}

void TestFeatureSet::strongIds()
{
    QVERIFY(!AssetId().isValid());
    QVERIFY(AssetId(7).isValid());
    QCOMPARE(AssetId(7).value(), qint64(7));
    QVERIFY(AssetId(3) < AssetId(4));
    QHash<AssetId, QString> names;
    names.insert(AssetId(1), QStringLiteral("pump"));
    names.insert(AssetId(2), QStringLiteral("valve"));
    QCOMPARE(names.value(AssetId(2)), QStringLiteral("valve"));
}

QTEST_APPLESS_MAIN(TestFeatureSet)
#include "tst_featureset.moc"
