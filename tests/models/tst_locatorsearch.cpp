// SPDX-License-Identifier: GPL-3.0-or-later
// The locator model searching a real database through PgAssetRepository: what planners type
// (codes, streets, names, typos, SQL metacharacters) finds the assets they mean. The model's own
// logic, fed plain records, is tst_locatormodel.
#include "data/repositories/pgassetrepository.h"
#include "models/locatormodel.h"
#include "tests/support/assettestcity.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace infrasight;
using namespace Qt::StringLiterals;

class TestLocatorSearch : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<tests::AssetTestCity> m_city;
    std::unique_ptr<data::DbClient> m_client;
    std::unique_ptr<data::PgAssetRepository> m_repository;
    std::unique_ptr<models::LocatorModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    /// Sets the text and waits for its answer; the results' codes.
    QStringList search(const QString &text);
    QStringList column(int role) const;

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void findsByCodePrefix();
    void findsByStreetAndName_data();
    void findsByStreetAndName();
    void toleratesTypos_data();
    void toleratesTypos();
    void metacharactersAreHarmless_data();
    void metacharactersAreHarmless();
    void shortTextClearsWithoutAQuery();
    void fastTypingSendsOneStatement();
    void olderAnswerIsDropped();
    void displaysCodeTypeAndStreet();
};

QStringList TestLocatorSearch::search(const QString &text)
{
    QSignalSpy ready(m_model.get(), &models::LocatorModel::resultsReady);
    m_model->setText(text);
    if (!ready.wait(20000)) {
        return {u"<no answer>"_s};
    }
    if (ready.first().first().toString() != text) {
        return {u"<answer for another text>"_s};
    }
    QStringList codes;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        codes << m_model->summary(row).code;
    }
    return codes;
}

QStringList TestLocatorSearch::column(int role) const
{
    QStringList values;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        values << m_model->index(row).data(role).toString();
    }
    return values;
}

void TestLocatorSearch::initTestCase()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto city = tests::AssetTestCity::create();
    QVERIFY2(city, qPrintable(city ? QString() : city.error().toString()));
    m_city = std::move(*city);
    auto lights = m_city->addSeries(
        u"street_light"_s,
        u"SL"_s,
        300,
        {u"Boulevard Albert 1er"_s, u"Avenue de la Costa"_s, u"Rue Grimaldi"_s});
    QVERIFY2(lights, qPrintable(lights ? QString() : lights.error().toString()));
    auto hydrants = m_city->addSeries(u"hydrant"_s, u"HY"_s, 50, {u"Quai Antoine 1er"_s});
    QVERIFY2(hydrants, qPrintable(hydrants ? QString() : hydrants.error().toString()));
    auto named = m_city->addAsset(
        u"hydrant"_s, u"HY-900001"_s, u"Hydrant at the Oceanographic Museum"_s, {});
    QVERIFY2(named, qPrintable(named ? QString() : named.error().toString()));
    auto analysed = m_city->exec(u"ANALYZE asset"_s);
    QVERIFY2(analysed, qPrintable(analysed ? QString() : analysed.error().toString()));
}

void TestLocatorSearch::init()
{
    m_client = std::make_unique<data::DbClient>();
    QVERIFY(m_city->connect(*m_client));
    m_repository = std::make_unique<data::PgAssetRepository>(*m_client);
    m_model = std::make_unique<models::LocatorModel>(*m_repository);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestLocatorSearch::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_repository.reset();
    m_client.reset();
}

void TestLocatorSearch::cleanupTestCase()
{
    m_city.reset();
}

void TestLocatorSearch::findsByCodePrefix()
{
    const QStringList codes = search(u"sl-00012"_s);
    QVERIFY2(codes.size() >= 10, qPrintable(codes.join(u','))); // SL-000120..SL-000129 first
    for (int row = 0; row < 10; ++row) {
        QCOMPARE(codes.at(row), u"SL-00012%1"_s.arg(row));
    }
    QVERIFY(!m_model->isSearching());

    const QStringList many = search(u"HY-0000"_s);
    QCOMPARE(many.size(), models::LocatorModel::MaxResults);
    for (const QString &code : many) {
        QVERIFY2(code.startsWith(u"HY-0000"_s), qPrintable(code));
    }
}

