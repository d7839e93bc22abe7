// SPDX-License-Identifier: GPL-3.0-or-later
// The Live Chart dock against a real database: one chart per unit, series that never hold more
// than two points per pixel column, the critical band drawn above the limit, the range buttons,
// the time cursor shared by the charts, and Del removing a sensor.
#include "data/dbclient.h"
#include "data/pgconnection.h"
#include "data/repositories/pgreadingrepository.h"
#include "models/timeseriesmodel.h"
#include "tests/support/migrateddatabase.h"
#include "ui/widgets/charts/livechartpanel.h"
#include "ui/widgets/charts/trendchartview.h"

#include <QAbstractButton>
#include <QLineSeries>
#include <QTableView>
#include <QTest>
#include <QValueAxis>

#include <optional>

using infrasight::data::DbClient;
using infrasight::models::TimeSeriesModel;
using infrasight::tests::MigratedDatabase;
using infrasight::ui::LiveChartPanel;
using infrasight::ui::TrendChartView;
using namespace Qt::StringLiterals;

class TestLiveChartPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void chartsPerUnitWithBandsAndCursor();

private:
    qint64 sensorId(const QString &code) const;
    /// The pixel of (time, value) in the chart's own widget coordinates.
    static QPoint pixelOf(TrendChartView *chart, double timeMs, double value);

    std::optional<MigratedDatabase> m_database;
    infrasight::data::PgConnection *m_sql = nullptr;
};

void TestLiveChartPanel::initTestCase()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto database = MigratedDatabase::open({});
    QVERIFY2(database, qPrintable(database ? QString() : database.error().toString()));
    m_database.emplace(std::move(*database));
    m_sql = &m_database->connection();
    // Two pressure sensors (bar; warning above 6, critical above 7), one at 10 Hz running
    // between the two limits, and a noise sensor in another unit.
    QVERIFY(m_sql->execScript(
        u"INSERT INTO sensor (code, kind, unit, warn_high, crit_high, hysteresis, "
        "sample_interval) VALUES "
        "('WP-00001', 'water_pressure', 'bar', 6, 7, 0.1, '100 milliseconds'), "
        "('WP-00002', 'water_pressure', 'bar', 6, 7, 0.1, '1 second'), "
        "('NS-00001', 'noise', 'dB(A)', 70, 80, 1, '1 second');"
        "INSERT INTO reading (sensor_id, ts, value) "
        "SELECT s.id, now() - make_interval(secs => g / 10.0), 6.5 + 0.2 * sin(g / 7.0) "
        "FROM sensor s, generate_series(1, 3000) g WHERE s.code = 'WP-00001';"
        "INSERT INTO reading (sensor_id, ts, value) "
        "SELECT s.id, now() - make_interval(secs => g), 6.2 "
        "FROM sensor s, generate_series(1, 300) g WHERE s.code = 'WP-00002';"
        "INSERT INTO reading (sensor_id, ts, value) "
        "SELECT s.id, now() - make_interval(secs => g), 55 + g % 7 "
        "FROM sensor s, generate_series(1, 300) g WHERE s.code = 'NS-00001';"_s));
}

qint64 TestLiveChartPanel::sensorId(const QString &code) const
{
    auto id = m_sql->exec(u"SELECT id FROM sensor WHERE code = $1"_s, {code});
    return id && id->rowCount() == 1 ? id->toInt(0, 0) : 0;
}

QPoint TestLiveChartPanel::pixelOf(TrendChartView *chart, double timeMs, double value)
{
    QLineSeries *any = chart->series(chart->sensors().first());
    const QPointF inChart = chart->chart()->mapToPosition(QPointF(timeMs, value), any);
    return chart->mapFromScene(chart->chart()->mapToScene(inChart));
}

