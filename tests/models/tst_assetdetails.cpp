// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/assetdetails.h"
#include "tests/support/assettestcity.h"

#include <QSignalSpy>
#include <QTest>

using namespace infrasight;
using namespace Qt::StringLiterals;

namespace {

QString fieldValue(const QList<data::AssetField> &fields, const QString &name)
{
    for (const data::AssetField &field : fields) {
        if (field.name == name) {
            return field.value;
        }
    }
    return u"<no field %1>"_s.arg(name);
}

} // namespace

class TestAssetDetails : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<tests::AssetTestCity> m_city;
    qint64 m_lamp = 0;    ///< sensors, open and closed work orders, an update in its history
    qint64 m_hydrant = 0; ///< nothing attached

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void loadsEverySection();
    void newLoadDropsTheOlderOne();
    void clearCancelsTheLoad();
    void reloadShowsTheChange();
    void missingAssetIsSaid();
    void offlineClientReportsTheError();
};

void TestAssetDetails::initTestCase()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto city = tests::AssetTestCity::create();
    QVERIFY2(city, qPrintable(city ? QString() : city.error().toString()));
    m_city = std::move(*city);

    auto assets = m_city->addDetailedAssets();
    QVERIFY2(assets, qPrintable(assets ? QString() : assets.error().toString()));
    m_lamp = assets->lamp;
    m_hydrant = assets->hydrant;
}

void TestAssetDetails::cleanupTestCase()
{
    m_city.reset();
}

void TestAssetDetails::loadsEverySection()
{
    data::DbClient client;
    QVERIFY(m_city->connect(client));
    models::AssetDetails details(&client);
    QSignalSpy changed(&details, &models::AssetDetails::changed);

    details.load(m_lamp);
    QCOMPARE(details.assetId(), m_lamp);
    QVERIFY(details.isLoading());
    QTRY_VERIFY_WITH_TIMEOUT(!details.isLoading(), 20000);
    QVERIFY2(details.errorMessage().isEmpty(), qPrintable(details.errorMessage()));
    QVERIFY(!details.isMissing());
    QVERIFY(changed.size() >= 5); // the load itself, then one per part

    const QList<data::AssetField> &fields = details.fields();
    QCOMPARE(fieldValue(fields, u"code"_s), u"SL-000001"_s);
    QCOMPARE(fieldValue(fields, u"name"_s), u"Lamp by the Casino"_s);
    QCOMPARE(fieldValue(fields, u"street"_s), u"Place du Casino"_s);
    QCOMPARE(fieldValue(fields, u"status"_s), u"faulty"_s);
    QCOMPARE(fieldValue(fields, u"condition"_s), u"4"_s);
    QCOMPARE(fieldValue(fields, u"attributes.lamp"_s), u"LED"_s);
    QCOMPARE(fieldValue(fields, u"attributes.height_m"_s), u"8"_s);

    QCOMPARE(details.sensors().size(), 2);
    const data::AssetSensorInfo &quality = details.sensors().at(0);
    const data::AssetSensorInfo &noise = details.sensors().at(1);
    QCOMPARE(quality.code, u"AQ-1"_s);
    QVERIFY(!quality.hasLastValue);
    QVERIFY(!quality.lastSeen.isValid());
    QCOMPARE(noise.code, u"NS-1"_s);
    QCOMPARE(noise.kind, u"noise"_s);
    QCOMPARE(noise.unit, u"dB"_s);
    QVERIFY(noise.hasLastValue);
    QCOMPARE(noise.lastValue, 42.5);
    const qint64 age = noise.lastSeen.secsTo(QDateTime::currentDateTimeUtc());
    QVERIFY2(age >= 140 && age < 200, qPrintable(QString::number(age)));

    QStringList orders;
    for (const data::AssetWorkOrderInfo &order : details.workOrders()) {
        orders << order.code + u'/' + order.status + u'/' + order.priority;
    }
    QCOMPARE(orders, (QStringList{u"WO-A/open/high"_s, u"WO-B/in_progress/low"_s}));
    QCOMPARE(details.workOrders().first().due.date(), QDate(2026, 12, 1));

    QCOMPARE(details.history().size(), 2);
    const data::AssetHistoryEntry &update = details.history().at(0);
    QCOMPARE(update.action, u"UPDATE"_s);
    QCOMPARE(update.user, u"postgres"_s);
    QVERIFY2(update.changes.contains(u"status: active -> faulty"_s), qPrintable(update.changes));
    QVERIFY2(update.changes.contains(u"condition: 2 -> 4"_s), qPrintable(update.changes));
    QCOMPARE(details.history().at(1).action, u"INSERT"_s);
}

