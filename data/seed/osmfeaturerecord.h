// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace infrasight::data {

/// One OpenStreetMap feature as the seeder takes it: plain values, so that data/ needs neither
/// GDAL nor gis/proj. app/ fills it from gis::OsmReader.
struct OsmFeatureRecord
{
    /// The layer of GDAL's OSM driver (points, lines, multilinestrings, multipolygons,
    /// other_relations).
    enum class Layer { Points, Lines, MultiLineStrings, MultiPolygons, OtherRelations };
    enum class ElementType { Node, Way, Relation };

    Layer layer = Layer::Points;
    ElementType elementType = ElementType::Node;
    qint64 osmId = 0;
    /// WKB (ISO, either byte order), longitude/latitude degrees, EPSG:4326.
    QByteArray wkb;
    QHash<QString, QString> tags;
};

/// A longitude/latitude box in degrees (EPSG:4326).
struct LonLatBox
{
    double minLonDeg = 0;
    double minLatDeg = 0;
    double maxLonDeg = 0;
    double maxLatDeg = 0;
};

} // namespace infrasight::data
