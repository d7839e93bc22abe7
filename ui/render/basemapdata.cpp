// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/render/basemapdata.h"

#include "gis/core/mercator.h"
#include "gis/proj/osmreader.h"
#include "ui/render/logging.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <optional>

namespace infrasight::render {

namespace {

using Ring = std::vector<QPointF>;

QString tag(const gis::OsmFeature &feature, QStringView key)
{
    return feature.tags.value(key.toString());
}

bool hasTag(const gis::OsmFeature &feature, QStringView key, QStringView value)
{
    const auto it = feature.tags.constFind(key.toString());
    return it != feature.tags.constEnd() && *it == value;
}

std::optional<BasemapAreaKind> classifyArea(const gis::OsmFeature &f)
{
    const QString building = tag(f, u"building");
    if (!building.isEmpty() && building != u"no") {
        return BasemapAreaKind::Building;
    }
    const QString natural = tag(f, u"natural");
    const QString landuse = tag(f, u"landuse");
    const QString leisure = tag(f, u"leisure");
    const QString amenity = tag(f, u"amenity");
    const QString manMade = tag(f, u"man_made");
    if (natural == u"water" || landuse == u"reservoir" || landuse == u"basin"
        || tag(f, u"waterway") == u"riverbank" || tag(f, u"waterway") == u"dock"
        || leisure == u"swimming_pool" || leisure == u"marina") {
        return BasemapAreaKind::Water;
    }
    if (manMade == u"pier" || manMade == u"breakwater" || manMade == u"groyne") {
        return BasemapAreaKind::Pier;
    }
    if (leisure == u"park" || leisure == u"playground" || leisure == u"dog_park"
        || landuse == u"recreation_ground" || landuse == u"village_green") {
        return BasemapAreaKind::Park;
    }
    if (leisure == u"garden") {
        return BasemapAreaKind::Garden;
    }
    if (leisure == u"pitch" || leisure == u"stadium" || leisure == u"sports_centre"
        || leisure == u"track" || leisure == u"golf_course") {
        return BasemapAreaKind::Pitch;
    }
    if (landuse == u"forest" || natural == u"wood") {
        return BasemapAreaKind::Forest;
    }
    if (landuse == u"grass" || landuse == u"meadow" || landuse == u"orchard"
        || landuse == u"vineyard" || landuse == u"allotments" || natural == u"scrub"
        || natural == u"grassland" || natural == u"heath") {
        return BasemapAreaKind::Grass;
    }
    if (landuse == u"cemetery" || amenity == u"grave_yard") {
        return BasemapAreaKind::Cemetery;
    }
    if (natural == u"beach" || natural == u"sand") {
        return BasemapAreaKind::Sand;
    }
    if (amenity == u"parking") {
        return BasemapAreaKind::Parking;
    }
    if (tag(f, u"highway") == u"pedestrian" || tag(f, u"place") == u"square") {
        return BasemapAreaKind::Pedestrian;
    }
    if (landuse == u"residential") {
        return BasemapAreaKind::Residential;
    }
    if (landuse == u"commercial") {
        return BasemapAreaKind::Commercial;
    }
    if (landuse == u"retail") {
        return BasemapAreaKind::Retail;
    }
    if (landuse == u"industrial" || landuse == u"construction" || landuse == u"port") {
        return BasemapAreaKind::Industrial;
    }
    if (landuse == u"railway") {
        return BasemapAreaKind::Railway;
    }
    return std::nullopt;
}

std::optional<BasemapLineClass> classifyLine(const gis::OsmFeature &f)
{
    const QString highway = tag(f, u"highway");
    if (!highway.isEmpty()) {
        QStringView h(highway);
        if (h.endsWith(u"_link")) {
            h.chop(5);
        }
        if (h == u"motorway") {
            return BasemapLineClass::Motorway;
        }
        if (h == u"trunk") {
            return BasemapLineClass::Trunk;
        }
        if (h == u"primary") {
            return BasemapLineClass::Primary;
        }
        if (h == u"secondary") {
            return BasemapLineClass::Secondary;
        }
        if (h == u"tertiary") {
            return BasemapLineClass::Tertiary;
        }
        if (h == u"residential" || h == u"unclassified" || h == u"living_street" || h == u"road") {
            return BasemapLineClass::Residential;
        }
        if (h == u"service") {
            return BasemapLineClass::Service;
        }
        if (h == u"pedestrian") {
            return BasemapLineClass::Pedestrian;
        }
        if (h == u"footway" || h == u"steps" || h == u"cycleway" || h == u"bridleway") {
            return BasemapLineClass::Footway;
        }
        if (h == u"path" || h == u"track") {
            return BasemapLineClass::Path;
        }
        return std::nullopt;
    }
    const QString railway = tag(f, u"railway");
    if (railway == u"rail" || railway == u"light_rail" || railway == u"narrow_gauge"
        || railway == u"tram" || railway == u"funicular") {
        return BasemapLineClass::Railway;
    }
    const QString waterway = tag(f, u"waterway");
    if (waterway == u"river" || waterway == u"canal") {
        return BasemapLineClass::River;
    }
    if (waterway == u"stream" || waterway == u"ditch" || waterway == u"drain") {
        return BasemapLineClass::Stream;
    }
    const QString manMade = tag(f, u"man_made");
    if (manMade == u"pier" || manMade == u"breakwater" || manMade == u"groyne") {
        return BasemapLineClass::Pier;
    }
    return std::nullopt;
}

int placeRank(const QString &place)
{
    if (place == u"city" || place == u"town") {
        return 0;
    }
    if (place == u"village" || place == u"suburb") {
        return 1;
    }
    if (place == u"quarter" || place == u"neighbourhood") {
        return 2;
    }
    if (place == u"hamlet" || place == u"locality" || place == u"isolated_dwelling") {
        return 3;
    }
    return -1;
}

QPointF project(QPointF lonLat)
{
    return gis::lonLatToMercatorMeters(gis::LonLat{lonLat.x(), lonLat.y()});
}

Ring projectRing(const std::vector<QPointF> &points, gis::BoundingBox &bounds)
{
    Ring ring;
    ring.reserve(points.size());
    for (const QPointF &p : points) {
        ring.push_back(project(p));
        bounds.extend(ring.back());
    }
    return ring;
}

// Twice the signed area (shoelace); positive for counter-clockwise rings with y growing north.
double signedArea2(const Ring &ring)
{
    double sum = 0;
    for (size_t i = 0; i + 1 < ring.size(); ++i) {
        sum += ring[i].x() * ring[i + 1].y() - ring[i + 1].x() * ring[i].y();
    }
    return sum;
}

quint64 pointKey(QPointF p)
{
    // Coastline ways share their end nodes, so equal positions are bit-identical after the
    // same projection; a millimetre grid makes the key robust anyway.
    const auto x = quint64(qint64(std::llround(p.x() * 1000.0)) & 0xffffffff);
    const auto y = quint64(qint64(std::llround(p.y() * 1000.0)) & 0xffffffff);
    return (x << 32) | y;
}

// Position along the box boundary, clockwise (y north) from the north-west corner.
double perimeterParameter(const gis::BoundingBox &box, QPointF p)
{
    const double w = box.width();
    const double h = box.height();
    const double dTop = std::abs(box.maxY - p.y());
    const double dRight = std::abs(box.maxX - p.x());
    const double dBottom = std::abs(p.y() - box.minY);
    const double dLeft = std::abs(p.x() - box.minX);
    const double nearest = std::min({dTop, dRight, dBottom, dLeft});
    if (nearest == dTop) {
        return p.x() - box.minX;
    }
    if (nearest == dRight) {
        return w + (box.maxY - p.y());
    }
    if (nearest == dBottom) {
        return w + h + (box.maxX - p.x());
    }
    return 2 * w + h + (p.y() - box.minY);
}

QPointF pointAtParameter(const gis::BoundingBox &box, double t)
{
    const double w = box.width();
    const double h = box.height();
    if (t <= w) {
        return {box.minX + t, box.maxY};
    }
    if (t <= w + h) {
        return {box.maxX, box.maxY - (t - w)};
    }
    if (t <= 2 * w + h) {
        return {box.maxX - (t - w - h), box.minY};
    }
    return {box.minX, box.minY + (t - 2 * w - h)};
}

QPointF clampTo(const gis::BoundingBox &box, QPointF p)
{
    return {std::clamp(p.x(), box.minX, box.maxX), std::clamp(p.y(), box.minY, box.maxY)};
}

} // namespace

Result<std::shared_ptr<const BasemapData>> BasemapData::load(const QString &osmPath,
                                                             const ProgressCallback &progress,
                                                             const std::atomic_bool *cancel)
{
    auto reader = gis::OsmReader::open(osmPath);
    if (!reader) {
        return tl::unexpected(reader.error());
    }
    std::shared_ptr<BasemapData> data(new BasemapData);
    std::vector<Ring> coastlines;
    gis::BoundingBox lonLatExtent;
    gis::OsmFeature feature;
    qint64 count = 0;
    while (true) {
        auto more = (*reader)->readNext(feature);
        if (!more) {
            return tl::unexpected(more.error());
        }
        if (!*more) {
            break;
        }
        if ((++count % 2000) == 0) {
            if (cancel && cancel->load()) {
                return fail(ErrorCode::Cancelled, QStringLiteral("loading the basemap cancelled"));
            }
            if (progress) {
                progress((*reader)->progress());
            }
        }
        const gis::Geometry *geometry = &feature.geometry;
        lonLatExtent.extend(geometry->boundingBox());
        switch (feature.layer) {
        case gis::OsmLayerKind::Points: {
            const auto *point = geometry->as<gis::Point>();
            const QString name = tag(feature, u"name");
            const int rank = placeRank(tag(feature, u"place"));
            if (point && !point->isEmpty() && !name.isEmpty() && rank >= 0) {
                data->m_places.push_back({name, project(point->position), rank});
            }
            break;
        }
        case gis::OsmLayerKind::Lines: {
            const auto *line = geometry->as<gis::LineString>();
            if (!line || line->points.size() < 2) {
                break;
            }
            if (hasTag(feature, u"natural", u"coastline")) {
                gis::BoundingBox unused;
                coastlines.push_back(projectRing(line->points, unused));
                break;
            }
            const auto lineClass = classifyLine(feature);
            if (!lineClass) {
                break;
            }
            BasemapLine out;
            out.lineClass = *lineClass;
            out.osmId = feature.osmId;
            out.name = tag(feature, u"name");
            out.tunnel = !tag(feature, u"tunnel").isEmpty() && !hasTag(feature, u"tunnel", u"no");
            out.points = projectRing(line->points, out.bounds);
            data->m_lines.push_back(std::move(out));
            break;
        }
        case gis::OsmLayerKind::MultiPolygons: {
            const auto *multi = geometry->as<gis::MultiPolygon>();
            if (!multi) {
                break;
            }
            if (hasTag(feature, u"natural", u"coastline")) {
                // A closed coastline way is an island (or, drawn clockwise, a lagoon).
                for (const gis::Polygon &polygon : multi->polygons) {
                    if (!polygon.rings.empty()) {
                        gis::BoundingBox unused;
                        coastlines.push_back(projectRing(polygon.rings.front(), unused));
                    }
                }
                break;
            }
            const auto kind = classifyArea(feature);
            if (!kind) {
                break;
            }
            BasemapArea area;
            area.kind = *kind;
            area.osmId = feature.osmId;
            for (const gis::Polygon &polygon : multi->polygons) {
                for (const auto &ring : polygon.rings) {
                    if (ring.size() >= 3) {
                        area.rings.push_back(projectRing(ring, area.bounds));
                    }
                }
            }
            if (!area.rings.empty()) {
                data->m_areas.push_back(std::move(area));
            }
            break;
        }
        case gis::OsmLayerKind::MultiLineStrings:
        case gis::OsmLayerKind::OtherRelations:
            break;
        }
    }

    if (const auto header = (*reader)->headerBounds()) {
        data->m_extractBounds = *header;
    } else if (!lonLatExtent.isEmpty()) {
        data->m_extractBounds = gis::GeoBounds(
            lonLatExtent.minX, lonLatExtent.minY, lonLatExtent.maxX, lonLatExtent.maxY);
    }
    if (!data->m_extractBounds.isValid()) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("the extract has no features with coordinates"),
                    osmPath);
    }
    const gis::GeoBounds &eb = data->m_extractBounds;
    data->m_extractMeters.extend(project({eb.westDeg(), eb.southDeg()}));
    data->m_extractMeters.extend(project({eb.eastDeg(), eb.northDeg()}));

    std::stable_sort(
        data->m_areas.begin(), data->m_areas.end(), [](const BasemapArea &a, const BasemapArea &b) {
            if (a.kind != b.kind) {
                return a.kind < b.kind;
            }
            return a.bounds.width() * a.bounds.height() > b.bounds.width() * b.bounds.height();
        });
    std::stable_sort(
        data->m_lines.begin(), data->m_lines.end(), [](const BasemapLine &a, const BasemapLine &b) {
            if (a.tunnel != b.tunnel) {
                return a.tunnel; // tunnels below everything else
            }
            return a.lineClass < b.lineClass;
        });
    std::sort(data->m_places.begin(),
              data->m_places.end(),
              [](const BasemapPlace &a, const BasemapPlace &b) { return a.rank < b.rank; });

    gis::BoundingBox extent = data->m_extractMeters;
    std::vector<gis::BoundingBox> bounds;
    bounds.reserve(data->m_areas.size());
    for (const BasemapArea &area : data->m_areas) {
        bounds.push_back(area.bounds);
        extent.extend(area.bounds);
    }
    data->m_areaGrid = buildGrid(extent, bounds);
    bounds.clear();
    for (const BasemapLine &line : data->m_lines) {
        bounds.push_back(line.bounds);
    }
    data->m_lineGrid = buildGrid(extent, bounds);
    data->buildSea(std::move(coastlines));
    qCDebug(lcRender) << "basemap:" << data->m_areas.size() << "areas," << data->m_lines.size()
                      << "lines," << data->m_places.size() << "places," << data->m_seaRings.size()
                      << "sea rings," << data->m_islandRings.size() << "islands";
    if (progress) {
        progress(1.0);
    }
    return std::shared_ptr<const BasemapData>(std::move(data));
}

