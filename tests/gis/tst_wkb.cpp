// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/core/geometry.h"
#include "gis/core/wkb.h"

#include <QTest>

#include <cmath>
#include <cstring>
#include <limits>
#include <memory>

using namespace infrasight::gis;
using infrasight::ErrorCode;

Q_DECLARE_METATYPE(infrasight::gis::Geometry)
Q_DECLARE_METATYPE(std::optional<qint32>)

namespace {

std::vector<QPointF> ring(std::initializer_list<QPointF> points)
{
    return std::vector<QPointF>(points);
}

Polygon unitTriangle()
{
    return Polygon{{ring({{0, 0}, {1, 0}, {1, 1}, {0, 0}})}};
}

Polygon squareWithHole()
{
    return Polygon{{ring({{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}),
                    ring({{2, 2}, {2, 4}, {4, 4}, {2, 2}})}};
}

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}

// "n" levels of GEOMETRYCOLLECTION(GEOMETRYCOLLECTION(... GEOMETRYCOLLECTION EMPTY)).
QByteArray nestedCollections(int levels)
{
    QByteArray bytes;
    for (int i = 0; i < levels; ++i) {
        bytes += hex(i + 1 < levels ? "010700000001000000" : "010700000000000000");
    }
    return bytes;
}

} // namespace

class TestWkb : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsEveryGeometryType_data();
    void roundTripsEveryGeometryType();
    void decodesPostgisOutput_data();
    void decodesPostgisOutput();
    void rejectsMalformedInput_data();
    void rejectsMalformedInput();
    void survivesEveryTruncationAndByteCorruption();
    void encodesLikePostgis();
    void hexInput_data();
    void hexInput();
    void decodesLargeLineString();
    void geometryProperties();
};

void TestWkb::roundTripsEveryGeometryType_data()
{
    QTest::addColumn<Geometry>("geometry");

    QTest::newRow("point") << Geometry(Point{{24.9414, 60.1699}});
    QTest::newRow("point-empty") << Geometry(Point{});
    QTest::newRow("linestring") << Geometry(
        LineString{{{7.4246, 43.7384}, {7.43, 43.74}, {7.5, 43.8}}});
    QTest::newRow("linestring-empty") << Geometry(LineString{});
    QTest::newRow("polygon") << Geometry(unitTriangle());
    QTest::newRow("polygon-with-hole") << Geometry(squareWithHole());
    QTest::newRow("polygon-empty") << Geometry(Polygon{});
    QTest::newRow("multipoint") << Geometry(MultiPoint{{{1, 2}, {3, 4}, {-5, -6}}});
    QTest::newRow("multilinestring") << Geometry(
        MultiLineString{{LineString{{{1, 2}, {3, 4}}}, LineString{{{5, 6}, {7, 8}, {9, 10}}}}});
    QTest::newRow("multipolygon") << Geometry(MultiPolygon{{unitTriangle(), squareWithHole()}});
    QTest::newRow("multipolygon-empty") << Geometry(MultiPolygon{});
    QTest::newRow("geometrycollection-nested") << Geometry(GeometryCollection{
        {Geometry(Point{{1, 2}}),
         Geometry(LineString{{{3, 4}, {5, 6}}}),
         Geometry(GeometryCollection{{Geometry(MultiPolygon{{unitTriangle()}})}})}});
    QTest::newRow("geometrycollection-empty") << Geometry(GeometryCollection{});
    QTest::newRow("extreme-doubles") << Geometry(LineString{
        {{std::numeric_limits<double>::max(), -std::numeric_limits<double>::denorm_min()},
         {-0.0, 1e-300}}});
}

void TestWkb::roundTripsEveryGeometryType()
{
    QFETCH(Geometry, geometry);

    const QByteArray ndr = encodeWkb(geometry);
    QCOMPARE(ndr.at(0), char(1));
    const auto fromNdr = decodeWkb(ndr);
    QVERIFY2(fromNdr.has_value(), qPrintable(fromNdr ? QString() : fromNdr.error().message));
    QVERIFY(*fromNdr == geometry);

    const QByteArray xdr = encodeWkb(geometry, {WkbByteOrder::BigEndian, std::nullopt});
    QCOMPARE(xdr.at(0), char(0));
    QCOMPARE(xdr.size(), ndr.size());
    const auto fromXdr = decodeWkb(xdr);
    QVERIFY2(fromXdr.has_value(), qPrintable(fromXdr ? QString() : fromXdr.error().message));
    QVERIFY(*fromXdr == geometry);

    const QByteArray ewkb = encodeWkb(geometry, {WkbByteOrder::LittleEndian, 3067});
    QCOMPARE(ewkb.size(), ndr.size() + 4);
    const auto fromEwkb = decodeEwkb(ewkb);
    QVERIFY2(fromEwkb.has_value(), qPrintable(fromEwkb ? QString() : fromEwkb.error().message));
    QVERIFY(fromEwkb->geometry == geometry);
    QCOMPARE(fromEwkb->srid, std::optional<qint32>(3067));
    QCOMPARE(decodeEwkb(ndr)->srid, std::optional<qint32>());
}

