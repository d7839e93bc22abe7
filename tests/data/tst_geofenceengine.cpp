// SPDX-License-Identifier: GPL-3.0-or-later
// The geofence event engine of migration 0006, run by the real server on a recorded trajectory
// set: each position goes in by its own INSERT in the order a device would deliver it, and the
// events are read back from geofence_event. The same set, judged by naive point-in-polygon
// (ST_Contains of each point, in arrival order), must fail: that is what the engine is for.
#include "data/pgconnection.h"
#include "tests/support/migrateddatabase.h"
#include "tests/support/resultcheck.h"

#include <QDateTime>
#include <QPointF>
#include <QTest>
#include <QTimeZone>

#include <cmath>
#include <map>
#include <optional>

using namespace infrasight;
using namespace Qt::StringLiterals;
using infrasight::tests::MigratedDatabase;

namespace {

// Each scenario lies in a square kilometre of its own: coordinates are metres east and north of
// its origin, turned into lon/lat with a local scale (geofence zones are geodesic, so a band of
// 5 m is 5 m here too, to well under a metre).
constexpr double OriginLon = 24.90;
constexpr double OriginLat = 60.17;
constexpr double MetresPerDegree = 111320.0;

QPointF toLonLat(int scenario, double x, double y)
{
    const double lon0 = OriginLon + 0.02 * scenario;
    return {lon0 + x / (MetresPerDegree * std::cos(OriginLat * M_PI / 180.0)),
            OriginLat + y / MetresPerDegree};
}

// Monday 2026-01-05 08:00 UTC: every time in a scenario is seconds from here.
QDateTime baseTime()
{
    return QDateTime(QDate(2026, 1, 5), QTime(8, 0), QTimeZone::utc());
}

struct Fence
{
    QString name;
    QList<QList<QPointF>> rings; // metres; the first is the shell, the others holes
    QString rules = u"{}"_s;
    QString schedule; // empty: always active
};

struct Fix
{
    double t;
    double x;
    double y;
    QString vehicle = u"A"_s;
    double accuracy = 4.0;
};

struct Expected
{
    QString fence;
    QString event;
    double from; // seconds: the event's time lies in [from, to]
    double to;
    QString vehicle = u"A"_s;
};

struct Scenario
{
    QString name;
    QList<Fence> fences;
    QList<Fix> fixes; // in arrival order
    QList<Expected> expected;
};

QList<QPointF> square(double x0, double y0, double x1, double y1)
{
    return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
}

Fence squareFence(const QString &rules = u"{}"_s)
{
    return {u"S"_s, {square(0, 0, 100, 100)}, rules, {}};
}

QList<Scenario> trajectorySet()
{
    QList<Scenario> set;

    // GPS jitter of a few metres around the west border, then around the east one.
    Scenario jitter{u"jitter"_s, {squareFence()}, {}, {}};
    const QList<double> xs{
        -40, -20, -4, 2, -3, 3, -2, 1, -1, 20, 50, 80, 98, 102, 97, 103, 99, 120, 150};
    for (qsizetype i = 0; i < xs.size(); ++i) {
        jitter.fixes.append({2.0 * double(i), xs[i], 50});
    }
    jitter.expected = {{u"S"_s, u"enter"_s, 16, 18}, {u"S"_s, u"exit"_s, 32, 34}};
    set.append(jitter);

    // 20 m/s across a 40 m fence, a fix every 5 s: no fix is ever inside.
    set.append({u"fast pass"_s,
                {{u"S"_s, {square(0, 0, 40, 40)}, u"{}"_s, {}}},
                {{0, -150, 20}, {5, -50, 20}, {10, 50, 20}, {15, 150, 20}},
                {{u"S"_s, u"enter"_s, 5, 10}, {u"S"_s, u"exit"_s, 5, 10}}});

    // A drive through at 4 m/s; two fixes straddling each border arrive swapped (2 s late).
    Scenario shuffled{u"out of order"_s, {squareFence()}, {}, {}};
    QList<int> order;
    for (int i = 0; i <= 20; ++i) {
        order.append(i);
    }
    std::swap(order[3], order[4]);
    std::swap(order[16], order[17]);
    for (int i : order) {
        shuffled.fixes.append({2.0 * i, -30 + 8.0 * i, 50});
    }
    shuffled.expected = {{u"S"_s, u"enter"_s, 6, 10}, {u"S"_s, u"exit"_s, 32, 34}};
    set.append(shuffled);

    // In, three fixes exactly on the east edge, back in and out; then one fix exactly on the
    // west edge from outside.
    set.append({u"on the edge"_s,
                {squareFence()},
                {{0, -30, 50},
                 {2, -10, 50},
                 {4, 10, 50},
                 {6, 50, 50},
                 {8, 100, 50},
                 {10, 100, 60},
                 {12, 100, 70},
                 {14, 60, 50},
                 {16, 20, 50},
                 {18, -20, 50},
                 {20, -40, 50},
                 {22, 0, 50},
                 {24, -30, 50}},
                {{u"S"_s, u"enter"_s, 2, 4}, {u"S"_s, u"exit"_s, 16, 18}}});

    // Across a 200 m fence with a 60 m hole in the middle; no fix falls in the hole.
    set.append({u"hole"_s,
                {{u"H"_s, {square(0, 0, 200, 200), square(70, 70, 130, 130)}, u"{}"_s, {}}},
                {{0, -20, 100}, {5, 40, 100}, {10, 160, 100}, {15, 230, 100}},
                {{u"H"_s, u"enter"_s, 0, 5},
                 {u"H"_s, u"exit"_s, 5, 10},
                 {u"H"_s, u"enter"_s, 5, 10},
                 {u"H"_s, u"exit"_s, 10, 15}}});

    // Active Mondays 08:00-09:00 UTC: A enters before 08:00 and leaves after (its exit counts),
    // B enters before 09:00 and leaves after (its enter counts).
    Fence scheduled = squareFence();
    scheduled.schedule = uR"({"tz": "UTC", "days": [1], "from": "08:00", "to": "09:00"})"_s;
    set.append({u"schedule boundary"_s,
                {scheduled},
                {{-30, -30, 50},
                 {-20, 20, 50},
                 {10, 50, 50},
                 {20, 120, 50},
                 {3590, -30, 50, u"B"_s},
                 {3595, 50, 50, u"B"_s},
                 {3605, 130, 50, u"B"_s}},
                {{u"S"_s, u"exit"_s, 10, 20}, {u"S"_s, u"enter"_s, 3590, 3595, u"B"_s}}});

    // A multipath jump into the fence with an accuracy of 80 m, outside otherwise.
    set.append({u"accuracy gate"_s,
                {squareFence()},
                {{0, -40, 50}, {2, -35, 50}, {4, 50, 50, u"A"_s, 80}, {6, -30, 50}, {8, -30, 50}},
                {}});

    // 30 s dwell.
    Scenario dwell{u"dwell"_s,
                   {squareFence(uR"({"enter": {}, "exit": {}, "dwell": {"seconds": 30}})"_s)},
                   {{0, -20, 50}, {5, 20, 50}},
                   {}};
    for (int t = 10; t <= 45; t += 5) {
        dwell.fixes.append({double(t), 20.0 + t, 50});
    }
    dwell.fixes.append({50, 130, 50});
    dwell.expected
        = {{u"S"_s, u"enter"_s, 0, 5}, {u"S"_s, u"dwell"_s, 30, 35}, {u"S"_s, u"exit"_s, 45, 50}};
    set.append(dwell);

    // First seen inside: no enter, but its exit.
    set.append({u"first fix inside"_s,
                {squareFence()},
                {{0, 50, 50}, {5, 80, 50}, {10, 130, 50}},
                {{u"S"_s, u"exit"_s, 5, 10}}});

    // Five minutes without a fix (more than max_gap): the later fix alone decides.
    set.append({u"gap"_s,
                {squareFence()},
                {{0, -50, 50}, {300, 50, 50}, {302, 52, 50}},
                {{u"S"_s, u"enter"_s, 300, 300}}});
    return set;
}

struct Event
{
    QString vehicle;
    QString fence;
    QString event;
    double t;
};

struct Verdict
{
    QStringList missed;
    QStringList falseEvents;
};

QString describe(const Event &e)
{
    return u"%1 %2 %3 at %4 s"_s.arg(e.vehicle, e.event, e.fence).arg(e.t, 0, 'f', 2);
}

// Every expected event matched by one actual event of the same vehicle, fence and kind in its
// time window; what is left over on either side is missed or false.
Verdict judge(const QList<Expected> &expected, const QList<Event> &actual)
{
    Verdict verdict;
    QList<bool> used(actual.size(), false);
    for (const Expected &want : expected) {
        bool found = false;
        for (qsizetype i = 0; i < actual.size() && !found; ++i) {
            const Event &e = actual[i];
            if (!used[i] && e.vehicle == want.vehicle && e.fence == want.fence
                && e.event == want.event && e.t >= want.from - 1e-6 && e.t <= want.to + 1e-6) {
                used[i] = true;
                found = true;
            }
        }
        if (!found) {
            verdict.missed.append(
                u"%1 %2 %3 in [%4, %5] s"_s.arg(want.vehicle, want.event, want.fence)
                    .arg(want.from)
                    .arg(want.to));
        }
    }
    for (qsizetype i = 0; i < actual.size(); ++i) {
        if (!used[i]) {
            verdict.falseEvents.append(describe(actual[i]));
        }
    }
    return verdict;
}

QString wktOf(int scenario, const Fence &fence)
{
    QStringList rings;
    for (const QList<QPointF> &ring : fence.rings) {
        QStringList points;
        for (const QPointF &p : ring) {
            const QPointF ll = toLonLat(scenario, p.x(), p.y());
            points.append(u"%1 %2"_s.arg(ll.x(), 0, 'g', 17).arg(ll.y(), 0, 'g', 17));
        }
        rings.append(u"("_s + points.join(u", "_s) + u")"_s);
    }
    return u"MULTIPOLYGON(("_s + rings.join(u", "_s) + u"))"_s;
}

} // namespace

class TestGeofenceEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void engineMatchesEveryScenario_data();
    void engineMatchesEveryScenario();
    void naivePointInPolygonFailsTheSet();
    void lateAndGatedPointsAreCounted();
    void alarmsFollowTheFenceRules();
    void classesChooseTheVehicles();
    void databaseRefusesInvalidGeometry();
    void editedFenceKeepsItsState();

private:
    QString vehicleCode(const Scenario &scenario, const QString &vehicle) const
    {
        return scenario.name + u"-"_s + vehicle;
    }

    bool insertFix(int scenario, const QString &vehicle, const Fix &fix);
    std::optional<qint64> scalar(const QString &sql, const QVariantList &params = {});

    std::optional<MigratedDatabase> m_database;
    data::PgConnection *m_sql = nullptr;
    QList<Scenario> m_set;
    // (scenario, fence name) -> id
    std::map<std::pair<int, QString>, qint64> m_fenceIds;
};

void TestGeofenceEngine::initTestCase()
{
    INFRASIGHT_REQUIRE_TEST_SERVER();
    auto database = MigratedDatabase::open({});
    QVERIFY2(database, qPrintable(database ? QString() : database.error().toString()));
    m_database.emplace(std::move(*database));
    m_sql = &m_database->connection();

    m_set = trajectorySet();
    for (int s = 0; s < m_set.size(); ++s) {
        for (const Fence &fence : m_set[s].fences) {
            auto id = m_sql->exec(
                u"INSERT INTO geofence (name, geom, rules, schedule) "
                "VALUES ($1, ST_GeomFromText($2, 4326), $3::jsonb, nullif($4, '')::jsonb) "
                "RETURNING id"_s,
                {fence.name, wktOf(s, fence), fence.rules, fence.schedule});
            INFRASIGHT_VERIFY_OK(id);
            m_fenceIds[{s, fence.name}] = id->toInt(0, 0);
        }
    }
}

