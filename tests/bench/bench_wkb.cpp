// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: WKB decoding throughput, the per-frame cost of turning PostGIS rows into geometry.
// Usage: bench_wkb [--points N] [--repeat R]   (defaults: 1,000,000 points, 5 repeats)
#include "gis/core/wkb.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace infrasight;
using namespace Qt::StringLiterals;

namespace {

// Median wall time in milliseconds of running work() repeat times.
template<typename Work>
double medianMs(int repeat, Work work)
{
    std::vector<double> times;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption pointsOption(
        u"points"_s, u"Number of points."_s, u"n"_s, u"1000000"_s);
    const QCommandLineOption repeatOption(u"repeat"_s, u"Repetitions."_s, u"n"_s, u"5"_s);
    parser.addOptions({pointsOption, repeatOption});
    parser.process(app);
    const int points = std::max(1, parser.value(pointsOption).toInt());
    const int repeat = std::max(1, parser.value(repeatOption).toInt());

    // One long line (a water main network as one geometry) ...
    gis::LineString line;
    line.points.reserve(size_t(points));
    for (int i = 0; i < points; ++i) {
        line.points.emplace_back(7.40 + i * 1e-7, 43.72 + (i % 1000) * 1e-6);
    }
    const QByteArray lineWkb = gis::encodeWkb(gis::Geometry(line));
    // ... and as many single points, one WKB value per asset row, as a viewport query returns.
    std::vector<QByteArray> pointWkbs;
    pointWkbs.reserve(size_t(points));
    for (const QPointF &p : line.points) {
        pointWkbs.push_back(gis::encodeWkb(gis::Geometry(gis::Point{p})));
    }

    qint64 decoded = 0;
    const double lineMs = medianMs(repeat, [&] {
        auto geometry = gis::decodeWkb(lineWkb);
        decoded += geometry ? geometry->pointCount() : 0;
    });
    const double pointsMs = medianMs(repeat, [&] {
        for (const QByteArray &wkb : pointWkbs) {
            auto geometry = gis::decodeWkb(wkb);
            decoded += geometry ? 1 : 0;
        }
    });
    if (decoded != qint64(points) * 2 * repeat) {
        QTextStream(stderr) << "decoding failed: " << decoded << " points decoded\n";
        return 1;
    }
    QTextStream out(stdout);
    out << "WKB decoding, median of " << repeat << " runs\n";
    out << "case                          points      ms   Mpoints/s\n";
    out << u"one linestring           %1  %2  %3\n"_s.arg(points, 11)
               .arg(lineMs, 7, 'f', 2)
               .arg(points / lineMs / 1000.0, 9, 'f', 1);
    out << u"one WKB per point        %1  %2  %3\n"_s.arg(points, 11)
               .arg(pointsMs, 7, 'f', 2)
               .arg(points / pointsMs / 1000.0, 9, 'f', 1);
    return 0;
}
