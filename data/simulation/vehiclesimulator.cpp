// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/simulation/vehiclesimulator.h"

#include "data/pgconnection.h"
#include "data/seed/seedrandom.h"
#include "data/statement.h"
#include "gis/core/mercator.h"

#include <QLineF>

#include <cmath>
#include <numbers>

namespace infrasight::data {

namespace {

/// Road ends closer than this meet (OSM ways share their junction node: distance 0).
constexpr double JunctionMeters = 5.0;
constexpr double CellMeters = 20.0;
constexpr double MinSpeedMps = 20.0 / 3.6;
constexpr double MaxSpeedMps = 50.0 / 3.6;

/// Mercator metres per ground metre at a latitude.
double mercatorScale(QPointF meters)
{
    const double latRad = gis::mercatorMetersToLonLat(meters).latDeg * std::numbers::pi / 180.0;
    return 1.0 / std::cos(latRad);
}

} // namespace

VehicleSimulator::VehicleSimulator(quint64 seed)
    : m_seed(seed)
{}

Result<void> VehicleSimulator::load(PgConnection &connection)
{
    auto crews = connection.exec(QStringLiteral(
        "SELECT id, vehicle_code FROM crew WHERE vehicle_code IS NOT NULL ORDER BY id"));
    if (!crews) {
        return tl::unexpected(crews.error());
    }
    QList<Vehicle> vehicles;
    for (int row = 0; row < crews->rowCount(); ++row) {
        vehicles.append({crews->toInt(row, 0), crews->text(row, 1)});
    }
    // Streets a van may drive: not footways, paths, steps, cycleways, tracks or rails.
    auto points = connection.exec(QStringLiteral(
        "SELECT r.id, ST_X(d.geom), ST_Y(d.geom) FROM basemap.road r, ST_DumpPoints(r.geom) d "
        "WHERE r.class NOT IN ('footway', 'path', 'steps', 'cycleway', 'pedestrian', 'track', "
        "'bridleway', 'corridor', 'elevator', 'platform', 'construction', 'proposed') "
        "ORDER BY r.id, d.path"));
    if (!points) {
        return tl::unexpected(points.error());
    }
    std::vector<std::vector<QPointF>> roads;
    qint64 current = 0;
    for (int row = 0; row < points->rowCount(); ++row) {
        if (roads.empty() || points->toInt(row, 0) != current) {
            current = points->toInt(row, 0);
            roads.emplace_back();
        }
        roads.back().emplace_back(points->toDouble(row, 1), points->toDouble(row, 2));
    }
    setNetwork(std::move(vehicles), std::move(roads));
    return {};
}

void VehicleSimulator::setNetwork(QList<Vehicle> vehicles, std::vector<std::vector<QPointF>> roads)
{
    m_roads.clear();
    m_ends.clear();
    for (const std::vector<QPointF> &road : roads) {
        if (road.size() < 2) {
            continue;
        }
        std::vector<QPointF> meters;
        meters.reserve(road.size());
        for (const QPointF &lonLat : road) {
            meters.push_back(gis::lonLatToMercatorMeters(gis::LonLat{lonLat.x(), lonLat.y()}));
        }
        const int index = int(m_roads.size());
        m_ends[cellOf(meters.front())].append(index * 2);
        m_ends[cellOf(meters.back())].append(index * 2 + 1);
        m_roads.push_back(std::move(meters));
    }
    m_states.clear();
    if (m_roads.empty()) {
        return; // nowhere to drive
    }
    for (const Vehicle &vehicle : vehicles) {
        m_states.push_back(State{vehicle, 0, 0, true, 0.0, MinSpeedMps, 0});
    }
    placeAll();
}

qint64 VehicleSimulator::cellOf(QPointF meters)
{
    return (qint64(std::floor(meters.x() / CellMeters)) << 32)
           ^ qint64(std::floor(meters.y() / CellMeters));
}

double VehicleSimulator::hash(quint64 a, quint64 b) const
{
    return SeedRandom::hashUnit(m_seed, a, b);
}

void VehicleSimulator::placeAll()
{
    for (size_t i = 0; i < m_states.size(); ++i) {
        State &state = m_states[i];
        state.road = int(hash(i, 1) * double(m_roads.size())) % int(m_roads.size());
        state.forward = hash(i, 2) < 0.5;
        const int segments = int(m_roads[size_t(state.road)].size()) - 1;
        state.segment = state.forward ? 0 : segments;
        state.along = 0.0;
        state.speedMps = MinSpeedMps + hash(i, 3) * (MaxSpeedMps - MinSpeedMps);
    }
}

void VehicleSimulator::turn(State &state)
{
    const std::vector<QPointF> &road = m_roads[size_t(state.road)];
    const QPointF end = state.forward ? road.back() : road.front();
    // Roads with an end at this one's: in this cell or a neighbour.
    QList<int> candidates;
    const qint64 cx = qint64(std::floor(end.x() / CellMeters));
    const qint64 cy = qint64(std::floor(end.y() / CellMeters));
    for (qint64 dx = -1; dx <= 1; ++dx) {
        for (qint64 dy = -1; dy <= 1; ++dy) {
            for (int roadEnd : m_ends.value(((cx + dx) << 32) ^ (cy + dy))) {
                const int other = roadEnd / 2;
                const QPointF at = roadEnd % 2 == 0 ? m_roads[size_t(other)].front()
                                                    : m_roads[size_t(other)].back();
                if (other != state.road && QLineF(at, end).length() <= JunctionMeters) {
                    candidates.append(roadEnd);
                }
            }
        }
    }
    ++state.turns;
    if (candidates.isEmpty()) { // a dead end: back the way it came
        state.forward = !state.forward;
        state.segment = state.forward ? 0 : int(road.size()) - 1;
        state.along = 0.0;
        return;
    }
    const size_t vehicle = size_t(&state - m_states.data());
    const int chosen
        = candidates.at(int(hash(vehicle, 1000 + state.turns) * double(candidates.size()))
                        % int(candidates.size()));
    state.road = chosen / 2;
    state.forward = chosen % 2 == 0; // entered at its first point: drive it forwards
    state.segment = state.forward ? 0 : int(m_roads[size_t(state.road)].size()) - 1;
    state.along = 0.0;
}

QList<VehiclePosition> VehicleSimulator::step(double seconds, const QDateTime &at)
{
    QList<VehiclePosition> positions;
    positions.reserve(qsizetype(m_states.size()));
    const quint64 instant = quint64(at.toMSecsSinceEpoch());
    for (size_t i = 0; i < m_states.size(); ++i) {
        State &state = m_states[i];
        double left = state.speedMps * seconds; // ground metres still to drive
        QPointF from;
        QPointF to;
        for (int guard = 0; guard < 10'000; ++guard) {
            const std::vector<QPointF> &road = m_roads[size_t(state.road)];
            const int next = state.forward ? state.segment + 1 : state.segment - 1;
            if (next < 0 || next >= int(road.size())) {
                turn(state);
                continue;
            }
            from = road[size_t(state.segment)];
            to = road[size_t(next)];
            const double length = QLineF(from, to).length() / mercatorScale(from);
            if (state.along + left <= length) {
                state.along += left;
                break;
            }
            left -= length - state.along;
            state.segment = next;
            state.along = 0.0;
        }
        const double length = QLineF(from, to).length() / mercatorScale(from);
        const double t = length > 0.0 ? state.along / length : 0.0;
        QPointF meters = from + (to - from) * t;
        // GPS: 3 to 8 m accuracy, and an error of about that size.
        const double accuracy = 3.0 + 5.0 * hash(i, instant ^ 0x1234);
        const double angle = 2.0 * std::numbers::pi * hash(i, instant ^ 0x5678);
        const double error = accuracy * hash(i, instant ^ 0x9abc) * mercatorScale(meters);
        meters += QPointF(std::cos(angle), std::sin(angle)) * error;
        const gis::LonLat lonLat = gis::mercatorMetersToLonLat(meters);
        VehiclePosition position;
        position.crewId = state.vehicle.crewId;
        position.vehicleCode = state.vehicle.code;
        position.time = at;
        position.lonDeg = lonLat.lonDeg;
        position.latDeg = lonLat.latDeg;
        position.speedMps = state.speedMps;
        position.headingDeg = std::fmod(
            90.0 - std::atan2(to.y() - from.y(), to.x() - from.x()) * 180.0 / std::numbers::pi
                + 360.0,
            360.0);
        position.accuracyM = accuracy;
        positions.append(position);
    }
    return positions;
}

Result<void> VehicleSimulator::store(PgConnection &connection,
                                     const QList<VehiclePosition> &positions)
{
    if (positions.isEmpty()) {
        return {};
    }
    QList<qint64> crews;
    QVariantList codes, times, lons, lats, speeds, headings, accuracies;
    for (const VehiclePosition &p : positions) {
        crews.append(p.crewId);
        codes.append(p.vehicleCode);
        times.append(p.time);
        lons.append(p.lonDeg);
        lats.append(p.latDeg);
        speeds.append(p.speedMps);
        headings.append(p.headingDeg);
        accuracies.append(p.accuracyM);
    }
    auto inserted = connection.exec(
        QStringLiteral("INSERT INTO vehicle_position (crew_id, vehicle_code, ts, geom, speed_mps, "
                       "heading_deg, accuracy_m) "
                       "SELECT nullif(c, 0), v, t, ST_SetSRID(ST_MakePoint(x, y), 4326), s, h, a "
                       "FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::float8[], "
                       "$5::float8[], $6::float8[], $7::float8[], $8::float8[]) "
                       "AS u(c, v, t, x, y, s, h, a)"),
        {idArray(crews), codes, times, lons, lats, speeds, headings, accuracies});
    if (!inserted) {
        return tl::unexpected(inserted.error());
    }
    return {};
}

} // namespace infrasight::data