void TestLocatorSearch::findsByStreetAndName_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expectedStreetOrName");
    QTest::newRow("street") << u"Grimaldi"_s << u"Rue Grimaldi"_s;
    QTest::newRow("street-lower-case-part") << u"costa"_s << u"Avenue de la Costa"_s;
    QTest::newRow("street-with-spaces") << u"  Quai Antoine "_s << u"Quai Antoine 1er"_s;
    QTest::newRow("name") << u"Oceanographic"_s << u"Hydrant at the Oceanographic Museum"_s;
}

void TestLocatorSearch::findsByStreetAndName()
{
    QFETCH(QString, text);
    QFETCH(QString, expectedStreetOrName);
    const QStringList codes = search(text);
    QVERIFY2(!codes.isEmpty() && !codes.first().startsWith(u'<'), qPrintable(codes.join(u',')));
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const data::AssetSummary asset = m_model->summary(row);
        QVERIFY2(asset.street == expectedStreetOrName || asset.name == expectedStreetOrName,
                 qPrintable(asset.code + u' ' + asset.street + u' ' + asset.name));
    }
}

void TestLocatorSearch::toleratesTypos_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expectedStreetOrName");
    QTest::newRow("street-last-letter") << u"Grimaldy"_s << u"Rue Grimaldi"_s;
    QTest::newRow("street-missing-letter") << u"Boulevrd Albert"_s << u"Boulevard Albert 1er"_s;
    QTest::newRow("name-missing-letter")
        << u"Oceanograpic"_s << u"Hydrant at the Oceanographic Museum"_s;
}

void TestLocatorSearch::toleratesTypos()
{
    QFETCH(QString, text);
    QFETCH(QString, expectedStreetOrName);
    const QStringList codes = search(text);
    QVERIFY2(!codes.isEmpty() && !codes.first().startsWith(u'<'), qPrintable(codes.join(u',')));
    const data::AssetSummary best = m_model->summary(0);
    QVERIFY2(best.street == expectedStreetOrName || best.name == expectedStreetOrName,
             qPrintable(best.code + u' ' + best.street + u' ' + best.name));
}

void TestLocatorSearch::metacharactersAreHarmless_data()
{
    // Unescaped, the first four would match every asset ('%', '_' are LIKE wildcards).
    QTest::addColumn<QString>("text");
    QTest::newRow("percent") << u"%%"_s;
    QTest::newRow("percent-inside") << u"SL%01"_s;
    QTest::newRow("underscore") << u"SL_0"_s;
    QTest::newRow("underscores") << u"__"_s;
    QTest::newRow("backslash") << u"SL\\"_s;
    QTest::newRow("quote-and-injection") << u"x'; DROP TABLE asset; --"_s;
    QTest::newRow("regex-and-brackets") << u"[SL].*(0)"_s;
}

void TestLocatorSearch::metacharactersAreHarmless()
{
    QFETCH(QString, text);
    QSignalSpy errors(m_model.get(), &models::LocatorModel::errorOccurred);
    const QStringList codes = search(text);
    QCOMPARE(codes, QStringList());
    QCOMPARE(errors.size(), 0);
    auto count = m_city->exec(u"SELECT count(*) FROM asset"_s);
    QVERIFY2(count, qPrintable(count ? QString() : count.error().toString()));
    QCOMPARE(count->toInt(0, 0), 351);
}

