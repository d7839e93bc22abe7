// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/assetselection.h"

#include <QSignalSpy>
#include <QTest>

using infrasight::models::AssetSelection;
using Mode = infrasight::models::AssetSelection::Mode;

class TestAssetSelection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void select_data();
    void select();
    void clearEmitsOnlyWhenNotEmpty();
    void sortedIdsAscend();
};

void TestAssetSelection::select_data()
{
    QTest::addColumn<QList<qint64>>("before");
    QTest::addColumn<QList<qint64>>("ids");
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<QList<qint64>>("after");
    QTest::addColumn<bool>("changed");

    using L = QList<qint64>;
    QTest::newRow("replace-empty") << L{} << L{3, 1} << Mode::Replace << L{1, 3} << true;
    QTest::newRow("replace-same-set") << L{1, 3} << L{3, 1, 3} << Mode::Replace << L{1, 3} << false;
    QTest::newRow("replace-with-nothing") << L{1} << L{} << Mode::Replace << L{} << true;
    QTest::newRow("replace-nothing-with-nothing") << L{} << L{} << Mode::Replace << L{} << false;
    QTest::newRow("add-new") << L{1} << L{2} << Mode::Add << L{1, 2} << true;
    QTest::newRow("add-present") << L{1, 2} << L{2} << Mode::Add << L{1, 2} << false;
    QTest::newRow("add-nothing") << L{1} << L{} << Mode::Add << L{1} << false;
    QTest::newRow("toggle-flips-each") << L{1, 2} << L{2, 3} << Mode::Toggle << L{1, 3} << true;
    QTest::newRow("toggle-duplicate-flips-once") << L{} << L{5, 5} << Mode::Toggle << L{5} << true;
    QTest::newRow("toggle-nothing") << L{1} << L{} << Mode::Toggle << L{1} << false;
    QTest::newRow("remove-present") << L{1, 2, 3} << L{2, 9} << Mode::Remove << L{1, 3} << true;
    QTest::newRow("remove-absent") << L{1} << L{7} << Mode::Remove << L{1} << false;
}

void TestAssetSelection::select()
{
    QFETCH(QList<qint64>, before);
    QFETCH(QList<qint64>, ids);
    QFETCH(Mode, mode);
    QFETCH(QList<qint64>, after);
    QFETCH(bool, changed);

    AssetSelection selection;
    selection.select(before);
    QSignalSpy spy(&selection, &AssetSelection::changed);
    selection.select(ids, mode);
    QCOMPARE(selection.sortedIds(), after);
    QCOMPARE(selection.size(), after.size());
    QCOMPARE(selection.isEmpty(), after.isEmpty());
    QCOMPARE(spy.count(), changed ? 1 : 0);
    for (const qint64 id : after) {
        QVERIFY(selection.contains(id));
    }
}

void TestAssetSelection::clearEmitsOnlyWhenNotEmpty()
{
    AssetSelection selection;
    QSignalSpy spy(&selection, &AssetSelection::changed);
    selection.clear();
    QCOMPARE(spy.count(), 0);
    selection.select({4, 2});
    QCOMPARE(spy.count(), 1);
    selection.clear();
    QCOMPARE(spy.count(), 2);
    QVERIFY(selection.isEmpty());
    QVERIFY(!selection.contains(4));
    selection.clear();
    QCOMPARE(spy.count(), 2);
}

void TestAssetSelection::sortedIdsAscend()
{
    AssetSelection selection;
    selection.select({900000000000LL, -1, 42, 7});
    QCOMPARE(selection.sortedIds(), (QList<qint64>{-1, 7, 42, 900000000000LL}));
    QCOMPARE(selection.ids(), (QSet<qint64>{-1, 7, 42, 900000000000LL}));
}

QTEST_GUILESS_MAIN(TestAssetSelection)
#include "tst_assetselection.moc"
