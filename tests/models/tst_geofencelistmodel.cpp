// SPDX-License-Identifier: GPL-3.0-or-later
// The Geofences dock's model fed plain records through a fake repository: the list and its
// colours, a change elsewhere read again, a save, a conflict with both versions, refusals with
// their reasons, deletes and the assets inside.
#include "models/geofencelistmodel.h"
#include "tests/support/fakegeofencerepository.h"
#include "tests/support/fenceshapes.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QTest>

using namespace infrasight;
using namespace Qt::StringLiterals;
using infrasight::data::GeofenceRecord;
using infrasight::models::GeofenceListModel;
using infrasight::tests::FakeGeofenceRepository;
using infrasight::tests::fenceBox;

Q_DECLARE_METATYPE(infrasight::data::GeofenceRecord)

namespace {

GeofenceRecord fence(qint64 id, const QString &name, int version = 1)
{
    GeofenceRecord f;
    f.id = id;
    f.name = name;
    f.purpose = u"maintenance_zone"_s;
    f.version = version;
    f.updatedBy = u"planner_bo"_s;
    f.shape = fenceBox(7.42, 43.73, 0.001 * double(id));
    return f;
}

Error error(ErrorCode code)
{
    return Error{code, u"refused"_s, {}, {}};
}

} // namespace

class TestGeofenceListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsTheFencesWithTheirColours();
    void aChangeElsewhereIsReadAgain();
    void saveAnswersWithTheNewVersion();
    void conflictCarriesBothVersions_data();
    void conflictCarriesBothVersions();
    void refusalsAreExplained_data();
    void refusalsAreExplained();
    void removeReportsAConflict();
    void assetsInsideArriveForTheirFence();
};

void TestGeofenceListModel::initTestCase()
{
    qRegisterMetaType<GeofenceRecord>();
}

void TestGeofenceListModel::listsTheFencesWithTheirColours()
{
    FakeGeofenceRepository repository;
    GeofenceListModel model(repository);
    QAbstractItemModelTester tester(&model);
    QCOMPARE(repository.feed.watched(), QStringList{u"geofence"_s});
    QTRY_COMPARE(repository.lists.pending(), 1);
    GeofenceRecord coloured = fence(2, u"Quay"_s);
    coloured.colour = u"#112233"_s;
    QSignalSpy refreshed(&model, &GeofenceListModel::refreshed);
    repository.lists.answerNext(QList{fence(1, u"Port works"_s, 4), coloured});
    QCOMPARE(refreshed.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0).data().toString(), u"Port works"_s);
    QCOMPARE(model.index(0).data(GeofenceListModel::VersionRole).toInt(), 4);
    QCOMPARE(model.index(0).data(GeofenceListModel::ColourRole).value<QColor>(),
             GeofenceListModel::purposeColour(u"maintenance_zone"_s));
    QCOMPARE(model.index(1).data(GeofenceListModel::ColourRole).value<QColor>(),
             QColor(u"#112233"_s));
    QVERIFY(model.index(0).data(Qt::ToolTipRole).toString().contains(u"planner_bo"_s));
    QCOMPARE(model.fence(2)->name, u"Quay"_s);
    QCOMPARE(model.fence(3), nullptr);
    QVERIFY(GeofenceListModel::purposeColour(u"restricted_area"_s)
            != GeofenceListModel::purposeColour(u"district"_s));
}

void TestGeofenceListModel::aChangeElsewhereIsReadAgain()
{
    FakeGeofenceRepository repository;
    GeofenceListModel model(repository);
    QTRY_COMPARE(repository.lists.pending(), 1);
    repository.lists.answerNext(QList<GeofenceRecord>{});
    repository.feed.notify(u"geofence"_s, u"{\"id\": 1, \"op\": \"INSERT\"}"_s);
    repository.feed.notify(u"geofence"_s, u"{\"id\": 2, \"op\": \"INSERT\"}"_s);
    QTRY_COMPARE(repository.lists.calls(), 2);
    repository.lists.answerNext(QList{fence(1, u"A"_s), fence(2, u"B"_s)});
    QCOMPARE(model.rowCount(), 2);
    QTest::qWait(GeofenceListModel::RefreshDelayMs * 2);
    QCOMPARE(repository.lists.calls(), 2);
}

void TestGeofenceListModel::saveAnswersWithTheNewVersion()
{
    FakeGeofenceRepository repository;
    GeofenceListModel model(repository);
    QTRY_COMPARE(repository.lists.pending(), 1);
    repository.lists.answerNext(QList{fence(1, u"A"_s, 2)});
    GeofenceRecord edited = *model.fence(1);
    edited.name = u"A (wider)"_s;
    QSignalSpy saved(&model, &GeofenceListModel::saved);
    model.save(edited);
    QCOMPARE(repository.saved.size(), 1);
    QCOMPARE(repository.saved.first().name, u"A (wider)"_s);
    QCOMPARE(repository.saved.first().version, 2); // the version the edit started from
    repository.saves.answerNext(data::SavedVersion{1, 3});
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.first(), (QVariantList{qint64(1), 3}));
    QCOMPARE(repository.lists.calls(), 2); // the list shows the new version
}