void TestLocatorSearch::shortTextClearsWithoutAQuery()
{
    // SL-000100..SL-000199 match: the first MaxResults of them.
    QCOMPARE(search(u"SL-0001"_s).size(), models::LocatorModel::MaxResults);

    QSignalSpy submitted(m_client.get(), &data::DbClient::statementSubmitted);
    QSignalSpy ready(m_model.get(), &models::LocatorModel::resultsReady);
    m_model->setText(u"S"_s);
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!m_model->isSearching());
    QCOMPARE(ready.size(), 1);
    QCOMPARE(ready.first().first().toString(), u"S"_s);
    m_model->setText(u" "_s);
    QCOMPARE(m_model->rowCount(), 0);
    QTest::qWait(models::LocatorModel::DebounceMs * 3);
    QCOMPARE(submitted.size(), 0);
}

void TestLocatorSearch::fastTypingSendsOneStatement()
{
    QSignalSpy submitted(m_client.get(), &data::DbClient::statementSubmitted);
    QSignalSpy ready(m_model.get(), &models::LocatorModel::resultsReady);
    const QStringList typed{u"S"_s, u"SL"_s, u"SL-"_s, u"SL-0"_s, u"SL-00"_s, u"SL-0001"_s};
    // Keys faster than the debounce interval (no event loop in between, so that a loaded
    // machine cannot stretch the gaps).
    for (const QString &text : typed) {
        m_model->setText(text);
        QCOMPARE(m_model->isSearching(), text.size() >= 2);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isSearching(), 20000);
    QTest::qWait(models::LocatorModel::DebounceMs * 3);
    QCOMPARE(submitted.size(), 1);
    QVERIFY(submitted.first().at(2).toList().contains(u"SL-0001"_s));
    QStringList answers;
    for (const QList<QVariant> &signal : ready) {
        answers << signal.first().toString();
    }
    QCOMPARE(answers, (QStringList{u"S"_s, u"SL-0001"_s})); // "S" only cleared the list
    QCOMPARE(m_model->rowCount(), models::LocatorModel::MaxResults);
    QVERIFY(m_model->summary(0).code.startsWith(u"SL-0001"_s));
}

void TestLocatorSearch::olderAnswerIsDropped()
{
    QSignalSpy submitted(m_client.get(), &data::DbClient::statementSubmitted);
    QSignalSpy ready(m_model.get(), &models::LocatorModel::resultsReady);
    QSignalSpy errors(m_model.get(), &models::LocatorModel::errorOccurred);
    m_model->setText(u"Grimaldi"_s);
    QVERIFY(submitted.wait(5000));
    // The statement for "Grimaldi" is on its way; its answer cannot have been handled yet.
    m_model->setText(u"HY-00004"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isSearching(), 20000);
    QTest::qWait(models::LocatorModel::DebounceMs * 3);
    QCOMPARE(submitted.size(), 2);
    QCOMPARE(ready.size(), 1);
    QCOMPARE(ready.first().first().toString(), u"HY-00004"_s);
    QCOMPARE(errors.size(), 0);
    QCOMPARE(column(Qt::EditRole).first(), u"HY-000040"_s);
    for (const QString &code : column(Qt::EditRole)) {
        QVERIFY2(code.startsWith(u"HY-"_s), qPrintable(code));
    }
}

void TestLocatorSearch::displaysCodeTypeAndStreet()
{
    QCOMPARE(search(u"SL-000003"_s).value(0), u"SL-000003"_s);
    const QModelIndex first = m_model->index(0);
    QCOMPARE(first.data().toString(), u"SL-000003 · Street light · Boulevard Albert 1er"_s);
    QCOMPARE(first.data(Qt::EditRole).toString(), u"SL-000003"_s);
    QCOMPARE(first.data(models::LocatorModel::AssetIdRole).toLongLong(), m_model->summary(0).id);
    QVERIFY(m_model->summary(0).id > 0);

    QCOMPARE(search(u"Oceanographic Museum"_s).value(0), u"HY-900001"_s);
    QCOMPARE(m_model->index(0).data().toString(),
             u"HY-900001 · Hydrant · Hydrant at the Oceanographic Museum"_s);
}

QTEST_GUILESS_MAIN(TestLocatorSearch)
#include "tst_locatorsearch.moc"
