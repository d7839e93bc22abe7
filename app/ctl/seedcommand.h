// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace infrasight::app {

/// Runs "infrasightctl seed": migrates the database, loads an OpenStreetMap extract into the
/// basemap schema and generates the demo city, and/or adds synthetic assets for benchmarks.
///
/// arguments are the words after "seed" (as main.cpp's command table passes them):
///   --osm FILE      OSM extract (.osm.pbf/.osm) to build the city from
///   --seed N        random seed (default 1); the same seed gives the same city
///   --scale N       add N synthetic assets (1..2,000,000) by COPY
///   --db CONN       libpq URI, key=value string or service=NAME; --data-dir DIR the embedded
///                   cluster; default as CommandContext resolves it (INFRASIGHT_DB, embedded)
///   --replace       replace a city that is already in the database
/// Progress goes to stderr, a summary (rows per table, seconds) to stdout. Ctrl+C cancels and
/// rolls back. Returns the process exit code: 0 success, 1 failure, 2 usage error.
/// Needs a QCoreApplication; blocks until done.
int runSeedCommand(const QStringList &arguments);

} // namespace infrasight::app