void BasemapData::buildSea(std::vector<std::vector<QPointF>> coastlines)
{
    // 1. Join ways end to start into chains.
    std::vector<Ring> chains = std::move(coastlines);
    std::vector<bool> alive(chains.size(), true);
    QHash<quint64, size_t> byStart;
    for (size_t i = 0; i < chains.size(); ++i) {
        byStart.insert(pointKey(chains[i].front()), i);
    }
    for (size_t i = 0; i < chains.size(); ++i) {
        if (!alive[i]) {
            continue;
        }
        while (pointKey(chains[i].back()) != pointKey(chains[i].front())) {
            const auto it = byStart.constFind(pointKey(chains[i].back()));
            if (it == byStart.constEnd() || *it == i || !alive[*it]) {
                break;
            }
            const size_t next = *it;
            chains[i].insert(chains[i].end(), chains[next].begin() + 1, chains[next].end());
            alive[next] = false;
            byStart.remove(pointKey(chains[next].front()));
        }
    }

    // 2. Closed chains are islands (counter-clockwise) or enclosed sea (clockwise).
    std::vector<Ring> open;
    for (size_t i = 0; i < chains.size(); ++i) {
        if (!alive[i] || chains[i].size() < 2) {
            continue;
        }
        if (chains[i].size() >= 4 && pointKey(chains[i].back()) == pointKey(chains[i].front())) {
            if (signedArea2(chains[i]) >= 0) {
                m_islandRings.push_back(std::move(chains[i]));
            } else {
                m_seaRings.push_back(std::move(chains[i]));
            }
        } else {
            open.push_back(std::move(chains[i]));
        }
    }
    if (open.empty()) {
        m_seaSurroundsIslands = !m_islandRings.empty() && m_seaRings.empty();
        return;
    }

    // 3. Open chains were cut at the extract's edge: snap their ends to the bounding box and
    //    close each sea ring along the box, clockwise (water is on the right of a coastline).
    const gis::BoundingBox &box = m_extractMeters;
    const double perimeter = 2 * (box.width() + box.height());

    struct Chain
    {
        Ring points;
        double startT;
        double endT;
    };

    std::vector<Chain> cut;
    for (Ring &ring : open) {
        for (QPointF &p : ring) {
            p = clampTo(box, p);
        }
        const double startT = perimeterParameter(box, ring.front());
        const double endT = perimeterParameter(box, ring.back());
        ring.insert(ring.begin(), pointAtParameter(box, startT));
        ring.push_back(pointAtParameter(box, endT));
        cut.push_back({std::move(ring), startT, endT});
    }
    const double corners[4]
        = {0.0, box.width(), box.width() + box.height(), 2 * box.width() + box.height()};
    auto clockwiseDistance = [perimeter](double from, double to) {
        double d = std::fmod(to - from, perimeter);
        return d < 0 ? d + perimeter : d;
    };
    std::vector<bool> used(cut.size(), false);
    for (size_t first = 0; first < cut.size(); ++first) {
        if (used[first]) {
            continue;
        }
        Ring ring;
        size_t current = first;
        while (true) {
            used[current] = true;
            ring.insert(ring.end(), cut[current].points.begin(), cut[current].points.end());
            // The next chain start going clockwise from this end.
            size_t next = first;
            double best = perimeter * 2;
            for (size_t k = 0; k < cut.size(); ++k) {
                if (used[k] && k != first) {
                    continue;
                }
                const double d = clockwiseDistance(cut[current].endT, cut[k].startT);
                if (d < best) {
                    best = d;
                    next = k;
                }
            }
            std::vector<std::pair<double, double>> passed; // (distance, corner parameter)
            for (double corner : corners) {
                const double d = clockwiseDistance(cut[current].endT, corner);
                if (d > 0 && d < best) {
                    passed.emplace_back(d, corner);
                }
            }
            std::sort(passed.begin(), passed.end());
            for (const auto &corner : passed) {
                ring.push_back(pointAtParameter(box, corner.second));
            }
            if (next == first) {
                break;
            }
            current = next;
        }
        ring.push_back(ring.front());
        m_seaRings.push_back(std::move(ring));
    }
}

