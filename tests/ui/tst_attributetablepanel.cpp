// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/dbclient.h"
#include "data/repositories/pgassetrepository.h"
#include "models/assetselection.h"
#include "models/attributetablemodel.h"
#include "tests/support/assettestcity.h"
#include "ui/widgets/attributetablepanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHeaderView>
#include <QLineEdit>
#include <QMimeData>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <memory>

using infrasight::data::AttributeQuery;
using infrasight::data::DbClient;
using infrasight::models::AssetSelection;
using infrasight::models::AttributeTableModel;
using infrasight::tests::AssetTestCity;
using infrasight::ui::AttributeTablePanel;

namespace {

constexpr int LampCount = 1200;

QList<int> selectedRows(const QTableView &view)
{
    QList<int> rows;
    for (const QModelIndex &index : view.selectionModel()->selectedRows()) {
        rows.push_back(index.row());
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

QPoint centreOfRow(const QTableView &view, int row)
{
    return view.visualRect(view.model()->index(row, 1)).center();
}

} // namespace

class TestAttributeTablePanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void showsCountOfEstimate();
    void clickingRowsSelectsAssets();
    void selectionElsewhereSelectsRows();
    void selectionOfRowsNotYetFetched();
    void copyPutsSelectedRowsOnClipboard();
    void selectedOnlyShowsSelection();
    void filterIsDebounced();
    void typeFilterAndSort();
    void doubleClickActivatesAsset();
    void zoomAndClearFollowSelection();
    void lostConnectionShowsErrorUntilRetried();

private:
    qint64 idOfCode(const QString &code);
    bool waitForRows(int rows);

    std::unique_ptr<AssetTestCity> m_city;
    std::unique_ptr<DbClient> m_client;
    std::unique_ptr<infrasight::data::PgAssetRepository> m_repository;
    std::unique_ptr<AttributeTableModel> m_model;
    std::unique_ptr<AssetSelection> m_selection;
    std::unique_ptr<AttributeTablePanel> m_panel;
    QTableView *m_view = nullptr;
};

void TestAttributeTablePanel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto city = AssetTestCity::create();
    QVERIFY(city);
    m_city = std::move(*city);
    // SL-000001.. in code order; a page holds 500 of them, so most are not fetched at first.
    QVERIFY(m_city->addSeries(QStringLiteral("street_light"),
                              QStringLiteral("SL"),
                              LampCount,
                              {QStringLiteral("Rue Grimaldi"), QStringLiteral("Quai Albert 1er")}));
    // Sorts first (A < S): a value with a tab, a comma and quotes, to check both clipboard
    // formats.
    QVERIFY(m_city->addAsset(QStringLiteral("hydrant"),
                             QStringLiteral("H-1"),
                             QStringLiteral("Tab\there, \"quoted\""),
                             QStringLiteral("Rue Grimaldi")));
    QVERIFY(m_city->exec(QStringLiteral("ANALYZE asset")));
}

void TestAttributeTablePanel::init()
{
    m_client = std::make_unique<DbClient>();
    QVERIFY(m_city->connect(*m_client));
    m_repository = std::make_unique<infrasight::data::PgAssetRepository>(*m_client);
    m_model = std::make_unique<AttributeTableModel>(*m_repository);
    m_selection = std::make_unique<AssetSelection>();
    m_panel = std::make_unique<AttributeTablePanel>(m_model.get(), m_selection.get());
    m_view = m_panel->tableView();
    m_panel->resize(900, 500);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    m_model->setQuery(AttributeQuery{});
    QVERIFY(waitForRows(AttributeTableModel::PageSize));
}

void TestAttributeTablePanel::cleanup()
{
    m_panel.reset();
    m_selection.reset();
    m_model.reset();
    m_repository.reset();
    m_client.reset();
}

qint64 TestAttributeTablePanel::idOfCode(const QString &code)
{
    auto result = m_city->exec(QStringLiteral("SELECT id FROM asset WHERE code = $1"), {code});
    return result && result->rowCount() == 1 ? result->toInt(0, 0) : -1;
}

bool TestAttributeTablePanel::waitForRows(int rows)
{
    return QTest::qWaitFor(
        [this, rows] { return !m_model->isLoading() && m_model->rowCount() == rows; }, 20000);
}

