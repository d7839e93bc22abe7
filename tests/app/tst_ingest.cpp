// SPDX-License-Identifier: GPL-3.0-or-later
// infrasightctl ingest as a feed uses it: a file with 10 % malformed lines keeps every good line
// (converted to the sensor's unit, evaluated by the alarm rules) and reports every bad one with
// its line number; exact duplicates are dropped; the exit code says whether a line was bad.
#include "data/pgconnection.h"
#include "tests/support/migrateddatabase.h"

#include <QDateTime>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using infrasight::tests::MigratedDatabase;
using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

constexpr int LineCount = 200;

} // namespace

class TestIngest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keepsGoodLinesAndReportsBadOnes();
    void csvFromStandardInput();
    void refusesUsageErrors();
    void simulateWritesReadings();
    void liveFeedIsStoredWithoutWaitingForABatch(); // last: it adds a sensor

private:
    Run ingest(const QStringList &arguments, const QByteArray &input = {}) const;
    qint64 scalar(const QString &sql) const;

    std::optional<MigratedDatabase> m_database;
    infrasight::data::PgConnection *m_sql = nullptr;
    QTemporaryDir m_dir;
};

void TestIngest::initTestCase()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    QVERIFY(m_dir.isValid());
    auto database = MigratedDatabase::open({});
    QVERIFY2(database, qPrintable(database ? QString() : database.error().toString()));
    m_database.emplace(std::move(*database));
    m_sql = &m_database->connection();
    QVERIFY(m_sql->execScript(
        u"INSERT INTO sensor (code, kind, unit, warn_high, crit_high, hysteresis) VALUES "
        "('WP-00001', 'water_pressure', 'bar', 6.0, 7.0, 0.1), "
        "('NS-00001', 'noise', 'dB(A)', 65.0, 75.0, 1.0)"_s));
}

