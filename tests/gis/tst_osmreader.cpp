// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/proj/gdalsetup.h"
#include "gis/proj/osmreader.h"

#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

using infrasight::ErrorCode;
using namespace infrasight::gis;

namespace {

using Tags = QHash<QString, QString>;

QString osmFile(const QString &name)
{
    return qEnvironmentVariable("INFRASIGHT_SOURCE_DIR") + QStringLiteral("/../shared/data/osm/")
           + name;
}

struct Counts
{
    int features = 0;
    int points = 0;
    int lines = 0;
    int multiPolygons = 0;
    int highways = 0;
    int coastlines = 0;
    int buildings = 0;
    int streetLamps = 0;
    int hydrants = 0;
    int manholes = 0;
    int adminBoundaries = 0;
    int emptyGeometries = 0;
    int wrongGeometryType = 0;
    int relationAreas = 0;
    int zeroIds = 0;
    double minLon = 1000;
    double maxLon = -1000;
};

} // namespace

class TestOsmReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parseOtherTags_data();
    void parseOtherTags();
    void readsMonaco();
    void readsHelsinkiStreetFurniture();
    void missingFileIsNotFound();
    void foreignFileIsRefused();

private:
    static Counts readAll(const QString &path, std::optional<GeoBounds> *bounds);
};

void TestOsmReader::initTestCase()
{
    // The driver reports every ring cut at the extract's edge; expected, and only noise here.
    QLoggingCategory::setFilterRules(QStringLiteral("infrasight.gis.debug=false"));
    setupGdal();
    if (!QFile::exists(osmFile(QStringLiteral("monaco.osm.pbf")))) {
        QFAIL(qPrintable(QStringLiteral("OSM extracts not found at %1; set INFRASIGHT_SOURCE_DIR")
                             .arg(osmFile({}))));
    }
}

void TestOsmReader::parseOtherTags_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Tags>("expected");

    QTest::newRow("empty") << QString() << Tags{};
    QTest::newRow("one-pair") << QStringLiteral(R"("emergency"=>"fire_hydrant")")
                              << Tags{
                                     {QStringLiteral("emergency"), QStringLiteral("fire_hydrant")}};
    QTest::newRow("two-pairs-with-spaces")
        << QStringLiteral(R"("manhole"=>"sewer", "operator"=>"HSY")")
        << Tags{{QStringLiteral("manhole"), QStringLiteral("sewer")},
                {QStringLiteral("operator"), QStringLiteral("HSY")}};
    QTest::newRow("escaped-quote-and-backslash")
        << QStringLiteral(R"("name"=>"Le \"Grand\" C:\\","x"=>"1")")
        << Tags{{QStringLiteral("name"), QStringLiteral(R"(Le "Grand" C:\)")},
                {QStringLiteral("x"), QStringLiteral("1")}};
    QTest::newRow("comma-and-arrow-inside-value")
        << QStringLiteral(R"("note"=>"a,b=>c")")
        << Tags{{QStringLiteral("note"), QStringLiteral("a,b=>c")}};
    QTest::newRow("non-ascii") << QStringLiteral(R"("name:fi"=>"Pohjoisesplanadi ä")")
                               << Tags{{QStringLiteral("name:fi"),
                                        QStringLiteral("Pohjoisesplanadi \u00e4")}};
    QTest::newRow("malformed-tail-keeps-good-pairs")
        << QStringLiteral(R"("a"=>"1","b"=>)") << Tags{{QStringLiteral("a"), QStringLiteral("1")}};
}

void TestOsmReader::parseOtherTags()
{
    QFETCH(QString, text);
    QFETCH(Tags, expected);
    QCOMPARE(OsmReader::parseOtherTags(text), expected);
}

