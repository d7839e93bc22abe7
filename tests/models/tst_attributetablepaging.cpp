// SPDX-License-Identifier: GPL-3.0-or-later
// The attribute table model paging a real database through PgAssetRepository: every row once in
// the server's order, sorted and filtered by the server, a lost connection survived. The
// model's own logic, fed plain rows, is tst_attributetablemodel.
#include "data/assetqueries.h"
#include "data/dbclient.h"
#include "data/repositories/pgassetrepository.h"
#include "models/attributetablemodel.h"
#include "tests/support/assettestcity.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>

using infrasight::data::AssetQueries;
using infrasight::data::AttributeQuery;
using infrasight::data::ConnectionState;
using infrasight::data::DbClient;
using infrasight::models::AttributeTableModel;
using infrasight::tests::AssetTestCity;

namespace {

constexpr int AssetCount = 1200;

/// Why a result failed, or nothing (QVERIFY2 builds its message even when the check passes).
template<typename T>
QString errorText(const infrasight::Result<T> &result)
{
    return result ? QString() : result.error().toString();
}

/// The ids of the model's rows, in row order.
QList<qint64> idsOf(const AttributeTableModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        ids.push_back(model.index(row, 0).data(AttributeTableModel::AssetIdRole).toLongLong());
    }
    return ids;
}

/// Waits until the page in flight (if any) has answered.
bool waitIdle(const AttributeTableModel &model)
{
    return QTest::qWaitFor([&model] { return !model.isLoading(); }, 20000);
}

/// Fetches page after page, as a view scrolling to the end would, until the model is complete.
bool fetchAll(AttributeTableModel &model)
{
    for (int pages = 0; pages < 100; ++pages) {
        if (!waitIdle(model)) {
            return false;
        }
        if (!model.canFetchMore({})) {
            return model.isComplete();
        }
        model.fetchMore({});
    }
    return false;
}

} // namespace

class TestAttributeTablePaging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void firstPageOnSetQuery();
    void fetchesEveryRowOnceInServerOrder();
    void fetchMoreWhileLoadingSubmitsNothing();
    void sortsByEachColumn_data();
    void sortsByEachColumn();
    void viewSortAsksTheServer();
    void headersAndDisplay();
    void filterTextIsLiteral_data();
    void filterTextIsLiteral();
    void typeFilter();
    void onlyIds();
    void newQueryDropsOlderAnswers();
    void lostConnectionKeepsRowsAndRetries();

private:
    /// The ids the server gives for a query, ordered independently of the model.
    QList<qint64> expectedIds(const QString &where,
                              const QVariantList &params,
                              const QString &sortKey,
                              Qt::SortOrder order);
    qint64 idOfCode(const QString &code);

    std::unique_ptr<AssetTestCity> m_city;
    std::unique_ptr<DbClient> m_client;
    std::unique_ptr<infrasight::data::PgAssetRepository> m_repository;
    std::unique_ptr<AttributeTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_applicationName;
};

