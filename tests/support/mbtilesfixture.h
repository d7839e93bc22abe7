// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/result.h"
#include "gis/core/tilekey.h"

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QPair>
#include <QString>

namespace infrasight::tests {

/// The image as PNG bytes, as a tile server or an MBTiles file holds it.
QByteArray encodePng(const QImage &image);

/// Writes an MBTiles file the way the 1.3 spec says, for tests: XYZ keys go in with the TMS row
/// flip (tile_row = 2^z - 1 - y), metadata as given. The file must not exist yet.
[[nodiscard]] Result<void> writeMbTilesFixture(const QString &path,
                                               const QList<QPair<gis::TileKey, QByteArray>> &tiles,
                                               const QList<QPair<QString, QString>> &metadata);

} // namespace infrasight::tests
