// SPDX-License-Identifier: GPL-3.0-or-later
// The locator model fed plain records through a fake repository: typing is debounced into one
// search, a newer text cancels the older search, short text clears without a search, results
// are capped and shown as "code · type · street", failures are reported.
#include "models/locatormodel.h"
#include "tests/support/fakeassetrepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace infrasight;
using namespace Qt::StringLiterals;
using infrasight::data::AssetSummary;
using infrasight::models::LocatorModel;
using infrasight::tests::FakeAssetRepository;

namespace {

AssetSummary asset(qint64 id, const QString &code, const QString &street = {})
{
    AssetSummary a;
    a.id = id;
    a.code = code;
    a.name = u"Lamp "_s + code;
    a.typeName = u"Street light"_s;
    a.street = street;
    return a;
}

QStringList answersOf(const QSignalSpy &ready)
{
    QStringList answers;
    for (const QList<QVariant> &signal : ready) {
        answers << signal.first().toString();
    }
    return answers;
}

} // namespace

class TestLocatorModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fastTypingSendsOneSearch();
    void newerTextCancelsTheOlderSearch();
    void shortTextClearsWithoutASearch_data();
    void shortTextClearsWithoutASearch();
    void displaysCodeTypeAndStreet();
    void resultsAreCapped();
    void failureIsReportedAfterTheEmptyList();
};

void TestLocatorModel::fastTypingSendsOneSearch()
{
    FakeAssetRepository repository;
    LocatorModel model(repository);
    QAbstractItemModelTester tester(&model);
    QSignalSpy ready(&model, &LocatorModel::resultsReady);
    for (const QString &text : {u"S"_s, u"SL"_s, u"SL-"_s, u"SL-0"_s, u"SL-0001"_s}) {
        model.setText(text);
        QCOMPARE(model.isSearching(), text.size() >= 2);
    }
    QTRY_COMPARE(repository.searched.size(), 1);
    QCOMPARE(repository.searched.first(), u"SL-0001"_s);
    QVERIFY(model.isSearching());
    repository.searches.answerNext(QList{asset(1, u"SL-000100"_s), asset(2, u"SL-000101"_s)});
    QVERIFY(!model.isSearching());
    QCOMPARE(answersOf(ready), (QStringList{u"S"_s, u"SL-0001"_s})); // "S" only cleared
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.summary(1).code, u"SL-000101"_s);
    QTest::qWait(LocatorModel::DebounceMs * 3);
    QCOMPARE(repository.searched.size(), 1);
}

void TestLocatorModel::newerTextCancelsTheOlderSearch()
{
    FakeAssetRepository repository;
    LocatorModel model(repository);
    QSignalSpy ready(&model, &LocatorModel::resultsReady);
    model.setText(u"Grimaldi"_s);
    QTRY_COMPARE(repository.searched.size(), 1);
    model.setText(u"HY-00004"_s);
    QTRY_COMPARE(repository.searched.size(), 2);
    // The search for "Grimaldi" was cancelled: only the newer one is still running.
    QCOMPARE(repository.searches.running(), 1);
    repository.searches.answerNext(QList{asset(9, u"GR-1"_s)}); // dropped
    repository.searches.answerNext(QList{asset(40, u"HY-000040"_s)});
    QCOMPARE(answersOf(ready), QStringList{u"HY-00004"_s});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0).data(Qt::EditRole).toString(), u"HY-000040"_s);
}

void TestLocatorModel::shortTextClearsWithoutASearch_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("one-letter") << u"S"_s;
    QTest::newRow("blank") << u"   "_s;
    QTest::newRow("one-letter-padded") << u" S "_s;
    QTest::newRow("empty") << QString();
}

void TestLocatorModel::shortTextClearsWithoutASearch()
{
    QFETCH(QString, text);
    FakeAssetRepository repository;
    LocatorModel model(repository);
    model.setText(u"SL-0001"_s);
    QTRY_COMPARE(repository.searched.size(), 1);
    repository.searches.answerNext(QList{asset(1, u"SL-000100"_s)});
    QCOMPARE(model.rowCount(), 1);
    model.setText(u"SL-00019"_s);
    QSignalSpy ready(&model, &LocatorModel::resultsReady);
    model.setText(text); // before the debounce fired: no search at all
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.isSearching());
    QCOMPARE(answersOf(ready), QStringList{text});
    QTest::qWait(LocatorModel::DebounceMs * 3);
    QCOMPARE(repository.searched.size(), 1);
}

void TestLocatorModel::displaysCodeTypeAndStreet()
{
    FakeAssetRepository repository;
    LocatorModel model(repository);
    model.setText(u"SL-000003"_s);
    QTRY_COMPARE(repository.searched.size(), 1);
    AssetSummary nameless = asset(5, u"HY-9"_s);
    nameless.name.clear();
    nameless.typeName = u"Hydrant"_s;
    AssetSummary named = asset(6, u"HY-10"_s);
    named.typeName = u"Hydrant"_s;
    repository.searches.answerNext(
        QList{asset(3, u"SL-000003"_s, u"Boulevard Albert 1er"_s), nameless, named});
    QCOMPARE(model.index(0).data().toString(),
             u"SL-000003 · Street light · Boulevard Albert 1er"_s);
    QCOMPARE(model.index(0).data(Qt::EditRole).toString(), u"SL-000003"_s);
    QCOMPARE(model.index(0).data(LocatorModel::AssetIdRole).toLongLong(), 3);
    QCOMPARE(model.index(1).data().toString(), u"HY-9 · Hydrant"_s);
    QCOMPARE(model.index(1).data(Qt::ToolTipRole).toString(), u"HY-9"_s);
    QCOMPARE(model.index(2).data().toString(), u"HY-10 · Hydrant · Lamp HY-10"_s);
    QCOMPARE(model.index(2).data(Qt::ToolTipRole).toString(), u"HY-10 — Lamp HY-10"_s);
}

void TestLocatorModel::resultsAreCapped()
{
    FakeAssetRepository repository;
    LocatorModel model(repository);
    model.setText(u"SL"_s);
    QTRY_COMPARE(repository.searched.size(), 1);
    QList<AssetSummary> many;
    for (int i = 0; i < LocatorModel::MaxResults + 5; ++i) {
        many.append(asset(i + 1, u"SL-%1"_s.arg(i)));
    }
    repository.searches.answerNext(many);
    QCOMPARE(model.rowCount(), LocatorModel::MaxResults);
}

void TestLocatorModel::failureIsReportedAfterTheEmptyList()
{
    FakeAssetRepository repository;
    LocatorModel model(repository);
    model.setText(u"SL-1"_s);
    QTRY_COMPARE(repository.searched.size(), 1);
    repository.searches.answerNext(QList{asset(1, u"SL-1"_s)});
    QStringList order;
    connect(&model, &LocatorModel::resultsReady, this, [&] { order << u"ready"_s; });
    connect(&model, &LocatorModel::errorOccurred, this, [&](const QString &message) {
        order << message;
    });
    model.setText(u"SL-2"_s);
    QTRY_COMPARE(repository.searched.size(), 2);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"locator search failed"_s));
    repository.searches.answerNext(
        tl::unexpected(Error{ErrorCode::Connection, u"server closed the connection"_s, {}, {}}));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(order,
             (QStringList{u"ready"_s,
                          u"The search failed: the database cannot be reached; the console "
                          "reconnects by itself."_s}));
}

QTEST_GUILESS_MAIN(TestLocatorModel)
#include "tst_locatormodel.moc"