void TestWkb::decodesPostgisOutput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<Geometry>("expected");
    QTest::addColumn<std::optional<qint32>>("expectedSrid");

    // Generated with PostGIS 3.3 on the dev server, e.g.
    //   SELECT encode(ST_AsBinary('POLYGON((0 0,1 0,1 1,0 0))'::geometry,'NDR'),'hex');
    const std::optional<qint32> none;
    QTest::newRow("point-ndr") << hex("010100000054742497fff0384092cb7f48bf154e40")
                               << Geometry(Point{{24.9414, 60.1699}}) << none;
    QTest::newRow("polygon-ndr") << hex(
        "0103000000010000000400000000000000000000000000000000000000000000000000f03f000000000000"
        "0000000000000000f03f000000000000f03f00000000000000000000000000000000")
                                 << Geometry(unitTriangle()) << none;
    QTest::newRow("polygon-xdr") << hex(
        "00000000030000000100000004000000000000000000000000000000003ff00000000000000000000000000"
        "0003ff00000000000003ff000000000000000000000000000000000000000000000")
                                 << Geometry(unitTriangle()) << none;
    QTest::newRow("linestring-xdr")
        << hex("000000000200000002401db2ca57a786c24045de83e425aee6401db851eb851eb84045deb851eb851f")
        << Geometry(LineString{{{7.4246, 43.7384}, {7.43, 43.74}}}) << none;
    // ST_AsEWKB('SRID=4326;POINT(7.4246 43.7384)'::geometry,'NDR')
    QTest::newRow("ewkb-point-srid4326")
        << hex("0101000020e6100000c286a757cab21d40e6ae25e483de4540")
        << Geometry(Point{{7.4246, 43.7384}}) << std::optional<qint32>(4326);
    // ST_AsEWKB('SRID=3067;MULTIPOLYGON(((0 0,10 0,10 10,0 0)),((20 20,30 20,30 30,20 20),
    //           (21 21,22 21,22 22,21 21)))'::geometry,'XDR')
    QTest::newRow("ewkb-multipolygon-srid3067-xdr") << hex(
        "002000000600000bfb00000002000000000300000001000000040000000000000000000000000000000040"
        "24000000000000000000000000000040240000000000004024000000000000000000000000000000000000"
        "000000000000000003000000020000000440340000000000004034000000000000403e0000000000004034"
        "000000000000403e000000000000403e000000000000403400000000000040340000000000000000000440"
        "350000000000004035000000000000403600000000000040350000000000004036000000000000403600000"
        "000000040350000000000004035000000000000")
                                                    << Geometry(MultiPolygon{
                                                           {Polygon{{ring({{0, 0},
                                                                           {10, 0},
                                                                           {10, 10},
                                                                           {0, 0}})}},
                                                            Polygon{{ring({{20, 20},
                                                                           {30, 20},
                                                                           {30, 30},
                                                                           {20, 20}}),
                                                                     ring({{21, 21},
                                                                           {22, 21},
                                                                           {22, 22},
                                                                           {21, 21}})}}}})
                                                    << std::optional<qint32>(3067);
    // The binary form of a geometry column (geometry_send) is EWKB too.
    QTest::newRow("column-binary-ewkb") << hex(
        "0103000020e6100000010000000400000000000000000000000000000000000000000000000000f03f0000"
        "000000000000000000000000f03f000000000000f03f00000000000000000000000000000000")
                                        << Geometry(unitTriangle()) << std::optional<qint32>(4326);
    QTest::newRow("ewkb-linestring-z-flag") << hex(
        "010200008002000000000000000000f03f000000000000004000000000000008400000000000001040000000"
        "00000014400000000000001840") << Geometry(LineString{{{1, 2}, {4, 5}}})
                                            << none;
    QTest::newRow("iso-linestring-z-1002") << hex(
        "01ea03000002000000000000000000f03f000000000000004000000000000008400000000000001040000000"
        "00000014400000000000001840") << Geometry(LineString{{{1, 2}, {4, 5}}})
                                           << none;
    QTest::newRow("iso-point-m-2001")
        << hex("01d1070000000000000000f03f00000000000000400000000000000840")
        << Geometry(Point{{1, 2}}) << none;
    QTest::newRow("iso-polygon-zm-3003") << hex(
        "01bb0b0000010000000400000000000000000000000000000000000000000000000000f03f000000000000004"
        "0000000000000f03f0000000000000000000000000000f03f0000000000000040000000000000f03f000000"
        "000000f03f000000000000f03f000000000000004000000000000000000000000000000000000000000000f"
        "03f0000000000000040") << Geometry(unitTriangle())
                                         << none;
    QTest::newRow("ewkb-point-zm-srid")
        << hex("01010000e0e6100000000000000000f03f00000000000000400000000"
               "0000008400000000000001040")
        << Geometry(Point{{1, 2}}) << std::optional<qint32>(4326);
    QTest::newRow("multipoint") << hex(
        "0104000000020000000101000000000000000000f03f00000000000000400101"
        "00000000000000000008400000000000001040")
                                << Geometry(MultiPoint{{{1, 2}, {3, 4}}}) << none;
    QTest::newRow("multilinestring") << hex(
        "010500000002000000010200000002000000000000000000f03f00000000000000400000000000000840000"
        "0000000001040010200000003000000000000000000144000000000000018400000000000001c40000000"
        "000000204000000000000022400000000000002440")
                                     << Geometry(MultiLineString{
                                            {LineString{{{1, 2}, {3, 4}}},
                                             LineString{{{5, 6}, {7, 8}, {9, 10}}}}})
                                     << none;
    QTest::newRow("geometrycollection-nested") << hex(
        "0107000000030000000101000000000000000000f03f000000000000004001020000000200000000000000"
        "0000084000000000000010400000000000001440000000000000184001070000000100000001010000000"
        "000000000001c400000000000002040")
                                               << Geometry(GeometryCollection{
                                                      {Geometry(Point{{1, 2}}),
                                                       Geometry(LineString{{{3, 4}, {5, 6}}}),
                                                       Geometry(GeometryCollection{
                                                           {Geometry(Point{{7, 8}})}})}})
                                               << none;
    QTest::newRow("point-empty-is-nan")
        << hex("0101000000000000000000f87f000000000000f87f") << Geometry(Point{}) << none;
    QTest::newRow("linestring-empty")
        << hex("010200000000000000") << Geometry(LineString{}) << none;
    QTest::newRow("geometrycollection-empty")
        << hex("010700000000000000") << Geometry(GeometryCollection{}) << none;
}

