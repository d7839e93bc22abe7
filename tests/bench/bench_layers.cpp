// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: asset layers from PostGIS at city scale (issue "Asset layers ..."): for 10k, 100k and
// 1M point assets, 200k lines and 200k polygons in a Monaco-sized city, the time from request to
// a complete 1920x1080 frame at the full city extent and at a 1/16 extent (from a warm database,
// with an empty client cache), the re-render from memory, the viewport statements' p50/p95 and
// the memory per feature. The console's own parts run: AssetLayerLoader (models) fetching tiles
// through a DbClient, LayerRenderScheduler (ui/render) rendering on worker threads.
//
// Usage: bench_layers [--db CONNINFO] [--points 10000,100000,1000000] [--lines 200000]
//                     [--polygons 200000] [--width 1920 --height 1080] [--repeat 5]
// Without --db it creates (and drops) a database on the server of INFRASIGHT_TEST_DSN.
// Acceptance (1M points): first frame <= 1000 ms, re-render <= 50 ms, statement p95 <= 50 ms,
// resident memory growth <= 150 MB.
#include "data/assetqueries.h"
#include "data/dbclient.h"
#include "data/pgconnection.h"
#include "gis/core/lonlat.h"
#include "gis/core/mercator.h"
#include "models/assetlayerloader.h"
#include "tests/support/benchfigures.h"
#include "tests/support/migrateddatabase.h"
#include "ui/render/layerrenderscheduler.h"
#include "ui/render/mapviewport.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <optional>
#include <vector>

#include <unistd.h>

using namespace infrasight;
using namespace Qt::StringLiterals;
using infrasight::tests::parseCounts;
using infrasight::tests::percentile;

namespace {

// The demo city's extent (Monaco), lon/lat.
constexpr double West = 7.4090;
constexpr double East = 7.4395;
constexpr double South = 43.7240;
constexpr double North = 43.7520;

int failWith(const QString &what, const Error &error)
{
    QTextStream(stderr) << "bench_layers: " << what << ": " << error.toString() << Qt::endl;
    return 1;
}

double residentMegabytes()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly)) {
        return 0.0;
    }
    const QList<QByteArray> fields = statm.readAll().split(' ');
    const double pages = fields.value(1).toDouble();
    return pages * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

