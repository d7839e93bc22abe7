// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/tilekey.h"
#include "ui/render/basemapdata.h"
#include "ui/render/basemapstyle.h"

#include <QImage>

#include <memory>

namespace infrasight::render {

/// Draws one XYZ tile of the offline basemap from BasemapData with a BasemapStyle: no-data
/// surroundings, land, sea, landuse and water areas, buildings (z14+), roads by class with
/// casing (tunnels faded), railways, place names and names of major roads (a label is only
/// drawn if it fits wholly inside the tile and overlaps no earlier one, so labels are never cut
/// at tile edges). render() is const and reads only immutable data: call it from any number of
/// threads at once, each painting its own QImage.
class BasemapRenderer
{
public:
    explicit BasemapRenderer(std::shared_ptr<const BasemapData> data, BasemapStyle style = {});

    /// The tile as a (256 * scale)-pixel square, Format_ARGB32_Premultiplied, opaque, with its
    /// devicePixelRatio set to scale (1 or 2; @2x tiles draw everything twice as large).
    QImage render(const gis::TileKey &key, int scale = 1) const;

    const BasemapData &data() const { return *m_data; }

    const BasemapStyle &style() const { return m_style; }

private:
    std::shared_ptr<const BasemapData> m_data;
    BasemapStyle m_style;
};

} // namespace infrasight::render