void TestAttributeTablePaging::initTestCase()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto city = AssetTestCity::create();
    QVERIFY2(city, qPrintable(errorText(city)));
    m_city = std::move(*city);
    // Ties (names repeat every 97 rows, conditions every 5) and NULLs (every 10th name, every
    // 7th condition) so that sorting has to break ties by id and place NULLs consistently.
    auto inserted = m_city->exec(
        QStringLiteral(
            "INSERT INTO asset (type_id, code, name, street, status, condition, install_date, "
            "geom, updated_at) "
            "SELECT (SELECT id FROM asset_type WHERE code = "
            "CASE WHEN g % 3 = 0 THEN 'hydrant' ELSE 'street_light' END), "
            "'A-' || lpad(g::text, 5, '0'), "
            "CASE WHEN g % 10 = 0 THEN NULL ELSE 'Asset ' || (g % 97) END, "
            "($2::text[])[1 + g % 4], "
            "($3::text[])[1 + g % 5], "
            "CASE WHEN g % 7 = 0 THEN NULL ELSE 1 + g % 5 END, "
            "DATE '2000-01-01' + (g * 37) % 3000, "
            "ST_SetSRID(ST_MakePoint(7.41 + g * 0.00001, 43.73), 4326), "
            "TIMESTAMPTZ '2026-01-01 00:00:00+00' + ((g * 13) % 500) * INTERVAL '1 hour' "
            "FROM generate_series(1, $1::int) g"),
        {AssetCount,
         QStringList{QStringLiteral("Rue Grimaldi"),
                     QStringLiteral("Boulevard Albert 1er"),
                     QStringLiteral("Avenue de la Costa"),
                     QStringLiteral("Quai Antoine 1er")},
         QStringList{QStringLiteral("active"),
                     QStringLiteral("inactive"),
                     QStringLiteral("faulty"),
                     QStringLiteral("planned"),
                     QStringLiteral("retired")}});
    QVERIFY2(inserted, qPrintable(errorText(inserted)));
    // Values with LIKE and SQL metacharacters, to check that the filter text is taken literally.
    for (const auto &[code, name] : {
             std::pair{QStringLiteral("ODD-100%"), QStringLiteral("Fully 100% lit")},
             std::pair{QStringLiteral("ODD_UNDER"), QStringLiteral("snake_case name")},
             std::pair{QStringLiteral("ODD-SLASH"), QStringLiteral("back\\slash")},
             std::pair{QStringLiteral("ODD-QUOTE"), QStringLiteral("O'Brien's lamp")},
         }) {
        auto added = m_city->addAsset(QStringLiteral("street_light"), code, name, QString());
        QVERIFY2(added, qPrintable(errorText(added)));
    }
    auto analyzed = m_city->exec(QStringLiteral("ANALYZE asset"));
    QVERIFY2(analyzed, qPrintable(errorText(analyzed)));
    m_applicationName
        = QStringLiteral("tst_attributetablemodel_%1").arg(QCoreApplication::applicationPid());
}

void TestAttributeTablePaging::init()
{
    m_client = std::make_unique<DbClient>();
    m_client->open(m_city->conninfo() + QStringLiteral(" application_name=") + m_applicationName);
    QVERIFY(
        QTest::qWaitFor([this] { return m_client->state() == ConnectionState::Connected; }, 20000));
    m_repository = std::make_unique<infrasight::data::PgAssetRepository>(*m_client);
    m_model = std::make_unique<AttributeTableModel>(*m_repository);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestAttributeTablePaging::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_repository.reset();
    m_client.reset();
}

QList<qint64> TestAttributeTablePaging::expectedIds(const QString &where,
                                                    const QVariantList &params,
                                                    const QString &sortKey,
                                                    Qt::SortOrder order)
{
    const QString direction = order == Qt::DescendingOrder ? QStringLiteral(" DESC") : QString();
    auto result = m_city->exec(QStringLiteral("SELECT a.id FROM asset a JOIN asset_type t ON "
                                              "t.id = a.type_id %1 ORDER BY %2%3, a.id%3")
                                   .arg(where, sortKey, direction),
                               params);
    if (!result) {
        qWarning("%s", qPrintable(result.error().toString()));
        return {};
    }
    QList<qint64> ids;
    for (int row = 0; row < result->rowCount(); ++row) {
        ids.push_back(result->toInt(row, 0));
    }
    return ids;
}

qint64 TestAttributeTablePaging::idOfCode(const QString &code)
{
    auto result = m_city->exec(QStringLiteral("SELECT id FROM asset WHERE code = $1"), {code});
    return result && result->rowCount() == 1 ? result->toInt(0, 0) : -1;
}

void TestAttributeTablePaging::firstPageOnSetQuery()
{
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!m_model->canFetchMore({})); // nothing to fetch before a query is set
    QCOMPARE(m_model->estimatedTotal(), -1);

    QSignalSpy submitted(m_client.get(), &DbClient::statementSubmitted);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy estimate(m_model.get(), &AttributeTableModel::estimateChanged);
    m_model->setQuery(AttributeQuery{});
    QVERIFY(m_model->isLoading());
    QVERIFY(inserted.wait(20000));
    // The first page: rows 0..PageSize-1, asked with offset 0 and limit PageSize.
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), AttributeTableModel::PageSize - 1);
    const auto firstPage = std::find_if(submitted.cbegin(), submitted.cend(), [](const auto &args) {
        return args.at(1).toString().contains(QStringLiteral("LIMIT"));
    });
    QVERIFY(firstPage != submitted.cend());
    const QVariantList params = firstPage->at(2).toList();
    QCOMPARE(params.value(params.size() - 2).toInt(), 0);
    QCOMPARE(params.value(params.size() - 1).toInt(), AttributeTableModel::PageSize);
    QVERIFY(!m_model->isComplete());
    QVERIFY(m_model->canFetchMore({}));

    QVERIFY(QTest::qWaitFor([this] { return m_model->estimatedTotal() >= 0; }, 20000));
    QVERIFY2(m_model->estimatedTotal() > 0, qPrintable(QString::number(m_model->estimatedTotal())));
    QVERIFY(!estimate.isEmpty());
    QCOMPARE(estimate.last().at(0).toLongLong(), m_model->estimatedTotal());
}