void TestWkb::decodesPostgisOutput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(Geometry, expected);
    QFETCH(std::optional<qint32>, expectedSrid);

    const auto decoded = decodeEwkb(bytes);
    QVERIFY2(decoded.has_value(), qPrintable(decoded ? QString() : decoded.error().message));
    QVERIFY(decoded->geometry == expected);
    QCOMPARE(decoded->srid, expectedSrid);

    const auto plain = decodeWkb(bytes);
    QVERIFY(plain.has_value());
    QVERIFY(*plain == expected);
}

void TestWkb::rejectsMalformedInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expectedProblem");
    QTest::addColumn<int>("expectedOffset");

    const QByteArray point = hex("010100000054742497fff0384092cb7f48bf154e40");
    QTest::newRow("empty-buffer") << QByteArray() << QStringLiteral("truncated geometry header")
                                  << 0;
    QTest::newRow("truncated-header")
        << hex("0101") << QStringLiteral("truncated geometry header") << 0;
    QTest::newRow("bad-byte-order-marker") << hex("020100000000000000000000000000000000000000")
                                           << QStringLiteral("byte-order marker 0x02") << 0;
    QTest::newRow("unknown-type-99")
        << hex("016300000000000000") << QStringLiteral("unknown geometry type 99") << 1;
    QTest::newRow("type-zero") << hex("010000000000000000")
                               << QStringLiteral("unknown geometry type 0") << 1;
    QTest::newRow("circularstring-unsupported") << hex(
        "01080000000300000000000000000000000000000000000000000000000000f03f000000000000f03f000000"
        "00000000400000000000000000") << QStringLiteral("unknown geometry type 8")
                                                << 1;
    QTest::newRow("iso-dimension-4001") << hex("01a10f000000000000000000000000000000000000")
                                        << QStringLiteral("unknown geometry type 4001") << 1;
    QTest::newRow("truncated-point") << point.left(18) << QStringLiteral("truncated point") << 5;
    QTest::newRow("truncated-srid")
        << hex("0101000020e610") << QStringLiteral("truncated SRID") << 5;
    QTest::newRow("absurd-point-count-2^31-in-20-bytes")
        << hex("0102000000000000800000000000000000000000")
        << QStringLiteral("point count 2147483648") << 5;
    QTest::newRow("absurd-point-count-xdr") << hex("0000000002ffffffff0000000000000000")
                                            << QStringLiteral("point count 4294967295") << 5;
    QTest::newRow("point-count-one-too-many")
        << hex("010200000002000000000000000000f03f00000000000000400000000000000840")
        << QStringLiteral("point count 2") << 5;
    QTest::newRow("absurd-ring-count")
        << hex("0103000000ffffff7f00000000") << QStringLiteral("ring count") << 5;
    QTest::newRow("absurd-member-count") << hex("010600000000000080010300000000000000")
                                         << QStringLiteral("member count 2147483648") << 5;
    QTest::newRow("multipoint-with-linestring-member")
        << hex("010400000001000000010200000000000000")
        << QStringLiteral("member of type 2 where type 1 is required") << 9;
    QTest::newRow("multipolygon-with-point-member")
        << hex("010600000001000000") + point
        << QStringLiteral("member of type 1 where type 3 is required") << 9;
    QTest::newRow("collection-missing-second-member")
        << hex("010700000002000000") + point << QStringLiteral("truncated geometry header") << 30;
    QTest::newRow("nesting-too-deep")
        << nestedCollections(40) << QStringLiteral("nested deeper than 32 levels") << 32 * 9;
    QTest::newRow("trailing-garbage")
        << point + hex("00") << QStringLiteral("1 trailing bytes") << 21;
    QTest::newRow("two-geometries-concatenated")
        << point + point << QStringLiteral("21 trailing bytes") << 21;
}

