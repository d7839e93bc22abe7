// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: the CPU the console spends on live charts. `infrasightctl simulate` (another
// process, as in production) writes readings for N sensors at R readings/s each into a real
// database; this process runs what the console runs for the Live Chart dock: the DbClient, the
// TimeSeriesModel (NOTIFY, fetch of what is new, ring buffers, decimation) and the
// LiveChartPanel with one QtCharts chart per unit, shown (offscreen) at the given size. After a
// warm-up it measures this process's CPU time (user + system, all threads) over the wall time,
// as a share of one core, and checks every series' point count against its plot's width.
// A second phase redraws at every tick of 10 Hz instead of once per pixel column, to show what
// that would cost.
//
//   bench_livecharts [--db CONNINFO] [--sensors 50] [--hz 10] [--seconds 30] [--warmup 8]
//                    [--width 1280] [--height 900]
//
// Without --db it creates (and drops) a database on the server of INFRASIGHT_TEST_DSN.
#include "data/dbclient.h"
#include "data/pgconnection.h"
#include "data/repositories/pgreadingrepository.h"
#include "models/timeseriesmodel.h"
#include "tests/support/migrateddatabase.h"
#include "ui/widgets/charts/livechartpanel.h"
#include "ui/widgets/charts/trendchartview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLineSeries>
#include <QProcess>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>

#include <sys/resource.h>

using namespace infrasight;
using namespace Qt::StringLiterals;

namespace {

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec) + double(usage.ru_utime.tv_usec) / 1e6
           + double(usage.ru_stime.tv_sec) + double(usage.ru_stime.tv_usec) / 1e6;
}

