// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/localcluster.h"
#include "data/pgconnection.h"
#include "tests/support/serverdirectory.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#include <sys/stat.h>

using namespace infrasight;
using namespace infrasight::data;
using namespace std::chrono_literals;

class TestLocalCluster : public QObject
{
    Q_OBJECT

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    std::optional<LocalCluster> m_cluster;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void defaultBaseDirectoryFollowsEnvironment();
    void conninfoNamesTheSocketDirectory();
    void startsOnUnixSocketOnly();
    void postgisCanBeCreated();
    void startAgainIsNoOp();
    void stopStopsAndKeepsData();
    void missingBinDirectoryIsError();
    void dataDirectoryThatIsAFileIsError();
    void foreignClusterDirectoryIsError();
    void tooLongSocketPathIsError();
};

void TestLocalCluster::initTestCase()
{
    auto bin = LocalCluster::findBinDirectory();
    if (!bin) {
        if (qEnvironmentVariableIntValue("INFRASIGHT_TEST_REQUIRE_DB") == 1) {
            QFAIL(qPrintable(bin.error().toString()));
        }
        QSKIP(qPrintable(bin.error().toString()));
    }
    QVERIFY(m_dir.isValid());
    // The server runs as 'postgres' when we are root: it must reach and own the directory.
    const auto prepared = tests::prepareServerDirectory(m_dir.path());
    QVERIFY2(prepared, qPrintable(prepared ? QString() : prepared.error().toString()));
    m_cluster.emplace(path(QStringLiteral("main")));
}

void TestLocalCluster::cleanupTestCase()
{
    if (m_cluster) {
        // Never leave a server behind, whatever failed above.
        auto stopped = m_cluster->stop();
        QVERIFY2(stopped, qPrintable(stopped ? QString() : stopped.error().toString()));
    }
}

void TestLocalCluster::defaultBaseDirectoryFollowsEnvironment()
{
    const QByteArray saved = qgetenv("INFRASIGHT_DATA_DIR");
    qputenv("INFRASIGHT_DATA_DIR", "/srv/elsewhere/infrasight");
    QCOMPARE(LocalCluster::defaultBaseDirectory(), QStringLiteral("/srv/elsewhere/infrasight"));
    QCOMPARE(LocalCluster().clusterDirectory(), QStringLiteral("/srv/elsewhere/infrasight/pgdata"));
    qunsetenv("INFRASIGHT_DATA_DIR");
    QCOMPARE(LocalCluster::defaultBaseDirectory(),
             QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
                 + QStringLiteral("/infrasight"));
    if (!saved.isNull()) {
        qputenv("INFRASIGHT_DATA_DIR", saved);
    }
}

void TestLocalCluster::conninfoNamesTheSocketDirectory()
{
    const LocalCluster plain(QStringLiteral("/var/tmp/infra"));
    QCOMPARE(plain.socketDirectory(), QStringLiteral("/var/tmp/infra/run"));
    QCOMPARE(plain.conninfo(),
             QStringLiteral("host=/var/tmp/infra/run port=5432 dbname=infrasight user=")
                 + plain.serverUser());
    const LocalCluster spaced(QStringLiteral("/var/tmp/my infra"));
    QVERIFY2(spaced.conninfo().startsWith(QStringLiteral("host='/var/tmp/my infra/run' ")),
             qPrintable(spaced.conninfo()));
}

void TestLocalCluster::startsOnUnixSocketOnly()
{
    auto status = m_cluster->status();
    QVERIFY2(status, qPrintable(status ? QString() : status.error().toString()));
    QVERIFY(!status->initialized);
    QVERIFY(!status->running);

    auto started = m_cluster->start();
    QVERIFY2(started, qPrintable(started ? QString() : started.error().toString()));
    QCOMPARE(*started, LocalCluster::StartOutcome::Started);

    status = m_cluster->status();
    QVERIFY(status);
    QVERIFY(status->initialized);
    QVERIFY(status->running);
    QVERIFY(status->pid > 0);
    QCOMPARE(status->dataVersion, QStringLiteral("15"));
    QVERIFY2(status->serverVersion.startsWith(QStringLiteral("15.")),
             qPrintable(status->serverVersion));
    QCOMPARE(status->socketDirectory, path(QStringLiteral("main/run")));
    QVERIFY(QFileInfo::exists(path(QStringLiteral("main/run/.s.PGSQL.5432"))));

    auto connection = PgConnection::open(m_cluster->conninfo());
    QVERIFY2(connection, qPrintable(connection ? QString() : connection.error().toString()));
    auto listen = (*connection)->exec(QStringLiteral("SHOW listen_addresses"));
    QVERIFY(listen);
    QCOMPARE(listen->text(0, 0), QString()); // no TCP listener at all
    auto where = (*connection)
                     ->exec(QStringLiteral("SELECT current_database(), inet_server_addr() IS NULL, "
                                           "current_setting('server_encoding')"));
    QVERIFY(where);
    QCOMPARE(where->text(0, 0), LocalCluster::databaseName());
    QCOMPARE(where->value(0, 1).toBool(), true); // connected over the Unix socket
    QCOMPARE(where->text(0, 2), QStringLiteral("UTF8"));

    // The socket is private to the server account (root gets in regardless).
    struct stat socketInfo
    {};

    QCOMPARE(::stat(QFile::encodeName(path(QStringLiteral("main/run/.s.PGSQL.5432"))).constData(),
                    &socketInfo),
             0);
    QCOMPARE(socketInfo.st_mode & 0077, 0u);
}

