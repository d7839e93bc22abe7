// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

#include <cstdint>

namespace infrasight::render {

/// What an OSM area is drawn as. The order is the drawing order (earlier kinds lie below).
enum class BasemapAreaKind : std::uint8_t {
    Residential,
    Commercial,
    Retail,
    Industrial,
    Railway,
    Cemetery,
    Forest,
    Grass,
    Park,
    Garden,
    Pitch,
    Sand,
    Pier,
    Parking,
    Pedestrian,
    Water,
    Building,
};

/// What an OSM line is drawn as. The order is the drawing order (earlier classes lie below).
enum class BasemapLineClass : std::uint8_t {
    Pier,
    Stream,
    River,
    Footway,
    Path,
    Service,
    Pedestrian,
    Residential,
    Tertiary,
    Secondary,
    Primary,
    Trunk,
    Motorway,
    Railway,
};

/// Colours and widths of the offline basemap, close to the OpenStreetMap standard style
/// ("OSM Carto") so that operators recognise it. Widths are in pixels of a 256-px tile (the
/// renderer multiplies them for @2x tiles) and grow with the zoom. A plain value, safe to
/// share between rendering threads.
class BasemapStyle
{
public:
    QColor landColor() const { return QColor(0xf2, 0xef, 0xe9); }

    QColor waterColor() const { return QColor(0xaa, 0xd3, 0xdf); }

    /// Colour of everything outside the extract's bounds (no data there).
    QColor noDataColor() const { return QColor(0xe4, 0xe2, 0xde); }

    QColor buildingOutlineColor() const { return QColor(0xc4, 0xb6, 0xab); }

    QColor areaColor(BasemapAreaKind kind) const;

    /// The lowest zoom at which areas of this kind are drawn.
    int areaMinZoom(BasemapAreaKind kind) const;

    /// The lowest zoom at which lines of this class are drawn.
    int lineMinZoom(BasemapLineClass lineClass) const;

    /// Width of the line's fill (without casing) at zoom; 0 if not drawn there.
    double lineWidth(BasemapLineClass lineClass, int zoom) const;

    /// Width of the casing on each side of the fill at zoom; 0 for lines without casing.
    double casingWidth(BasemapLineClass lineClass, int zoom) const;

    QColor lineColor(BasemapLineClass lineClass) const;

    QColor casingColor(BasemapLineClass lineClass) const;

    /// True for classes drawn dashed (footways, paths, railways' inner dashes).
    bool isDashed(BasemapLineClass lineClass) const;

    /// The lowest zoom at which a road of this class gets its name written along it.
    int roadLabelMinZoom(BasemapLineClass lineClass) const;

    QColor labelColor() const { return QColor(0x33, 0x33, 0x33); }

    QColor labelHaloColor() const { return QColor(255, 255, 255, 220); }

    /// Font pixel size of a place label (rank 0 city .. 3 locality) at zoom; 0 if not shown.
    int placeLabelPixelSize(int rank, int zoom) const;

    int roadLabelPixelSize(int zoom) const;
};

} // namespace infrasight::render
