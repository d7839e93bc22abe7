// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/assetdetails.h"
#include "tests/support/assettestcity.h"
#include "ui/widgets/assetdetailspanel.h"

#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace infrasight;
using namespace Qt::StringLiterals;

namespace {

/// The table's rows, cells joined by " | ".
QStringList rowsOf(const QTableWidget *table)
{
    QStringList rows;
    for (int row = 0; row < table->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < table->columnCount(); ++column) {
            const QTableWidgetItem *item = table->item(row, column);
            cells << (item ? item->text() : QString());
        }
        rows << cells.join(u" | "_s);
    }
    return rows;
}

data::AssetSummary
summary(qint64 id, const QString &code, const QString &typeName, gis::AssetStatus status)
{
    data::AssetSummary asset;
    asset.id = id;
    asset.code = code;
    asset.typeName = typeName;
    asset.status = status;
    asset.positionMeters = QPointF(826'000.0, 5'423'000.0);
    return asset;
}

} // namespace

class TestAssetDetailsPanel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<tests::AssetTestCity> m_city;
    std::unique_ptr<data::DbClient> m_client;
    std::unique_ptr<models::AssetDetails> m_details;
    std::unique_ptr<ui::AssetDetailsPanel> m_panel;
    data::AssetSummary m_lamp;
    data::AssetSummary m_hydrant;

    template<typename T>
    T *child(const QString &name) const
    {
        return m_panel->findChild<T *>(name);
    }

    bool waitLoaded() const
    {
        return QTest::qWaitFor([this] { return !m_details->isLoading(); }, 20000);
    }

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void showsEverySectionOfTheFirstCandidate();
    void selectingACandidateShowsIt();
    void zoomToAsksForTheShownAsset();
    void deletedAssetIsSaid();
    void singleCandidateHidesTheList();
    void clearingShowsTheEmptyState();
    void relativeTime_data();
    void relativeTime();
};

void TestAssetDetailsPanel::initTestCase()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto city = tests::AssetTestCity::create();
    QVERIFY2(city, qPrintable(city ? QString() : city.error().toString()));
    m_city = std::move(*city);
    auto assets = m_city->addDetailedAssets();
    QVERIFY2(assets, qPrintable(assets ? QString() : assets.error().toString()));
    m_lamp = summary(assets->lamp, u"SL-000001"_s, u"Street light"_s, gis::AssetStatus::Faulty);
    m_lamp.name = u"Lamp by the Casino"_s;
    m_hydrant = summary(assets->hydrant, u"HY-000001"_s, u"Hydrant"_s, gis::AssetStatus::Active);
}