void TestAttributeTablePanel::showsCountOfEstimate()
{
    QVERIFY(QTest::qWaitFor([this] { return m_model->estimatedTotal() > 0; }, 20000));
    static const QRegularExpression pattern(QStringLiteral("^500 of about ([0-9,]+) assets$"));
    const auto match = pattern.match(m_panel->statusText());
    QVERIFY2(match.hasMatch(), qPrintable(m_panel->statusText()));
    QVERIFY(match.captured(1).remove(u',').toLongLong() >= 500);

    m_panel->findChild<QLineEdit *>(QStringLiteral("attributeFilter"))
        ->setText(QStringLiteral("SL-00000"));
    QVERIFY(waitForRows(9));
    QTRY_COMPARE(m_panel->statusText(), QStringLiteral("9 assets"));
}

void TestAttributeTablePanel::clickingRowsSelectsAssets()
{
    QSignalSpy changed(m_selection.get(), &AssetSelection::changed);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, centreOfRow(*m_view, 2));
    QCOMPARE(m_selection->sortedIds(), QList<qint64>{m_model->assetId(2)});
    QTest::mouseClick(
        m_view->viewport(), Qt::LeftButton, Qt::ControlModifier, centreOfRow(*m_view, 4));
    QCOMPARE(m_selection->ids(), (QSet<qint64>{m_model->assetId(2), m_model->assetId(4)}));
    QTest::mouseClick(
        m_view->viewport(), Qt::LeftButton, Qt::ShiftModifier, centreOfRow(*m_view, 6));
    QCOMPARE(changed.size(), 3);
    // The view kept what was clicked (rows 2 and 4..6: Shift extends from the last clicked
    // row): the echo from the selection did not redo it.
    QCOMPARE(selectedRows(*m_view), (QList<int>{2, 4, 5, 6}));
    QSet<qint64> ids;
    for (const int row : selectedRows(*m_view)) {
        ids.insert(m_model->assetId(row));
    }
    QCOMPARE(m_selection->ids(), ids);
}

void TestAttributeTablePanel::selectionElsewhereSelectsRows()
{
    QSignalSpy changed(m_selection.get(), &AssetSelection::changed);
    m_selection->select({m_model->assetId(7), m_model->assetId(3), m_model->assetId(4)});
    QCOMPARE(selectedRows(*m_view), (QList<int>{3, 4, 7}));
    QCOMPARE(changed.size(), 1); // the table's answer did not come back as a second change
    m_selection->select({m_model->assetId(9)}, AssetSelection::Mode::Add);
    QCOMPARE(selectedRows(*m_view), (QList<int>{3, 4, 7, 9}));
    m_selection->select({m_model->assetId(3)}, AssetSelection::Mode::Toggle);
    QCOMPARE(selectedRows(*m_view), (QList<int>{4, 7, 9}));
    m_selection->clear();
    QCOMPARE(selectedRows(*m_view), QList<int>{});
    QCOMPARE(changed.size(), 4);
}

void TestAttributeTablePanel::selectionOfRowsNotYetFetched()
{
    const qint64 late = idOfCode(QStringLiteral("SL-000900"));
    const qint64 early = m_model->assetId(0);
    m_selection->select({late, early});
    QCOMPARE(selectedRows(*m_view), QList<int>{0});
    QCOMPARE(m_model->rowOfAsset(late), -1);
    // Scrolling to the end fetches the next page; its selected row is selected as it arrives.
    m_view->scrollToBottom();
    QTRY_VERIFY_WITH_TIMEOUT(m_model->rowOfAsset(late) >= 0, 20000);
    QCOMPARE(selectedRows(*m_view), (QList<int>{0, m_model->rowOfAsset(late)}));
    QCOMPARE(m_selection->ids(), (QSet<qint64>{late, early}));
}

