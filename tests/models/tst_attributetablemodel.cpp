// SPDX-License-Identifier: GPL-3.0-or-later
// The attribute table model fed plain rows through a fake repository: pages asked at the right
// offsets and never twice, a short page ends the table, a new query or sort cancels the old
// one's answers, a failed page keeps the rows and is asked again, headers and display.
#include "models/attributetablemodel.h"
#include "tests/support/fakeassetrepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace infrasight;
using namespace Qt::StringLiterals;
using infrasight::data::AttributeQuery;
using infrasight::models::AttributeTableModel;
using infrasight::tests::FakeAssetRepository;

namespace {

constexpr int PageSize = AttributeTableModel::PageSize;

/// count rows with ids first..first+count-1, in the fake's column order.
QList<QStringList> rows(int first, int count)
{
    QList<QStringList> page;
    for (int id = first; id < first + count; ++id) {
        page.append({QString::number(id),
                     u"A-%1"_s.arg(id, 5, 10, QLatin1Char('0')),
                     u"Asset %1"_s.arg(id),
                     u"Street light"_s,
                     u"Avenue de la Costa"_s,
                     id % 2 == 0 ? u"faulty"_s : u"decommissioning"_s,
                     u"3"_s,
                     u"2000-03-15"_s,
                     u"2026-01-02T02:00:00Z"_s});
    }
    return page;
}

} // namespace

class TestAttributeTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nothingIsAskedBeforeAQuery();
    void pagesFollowEachOtherUntilAShortOne();
    void fetchMoreWhileLoadingAsksNothing();
    void newQueryCancelsTheOldAnswers();
    void viewSortAsksTheServer();
    void failedPageKeepsTheRowsAndIsAskedAgain();
    void malformedPageIsRefused();
    void headersAndDisplay();
};

void TestAttributeTableModel::nothingIsAskedBeforeAQuery()
{
    FakeAssetRepository repository;
    AttributeTableModel model(repository);
    QAbstractItemModelTester tester(&model);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    model.fetchMore({});
    model.refresh();
    QCOMPARE(model.estimatedTotal(), -1);
    QVERIFY(repository.pageCalls.isEmpty());
    QCOMPARE(repository.estimates.calls(), 0);
}

void TestAttributeTableModel::pagesFollowEachOtherUntilAShortOne()
{
    FakeAssetRepository repository;
    AttributeTableModel model(repository);
    QAbstractItemModelTester tester(&model);
    QSignalSpy estimate(&model, &AttributeTableModel::estimateChanged);
    QSignalSpy loading(&model, &AttributeTableModel::loadingChanged);
    AttributeQuery query;
    query.text = u"A-"_s;
    model.setQuery(query);
    QVERIFY(model.isLoading());
    QCOMPARE(repository.pageCalls.size(), 1);
    QCOMPARE(repository.pageCalls.first().offset, 0);
    QCOMPARE(repository.pageCalls.first().limit, PageSize);
    QCOMPARE(repository.pageCalls.first().query.text, u"A-"_s);
    repository.estimates.answerNext(1234);
    QCOMPARE(model.estimatedTotal(), 1234);
    QCOMPARE(estimate.last().first().toLongLong(), 1234);

    repository.pages.answerNext(rows(1, PageSize));
    QCOMPARE(model.rowCount(), PageSize);
    QVERIFY(model.canFetchMore({}));
    // The tester asks for more on every change; so would a scrolling view.
    model.fetchMore({});
    QCOMPARE(repository.pageCalls.size(), 2);
    QCOMPARE(repository.pageCalls.last().offset, PageSize);
    repository.pages.answerNext(rows(PageSize + 1, 7));
    QCOMPARE(model.rowCount(), PageSize + 7);
    QVERIFY(model.isComplete());
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(!model.isLoading());
    QCOMPARE(loading.last().first().toBool(), false);
    model.fetchMore({});
    QCOMPARE(repository.pageCalls.size(), 2);
    QCOMPARE(model.assetId(PageSize + 3), PageSize + 4);
    QCOMPARE(model.rowOfAsset(PageSize + 4), PageSize + 3);
    QCOMPARE(model.rowOfAsset(-5), -1);
}

void TestAttributeTableModel::fetchMoreWhileLoadingAsksNothing()
{
    FakeAssetRepository repository;
    AttributeTableModel model(repository);
    model.setQuery(AttributeQuery{});
    model.fetchMore({});
    model.fetchMore({});
    QCOMPARE(repository.pageCalls.size(), 1);
    repository.pages.answerNext(rows(1, PageSize));
    model.fetchMore({});
    model.fetchMore({});
    QCOMPARE(repository.pageCalls.size(), 2);
}