void TestAssetDetailsPanel::init()
{
    m_client = std::make_unique<data::DbClient>();
    QVERIFY(m_city->connect(*m_client));
    m_details = std::make_unique<models::AssetDetails>(m_client.get());
    m_panel = std::make_unique<ui::AssetDetailsPanel>(m_details.get());
    m_panel->resize(480, 640);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestAssetDetailsPanel::cleanup()
{
    m_panel.reset();
    m_details.reset();
    m_client.reset();
}

void TestAssetDetailsPanel::cleanupTestCase()
{
    m_city.reset();
}

void TestAssetDetailsPanel::showsEverySectionOfTheFirstCandidate()
{
    QSignalSpy chosen(m_panel.get(), &ui::AssetDetailsPanel::candidateChosen);
    m_panel->setCandidates({m_lamp, m_hydrant}, u"2 assets here"_s);
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().first().toLongLong(), m_lamp.id);
    QCOMPARE(m_details->assetId(), m_lamp.id);

    auto *status = child<QLabel>(u"detailsStatus"_s);
    QVERIFY(status->isVisible());
    QCOMPARE(status->text(), u"Loading…"_s);

    QCOMPARE(child<QLabel>(u"candidatesTitle"_s)->text(), u"2 assets here"_s);
    auto *list = child<QListWidget>(u"candidatesList"_s);
    QVERIFY(list->isVisible());
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(0)->text(), u"SL-000001 · Street light · faulty"_s);
    QCOMPARE(list->item(1)->text(), u"HY-000001 · Hydrant · active"_s);
    QCOMPARE(list->currentRow(), 0);

    QVERIFY(waitLoaded());
    QVERIFY2(!status->isVisible(), qPrintable(status->text()));
    QCOMPARE(child<QLabel>(u"assetHeading"_s)->text(), u"SL-000001 — Lamp by the Casino"_s);

    auto *sections = child<QTabWidget>(u"detailsSections"_s);
    QVERIFY(sections->isVisible());
    QCOMPARE(sections->count(), 4);
    QCOMPARE(sections->tabText(0), u"Attributes"_s);
    QCOMPARE(sections->tabText(1), u"Sensors (2)"_s);
    QCOMPARE(sections->tabText(2), u"Work orders (2)"_s);
    QCOMPARE(sections->tabText(3), u"History (2)"_s);

    const QStringList attributes = rowsOf(child<QTableWidget>(u"attributesTable"_s));
    QVERIFY2(attributes.contains(u"code | SL-000001"_s), qPrintable(attributes.join(u'\n')));
    QVERIFY2(attributes.contains(u"status | faulty"_s), qPrintable(attributes.join(u'\n')));
    QVERIFY2(attributes.contains(u"street | Place du Casino"_s),
             qPrintable(attributes.join(u'\n')));
    QVERIFY2(attributes.contains(u"attributes.lamp | LED"_s), qPrintable(attributes.join(u'\n')));

    QCOMPARE(rowsOf(child<QTableWidget>(u"sensorsTable"_s)),
             (QStringList{u"AQ-1 | air_quality | — | never"_s,
                          u"NS-1 | noise | 42.5 dB | 2 min ago"_s}));
    const QString due = QLocale().toString(QDate(2026, 12, 1), QLocale::ShortFormat);
    QCOMPARE(rowsOf(child<QTableWidget>(u"workOrdersTable"_s)),
             (QStringList{u"WO-A | Replace lamp | open | high | "_s + due,
                          u"WO-B | Paint pole | in_progress | low | "_s}));

    const QStringList history = rowsOf(child<QTableWidget>(u"historyTable"_s));
    QCOMPARE(history.size(), 2);
    QVERIFY2(history.at(0).endsWith(u" | postgres | status: active -> faulty; condition: 2 -> 4"_s),
             qPrintable(history.at(0)));
    QVERIFY2(history.at(1).endsWith(u" | postgres | Created"_s), qPrintable(history.at(1)));
}

void TestAssetDetailsPanel::selectingACandidateShowsIt()
{
    m_panel->setCandidates({m_lamp, m_hydrant}, u"2 assets here"_s);
    QVERIFY(waitLoaded());
    QSignalSpy chosen(m_panel.get(), &ui::AssetDetailsPanel::candidateChosen);
    auto *list = child<QListWidget>(u"candidatesList"_s);
    QTest::mouseClick(
        list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(1)).center());
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().first().toLongLong(), m_hydrant.id);
    QCOMPARE(m_details->assetId(), m_hydrant.id);
    QVERIFY(waitLoaded());
    QCOMPARE(child<QLabel>(u"assetHeading"_s)->text(), u"HY-000001 — Hydrant"_s);
    QVERIFY(rowsOf(child<QTableWidget>(u"attributesTable"_s)).contains(u"street | Rue Grimaldi"_s));
    QCOMPARE(child<QTableWidget>(u"sensorsTable"_s)->rowCount(), 0);
    QCOMPARE(child<QTableWidget>(u"workOrdersTable"_s)->rowCount(), 0);
    QCOMPARE(child<QTabWidget>(u"detailsSections"_s)->tabText(1), u"Sensors (0)"_s);
}

void TestAssetDetailsPanel::zoomToAsksForTheShownAsset()
{
    m_panel->setCandidates({m_lamp, m_hydrant}, u"2 assets here"_s);
    child<QListWidget>(u"candidatesList"_s)->setCurrentRow(1);
    QVERIFY(waitLoaded());
    QSignalSpy zoom(m_panel.get(), &ui::AssetDetailsPanel::zoomToRequested);
    auto *button = child<QPushButton>(u"zoomToButton"_s);
    QVERIFY(button->isVisible());
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(zoom.size(), 1);
    const auto asset = zoom.first().first().value<data::AssetSummary>();
    QCOMPARE(asset.id, m_hydrant.id);
    QCOMPARE(asset.positionMeters, m_hydrant.positionMeters);
}

