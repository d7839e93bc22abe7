// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/result.h"
#include "ui/render/tilesource.h"

#include <QString>

#include <memory>

namespace infrasight::render {

/// Raster tiles from an MBTiles 1.3 file (SQLite; png, jpg or webp tiles).
///
/// The file is opened read-only (QSQLITE_OPEN_READONLY). Rows are TMS-flipped inside: the XYZ
/// tile z/x/y is read from tile_row 2^z - 1 - y. Reads and decoding run on one private worker
/// thread that owns its own database connection (Qt SQL connections belong to one thread);
/// the owning (GUI) thread never waits except in the destructor, which finishes the tile being
/// read. A tile the file does not have gives tileFailed; a read error gives tileFailed and,
/// once, sourceError.
class MbTilesSource : public TileSource
{
    Q_OBJECT

public:
    /// Reads the metadata (name, bounds, minzoom, maxzoom, attribution, format) of path.
    /// Safe from any thread (uses its own short-lived connection). Fails with NotFound for a
    /// missing file and InvalidArgument, with a message naming the file, for a file that is not
    /// an MBTiles file (not SQLite, no tiles/metadata tables, vector tiles).
    [[nodiscard]] static Result<TileSourceInfo> inspect(const QString &path);

    /// inspect() and then a source for the file.
    [[nodiscard]] static Result<std::unique_ptr<MbTilesSource>> open(const QString &path,
                                                                     QObject *parent = nullptr);

    ~MbTilesSource() override;

    TileSourceInfo info() const override;
    void request(const QList<gis::TileKey> &keys, qreal devicePixelRatio) override;
    void cancelAll() override;

    QString path() const;

    /// The MBTiles tile_row of an XYZ row y at zoom z: 2^z - 1 - y (the flip is its own inverse).
    static int tmsRow(int z, int y) { return (1 << z) - 1 - y; }

private:
    MbTilesSource(const QString &path, TileSourceInfo info, QObject *parent);

    struct Private;
    std::unique_ptr<Private> m_d;
};

} // namespace infrasight::render
