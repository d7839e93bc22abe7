// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/boundingbox.h"
#include "gis/core/geobounds.h"
#include "gis/core/result.h"
#include "ui/render/basemapstyle.h"

#include <QPointF>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace infrasight::render {

/// An area to fill (landuse, park, water, building). Rings in EPSG:3857 metres; rings[0] is the
/// outer ring, the others are holes (drawn with the odd-even rule).
struct BasemapArea
{
    BasemapAreaKind kind = BasemapAreaKind::Building;
    qint64 osmId = 0;
    std::vector<std::vector<QPointF>> rings;
    gis::BoundingBox bounds;
};

/// A line to stroke (road, railway, waterway) in EPSG:3857 metres.
struct BasemapLine
{
    BasemapLineClass lineClass = BasemapLineClass::Residential;
    qint64 osmId = 0;
    QString name;
    bool tunnel = false;
    std::vector<QPointF> points;
    gis::BoundingBox bounds;
};

/// A named place (city, suburb, ...) in EPSG:3857 metres; rank 0 is the most important.
struct BasemapPlace
{
    QString name;
    QPointF position;
    int rank = 0;
};

/// The OpenStreetMap features the offline basemap is drawn from: read once from an extract,
/// classified for the style, projected to Web Mercator (EPSG:3857) and indexed on a uniform
/// grid. Immutable after load(), so any number of rendering threads may read it at once.
///
/// The sea: OSM coastlines are ways with the land on their left. In a clipped extract they are
/// cut at its edges, so load() joins them into chains, closes each open chain along the
/// extract's bounding box going clockwise (the side with the water) to the start of the next
/// chain, and keeps the resulting rings as the sea. Closed coastline rings are islands.
/// If the extract has no coastline, there is no sea.
class BasemapData
{
public:
    /// Called while loading with the fraction read (0..1).
    using ProgressCallback = std::function<void(double fraction)>;

    /// Reads the extract (.osm.pbf or .osm) through gis::OsmReader (the caller must have called
    /// gis::setupGdal()). Fails with the reader's error, or ErrorCode::Cancelled when cancel
    /// becomes true.
    [[nodiscard]] static Result<std::shared_ptr<const BasemapData>>
    load(const QString &osmPath,
         const ProgressCallback &progress = {},
         const std::atomic_bool *cancel = nullptr);

    /// The extract's bounds (its header bounds, else the extent of its data).
    const gis::GeoBounds &extractBounds() const { return m_extractBounds; }

    /// The extract's bounds in EPSG:3857 metres.
    const gis::BoundingBox &extractBoundsMeters() const { return m_extractMeters; }

    /// Areas in drawing order (by kind, then the larger first).
    const std::vector<BasemapArea> &areas() const { return m_areas; }

    /// Lines in drawing order (by class, minor first).
    const std::vector<BasemapLine> &lines() const { return m_lines; }

    const std::vector<BasemapPlace> &places() const { return m_places; }

    /// Sea rings (closed, EPSG:3857); fill them with the odd-even rule.
    const std::vector<std::vector<QPointF>> &seaRings() const { return m_seaRings; }

    /// Closed coastline rings (land inside) lying in the sea.
    const std::vector<std::vector<QPointF>> &islandRings() const { return m_islandRings; }

    /// True if the extract has no open coastline but islands: everything around them is sea.
    bool seaSurroundsIslands() const { return m_seaSurroundsIslands; }

    /// Indices into areas() whose bounds intersect box, ascending (so in drawing order).
    std::vector<quint32> areasIn(const gis::BoundingBox &box) const;

    /// Indices into lines() whose bounds intersect box, ascending.
    std::vector<quint32> linesIn(const gis::BoundingBox &box) const;

    /// The first area with this OSM id (the way's or relation's id), or nullptr.
    const BasemapArea *findArea(qint64 osmId) const;

private:
    BasemapData() = default;

    struct Grid
    {
        double originX = 0;
        double originY = 0;
        double cellSize = 500.0;
        int columns = 0;
        int rows = 0;
        std::vector<std::vector<quint32>> cells;
    };

    static Grid buildGrid(const gis::BoundingBox &extent,
                          const std::vector<gis::BoundingBox> &bounds);
    static std::vector<quint32> query(const Grid &grid, const gis::BoundingBox &box);
    void buildSea(std::vector<std::vector<QPointF>> coastlines);

    gis::GeoBounds m_extractBounds;
    gis::BoundingBox m_extractMeters;
    std::vector<BasemapArea> m_areas;
    std::vector<BasemapLine> m_lines;
    std::vector<BasemapPlace> m_places;
    std::vector<std::vector<QPointF>> m_seaRings;
    std::vector<std::vector<QPointF>> m_islandRings;
    bool m_seaSurroundsIslands = false;
    Grid m_areaGrid;
    Grid m_lineGrid;
};

} // namespace infrasight::render