void TestLiveChartPanel::chartsPerUnitWithBandsAndCursor()
{
    DbClient client;
    client.open(m_database->conninfo());
    infrasight::data::PgReadingRepository readings(client);
    TimeSeriesModel model(readings);
    LiveChartPanel panel(&model);
    panel.resize(900, 640);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTRY_VERIFY_WITH_TIMEOUT(client.state() == infrasight::data::ConnectionState::Connected, 10000);
    for (const QString &code : {u"WP-00001"_s, u"WP-00002"_s, u"NS-00001"_s}) {
        panel.showSensor(sensorId(code));
    }

    // One chart per unit: bar (two sensors), dB(A) (one).
    QTRY_COMPARE_WITH_TIMEOUT(panel.charts().size(), 2, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && !model.info(2).code.isEmpty(), 10000);
    TrendChartView *pressure = panel.charts().at(0);
    TrendChartView *noise = panel.charts().at(1);
    QCOMPARE(pressure->sensors().size(), 2);
    QCOMPARE(noise->sensors().size(), 1);
    // 3,000 readings in the window, drawn with at most two points per pixel column.
    QLineSeries *fast = pressure->series(sensorId(u"WP-00001"_s));
    QTRY_VERIFY2_WITH_TIMEOUT(
        fast->count() > 100, qPrintable(QString::number(fast->count())), 5000);
    QVERIFY2(
        fast->count() <= 2 * pressure->plotColumns(),
        qPrintable(u"%1 points on %2 columns"_s.arg(fast->count()).arg(pressure->plotColumns())));
    QVERIFY(noise->largestSeriesSize() <= 2 * noise->plotColumns());

    // The axis reaches the critical limit the data runs close to; above it the band is red.
    auto *values = qobject_cast<QValueAxis *>(pressure->chart()->axes(Qt::Vertical).first());
    QVERIFY(values != nullptr);
    QVERIFY2(values->max() > 7.0, qPrintable(QString::number(values->max())));
    const double middle = double(TimeSeriesModel::nowMs() - 150'000); // in the five minutes
    const QImage image = pressure->grab().toImage();
    const QColor critical
        = image.pixelColor(pixelOf(pressure, middle, (7.0 + values->max()) / 2.0));
    const QColor below = image.pixelColor(pixelOf(pressure, middle, (values->min() + 6.0) / 2.0));
    QVERIFY2(critical.red() > critical.green() + 15,
             qPrintable(u"band %1, below %2"_s.arg(critical.name(), below.name())));
    QVERIFY2(critical.green() < below.green() - 15,
             qPrintable(u"band %1, below %2"_s.arg(critical.name(), below.name())));

    // The cursor: moving over one chart sets the time every chart draws.
    const QImage noiseBefore = noise->grab().toImage();
    const QPoint at = pixelOf(pressure, middle, 6.5);
    QTest::mouseMove(pressure->viewport(), at);
    QTRY_VERIFY(model.cursorTime() != 0);
    QVERIFY(qAbs(double(model.cursorTime()) - middle) < 5'000.0);
    QVERIFY(model.valueAt(model.rowOf(sensorId(u"WP-00001"_s)), model.cursorTime()));
    QTRY_VERIFY(noise->grab().toImage() != noiseBefore);

    // The range buttons.
    const QList<QAbstractButton *> buttons = panel.findChildren<QAbstractButton *>();
    const auto day = std::find_if(
        buttons.begin(), buttons.end(), [](QAbstractButton *b) { return b->text() == u"24 h"_s; });
    QVERIFY(day != buttons.end());
    (*day)->click();
    QCOMPARE(model.range(), TimeSeriesModel::Range::Hours24);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 10000);
    // Minute rollups: at most one point per minute of the five that have readings, and a point.
    QTRY_VERIFY_WITH_TIMEOUT(fast->count() >= 5 && fast->count() <= 8, 5000);

    // Del in the table removes the selected sensor; its unit's chart goes with it.
    QTableView *legend = panel.legendView();
    legend->setFocus();
    legend->selectRow(model.rowOf(sensorId(u"NS-00001"_s)));
    QTest::keyClick(legend, Qt::Key_Delete);
    QCOMPARE(model.rowCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(panel.charts().size(), 1, 5000);
}

QTEST_MAIN(TestLiveChartPanel)
#include "tst_livechartpanel.moc"