void TestAttributeTablePaging::fetchesEveryRowOnceInServerOrder()
{
    m_model->setQuery(AttributeQuery{});
    QVERIFY(fetchAll(*m_model));
    const QList<qint64> ids = idsOf(*m_model);
    QCOMPARE(ids.size(), AssetCount + 4);
    QCOMPARE(QSet<qint64>(ids.cbegin(), ids.cend()).size(), ids.size());
    QCOMPARE(ids, expectedIds({}, {}, QStringLiteral("a.code"), Qt::AscendingOrder));
    QVERIFY(!m_model->canFetchMore({}));
    for (int row = 0; row < m_model->rowCount(); row += 97) {
        QCOMPARE(m_model->rowOfAsset(ids.at(row)), row);
        QCOMPARE(m_model->assetId(row), ids.at(row));
    }
    QCOMPARE(m_model->rowOfAsset(-5), -1);
}

void TestAttributeTablePaging::fetchMoreWhileLoadingSubmitsNothing()
{
    // Without the tester, which itself calls fetchMore() on every change.
    m_tester.reset();
    QSignalSpy submitted(m_client.get(), &DbClient::statementSubmitted);
    m_model->setQuery(AttributeQuery{});
    const qsizetype afterSetQuery = submitted.size(); // the first page and the estimate
    m_model->fetchMore({});
    m_model->fetchMore({});
    QCOMPARE(submitted.size(), afterSetQuery);
    QVERIFY(waitIdle(*m_model));
    QCOMPARE(m_model->rowCount(), AttributeTableModel::PageSize);
    m_model->fetchMore({});
    m_model->fetchMore({});
    QCOMPARE(submitted.size(), afterSetQuery + 1);
    const QVariantList params = submitted.last().at(2).toList();
    QCOMPARE(params.value(params.size() - 2).toInt(), AttributeTableModel::PageSize);
    QVERIFY(waitIdle(*m_model));
    QCOMPARE(m_model->rowCount(), 2 * AttributeTableModel::PageSize);
}

void TestAttributeTablePaging::sortsByEachColumn_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("sortKey");
    QTest::addColumn<Qt::SortOrder>("order");
    const QList<std::pair<QString, QString>> columns = {
        {QStringLiteral("id"), QStringLiteral("a.id")},
        {QStringLiteral("code"), QStringLiteral("a.code")},
        {QStringLiteral("name"), QStringLiteral("a.name")},
        {QStringLiteral("type"), QStringLiteral("t.name")},
        {QStringLiteral("street"), QStringLiteral("a.street")},
        {QStringLiteral("status"), QStringLiteral("a.status")},
        {QStringLiteral("condition"), QStringLiteral("a.condition")},
        {QStringLiteral("install_date"), QStringLiteral("a.install_date")},
        {QStringLiteral("updated_at"), QStringLiteral("a.updated_at")},
    };
    QCOMPARE(AssetQueries::attributeColumns().size(), columns.size());
    for (const auto &[column, sortKey] : columns) {
        QTest::addRow("%s-ascending", qPrintable(column))
            << column << sortKey << Qt::AscendingOrder;
        QTest::addRow("%s-descending", qPrintable(column))
            << column << sortKey << Qt::DescendingOrder;
    }
}