void TestWkb::rejectsMalformedInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expectedProblem);
    QFETCH(int, expectedOffset);

    // Decode from an exact-size heap copy so that AddressSanitizer catches any over-read.
    const std::unique_ptr<char[]> exact(new char[size_t(std::max<qsizetype>(bytes.size(), 1))]);
    std::memcpy(exact.get(), bytes.constData(), size_t(bytes.size()));
    const auto decoded = decodeWkb(QByteArrayView(exact.get(), bytes.size()));
    QVERIFY(!decoded.has_value());
    QCOMPARE(decoded.error().code, ErrorCode::InvalidArgument);
    const QString message = decoded.error().message;
    QVERIFY2(message.contains(expectedProblem), qPrintable(message));
    QVERIFY2(message.endsWith(QStringLiteral("at byte offset %1").arg(expectedOffset)),
             qPrintable(message));
}

void TestWkb::survivesEveryTruncationAndByteCorruption()
{
    // Every prefix and every single-byte corruption of a nested geometry must decode or fail
    // with InvalidArgument; under AddressSanitizer this also proves there is no over-read.
    const Geometry nested(
        GeometryCollection{{Geometry(MultiPolygon{{unitTriangle(), squareWithHole()}}),
                            Geometry(MultiPoint{{{1, 2}}}),
                            Geometry(LineString{{{3, 4}, {5, 6}}})}});
    for (const QByteArray &valid :
         {encodeWkb(nested), encodeWkb(nested, {WkbByteOrder::BigEndian, 4326})}) {
        for (qsizetype length = 0; length < valid.size(); ++length) {
            const std::unique_ptr<char[]> exact(new char[size_t(std::max<qsizetype>(length, 1))]);
            std::memcpy(exact.get(), valid.constData(), size_t(length));
            const auto decoded = decodeWkb(QByteArrayView(exact.get(), length));
            QVERIFY2(!decoded.has_value(), qPrintable(QString::number(length)));
            QCOMPARE(decoded.error().code, ErrorCode::InvalidArgument);
        }
        for (qsizetype i = 0; i < valid.size(); ++i) {
            for (const char value : {'\x00', '\x01', '\x7f', '\x80', '\xff'}) {
                QByteArray corrupted = valid;
                corrupted[i] = value;
                const auto decoded = decodeWkb(corrupted);
                QVERIFY(decoded.has_value() || decoded.error().code == ErrorCode::InvalidArgument);
            }
        }
    }
}