void TestAttributeTableModel::newQueryCancelsTheOldAnswers()
{
    FakeAssetRepository repository;
    AttributeTableModel model(repository);
    QAbstractItemModelTester tester(&model);
    model.setQuery(AttributeQuery{});
    AttributeQuery odd;
    odd.text = u"ODD"_s;
    model.setQuery(odd);
    QCOMPARE(repository.pageCalls.size(), 2);
    QCOMPARE(repository.pages.running(), 1);
    QCOMPARE(repository.estimates.running(), 1);
    repository.pages.answerNext(rows(1, PageSize)); // the first query's: dropped
    repository.estimates.answerNext(1000000);       // likewise
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.estimatedTotal(), -1);
    repository.pages.answerNext(rows(900, 4));
    repository.estimates.answerNext(4);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.estimatedTotal(), 4);
    QCOMPARE(model.query().text, u"ODD"_s);

    // refresh() runs the same query again, from the first page.
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.refresh();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(repository.pageCalls.last().offset, 0);
    QCOMPARE(repository.pageCalls.last().query.text, u"ODD"_s);
}

void TestAttributeTableModel::viewSortAsksTheServer()
{
    FakeAssetRepository repository;
    AttributeTableModel model(repository);
    // A view turning sorting on before the first query asks for nothing.
    model.sort(1, Qt::AscendingOrder);
    QVERIFY(repository.pageCalls.isEmpty());
    model.setQuery(AttributeQuery{});
    repository.pages.answerNext(rows(1, 3));
    const int street = int(repository.attributeColumns().indexOf(u"street"_s));
    model.sort(street, Qt::DescendingOrder);
    QCOMPARE(repository.pageCalls.size(), 2);
    QCOMPARE(repository.pageCalls.last().query.sortColumn, u"street"_s);
    QCOMPARE(repository.pageCalls.last().query.sortOrder, Qt::DescendingOrder);
    QCOMPARE(repository.pageCalls.last().offset, 0);
    model.sort(street, Qt::DescendingOrder); // the order it has: nothing to ask
    model.sort(99, Qt::AscendingOrder);      // no such column
    QCOMPARE(repository.pageCalls.size(), 2);
}

void TestAttributeTableModel::failedPageKeepsTheRowsAndIsAskedAgain()
{
    FakeAssetRepository repository;
    AttributeTableModel model(repository);
    QSignalSpy errors(&model, &AttributeTableModel::errorOccurred);
    model.setQuery(AttributeQuery{});
    repository.pages.answerNext(rows(1, PageSize));
    model.fetchMore({});
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"attribute table page failed"_s));
    repository.pages.answerNext(
        tl::unexpected(Error{ErrorCode::Connection, u"server closed the connection"_s, {}, {}}));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(model.rowCount(), PageSize);
    QVERIFY(!model.isLoading());
    QVERIFY(!model.isComplete());
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(repository.pageCalls.size(), 3);
    QCOMPARE(repository.pageCalls.last().offset, PageSize);
    repository.pages.answerNext(rows(PageSize + 1, 2));
    QCOMPARE(model.rowCount(), PageSize + 2);
}

void TestAttributeTableModel::malformedPageIsRefused()
{
    FakeAssetRepository repository;
    AttributeTableModel model(repository);
    QSignalSpy errors(&model, &AttributeTableModel::errorOccurred);
    model.setQuery(AttributeQuery{});
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"columns instead of"_s));
    repository.pages.answerNext(QList<QStringList>{{u"1"_s, u"A-1"_s}});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().first().toString(), u"The attribute table could not be read."_s);
}

void TestAttributeTableModel::headersAndDisplay()
{
    FakeAssetRepository repository;
    AttributeTableModel model(repository);
    QStringList headers;
    for (int section = 0; section < model.columnCount(); ++section) {
        headers.push_back(model.headerData(section, Qt::Horizontal, Qt::DisplayRole).toString());
    }
    QCOMPARE(headers,
             (QStringList{u"ID"_s,
                          u"Code"_s,
                          u"Name"_s,
                          u"Type"_s,
                          u"Street"_s,
                          u"Status"_s,
                          u"Condition"_s,
                          u"Installed"_s,
                          u"Updated"_s}));
    model.setQuery(AttributeQuery{});
    repository.pages.answerNext(rows(2, 2));
    const QStringList columns = repository.attributeColumns();
    const auto shown = [&](int row, const QString &column, int role = Qt::DisplayRole) {
        return model.index(row, int(columns.indexOf(column))).data(role);
    };
    QCOMPARE(shown(0, u"id"_s, AttributeTableModel::AssetIdRole).toLongLong(), 2);
    QCOMPARE(shown(0, u"code"_s).toString(), u"A-00002"_s);
    QCOMPARE(shown(0, u"status"_s).toString(), u"Faulty"_s);
    QCOMPARE(shown(0, u"status"_s, Qt::EditRole).toString(), u"faulty"_s);
    // A status the console does not know is shown as the database has it.
    QCOMPARE(shown(1, u"status"_s).toString(), u"decommissioning"_s);
    const auto alignment = [&](const QString &column) {
        return shown(0, column, Qt::TextAlignmentRole).value<Qt::Alignment>()
               & Qt::AlignHorizontal_Mask;
    };
    QCOMPARE(alignment(u"id"_s), Qt::AlignRight);
    QCOMPARE(alignment(u"condition"_s), Qt::AlignRight);
    QCOMPARE(alignment(u"code"_s), Qt::AlignLeft);
}

QTEST_GUILESS_MAIN(TestAttributeTableModel)
#include "tst_attributetablemodel.moc"
