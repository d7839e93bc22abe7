// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/pgconnection.h"
#include "tests/support/pgtestdatabase.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

#include <cmath>
#include <thread>

using namespace infrasight;
using namespace infrasight::data;
using namespace Qt::StringLiterals;

class TestPgConnection : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PgConnection> connectToTestDatabase();
    std::optional<tests::PgTestDatabase> m_database;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void decodesTypes_data();
    void decodesTypes();
    void parametersRoundTripUnchanged_data();
    void parametersRoundTripUnchanged();
    void nullAndEmptyAreDistinct();
    void byteaParameterIsBinary();
    void serverErrorsCarrySqlState();
    void unreachableServerIsConnectionError();
    void multiHostConnectionStringPassesThrough();
    void copyInAndOut();
    void cancelFromAnotherThread();
};

void TestPgConnection::initTestCase()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto database = tests::PgTestDatabase::create();
    QVERIFY2(database, qPrintable(database ? QString() : database.error().toString()));
    m_database.emplace(std::move(*database));
}

void TestPgConnection::cleanupTestCase()
{
    m_database.reset();
}

std::unique_ptr<PgConnection> TestPgConnection::connectToTestDatabase()
{
    auto connection = PgConnection::open(m_database->conninfo());
    if (!connection) {
        qWarning("%s", qPrintable(connection.error().toString()));
        return nullptr;
    }
    return std::move(*connection);
}

void TestPgConnection::decodesTypes_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QVariant>("expected");
    QTest::newRow("int2") << u"(-12)::int2"_s << QVariant(qint64(-12));
    QTest::newRow("int4-max") << u"2147483647::int4"_s << QVariant(qint64(2147483647));
    QTest::newRow("int8-min") << u"(-9223372036854775808)::int8"_s
                              << QVariant(std::numeric_limits<qint64>::min());
    QTest::newRow("float8") << u"0.1::float8"_s << QVariant(0.1);
    QTest::newRow("float4") << u"1.5::float4"_s << QVariant(1.5);
    QTest::newRow("bool-true") << u"true"_s << QVariant(true);
    QTest::newRow("bool-false") << u"false"_s << QVariant(false);
    QTest::newRow("text-unicode") << u"'Ünïcødé – €'::text"_s << QVariant(u"Ünïcødé – €"_s);
    QTest::newRow("numeric-money") << u"1234567.89::numeric(14,2)"_s << QVariant(u"1234567.89"_s);
    QTest::newRow("numeric-negative-small") << u"(-0.05)::numeric(14,2)"_s << QVariant(u"-0.05"_s);
    QTest::newRow("numeric-large")
        << u"12345678901234567890.123::numeric"_s << QVariant(u"12345678901234567890.123"_s);
    QTest::newRow("numeric-zero-scale") << u"100000000::numeric"_s << QVariant(u"100000000"_s);
    QTest::newRow("date") << u"'2026-02-28'::date"_s << QVariant(QDate(2026, 2, 28));
    QTest::newRow("timestamptz") << u"'2026-11-22 10:15:30.250+02'::timestamptz"_s
                                 << QVariant(QDateTime(QDate(2026, 11, 22),
                                                       QTime(8, 15, 30, 250),
                                                       QTimeZone::utc()));
    QTest::newRow("jsonb") << u"'{\"a\": 1}'::jsonb"_s << QVariant(u"{\"a\": 1}"_s);
    QTest::newRow("bytea") << u"'\\x00ff10'::bytea"_s << QVariant(QByteArray::fromHex("00ff10"));
}

void TestPgConnection::decodesTypes()
{
    QFETCH(QString, expression);
    QFETCH(QVariant, expected);
    auto connection = connectToTestDatabase();
    QVERIFY(connection);
    // Both wire formats must decode to the same value.
    for (ResultFormat format : {ResultFormat::Text, ResultFormat::Binary}) {
        auto result = connection->exec(u"SELECT "_s + expression, {}, format);
        QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
        QCOMPARE(result->rowCount(), 1);
        QCOMPARE(result->value(0, 0), expected);
    }
}

void TestPgConnection::parametersRoundTripUnchanged_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::newRow("sql-injection") << QVariant(u"Robert'); DROP TABLE pg_class;--"_s);
    QTest::newRow("dollar-placeholder") << QVariant(u"$1 $2 $$ quoted $$"_s);
    QTest::newRow("backslashes-and-quotes") << QVariant(u"a\\b\"c'd\\'"_s);
    QTest::newRow("unicode") << QVariant(u"Zürich → Helsinki 🚦"_s);
    QTest::newRow("newlines") << QVariant(u"line1\nline2\r\n"_s);
    QTest::newRow("empty-string") << QVariant(QString(u""_s));
}

void TestPgConnection::parametersRoundTripUnchanged()
{
    QFETCH(QVariant, value);
    auto connection = connectToTestDatabase();
    QVERIFY(connection);
    auto result = connection->exec(u"SELECT $1::text, length($1::text)"_s, {value});
    QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(result->value(0, 0).toString(), value.toString());
    // length() counts code points, not UTF-16 units.
    QCOMPARE(result->toInt(0, 1), value.toString().toUcs4().size());
}

void TestPgConnection::nullAndEmptyAreDistinct()
{
    auto connection = connectToTestDatabase();
    QVERIFY(connection);
    auto result = connection->exec(u"SELECT $1::text IS NULL, $2::text IS NULL, $2::text = ''"_s,
                                   {QVariant(), QVariant(QString(u""_s))});
    QVERIFY(result);
    QCOMPARE(result->value(0, 0).toBool(), true);
    QCOMPARE(result->value(0, 1).toBool(), false);
    QCOMPARE(result->value(0, 2).toBool(), true);
    auto nulls = connection->exec(u"SELECT NULL::int, ''::text"_s);
    QVERIFY(nulls);
    QVERIFY(nulls->isNull(0, 0));
    QVERIFY(!nulls->value(0, 0).isValid());
    QVERIFY(!nulls->isNull(0, 1));
    QCOMPARE(nulls->value(0, 1).toString(), QString());
}