void TestLocalCluster::postgisCanBeCreated()
{
    auto connection = PgConnection::open(m_cluster->conninfo());
    QVERIFY2(connection, qPrintable(connection ? QString() : connection.error().toString()));
    auto created = (*connection)->exec(QStringLiteral("CREATE EXTENSION IF NOT EXISTS postgis"));
    QVERIFY2(created, qPrintable(created ? QString() : created.error().toString()));
    auto point
        = (*connection)
              ->exec(QStringLiteral("SELECT ST_AsText(ST_SetSRID(ST_MakePoint($1, $2), 4326))"),
                     {7.4246, 43.7384});
    QVERIFY2(point, qPrintable(point ? QString() : point.error().toString()));
    QCOMPARE(point->text(0, 0), QStringLiteral("POINT(7.4246 43.7384)"));
}

void TestLocalCluster::startAgainIsNoOp()
{
    const auto before = m_cluster->status();
    QVERIFY(before && before->running);
    auto again = m_cluster->start();
    QVERIFY2(again, qPrintable(again ? QString() : again.error().toString()));
    QCOMPARE(*again, LocalCluster::StartOutcome::AlreadyRunning);
    // A second instance on the same directory (another process, in real life) agrees.
    auto other = LocalCluster(path(QStringLiteral("main"))).start();
    QVERIFY(other);
    QCOMPARE(*other, LocalCluster::StartOutcome::AlreadyRunning);
    const auto after = m_cluster->status();
    QVERIFY(after);
    QCOMPARE(after->pid, before->pid);
}

void TestLocalCluster::stopStopsAndKeepsData()
{
    {
        auto connection = PgConnection::open(m_cluster->conninfo());
        QVERIFY(connection);
        QVERIFY((*connection)->exec(QStringLiteral("CREATE TABLE kept (name text)")));
        QVERIFY((*connection)
                    ->exec(QStringLiteral("INSERT INTO kept VALUES ($1)"),
                           {QStringLiteral("survives a restart")}));
    }
    auto stopped = m_cluster->stop();
    QVERIFY2(stopped, qPrintable(stopped ? QString() : stopped.error().toString()));
    QCOMPARE(*stopped, LocalCluster::StopOutcome::Stopped);
    auto status = m_cluster->status();
    QVERIFY(status);
    QVERIFY(status->initialized);
    QVERIFY(!status->running);
    QCOMPARE(status->pid, qint64(0));
    QVERIFY(!PgConnection::open(m_cluster->conninfo()));

    auto again = m_cluster->stop();
    QVERIFY(again);
    QCOMPARE(*again, LocalCluster::StopOutcome::WasNotRunning);

    auto started = m_cluster->start();
    QVERIFY2(started, qPrintable(started ? QString() : started.error().toString()));
    QCOMPARE(*started, LocalCluster::StartOutcome::Started);
    auto connection = PgConnection::open(m_cluster->conninfo());
    QVERIFY(connection);
    auto kept = (*connection)->exec(QStringLiteral("SELECT name FROM kept"));
    QVERIFY(kept);
    QCOMPARE(kept->text(0, 0), QStringLiteral("survives a restart"));
}

void TestLocalCluster::missingBinDirectoryIsError()
{
    LocalCluster cluster(path(QStringLiteral("nobin")), QStringLiteral("/nonexistent/pg/bin"));
    QElapsedTimer timer;
    timer.start();
    auto started = cluster.start();
    QVERIFY(!started);
    QCOMPARE(started.error().code, ErrorCode::NotFound);
    QVERIFY2(started.error().message.contains(QStringLiteral("postgresql-15")),
             qPrintable(started.error().message));
    QVERIFY(timer.elapsed() < 10000);
    QVERIFY(!cluster.initIfNeeded());
    QVERIFY(!QFileInfo::exists(cluster.clusterDirectory()));
}

void TestLocalCluster::dataDirectoryThatIsAFileIsError()
{
    QFile file(path(QStringLiteral("plainfile")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    LocalCluster cluster(file.fileName());
    auto started = cluster.start();
    QVERIFY(!started);
    QCOMPARE(started.error().code, ErrorCode::Io);
    QVERIFY2(started.error().message.contains(file.fileName()),
             qPrintable(started.error().message));
}

void TestLocalCluster::foreignClusterDirectoryIsError()
{
    const QString base = path(QStringLiteral("foreign"));
    QVERIFY(QDir().mkpath(base + QStringLiteral("/pgdata")));
    QFile stray(base + QStringLiteral("/pgdata/notes.txt"));
    QVERIFY(stray.open(QIODevice::WriteOnly));
    stray.write("not a cluster\n");
    stray.close();
    LocalCluster cluster(base);
    auto started = cluster.start();
    QVERIFY(!started);
    QCOMPARE(started.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(started.error().message.contains(QStringLiteral("holds no PostgreSQL cluster")),
             qPrintable(started.error().message));
    QVERIFY(stray.exists()); // nothing of the user's was touched
}

void TestLocalCluster::tooLongSocketPathIsError()
{
    LocalCluster cluster(path(QString(120, u'x')));
    auto started = cluster.start();
    QVERIFY(!started);
    QCOMPARE(started.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(started.error().message.contains(QStringLiteral("too long")),
             qPrintable(started.error().message));
    QVERIFY(!QFileInfo::exists(cluster.baseDirectory()));
}

QTEST_GUILESS_MAIN(TestLocalCluster)
#include "tst_localcluster.moc"