bool TestGeofenceEngine::insertFix(int scenario, const QString &vehicle, const Fix &fix)
{
    const QPointF ll = toLonLat(scenario, fix.x, fix.y);
    auto inserted
        = m_sql->exec(u"INSERT INTO vehicle_position (vehicle_code, ts, geom, accuracy_m) "
                      "VALUES ($1, $2::timestamptz, ST_SetSRID(ST_MakePoint($3, $4), 4326), $5)"_s,
                      {vehicle,
                       baseTime().addMSecs(qint64(fix.t * 1000)).toString(Qt::ISODateWithMs),
                       ll.x(),
                       ll.y(),
                       fix.accuracy});
    if (!inserted) {
        qWarning() << inserted.error().toString();
    }
    return bool(inserted);
}

std::optional<qint64> TestGeofenceEngine::scalar(const QString &sql, const QVariantList &params)
{
    auto result = m_sql->exec(sql, params);
    if (!result || result->rowCount() < 1) {
        qWarning() << sql << (result ? u"no row"_s : result.error().toString());
        return std::nullopt;
    }
    return result->toInt(0, 0);
}

void TestGeofenceEngine::engineMatchesEveryScenario_data()
{
    QTest::addColumn<int>("scenario");
    for (int s = 0; s < trajectorySet().size(); ++s) {
        QTest::newRow(qPrintable(trajectorySet()[s].name)) << s;
    }
}