void TestAttributeTablePaging::sortsByEachColumn()
{
    QFETCH(QString, column);
    QFETCH(QString, sortKey);
    QFETCH(Qt::SortOrder, order);

    const int section = int(AssetQueries::attributeColumns().indexOf(column));
    QVERIFY(section >= 0);
    m_model->setQuery(AttributeQuery{});
    QVERIFY(waitIdle(*m_model));
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->sort(section, order);
    if (column == u"code" && order == Qt::AscendingOrder) {
        QCOMPARE(reset.size(), 0); // already in this order: nothing to ask
    } else {
        QCOMPARE(reset.size(), 1);
    }
    QCOMPARE(m_model->query().sortColumn, column);
    QCOMPARE(m_model->query().sortOrder, order);
    QVERIFY(fetchAll(*m_model));
    QCOMPARE(idsOf(*m_model), expectedIds({}, {}, sortKey, order));

    // The values shown follow the order too (numbers and ISO dates compare as text here).
    if (column == u"id" || column == u"install_date" || column == u"updated_at") {
        for (int row = 1; row < m_model->rowCount(); ++row) {
            const QString previous = m_model->index(row - 1, section).data(Qt::EditRole).toString();
            const QString current = m_model->index(row, section).data(Qt::EditRole).toString();
            if (previous.isEmpty() || current.isEmpty()) {
                continue;
            }
            const bool ordered
                = column == u"id"
                      ? (order == Qt::AscendingOrder ? previous.toLongLong() < current.toLongLong()
                                                     : previous.toLongLong() > current.toLongLong())
                      : (order == Qt::AscendingOrder ? previous <= current : previous >= current);
            QVERIFY2(
                ordered,
                qPrintable(QStringLiteral("row %1: %2 then %3").arg(row).arg(previous, current)));
        }
    }
}

void TestAttributeTablePaging::viewSortAsksTheServer()
{
    m_model->setQuery(AttributeQuery{});
    QVERIFY(waitIdle(*m_model));
    QSignalSpy submitted(m_client.get(), &DbClient::statementSubmitted);
    const int nameSection = int(AssetQueries::attributeColumns().indexOf(QStringLiteral("name")));
    m_model->sort(nameSection, Qt::DescendingOrder);
    QCOMPARE(m_model->rowCount(), 0); // reset: the old order's rows are gone
    QVERIFY(std::any_of(submitted.cbegin(), submitted.cend(), [](const auto &args) {
        return args.at(1).toString().contains(QStringLiteral("ORDER BY a.name DESC"));
    }));
    QVERIFY(waitIdle(*m_model));
    QCOMPARE(m_model->rowCount(), AttributeTableModel::PageSize);
    // NULL names sort first in descending order, as PostgreSQL orders them.
    QCOMPARE(m_model->index(0, nameSection).data().toString(), QString());
    m_model->sort(-1, Qt::AscendingOrder);
    m_model->sort(99, Qt::AscendingOrder);
    QCOMPARE(m_model->query().sortColumn, QStringLiteral("name"));
}

