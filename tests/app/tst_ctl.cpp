// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the built infrasightctl as a user would and checks what it prints and returns.
#include "data/localcluster.h"
#include "data/migrationrunner.h"
#include "data/pgconnection.h"
#include "gis/core/version.h"
#include "tests/support/pgtestdatabase.h"
#include "tests/support/serverdirectory.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace infrasight;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCtl : public QObject
{
    Q_OBJECT

private:
    /// Starts infrasightctl with the embedded database in our temporary directory.
    void start(QProcess &process, const QStringList &arguments) const;
    Run finish(QProcess &process) const;
    Run ctl(const QStringList &arguments) const;

    QString baseDirectory() const { return m_dir.filePath(QStringLiteral("embedded")); }

    bool serverProgramsFound() const;

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void helpListsCommands();
    void versionPrintsVersion();
    void unknownCommandIsUsageError_data();
    void unknownCommandIsUsageError();
    void failureIsOneLineOnStderr();
    void embeddedDatabaseLifecycle();
    void concurrentMigrationsApplyEachVersionOnce();
};

void TestCtl::start(QProcess &process, const QStringList &arguments) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("INFRASIGHT_DATA_DIR"), baseDirectory());
    environment.remove(QStringLiteral("INFRASIGHT_DB"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(INFRASIGHTCTL_PATH), arguments);
}

Run TestCtl::finish(QProcess &process) const
{
    Run run;
    if (!process.waitForFinished(180000)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("infrasightctl did not finish within 180 s");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

Run TestCtl::ctl(const QStringList &arguments) const
{
    QProcess process;
    start(process, arguments);
    return finish(process);
}

bool TestCtl::serverProgramsFound() const
{
    return bool(data::LocalCluster::findBinDirectory());
}

void TestCtl::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(INFRASIGHTCTL_PATH)));
    QVERIFY(m_dir.isValid());
    // The server runs as 'postgres' when we are root: it must reach and own the directory.
    const auto prepared = tests::prepareServerDirectory(m_dir.path());
    QVERIFY2(prepared, qPrintable(prepared ? QString() : prepared.error().toString()));
}

void TestCtl::cleanupTestCase()
{
    // Never leave a server behind, whatever failed above.
    const Run stopped = ctl({QStringLiteral("db"), QStringLiteral("stop")});
    QVERIFY2(stopped.exitCode == 0, qPrintable(stopped.err));
}