void TestGeofenceEngine::engineMatchesEveryScenario()
{
    QFETCH(int, scenario);
    const Scenario &set = m_set[scenario];
    for (const Fix &fix : set.fixes) {
        QVERIFY(insertFix(scenario, vehicleCode(set, fix.vehicle), fix));
    }
    // The last points are held for the late tolerance; the tick lets them through.
    QVERIFY(scalar(u"SELECT geofence_tick('infinity')"_s).has_value());

    auto rows = m_sql->exec(
        u"SELECT e.object_id, g.name, e.event, extract(epoch FROM e.ts - $2::timestamptz) "
        "FROM geofence_event e JOIN geofence g ON g.id = e.geofence_id "
        "WHERE e.object_id LIKE $1 || '-%' ORDER BY e.ts, e.id"_s,
        {set.name, baseTime().toString(Qt::ISODate)});
    INFRASIGHT_VERIFY_OK(rows);
    QList<Event> actual;
    for (int r = 0; r < rows->rowCount(); ++r) {
        actual.append({rows->text(r, 0).mid(set.name.size() + 1),
                       rows->text(r, 1),
                       rows->text(r, 2),
                       rows->toDouble(r, 3)});
    }
    const Verdict verdict = judge(set.expected, actual);
    QVERIFY2(verdict.missed.isEmpty(), qPrintable(u"missed: "_s + verdict.missed.join(u"; "_s)));
    QVERIFY2(verdict.falseEvents.isEmpty(),
             qPrintable(u"false: "_s + verdict.falseEvents.join(u"; "_s)));
}