void TestAttributeTablePaging::headersAndDisplay()
{
    QStringList headers;
    for (int section = 0; section < m_model->columnCount(); ++section) {
        headers.push_back(m_model->headerData(section, Qt::Horizontal, Qt::DisplayRole).toString());
    }
    QCOMPARE(headers,
             (QStringList{QStringLiteral("ID"),
                          QStringLiteral("Code"),
                          QStringLiteral("Name"),
                          QStringLiteral("Type"),
                          QStringLiteral("Street"),
                          QStringLiteral("Status"),
                          QStringLiteral("Condition"),
                          QStringLiteral("Installed"),
                          QStringLiteral("Updated")}));

    AttributeQuery query;
    query.text = QStringLiteral("A-00002");
    m_model->setQuery(query);
    QVERIFY(fetchAll(*m_model));
    QCOMPARE(m_model->rowCount(), 1);
    // g = 2: street_light, name "Asset 2", street index 3, status index 3 (faulty),
    // condition 3, installed 2000-01-01 + 74 days.
    const QStringList columns = AssetQueries::attributeColumns();
    const auto shown = [&](const char *column, int role = Qt::DisplayRole) {
        return m_model->index(0, int(columns.indexOf(QLatin1StringView(column)))).data(role);
    };
    QCOMPARE(shown("id").toLongLong(), idOfCode(QStringLiteral("A-00002")));
    QCOMPARE(shown("id", AttributeTableModel::AssetIdRole).toLongLong(),
             idOfCode(QStringLiteral("A-00002")));
    QCOMPARE(shown("code").toString(), QStringLiteral("A-00002"));
    QCOMPARE(shown("name").toString(), QStringLiteral("Asset 2"));
    QCOMPARE(shown("type").toString(), QStringLiteral("Street light"));
    QCOMPARE(shown("street").toString(), QStringLiteral("Avenue de la Costa"));
    QCOMPARE(shown("status").toString(), QStringLiteral("Faulty"));
    QCOMPARE(shown("status", Qt::EditRole).toString(), QStringLiteral("faulty"));
    QCOMPARE(shown("condition").toString(), QStringLiteral("3"));
    QCOMPARE(shown("install_date").toString(), QStringLiteral("2000-03-15"));
    QCOMPARE(shown("updated_at").toString(), QStringLiteral("2026-01-02T02:00:00Z"));

    const auto alignment = [&](const char *column) {
        return shown(column, Qt::TextAlignmentRole).value<Qt::Alignment>()
               & Qt::AlignHorizontal_Mask;
    };
    QCOMPARE(alignment("id"), Qt::AlignRight);
    QCOMPARE(alignment("condition"), Qt::AlignRight);
    QCOMPARE(alignment("code"), Qt::AlignLeft);
    QCOMPARE(alignment("status"), Qt::AlignLeft);
}

void TestAttributeTablePaging::filterTextIsLiteral_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("codes");
    QTest::newRow("percent") << QStringLiteral("%") << QStringList{QStringLiteral("ODD-100%")};
    QTest::newRow("percent-in-word")
        << QStringLiteral("100%") << QStringList{QStringLiteral("ODD-100%")};
    QTest::newRow("underscore") << QStringLiteral("_") << QStringList{QStringLiteral("ODD_UNDER")};
    QTest::newRow("backslash") << QStringLiteral("\\") << QStringList{QStringLiteral("ODD-SLASH")};
    QTest::newRow("quote") << QStringLiteral("O'Brien") << QStringList{QStringLiteral("ODD-QUOTE")};
    QTest::newRow("injection") << QStringLiteral("'; DROP TABLE asset; --") << QStringList{};
    QTest::newRow("case-insensitive-name")
        << QStringLiteral("SNAKE_CASE") << QStringList{QStringLiteral("ODD_UNDER")};
    QTest::newRow("surrounding-spaces")
        << QStringLiteral("  odd-slash ") << QStringList{QStringLiteral("ODD-SLASH")};
}

void TestAttributeTablePaging::filterTextIsLiteral()
{
    QFETCH(QString, text);
    QFETCH(QStringList, codes);

    AttributeQuery query;
    query.text = text;
    m_model->setQuery(query);
    QVERIFY(fetchAll(*m_model));
    const int codeColumn = int(AssetQueries::attributeColumns().indexOf(QStringLiteral("code")));
    QStringList shown;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        shown.push_back(m_model->index(row, codeColumn).data().toString());
    }
    QCOMPARE(shown, codes);
    auto count = m_city->exec(QStringLiteral("SELECT count(*) FROM asset"));
    QVERIFY(count);
    QCOMPARE(count->toInt(0, 0), AssetCount + 4);
}

void TestAttributeTablePaging::typeFilter()
{
    auto hydrant = m_city->exec(QStringLiteral("SELECT id FROM asset_type WHERE code = 'hydrant'"));
    QVERIFY(hydrant && hydrant->rowCount() == 1);
    AttributeQuery query;
    query.typeIds = {hydrant->toInt(0, 0)};
    query.text = QStringLiteral("Rue");
    m_model->setQuery(query);
    QVERIFY(fetchAll(*m_model));
    // g % 3 == 0 (hydrants) and g % 4 == 0 (Rue Grimaldi): every 12th of 1..1200.
    QCOMPARE(m_model->rowCount(), AssetCount / 12);
    const int typeColumn = int(AssetQueries::attributeColumns().indexOf(QStringLiteral("type")));
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QCOMPARE(m_model->index(row, typeColumn).data().toString(), QStringLiteral("Hydrant"));
    }
}