/// Runs the event loop for ms, idle when there is nothing to do (as the console's would be).
void waitMs(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

struct Phase
{
    double cpuShare = 0.0; ///< of one core
    double redrawsPerSecond = 0.0;
    double readingsPerSecond = 0.0;
    double worstPointsPerColumn = 0.0;
    int liveSeries = 0;
};

/// Runs the event loop for `seconds`, sampling the series' sizes against their charts' widths.
Phase measure(const ui::LiveChartPanel &panel, const models::TimeSeriesModel &model, int seconds)
{
    Phase phase;
    const qint64 redraws0 = panel.redraws();
    const qint64 readings0 = model.livePointsReceived();
    const double cpu0 = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    while (wall.elapsed() < qint64(seconds) * 1000) {
        waitMs(250);
        for (const ui::TrendChartView *chart : panel.charts()) {
            phase.worstPointsPerColumn
                = std::max(phase.worstPointsPerColumn,
                           double(chart->largestSeriesSize()) / double(chart->plotColumns()));
        }
    }
    const double elapsed = double(wall.elapsed()) / 1000.0;
    phase.cpuShare = (cpuSeconds() - cpu0) / elapsed;
    phase.redrawsPerSecond = double(panel.redraws() - redraws0) / elapsed;
    phase.readingsPerSecond = double(model.livePointsReceived() - readings0) / elapsed;
    for (int row = 0; row < model.rowCount(); ++row) {
        phase.liveSeries += model.dataAgeMs(row) >= 0 && model.dataAgeMs(row) < 2000 ? 1 : 0;
    }
    return phase;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dbOption(
        u"db"_s, u"Database (default: a scratch one)."_s, u"conninfo"_s);
    const QCommandLineOption sensorsOption(u"sensors"_s, u"Live series."_s, u"n"_s, u"50"_s);
    const QCommandLineOption hzOption(
        u"hz"_s, u"Readings per second per sensor."_s, u"hz"_s, u"10"_s);
    const QCommandLineOption secondsOption(u"seconds"_s, u"Measured seconds."_s, u"s"_s, u"30"_s);
    const QCommandLineOption warmupOption(
        u"warmup"_s, u"Seconds before measuring."_s, u"s"_s, u"8"_s);
    const QCommandLineOption widthOption(u"width"_s, u"Panel width."_s, u"px"_s, u"1280"_s);
    const QCommandLineOption heightOption(u"height"_s, u"Panel height."_s, u"px"_s, u"900"_s);
    parser.addOptions({dbOption,
                       sensorsOption,
                       hzOption,
                       secondsOption,
                       warmupOption,
                       widthOption,
                       heightOption});
    parser.process(app);
    const int sensors = std::max(1, parser.value(sensorsOption).toInt());
    const int hz = std::max(1, parser.value(hzOption).toInt());
    const int seconds = std::max(1, parser.value(secondsOption).toInt());
    const int warmup = std::max(1, parser.value(warmupOption).toInt());
    QTextStream out(stdout);

    auto database = tests::MigratedDatabase::open(parser.value(dbOption));
    if (!database) {
        std::fprintf(stderr, "bench_livecharts: %s\n", qPrintable(database.error().toString()));
        return database.error().code == ErrorCode::NotFound ? 77 : 1;
    }
    // Sensors of five kinds (five units: five charts), none from an earlier run.
    const QStringList kinds{
        u"water_pressure"_s, u"noise"_s, u"air_quality"_s, u"tide_level"_s, u"bin_fill"_s};
    const QStringList units{u"bar"_s, u"dB(A)"_s, u"µg/m³"_s, u"m"_s, u"%"_s};
    if (!database->connection().execScript(u"TRUNCATE sensor CASCADE"_s)) {
        return 1;
    }
    for (int i = 0; i < sensors; ++i) {
        const int kind = i % int(kinds.size());
        if (!database->connection().exec(u"INSERT INTO sensor (code, kind, unit, sample_interval) "
                                         "VALUES ($1, $2, $3, make_interval(secs => $4))"_s,
                                         {u"BENCH-%1"_s.arg(i, 3, 10, QLatin1Char('0')),
                                          kinds.at(kind),
                                          units.at(kind),
                                          1.0 / hz})) {
            return 1;
        }
    }

    // The 15 minutes before now at the same rate, so the charts are as full as they get from the
    // first frame (a noisy wave: every pixel column has a low and a high).
    QElapsedTimer prefill;
    prefill.start();
    if (!database->connection().exec(u"INSERT INTO reading (sensor_id, ts, value) "
                                     "SELECT s.id, now() - make_interval(secs => g::float8 / $1), "
                                     "       50 + 20 * sin(g / 300.0 + s.id) + 5 * random() "
                                     "FROM sensor s, generate_series(1, 900 * $1) g"_s,
                                     {hz})) {
        return 1;
    }
    out << "prefilled 15 min of readings in " << prefill.elapsed() << " ms\n";
    out.flush();

    // The feed: another process, as in production.
    QProcess feed;
    feed.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    feed.start(QStringLiteral(INFRASIGHTCTL_PATH),
               {u"simulate"_s,
                u"--db"_s,
                database->conninfo(),
                u"--rate"_s,
                QString::number(sensors * hz),
                u"--duration"_s,
                QString::number(2 * seconds + 2 * warmup + 30),
                u"--seed"_s,
                u"7"_s});
    if (!feed.waitForStarted(10000)) {
        std::fprintf(stderr, "bench_livecharts: simulate did not start\n");
        return 1;
    }

    data::DbClient client;
    client.open(database->conninfo());
    data::PgReadingRepository readings(client);
    models::TimeSeriesModel model(readings);
    ui::LiveChartPanel panel(&model);
    panel.resize(parser.value(widthOption).toInt(), parser.value(heightOption).toInt());
    panel.show();
    waitMs(1000);
    auto ids = database->connection().exec(u"SELECT id FROM sensor ORDER BY id"_s);
    if (!ids) {
        return 1;
    }
    for (int row = 0; row < ids->rowCount(); ++row) {
        model.addSensor(ids->toInt(row, 0));
    }
    waitMs(warmup * 1000);

    out << "live charts: " << sensors << " sensors at " << hz << " Hz (" << sensors * hz
        << " readings/s), " << panel.charts().size() << " charts, panel " << panel.width() << "x"
        << panel.height() << ", plot "
        << (panel.charts().isEmpty() ? 0 : panel.charts().first()->plotColumns())
        << " px wide, 15 min range\n";
    const Phase followed = measure(panel, model, seconds);
    out << QStringLiteral("redraw once per pixel column (%1 ms): CPU %2 % of one core, %3 "
                          "redraws/s, %4 readings/s taken in, %5 of %6 series live, at most %7 "
                          "points per pixel column\n")
               .arg(panel.redrawIntervalMs())
               .arg(followed.cpuShare * 100.0, 0, 'f', 1)
               .arg(followed.redrawsPerSecond, 0, 'f', 2)
               .arg(followed.readingsPerSecond, 0, 'f', 0)
               .arg(followed.liveSeries)
               .arg(sensors)
               .arg(followed.worstPointsPerColumn, 0, 'f', 2);
    out.flush();

    // For comparison: a redraw at every 10 Hz tick.
    QTimer everyTick;
    QObject::connect(&everyTick, &QTimer::timeout, &panel, &ui::LiveChartPanel::redrawNow);
    everyTick.start(100);
    const Phase ticked = measure(panel, model, seconds);
    everyTick.stop();
    out << QStringLiteral("redraw at every 10 Hz tick (for comparison): CPU %1 % of one core, "
                          "%2 redraws/s\n")
               .arg(ticked.cpuShare * 100.0, 0, 'f', 1)
               .arg(ticked.redrawsPerSecond, 0, 'f', 2);
    out.flush();

    feed.terminate();
    feed.waitForFinished(10000);
    const bool ok = followed.worstPointsPerColumn <= 2.0 && followed.readingsPerSecond > 0.0;
    if (!ok) {
        std::fprintf(stderr,
                     "bench_livecharts: no readings arrived or a series held more than "
                     "two points per column\n");
    }
    return ok ? 0 : 1;
}
