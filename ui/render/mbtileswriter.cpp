// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/render/mbtileswriter.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

namespace infrasight::render {

namespace {

QAtomicInteger<quint64> s_connectionCounter;

tl::unexpected<Error> sqlFailure(const QString &what, const QSqlError &error)
{
    return fail(ErrorCode::Io, what, error.text());
}

int tmsRow(const gis::TileKey &key)
{
    return (1 << key.z()) - 1 - key.y();
}

} // namespace

MbtilesWriter::MbtilesWriter(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{}

MbtilesWriter::~MbtilesWriter()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen()) {
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<MbtilesWriter>> MbtilesWriter::open(const QString &path)
{
    const QString name = QStringLiteral("infrasight-mbtiles-writer-%1")
                             .arg(s_connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<MbtilesWriter> writer(new MbtilesWriter(path, name));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    if (!db.open()) {
        return sqlFailure(QStringLiteral("cannot open %1").arg(path), db.lastError());
    }
    QSqlQuery query(db);
    const QString schema[] = {
        QStringLiteral("CREATE TABLE IF NOT EXISTS metadata (name text, value text)"),
        QStringLiteral("CREATE UNIQUE INDEX IF NOT EXISTS metadata_name ON metadata (name)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS tiles (zoom_level integer, tile_column "
                       "integer, tile_row integer, tile_data blob)"),
        QStringLiteral("CREATE UNIQUE INDEX IF NOT EXISTS tile_index ON tiles "
                       "(zoom_level, tile_column, tile_row)"),
    };
    for (const QString &statement : schema) {
        if (!query.exec(statement)) {
            return sqlFailure(QStringLiteral("%1 is not a writable MBTiles file").arg(path),
                              query.lastError());
        }
    }
    const QSqlRecord columns = db.record(QStringLiteral("tiles"));
    for (const char *column : {"zoom_level", "tile_column", "tile_row", "tile_data"}) {
        if (columns.indexOf(QLatin1StringView(column)) < 0) {
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("%1 has a tiles table without column %2")
                            .arg(path, QLatin1StringView(column)));
        }
    }
    return writer;
}

Result<void> MbtilesWriter::writeMetadata(const MbtilesMetadata &metadata)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    const gis::GeoBounds &b = metadata.bounds;
    const gis::LonLat center = b.center();
    const std::pair<QString, QString> rows[] = {
        {QStringLiteral("name"), metadata.name},
        {QStringLiteral("description"), metadata.description},
        {QStringLiteral("format"), metadata.format},
        {QStringLiteral("bounds"),
         QStringLiteral("%1,%2,%3,%4")
             .arg(b.westDeg(), 0, 'f', 7)
             .arg(b.southDeg(), 0, 'f', 7)
             .arg(b.eastDeg(), 0, 'f', 7)
             .arg(b.northDeg(), 0, 'f', 7)},
        {QStringLiteral("center"),
         QStringLiteral("%1,%2,%3")
             .arg(center.lonDeg, 0, 'f', 7)
             .arg(center.latDeg, 0, 'f', 7)
             .arg(metadata.centerZoom)},
        {QStringLiteral("minzoom"), QString::number(metadata.minZoom)},
        {QStringLiteral("maxzoom"), QString::number(metadata.maxZoom)},
        {QStringLiteral("attribution"), metadata.attribution},
        {QStringLiteral("type"), QStringLiteral("baselayer")},
        {QStringLiteral("version"), QStringLiteral("1.0")},
    };
    if (!db.transaction()) {
        return sqlFailure(QStringLiteral("cannot write %1").arg(m_path), db.lastError());
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO metadata (name, value) VALUES (?, ?)"));
    for (const auto &[name, value] : rows) {
        query.bindValue(0, name);
        query.bindValue(1, value);
        if (!query.exec()) {
            const QSqlError error = query.lastError();
            db.rollback();
            return sqlFailure(QStringLiteral("cannot write the metadata of %1").arg(m_path), error);
        }
    }
    if (!db.commit()) {
        return sqlFailure(QStringLiteral("cannot write the metadata of %1").arg(m_path),
                          db.lastError());
    }
    return {};
}

Result<QSet<gis::TileKey>> MbtilesWriter::existingTiles(int minZoom, int maxZoom)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT zoom_level, tile_column, tile_row FROM tiles "
                                 "WHERE zoom_level BETWEEN ? AND ?"));
    query.bindValue(0, minZoom);
    query.bindValue(1, maxZoom);
    if (!query.exec()) {
        return sqlFailure(QStringLiteral("cannot read the tiles of %1").arg(m_path),
                          query.lastError());
    }
    QSet<gis::TileKey> keys;
    while (query.next()) {
        const int z = query.value(0).toInt();
        const int x = query.value(1).toInt();
        const int row = query.value(2).toInt();
        const gis::TileKey key(z, x, (1 << z) - 1 - row);
        if (key.isValid()) {
            keys.insert(key);
        }
    }
    return keys;
}

Result<void>
MbtilesWriter::writeTiles(const std::vector<std::pair<gis::TileKey, QByteArray>> &tiles)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    if (!db.transaction()) {
        return sqlFailure(QStringLiteral("cannot write %1").arg(m_path), db.lastError());
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO tiles (zoom_level, tile_column, "
                                 "tile_row, tile_data) VALUES (?, ?, ?, ?)"));
    for (const auto &[key, bytes] : tiles) {
        query.bindValue(0, key.z());
        query.bindValue(1, key.x());
        query.bindValue(2, tmsRow(key));
        query.bindValue(3, bytes);
        if (!query.exec()) {
            const QSqlError error = query.lastError();
            db.rollback();
            return sqlFailure(QStringLiteral("cannot write tiles to %1").arg(m_path), error);
        }
    }
    if (!db.commit()) {
        return sqlFailure(QStringLiteral("cannot write tiles to %1").arg(m_path), db.lastError());
    }
    return {};
}

} // namespace infrasight::render