void TestWkb::encodesLikePostgis()
{
    // Byte for byte what ST_AsBinary(..., 'NDR' / 'XDR') and ST_AsEWKB produce.
    QCOMPARE(
        encodeWkb(Geometry(unitTriangle())).toHex(),
        QByteArray("0103000000010000000400000000000000000000000000000000000000000000000000f03f0000"
                   "000000000000000000000000f03f000000000000f03f000000000000000000000000000000"
                   "00"));
    QCOMPARE(
        encodeWkb(Geometry(LineString{{{7.4246, 43.7384}, {7.43, 43.74}}}),
                  {WkbByteOrder::BigEndian, std::nullopt})
            .toHex(),
        QByteArray(
            "000000000200000002401db2ca57a786c24045de83e425aee6401db851eb851eb84045deb851eb851f"));
    QCOMPARE(
        encodeWkb(Geometry(Point{{7.4246, 43.7384}}), {WkbByteOrder::LittleEndian, 4326}).toHex(),
        QByteArray("0101000020e6100000c286a757cab21d40e6ae25e483de4540"));
    QCOMPARE(encodeWkb(Geometry(Point{})).toHex(),
             QByteArray("0101000000000000000000f87f000000000000f87f"));
}

void TestWkb::hexInput_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");

    QTest::newRow("lower-case") << QByteArray("010700000000000000") << true;
    QTest::newRow("upper-case") << QByteArray("0107000000000000AA") << true;
    QTest::newRow("bytea-escape-prefix") << QByteArray("\\x010700000000000000") << true;
    QTest::newRow("odd-length") << QByteArray("0107000000000000000") << false;
    QTest::newRow("non-hex-character") << QByteArray("01070000000000000g") << false;
    QTest::newRow("embedded-space") << QByteArray("0107 00000000000000") << false;
}

void TestWkb::hexInput()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);

    const auto bytes = wkbFromHex(text);
    QCOMPARE(bytes.has_value(), valid);
    if (valid) {
        QCOMPARE(bytes->size(), 9);
        QCOMPARE(bytes->toHex(), text.toLower().sliced(text.startsWith("\\x") ? 2 : 0));
    } else {
        QCOMPARE(bytes.error().code, ErrorCode::InvalidArgument);
    }
}

void TestWkb::decodesLargeLineString()
{
    LineString line;
    line.points.reserve(200000);
    for (int i = 0; i < 200000; ++i) {
        line.points.emplace_back(i * 0.5, std::sin(i * 0.001) * 1e6);
    }
    const Geometry geometry(line);
    for (const WkbByteOrder order : {WkbByteOrder::LittleEndian, WkbByteOrder::BigEndian}) {
        const QByteArray bytes = encodeWkb(geometry, {order, std::nullopt});
        QCOMPARE(bytes.size(), qsizetype(1 + 4 + 4 + 200000 * 16));
        const auto decoded = decodeWkb(bytes);
        QVERIFY(decoded.has_value());
        QVERIFY(*decoded == geometry);
        // Any prefix is truncated input, never a crash or a bogus success.
        QVERIFY(!decodeWkb(QByteArrayView(bytes).first(bytes.size() - 1)).has_value());
    }
}

void TestWkb::geometryProperties()
{
    const Geometry polygon(squareWithHole());
    QCOMPARE(polygon.type(), GeometryType::Polygon);
    QCOMPARE(polygon.pointCount(), qsizetype(9));
    QVERIFY(!polygon.isEmpty());
    QVERIFY(polygon.as<Polygon>() != nullptr);
    QVERIFY(polygon.as<LineString>() == nullptr);
    QCOMPARE(polygon.boundingBox(), (BoundingBox{0, 0, 10, 10}));

    const Geometry point(Point{{3, 4}});
    const BoundingBox pointBox = point.boundingBox();
    QVERIFY(!pointBox.isEmpty());
    QCOMPARE(pointBox.width(), 0.0);
    QVERIFY(pointBox.contains(QPointF(3, 4)));

    QVERIFY(Geometry().isEmpty());
    QCOMPARE(Geometry().type(), GeometryType::GeometryCollection);
    QVERIFY(Geometry(Point{}).isEmpty());
    QVERIFY(Geometry(Point{}).boundingBox().isEmpty());
    const Geometry collection(GeometryCollection{{Geometry(Point{{-5, 20}}), polygon}});
    QCOMPARE(collection.boundingBox(), (BoundingBox{-5, 0, 10, 20}));
    QCOMPARE(collection.pointCount(), qsizetype(10));
}

QTEST_APPLESS_MAIN(TestWkb)
#include "tst_wkb.moc"