void TestAttributeTablePanel::copyPutsSelectedRowsOnClipboard()
{
    auto rows = m_city->exec(QStringLiteral(
        "SELECT a.id, a.code, to_char(a.updated_at AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM asset a WHERE a.code IN ('H-1', 'SL-000002') "
        "ORDER BY a.code"));
    QVERIFY(rows && rows->rowCount() == 2);
    QCOMPARE(m_model->assetId(0), rows->toInt(0, 0));
    QCOMPARE(m_model->assetId(2), rows->toInt(1, 0));
    m_selection->select({rows->toInt(1, 0), rows->toInt(0, 0)});

    QGuiApplication::clipboard()->clear();
    m_view->setFocus();
    QTest::keyClick(m_view, Qt::Key_C, Qt::ControlModifier);
    const QString expected
        = QStringLiteral("ID\tCode\tName\tType\tStreet\tStatus\tCondition\tInstalled\tUpdated\n")
          + QStringLiteral("%1\tH-1\tTab here, \"quoted\"\tHydrant\tRue Grimaldi\tActive\t2\t"
                           "2019-05-14\t%2\n")
                .arg(rows->text(0, 0), rows->text(0, 2))
          + QStringLiteral("%1\tSL-000002\tLamp 2\tStreet light\tRue Grimaldi\tActive\t\t\t%2\n")
                .arg(rows->text(1, 0), rows->text(1, 2));
    QCOMPARE(QGuiApplication::clipboard()->text(), expected);
    QCOMPARE(m_panel->selectedRowsAsText(), expected);

    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    QVERIFY(mime && mime->hasFormat(QStringLiteral("text/csv")));
    const QString csv = QString::fromUtf8(mime->data(QStringLiteral("text/csv")));
    QCOMPARE(csv.count(QStringLiteral("\r\n")), 3);
    QVERIFY(csv.startsWith(
        QStringLiteral("ID,Code,Name,Type,Street,Status,Condition,Installed,Updated\r\n")));
    QVERIFY2(csv.contains(QStringLiteral(",H-1,\"Tab\there, \"\"quoted\"\"\",Hydrant,")),
             qPrintable(csv));

    // Nothing selected: the clipboard keeps what it had.
    m_selection->clear();
    QGuiApplication::clipboard()->setText(QStringLiteral("before"));
    QTest::keyClick(m_view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("before"));
}

void TestAttributeTablePanel::selectedOnlyShowsSelection()
{
    const QList<qint64> chosen = {idOfCode(QStringLiteral("SL-001100")),
                                  idOfCode(QStringLiteral("SL-000003")),
                                  idOfCode(QStringLiteral("H-1"))};
    m_selection->select(chosen);
    auto *selectedOnly = m_panel->findChild<QCheckBox *>(QStringLiteral("attributeSelectedOnly"));
    QVERIFY(selectedOnly);
    selectedOnly->setChecked(true);
    QVERIFY(waitForRows(3));
    QCOMPARE(QSet<qint64>({m_model->assetId(0), m_model->assetId(1), m_model->assetId(2)}),
             QSet<qint64>(chosen.cbegin(), chosen.cend()));
    QCOMPARE(selectedRows(*m_view), (QList<int>{0, 1, 2})); // shown and selected

    // A selection made on the map: the table shows the new one.
    const qint64 other = idOfCode(QStringLiteral("SL-000777"));
    m_selection->select({other});
    QVERIFY(waitForRows(1));
    QCOMPARE(m_model->assetId(0), other);
    QCOMPARE(selectedRows(*m_view), QList<int>{0});

    // Deselecting in the table keeps the row (the table does not jump under the cursor).
    QTest::mouseClick(
        m_view->viewport(), Qt::LeftButton, Qt::ControlModifier, centreOfRow(*m_view, 0));
    QVERIFY(m_selection->isEmpty());
    QTest::qWait(50);
    QCOMPARE(m_model->rowCount(), 1);

    selectedOnly->setChecked(false);
    QVERIFY(waitForRows(AttributeTableModel::PageSize));
}

void TestAttributeTablePanel::filterIsDebounced()
{
    auto *filter = m_panel->findChild<QLineEdit *>(QStringLiteral("attributeFilter"));
    QVERIFY(filter);
    QCOMPARE(filter->placeholderText(), QStringLiteral("Filter by code, name or street"));
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QTest::keyClicks(filter, QStringLiteral("lamp 11"));
    QCOMPARE(reset.size(), 0); // not one query per key
    QVERIFY(reset.wait(2000));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->query().text, QStringLiteral("lamp 11"));
    // "Lamp 11", "Lamp 110".."Lamp 119", "Lamp 1100".."Lamp 1199": 1 + 10 + 100.
    QVERIFY(waitForRows(111));

    // Enter sends the text at once.
    QTest::keyClick(filter, Qt::Key_9);
    QTest::keyClick(filter, Qt::Key_Return);
    QCOMPARE(reset.size(), 2);
    QCOMPARE(m_model->query().text, QStringLiteral("lamp 119"));
    QVERIFY(waitForRows(11));
}

