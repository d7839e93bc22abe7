// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/core/result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QString>

#include <vector>

namespace infrasight::data {

class PgConnection;

/// Where a crew's vehicle is at one time, as vehicle_position stores it.
struct VehiclePosition
{
    qint64 crewId = 0;
    QString vehicleCode;
    QDateTime time;
    double lonDeg = 0.0;
    double latDeg = 0.0;
    double speedMps = 0.0;
    double headingDeg = 0.0; ///< clockwise from north
    double accuracyM = 0.0;  ///< the GPS fix's accuracy; the position is off by about that much
};

/// The crews' vehicles driving the city's real streets (basemap.road, without footways and
/// paths) for demos and for the geofence engine: each vehicle follows a road at its own speed
/// (20 to 50 km/h), turns at a junction onto a road that meets it (chosen by a hash of the seed,
/// so a run can be repeated), turns round at a dead end, and reports a position with GPS noise
/// of a few metres. Not thread-safe.
class VehicleSimulator
{
public:
    /// A crew's vehicle.
    struct Vehicle
    {
        qint64 crewId = 0;
        QString code;
    };

    explicit VehicleSimulator(quint64 seed = 1);

    /// Reads the crews that have a vehicle and the drivable roads from the database.
    [[nodiscard]] Result<void> load(PgConnection &connection);

    /// Uses these vehicles and roads (polylines of lon/lat in degrees) instead (tests).
    void setNetwork(QList<Vehicle> vehicles, std::vector<std::vector<QPointF>> roads);

    qsizetype vehicleCount() const { return qsizetype(m_states.size()); }

    qsizetype roadCount() const { return qsizetype(m_roads.size()); }

    /// Moves every vehicle on by `seconds` and returns where each is at `at`.
    QList<VehiclePosition> step(double seconds, const QDateTime &at);

    /// Stores positions in one INSERT (arrays bound as parameters).
    [[nodiscard]] static Result<void> store(PgConnection &connection,
                                            const QList<VehiclePosition> &positions);

private:
    struct State
    {
        Vehicle vehicle;
        int road = 0;
        int segment = 0; ///< from point segment to segment + 1 (or - 1 when backwards)
        bool forward = true;
        double along = 0.0; ///< metres into the segment
        double speedMps = 10.0;
        quint64 turns = 0; ///< for the choice at the next junction
    };

    double hash(quint64 a, quint64 b) const; ///< in [0, 1)
    void placeAll();
    /// At the end of its road: onto another road that meets it, else back the way it came.
    void turn(State &state);

    QPointF pointOf(int road, int index) const { return m_roads[size_t(road)][size_t(index)]; }

    static qint64 cellOf(QPointF meters);

    quint64 m_seed;
    std::vector<std::vector<QPointF>> m_roads; ///< EPSG:3857 metres
    QHash<qint64, QList<int>> m_ends; ///< grid cell -> road * 2 + (0: first point, 1: last)
    std::vector<State> m_states;
};

} // namespace infrasight::data