// The approach the engine replaces: each fix in arrival order, inside = ST_Contains(fence, fix),
// an event when that changes (at the fix's time, if the fence is active then), dwell at the first
// fix that has been inside long enough.
void TestGeofenceEngine::naivePointInPolygonFailsTheSet()
{
    int missed = 0;
    int falseEvents = 0;
    QStringList failing;
    for (int s = 0; s < m_set.size(); ++s) {
        const Scenario &set = m_set[s];
        QList<Event> actual;
        std::map<std::pair<QString, QString>, double> enteredAt; // (vehicle, fence)
        std::map<std::pair<QString, QString>, bool> dwelt;
        for (const Fix &fix : set.fixes) {
            for (const Fence &fence : set.fences) {
                const QPointF ll = toLonLat(s, fix.x, fix.y);
                auto row = m_sql->exec(
                    u"SELECT ST_Contains(geom, ST_SetSRID(ST_MakePoint($2, $3), 4326)), "
                    "geofence_active_at(schedule, $4::timestamptz), "
                    "(rules -> 'dwell' ->> 'seconds')::float8 FROM geofence WHERE id = $1"_s,
                    {m_fenceIds.at({s, fence.name}),
                     ll.x(),
                     ll.y(),
                     baseTime().addMSecs(qint64(fix.t * 1000)).toString(Qt::ISODateWithMs)});
                INFRASIGHT_VERIFY_OK(row);
                const bool inside = row->value(0, 0).toBool();
                const bool active = row->value(0, 1).toBool();
                const std::pair key{fix.vehicle, fence.name};
                const bool wasInside = enteredAt.count(key) > 0;
                if (inside && !wasInside) {
                    enteredAt[key] = fix.t;
                    dwelt[key] = false;
                    if (active) {
                        actual.append({fix.vehicle, fence.name, u"enter"_s, fix.t});
                    }
                } else if (!inside && wasInside) {
                    enteredAt.erase(key);
                    if (active) {
                        actual.append({fix.vehicle, fence.name, u"exit"_s, fix.t});
                    }
                } else if (inside && !row->isNull(0, 2) && !dwelt[key]
                           && fix.t - enteredAt[key] >= row->toDouble(0, 2)) {
                    dwelt[key] = true;
                    if (active) {
                        actual.append({fix.vehicle, fence.name, u"dwell"_s, fix.t});
                    }
                }
            }
        }
        const Verdict verdict = judge(set.expected, actual);
        missed += int(verdict.missed.size());
        falseEvents += int(verdict.falseEvents.size());
        if (!verdict.missed.isEmpty() || !verdict.falseEvents.isEmpty()) {
            failing.append(set.name);
        }
    }
    qInfo("naive point-in-polygon: %d missed, %d false events; fails %s",
          missed,
          falseEvents,
          qPrintable(failing.join(u", "_s)));
    // Jitter, a fast pass, swapped fixes, fixes on an edge, the hole, the accuracy gate and a
    // first fix inside each catch it out.
    QVERIFY(missed >= 3);
    QVERIFY(falseEvents >= 8);
    for (const QString &name : {u"jitter"_s,
                                u"fast pass"_s,
                                u"out of order"_s,
                                u"on the edge"_s,
                                u"hole"_s,
                                u"accuracy gate"_s,
                                u"first fix inside"_s}) {
        QVERIFY2(failing.contains(name), qPrintable(name));
    }
}

void TestGeofenceEngine::lateAndGatedPointsAreCounted()
{
    // The accuracy gate's jump was not evaluated; the swapped fixes were within the tolerance.
    QCOMPARE(
        scalar(u"SELECT gated_points FROM geofence_track WHERE object_id = 'accuracy gate-A'"_s),
        std::optional<qint64>(1));
    QCOMPARE(scalar(u"SELECT late_points FROM geofence_track WHERE object_id = 'out of order-A'"_s),
             std::optional<qint64>(0));

    // A fix from before the last one evaluated is too late: stored, counted, not evaluated.
    const int s = int(m_set.size()); // a square kilometre of its own
    const Fence fence = squareFence();
    INFRASIGHT_VERIFY_OK(m_sql->exec(
        u"INSERT INTO geofence (name, geom) VALUES ('late', ST_GeomFromText($1, 4326))"_s,
        {wktOf(s, fence)}));
    for (int t = 0; t <= 40; t += 2) {
        QVERIFY(insertFix(s, u"late-A"_s, {double(t), -50.0, 50}));
    }
    QVERIFY(insertFix(s, u"late-A"_s, {10, 50, 50}));
    QCOMPARE(scalar(u"SELECT late_points FROM geofence_track WHERE object_id = 'late-A'"_s),
             std::optional<qint64>(1));
    QCOMPARE(scalar(u"SELECT count(*) FROM vehicle_position WHERE vehicle_code = 'late-A'"_s),
             std::optional<qint64>(22));
    QVERIFY(scalar(u"SELECT geofence_tick('infinity')"_s).has_value());
    QCOMPARE(scalar(u"SELECT count(*) FROM geofence_event WHERE object_id = 'late-A'"_s),
             std::optional<qint64>(0));
}

