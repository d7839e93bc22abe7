// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/widgets/mapsourcedialog.h"

#include <QString>

namespace infrasight::app {

/// The console's saved choices, over QSettings (~/.config/Infrasight/infrasight.conf on Linux).
/// Credentials never go here: a saved connection is the connection string with any password
/// removed; passwords come from ~/.pgpass or the login dialog.
class Settings
{
public:
    /// The saved connection string, empty when the console should use its local database.
    static QString savedConnection();
    /// Saves a connection string for the next start, after removing any password from it.
    static void saveConnection(const QString &conninfo);
    static void clearSavedConnection();

    /// The city the console is set up for (title of the map area); "Monaco" for the demo.
    static QString cityName();

    /// The basemap: automatic (OpenStreetMap when reachable, else the offline basemap) unless
    /// the operator chose a preset, a URL template or an MBTiles file (View > Map > Map Source).
    static ui::MapSourceChoice mapSource();
    static void saveMapSource(const ui::MapSourceChoice &choice);
    /// The HTTP tile cache's size limit (map/tileCacheMegabytes, default 500 MB).
    static qint64 tileCacheMaximumBytes();
};

} // namespace infrasight::app
