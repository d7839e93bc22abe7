// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/geometry.h"

#include <QHash>
#include <QString>

// The OpenStreetMap vocabulary shared by the layers: gis/proj's OsmReader produces it, data/'s
// DemoCitySeeder and ui/render's BasemapData consume it. Plain values, Qt Core only.

namespace infrasight::gis {

/// The layer of GDAL's OSM driver a feature comes from (GDAL docs, "OSM - OpenStreetMap XML and
/// PBF"): tagged nodes, non-area ways, route-like relations, areas (closed ways and multipolygon
/// relations) and all other relations. The numbers are stored (DemoCitySeeder's staging table
/// selects lines as layer 1); do not renumber.
enum class OsmLayerKind {
    Points = 0,
    Lines = 1,
    MultiLineStrings = 2,
    MultiPolygons = 3,
    OtherRelations = 4,
};

/// The OSM element a feature was built from.
enum class OsmElementType { Node, Way, Relation };

/// One OpenStreetMap feature as plain values.
struct OsmFeature
{
    OsmLayerKind layer = OsmLayerKind::Points;
    OsmElementType elementType = OsmElementType::Node;
    /// The id of the node, way or relation (ids are unique per element type only).
    qint64 osmId = 0;
    /// Longitude/latitude in degrees (EPSG:4326), 2D: a Point for points, a LineString for lines,
    /// a MultiLineString, a MultiPolygon, or a GeometryCollection for other relations. Rings cut
    /// at the extract's edge may be open or have fewer than four points, as GDAL gives them.
    Geometry geometry;
    /// Every OSM tag GDAL kept: the configured attribute columns plus the keys parsed out of
    /// other_tags. Keys GDAL's osmconf.ini ignores (source, note, fixme, ...) are absent.
    QHash<QString, QString> tags;
};

} // namespace infrasight::gis