void TestAttributeTablePaging::onlyIds()
{
    const QList<qint64> wanted = {idOfCode(QStringLiteral("A-00900")),
                                  idOfCode(QStringLiteral("A-00007")),
                                  idOfCode(QStringLiteral("ODD-QUOTE"))};
    QVERIFY(!wanted.contains(-1));
    AttributeQuery query;
    query.onlyIds = wanted;
    query.onlyIdsActive = true;
    query.sortColumn = QStringLiteral("id");
    m_model->setQuery(query);
    QVERIFY(fetchAll(*m_model));
    QList<qint64> sorted = wanted;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(idsOf(*m_model), sorted);

    // "Selected only" with nothing selected shows nothing (not everything).
    query.onlyIds.clear();
    m_model->setQuery(query);
    QVERIFY(fetchAll(*m_model));
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(m_model->isComplete());

    // Ids given but not active: ignored.
    query.onlyIds = wanted;
    query.onlyIdsActive = false;
    m_model->setQuery(query);
    QVERIFY(waitIdle(*m_model));
    QCOMPARE(m_model->rowCount(), AttributeTableModel::PageSize);
}

void TestAttributeTablePaging::newQueryDropsOlderAnswers()
{
    QSignalSpy submitted(m_client.get(), &DbClient::statementSubmitted);
    AttributeQuery all;
    m_model->setQuery(all);
    AttributeQuery odd;
    odd.text = QStringLiteral("ODD");
    m_model->setQuery(odd);
    QVERIFY(fetchAll(*m_model));
    // Give an answer to the first query time to arrive, if it was not cancelled in time.
    QTest::qWait(200);
    QCOMPARE(m_model->rowCount(), 4);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QVERIFY(m_model->index(row, 1).data().toString().startsWith(QStringLiteral("ODD")));
    }
    QCOMPARE(m_model->query().text, QStringLiteral("ODD"));

    // refresh() runs the same query again: same rows, after a reset.
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->refresh();
    QCOMPARE(reset.size(), 1);
    QVERIFY(fetchAll(*m_model));
    QCOMPARE(m_model->rowCount(), 4);
}

void TestAttributeTablePaging::lostConnectionKeepsRowsAndRetries()
{
    // Without the tester here: it asks for the next page on every change, and this test must
    // decide when a page is asked for.
    m_tester.reset();
    m_model->setQuery(AttributeQuery{});
    QVERIFY(waitIdle(*m_model));
    QCOMPARE(m_model->rowCount(), AttributeTableModel::PageSize);
    const QList<qint64> before = idsOf(*m_model);

    QSignalSpy errors(m_model.get(), &AttributeTableModel::errorOccurred);
    auto terminated
        = m_city->exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                      "WHERE application_name = $1"),
                       {m_applicationName});
    QVERIFY2(terminated, qPrintable(errorText(terminated)));
    QCOMPARE(terminated->rowCount(), 1);
    // The client sees its socket close and retries after a backoff; a page asked for meanwhile
    // fails.
    QVERIFY(
        QTest::qWaitFor([this] { return m_client->state() != ConnectionState::Connected; }, 20000));
    m_model->fetchMore({});
    QVERIFY(QTest::qWaitFor([&errors] { return !errors.isEmpty(); }, 20000));
    QVERIFY(waitIdle(*m_model));
    QCOMPARE(idsOf(*m_model), before);
    QVERIFY(m_model->canFetchMore({}));
    QVERIFY(!m_model->isComplete());

    // The client reconnects by itself; the next fetchMore() asks for the same page again.
    QVERIFY(
        QTest::qWaitFor([this] { return m_client->state() == ConnectionState::Connected; }, 30000));
    m_model->fetchMore({});
    QVERIFY(waitIdle(*m_model));
    QCOMPARE(m_model->rowCount(), 2 * AttributeTableModel::PageSize);
    QCOMPARE(idsOf(*m_model).mid(0, AttributeTableModel::PageSize), before);
    QVERIFY(fetchAll(*m_model));
    QCOMPARE(idsOf(*m_model), expectedIds({}, {}, QStringLiteral("a.code"), Qt::AscendingOrder));
}

QTEST_MAIN(TestAttributeTablePaging)
#include "tst_attributetablepaging.moc"