void TestCtl::helpListsCommands()
{
    const Run help = ctl({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains(QStringLiteral("db start|stop|status|migrate|url")),
             qPrintable(help.out));
    QVERIFY(help.out.contains(QStringLiteral("  seed --osm FILE")));
    QVERIFY(help.out.contains(QStringLiteral("  version")));
    QVERIFY(help.out.contains(QStringLiteral("Exit status")));
    QVERIFY(help.err.isEmpty());

    const Run dbHelp = ctl({QStringLiteral("db"), QStringLiteral("--help")});
    QCOMPARE(dbHelp.exitCode, 0);
    for (const auto *action : {"start", "stop", "status", "migrate", "url"}) {
        QVERIFY2(dbHelp.out.contains(QStringLiteral("  %1 ").arg(QLatin1StringView(action))),
                 action);
    }
}

void TestCtl::versionPrintsVersion()
{
    const QString expected
        = QStringLiteral("infrasightctl %1\n").arg(QString::fromLatin1(infrasight::VersionString));
    const Run option = ctl({QStringLiteral("--version")});
    QCOMPARE(option.exitCode, 0);
    QCOMPARE(option.out, expected);
    const Run command = ctl({QStringLiteral("version")});
    QCOMPARE(command.exitCode, 0);
    QCOMPARE(command.out, expected);
}

void TestCtl::unknownCommandIsUsageError_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("complaint");
    QTest::newRow("no-command") << QStringList{} << QStringLiteral("no command given");
    QTest::newRow("unknown-command")
        << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("unknown command");
    QTest::newRow("unknown-db-action") << QStringList{QStringLiteral("db"), QStringLiteral("frob")}
                                       << QStringLiteral("unknown action");
    QTest::newRow("db-without-action")
        << QStringList{QStringLiteral("db")} << QStringLiteral("needs an action");
    QTest::newRow("unknown-option")
        << QStringList{QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--frob")}
        << QStringLiteral("frob");
    QTest::newRow("db-option-on-start") << QStringList{QStringLiteral("db"),
                                                       QStringLiteral("start"),
                                                       QStringLiteral("--db"),
                                                       QStringLiteral("dbname=x")}
                                        << QStringLiteral("--db does not apply");
}

void TestCtl::unknownCommandIsUsageError()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, complaint);
    const Run run = ctl(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(complaint), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("Usage: infrasightctl")), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestCtl::failureIsOneLineOnStderr()
{
    const Run run = ctl({QStringLiteral("db"),
                         QStringLiteral("migrate"),
                         QStringLiteral("--db"),
                         QStringLiteral("host=/nonexistent/socket/dir dbname=nothing")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.startsWith(QStringLiteral("infrasightctl: ")), qPrintable(run.err));
    QCOMPARE(run.err.count(u'\n'), 1);
    QVERIFY(run.out.isEmpty());
}

void TestCtl::embeddedDatabaseLifecycle()
{
    if (!serverProgramsFound()) {
        if (qEnvironmentVariableIntValue("INFRASIGHT_TEST_REQUIRE_DB") == 1) {
            QFAIL("PostgreSQL server programs not found");
        }
        QSKIP("PostgreSQL server programs not found");
    }
    Run run = ctl({QStringLiteral("db"), QStringLiteral("status")});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.out.contains(QStringLiteral("state: not created yet")), qPrintable(run.out));

    run = ctl({QStringLiteral("db"), QStringLiteral("start")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(
        run.out.startsWith(QStringLiteral("started the embedded database in ") + baseDirectory()),
        qPrintable(run.out));

    run = ctl({QStringLiteral("db"), QStringLiteral("start")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("already running")), qPrintable(run.out));

    run = ctl({QStringLiteral("db"), QStringLiteral("url")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.trimmed(), data::LocalCluster(baseDirectory()).conninfo());

    run = ctl({QStringLiteral("db"), QStringLiteral("status")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("state: running (pid ")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("schema version: 0 ")), qPrintable(run.out));

    const int latest = data::MigrationRunner::latestVersion();
    QVERIFY(latest > 0);
    run = ctl({QStringLiteral("db"), QStringLiteral("migrate")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("applying migration 0001_")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("the schema is at version %1").arg(latest)),
             qPrintable(run.out));

    run = ctl({QStringLiteral("db"), QStringLiteral("migrate")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out.trimmed(),
             QStringLiteral("nothing to do: the schema is at version %1").arg(latest));

    run = ctl({QStringLiteral("db"), QStringLiteral("status")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(
        run.out.contains(QStringLiteral("schema version: %1 (this program: %1)\n").arg(latest)),
        qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("\nassets: 0\n")), qPrintable(run.out));

    run = ctl({QStringLiteral("db"), QStringLiteral("stop")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.startsWith(QStringLiteral("stopped the embedded database")),
             qPrintable(run.out));

    run = ctl({QStringLiteral("db"), QStringLiteral("status")});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.out.contains(QStringLiteral("state: stopped")), qPrintable(run.out));

    run = ctl({QStringLiteral("db"), QStringLiteral("stop")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("was not running")), qPrintable(run.out));
}

void TestCtl::concurrentMigrationsApplyEachVersionOnce()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto database = tests::PgTestDatabase::create();
    QVERIFY2(database, qPrintable(database ? QString() : database.error().toString()));
    const QStringList arguments{QStringLiteral("db"),
                                QStringLiteral("migrate"),
                                QStringLiteral("--db"),
                                database->conninfo()};
    QProcess first;
    QProcess second;
    start(first, arguments);
    start(second, arguments);
    const Run firstRun = finish(first);
    const Run secondRun = finish(second);
    QVERIFY2(firstRun.exitCode == 0, qPrintable(firstRun.err));
    QVERIFY2(secondRun.exitCode == 0, qPrintable(secondRun.err));
    // Exactly one of them did the work; the other waited for the lock and found it done.
    const int latest = data::MigrationRunner::latestVersion();
    const QString done = QStringLiteral("nothing to do: the schema is at version %1").arg(latest);
    QVERIFY2((firstRun.out.trimmed() == done) != (secondRun.out.trimmed() == done),
             qPrintable(firstRun.out + QStringLiteral("---\n") + secondRun.out));

    auto connection = data::PgConnection::open(database->conninfo());
    QVERIFY(connection);
    auto recorded
        = (*connection)
              ->exec(QStringLiteral("SELECT count(*), count(DISTINCT version), max(version) "
                                    "FROM public.schema_migrations"));
    QVERIFY2(recorded, qPrintable(recorded ? QString() : recorded.error().toString()));
    const auto available = data::MigrationRunner::available();
    QCOMPARE(recorded->toInt(0, 0), qint64(available.size()));
    QCOMPARE(recorded->toInt(0, 1), qint64(available.size()));
    QCOMPARE(recorded->toInt(0, 2), qint64(latest));
}

QTEST_GUILESS_MAIN(TestCtl)
#include "tst_ctl.moc"
