// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/repositories/pgassetrepository.h"
#include "models/locatormodel.h"
#include "tests/support/assettestcity.h"
#include "ui/widgets/locatorbox.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QSignalSpy>
#include <QTest>

using namespace infrasight;
using namespace Qt::StringLiterals;

class TestLocatorBox : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<tests::AssetTestCity> m_city;
    std::unique_ptr<data::DbClient> m_client;
    std::unique_ptr<data::PgAssetRepository> m_repository;
    std::unique_ptr<models::LocatorModel> m_model;
    std::unique_ptr<ui::LocatorBox> m_box;

    QAbstractItemView *popup() const { return m_box->completer()->popup(); }

    /// Types text into the focused box and waits for the popup with its results.
    bool typeAndWaitForPopup(const QString &text);

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void downAndEnterChooseTheFirstResult();
    void downTwiceChoosesTheSecond();
    void enterAloneTakesTheBestMatch();
    void escapeClosesThePopup();
    void clickChoosesAResult();
    void hintSaysNoMatch();
    void placeholderNamesTheShortcut();
};

bool TestLocatorBox::typeAndWaitForPopup(const QString &text)
{
    QTest::keyClicks(m_box.get(), text);
    if (m_box->text() != text) {
        return false;
    }
    return QTest::qWaitFor(
        [this, &text] {
            return popup()->isVisible() && !m_model->isSearching() && m_model->text() == text;
        },
        20000);
}

void TestLocatorBox::initTestCase()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto city = tests::AssetTestCity::create();
    QVERIFY2(city, qPrintable(city ? QString() : city.error().toString()));
    m_city = std::move(*city);
    auto lights = m_city->addSeries(
        u"street_light"_s, u"SL"_s, 300, {u"Boulevard Albert 1er"_s, u"Rue Grimaldi"_s});
    QVERIFY2(lights, qPrintable(lights ? QString() : lights.error().toString()));
    auto hydrants = m_city->addSeries(u"hydrant"_s, u"HY"_s, 50, {u"Quai Antoine 1er"_s});
    QVERIFY2(hydrants, qPrintable(hydrants ? QString() : hydrants.error().toString()));
}

void TestLocatorBox::init()
{
    m_client = std::make_unique<data::DbClient>();
    QVERIFY(m_city->connect(*m_client));
    m_repository = std::make_unique<data::PgAssetRepository>(*m_client);
    m_model = std::make_unique<models::LocatorModel>(*m_repository);
    m_box = std::make_unique<ui::LocatorBox>(m_model.get());
    m_box->resize(420, m_box->sizeHint().height());
    m_box->show();
    m_box->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_box.get()));
    m_box->setFocus();
    QTRY_VERIFY(m_box->hasFocus());
}

void TestLocatorBox::cleanup()
{
    m_box.reset();
    m_model.reset();
    m_repository.reset();
    m_client.reset();
}

void TestLocatorBox::cleanupTestCase()
{
    m_city.reset();
}

void TestLocatorBox::downAndEnterChooseTheFirstResult()
{
    QSignalSpy chosen(m_box.get(), &ui::LocatorBox::assetChosen);
    QVERIFY(typeAndWaitForPopup(u"SL-00012"_s));
    QCOMPARE(popup()->model()->rowCount(), 10); // SL-000120 .. SL-000129
    QCOMPARE(popup()->model()->index(0, 0).data().toString(),
             u"SL-000120 · Street light · Boulevard Albert 1er"_s);

    QTest::keyClick(popup(), Qt::Key_Down);
    QTest::keyClick(popup(), Qt::Key_Return);
    QCOMPARE(chosen.size(), 1);
    const auto asset = chosen.first().first().value<data::AssetSummary>();
    QCOMPARE(asset.code, u"SL-000120"_s);
    QCOMPARE(asset.typeName, u"Street light"_s);
    QCOMPARE(asset.id, m_model->summary(0).id);
    QVERIFY(!popup()->isVisible());
    QCOMPARE(m_box->text(), u"SL-000120"_s);
    QTest::qWait(models::LocatorModel::DebounceMs * 2);
    QCOMPARE(chosen.size(), 1); // Enter chose once, not again through returnPressed()
}

void TestLocatorBox::downTwiceChoosesTheSecond()
{
    QSignalSpy chosen(m_box.get(), &ui::LocatorBox::assetChosen);
    QVERIFY(typeAndWaitForPopup(u"HY-00003"_s));
    QTest::keyClick(popup(), Qt::Key_Down);
    QTest::keyClick(popup(), Qt::Key_Down);
    QTest::keyClick(popup(), Qt::Key_Down);
    QTest::keyClick(popup(), Qt::Key_Up);
    QTest::keyClick(popup(), Qt::Key_Enter);
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().first().value<data::AssetSummary>().code, u"HY-000031"_s);
    QCOMPARE(m_box->text(), u"HY-000031"_s);
}

void TestLocatorBox::enterAloneTakesTheBestMatch()
{
    QSignalSpy chosen(m_box.get(), &ui::LocatorBox::assetChosen);
    QVERIFY(typeAndWaitForPopup(u"hy-000042"_s));
    QTest::keyClick(popup(), Qt::Key_Return);
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().first().value<data::AssetSummary>().code, u"HY-000042"_s);
    QVERIFY(!popup()->isVisible());
}

void TestLocatorBox::escapeClosesThePopup()
{
    QSignalSpy chosen(m_box.get(), &ui::LocatorBox::assetChosen);
    QVERIFY(typeAndWaitForPopup(u"Grimaldi"_s));
    QTest::keyClick(popup(), Qt::Key_Down);
    QTest::keyClick(popup(), Qt::Key_Escape);
    QVERIFY(!popup()->isVisible());
    QCOMPARE(chosen.size(), 0);
    QVERIFY(m_box->hasFocus());
}

void TestLocatorBox::clickChoosesAResult()
{
    QSignalSpy chosen(m_box.get(), &ui::LocatorBox::assetChosen);
    QVERIFY(typeAndWaitForPopup(u"SL-00020"_s));
    const QModelIndex third = popup()->model()->index(2, 0);
    QCOMPARE(third.data().toString().left(9), u"SL-000202"_s);
    QTest::mouseClick(popup()->viewport(), Qt::LeftButton, {}, popup()->visualRect(third).center());
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().first().value<data::AssetSummary>().code, u"SL-000202"_s);
    QCOMPARE(m_box->text(), u"SL-000202"_s);
    QVERIFY(!popup()->isVisible());
}

void TestLocatorBox::hintSaysNoMatch()
{
    QTest::keyClicks(m_box.get(), u"qqxz"_s);
    QCOMPARE(m_box->hint(), u"Searching…"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_box->hint(), u"No match"_s, 20000);
    QVERIFY(!popup()->isVisible());
    QTest::keyClick(m_box.get(), Qt::Key_Backspace);
    QTest::keyClick(m_box.get(), Qt::Key_Backspace);
    QTest::keyClick(m_box.get(), Qt::Key_Backspace);
    QCOMPARE(m_box->text(), u"q"_s);
    QCOMPARE(m_box->hint(), QString());
}

void TestLocatorBox::placeholderNamesTheShortcut()
{
    QCOMPARE(m_box->placeholderText(), u"Find asset by code, name or street (Ctrl+K)"_s);
}

QTEST_MAIN(TestLocatorBox)
#include "tst_locatorbox.moc"
