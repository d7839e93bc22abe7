// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/render/mbtilessource.h"

#include "gis/core/mercator.h"
#include "ui/render/logging.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QFuture>
#include <QHash>
#include <QImage>
#include <QMutex>
#include <QMutexLocker>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace infrasight::render {

namespace {

QAtomicInteger<quint64> connectionCounter;

QString uniqueConnectionName(const char *purpose)
{
    return QStringLiteral("infrasight-mbtiles-%1-%2")
        .arg(QString::fromLatin1(purpose))
        .arg(connectionCounter.fetchAndAddRelaxed(1));
}

/// Opens path read-only under connectionName in the calling thread.
Result<QSqlDatabase> openReadOnly(const QString &path, const QString &connectionName)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!db.open()) {
        return fail(ErrorCode::Io,
                    QStringLiteral("Cannot open the MBTiles file %1.").arg(path),
                    db.lastError().text());
    }
    return db;
}

QImage decodeTile(const QByteArray &data, int tileSizePx)
{
    QImage image = QImage::fromData(data);
    if (image.isNull()) {
        return image;
    }
    image = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    if (image.width() >= 2 * tileSizePx) {
        image.setDevicePixelRatio(static_cast<qreal>(image.width()) / tileSizePx);
    }
    return image;
}

Result<TileSourceInfo> readInfo(QSqlDatabase &db, const QString &path)
{
    const QString notMbTiles = QStringLiteral("%1 is not an MBTiles file.").arg(path);
    QSqlQuery tables(db);
    if (!tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type IN ('table', "
                                    "'view') AND name IN ('tiles', 'metadata')"))) {
        return fail(ErrorCode::InvalidArgument, notMbTiles, tables.lastError().text());
    }
    QSet<QString> names;
    while (tables.next()) {
        names.insert(tables.value(0).toString());
    }
    if (!names.contains(QStringLiteral("tiles")) || !names.contains(QStringLiteral("metadata"))) {
        return fail(ErrorCode::InvalidArgument,
                    notMbTiles,
                    QStringLiteral("it has no tiles and metadata tables"));
    }

    QHash<QString, QString> metadata;
    QSqlQuery meta(db);
    if (!meta.exec(QStringLiteral("SELECT name, value FROM metadata"))) {
        return fail(ErrorCode::InvalidArgument, notMbTiles, meta.lastError().text());
    }
    while (meta.next()) {
        metadata.insert(meta.value(0).toString().trimmed().toLower(), meta.value(1).toString());
    }

    const QString format
        = metadata.value(QStringLiteral("format"), QStringLiteral("png")).toLower();
    if (format == u"pbf" || format == u"mvt") {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 holds vector tiles (%2); only raster MBTiles can be shown.")
                        .arg(path, format));
    }
    if (format != u"png" && format != u"jpg" && format != u"jpeg" && format != u"webp") {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 has tiles in an unknown format \"%2\".").arg(path, format));
    }

    TileSourceInfo info;
    info.name = metadata.value(QStringLiteral("name"));
    if (info.name.trimmed().isEmpty()) {
        info.name = QFileInfo(path).completeBaseName();
    }
    info.attribution = metadata.value(QStringLiteral("attribution"));
    info.tileSizePx = gis::DefaultTileSizePx;

    bool minOk = false;
    bool maxOk = false;
    info.minZoom = metadata.value(QStringLiteral("minzoom")).toInt(&minOk);
    info.maxZoom = metadata.value(QStringLiteral("maxzoom")).toInt(&maxOk);
    if (!minOk || !maxOk) {
        // Optional in MBTiles 1.3: take them from the tiles.
        QSqlQuery zooms(db);
        if (!zooms.exec(QStringLiteral("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles"))
            || !zooms.next()) {
            return fail(ErrorCode::InvalidArgument, notMbTiles, zooms.lastError().text());
        }
        if (!minOk) {
            info.minZoom = zooms.value(0).isNull() ? 0 : zooms.value(0).toInt();
        }
        if (!maxOk) {
            info.maxZoom = zooms.value(1).isNull() ? 0 : zooms.value(1).toInt();
        }
    }
    if (info.minZoom < 0 || info.maxZoom > gis::TileKey::MaxZoom || info.minZoom > info.maxZoom) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 has an impossible zoom range %2-%3.")
                        .arg(path)
                        .arg(info.minZoom)
                        .arg(info.maxZoom));
    }

    const QStringList bounds = metadata.value(QStringLiteral("bounds")).split(u',');
    if (bounds.size() == 4) {
        bool ok[4] = {};
        const gis::GeoBounds box(bounds[0].trimmed().toDouble(&ok[0]),
                                 bounds[1].trimmed().toDouble(&ok[1]),
                                 bounds[2].trimmed().toDouble(&ok[2]),
                                 bounds[3].trimmed().toDouble(&ok[3]));
        if (ok[0] && ok[1] && ok[2] && ok[3] && box.isValid()) {
            info.bounds = box;
        }
    }

    // One tile tells whether the file holds @2x (512 px) tiles.
    QSqlQuery sample(db);
    if (!sample.exec(QStringLiteral("SELECT tile_data FROM tiles LIMIT 1"))) {
        return fail(ErrorCode::InvalidArgument, notMbTiles, sample.lastError().text());
    }
    if (sample.next()) {
        const QImage image = QImage::fromData(sample.value(0).toByteArray());
        info.offersHighDpi = !image.isNull() && image.width() >= 2 * info.tileSizePx;
    }
    return info;
}

} // namespace

