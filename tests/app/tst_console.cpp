// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/localcluster.h"
#include "data/migrationrunner.h"
#include "data/pgconnection.h"
#include "tests/support/consolerun.h"
#include "tests/support/pgtestdatabase.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using infrasight::data::LocalCluster;
using infrasight::tests::PgTestDatabase;

namespace {

/// The built console with its home in a temporary directory.
struct ConsoleRun : infrasight::tests::ConsoleRun
{
    explicit ConsoleRun(const QString &home)
        : infrasight::tests::ConsoleRun(QStringLiteral(INFRASIGHT_CONSOLE_PATH), home)
    {}
};

/// Stops a private cluster at the end of a test, however it ends.
struct ClusterGuard
{
    LocalCluster &cluster;

    ~ClusterGuard() { (void)cluster.stop(); }
};

QString runInformationOnly(const QStringList &arguments, int &exitCode, QString *errorOutput)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // --help and --version must not need a display.
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(INFRASIGHT_CONSOLE_PATH), arguments);
    if (!process.waitForFinished(30000)) {
        process.kill();
        exitCode = -1;
        return {};
    }
    exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    if (errorOutput != nullptr) {
        *errorOutput = QString::fromLocal8Bit(process.readAllStandardError());
    }
    return QString::fromLocal8Bit(process.readAllStandardOutput());
}

} // namespace

class TestConsole : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionWorksWithoutDisplay();
    void helpListsTheOptions();
    void unknownOptionIsRefused();
    void connectsWithDbOption();
    void refusesNewerSchema();
    void usesLocalDatabaseAndSurvivesServerLoss();
};

void TestConsole::versionWorksWithoutDisplay()
{
    int exitCode = 0;
    const QString output = runInformationOnly({QStringLiteral("--version")}, exitCode, nullptr);
    QCOMPARE(exitCode, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("^infrasight \\d+\\.\\d+\\.\\d+\\s*$"))
                 .match(output)
                 .hasMatch(),
             qPrintable(output));
}

void TestConsole::helpListsTheOptions()
{
    int exitCode = 0;
    const QString output = runInformationOnly({QStringLiteral("--help")}, exitCode, nullptr);
    QCOMPARE(exitCode, 0);
    for (const QString &option : {QStringLiteral("--db <conninfo>"),
                                  QStringLiteral("--version"),
                                  QStringLiteral("--help"),
                                  QStringLiteral("--trace-state"),
                                  QStringLiteral(".pgpass")}) {
        QVERIFY2(output.contains(option), qPrintable(option + QStringLiteral(" in\n") + output));
    }
}

void TestConsole::unknownOptionIsRefused()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(INFRASIGHT_CONSOLE_PATH), {QStringLiteral("--no-such-option")});
    QVERIFY(process.waitForFinished(30000));
    QVERIFY(process.exitCode() != 0);
    QVERIFY(QString::fromLocal8Bit(process.readAllStandardError())
                .contains(QStringLiteral("no-such-option")));
}

void TestConsole::connectsWithDbOption()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto database = PgTestDatabase::create();
    QVERIFY2(database.has_value(), qPrintable(database ? QString() : database.error().toString()));

    QTemporaryDir home;
    QVERIFY(home.isValid());
    ConsoleRun console(home.path());
    QVERIFY(console.start({QStringLiteral("--db"), database->conninfo()}));
    QVERIFY2(console.waitForState(QStringLiteral("connected"), 30000), qPrintable(console.log()));
    // The window came up before the connection did: the first state is "connecting".
    QCOMPARE(console.states().constFirst(), QStringLiteral("connecting"));
    // --db wins over the local database: it was never started.
    QVERIFY(!console.states().contains(QStringLiteral("starting")));
    QVERIFY(!QFileInfo::exists(home.filePath(QStringLiteral("local/pgdata"))));
    QVERIFY(console.isRunning());
}