void TestAssetDetails::newLoadDropsTheOlderOne()
{
    data::DbClient client;
    QVERIFY(m_city->connect(client));
    models::AssetDetails details(&client);
    QList<data::QueryId> submitted;
    connect(&client, &data::DbClient::statementSubmitted, &details, [&submitted](data::QueryId id) {
        submitted << id;
    });
    QHash<data::QueryId, bool> succeeded;
    connect(&client,
            &data::DbClient::queryFinished,
            &details,
            [&succeeded](data::QueryId id, const data::QueryOutcome &outcome) {
                succeeded.insert(id, outcome.has_value());
            });

    // Once the hydrant is asked for, no part of the lamp may show, not even for a moment.
    QStringList older;
    connect(&details, &models::AssetDetails::changed, this, [&] {
        if (details.assetId() == m_hydrant
            && (fieldValue(details.fields(), u"code"_s) == u"SL-000001"_s
                || !details.sensors().isEmpty() || !details.workOrders().isEmpty()
                || details.history().size() > 1)) {
            older << fieldValue(details.fields(), u"code"_s);
        }
    });

    // Several rounds, so that some of the older statements have finished before they could be
    // cancelled: their answers must be dropped as well.
    for (int round = 0; round < 5; ++round) {
        submitted.clear();
        succeeded.clear();
        details.load(m_lamp);
        details.load(m_hydrant);
        QCOMPARE(submitted.size(), 8);
        QTRY_VERIFY_WITH_TIMEOUT(!details.isLoading(), 20000);
        // Every statement of the first load answered before we look.
        QTRY_COMPARE(succeeded.size(), 8);
        QCOMPARE(details.assetId(), m_hydrant);
        QVERIFY2(details.errorMessage().isEmpty(), qPrintable(details.errorMessage()));
        QCOMPARE(fieldValue(details.fields(), u"code"_s), u"HY-000001"_s);
        QVERIFY(details.sensors().isEmpty());
        QVERIFY(details.workOrders().isEmpty());
        QCOMPARE(details.history().size(), 1);
        QCOMPARE(details.history().first().action, u"INSERT"_s);
    }
    QCOMPARE(older, QStringList());
}

void TestAssetDetails::clearCancelsTheLoad()
{
    data::DbClient client;
    QVERIFY(m_city->connect(client));
    models::AssetDetails details(&client);
    int answered = 0;
    connect(&client, &data::DbClient::queryFinished, &details, [&answered] { ++answered; });

    details.load(m_lamp);
    details.clear();
    QCOMPARE(details.assetId(), 0);
    QVERIFY(!details.isLoading());
    QTRY_COMPARE_WITH_TIMEOUT(answered, 4, 20000);
    QVERIFY(details.fields().isEmpty());
    QVERIFY(details.sensors().isEmpty());
    QVERIFY(details.history().isEmpty());
    QVERIFY(details.errorMessage().isEmpty());
}

void TestAssetDetails::reloadShowsTheChange()
{
    data::DbClient client;
    QVERIFY(m_city->connect(client));
    models::AssetDetails details(&client);
    details.load(m_hydrant);
    QTRY_VERIFY_WITH_TIMEOUT(!details.isLoading(), 20000);
    QCOMPARE(fieldValue(details.fields(), u"street"_s), u"Rue Grimaldi"_s);

    auto moved = m_city->exec(
        u"UPDATE asset SET street = 'Rue Princesse Caroline', version = version + 1 WHERE id = $1"_s,
        {m_hydrant});
    QVERIFY2(moved, qPrintable(moved ? QString() : moved.error().toString()));
    details.reload();
    QVERIFY(details.isLoading());
    // What was shown stays until the fresh record replaces it.
    QCOMPARE(fieldValue(details.fields(), u"street"_s), u"Rue Grimaldi"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!details.isLoading(), 20000);
    QCOMPARE(fieldValue(details.fields(), u"street"_s), u"Rue Princesse Caroline"_s);
    QCOMPARE(details.history().first().changes,
             u"street: Rue Grimaldi -> Rue Princesse Caroline"_s);
}

void TestAssetDetails::missingAssetIsSaid()
{
    auto doomed = m_city->addAsset(u"hydrant"_s, u"HY-000999"_s, {}, {});
    QVERIFY2(doomed, qPrintable(doomed ? QString() : doomed.error().toString()));

    data::DbClient client;
    QVERIFY(m_city->connect(client));
    models::AssetDetails details(&client);
    details.load(*doomed);
    QTRY_VERIFY_WITH_TIMEOUT(!details.isLoading(), 20000);
    QVERIFY(!details.isMissing());
    QCOMPARE(fieldValue(details.fields(), u"code"_s), u"HY-000999"_s);

    auto deleted = m_city->exec(u"DELETE FROM asset WHERE id = $1"_s, {*doomed});
    QVERIFY2(deleted, qPrintable(deleted ? QString() : deleted.error().toString()));
    details.reload();
    QTRY_VERIFY_WITH_TIMEOUT(!details.isLoading(), 20000);
    QVERIFY(details.isMissing());
    QVERIFY(details.fields().isEmpty());
    QVERIFY(details.errorMessage().isEmpty());

    details.load(-42);
    QVERIFY(!details.isMissing());
    QTRY_VERIFY_WITH_TIMEOUT(!details.isLoading(), 20000);
    QVERIFY(details.isMissing());
}

void TestAssetDetails::offlineClientReportsTheError()
{
    data::DbClient client; // never opened
    models::AssetDetails details(&client);
    details.load(m_lamp);
    QTRY_VERIFY_WITH_TIMEOUT(!details.isLoading(), 20000);
    QVERIFY(!details.errorMessage().isEmpty());
    QVERIFY(!details.isMissing());
    QVERIFY(details.fields().isEmpty());
}

QTEST_GUILESS_MAIN(TestAssetDetails)
#include "tst_assetdetails.moc"