/// State shared between the source (GUI thread) and its worker thread.
struct MbTilesShared
{
    QString path;
    QString connectionName;
    int tileSizePx = gis::DefaultTileSizePx;
    QMutex mutex;
    QSet<gis::TileKey> wanted;

    bool isWanted(const gis::TileKey &key)
    {
        const QMutexLocker lock(&mutex);
        return wanted.contains(key);
    }
};

namespace {

struct ReadOutcome
{
    enum class Kind { Skipped, Ready, Missing, Error };
    Kind kind = Kind::Skipped;
    QImage image;
    QString message;
};

/// Runs on the worker thread: reads and decodes one tile with that thread's connection.
ReadOutcome readTile(MbTilesShared &shared, const gis::TileKey &key)
{
    if (!shared.isWanted(key)) {
        return {};
    }
    QSqlDatabase db = QSqlDatabase::database(shared.connectionName, false);
    if (!db.isValid()) {
        auto opened = openReadOnly(shared.path, shared.connectionName);
        if (!opened) {
            return {ReadOutcome::Kind::Error, {}, opened.error().toString()};
        }
        db = *opened;
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT tile_data FROM tiles WHERE zoom_level = ? AND "
                                 "tile_column = ? AND tile_row = ?"));
    query.addBindValue(key.z());
    query.addBindValue(key.x());
    query.addBindValue(MbTilesSource::tmsRow(key.z(), key.y()));
    if (!query.exec()) {
        return {ReadOutcome::Kind::Error,
                {},
                QStringLiteral("Cannot read %1: %2").arg(shared.path, query.lastError().text())};
    }
    if (!query.next()) {
        return {ReadOutcome::Kind::Missing, {}, QStringLiteral("the file has no such tile")};
    }
    QImage image = decodeTile(query.value(0).toByteArray(), shared.tileSizePx);
    if (image.isNull()) {
        return {ReadOutcome::Kind::Missing, {}, QStringLiteral("the tile's data is not an image")};
    }
    return {ReadOutcome::Kind::Ready, std::move(image), {}};
}

} // namespace

struct MbTilesSource::Private
{
    TileSourceInfo info;
    std::shared_ptr<MbTilesShared> shared;
    QThreadPool pool;
    QSet<gis::TileKey> queued; ///< submitted to the worker, outcome not yet back
    QSet<gis::TileKey> wanted; ///< GUI-side copy of shared->wanted
    bool reportedError = false;
    QTimer refusedTimer;         ///< reports refused keys from the event loop
    QList<gis::TileKey> refused; ///< keys outside the zoom range, not yet reported

    void cancelAll();
};

Result<TileSourceInfo> MbTilesSource::inspect(const QString &path)
{
    const QFileInfo file(path);
    if (!file.exists()) {
        return fail(ErrorCode::NotFound,
                    QStringLiteral("The MBTiles file %1 does not exist.").arg(path));
    }
    if (!file.isFile() || !file.isReadable()) {
        return fail(ErrorCode::Io, QStringLiteral("The MBTiles file %1 cannot be read.").arg(path));
    }
    const QString name = uniqueConnectionName("inspect");
    Result<TileSourceInfo> info = [&]() -> Result<TileSourceInfo> {
        auto db = openReadOnly(path, name);
        if (!db) {
            return tl::unexpected(db.error());
        }
        auto result = readInfo(*db, path);
        db->close();
        return result;
    }();
    QSqlDatabase::removeDatabase(name);
    return info;
}