void TestAttributeTablePanel::typeFilterAndSort()
{
    auto types = m_city->exec(QStringLiteral("SELECT id FROM asset_type WHERE code = 'hydrant'"));
    QVERIFY(types && types->rowCount() == 1);
    m_panel->setTypeFilter({types->toInt(0, 0)});
    QVERIFY(waitForRows(1));
    QCOMPARE(m_model->index(0, 1).data().toString(), QStringLiteral("H-1"));
    m_panel->setTypeFilter({});
    QVERIFY(waitForRows(AttributeTableModel::PageSize));

    // A header click sorts on the server: code descending starts with the last lamp.
    const int codeSection = 1;
    QTest::mouseClick(m_view->horizontalHeader()->viewport(),
                      Qt::LeftButton,
                      {},
                      QPoint(m_view->horizontalHeader()->sectionViewportPosition(codeSection) + 5,
                             m_view->horizontalHeader()->height() / 2));
    QCOMPARE(m_model->query().sortColumn, QStringLiteral("code"));
    QCOMPARE(m_model->query().sortOrder, Qt::DescendingOrder);
    QVERIFY(waitForRows(AttributeTableModel::PageSize));
    QCOMPARE(m_model->index(0, 1).data().toString(), QStringLiteral("SL-001200"));
}

void TestAttributeTablePanel::doubleClickActivatesAsset()
{
    QSignalSpy activated(m_panel.get(), &AttributeTablePanel::assetActivated);
    // A real double click: the first press picks the row, the second activates it.
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, centreOfRow(*m_view, 5));
    QTest::mouseDClick(m_view->viewport(), Qt::LeftButton, {}, centreOfRow(*m_view, 5));
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().at(0).toLongLong(), m_model->assetId(5));
}

void TestAttributeTablePanel::zoomAndClearFollowSelection()
{
    const auto button = [this](const QString &text) -> QAction * {
        for (QAction *action : m_panel->findChildren<QAction *>()) {
            if (action->text() == text) {
                return action;
            }
        }
        return nullptr;
    };
    QAction *zoom = button(QStringLiteral("Zoom to Selection"));
    QAction *clear = button(QStringLiteral("Clear Selection"));
    QAction *copy = button(QStringLiteral("Copy"));
    QVERIFY(zoom && clear && copy);
    QVERIFY(!zoom->isEnabled());
    QVERIFY(!clear->isEnabled());
    QVERIFY(!copy->isEnabled());

    m_selection->select({m_model->assetId(1)});
    QVERIFY(zoom->isEnabled());
    QVERIFY(copy->isEnabled());
    QSignalSpy zoomRequested(m_panel.get(), &AttributeTablePanel::zoomToSelectionRequested);
    zoom->trigger();
    QCOMPARE(zoomRequested.size(), 1);

    clear->trigger();
    QVERIFY(m_selection->isEmpty());
    QCOMPARE(selectedRows(*m_view), QList<int>{});
    QVERIFY(!zoom->isEnabled());
    QVERIFY(!copy->isEnabled());
}

void TestAttributeTablePanel::lostConnectionShowsErrorUntilRetried()
{
    QVERIFY(m_city->exec(
        QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                       "WHERE datname = current_database() AND pid <> pg_backend_pid()")));
    QVERIFY(QTest::qWaitFor(
        [this] { return m_client->state() != infrasight::data::ConnectionState::Connected; },
        20000));
    m_view->scrollToBottom(); // asks for the next page, which fails at once
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->statusText().contains(QStringLiteral("Error")), 20000);
    QCOMPARE(m_model->rowCount(), AttributeTableModel::PageSize);

    QVERIFY(QTest::qWaitFor(
        [this] { return m_client->state() == infrasight::data::ConnectionState::Connected; },
        30000));
    m_view->scrollToTop();
    m_view->scrollToBottom();
    QVERIFY(waitForRows(2 * AttributeTableModel::PageSize));
    QVERIFY2(!m_panel->statusText().contains(QStringLiteral("Error")),
             qPrintable(m_panel->statusText()));
}

QTEST_MAIN(TestAttributeTablePanel)
#include "tst_attributetablepanel.moc"
