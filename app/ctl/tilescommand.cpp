// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/ctl/tilescommand.h"

#include "app/ctl/commandcontext.h"
#include "gis/proj/gdalsetup.h"
#include "gis/proj/osmreader.h"
#include "ui/render/basemapdata.h"
#include "ui/render/basemaprenderer.h"
#include "ui/render/tilebuilder.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTextStream>
#include <QThreadPool>

#include <atomic>
#include <csignal>
#include <optional>

namespace infrasight::app {

namespace {

std::atomic_bool s_interrupted{false};

extern "C" void onTilesInterrupt(int)
{
    s_interrupted.store(true);
}

std::optional<gis::GeoBounds> parseBounds(const QString &text)
{
    const QStringList parts = text.split(u',');
    if (parts.size() != 4) {
        return std::nullopt;
    }
    double values[4];
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        values[i] = parts[i].trimmed().toDouble(&ok);
        if (!ok) {
            return std::nullopt;
        }
    }
    const gis::GeoBounds bounds(values[0], values[1], values[2], values[3]);
    if (!bounds.isValid() || bounds.crossesAntimeridian()) {
        return std::nullopt;
    }
    return bounds;
}

} // namespace

int runTilesCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "tiles build: renders an offline basemap (MBTiles, PNG) from an OpenStreetMap extract "
        "(© OpenStreetMap contributors, ODbL) with Infrasight's own renderer. Tiles already in "
        "the file are kept, so an interrupted build resumes."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("build"), QStringLiteral("Build a basemap."));
    const QCommandLineOption osmOption(QStringLiteral("osm"),
                                       QStringLiteral("OpenStreetMap extract (.osm.pbf or .osm)."),
                                       QStringLiteral("file"));
    const QCommandLineOption outOption(QStringLiteral("out"),
                                       QStringLiteral("MBTiles file to write (created if "
                                                      "missing, resumed if half-built)."),
                                       QStringLiteral("file"));
    const QCommandLineOption zoomOption(QStringLiteral("zoom"),
                                        QStringLiteral("Zoom range, e.g. 12-18 (default)."),
                                        QStringLiteral("min-max"),
                                        QStringLiteral("12-18"));
    const QCommandLineOption boundsOption(QStringLiteral("bounds"),
                                          QStringLiteral("Area to cover in degrees, "
                                                         "west,south,east,north (default: the "
                                                         "extract's bounds)."),
                                          QStringLiteral("w,s,e,n"));
    const QCommandLineOption scaleOption(QStringLiteral("scale"),
                                         QStringLiteral("1 for 256-px tiles (default), 2 for "
                                                        "512-px @2x tiles."),
                                         QStringLiteral("n"),
                                         QStringLiteral("1"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"),
                                           QStringLiteral("Rendering threads (default: one per "
                                                          "core)."),
                                           QStringLiteral("n"));
    const QCommandLineOption nameOption(QStringLiteral("name"),
                                        QStringLiteral("The basemap's name in its metadata "
                                                       "(default: the output file's name)."),
                                        QStringLiteral("text"));
    parser.addOptions(
        {osmOption, outOption, zoomOption, boundsOption, scaleOption, threadsOption, nameOption});

    QTextStream err(stderr);
    QTextStream out(stdout);
    if (!parser.parse(QStringList{QStringLiteral("infrasightctl tiles")} + arguments)) {
        err << parser.errorText() << Qt::endl;
        return int(ExitCode::Usage);
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return int(ExitCode::Success);
    }
    const QStringList positional = parser.positionalArguments();
    if (positional != QStringList{QStringLiteral("build")}) {
        return CommandContext::reportUsageError(QStringLiteral("tiles needs the word 'build'"),
                                                parser.helpText());
    }
    if (!parser.isSet(osmOption) || !parser.isSet(outOption)) {
        return CommandContext::reportUsageError(QStringLiteral("tiles build needs --osm and --out"),
                                                parser.helpText());
    }
    const QRegularExpression zoomPattern(QStringLiteral("^(\\d{1,2})(?:-(\\d{1,2}))?$"));
    const auto zoomMatch = zoomPattern.match(parser.value(zoomOption));
    if (!zoomMatch.hasMatch()) {
        return CommandContext::reportUsageError(QStringLiteral("--zoom needs MIN-MAX, e.g. 12-18"),
                                                parser.helpText());
    }
    render::TileBuildOptions options;
    options.minZoom = zoomMatch.captured(1).toInt();
    options.maxZoom
        = zoomMatch.captured(2).isEmpty() ? options.minZoom : zoomMatch.captured(2).toInt();
    if (options.minZoom > options.maxZoom || options.maxZoom > 20) {
        return CommandContext::reportUsageError(QStringLiteral("--zoom: min must not exceed max, "
                                                               "max is 20"),
                                                parser.helpText());
    }
    bool ok = false;
    options.scale = parser.value(scaleOption).toInt(&ok);
    if (!ok || (options.scale != 1 && options.scale != 2)) {
        return CommandContext::reportUsageError(QStringLiteral("--scale is 1 or 2"),
                                                parser.helpText());
    }
    if (parser.isSet(threadsOption)) {
        const int threads = parser.value(threadsOption).toInt(&ok);
        if (!ok || threads < 1 || threads > 64) {
            return CommandContext::reportUsageError(QStringLiteral("--threads needs 1 to 64"),
                                                    parser.helpText());
        }
        QThreadPool::globalInstance()->setMaxThreadCount(threads);
    }
    std::optional<gis::GeoBounds> bounds;
    if (parser.isSet(boundsOption)) {
        bounds = parseBounds(parser.value(boundsOption));
        if (!bounds) {
            return CommandContext::reportUsageError(
                QStringLiteral("--bounds needs west,south,east,north in degrees"),
                parser.helpText());
        }
    }
    options.name = parser.value(nameOption);
    const QString osmPath = parser.value(osmOption);
    const QString outPath = parser.value(outOption);
    options.description = QStringLiteral("Offline basemap rendered by Infrasight from %1")
                              .arg(QFileInfo(osmPath).fileName());

    // GDAL reports every ring cut at the extract's edge at debug level; expected and harmless.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES")) {
        QLoggingCategory::setFilterRules(
            QStringLiteral("infrasight.gis.debug=false\ninfrasight.render.debug=false"));
    }
    gis::setupGdal();
    if (!bounds) {
        // The header bounds are cheap to read; with them a complete file needs no rendering.
        auto reader = gis::OsmReader::open(osmPath);
        if (!reader) {
            err << "cannot read " << osmPath << ": " << reader.error().toString() << Qt::endl;
            return int(ExitCode::Failure);
        }
        if (const auto header = (*reader)->headerBounds()) {
            bounds = *header;
        }
    }
    if (bounds) {
        options.bounds = *bounds;
        auto missing = render::TileBuilder(options).missingTileCount(outPath);
        if (!missing) {
            return CommandContext::reportError(missing.error());
        }
        if (*missing == 0) {
            out << "complete: " << QDir::toNativeSeparators(QFileInfo(outPath).absoluteFilePath())
                << " already holds every tile of zoom " << options.minZoom << '-' << options.maxZoom
                << Qt::endl;
            return int(ExitCode::Success);
        }
    }

    s_interrupted.store(false);
    const auto previousHandler = std::signal(SIGINT, onTilesInterrupt);
    QElapsedTimer clock;
    clock.start();
    err << "reading " << osmPath << Qt::endl;
    auto data = render::BasemapData::load(osmPath, {}, &s_interrupted);
    if (!data) {
        std::signal(SIGINT, previousHandler);
        return CommandContext::reportError(data.error());
    }
    const double loadSeconds = double(clock.elapsed()) / 1000.0;
    err << "read " << (*data)->areas().size() << " areas, " << (*data)->lines().size() << " lines, "
        << (*data)->places().size() << " places in " << QString::number(loadSeconds, 'f', 1) << " s"
        << Qt::endl;
    if (!bounds) {
        options.bounds = (*data)->extractBounds();
    }

    if (!QDir().mkpath(QFileInfo(outPath).absolutePath())) {
        std::signal(SIGINT, previousHandler);
        err << "cannot create the directory of " << outPath << Qt::endl;
        return int(ExitCode::Failure);
    }
    render::TileBuilder builder(options);
    builder.setCancelFlag(&s_interrupted);
    int lastPercent = -1;
    builder.setProgressCallback([&](const render::TileBuildProgress &p) {
        const qint64 todo = p.total - p.present;
        const int percent = todo > 0 ? int(p.rendered * 100 / todo) : 100;
        if (percent / 5 == lastPercent / 5 && p.rendered < todo) {
            return;
        }
        lastPercent = percent;
        err << '[' << QString::number(p.seconds, 'f', 1) << " s] tiles: " << p.present + p.rendered
            << " / " << p.total << " (" << percent << "% of " << todo << " to render)" << Qt::endl;
    });
    const render::BasemapRenderer renderer(*data);
    auto built = builder.build(outPath, renderer);
    std::signal(SIGINT, previousHandler);
    if (!built) {
        return CommandContext::reportError(built.error());
    }
    const double rate = built->seconds > 0 ? double(built->rendered) / built->seconds : 0.0;
    out << "wrote " << built->rendered << " tiles (" << built->present << " were already there, "
        << built->total << " in all, zoom " << options.minZoom << '-' << options.maxZoom << ") to "
        << QFileInfo(outPath).absoluteFilePath() << " in "
        << QString::number(built->seconds, 'f', 1) << " s: " << QString::number(rate, 'f', 1)
        << " tiles/s on " << QThreadPool::globalInstance()->maxThreadCount()
        << " threads (reading the extract took " << QString::number(loadSeconds, 'f', 1) << " s)"
        << Qt::endl;
    return int(ExitCode::Success);
}

} // namespace infrasight::app