void TestGeofenceEngine::alarmsFollowTheFenceRules()
{
    const int s = int(m_set.size()) + 1;
    Fence restricted = squareFence(uR"({"enter": {"alarm": "critical"}, "exit": {}})"_s);
    auto id = m_sql->exec(u"INSERT INTO geofence (name, purpose, geom, rules) "
                          "VALUES ('Quay works', 'restricted_area', ST_GeomFromText($1, 4326), "
                          "$2::jsonb) RETURNING id"_s,
                          {wktOf(s, restricted), restricted.rules});
    INFRASIGHT_VERIFY_OK(id);
    const qint64 fenceId = id->toInt(0, 0);
    for (int i = 0; i <= 10; ++i) {
        QVERIFY(insertFix(s, u"VAN-7"_s, {2.0 * i, -20.0 + 10 * i, 50}));
    }
    // Still inside (x = 80): the enter is written once the fix after it is 5 s newer, and the
    // alarm is open.
    auto alarm = m_sql->exec(u"SELECT severity, state, message, source_kind FROM alarm "
                             "WHERE geofence_id = $1 AND object_id = 'VAN-7'"_s,
                             {fenceId});
    INFRASIGHT_VERIFY_OK(alarm);
    QCOMPARE(alarm->rowCount(), 1);
    QCOMPARE(alarm->text(0, 0), u"critical"_s);
    QCOMPARE(alarm->text(0, 1), u"new"_s);
    QCOMPARE(alarm->text(0, 2), u"VAN-7 entered Quay works"_s);
    QCOMPARE(alarm->text(0, 3), u"geofence"_s);

    // Out of the east side: the exit resolves it, by the system; no second alarm.
    for (int i = 11; i <= 16; ++i) {
        QVERIFY(insertFix(s, u"VAN-7"_s, {2.0 * i, -20.0 + 10 * i, 50}));
    }
    QVERIFY(scalar(u"SELECT geofence_tick('infinity')"_s).has_value());
    alarm = m_sql->exec(u"SELECT state, resolved_by, resolve_comment FROM alarm "
                        "WHERE geofence_id = $1 AND object_id = 'VAN-7'"_s,
                        {fenceId});
    INFRASIGHT_VERIFY_OK(alarm);
    QCOMPARE(alarm->rowCount(), 1);
    QCOMPARE(alarm->text(0, 0), u"resolved"_s);
    QCOMPARE(alarm->text(0, 1), u"system"_s);
    QCOMPARE(alarm->text(0, 2), u"left the geofence"_s);
    QCOMPARE(scalar(u"SELECT count(*) FROM geofence_event WHERE object_id = 'VAN-7'"_s),
             std::optional<qint64>(2));
}