void TestAssetDetailsPanel::deletedAssetIsSaid()
{
    auto doomed = m_city->addAsset(u"hydrant"_s, u"HY-000666"_s, {}, {});
    QVERIFY2(doomed, qPrintable(doomed ? QString() : doomed.error().toString()));
    auto deleted = m_city->exec(u"DELETE FROM asset WHERE id = $1"_s, {*doomed});
    QVERIFY2(deleted, qPrintable(deleted ? QString() : deleted.error().toString()));

    m_panel->setCandidates(
        {summary(*doomed, u"HY-000666"_s, u"Hydrant"_s, gis::AssetStatus::Active)},
        u"1 asset here"_s);
    QVERIFY(waitLoaded());
    auto *status = child<QLabel>(u"detailsStatus"_s);
    QVERIFY(status->isVisible());
    QCOMPARE(status->text(), u"This asset no longer exists."_s);
    QVERIFY(!child<QTabWidget>(u"detailsSections"_s)->isVisible());
    QVERIFY(!child<QPushButton>(u"zoomToButton"_s)->isEnabled());
}

void TestAssetDetailsPanel::singleCandidateHidesTheList()
{
    m_panel->setCandidates({m_hydrant}, u"HY-000001"_s);
    QVERIFY(!child<QListWidget>(u"candidatesList"_s)->isVisible());
    QCOMPARE(m_details->assetId(), m_hydrant.id);
    QVERIFY(waitLoaded());
    QVERIFY(child<QTabWidget>(u"detailsSections"_s)->isVisible());
}

void TestAssetDetailsPanel::clearingShowsTheEmptyState()
{
    m_panel->setCandidates({m_lamp}, u"SL-000001"_s);
    m_panel->clearCandidates();
    QCOMPARE(m_details->assetId(), 0);
    QVERIFY(m_panel->candidates().isEmpty());
    QVERIFY(child<QLabel>(u"detailsEmpty"_s)->isVisible());
    QVERIFY(!child<QTabWidget>(u"detailsSections"_s)->isVisible());
    QVERIFY(!child<QPushButton>(u"zoomToButton"_s)->isVisible());
    QVERIFY(!child<QLabel>(u"detailsStatus"_s)->isVisible());
    QTest::qWait(300); // the cancelled load's answers change nothing
    QVERIFY(child<QLabel>(u"detailsEmpty"_s)->isVisible());
    QVERIFY(m_details->fields().isEmpty());
}

void TestAssetDetailsPanel::relativeTime_data()
{
    QTest::addColumn<qint64>("secondsAgo");
    QTest::addColumn<QString>("expected");
    QTest::newRow("seconds") << qint64(12) << u"just now"_s;
    QTest::newRow("ahead-of-our-clock") << qint64(-30) << u"just now"_s;
    QTest::newRow("one-minute") << qint64(60) << u"1 min ago"_s;
    QTest::newRow("two-minutes") << qint64(150) << u"2 min ago"_s;
    QTest::newRow("last-minute-of-the-hour") << qint64(3599) << u"59 min ago"_s;
    QTest::newRow("hours") << qint64(3 * 3600 + 5) << u"3 h ago"_s;
    QTest::newRow("days") << qint64(2 * 86400 + 7) << u"2 d ago"_s;
}

void TestAssetDetailsPanel::relativeTime()
{
    QFETCH(qint64, secondsAgo);
    QFETCH(QString, expected);
    const QDateTime now(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    QCOMPARE(ui::AssetDetailsPanel::relativeTime(now.addSecs(-secondsAgo), now), expected);
    QCOMPARE(ui::AssetDetailsPanel::relativeTime({}, now), u"never"_s);
    QVERIFY(!ui::AssetDetailsPanel::relativeTime(now.addDays(-30), now).contains(u"ago"_s));
}

QTEST_MAIN(TestAssetDetailsPanel)
#include "tst_assetdetailspanel.moc"
