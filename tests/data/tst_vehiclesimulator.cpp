// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated crew vehicles: they stay on the streets (within their GPS accuracy), drive at a
// town speed, turn onto the street that meets theirs at a junction, turn round at a dead end,
// and a seed repeats a run.
#include "data/simulation/vehiclesimulator.h"
#include "gis/core/mercator.h"

#include <QLineF>
#include <QTest>
#include <QTimeZone>

#include <cmath>

using infrasight::data::VehiclePosition;
using infrasight::data::VehicleSimulator;
using namespace Qt::StringLiterals;
namespace gis = infrasight::gis;

namespace {

// An L of two streets in Monaco: A runs 160 m east, B 220 m north from A's end.
const std::vector<QPointF> StreetA{{7.4200, 43.7300}, {7.4210, 43.7300}, {7.4220, 43.7300}};
const std::vector<QPointF> StreetB{{7.4220, 43.7300}, {7.4220, 43.7320}};

/// Ground metres from a position to a street.
double metresTo(const VehiclePosition &p, const std::vector<QPointF> &street)
{
    const QPointF at = gis::lonLatToMercatorMeters({p.lonDeg, p.latDeg});
    const double scale = std::cos(p.latDeg * M_PI / 180.0);
    double best = 1e12;
    for (size_t i = 0; i + 1 < street.size(); ++i) {
        const QPointF a = gis::lonLatToMercatorMeters({street[i].x(), street[i].y()});
        const QPointF b = gis::lonLatToMercatorMeters({street[i + 1].x(), street[i + 1].y()});
        const QPointF ab = b - a;
        const double t
            = std::clamp(QPointF::dotProduct(at - a, ab) / QPointF::dotProduct(ab, ab), 0.0, 1.0);
        best = std::min(best, QLineF(at, a + ab * t).length() * scale);
    }
    return best;
}

QList<QList<VehiclePosition>> drive(quint64 seed, int seconds)
{
    VehicleSimulator simulator(seed);
    simulator.setNetwork({{1, u"VAN-1"_s}, {2, u"VAN-2"_s}}, {StreetA, StreetB});
    QList<QList<VehiclePosition>> track;
    const QDateTime start(QDate(2026, 12, 2), QTime(10, 0), Qt::UTC);
    for (int s = 1; s <= seconds; ++s) {
        track.append(simulator.step(1.0, start.addSecs(s)));
    }
    return track;
}

} // namespace

class TestVehicleSimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void staysOnTheStreetsAtTownSpeed();
    void turnsAtTheJunction();
    void sameSeedSameRun();
    void noStreetsNoVehicles();
};

void TestVehicleSimulator::staysOnTheStreetsAtTownSpeed()
{
    const QList<QList<VehiclePosition>> track = drive(3, 120);
    for (const QList<VehiclePosition> &second : track) {
        QCOMPARE(second.size(), 2);
        for (const VehiclePosition &p : second) {
            QVERIFY(p.accuracyM >= 3.0 && p.accuracyM <= 8.0);
            const double off = std::min(metresTo(p, StreetA), metresTo(p, StreetB));
            QVERIFY2(off <= p.accuracyM + 0.5, qPrintable(QString::number(off)));
            QVERIFY(p.speedMps >= 20.0 / 3.6 && p.speedMps <= 50.0 / 3.6);
            QVERIFY(p.headingDeg >= 0.0 && p.headingDeg < 360.0);
        }
    }
}

void TestVehicleSimulator::turnsAtTheJunction()
{
    // In two minutes at 20 km/h or more a van drives over 660 m: past the junction at least
    // once, so it is seen on both streets, well away from the other.
    const QList<QList<VehiclePosition>> track = drive(5, 120);
    for (int vehicle = 0; vehicle < 2; ++vehicle) {
        bool onA = false;
        bool onB = false;
        for (const QList<VehiclePosition> &second : track) {
            const VehiclePosition &p = second.at(vehicle);
            onA = onA || metresTo(p, StreetB) > 40.0;
            onB = onB || metresTo(p, StreetA) > 40.0;
        }
        QVERIFY(onA);
        QVERIFY(onB);
    }
}

void TestVehicleSimulator::sameSeedSameRun()
{
    const auto first = drive(9, 30);
    const auto again = drive(9, 30);
    const auto other = drive(10, 30);
    QCOMPARE(first.last().first().lonDeg, again.last().first().lonDeg);
    QCOMPARE(first.last().first().latDeg, again.last().first().latDeg);
    QVERIFY(first.last().first().lonDeg != other.last().first().lonDeg
            || first.last().first().latDeg != other.last().first().latDeg);
}

void TestVehicleSimulator::noStreetsNoVehicles()
{
    VehicleSimulator simulator;
    simulator.setNetwork({{1, u"VAN-1"_s}}, {});
    QCOMPARE(simulator.vehicleCount(), 0);
    QVERIFY(simulator.step(1.0, QDateTime::currentDateTimeUtc()).isEmpty());
}

QTEST_APPLESS_MAIN(TestVehicleSimulator)
#include "tst_vehiclesimulator.moc"