BasemapData::Grid BasemapData::buildGrid(const gis::BoundingBox &extent,
                                         const std::vector<gis::BoundingBox> &bounds)
{
    Grid grid;
    if (extent.isEmpty()) {
        return grid;
    }
    grid.originX = extent.minX;
    grid.originY = extent.minY;
    // About 64 x 64 cells over the extract, but no cell smaller than 100 m.
    grid.cellSize = std::max(100.0, std::max(extent.width(), extent.height()) / 64.0);
    grid.columns = std::max(1, int(std::ceil(extent.width() / grid.cellSize)));
    grid.rows = std::max(1, int(std::ceil(extent.height() / grid.cellSize)));
    grid.cells.resize(size_t(grid.columns) * size_t(grid.rows));
    for (size_t i = 0; i < bounds.size(); ++i) {
        const gis::BoundingBox &b = bounds[i];
        if (b.isEmpty()) {
            continue;
        }
        const int c0
            = std::clamp(int((b.minX - grid.originX) / grid.cellSize), 0, grid.columns - 1);
        const int c1
            = std::clamp(int((b.maxX - grid.originX) / grid.cellSize), 0, grid.columns - 1);
        const int r0 = std::clamp(int((b.minY - grid.originY) / grid.cellSize), 0, grid.rows - 1);
        const int r1 = std::clamp(int((b.maxY - grid.originY) / grid.cellSize), 0, grid.rows - 1);
        for (int r = r0; r <= r1; ++r) {
            for (int c = c0; c <= c1; ++c) {
                grid.cells[size_t(r) * size_t(grid.columns) + size_t(c)].push_back(quint32(i));
            }
        }
    }
    return grid;
}

