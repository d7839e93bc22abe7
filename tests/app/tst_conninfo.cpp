// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/console/conninfo.h"

#include <QTest>

using infrasight::app::ConnInfo;

class TestConnInfo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsValues_data();
    void readsValues();
    void removesPasswords_data();
    void removesPasswords();
    void replacesUser_data();
    void replacesUser();
    void describesWithoutPassword_data();
    void describesWithoutPassword();
};

void TestConnInfo::readsValues_data()
{
    QTest::addColumn<QString>("conninfo");
    QTest::addColumn<QString>("keyword");
    QTest::addColumn<QString>("expected");

    QTest::newRow("keyvalue-user") << QStringLiteral("host=db port=5433 user=alice")
                                   << QStringLiteral("user") << QStringLiteral("alice");
    QTest::newRow("keyvalue-last-wins")
        << QStringLiteral("user=alice user=bob") << QStringLiteral("user") << QStringLiteral("bob");
    QTest::newRow("keyvalue-quoted") << QStringLiteral("dbname='my db' user=x")
                                     << QStringLiteral("dbname") << QStringLiteral("my db");
    QTest::newRow("keyvalue-escaped-quote") << QStringLiteral("user='o\\'brien'")
                                            << QStringLiteral("user") << QStringLiteral("o'brien");
    QTest::newRow("keyvalue-spaces-around-equals")
        << QStringLiteral("host = db  port = 6000") << QStringLiteral("port")
        << QStringLiteral("6000");
    QTest::newRow("keyvalue-missing")
        << QStringLiteral("host=db") << QStringLiteral("user") << QString();
    QTest::newRow("uri-user") << QStringLiteral("postgresql://alice@db.example.org:5433/infrasight")
                              << QStringLiteral("user") << QStringLiteral("alice");
    QTest::newRow("uri-host") << QStringLiteral("postgresql://alice@db.example.org:5433/infrasight")
                              << QStringLiteral("host") << QStringLiteral("db.example.org");
    QTest::newRow("uri-port") << QStringLiteral("postgres://db.example.org:5433/infrasight")
                              << QStringLiteral("port") << QStringLiteral("5433");
    QTest::newRow("uri-dbname") << QStringLiteral("postgresql://alice@db/infra%20sight")
                                << QStringLiteral("dbname") << QStringLiteral("infra sight");
    QTest::newRow("uri-query-overrides") << QStringLiteral("postgresql://alice@db/x?user=bob")
                                         << QStringLiteral("user") << QStringLiteral("bob");
    QTest::newRow("uri-ipv6-host") << QStringLiteral("postgresql://[::1]:5432/x")
                                   << QStringLiteral("host") << QStringLiteral("[::1]");
    QTest::newRow("uri-ipv6-no-port")
        << QStringLiteral("postgresql://[::1]/x") << QStringLiteral("port") << QString();
}

void TestConnInfo::readsValues()
{
    QFETCH(QString, conninfo);
    QFETCH(QString, keyword);
    QFETCH(QString, expected);
    QCOMPARE(ConnInfo(conninfo).value(keyword), expected);
}

void TestConnInfo::removesPasswords_data()
{
    QTest::addColumn<QString>("conninfo");
    QTest::addColumn<QString>("expected");

    QTest::newRow("keyvalue") << QStringLiteral("host=db password=s3cret user=alice")
                              << QStringLiteral("host=db user=alice");
    QTest::newRow("keyvalue-quoted")
        << QStringLiteral("password='a b\\'c' host=db") << QStringLiteral("host=db");
    QTest::newRow("keyvalue-none")
        << QStringLiteral("service=infrasight") << QStringLiteral("service=infrasight");
    QTest::newRow("keyvalue-keeps-quoting")
        << QStringLiteral("dbname='my db' password=x") << QStringLiteral("dbname='my db'");
    QTest::newRow("uri-userinfo") << QStringLiteral("postgresql://alice:s3cret@db:5432/infrasight")
                                  << QStringLiteral("postgresql://alice@db:5432/infrasight");
    QTest::newRow("uri-query") << QStringLiteral(
        "postgresql://db/infrasight?password=s3cret&sslmode=require")
                               << QStringLiteral("postgresql://db/infrasight?sslmode=require");
    QTest::newRow("uri-multi-host")
        << QStringLiteral("postgresql://alice:pw@h1:5432,h2:5432/x?target_session_attrs=read-write")
        << QStringLiteral("postgresql://alice@h1:5432,h2:5432/x?target_session_attrs=read-write");
    QTest::newRow("unreadable-with-password")
        << QStringLiteral("host=db password='unterminated") << QString();
}

void TestConnInfo::removesPasswords()
{
    QFETCH(QString, conninfo);
    QFETCH(QString, expected);
    QCOMPARE(ConnInfo(conninfo).withoutPassword(), expected);
}

void TestConnInfo::replacesUser_data()
{
    QTest::addColumn<QString>("conninfo");
    QTest::addColumn<QString>("expected");

    QTest::newRow("keyvalue-add") << QStringLiteral("host=db dbname=x")
                                  << QStringLiteral("host=db dbname=x user=carol");
    QTest::newRow("keyvalue-replace")
        << QStringLiteral("user=alice host=db") << QStringLiteral("host=db user=carol");
    QTest::newRow("uri-add") << QStringLiteral("postgresql://db/x")
                             << QStringLiteral("postgresql://carol@db/x");
    QTest::newRow("uri-replace") << QStringLiteral("postgresql://alice@db/x?user=bob")
                                 << QStringLiteral("postgresql://carol@db/x");
}

void TestConnInfo::replacesUser()
{
    QFETCH(QString, conninfo);
    QFETCH(QString, expected);
    QCOMPARE(ConnInfo(conninfo).withUser(QStringLiteral("carol")), expected);
    QCOMPARE(ConnInfo(expected).value(QStringLiteral("user")), QStringLiteral("carol"));
}

void TestConnInfo::describesWithoutPassword_data()
{
    QTest::addColumn<QString>("conninfo");
    QTest::addColumn<QString>("expected");

    QTest::newRow("keyvalue-full")
        << QStringLiteral("host=db.example.org port=5433 dbname=infrasight user=alice password=pw")
        << QStringLiteral("alice@db.example.org:5433/infrasight");
    QTest::newRow("socket") << QStringLiteral("host=/run/postgresql dbname=infrasight user=ada")
                            << QStringLiteral("ada@local socket/infrasight");
    QTest::newRow("service") << QStringLiteral("service=infrasight")
                             << QStringLiteral("service infrasight");
    QTest::newRow("uri") << QStringLiteral("postgresql://alice:pw@db:5432/infrasight")
                         << QStringLiteral("alice@db:5432/infrasight");
}

void TestConnInfo::describesWithoutPassword()
{
    QFETCH(QString, conninfo);
    QFETCH(QString, expected);
    const QString described = ConnInfo(conninfo).describe();
    QCOMPARE(described, expected);
    QVERIFY(!described.contains(QStringLiteral("pw")));
}

QTEST_APPLESS_MAIN(TestConnInfo)
#include "tst_conninfo.moc"
