// SPDX-License-Identifier: GPL-3.0-or-later
// The operator's alarm list fed plain records through a fake repository: what it shows, when it
// reads (live, after changes, coalesced, after a reconnect), which critical alarms are new, and
// what an operator is told when the database refuses an acknowledgement.
#include "models/alarmlistmodel.h"
#include "tests/support/fakealarmrepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace infrasight;
using infrasight::data::AlarmRecord;
using infrasight::models::AlarmListModel;
using infrasight::tests::FakeAlarmRepository;
using namespace Qt::StringLiterals;

namespace {

AlarmRecord alarm(qint64 id, bool critical, const QString &source, const QString &state = u"new"_s)
{
    AlarmRecord a;
    a.id = id;
    a.critical = critical;
    a.state = state;
    a.source = source;
    a.message = source + u" above its limit"_s;
    a.raisedAt = QDateTime::currentDateTimeUtc();
    a.value = critical ? 86.5 : 75.0;
    a.hasValue = true;
    a.version = 3;
    return a;
}

Error error(ErrorCode code, const QString &message = u"refused"_s)
{
    return Error{code, message, {}, {}};
}

} // namespace

class TestAlarmListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsOnceLiveAndShowsTheRecords();
    void countsAndNewCriticalAlarms();
    void burstOfChangesIsOneRead();
    void changeDuringAReadReadsOnceMore();
    void otherChannelsAreIgnored();
    void nothingIsReadWhileOfflineThenOnReconnect();
    void listFailureIsReportedButNotALostConnection();
    void acknowledgeSendsTheVersionShown();
    void acknowledgementRefusalsAreExplained_data();
    void acknowledgementRefusalsAreExplained();
};

void TestAlarmListModel::readsOnceLiveAndShowsTheRecords()
{
    FakeAlarmRepository repository;
    AlarmListModel model(repository);
    QAbstractItemModelTester tester(&model);
    QCOMPARE(repository.feed.watched(), QStringList{u"alarm"_s});
    QTRY_COMPARE(repository.lists.calls(), 1);
    QCOMPARE(repository.lastLimit, AlarmListModel::MaxAlarms);
    QSignalSpy refreshed(&model, &AlarmListModel::refreshed);
    AlarmRecord acknowledged = alarm(7, false, u"NS-00001"_s, u"acknowledged"_s);
    acknowledged.acknowledgedBy = u"operator_ann"_s;
    QVERIFY(repository.lists.answerNext(QList{alarm(9, true, u"NS-00002"_s), acknowledged}));
    QCOMPARE(refreshed.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, AlarmListModel::SourceColumn).data().toString(), u"NS-00002"_s);
    QCOMPARE(model.index(0, AlarmListModel::SeverityColumn).data().toString(), u"Critical"_s);
    QCOMPARE(model.index(0, AlarmListModel::StateColumn).data().toString(), u"New"_s);
    QCOMPARE(model.index(0, AlarmListModel::ValueColumn).data().toString(), u"86.5"_s);
    QCOMPARE(model.index(0, 0).data(AlarmListModel::AlarmIdRole).toLongLong(), 9);
    QVERIFY(model.index(0, 0).data(AlarmListModel::CriticalRole).toBool());
    QCOMPARE(model.index(1, AlarmListModel::StateColumn).data().toString(), u"Acknowledged"_s);
    QVERIFY(model.index(1, AlarmListModel::MessageColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"operator_ann"_s));
    QCOMPARE(model.rowOf(7), 1);
    QCOMPARE(model.rowOf(8), -1);
}

void TestAlarmListModel::countsAndNewCriticalAlarms()
{
    FakeAlarmRepository repository;
    AlarmListModel model(repository);
    QSignalSpy critical(&model, &AlarmListModel::criticalRaised);
    QSignalSpy counts(&model, &AlarmListModel::countsChanged);
    QTRY_COMPARE(repository.lists.pending(), 1);
    // Critical alarms already open when the console starts are not "new" to sound for.
    repository.lists.answerNext(QList{alarm(1, true, u"A"_s), alarm(2, false, u"B"_s)});
    QCOMPARE(critical.size(), 0);
    QCOMPARE(model.newCritical(), 1);
    QCOMPARE(model.newWarnings(), 1);
    QCOMPARE(counts.last(), (QVariantList{1, 1, 2}));

    model.refresh();
    repository.lists.answerNext(
        QList{alarm(3, true, u"C"_s), alarm(1, true, u"A"_s), alarm(2, false, u"B"_s)});
    QCOMPARE(critical.size(), 1);
    QCOMPARE(critical.first().first().toLongLong(), 3);
    QCOMPARE(model.newCritical(), 2);
    QCOMPARE(model.openCount(), 3);

    // An acknowledged critical alarm is open but not new.
    model.refresh();
    repository.lists.answerNext(QList{alarm(3, true, u"C"_s, u"acknowledged"_s)});
    QCOMPARE(critical.size(), 1);
    QCOMPARE(counts.last(), (QVariantList{0, 0, 1}));
}

void TestAlarmListModel::burstOfChangesIsOneRead()
{
    FakeAlarmRepository repository;
    repository.lists.setAutoAnswer(QList<AlarmRecord>{});
    AlarmListModel model(repository);
    QTRY_COMPARE(repository.lists.calls(), 1);
    for (int i = 0; i < 20; ++i) {
        repository.feed.notify(u"alarm"_s, u"{\"id\": %1}"_s.arg(i));
    }
    QTRY_COMPARE(repository.lists.calls(), 2);
    QTest::qWait(AlarmListModel::RefreshDelayMs * 2);
    QCOMPARE(repository.lists.calls(), 2);
}