void TestGeofenceListModel::conflictCarriesBothVersions_data()
{
    QTest::addColumn<bool>("deleted");
    QTest::newRow("changed-elsewhere") << false;
    QTest::newRow("deleted-elsewhere") << true;
}

void TestGeofenceListModel::conflictCarriesBothVersions()
{
    QFETCH(bool, deleted);
    FakeGeofenceRepository repository;
    GeofenceListModel model(repository);
    QTRY_COMPARE(repository.lists.pending(), 1);
    repository.lists.answerNext(QList{fence(1, u"Quay"_s, 1)});
    GeofenceRecord ours = *model.fence(1);
    ours.name = u"Quay (A)"_s;
    QSignalSpy conflict(&model, &GeofenceListModel::saveConflict);
    QSignalSpy saved(&model, &GeofenceListModel::saved);
    model.save(ours);
    repository.saves.answerNext(tl::unexpected(error(ErrorCode::Conflict)));
    QCOMPARE(repository.fetched, QList<qint64>{1});
    QCOMPARE(conflict.size(), 0);
    const GeofenceRecord theirs = fence(1, u"Quay (B)"_s, 2);
    repository.fetches.answerNext(deleted ? std::optional<GeofenceRecord>()
                                          : std::optional<GeofenceRecord>(theirs));
    QCOMPARE(conflict.size(), 1);
    QCOMPARE(saved.size(), 0);
    QCOMPARE(conflict.first().at(0).value<GeofenceRecord>(), ours);
    const auto now = conflict.first().at(1).value<GeofenceRecord>();
    if (deleted) {
        QCOMPARE(now.id, 0);
    } else {
        QCOMPARE(now, theirs);
    }
}

void TestGeofenceListModel::refusalsAreExplained_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("told");
    QTest::newRow("viewer") << int(ErrorCode::PermissionDenied) << u"may not edit geofences"_s;
    QTest::newRow("invalid-shape") << int(ErrorCode::InvalidArgument) << u"not a valid polygon"_s;
    QTest::newRow("other") << int(ErrorCode::Query)
                           << u"could not be saved: the database refused the request (refused)."_s;
}

void TestGeofenceListModel::refusalsAreExplained()
{
    QFETCH(int, code);
    QFETCH(QString, told);
    FakeGeofenceRepository repository;
    GeofenceListModel model(repository);
    QSignalSpy failed(&model, &GeofenceListModel::saveFailed);
    model.save(fence(0, u"new"_s));
    repository.saves.answerNext(tl::unexpected(error(ErrorCode(code))));
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failed.first().first().toString().contains(told),
             qPrintable(failed.first().first().toString()));
    QVERIFY(repository.fetched.isEmpty());
}

void TestGeofenceListModel::removeReportsAConflict()
{
    FakeGeofenceRepository repository;
    GeofenceListModel model(repository);
    QSignalSpy removed(&model, &GeofenceListModel::removed);
    QSignalSpy failed(&model, &GeofenceListModel::saveFailed);
    model.remove(4, 7);
    model.remove(5, 1);
    QCOMPARE(repository.removed, (QList<std::pair<qint64, int>>{{4, 7}, {5, 1}}));
    repository.removals.answerNext({});
    repository.removals.answerNext(tl::unexpected(error(ErrorCode::Conflict)));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().first().toLongLong(), 4);
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().toString().contains(u"changed by someone else"_s));
}

void TestGeofenceListModel::assetsInsideArriveForTheirFence()
{
    FakeGeofenceRepository repository;
    GeofenceListModel model(repository);
    QSignalSpy inside(&model, &GeofenceListModel::assetsInsideArrived);
    model.requestAssetsInside(3);
    model.requestAssetsInside(4);
    repository.insides.answerNext(
        QList<data::AssetInside>{{11, u"HY-1"_s, u"hydrant"_s, u"Hydrant"_s}});
    repository.insides.answerNext(tl::unexpected(error(ErrorCode::Connection)));
    QCOMPARE(inside.size(), 2);
    QCOMPARE(inside.at(0).at(0).toLongLong(), 3);
    const auto assets = inside.at(0).at(1).value<QList<data::AssetInside>>();
    QCOMPARE(assets.size(), 1);
    QCOMPARE(assets.first().code, u"HY-1"_s);
    QCOMPARE(inside.at(1).at(0).toLongLong(), 4);
    QVERIFY(inside.at(1).at(1).value<QList<data::AssetInside>>().isEmpty());
}

QTEST_GUILESS_MAIN(TestGeofenceListModel)
#include "tst_geofencelistmodel.moc"
