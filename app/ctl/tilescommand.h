// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace infrasight::app {

/// Runs "infrasightctl tiles build": renders the offline basemap of an OpenStreetMap extract
/// into an MBTiles 1.3 file with Infrasight's own renderer (never from OSM's tile servers).
///
/// arguments are the words after "tiles" (as main.cpp's command table passes them):
///   build --osm FILE --out FILE.mbtiles [--zoom 12-18] [--bounds W,S,E,N] [--scale 1|2]
///         [--threads N] [--name NAME]
/// Tiles already in the file are kept (an interrupted build resumes); a file that already holds
/// every tile is left alone without reading the extract. Progress goes to stderr, a summary
/// (tiles, seconds, tiles per second) to stdout. Ctrl+C stops after the batch in flight and
/// keeps what was written. Returns 0 success, 1 failure or cancelled, 2 usage error.
/// Needs a QGuiApplication (text rendering); blocks until done.
int runTilesCommand(const QStringList &arguments);

} // namespace infrasight::app
