// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: decimation of a long series for a chart (models/decimation.h): LTTB of --points
// points to --threshold, and min/max per column for the same width, median of --repeat runs.
//
// Usage: bench_decimation [--points 1000000] [--threshold 2000] [--repeat 9]
#include "models/decimation.h"
#include "tests/support/benchfigures.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

using infrasight::models::Decimation;
using namespace Qt::StringLiterals;

namespace {

double medianMs(int repeat, const std::function<size_t()> &run, size_t &kept)
{
    std::vector<double> times;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer timer;
        timer.start();
        kept = run();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return infrasight::tests::percentile(std::move(times), 0.5);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption pointsOption(u"points"_s, u"Series length."_s, u"n"_s, u"1000000"_s);
    const QCommandLineOption thresholdOption(
        u"threshold"_s, u"Points (LTTB) or columns (min/max)."_s, u"n"_s, u"2000"_s);
    const QCommandLineOption repeatOption(u"repeat"_s, u"Repetitions."_s, u"n"_s, u"9"_s);
    parser.addOptions({pointsOption, thresholdOption, repeatOption});
    parser.process(app);
    const int n = std::max(3, parser.value(pointsOption).toInt());
    const int threshold = std::max(3, parser.value(thresholdOption).toInt());
    const int repeat = std::max(1, parser.value(repeatOption).toInt());

    std::vector<QPointF> points;
    points.reserve(size_t(n));
    for (int i = 0; i < n; ++i) {
        points.emplace_back(1000.0 * i, 10.0 + 3.0 * std::sin(i / 500.0) + std::sin(i * 12.9898));
    }
    size_t lttbKept = 0;
    size_t minMaxKept = 0;
    const double lttbMs = medianMs(
        repeat, [&] { return Decimation::lttb(points, threshold).size(); }, lttbKept);
    const double minMaxMs = medianMs(
        repeat,
        [&] {
            return Decimation::minMaxPerColumn(
                       points, points.front().x(), points.back().x() + 1.0, threshold)
                .size();
        },
        minMaxKept);
    QTextStream out(stdout);
    out << "algorithm        points      kept   median ms" << Qt::endl;
    out << QStringLiteral("LTTB        %1 %2 %3")
               .arg(n, 10)
               .arg(lttbKept, 9)
               .arg(lttbMs, 11, 'f', 2)
        << Qt::endl;
    out << QStringLiteral("min/max     %1 %2 %3")
               .arg(n, 10)
               .arg(minMaxKept, 9)
               .arg(minMaxMs, 11, 'f', 2)
        << Qt::endl;
    return 0;
}