Counts TestOsmReader::readAll(const QString &path, std::optional<GeoBounds> *bounds)
{
    Counts counts;
    auto reader = OsmReader::open(path);
    if (!reader) {
        qWarning("%s", qPrintable(reader.error().toString()));
        return counts;
    }
    *bounds = (*reader)->headerBounds();
    OsmFeature feature;
    for (;;) {
        auto more = (*reader)->readNext(feature);
        if (!more || !*more) {
            break;
        }
        ++counts.features;
        if (feature.osmId == 0) {
            ++counts.zeroIds;
        }
        counts.emptyGeometries += feature.geometry.isEmpty();
        const GeometryType type = feature.geometry.type();
        switch (feature.layer) {
        case OsmLayerKind::Points: {
            ++counts.points;
            counts.wrongGeometryType += type != GeometryType::Point;
            const auto *point = feature.geometry.as<Point>();
            const double lon = point ? point->position.x() : 0.0;
            counts.minLon = std::min(counts.minLon, lon);
            counts.maxLon = std::max(counts.maxLon, lon);
            counts.streetLamps
                += feature.tags.value(QStringLiteral("highway")) == QStringLiteral("street_lamp");
            counts.hydrants += feature.tags.value(QStringLiteral("emergency"))
                               == QStringLiteral("fire_hydrant");
            counts.manholes += feature.tags.contains(QStringLiteral("manhole"));
            break;
        }
        case OsmLayerKind::Lines:
            ++counts.lines;
            counts.wrongGeometryType += type != GeometryType::LineString;
            counts.highways += feature.tags.contains(QStringLiteral("highway"));
            counts.coastlines
                += feature.tags.value(QStringLiteral("natural")) == QStringLiteral("coastline");
            break;
        case OsmLayerKind::MultiPolygons:
            ++counts.multiPolygons;
            counts.wrongGeometryType += type != GeometryType::MultiPolygon;
            counts.buildings += feature.tags.contains(QStringLiteral("building"));
            counts.relationAreas += feature.elementType == OsmElementType::Relation;
            counts.adminBoundaries += feature.tags.value(QStringLiteral("boundary"))
                                      == QStringLiteral("administrative");
            break;
        case OsmLayerKind::MultiLineStrings:
        case OsmLayerKind::OtherRelations:
            break;
        }
    }
    return counts;
}

void TestOsmReader::readsMonaco()
{
    std::optional<GeoBounds> bounds;
    const Counts counts = readAll(osmFile(QStringLiteral("monaco.osm.pbf")), &bounds);

    // Figures from shared/data/osm/README.md (GDAL 3.6.2, default osmconf.ini).
    QCOMPARE(counts.points, 1691);
    QCOMPARE(counts.lines, 3283);
    QCOMPARE(counts.multiPolygons, 24084);
    QCOMPARE(counts.highways, 2903);
    QCOMPARE(counts.coastlines, 26);
    QCOMPARE(counts.buildings, 23334);
    QVERIFY(counts.adminBoundaries > 0);
    QVERIFY(counts.relationAreas > 0);
    QCOMPARE(counts.emptyGeometries, 0);
    QCOMPARE(counts.wrongGeometryType, 0);
    QCOMPARE(counts.zeroIds, 0);

    QVERIFY(bounds.has_value());
    QCOMPARE(bounds->westDeg(), 7.349);
    QCOMPARE(bounds->southDeg(), 43.71);
    QCOMPARE(bounds->eastDeg(), 7.491);
    QCOMPARE(bounds->northDeg(), 43.77);
    QVERIFY(counts.minLon >= bounds->westDeg() && counts.maxLon <= bounds->eastDeg());
}

void TestOsmReader::readsHelsinkiStreetFurniture()
{
    std::optional<GeoBounds> bounds;
    const Counts counts = readAll(osmFile(QStringLiteral("Helsinki.osm.pbf")), &bounds);
    QCOMPARE(counts.points, 8045);
    QCOMPARE(counts.streetLamps, 586);
    QCOMPARE(counts.hydrants, 37);
    QCOMPARE(counts.manholes, 397);
}

void TestOsmReader::missingFileIsNotFound()
{
    auto reader = OsmReader::open(osmFile(QStringLiteral("no-such-city.osm.pbf")));
    QVERIFY(!reader);
    QCOMPARE(reader.error().code, ErrorCode::NotFound);
}

void TestOsmReader::foreignFileIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("notes.osm.pbf"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not OpenStreetMap data\n");
    file.close();
    auto reader = OsmReader::open(path);
    QVERIFY(!reader);
    QCOMPARE(reader.error().code, ErrorCode::Gdal);
}

QTEST_GUILESS_MAIN(TestOsmReader)
#include "tst_osmreader.moc"