void TestAlarmListModel::changeDuringAReadReadsOnceMore()
{
    FakeAlarmRepository repository;
    AlarmListModel model(repository);
    QTRY_COMPARE(repository.lists.calls(), 1);
    // The first read is still out: changes now mean one more read once it is in, not two reads
    // at the same time.
    repository.feed.notify(u"alarm"_s);
    model.refresh();
    QTest::qWait(AlarmListModel::RefreshDelayMs * 2);
    QCOMPARE(repository.lists.calls(), 1);
    repository.lists.answerNext(QList{alarm(1, false, u"A"_s)});
    QCOMPARE(repository.lists.calls(), 2);
    repository.lists.answerNext(QList{alarm(1, false, u"A"_s), alarm(2, false, u"B"_s)});
    QCOMPARE(model.rowCount(), 2);
    QTest::qWait(AlarmListModel::RefreshDelayMs * 2);
    QCOMPARE(repository.lists.calls(), 2);
}

void TestAlarmListModel::otherChannelsAreIgnored()
{
    FakeAlarmRepository repository;
    repository.lists.setAutoAnswer(QList<AlarmRecord>{});
    AlarmListModel model(repository);
    QTRY_COMPARE(repository.lists.calls(), 1);
    repository.feed.notify(u"geofence"_s);
    repository.feed.notify(u"asset"_s);
    QTest::qWait(AlarmListModel::RefreshDelayMs * 2);
    QCOMPARE(repository.lists.calls(), 1);
}

void TestAlarmListModel::nothingIsReadWhileOfflineThenOnReconnect()
{
    FakeAlarmRepository repository;
    repository.feed.setLive(false);
    AlarmListModel model(repository);
    model.refresh();
    repository.feed.notify(u"alarm"_s);
    QTest::qWait(AlarmListModel::RefreshDelayMs * 2);
    QCOMPARE(repository.lists.calls(), 0);
    repository.feed.setLive(true);
    QCOMPARE(repository.lists.calls(), 1);
    repository.lists.answerNext(QList{alarm(1, true, u"A"_s)});
    QCOMPARE(model.rowCount(), 1);

    // The connection drops: the list keeps what it shows, and reads again when it is back.
    repository.feed.setLive(false);
    QCOMPARE(model.rowCount(), 1);
    repository.feed.setLive(true);
    QCOMPARE(repository.lists.calls(), 2);
}

void TestAlarmListModel::listFailureIsReportedButNotALostConnection()
{
    FakeAlarmRepository repository;
    AlarmListModel model(repository);
    QSignalSpy failed(&model, &AlarmListModel::actionFailed);
    QTRY_COMPARE(repository.lists.pending(), 1);
    repository.lists.answerNext(QList{alarm(1, true, u"A"_s)});
    model.refresh();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"alarm list failed"_s));
    repository.lists.answerNext(tl::unexpected(error(ErrorCode::Query, u"relation missing"_s)));
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().toString().contains(u"relation missing"_s));
    QCOMPARE(model.rowCount(), 1); // what it showed stays
    model.refresh();
    repository.lists.answerNext(tl::unexpected(error(ErrorCode::Connection)));
    QCOMPARE(failed.size(), 1); // the status bar already says the database is away
    QCOMPARE(model.rowCount(), 1);
}

void TestAlarmListModel::acknowledgeSendsTheVersionShown()
{
    FakeAlarmRepository repository;
    AlarmListModel model(repository);
    QTRY_COMPARE(repository.lists.pending(), 1);
    AlarmRecord seen = alarm(5, true, u"A"_s);
    seen.version = 12;
    repository.lists.answerNext(
        QList{seen, alarm(6, false, u"B"_s, u"acknowledged"_s), alarm(7, false, u"C"_s)});
    model.acknowledge({5, 6, 99}, u"crew informed"_s);
    // Only the new one among those shown is sent, at the version the operator saw.
    QCOMPARE(repository.acknowledged.size(), 1);
    QCOMPARE(repository.acknowledged.first().alarmId, 5);
    QCOMPARE(repository.acknowledged.first().version, 12);
    QCOMPARE(repository.acknowledged.first().comment, u"crew informed"_s);
    QSignalSpy failed(&model, &AlarmListModel::actionFailed);
    repository.acknowledgements.answerNext({});
    QVERIFY(failed.isEmpty());
    QCOMPARE(repository.lists.calls(), 2); // the list shows the step at once
}

void TestAlarmListModel::acknowledgementRefusalsAreExplained_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("told");
    QTest::newRow("viewer") << int(ErrorCode::PermissionDenied) << u"may not acknowledge"_s;
    QTest::newRow("someone-else-was-faster")
        << int(ErrorCode::Conflict) << u"changed by someone else"_s;
    QTest::newRow("other") << int(ErrorCode::Query)
                           << u"could not be acknowledged: the database refused the request "
                              "(refused)."_s;
}

void TestAlarmListModel::acknowledgementRefusalsAreExplained()
{
    QFETCH(int, code);
    QFETCH(QString, told);
    FakeAlarmRepository repository;
    AlarmListModel model(repository);
    QTRY_COMPARE(repository.lists.pending(), 1);
    repository.lists.answerNext(QList{alarm(5, true, u"A"_s)});
    QSignalSpy failed(&model, &AlarmListModel::actionFailed);
    model.acknowledge({5});
    repository.acknowledgements.answerNext(tl::unexpected(error(ErrorCode(code))));
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failed.first().first().toString().contains(told),
             qPrintable(failed.first().first().toString()));
    QCOMPARE(model.alarm(0).state, u"new"_s);
}

QTEST_GUILESS_MAIN(TestAlarmListModel)

#include "tst_alarmlistmodel.moc"