Run TestIngest::ingest(const QStringList &arguments, const QByteArray &input) const
{
    QProcess process;
    process.start(QStringLiteral(INFRASIGHTCTL_PATH),
                  QStringList{u"ingest"_s, u"--db"_s, m_database->conninfo()} + arguments);
    if (!process.waitForStarted(10000)) {
        return {};
    }
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(120000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

qint64 TestIngest::scalar(const QString &sql) const
{
    auto result = m_sql->exec(sql);
    return result && result->rowCount() == 1 ? result->toInt(0, 0) : -1;
}

void TestIngest::keepsGoodLinesAndReportsBadOnes()
{
    // 200 lines a minute apart, an hour ago; every tenth line is broken in one of ten ways.
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-3600);
    const QStringList broken{
        u"{\"sensor\":\"WP-00001\",\"time\":\"%1\",\"value\":\"high\"}"_s,
        u"{\"sensor\":\"WP-00001\",\"time\":\"%1\""_s,
        u"{\"sensor\":\"WP-99999\",\"time\":\"%1\",\"value\":4.0}"_s,
        u"{\"sensor\":\"WP-00001\",\"time\":\"not a time %1\",\"value\":4.0}"_s,
        u"{\"sensor\":\"WP-00001\",\"time\":\"%1\",\"value\":4.0,\"unit\":\"%\"}"_s,
        u"{\"time\":\"%1\",\"value\":4.0}"_s,
        u"[\"WP-00001\",\"%1\",4.0]"_s,
        u"{\"sensor\":\"WP-00001'); DROP TABLE reading; --\",\"time\":\"%1\",\"value\":1}"_s,
        u"{\"sensor\":\"WP-00001\",\"time\":\"%1\",\"value\":4.0,\"unit\":\"furlong\"}"_s,
        u"WP-00001,%1,4.0"_s,
    };
    QByteArray file;
    QSet<int> badLines;
    int goodPressure = 0;
    for (int line = 1; line <= LineCount; ++line) {
        const QString time = start.addSecs(60 * line).toOffsetFromUtc(3600).toString(Qt::ISODate);
        QString text;
        if (line % 10 == 7) {
            text = broken.at((line / 10) % broken.size()).arg(time);
            badLines.insert(line);
        } else if (line % 2 == 0) {
            // Pressure, every fourth in kPa; line 100 is above the critical limit (7 bar).
            const double bar = line == 100 ? 7.6 : 4.0 + 0.01 * (line % 50);
            text
                = line % 4 == 0
                      ? u"{\"sensor\":\"WP-00001\",\"time\":\"%1\",\"value\":%2,\"unit\":\"kPa\"}"_s
                            .arg(time)
                            .arg(bar * 100.0, 0, 'g', 10)
                      : u"{\"sensor\":\"WP-00001\",\"time\":\"%1\",\"value\":%2}"_s.arg(time).arg(
                          bar, 0, 'g', 10);
            ++goodPressure;
        } else {
            text = u"{\"sensor\":\"NS-00001\",\"time\":\"%1\",\"value\":58.5,\"unit\":\"dBA\"}"_s
                       .arg(time);
        }
        file += text.toUtf8() + '\n';
    }
    QCOMPARE(badLines.size(), LineCount / 10);
    const QString path = m_dir.filePath(u"feed.jsonl"_s);
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(file);
    out.close();

    const Run run = ingest({u"--file"_s, path});
    QCOMPARE(run.exitCode, 4);
    // Every bad line is reported once, with its number and why.
    QSet<int> reported;
    const QRegularExpression report(u"^line (\\d+): (.+)$"_s, QRegularExpression::MultilineOption);
    for (auto it = report.globalMatch(run.err); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        QVERIFY2(!reported.contains(match.captured(1).toInt()), qPrintable(run.err));
        reported.insert(match.captured(1).toInt());
        QVERIFY(!match.captured(2).trimmed().isEmpty());
    }
    QCOMPARE(reported, badLines);
    QVERIFY2(run.err.contains(u"unknown sensor \"WP-99999\""_s), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"\"value\" is not a number"_s), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"does not convert to the sensor's \"bar\""_s), qPrintable(run.err));
    // Every good line is stored, in the sensor's unit.
    const int good = LineCount - LineCount / 10;
    QVERIFY2(run.out.contains(
                 u"%1 reading(s) stored, 0 duplicate(s) dropped, %2 bad line(s)"_s.arg(good).arg(
                     LineCount / 10)),
             qPrintable(run.out));
    QCOMPARE(scalar(u"SELECT count(*) FROM reading"_s), qint64(good));
    QCOMPARE(scalar(u"SELECT count(*) FROM reading r JOIN sensor s ON s.id = r.sensor_id "
                    "WHERE s.code = 'WP-00001' AND r.value BETWEEN 3.9 AND 7.7"_s),
             qint64(goodPressure));
    // The line with SQL in its sensor code was only a bad line.
    QCOMPARE(scalar(u"SELECT count(*) FROM pg_tables WHERE tablename = 'reading'"_s), qint64(1));
    // The rules ran: the 7.6 bar reading raised a critical alarm.
    QCOMPARE(scalar(u"SELECT count(*) FROM alarm a JOIN sensor s ON s.id = a.sensor_id "
                    "WHERE s.code = 'WP-00001' AND a.severity = 'critical'"_s),
             qint64(1));

    // The same file again: nothing new, every good line an exact duplicate.
    const Run again = ingest({u"--file"_s, path});
    QCOMPARE(again.exitCode, 4);
    QVERIFY2(again.out.contains(u"0 reading(s) stored, %1 duplicate(s) dropped"_s.arg(good)),
             qPrintable(again.out));
    QCOMPARE(scalar(u"SELECT count(*) FROM reading"_s), qint64(good));
}

void TestIngest::csvFromStandardInput()
{
    const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(-86400);
    QByteArray csv = "sensor,time,value,unit\n";
    for (int i = 0; i < 5; ++i) {
        csv += u"NS-00001,%1,\"%2\",dB(A)\r\n"_s.arg(at.addSecs(i).toString(Qt::ISODate))
                   .arg(60 + i)
                   .toUtf8();
    }
    csv += u"NS-00001,%1,60,dB(A)\n"_s.arg(at.toString(Qt::ISODate)).toUtf8(); // a duplicate
    const qint64 before = scalar(u"SELECT count(*) FROM reading"_s);
    const Run run = ingest({}, csv);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    QVERIFY2(run.out.contains(u"5 reading(s) stored, 1 duplicate(s) dropped, 0 bad line(s)"_s),
             qPrintable(run.out));
    QCOMPARE(scalar(u"SELECT count(*) FROM reading"_s), before + 5);
}