void TestPgConnection::byteaParameterIsBinary()
{
    auto connection = connectToTestDatabase();
    QVERIFY(connection);
    QByteArray bytes;
    for (int i = 0; i < 256; ++i) {
        bytes.append(char(i));
    }
    auto result = connection->exec(u"SELECT length($1), $1"_s, {bytes}, ResultFormat::Binary);
    QVERIFY(result);
    QCOMPARE(result->toInt(0, 0), 256);
    QCOMPARE(result->bytes(0, 1), bytes);
}

void TestPgConnection::serverErrorsCarrySqlState()
{
    auto connection = connectToTestDatabase();
    QVERIFY(connection);
    auto syntax = connection->exec(u"SELEC 1"_s);
    QVERIFY(!syntax);
    QCOMPARE(syntax.error().code, ErrorCode::Query);
    QCOMPARE(syntax.error().sqlState, u"42601"_s);
    auto badNumber = connection->exec(u"SELECT $1::int"_s, {u"twelve"_s});
    QVERIFY(!badNumber);
    QCOMPARE(badNumber.error().sqlState, u"22P02"_s);
    // The connection stays usable after errors.
    auto ok = connection->exec(u"SELECT 1"_s);
    QVERIFY(ok);
}

void TestPgConnection::unreachableServerIsConnectionError()
{
    // Port 1 on loopback: nothing listens there.
    auto connection = PgConnection::open(u"host=127.0.0.1 port=1 user=nobody connect_timeout=2"_s);
    QVERIFY(!connection);
    QCOMPARE(connection.error().code, ErrorCode::Connection);
    QVERIFY(!connection.error().detail.isEmpty());
}

void TestPgConnection::multiHostConnectionStringPassesThrough()
{
    // libpq tries the hosts in order: the first (port 1) refuses, the second is the test server.
    // target_session_attrs must reach libpq untouched for failover to a primary to work.
    const QString server = tests::PgTestDatabase::serverConninfo();
    const QString port = QRegularExpression(u"port=(\\d+)"_s).match(server).captured(1);
    QVERIFY(!port.isEmpty());
    const QString conninfo
        = u"postgresql://postgres@127.0.0.1:1,127.0.0.1:%1/%2"
          "?target_session_attrs=read-write&connect_timeout=5"_s.arg(port, m_database->name());
    auto connection = PgConnection::open(conninfo);
    QVERIFY2(connection, qPrintable(connection ? QString() : connection.error().toString()));
    auto result = (*connection)->exec(u"SELECT current_database(), pg_is_in_recovery()"_s);
    QVERIFY(result);
    QCOMPARE(result->text(0, 0), m_database->name());
    QCOMPARE(result->value(0, 1).toBool(), false);
}

void TestPgConnection::copyInAndOut()
{
    auto connection = connectToTestDatabase();
    QVERIFY(connection);
    QVERIFY(connection->exec(u"CREATE TEMP TABLE copied(id int, name text)"_s));
    int next = 0;
    auto copied = connection->copyIn(u"COPY copied FROM STDIN"_s, [&next](QByteArray &chunk) {
        for (int i = 0; i < 1000 && next < 5000; ++i, ++next) {
            chunk += QByteArray::number(next) + "\tname\\t" + QByteArray::number(next) + '\n';
        }
        return next < 5000;
    });
    QVERIFY2(copied, qPrintable(copied ? QString() : copied.error().toString()));
    QCOMPARE(*copied, 5000);
    auto check = connection->exec(u"SELECT count(*), max(id), min(name) FROM copied"_s);
    QVERIFY(check);
    QCOMPARE(check->toInt(0, 0), 5000);
    QCOMPARE(check->toInt(0, 1), 4999);
    QCOMPARE(check->text(0, 2), u"name\t0"_s);

    QList<QByteArray> rows;
    auto out = connection->copyOut(u"COPY (SELECT id FROM copied ORDER BY id LIMIT 3) TO STDOUT"_s,
                                   [&rows](const QByteArray &row) {
                                       rows << row;
                                       return true;
                                   });
    QVERIFY(out);
    QCOMPARE(rows, (QList<QByteArray>{"0\n", "1\n", "2\n"}));

    // A malformed line rejects the whole COPY and leaves the table unchanged.
    bool sent = false;
    auto bad = connection->copyIn(u"COPY copied FROM STDIN"_s, [&sent](QByteArray &chunk) {
        chunk = sent ? QByteArray() : QByteArray("1\tok\nnot-a-number\tbad\n");
        sent = true;
        return false;
    });
    QVERIFY(!bad);
    QCOMPARE(bad.error().sqlState, u"22P02"_s);
    auto after = connection->exec(u"SELECT count(*) FROM copied"_s);
    QVERIFY(after);
    QCOMPARE(after->toInt(0, 0), 5000);
}

void TestPgConnection::cancelFromAnotherThread()
{
    auto connection = connectToTestDatabase();
    QVERIFY(connection);
    QElapsedTimer timer;
    timer.start();
    std::thread canceller([&connection] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        connection->requestCancel();
    });
    auto result = connection->exec(u"SELECT pg_sleep(30)"_s);
    canceller.join();
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Cancelled);
    QVERIFY(timer.elapsed() < 10000);
    QVERIFY(connection->exec(u"SELECT 1"_s));
}

QTEST_GUILESS_MAIN(TestPgConnection)
#include "tst_pgconnection.moc"
