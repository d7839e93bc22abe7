// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/mbtilesfixture.h"

#include <QBuffer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace infrasight::tests {

QByteArray encodePng(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

namespace {

Result<void> writeTables(QSqlDatabase &db,
                         const QList<QPair<gis::TileKey, QByteArray>> &tiles,
                         const QList<QPair<QString, QString>> &metadata)
{
    QSqlQuery query(db);
    const auto failed = [&query](const QString &what) {
        return fail(ErrorCode::Io, what, query.lastError().text());
    };
    if (!query.exec(QStringLiteral("CREATE TABLE metadata (name text, value text)"))
        || !query.exec(QStringLiteral("CREATE TABLE tiles (zoom_level integer, tile_column "
                                      "integer, tile_row integer, tile_data blob)"))
        || !query.exec(QStringLiteral("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, "
                                      "tile_column, tile_row)"))) {
        return failed(QStringLiteral("cannot create the MBTiles tables"));
    }
    for (const auto &[name, value] : metadata) {
        query.prepare(QStringLiteral("INSERT INTO metadata (name, value) VALUES (?, ?)"));
        query.addBindValue(name);
        query.addBindValue(value);
        if (!query.exec()) {
            return failed(QStringLiteral("cannot write metadata"));
        }
    }
    for (const auto &[key, data] : tiles) {
        query.prepare(QStringLiteral("INSERT INTO tiles VALUES (?, ?, ?, ?)"));
        query.addBindValue(key.z());
        query.addBindValue(key.x());
        query.addBindValue((1 << key.z()) - 1 - key.y());
        query.addBindValue(data);
        if (!query.exec()) {
            return failed(QStringLiteral("cannot write tile ") + key.toString());
        }
    }
    return {};
}

} // namespace

Result<void> writeMbTilesFixture(const QString &path,
                                 const QList<QPair<gis::TileKey, QByteArray>> &tiles,
                                 const QList<QPair<QString, QString>> &metadata)
{
    const QString connectionName = QStringLiteral("mbtiles-fixture-") + path;
    Result<void> written;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(path);
        written = db.open() ? writeTables(db, tiles, metadata)
                            : fail(ErrorCode::Io,
                                   QStringLiteral("cannot create ") + path,
                                   db.lastError().text());
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    return written;
}

} // namespace infrasight::tests
