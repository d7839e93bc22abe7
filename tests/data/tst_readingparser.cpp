// SPDX-License-Identifier: GPL-3.0-or-later
// Feed lines as infrasightctl ingest reads them: JSON lines and CSV, the reason for each kind of
// bad line, and the unit conversions to a sensor's unit.
#include "data/ingest/readingparser.h"
#include "data/ingest/unitconverter.h"

#include <QTest>

#include <cmath>

using infrasight::data::ReadingLine;
using infrasight::data::ReadingParser;
using infrasight::data::UnitConverter;
using namespace Qt::StringLiterals;

class TestReadingParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goodLines_data();
    void goodLines();
    void badLines_data();
    void badLines();
    void linesWithoutReadings();
    void csvHeaderChoosesColumns();
    void splitsCsvRecords_data();
    void splitsCsvRecords();
    void convertsUnits_data();
    void convertsUnits();
};

void TestReadingParser::goodLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("sensor");
    QTest::addColumn<QString>("utc");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("unit");
    QTest::newRow("json")
        << R"({"sensor":"WP-00001","time":"2026-12-02T10:15:00+01:00","value":4.2,"unit":"bar"})"_ba
        << u"WP-00001"_s << u"2026-12-02T09:15:00.000Z"_s << 4.2 << u"bar"_s;
    QTest::newRow("json-no-unit-z-millis")
        << R"({"sensor":"TL-00002","time":"2026-12-02T09:15:00.250Z","value":-0.31})"_ba
        << u"TL-00002"_s << u"2026-12-02T09:15:00.250Z"_s << -0.31 << QString();
    QTest::newRow("json-other-keys")
        << R"({"code":" NS-1 ","ts":"2026-12-01T23:00:00-05:00",)"
           R"("value":61,"extra":true})"_ba
        << u"NS-1"_s << u"2026-12-02T04:00:00.000Z"_s << 61.0 << QString();
    QTest::newRow("csv") << "AQ-00001,2026-12-02T10:15:00+01:00,12.5,µg/m³"_ba << u"AQ-00001"_s
                         << u"2026-12-02T09:15:00.000Z"_s << 12.5 << u"µg/m³"_s;
    QTest::newRow("csv-quoted-crlf-trimmed")
        << "\"AQ-00001\", 2026-12-02T09:15:00Z ,\"1e1\"\r"_ba << u"AQ-00001"_s
        << u"2026-12-02T09:15:00.000Z"_s << 10.0 << QString();
}

void TestReadingParser::goodLines()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, sensor);
    QFETCH(QString, utc);
    QFETCH(double, value);
    QFETCH(QString, unit);
    ReadingParser parser;
    const auto parsed = parser.parseLine(line.trimmed());
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QVERIFY(parsed->has_value());
    const ReadingLine &reading = **parsed;
    QCOMPARE(reading.sensorCode, sensor);
    QCOMPARE(reading.time.toUTC().toString(Qt::ISODateWithMs), utc);
    QCOMPARE(reading.value, value);
    QCOMPARE(reading.unit, unit);
}

void TestReadingParser::badLines_data()
{
    QTest::addColumn<QByteArray>("first"); // decides the format
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("reason"); // a part of the message
    const QByteArray json = R"({"sensor":"A","time":"2026-12-02T10:00:00Z","value":1})";
    const QByteArray csv = "A,2026-12-02T10:00:00Z,1";
    QTest::newRow("json-broken") << json << R"({"sensor":"A",)"_ba << u"not valid JSON"_s;
    QTest::newRow("json-array") << json << "[1,2]"_ba << u"not a JSON object"_s;
    QTest::newRow("json-text-value")
        << json << R"({"sensor":"A","time":"2026-12-02T10:00:00Z","value":"12"})"_ba
        << u"not a number"_s;
    QTest::newRow("json-no-value")
        << json << R"({"sensor":"A","time":"2026-12-02T10:00:00Z"})"_ba << u"no \"value\""_s;
    QTest::newRow("json-no-sensor")
        << json << R"({"time":"2026-12-02T10:00:00Z","value":1})"_ba << u"no \"sensor\""_s;
    QTest::newRow("json-no-offset")
        << json << R"({"sensor":"A","time":"2026-12-02T10:00:00","value":1})"_ba
        << u"no UTC offset"_s;
    QTest::newRow("json-not-a-time")
        << json << R"({"sensor":"A","time":"yesterday","value":1})"_ba << u"not an ISO 8601"_s;
    QTest::newRow("json-far-future")
        << json << R"({"sensor":"A","time":"2099-01-01T00:00:00Z","value":1})"_ba << u"future"_s;
    QTest::newRow("json-unit-number")
        << json << R"({"sensor":"A","time":"2026-12-02T10:00:00Z","value":1,"unit":5})"_ba
        << u"\"unit\" is not text"_s;
    QTest::newRow("csv-text-value")
        << csv << "A,2026-12-02T10:00:00Z,high"_ba << u"\"high\" is not a number"_s;
    QTest::newRow("csv-comma-decimal")
        << csv << "A,2026-12-02T10:00:00Z,\"4,5\""_ba << u"\"4,5\" is not a number"_s;
    QTest::newRow("csv-nan") << csv << "A,2026-12-02T10:00:00Z,nan"_ba << u"finite"_s;
    QTest::newRow("csv-too-few") << csv << "A,2026-12-02T10:00:00Z"_ba << u"2 field(s)"_s;
    QTest::newRow("csv-open-quote") << csv << "\"A,2026-12-02T10:00:00Z,1"_ba << u"not closed"_s;
    QTest::newRow("csv-empty-sensor") << csv << ",2026-12-02T10:00:00Z,1"_ba << u"no sensor code"_s;
    QTest::newRow("csv-sql-metacharacters")
        << csv << "A'; DROP TABLE reading;--,x,1"_ba << u"not an ISO 8601"_s;
}