void TestConsole::refusesNewerSchema()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto database = PgTestDatabase::create();
    QVERIFY2(database.has_value(), qPrintable(database ? QString() : database.error().toString()));
    {
        auto connection = infrasight::data::PgConnection::open(database->conninfo());
        QVERIFY2(connection.has_value(),
                 qPrintable(connection ? QString() : connection.error().toString()));
        // A database that a newer Infrasight has migrated.
        auto created
            = (*connection)
                  ->execScript(QStringLiteral(
                      "CREATE TABLE public.schema_migrations (version integer PRIMARY KEY, "
                      "name text NOT NULL, checksum text NOT NULL)"));
        QVERIFY2(created.has_value(), qPrintable(created ? QString() : created.error().toString()));
        auto inserted
            = (*connection)
                  ->exec(QStringLiteral("INSERT INTO public.schema_migrations VALUES ($1, $2, $3)"),
                         {infrasight::data::MigrationRunner::latestVersion() + 1,
                          QStringLiteral("from_the_future"),
                          QStringLiteral("0")});
        QVERIFY2(inserted.has_value(),
                 qPrintable(inserted ? QString() : inserted.error().toString()));
    }

    QTemporaryDir home;
    QVERIFY(home.isValid());
    ConsoleRun console(home.path());
    QVERIFY(console.start({QStringLiteral("--db"), database->conninfo()}));
    QVERIFY2(console.waitForState(QStringLiteral("connected"), 30000), qPrintable(console.log()));
    const qsizetype connectedAt = console.states().indexOf(QStringLiteral("connected"));
    QVERIFY2(console.waitForState(QStringLiteral("offline"), 15000, connectedAt),
             qPrintable(console.log()));
    QVERIFY(console.log().contains(QStringLiteral("newer than this console")));
    QVERIFY(console.isRunning());
}

void TestConsole::usesLocalDatabaseAndSurvivesServerLoss()
{
    // A private cluster for this test only, which the console starts itself (no --db and no
    // saved connection), and which the test then kills under it.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    LocalCluster cluster(home.filePath(QStringLiteral("local")));
    ClusterGuard guard{cluster};
    const auto binDirectory = LocalCluster::findBinDirectory();
    if (!binDirectory) {
        QSKIP(qPrintable(binDirectory.error().toString()));
    }

    ConsoleRun console(home.path());
    // --no-seed: the demo city is not what this test is about (tst_firststart covers it).
    QVERIFY(console.start({QStringLiteral("--no-seed")}));
    // Start-up never blocks on the database: the window reports "starting" straight away.
    QVERIFY2(console.waitForState(QStringLiteral("starting"), 20000), qPrintable(console.log()));
    QVERIFY2(console.waitForState(QStringLiteral("connected"), 180000), qPrintable(console.log()));
    auto status = cluster.status();
    QVERIFY2(status.has_value(), qPrintable(status ? QString() : status.error().toString()));
    QVERIFY(status->running);

    // Kill the server the hard way: no clean shutdown messages to the client.
    QStringList command{*binDirectory + QStringLiteral("/pg_ctl"),
                        QStringLiteral("-D"),
                        cluster.clusterDirectory(),
                        QStringLiteral("-m"),
                        QStringLiteral("immediate"),
                        QStringLiteral("-w"),
                        QStringLiteral("stop")};
    if (::geteuid() == 0) {
        command = QStringList{QStringLiteral("-u"), cluster.serverUser(), QStringLiteral("--")}
                  + command;
        command.prepend(QStringLiteral("runuser"));
    }
    QProcess stopper;
    stopper.start(command.takeFirst(), command);
    QVERIFY(stopper.waitForFinished(60000));
    QVERIFY2(stopper.exitCode() == 0, stopper.readAllStandardError().constData());

    const qsizetype statesBeforeLoss = console.states().size();
    // The console notices and says so within a few seconds...
    QVERIFY2(console.waitForState(QStringLiteral("reconnecting"), 10000, statesBeforeLoss),
             qPrintable(console.log()));
    // ...and stays responsive while the server is away: its GUI thread keeps beating every 250 ms.
    const qsizetype beatsBefore = console.heartbeatTimes().size();
    console.pump(3000);
    QVERIFY(console.isRunning());
    const QList<qint64> beats = console.heartbeatTimes().mid(beatsBefore);
    QVERIFY2(beats.size() >= 8, qPrintable(QString::number(beats.size())));
    for (qsizetype i = 1; i < beats.size(); ++i) {
        QVERIFY2(
            beats.at(i) - beats.at(i - 1) < 1000,
            qPrintable(
                QStringLiteral("GUI thread stalled for %1 ms").arg(beats.at(i) - beats.at(i - 1))));
    }
    QVERIFY(!console.states().mid(statesBeforeLoss).contains(QStringLiteral("connected")));

    // The server comes back; the console reconnects by itself.
    const auto restarted = cluster.start();
    QVERIFY2(restarted.has_value(),
             qPrintable(restarted ? QString() : restarted.error().toString()));
    const qsizetype statesBeforeReturn = console.states().size();
    QVERIFY2(console.waitForState(QStringLiteral("connected"), 60000, statesBeforeReturn),
             qPrintable(console.log()));
    QVERIFY(console.isRunning());
}

QTEST_GUILESS_MAIN(TestConsole)
#include "tst_console.moc"
