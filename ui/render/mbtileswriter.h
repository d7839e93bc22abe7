// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/geobounds.h"
#include "gis/core/result.h"
#include "gis/core/tilekey.h"

#include <QByteArray>
#include <QSet>
#include <QString>

#include <memory>
#include <utility>
#include <vector>

namespace infrasight::render {

/// The metadata table of an MBTiles 1.3 file (mapbox/mbtiles-spec 1.3/spec.md).
struct MbtilesMetadata
{
    QString name;
    QString description;
    QString format = QStringLiteral("png");
    QString attribution = QStringLiteral("© OpenStreetMap contributors");
    gis::GeoBounds bounds;
    int minZoom = 0;
    int maxZoom = 0;
    /// The zoom of the "center" entry; its position is the centre of bounds.
    int centerZoom = 0;
};

/// Writes raster tiles into an MBTiles 1.3 file through Qt's SQLite driver: creates the schema
/// (metadata and tiles tables with unique indexes) if the file is new, keeps what an earlier,
/// interrupted build wrote, and inserts tiles in batched transactions. Tiles are addressed
/// as XYZ keys; rows are flipped to TMS (tile_row = 2^z - 1 - y) on the way in and out.
/// One writer owns one SQLite connection: use it on the thread that opened it only.
class MbtilesWriter
{
public:
    /// Opens or creates the file. Fails with ErrorCode::Io if SQLite cannot open it or it is
    /// not an SQLite database, and with ErrorCode::InvalidArgument if it is an SQLite file
    /// whose tiles table does not have the MBTiles columns.
    [[nodiscard]] static Result<std::unique_ptr<MbtilesWriter>> open(const QString &path);

    ~MbtilesWriter();
    MbtilesWriter(const MbtilesWriter &) = delete;
    MbtilesWriter &operator=(const MbtilesWriter &) = delete;

    /// Replaces the metadata rows: name, description, format, bounds, center, minzoom,
    /// maxzoom, attribution, type=baselayer, version.
    [[nodiscard]] Result<void> writeMetadata(const MbtilesMetadata &metadata);

    /// The tiles already stored at zooms minZoom..maxZoom, as XYZ keys.
    [[nodiscard]] Result<QSet<gis::TileKey>> existingTiles(int minZoom, int maxZoom);

    /// Inserts (or replaces) the tiles in one transaction; all or nothing.
    [[nodiscard]] Result<void>
    writeTiles(const std::vector<std::pair<gis::TileKey, QByteArray>> &tiles);

    const QString &path() const { return m_path; }

private:
    MbtilesWriter(QString path, QString connectionName);
    QString m_path;
    QString m_connectionName;
};

} // namespace infrasight::render