void TestIngest::liveFeedIsStoredWithoutWaitingForABatch()
{
    // A feed that sends one breaching reading and stays open: the reading is stored, and its
    // alarm raised, while the pipe is still open, not when 5,000 readings have come.
    QVERIFY(m_sql->execScript(
        u"INSERT INTO sensor (code, kind, unit, warn_high, crit_high, hysteresis) VALUES "
        "('WP-LIVE', 'water_pressure', 'bar', 6.0, 7.0, 0.1)"_s));
    const QString newAlarms = u"SELECT count(*) FROM alarm a JOIN sensor s ON s.id = a.sensor_id "
                              "WHERE s.code = 'WP-LIVE' AND a.state = 'new'"_s;
    QCOMPARE(scalar(newAlarms), 0);
    QProcess process;
    process.start(QStringLiteral(INFRASIGHTCTL_PATH),
                  {u"ingest"_s, u"--db"_s, m_database->conninfo(), u"--format"_s, u"csv"_s});
    QVERIFY(process.waitForStarted(10000));
    const QDateTime at = QDateTime::currentDateTimeUtc();
    process.write(u"WP-LIVE,%1,9.5,bar\n"_s.arg(at.toString(Qt::ISODateWithMs)).toUtf8());
    QVERIFY(process.waitForBytesWritten(5000));
    QTRY_COMPARE_WITH_TIMEOUT(scalar(newAlarms), 1, 5000);
    QCOMPARE(process.state(), QProcess::Running); // still reading the feed
    // Then a trickle with no pause of 250 ms: it is stored as it comes, not at the end.
    const QString stored = u"SELECT count(*) FROM reading r JOIN sensor s ON s.id = r.sensor_id "
                           "WHERE s.code = 'WP-LIVE'"_s;
    for (int i = 1; i <= 20; ++i) {
        process.write(
            u"WP-LIVE,%1,4.0,bar\n"_s.arg(at.addSecs(i).toString(Qt::ISODateWithMs)).toUtf8());
        QTest::qWait(50);
    }
    QTRY_VERIFY_WITH_TIMEOUT(scalar(stored) >= 15, 2000);
    QCOMPARE(process.state(), QProcess::Running);
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY2(process.readAllStandardOutput().contains("21 reading(s) stored"), "all stored");
    QCOMPARE(scalar(stored), 21);
}

void TestIngest::refusesUsageErrors()
{
    QCOMPARE(ingest({u"--format"_s, u"xml"_s}).exitCode, 2);
    const Run missing = ingest({u"--file"_s, m_dir.filePath(u"no-such-file"_s)});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains(u"cannot read"_s), qPrintable(missing.err));
}

void TestIngest::simulateWritesReadings()
{
    const qint64 before = scalar(u"SELECT count(*) FROM reading"_s);
    QProcess process;
    process.start(QStringLiteral(INFRASIGHTCTL_PATH),
                  {u"simulate"_s,
                   u"--db"_s,
                   m_database->conninfo(),
                   u"--rate"_s,
                   u"40"_s,
                   u"--duration"_s,
                   u"2"_s});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(out.contains(u"for 2 sensors"_s), qPrintable(out));
    // 2 sensors, at most one reading each per instant: about 2 x 10 ticks a second for 2 s.
    const qint64 written = scalar(u"SELECT count(*) FROM reading"_s) - before;
    QVERIFY2(written >= 20 && written <= 90, qPrintable(QString::number(written)));
    QCOMPARE(scalar(u"SELECT count(*) FROM reading r JOIN sensor s ON s.id = r.sensor_id "
                    "WHERE r.ts > now() - interval '1 minute' AND s.kind = 'water_pressure' "
                    "AND r.value NOT BETWEEN 0 AND 16"_s),
             qint64(0));
    QCOMPARE(ingest({}, {}).exitCode, 0); // an empty input is fine too
    QProcess refused;
    refused.start(QStringLiteral(INFRASIGHTCTL_PATH), {u"simulate"_s, u"--rate"_s, u"0"_s});
    QVERIFY(refused.waitForFinished(30000));
    QCOMPARE(refused.exitCode(), 2);
}

QTEST_GUILESS_MAIN(TestIngest)

#include "tst_ingest.moc"