Result<std::unique_ptr<MbTilesSource>> MbTilesSource::open(const QString &path, QObject *parent)
{
    auto info = inspect(path);
    if (!info) {
        return tl::unexpected(info.error());
    }
    return std::unique_ptr<MbTilesSource>(new MbTilesSource(path, *info, parent));
}

MbTilesSource::MbTilesSource(const QString &path, TileSourceInfo info, QObject *parent)
    : TileSource(parent)
    , m_d(std::make_unique<Private>())
{
    m_d->info = std::move(info);
    m_d->shared = std::make_shared<MbTilesShared>();
    m_d->shared->path = path;
    m_d->shared->connectionName = uniqueConnectionName("read");
    m_d->shared->tileSizePx = m_d->info.tileSizePx;
    // One thread that never expires: the worker's SQLite connection stays on the thread that
    // opened it, as Qt SQL requires.
    m_d->refusedTimer.setSingleShot(true);
    m_d->refusedTimer.setInterval(0);
    connect(&m_d->refusedTimer, &QTimer::timeout, this, [this] {
        for (const gis::TileKey &key : std::exchange(m_d->refused, {})) {
            Q_EMIT tileFailed(key, QStringLiteral("outside the file's zoom range"));
        }
    });
    m_d->pool.setMaxThreadCount(1);
    m_d->pool.setExpiryTimeout(-1);
}

MbTilesSource::~MbTilesSource()
{
    m_d->cancelAll();
    const std::shared_ptr<MbTilesShared> shared = m_d->shared;
    m_d->pool.start([shared] {
        {
            QSqlDatabase db = QSqlDatabase::database(shared->connectionName, false);
            if (db.isValid()) {
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(shared->connectionName);
    });
    m_d->pool.waitForDone();
}

TileSourceInfo MbTilesSource::info() const
{
    return m_d->info;
}

QString MbTilesSource::path() const
{
    return m_d->shared->path;
}

void MbTilesSource::request(const QList<gis::TileKey> &keys, qreal devicePixelRatio)
{
    Q_UNUSED(devicePixelRatio) // the file has one tile size; @2x files are used as they are
    QList<gis::TileKey> refused;
    QList<gis::TileKey> wanted;
    for (const gis::TileKey &key : keys) {
        if (!key.isValid() || key.z() < m_d->info.minZoom || key.z() > m_d->info.maxZoom) {
            refused.append(key);
        } else if (!wanted.contains(key)) {
            wanted.append(key);
        }
    }
    m_d->wanted = QSet<gis::TileKey>(wanted.cbegin(), wanted.cend());
    {
        const QMutexLocker lock(&m_d->shared->mutex);
        m_d->shared->wanted = m_d->wanted;
    }
    for (const gis::TileKey &key : std::as_const(wanted)) {
        if (m_d->queued.contains(key)) {
            continue;
        }
        m_d->queued.insert(key);
        const std::shared_ptr<MbTilesShared> shared = m_d->shared;
        QtConcurrent::run(&m_d->pool, [shared, key] {
            return readTile(*shared, key);
        }).then(this, [this, key](const ReadOutcome &outcome) {
            m_d->queued.remove(key);
            switch (outcome.kind) {
            case ReadOutcome::Kind::Skipped:
                if (m_d->wanted.contains(key)) {
                    request(QList<gis::TileKey>(m_d->wanted.cbegin(), m_d->wanted.cend()), 1.0);
                }
                return;
            case ReadOutcome::Kind::Ready:
                Q_EMIT tileReady(key, outcome.image);
                return;
            case ReadOutcome::Kind::Missing:
                Q_EMIT tileFailed(key, outcome.message);
                return;
            case ReadOutcome::Kind::Error:
                qCWarning(lcRender) << "MBTiles read failed:" << outcome.message;
                if (!m_d->reportedError) {
                    m_d->reportedError = true;
                    Q_EMIT sourceError(outcome.message);
                }
                Q_EMIT tileFailed(key, outcome.message);
                return;
            }
        });
    }
    for (const gis::TileKey &key : std::as_const(refused)) {
        m_d->refused.append(key);
    }
    if (!m_d->refused.isEmpty()) {
        m_d->refusedTimer.start();
    }
}

void MbTilesSource::cancelAll()
{
    m_d->cancelAll();
}

void MbTilesSource::Private::cancelAll()
{
    wanted.clear();
    const QMutexLocker lock(&shared->mutex);
    shared->wanted.clear();
}

} // namespace infrasight::render