/// Runs the event loop until done() holds or timeoutMs passed; false on timeout.
template<typename Done>
bool waitFor(Done done, int timeoutMs = 120000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs) {
            return false;
        }
        QEventLoop loop;
        QTimer::singleShot(1, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

struct Dataset
{
    QString label;
    QString typeCode;
    gis::FeatureKind kind = gis::FeatureKind::Point;
    qint64 count = 0;
    qint64 typeId = 0;
};

/// Creates one asset type and count random assets of it in the city (triggers off, as a bulk
/// load does), then rebuilds the cluster grid.
Result<qint64> generate(data::PgConnection &db, const Dataset &set)
{
    const QString kindName = set.kind == gis::FeatureKind::Point  ? u"point"_s
                             : set.kind == gis::FeatureKind::Line ? u"line"_s
                                                                  : u"polygon"_s;
    auto type = db.exec(u"INSERT INTO asset_type (code, name, geometry_kind, symbol) "
                        "VALUES ($1, $2, $3, 'lighting') RETURNING id"_s,
                        {set.typeCode, set.label, kindName});
    if (!type) {
        return tl::unexpected(type.error());
    }
    const qint64 typeId = type->toInt(0, 0);
    // x, y: a random position in the city; lines 5 vertices over ~60 m, polygons ~20 m squares.
    QString geometry;
    switch (set.kind) {
    case gis::FeatureKind::Point:
        geometry = u"ST_SetSRID(ST_MakePoint(x, y), 4326)"_s;
        break;
    case gis::FeatureKind::Line:
        geometry = u"ST_SetSRID(ST_MakeLine(ARRAY[ST_MakePoint(x, y), "
                   "ST_MakePoint(x + 0.0002, y + 0.0001), ST_MakePoint(x + 0.0004, y - 0.0001), "
                   "ST_MakePoint(x + 0.0006, y + 0.0002), ST_MakePoint(x + 0.0008, y)]), 4326)"_s;
        break;
    default:
        geometry = u"ST_MakeEnvelope(x, y, x + 0.00025, y + 0.00018, 4326)"_s;
        break;
    }
    if (auto off = db.execScript(u"SET session_replication_role = replica"_s); !off) {
        return tl::unexpected(off.error());
    }
    auto inserted = db.exec(
        u"INSERT INTO asset (type_id, code, status, condition, geom) "
        "SELECT $1, $2 || '-' || g, CASE WHEN random() < 0.04 THEN 'faulty' ELSE 'active' END, "
        "1 + mod(g, 5), "_s
            + geometry
            + u" FROM (SELECT g, $3::float8 + random() * $4::float8 AS x, "
              "$5::float8 + random() * $6::float8 AS y FROM generate_series(1, $7::bigint) g) s"_s,
        {typeId, set.typeCode, West, East - West, South, North - South, set.count});
    if (!inserted) {
        return tl::unexpected(inserted.error());
    }
    if (auto done
        = db.execScript(u"SET session_replication_role = origin; "
                        "SELECT asset_cell_rebuild(), asset_type_count_rebuild(); ANALYZE asset"_s);
        !done) {
        return tl::unexpected(done.error());
    }
    return typeId;
}

struct Frame
{
    double firstFrameMs = 0.0;
    double rerenderMs = 0.0;
    double residentGrowthMb = 0.0;
    double bytesPerFeature = 0.0;
    qint64 features = 0;
    bool clusters = false;
    std::vector<data::Statement> statements; ///< what the loader sent for this view
};

models::LayerRequest requestFor(const Dataset &set)
{
    models::LayerRequest request;
    request.key = u"asset:"_s + set.typeCode;
    request.typeId = set.typeId;
    request.kind = set.kind;
    request.minZoom = 0;
    request.maxZoom = 22;
    request.clusterBelowZoom = 17;
    return request;
}

/// Loads and renders one view with a fresh loader (empty cache) and scheduler.
std::optional<Frame> measureFrame(const QString &conninfo,
                                  const Dataset &set,
                                  const render::MapViewport &viewport,
                                  int repeat)
{
    data::DbClient client;
    client.open(conninfo);
    if (!waitFor([&] { return client.state() == data::ConnectionState::Connected; }, 30000)) {
        return std::nullopt;
    }
    Frame frame;
    QObject::connect(
        &client,
        &data::DbClient::statementSubmitted,
        [&frame](data::QueryId, const QString &sql, const QVariantList &params) {
            frame.statements.push_back(data::Statement{sql, params, data::ResultFormat::Binary});
        });
    const double residentBefore = residentMegabytes();
    models::AssetLayerLoader loader(&client);
    render::LayerRenderScheduler scheduler;
    const models::LayerRequest request = requestFor(set);

    QElapsedTimer timer;
    timer.start();
    loader.setLayers({request});
    loader.setView(viewport.extentMeters(), viewport.zoom());
    if (!waitFor([&] { return loader.content(request.key).complete && !loader.isLoading(); })) {
        QTextStream(stderr) << "bench_layers: the view did not load" << Qt::endl;
        return std::nullopt;
    }
    models::LayerContent content = loader.content(request.key);
    render::LayerRenderInput input;
    input.key = request.key;
    input.blocks = content.blocks;
    input.style.kind = set.kind;
    input.style.symbol = u"lighting"_s;
    input.revision = content.revision;
    scheduler.setViewport(viewport);
    scheduler.setLayers({input});
    scheduler.renderNow();
    if (!waitFor([&] { return scheduler.isIdle(); })) {
        return std::nullopt;
    }
    frame.firstFrameMs = double(timer.nsecsElapsed()) / 1e6;
    frame.residentGrowthMb = residentMegabytes() - residentBefore;
    frame.clusters = content.clusters;
    for (const gis::FeatureBlock &block : content.blocks) {
        frame.features += block.featureCount();
    }
    frame.bytesPerFeature = content.clusters || frame.features == 0
                                ? 0.0
                                : double(loader.cacheBytes()) / double(frame.features);

    std::vector<double> rerenders;
    for (int i = 0; i < repeat; ++i) {
        ++input.revision;
        timer.restart();
        scheduler.setLayers({input});
        scheduler.renderNow();
        if (!waitFor([&] { return scheduler.isIdle(); })) {
            return std::nullopt;
        }
        rerenders.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    frame.rerenderMs = percentile(rerenders, 0.5);
    return frame;
}

/// Runs each statement `repeat` times on a plain connection; returns every duration in ms.
std::vector<double>
timeStatements(data::PgConnection &db, const std::vector<data::Statement> &statements, int repeat)
{
    std::vector<double> durations;
    QElapsedTimer timer;
    for (int r = 0; r < repeat; ++r) {
        for (const data::Statement &statement : statements) {
            timer.restart();
            (void)db.exec(statement.sql, statement.params, statement.format);
            durations.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
    }
    return durations;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QGuiApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"infrasight.*.debug=false"_s);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dbOption(u"db"_s, u"libpq connection string."_s, u"conninfo"_s);
    const QCommandLineOption pointsOption(
        u"points"_s, u"Point layer sizes, comma-separated."_s, u"n,n"_s, u"10000,100000,1000000"_s);
    const QCommandLineOption linesOption(u"lines"_s, u"Lines (0: none)."_s, u"n"_s, u"200000"_s);
    const QCommandLineOption polygonsOption(
        u"polygons"_s, u"Polygons (0: none)."_s, u"n"_s, u"200000"_s);
    const QCommandLineOption widthOption(u"width"_s, u"Frame width."_s, u"px"_s, u"1920"_s);
    const QCommandLineOption heightOption(u"height"_s, u"Frame height."_s, u"px"_s, u"1080"_s);
    const QCommandLineOption repeatOption(u"repeat"_s, u"Repetitions."_s, u"n"_s, u"5"_s);
    parser.addOptions({dbOption,
                       pointsOption,
                       linesOption,
                       polygonsOption,
                       widthOption,
                       heightOption,
                       repeatOption});
    parser.process(app);
    const int repeat = std::max(1, parser.value(repeatOption).toInt());
    const QSize size(parser.value(widthOption).toInt(), parser.value(heightOption).toInt());

    auto bench = tests::MigratedDatabase::open(parser.value(dbOption));
    if (!bench) {
        return failWith(u"no database"_s, bench.error());
    }
    const QString conninfo = bench->conninfo();
    data::PgConnection &db = bench->connection();

    std::vector<Dataset> sets;
    for (const qint64 n : parseCounts(parser.value(pointsOption))) {
        sets.push_back(
            {u"%1 points"_s.arg(n), u"bench_points_%1"_s.arg(n), gis::FeatureKind::Point, n, 0});
    }
    if (const qint64 n = parser.value(linesOption).toLongLong(); n > 0) {
        sets.push_back({u"%1 lines"_s.arg(n), u"bench_lines"_s, gis::FeatureKind::Line, n, 0});
    }
    if (const qint64 n = parser.value(polygonsOption).toLongLong(); n > 0) {
        sets.push_back(
            {u"%1 polygons"_s.arg(n), u"bench_polygons"_s, gis::FeatureKind::Polygon, n, 0});
    }
    QTextStream out(stdout);
    QElapsedTimer timer;
    for (Dataset &set : sets) {
        timer.restart();
        auto typeId = generate(db, set);
        if (!typeId) {
            return failWith(u"cannot generate "_s + set.label, typeId.error());
        }
        set.typeId = *typeId;
        out << "generated " << set.label << " in " << double(timer.elapsed()) / 1000.0 << " s"
            << Qt::endl;
    }

    const QPointF southWest = gis::lonLatToMercatorMeters(gis::LonLat{West, South});
    const QPointF northEast = gis::lonLatToMercatorMeters(gis::LonLat{East, North});
    const QRectF city = QRectF(southWest, northEast).normalized();
    const render::MapViewport full = render::MapViewport(city.center(), 15.0, size).fittedTo(city);
    const render::MapViewport sixteenth = full.withZoom(full.zoom() + 2.0);

    out << Qt::endl
        << "layer            view     zoom  content   features  first frame  re-render  "
           "stmts  p50 ms  p95 ms  bytes/feat  RSS +MB"
        << Qt::endl;
    for (const Dataset &set : sets) {
        for (const auto &[name, viewport] :
             {std::pair{u"full"_s, full}, std::pair{u"1/16"_s, sixteenth}}) {
            // Warm the database's cache with one load, then measure with an empty client cache.
            if (!measureFrame(conninfo, set, viewport, 1)) {
                return 1;
            }
            const std::optional<Frame> frame = measureFrame(conninfo, set, viewport, repeat);
            if (!frame) {
                return 1;
            }
            const std::vector<double> durations = timeStatements(db, frame->statements, repeat);
            out << QStringLiteral("%1 %2 %3  %4 %5 %6 ms %7 ms %8 %9 %10 %11 %12")
                       .arg(set.label, -16)
                       .arg(name, -6)
                       .arg(viewport.zoom(), 5, 'f', 1)
                       .arg(frame->clusters ? u"clusters"_s : u"features"_s, -8)
                       .arg(frame->features, 9)
                       .arg(frame->firstFrameMs, 10, 'f', 0)
                       .arg(frame->rerenderMs, 8, 'f', 1)
                       .arg(qsizetype(frame->statements.size()), 6)
                       .arg(percentile(durations, 0.5), 7, 'f', 1)
                       .arg(percentile(durations, 0.95), 7, 'f', 1)
                       .arg(frame->bytesPerFeature, 11, 'f', 0)
                       .arg(frame->residentGrowthMb, 8, 'f', 0)
                << Qt::endl;
        }
    }
    return 0;
}