void TestReadingParser::badLines()
{
    QFETCH(QByteArray, first);
    QFETCH(QByteArray, line);
    QFETCH(QString, reason);
    ReadingParser parser;
    QVERIFY(parser.parseLine(first));
    const auto parsed = parser.parseLine(line);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, infrasight::ErrorCode::InvalidArgument);
    QVERIFY2(parsed.error().message.contains(reason), qPrintable(parsed.error().message));
    // The next good line is read as usual.
    const auto next = parser.parseLine(first);
    QVERIFY(next && next->has_value());
}

void TestReadingParser::linesWithoutReadings()
{
    ReadingParser parser;
    for (const QByteArray &line : {""_ba, "   "_ba, "# exported 2026-12-02"_ba}) {
        const auto parsed = parser.parseLine(line);
        QVERIFY(parsed);
        QVERIFY(!parsed->has_value());
    }
    QCOMPARE(parser.format(), ReadingParser::Format::Auto);
    QVERIFY(parser.parseLine("sensor,time,value,unit"_ba));
    QCOMPARE(parser.format(), ReadingParser::Format::Csv);
}

void TestReadingParser::csvHeaderChoosesColumns()
{
    ReadingParser parser(ReadingParser::Format::Csv);
    const auto header = parser.parseLine("Unit,Value,Sensor,Time"_ba);
    QVERIFY(header && !header->has_value());
    const auto parsed = parser.parseLine("bar,4.25,WP-00007,2026-12-02T08:00:00Z"_ba);
    QVERIFY(parsed && parsed->has_value());
    QCOMPARE((*parsed)->sensorCode, u"WP-00007"_s);
    QCOMPARE((*parsed)->value, 4.25);
    QCOMPARE((*parsed)->unit, u"bar"_s);
    ReadingParser incomplete(ReadingParser::Format::Csv);
    const auto refused = incomplete.parseLine("sensor,unit"_ba);
    QVERIFY(!refused);
    QVERIFY(refused.error().message.contains(u"must name sensor, time and value"_s));
}

void TestReadingParser::splitsCsvRecords_data()
{
    QTest::addColumn<QString>("record");
    QTest::addColumn<QStringList>("fields");
    QTest::newRow("plain") << u"a,b,c"_s << QStringList{u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("empty-fields") << u",,"_s << QStringList{QString(), QString(), QString()};
    QTest::newRow("quoted-comma") << u"\"a,b\",c"_s << QStringList{u"a,b"_s, u"c"_s};
    QTest::newRow("doubled-quote")
        << u"\"say \"\"hi\"\"\",x"_s << QStringList{u"say \"hi\""_s, u"x"_s};
    QTest::newRow("trailing-empty") << u"a,"_s << QStringList{u"a"_s, QString()};
}

void TestReadingParser::splitsCsvRecords()
{
    QFETCH(QString, record);
    QFETCH(QStringList, fields);
    const auto split = ReadingParser::splitCsv(record);
    QVERIFY(split);
    QCOMPARE(QStringList(*split), fields);
}

void TestReadingParser::convertsUnits_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<double>("expected"); // NaN: refused
    const double refused = std::nan("");
    QTest::newRow("same") << 4.2 << u"bar"_s << u"bar"_s << 4.2;
    QTest::newRow("none-given") << 4.2 << QString() << u"bar"_s << 4.2;
    QTest::newRow("kPa-to-bar") << 420.0 << u"kPa"_s << u"bar"_s << 4.2;
    QTest::newRow("hPa-to-bar") << 1013.25 << u"hPa"_s << u"bar"_s << 1.01325;
    QTest::newRow("psi-to-bar") << 100.0 << u"psi"_s << u"bar"_s << 6.89475729;
    QTest::newRow("mg-to-µg") << 0.012 << u"mg/m³"_s << u"µg/m³"_s << 12.0;
    QTest::newRow("ascii-µg") << 12.0 << u"ug/m3"_s << u"µg/m³"_s << 12.0;
    QTest::newRow("dBA") << 61.0 << u"dBA"_s << u"dB(A)"_s << 61.0;
    QTest::newRow("per-minute") << 10.0 << u"vehicles/min"_s << u"vehicles/h"_s << 600.0;
    QTest::newRow("ratio-to-percent") << 0.65 << u"ratio"_s << u"%"_s << 65.0;
    QTest::newRow("cm-to-m") << -31.0 << u"cm"_s << u"m"_s << -0.31;
    QTest::newRow("fahrenheit") << 212.0 << u"°F"_s << u"°C"_s << 100.0;
    QTest::newRow("kelvin") << 273.15 << u"K"_s << u"°C"_s << 0.0;
    QTest::newRow("different-things") << 3.0 << u"%"_s << u"bar"_s << refused;
    QTest::newRow("unknown-unit") << 3.0 << u"furlong"_s << u"m"_s << refused;
    QTest::newRow("case-matters") << 3.0 << u"KPA"_s << u"bar"_s << refused;
}

void TestReadingParser::convertsUnits()
{
    QFETCH(double, value);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(double, expected);
    const std::optional<double> converted = UnitConverter::convert(value, from, to);
    if (std::isnan(expected)) {
        QVERIFY(!converted);
        return;
    }
    QVERIFY(converted);
    QVERIFY2(std::abs(*converted - expected) < 1e-9,
             qPrintable(QString::number(*converted, 'g', 17)));
}

QTEST_APPLESS_MAIN(TestReadingParser)

#include "tst_readingparser.moc"
