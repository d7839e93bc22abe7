// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: tiles per second building the offline basemap (infrasightctl tiles build) from an
// OSM extract into a temporary MBTiles file, on all cores (QtConcurrent over tiles).
// Usage: bench_tiles [--osm FILE] [--zoom MIN-MAX] [--scale 1|2]
//        (defaults: the Monaco extract, zoom 12-17, 256-px tiles)
#include "gis/proj/gdalsetup.h"
#include "ui/render/basemapdata.h"
#include "ui/render/basemaprenderer.h"
#include "ui/render/tilebuilder.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThreadPool>

using namespace infrasight;
using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption osmOption(
        u"osm"_s,
        u"OSM extract."_s,
        u"file"_s,
        qEnvironmentVariable("INFRASIGHT_SOURCE_DIR", QStringLiteral(INFRASIGHT_SOURCE_DIR))
            + u"/../shared/data/osm/monaco.osm.pbf"_s);
    const QCommandLineOption zoomOption(u"zoom"_s, u"Zoom range."_s, u"min-max"_s, u"12-17"_s);
    const QCommandLineOption scaleOption(u"scale"_s, u"1 or 2 (@2x)."_s, u"n"_s, u"1"_s);
    parser.addOptions({osmOption, zoomOption, scaleOption});
    parser.process(app);
    const QStringList zooms = parser.value(zoomOption).split(u'-');
    const int minZoom = zooms.value(0).toInt();
    const int maxZoom = zooms.size() > 1 ? zooms[1].toInt() : minZoom;

    QLoggingCategory::setFilterRules(u"infrasight.gis.debug=false"_s);
    gis::setupGdal();
    QTextStream out(stdout);
    QElapsedTimer timer;
    timer.start();
    auto data = render::BasemapData::load(parser.value(osmOption));
    if (!data) {
        out << "cannot load: " << data.error().toString() << Qt::endl;
        return 1;
    }
    const double loadMs = double(timer.nsecsElapsed()) / 1e6;

    QTemporaryDir dir;
    render::TileBuildOptions options;
    options.bounds = (*data)->extractBounds();
    options.minZoom = minZoom;
    options.maxZoom = maxZoom;
    options.scale = parser.value(scaleOption).toInt() == 2 ? 2 : 1;
    const render::BasemapRenderer renderer(*data);
    render::TileBuilder builder(options);
    const QString path = dir.filePath(u"bench.mbtiles"_s);
    auto built = builder.build(path, renderer);
    if (!built) {
        out << "build failed: " << built.error().toString() << Qt::endl;
        return 1;
    }
    out << "extract: " << QFileInfo(parser.value(osmOption)).fileName() << ", load "
        << QString::number(loadMs, 'f', 0) << " ms (" << (*data)->areas().size() << " areas, "
        << (*data)->lines().size() << " lines)\n"
        << "zoom " << minZoom << '-' << maxZoom << " @" << options.scale << "x: " << built->rendered
        << " tiles in " << QString::number(built->seconds, 'f', 2) << " s = "
        << QString::number(double(built->rendered) / std::max(built->seconds, 1e-9), 'f', 1)
        << " tiles/s on " << QThreadPool::globalInstance()->maxThreadCount() << " threads, "
        << QString::number(double(QFileInfo(path).size()) / 1e6, 'f', 1) << " MB" << Qt::endl;
    return 0;
}
