// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/citysummarymodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using infrasight::models::AssetTypeCount;
using infrasight::models::CitySummary;
using infrasight::models::CitySummaryModel;

class TestCitySummaryModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsTypesAndCounts();
    void replacesAndClears();
    void noSymbolMeansNoIcon();

private:
    static CitySummary sample();
};

void TestCitySummaryModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

CitySummary TestCitySummaryModel::sample()
{
    CitySummary summary;
    summary.types = {
        AssetTypeCount{QStringLiteral("Street light"),
                       QStringLiteral("street_light"),
                       QStringLiteral("point"),
                       1234},
        AssetTypeCount{
            QStringLiteral("Water main"), QStringLiteral("water_main"), QStringLiteral("line"), 56},
        AssetTypeCount{
            QStringLiteral("Tide gauge"), QStringLiteral("tide_gauge"), QStringLiteral("point"), 0},
    };
    summary.sensors = 321;
    summary.openWorkOrders = 17;
    summary.cityName = QStringLiteral("Monaco");
    return summary;
}

void TestCitySummaryModel::showsTypesAndCounts()
{
    CitySummaryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.isEmpty());

    QSignalSpy changed(&model, &CitySummaryModel::summaryChanged);
    model.setSummary(sample());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 2);
    QCOMPARE(model.index(0, CitySummaryModel::TypeColumn).data().toString(),
             QStringLiteral("Street light"));
    QCOMPARE(model.index(0, CitySummaryModel::CountColumn).data().toString(),
             QStringLiteral("1,234"));
    QCOMPARE(
        model.index(1, CitySummaryModel::TypeColumn).data(CitySummaryModel::CountRole).toLongLong(),
        56);
    QCOMPARE(model.index(1, 0).data(CitySummaryModel::GeometryKindRole).toString(),
             QStringLiteral("line"));
    QCOMPARE(model.index(2, 0).data(CitySummaryModel::CodeRole).toString(),
             QStringLiteral("tide_gauge"));
    QCOMPARE(model.index(2, CitySummaryModel::CountColumn).data().toString(), QStringLiteral("0"));
    QVERIFY(model.index(1, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("56")));
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Asset type"));
    QCOMPARE(model.totalAssets(), 1290);
    QCOMPARE(model.summary().sensors, 321);
    QCOMPARE(model.summary().openWorkOrders, 17);
    QCOMPARE(model.summary().cityName, QStringLiteral("Monaco"));
    QVERIFY(!model.index(3, 0).isValid());
}

void TestCitySummaryModel::replacesAndClears()
{
    CitySummaryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSummary(sample());
    CitySummary smaller;
    smaller.types = {AssetTypeCount{
        QStringLiteral("Manhole"), QStringLiteral("manhole"), QStringLiteral("point"), 9}};
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setSummary(smaller);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Manhole"));
    QCOMPARE(model.summary().sensors, 0);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.totalAssets(), 0);
    QVERIFY(model.summary().cityName.isEmpty());
}

void TestCitySummaryModel::noSymbolMeansNoIcon()
{
    // No ":/symbols/..." resource is linked into this test: the list shows plain text.
    CitySummaryModel model;
    model.setSummary(sample());
    QVERIFY(CitySummaryModel::symbolPath(QStringLiteral("street_light")).isEmpty());
    QVERIFY(!model.index(0, 0).data(Qt::DecorationRole).isValid());
    QVERIFY(CitySummaryModel::symbolPath(QString()).isEmpty());
}

QTEST_GUILESS_MAIN(TestCitySummaryModel)
#include "tst_citysummarymodel.moc"
