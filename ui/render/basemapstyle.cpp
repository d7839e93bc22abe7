// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/render/basemapstyle.h"

#include <algorithm>
#include <cmath>

namespace infrasight::render {

namespace {

// Width at zoom 16 and how it grows: OSM Carto roughly doubles road widths every 1.5 zooms
// between z13 and z18 (so it keeps streets readable without flooding the map at z12).
double grownWidth(double widthAtZ16, int zoom)
{
    return widthAtZ16 * std::pow(2.0, (zoom - 16) / 1.4);
}

} // namespace

QColor BasemapStyle::areaColor(BasemapAreaKind kind) const
{
    switch (kind) {
    case BasemapAreaKind::Residential:
        return QColor(0xe0, 0xdf, 0xdf);
    case BasemapAreaKind::Commercial:
        return QColor(0xf2, 0xda, 0xd9);
    case BasemapAreaKind::Retail:
        return QColor(0xff, 0xd6, 0xd1);
    case BasemapAreaKind::Industrial:
        return QColor(0xeb, 0xdb, 0xe8);
    case BasemapAreaKind::Railway:
        return QColor(0xe6, 0xd1, 0xe3);
    case BasemapAreaKind::Cemetery:
        return QColor(0xaa, 0xcb, 0xaf);
    case BasemapAreaKind::Forest:
        return QColor(0xad, 0xd1, 0x9e);
    case BasemapAreaKind::Grass:
        return QColor(0xcd, 0xeb, 0xb0);
    case BasemapAreaKind::Park:
        return QColor(0xc8, 0xfa, 0xcc);
    case BasemapAreaKind::Garden:
        return QColor(0xcd, 0xeb, 0xb0);
    case BasemapAreaKind::Pitch:
        return QColor(0xaa, 0xe0, 0xcb);
    case BasemapAreaKind::Sand:
        return QColor(0xf5, 0xe9, 0xc6);
    case BasemapAreaKind::Pier:
        return landColor();
    case BasemapAreaKind::Parking:
        return QColor(0xee, 0xee, 0xee);
    case BasemapAreaKind::Pedestrian:
        return QColor(0xdd, 0xdd, 0xe8);
    case BasemapAreaKind::Water:
        return waterColor();
    case BasemapAreaKind::Building:
        return QColor(0xd9, 0xd0, 0xc9);
    }
    return landColor();
}

int BasemapStyle::areaMinZoom(BasemapAreaKind kind) const
{
    switch (kind) {
    case BasemapAreaKind::Building:
        return 14;
    case BasemapAreaKind::Parking:
    case BasemapAreaKind::Pitch:
    case BasemapAreaKind::Pedestrian:
        return 14;
    case BasemapAreaKind::Garden:
        return 15;
    default:
        return 0;
    }
}

int BasemapStyle::lineMinZoom(BasemapLineClass lineClass) const
{
    switch (lineClass) {
    case BasemapLineClass::Motorway:
    case BasemapLineClass::Trunk:
    case BasemapLineClass::Primary:
    case BasemapLineClass::Secondary:
    case BasemapLineClass::Railway:
    case BasemapLineClass::River:
        return 0;
    case BasemapLineClass::Tertiary:
    case BasemapLineClass::Residential:
        return 12;
    case BasemapLineClass::Service:
    case BasemapLineClass::Pedestrian:
    case BasemapLineClass::Stream:
    case BasemapLineClass::Pier:
        return 14;
    case BasemapLineClass::Footway:
    case BasemapLineClass::Path:
        return 15;
    }
    return 0;
}

double BasemapStyle::lineWidth(BasemapLineClass lineClass, int zoom) const
{
    if (zoom < lineMinZoom(lineClass)) {
        return 0.0;
    }
    switch (lineClass) {
    case BasemapLineClass::Motorway:
        return std::max(1.5, grownWidth(9.0, zoom));
    case BasemapLineClass::Trunk:
    case BasemapLineClass::Primary:
        return std::max(1.2, grownWidth(8.5, zoom));
    case BasemapLineClass::Secondary:
        return std::max(1.0, grownWidth(8.0, zoom));
    case BasemapLineClass::Tertiary:
        return std::max(0.8, grownWidth(7.0, zoom));
    case BasemapLineClass::Residential:
        return std::max(0.6, grownWidth(5.5, zoom));
    case BasemapLineClass::Pedestrian:
        return std::max(0.8, grownWidth(4.5, zoom));
    case BasemapLineClass::Service:
        return std::max(0.6, grownWidth(3.0, zoom));
    case BasemapLineClass::Footway:
    case BasemapLineClass::Path:
        return zoom >= 17 ? 1.5 : 1.0;
    case BasemapLineClass::Railway:
        return zoom >= 15 ? 2.0 : 1.2;
    case BasemapLineClass::River:
        return std::max(1.0, grownWidth(6.0, zoom));
    case BasemapLineClass::Stream:
        return zoom >= 16 ? 2.0 : 1.0;
    case BasemapLineClass::Pier:
        return std::max(1.0, grownWidth(4.0, zoom));
    }
    return 0.0;
}

double BasemapStyle::casingWidth(BasemapLineClass lineClass, int zoom) const
{
    switch (lineClass) {
    case BasemapLineClass::Motorway:
    case BasemapLineClass::Trunk:
    case BasemapLineClass::Primary:
    case BasemapLineClass::Secondary:
    case BasemapLineClass::Tertiary:
        return zoom >= 13 ? (zoom >= 16 ? 1.0 : 0.6) : 0.0;
    case BasemapLineClass::Residential:
    case BasemapLineClass::Pedestrian:
    case BasemapLineClass::Service:
        return zoom >= 14 ? (zoom >= 16 ? 0.8 : 0.5) : 0.0;
    case BasemapLineClass::Footway:
    case BasemapLineClass::Path:
        return zoom >= 16 ? 0.75 : 0.0;
    default:
        return 0.0;
    }
}

QColor BasemapStyle::lineColor(BasemapLineClass lineClass) const
{
    switch (lineClass) {
    case BasemapLineClass::Motorway:
        return QColor(0xe8, 0x92, 0xa2);
    case BasemapLineClass::Trunk:
        return QColor(0xf9, 0xb2, 0x9c);
    case BasemapLineClass::Primary:
        return QColor(0xfc, 0xd6, 0xa4);
    case BasemapLineClass::Secondary:
        return QColor(0xf7, 0xfa, 0xbf);
    case BasemapLineClass::Tertiary:
    case BasemapLineClass::Residential:
    case BasemapLineClass::Service:
        return QColor(0xff, 0xff, 0xff);
    case BasemapLineClass::Pedestrian:
        return QColor(0xdd, 0xdd, 0xe8);
    case BasemapLineClass::Footway:
        return QColor(0xfa, 0x80, 0x72);
    case BasemapLineClass::Path:
        return QColor(0x99, 0x6f, 0x5a);
    case BasemapLineClass::Railway:
        return QColor(0x70, 0x70, 0x70);
    case BasemapLineClass::River:
    case BasemapLineClass::Stream:
        return waterColor();
    case BasemapLineClass::Pier:
        return landColor();
    }
    return QColor(Qt::white);
}

QColor BasemapStyle::casingColor(BasemapLineClass lineClass) const
{
    switch (lineClass) {
    case BasemapLineClass::Motorway:
        return QColor(0xdc, 0x2a, 0x67);
    case BasemapLineClass::Trunk:
        return QColor(0xc8, 0x4e, 0x2f);
    case BasemapLineClass::Primary:
        return QColor(0xa0, 0x6b, 0x00);
    case BasemapLineClass::Secondary:
        return QColor(0x70, 0x7d, 0x05);
    case BasemapLineClass::Tertiary:
        return QColor(0x8f, 0x8f, 0x8f);
    case BasemapLineClass::Residential:
    case BasemapLineClass::Service:
        return QColor(0xbb, 0xbb, 0xbb);
    case BasemapLineClass::Pedestrian:
        return QColor(0x99, 0x99, 0x99);
    case BasemapLineClass::Footway:
    case BasemapLineClass::Path:
        return QColor(255, 255, 255, 160);
    default:
        return QColor(Qt::transparent);
    }
}

bool BasemapStyle::isDashed(BasemapLineClass lineClass) const
{
    return lineClass == BasemapLineClass::Footway || lineClass == BasemapLineClass::Path
           || lineClass == BasemapLineClass::Railway;
}

int BasemapStyle::roadLabelMinZoom(BasemapLineClass lineClass) const
{
    switch (lineClass) {
    case BasemapLineClass::Motorway:
    case BasemapLineClass::Trunk:
    case BasemapLineClass::Primary:
        return 15;
    case BasemapLineClass::Secondary:
    case BasemapLineClass::Tertiary:
        return 16;
    case BasemapLineClass::Residential:
    case BasemapLineClass::Pedestrian:
        return 17;
    default:
        return 99;
    }
}

int BasemapStyle::placeLabelPixelSize(int rank, int zoom) const
{
    // rank 0 city/town, 1 village/suburb, 2 quarter/neighbourhood, 3 hamlet/locality
    static constexpr int MinZoom[4] = {10, 13, 15, 16};
    static constexpr int MaxZoom[4] = {15, 17, 18, 19};
    if (rank < 0 || rank > 3 || zoom < MinZoom[rank] || zoom > MaxZoom[rank]) {
        return 0;
    }
    static constexpr int Size[4] = {18, 14, 12, 11};
    return Size[rank];
}

int BasemapStyle::roadLabelPixelSize(int zoom) const
{
    return zoom >= 17 ? 11 : 10;
}

} // namespace infrasight::render