void TestGeofenceEngine::classesChooseTheVehicles()
{
    const int s = int(m_set.size()) + 2;
    INFRASIGHT_VERIFY_OK(m_sql->execScript(
        u"INSERT INTO department (code, name) VALUES ('WST', 'Waste'), ('RTR', 'Roads');"
        "INSERT INTO crew (department_id, code, name, vehicle_code) "
        "SELECT id, 'C-' || code, code || ' crew', 'TRUCK-' || code FROM department "
        "WHERE code IN ('WST', 'RTR');"_s));
    INFRASIGHT_VERIFY_OK(
        m_sql->exec(u"INSERT INTO geofence (name, geom, rules) VALUES ('Depot', "
                    "ST_GeomFromText($1, 4326), '{\"enter\": {}, \"classes\": [\"WST\"]}')"_s,
                    {wktOf(s, squareFence())}));
    for (const QString &vehicle : {u"TRUCK-WST"_s, u"TRUCK-RTR"_s}) {
        for (int i = 0; i <= 8; ++i) {
            QVERIFY(insertFix(s, vehicle, {2.0 * i, -20.0 + 10 * i, 50}));
        }
    }
    QVERIFY(scalar(u"SELECT geofence_tick('infinity')"_s).has_value());
    auto events = m_sql->exec(u"SELECT object_id, event FROM geofence_event e "
                              "JOIN geofence g ON g.id = e.geofence_id WHERE g.name = 'Depot'"_s);
    INFRASIGHT_VERIFY_OK(events);
    QCOMPARE(events->rowCount(), 1);
    QCOMPARE(events->text(0, 0), u"TRUCK-WST"_s);
    QCOMPARE(events->text(0, 1), u"enter"_s);
}

void TestGeofenceEngine::databaseRefusesInvalidGeometry()
{
    // The bowtie, whatever client sends it.
    auto bowtie = m_sql->exec(
        u"INSERT INTO geofence (name, geom) VALUES ('bowtie', "
        "ST_GeomFromText('MULTIPOLYGON(((7.42 43.73, 7.43 43.74, 7.43 43.73, 7.42 43.74, "
        "7.42 43.73)))', 4326))"_s);
    QVERIFY(!bowtie);
    QCOMPARE(bowtie.error().sqlState, u"23514"_s);
    QCOMPARE(scalar(u"SELECT count(*) FROM geofence WHERE name = 'bowtie'"_s),
             std::optional<qint64>(0));
    // Nor may an edit make a fence invalid.
    auto edit = m_sql->exec(
        u"UPDATE geofence SET geom = ST_GeomFromText('MULTIPOLYGON(((7.42 43.73, 7.43 43.74, "
        "7.43 43.73, 7.42 43.74, 7.42 43.73)))', 4326) WHERE name = 'Quay works'"_s);
    QVERIFY(!edit);
    QCOMPARE(edit.error().sqlState, u"23514"_s);
}

void TestGeofenceEngine::editedFenceKeepsItsState()
{
    // A vehicle parked inside a fence whose shape is edited around it: no event from the edit.
    const int s = int(m_set.size()) + 3;
    auto id = m_sql->exec(u"INSERT INTO geofence (name, geom) VALUES ('Yard', "
                          "ST_GeomFromText($1, 4326)) RETURNING id"_s,
                          {wktOf(s, squareFence())});
    INFRASIGHT_VERIFY_OK(id);
    for (int t = 0; t <= 20; t += 2) {
        QVERIFY(insertFix(s, u"PARKED-1"_s, {double(t), 50, 50}));
    }
    Fence bigger{u"Yard"_s, {square(-50, -50, 150, 150)}, u"{}"_s, {}};
    INFRASIGHT_VERIFY_OK(
        m_sql->exec(u"UPDATE geofence SET geom = ST_GeomFromText($2, 4326) WHERE id = $1"_s,
                    {id->toInt(0, 0), wktOf(s, bigger)}));
    for (int t = 22; t <= 40; t += 2) {
        QVERIFY(insertFix(s, u"PARKED-1"_s, {double(t), 50, 50}));
    }
    QVERIFY(scalar(u"SELECT geofence_tick('infinity')"_s).has_value());
    QCOMPARE(scalar(u"SELECT count(*) FROM geofence_event WHERE object_id = 'PARKED-1'"_s),
             std::optional<qint64>(0));
    QCOMPARE(scalar(u"SELECT count(*) FROM geofence_state WHERE object_id = 'PARKED-1'"_s),
             std::optional<qint64>(1));
}

QTEST_GUILESS_MAIN(TestGeofenceEngine)
#include "tst_geofenceengine.moc"