std::vector<quint32> BasemapData::query(const Grid &grid, const gis::BoundingBox &box)
{
    std::vector<quint32> result;
    if (grid.cells.empty() || box.isEmpty()) {
        return result;
    }
    const double maxX = grid.originX + grid.columns * grid.cellSize;
    const double maxY = grid.originY + grid.rows * grid.cellSize;
    if (box.maxX < grid.originX || box.minX > maxX || box.maxY < grid.originY || box.minY > maxY) {
        return result;
    }
    const int c0 = std::clamp(int((box.minX - grid.originX) / grid.cellSize), 0, grid.columns - 1);
    const int c1 = std::clamp(int((box.maxX - grid.originX) / grid.cellSize), 0, grid.columns - 1);
    const int r0 = std::clamp(int((box.minY - grid.originY) / grid.cellSize), 0, grid.rows - 1);
    const int r1 = std::clamp(int((box.maxY - grid.originY) / grid.cellSize), 0, grid.rows - 1);
    for (int r = r0; r <= r1; ++r) {
        for (int c = c0; c <= c1; ++c) {
            const auto &cell = grid.cells[size_t(r) * size_t(grid.columns) + size_t(c)];
            result.insert(result.end(), cell.begin(), cell.end());
        }
    }
    std::sort(result.begin(), result.end());
    result.erase(std::unique(result.begin(), result.end()), result.end());
    return result;
}

std::vector<quint32> BasemapData::areasIn(const gis::BoundingBox &box) const
{
    std::vector<quint32> candidates = query(m_areaGrid, box);
    std::erase_if(candidates, [&](quint32 i) { return !m_areas[i].bounds.intersects(box); });
    return candidates;
}

std::vector<quint32> BasemapData::linesIn(const gis::BoundingBox &box) const
{
    std::vector<quint32> candidates = query(m_lineGrid, box);
    std::erase_if(candidates, [&](quint32 i) { return !m_lines[i].bounds.intersects(box); });
    return candidates;
}

const BasemapArea *BasemapData::findArea(qint64 osmId) const
{
    const auto it = std::find_if(
        m_areas.begin(), m_areas.end(), [osmId](const BasemapArea &a) { return a.osmId == osmId; });
    return it == m_areas.end() ? nullptr : &*it;
}

} // namespace infrasight::render
