-- SPDX-License-Identifier: GPL-3.0-or-later
-- The geofence event engine (issue 6), in the database: it runs on every INSERT into
-- vehicle_position, whoever writes it, with no console open, and geofence_tick() (called by
-- `infrasightctl maintain` with alarm_tick) finishes the points of vehicles that went quiet.
--
-- MigrationRunner runs this file in ONE transaction with search_path = public; never edit it once
-- released (its SHA-256 is checked), add 000N_*.sql instead.
--
-- How a position becomes events
--   * Order. Points are taken per vehicle in device time (ts), not in arrival order. A point is
--     held until the vehicle has reported one late_tolerance newer (default 5 s of device time),
--     or until geofence_tick() passes it, so that points arriving out of order within the
--     tolerance are evaluated in the right order. A point older than the last one evaluated is
--     too late: it is kept in vehicle_position but counted (geofence_track.late_points) and not
--     evaluated, because the events after it have been written.
--   * Accuracy gate. A fix whose accuracy_m is worse than max_accuracy_m (default 25 m) is not
--     evaluated (geofence_track.gated_points).
--   * Hysteresis. Each fence has a band of buffer_m metres (rules.buffer_m, default 5 m, at least
--     0.5) on both sides of its border: geofence_zone.inner_geom is the fence shrunk by it and
--     outer_geom the fence grown by it (geodesic buffers). An object is inside once its path
--     reaches the inner zone and outside once its path leaves the outer zone; anything in the
--     band changes nothing. GPS jitter around a border and points exactly on an edge raise
--     nothing. A fence too thin for its band keeps its own shape as the inner zone.
--   * Crossings. The path between two consecutive evaluated points is a straight segment and is
--     walked with the rules above, so a fast pass with no point inside still yields enter and
--     exit, a drive through a hole yields exit and enter, and each event's time and place are
--     where the segment crossed (time interpolated). Points further apart than max_gap (default
--     2 min) are not joined: the later point alone decides.
--   * State. geofence_state holds one row per (fence, object) while the object is inside; no row
--     means outside. A missing row is never an event by itself: an object seen for the first
--     time, or inside a fence that was just drawn around it, is put inside without an enter.
--   * Dwell. rules.dwell.seconds: one dwell event per visit, at entered + seconds, written once a
--     later point (or the exit) shows the object was still inside then.
--   * Rules and schedule. The state machine always runs; what is recorded depends on the fence:
--     active, its schedule covering the event's time (geofence_active_at), the event kind being
--     asked for in rules, and the object's class (rules.classes; a vehicle's class is its
--     crew's department code).
--   * Alarms. An event whose rule has an "alarm" severity raises one alarm (source_kind
--     'geofence', object_id the vehicle). The vehicle's exit resolves its open alarms of that
--     fence ("left the geofence").
--
-- rules: {"enter": {"alarm": "critical"}, "exit": {}, "dwell": {"seconds": 600, "alarm":
--         "warning"}, "classes": ["WSW", "RTR"], "buffer_m": 5}
--   An event kind is recorded when its key is present; "alarm" is optional. A fence whose rules
--   name none of enter, exit and dwell records enter and exit (the 0001 default '{}').
-- schedule: NULL (always) or {"tz": "Europe/Monaco", "days": [1, 2, 3, 4, 5], "from": "07:00",
--           "to": "19:00"}: ISO days (1 = Monday) in the zone tz (default UTC), from inclusive,
--           to exclusive; to <= from spans midnight (it starts on the listed day).

-- ---------------------------------------------------------------------------------------------
-- Settings, zones, tracks and states
-- ---------------------------------------------------------------------------------------------
CREATE TABLE geofence_engine_config (
    singleton      boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    late_tolerance interval NOT NULL DEFAULT '5 seconds' CHECK (late_tolerance >= '0'),
    max_accuracy_m real NOT NULL DEFAULT 25 CHECK (max_accuracy_m > 0),
    buffer_m       real NOT NULL DEFAULT 5 CHECK (buffer_m >= 0.5),
    max_gap        interval NOT NULL DEFAULT '2 minutes' CHECK (max_gap > '0')
);
INSERT INTO geofence_engine_config DEFAULT VALUES;

-- A self-intersecting fence is refused by geofence_geom_valid (0001); an empty one is too.
ALTER TABLE geofence ADD CONSTRAINT geofence_geom_not_empty CHECK (NOT ST_IsEmpty(geom));

CREATE TABLE geofence_zone (
    geofence_id bigint PRIMARY KEY REFERENCES geofence (id) ON DELETE CASCADE,
    buffer_m    real NOT NULL,
    inner_geom  geometry(MultiPolygon, 4326) NOT NULL,
    outer_geom  geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX geofence_zone_outer_gist ON geofence_zone USING gist (outer_geom);

CREATE TABLE geofence_track (
    object_kind    text NOT NULL,
    object_id      text NOT NULL,
    object_class   text,
    processed_ts   timestamptz,  -- every point up to this device time has been taken
    point_ts       timestamptz,  -- the last point evaluated (not a gated one): its time
    point_geom     geometry(Point, 4326),
    max_ts         timestamptz NOT NULL,  -- newest device time received
    late_points    bigint NOT NULL DEFAULT 0,
    gated_points   bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (object_kind, object_id)
);

CREATE TABLE geofence_state (
    geofence_id bigint NOT NULL REFERENCES geofence (id) ON DELETE CASCADE,
    object_kind text NOT NULL,
    object_id   text NOT NULL,
    since       timestamptz NOT NULL,
    dwell_done  boolean NOT NULL DEFAULT false,
    PRIMARY KEY (object_kind, object_id, geofence_id)
);
CREATE INDEX geofence_state_fence_idx ON geofence_state (geofence_id);

-- The vehicle an alarm is about.
ALTER TABLE alarm ADD COLUMN object_id text;
CREATE INDEX alarm_geofence_object_idx ON alarm (geofence_id, object_id)
    WHERE geofence_id IS NOT NULL;

-- ---------------------------------------------------------------------------------------------
-- Zones: the fence shrunk and grown by its band, kept with the fence
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION geofence_buffer_m(rules jsonb) RETURNS real
LANGUAGE sql STABLE SET search_path = public, pg_temp
RETURN greatest(0.5, coalesce((rules ->> 'buffer_m')::real,
                              (SELECT buffer_m FROM geofence_engine_config)));

CREATE FUNCTION geofence_zone_update() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    band real := geofence_buffer_m(NEW.rules);
    shrunk geometry;
BEGIN
    shrunk := ST_CollectionExtract(ST_Buffer(NEW.geom::geography, -band)::geometry, 3);
    IF shrunk IS NULL OR ST_IsEmpty(shrunk) THEN
        shrunk := NEW.geom;
    END IF;
    INSERT INTO geofence_zone AS z (geofence_id, buffer_m, inner_geom, outer_geom)
    VALUES (NEW.id, band, ST_Multi(shrunk),
            ST_Multi(ST_CollectionExtract(ST_Buffer(NEW.geom::geography, band)::geometry, 3)))
    ON CONFLICT (geofence_id) DO UPDATE
        SET buffer_m = excluded.buffer_m, inner_geom = excluded.inner_geom,
            outer_geom = excluded.outer_geom;
    RETURN NULL;
END
$$;

CREATE TRIGGER geofence_zone_insert AFTER INSERT ON geofence
    FOR EACH ROW EXECUTE FUNCTION geofence_zone_update();
CREATE TRIGGER geofence_zone_change AFTER UPDATE OF geom, rules ON geofence
    FOR EACH ROW EXECUTE FUNCTION geofence_zone_update();

-- ---------------------------------------------------------------------------------------------
-- Schedule and rules
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION geofence_active_at(schedule jsonb, at timestamptz) RETURNS boolean
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = public, pg_temp AS $$
DECLARE
    local timestamp;
    t time;
    day integer;
    from_t time;
    to_t time;
    days jsonb;
BEGIN
    IF schedule IS NULL OR schedule = 'null'::jsonb OR schedule = '{}'::jsonb THEN
        RETURN true;
    END IF;
    local := at AT TIME ZONE coalesce(schedule ->> 'tz', 'UTC');
    t := local::time;
    day := extract(isodow FROM local)::integer;
    from_t := coalesce(schedule ->> 'from', '00:00')::time;
    to_t := coalesce(schedule ->> 'to', '24:00')::time;
    days := coalesce(schedule -> 'days', '[1,2,3,4,5,6,7]'::jsonb);
    IF from_t < to_t THEN
        RETURN days @> to_jsonb(day) AND t >= from_t AND t < to_t;
    END IF;
    -- Over midnight: the evening of a listed day, or the morning after one.
    RETURN (days @> to_jsonb(day) AND t >= from_t)
        OR (days @> to_jsonb(CASE day WHEN 1 THEN 7 ELSE day - 1 END) AND t < to_t);
END
$$;

-- Whether a fence records an event of this kind for an object of this class.
CREATE FUNCTION geofence_records(rules jsonb, event text, object_class text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (CASE WHEN NOT (rules ?| ARRAY['enter', 'exit', 'dwell']) THEN event IN ('enter', 'exit')
             ELSE rules ? event END)
   AND (jsonb_typeof(rules -> 'classes') IS DISTINCT FROM 'array'
        OR jsonb_array_length(rules -> 'classes') = 0
        OR (rules -> 'classes') @> to_jsonb(coalesce(object_class, 'vehicle')));

-- ---------------------------------------------------------------------------------------------
-- One step of the state machine: one object, one fence, one path from p0 (t0) to p1 (t1)
-- ---------------------------------------------------------------------------------------------
-- The parts of a segment inside a zone, as fractions [a, b] along it, sorted by a.
CREATE FUNCTION geofence_intervals(seg geometry, zone geometry, OUT a float8[], OUT b float8[])
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    part geometry;
    s float8;
    e float8;
BEGIN
    a := '{}';
    b := '{}';
    FOR part IN SELECT d.geom FROM ST_Dump(ST_Intersection(seg, zone)) d LOOP
        CONTINUE WHEN ST_IsEmpty(part);
        IF GeometryType(part) = 'POINT' THEN
            s := ST_LineLocatePoint(seg, part);
            e := s;
        ELSE
            s := ST_LineLocatePoint(seg, ST_StartPoint(part));
            e := ST_LineLocatePoint(seg, ST_EndPoint(part));
        END IF;
        a := a || least(s, e);
        b := b || greatest(s, e);
    END LOOP;
    -- ST_Dump's order is not the order along the segment in every case: sort the pairs.
    SELECT coalesce(array_agg(x.s ORDER BY x.s), '{}'), coalesce(array_agg(x.e ORDER BY x.s), '{}')
    INTO a, b FROM unnest(a, b) AS x (s, e);
END
$$;

-- inside: the state before the step (NULL: no row, decided by p0 without an event). Returns one
-- row per event (event, ts, geom) and a last row with event NULL and the state after the step.
-- p0 NULL or joined = false: p1 alone decides, at t1.
CREATE FUNCTION geofence_step(inside boolean, since timestamptz, dwell_done boolean,
                              p0 geometry, t0 timestamptz, p1 geometry, t1 timestamptz,
                              joined boolean, inner_zone geometry, outer_zone geometry,
                              dwell interval)
RETURNS TABLE (event text, ts timestamptz, geom geometry, inside_after boolean,
               since_after timestamptz, dwell_done_after boolean)
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    seg geometry;
    inner_a float8[];
    inner_b float8[];
    outer_a float8[];
    outer_b float8[];
    pos float8 := 0;
    x float8;
    i integer;
    span interval := t1 - t0;
    exit_at timestamptz;
    guard integer := 0;
BEGIN
    IF inside IS NULL THEN
        -- No row: inside only if p0 (or, first point, p1) is in the inner zone; no event.
        inside := ST_Intersects(inner_zone, coalesce(p0, p1));
        IF inside THEN
            since := coalesce(t0, t1);
            dwell_done := false;
        END IF;
        IF p0 IS NULL THEN
            RETURN QUERY SELECT NULL::text, t1, p1, inside, since, dwell_done;
            RETURN;
        END IF;
    END IF;

    IF NOT joined OR p0 IS NULL OR ST_Equals(p0, p1) THEN
        -- The point alone: in the inner zone is inside, out of the outer zone outside.
        IF NOT inside AND ST_Intersects(inner_zone, p1) THEN
            RETURN QUERY SELECT 'enter'::text, t1, p1, true, t1, false;
            inside := true;
            since := t1;
            dwell_done := false;
        ELSIF inside AND NOT ST_Intersects(outer_zone, p1) THEN
            IF NOT dwell_done AND dwell IS NOT NULL AND since + dwell <= t1 THEN
                RETURN QUERY SELECT 'dwell'::text, since + dwell, p1, true, since, true;
            END IF;
            RETURN QUERY SELECT 'exit'::text, t1, p1, false, NULL::timestamptz, false;
            inside := false;
        END IF;
        IF inside AND NOT dwell_done AND dwell IS NOT NULL AND since + dwell <= t1 THEN
            RETURN QUERY SELECT 'dwell'::text, since + dwell, p1, true, since, true;
            dwell_done := true;
        END IF;
        RETURN QUERY SELECT NULL::text, t1, p1, inside, CASE WHEN inside THEN since END,
                            inside AND dwell_done;
        RETURN;
    END IF;

    seg := ST_MakeLine(p0, p1);
    -- The common cases: outside and nowhere near the inner zone, or inside and staying within
    -- the outer zone.
    IF (NOT inside AND NOT ST_Intersects(inner_zone, seg))
       OR (inside AND ST_CoveredBy(seg, outer_zone)) THEN
        IF inside AND NOT dwell_done AND dwell IS NOT NULL AND since + dwell <= t1 THEN
            RETURN QUERY SELECT 'dwell'::text, since + dwell,
                                ST_LineInterpolatePoint(seg, greatest(0, least(1,
                                    extract(epoch FROM since + dwell - t0)
                                    / nullif(extract(epoch FROM span), 0)))), true, since, true;
            dwell_done := true;
        END IF;
        RETURN QUERY SELECT NULL::text, t1, p1, inside, CASE WHEN inside THEN since END,
                            inside AND dwell_done;
        RETURN;
    END IF;

    SELECT * INTO inner_a, inner_b FROM geofence_intervals(seg, inner_zone);
    SELECT * INTO outer_a, outer_b FROM geofence_intervals(seg, outer_zone);
    LOOP
        -- A segment crosses a fence a handful of times; the guard only stops rounding trouble.
        guard := guard + 1;
        EXIT WHEN guard > 64;
        IF NOT inside THEN
            -- The first point at or after pos in the inner zone.
            x := NULL;
            FOR i IN 1 .. coalesce(array_length(inner_a, 1), 0) LOOP
                IF inner_b[i] >= pos THEN
                    x := greatest(inner_a[i], pos);
                    EXIT;
                END IF;
            END LOOP;
            EXIT WHEN x IS NULL;
            pos := x;
            since := t0 + span * pos;
            dwell_done := false;
            inside := true;
            RETURN QUERY SELECT 'enter'::text, since, ST_LineInterpolatePoint(seg, pos), true,
                                since, false;
        ELSE
            -- Where the outer part that holds pos ends (pos itself if none holds it).
            x := pos;
            FOR i IN 1 .. coalesce(array_length(outer_a, 1), 0) LOOP
                IF outer_a[i] <= pos + 1e-9 AND outer_b[i] >= pos - 1e-9 THEN
                    x := outer_b[i];
                    EXIT;
                END IF;
            END LOOP;
            exit_at := CASE WHEN x >= 1 - 1e-9 THEN NULL ELSE t0 + span * x END;
            IF NOT dwell_done AND dwell IS NOT NULL AND since + dwell <= coalesce(exit_at, t1) THEN
                RETURN QUERY SELECT 'dwell'::text, since + dwell,
                                    ST_LineInterpolatePoint(seg, greatest(0, least(1,
                                        extract(epoch FROM since + dwell - t0)
                                        / nullif(extract(epoch FROM span), 0)))), true, since,
                                    true;
                dwell_done := true;
            END IF;
            EXIT WHEN exit_at IS NULL;
            pos := x;
            inside := false;
            RETURN QUERY SELECT 'exit'::text, exit_at, ST_LineInterpolatePoint(seg, pos), false,
                                NULL::timestamptz, false;
            -- Past the outer zone's edge: the next entry lies strictly further on.
            pos := pos + 1e-9;
        END IF;
    END LOOP;
    RETURN QUERY SELECT NULL::text, t1, p1, inside, CASE WHEN inside THEN since END,
                        inside AND dwell_done;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Evaluation of held points
-- ---------------------------------------------------------------------------------------------
-- Evaluates, for the vehicles named (all tracked ones if NULL), every held point up to
-- max_ts - late_tolerance, or up to flush_until when that is later. Returns the events written.
CREATE FUNCTION geofence_process(vehicles text[], flush_until timestamptz DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    cfg geofence_engine_config;
    written bigint[];
    round_events bigint[];
    stepped integer;
    total integer := 0;
BEGIN
    SELECT * INTO cfg FROM geofence_engine_config;
    LOOP
        -- One point per vehicle and round, in device time.
        WITH tracks AS (
            SELECT t.* FROM geofence_track t
            WHERE t.object_kind = 'vehicle' AND (vehicles IS NULL OR t.object_id = ANY (vehicles))
              AND t.max_ts > coalesce(t.processed_ts, '-infinity')
            FOR UPDATE),
        nxt AS (
            SELECT t.object_id, t.object_class, t.point_ts AS t0, t.point_geom AS p0,
                   v.ts AS t1, v.geom AS p1, v.gated
            FROM tracks t
            CROSS JOIN LATERAL (
                SELECT p.ts, p.geom,
                       coalesce(p.accuracy_m > cfg.max_accuracy_m, false) AS gated
                FROM vehicle_position p
                WHERE p.vehicle_code = t.object_id
                  AND p.ts > coalesce(t.processed_ts, '-infinity')
                  AND p.ts <= greatest(t.max_ts - cfg.late_tolerance, flush_until)
                ORDER BY p.ts, p.id LIMIT 1) v),
        seg AS (
            SELECT n.*, n.p0 IS NOT NULL AND n.t1 - n.t0 <= cfg.max_gap AS joined,
                   CASE WHEN n.p0 IS NOT NULL AND n.t1 - n.t0 <= cfg.max_gap
                        THEN ST_MakeLine(n.p0, n.p1) ELSE n.p1 END AS path
            FROM nxt n WHERE NOT n.gated),
        candidates AS (
            -- Fences near the path, and fences the object is inside of wherever the path goes.
            SELECT s.object_id, z.geofence_id
            FROM seg s JOIN geofence_zone z ON z.outer_geom && s.path
            UNION
            SELECT st.object_id, st.geofence_id
            FROM seg s
            JOIN geofence_state st ON st.object_kind = 'vehicle' AND st.object_id = s.object_id),
        pairs AS (
            SELECT s.*, z.geofence_id, z.inner_geom, z.outer_geom
            FROM candidates c
            JOIN seg s ON s.object_id = c.object_id
            JOIN geofence_zone z ON z.geofence_id = c.geofence_id),
        steps AS (
            SELECT p.object_id, p.object_class, p.geofence_id, g.rules, g.schedule, g.active, x.*
            FROM pairs p
            JOIN geofence g ON g.id = p.geofence_id
            LEFT JOIN geofence_state st
                   ON st.object_kind = 'vehicle' AND st.object_id = p.object_id
                  AND st.geofence_id = p.geofence_id
            CROSS JOIN LATERAL geofence_step(
                CASE WHEN st.geofence_id IS NOT NULL THEN true END,
                st.since, coalesce(st.dwell_done, false), p.p0, p.t0, p.p1, p.t1, p.joined,
                p.inner_geom, p.outer_geom,
                make_interval(secs => (g.rules -> 'dwell' ->> 'seconds')::float8)) x),
        events AS (
            INSERT INTO geofence_event (geofence_id, object_kind, object_id, event, ts, geom)
            SELECT s.geofence_id, 'vehicle', s.object_id, s.event, s.ts, s.geom
            FROM steps s
            WHERE s.event IS NOT NULL AND s.active AND geofence_active_at(s.schedule, s.ts)
              AND geofence_records(s.rules, s.event, s.object_class)
            ORDER BY s.ts, s.geofence_id, s.object_id
            RETURNING id),
        left_fence AS (
            DELETE FROM geofence_state st USING steps s
            WHERE s.event IS NULL AND NOT s.inside_after AND st.object_kind = 'vehicle'
              AND st.object_id = s.object_id AND st.geofence_id = s.geofence_id
            RETURNING 1),
        in_fence AS (
            INSERT INTO geofence_state AS st (geofence_id, object_kind, object_id, since,
                                              dwell_done)
            SELECT s.geofence_id, 'vehicle', s.object_id, s.since_after, s.dwell_done_after
            FROM steps s WHERE s.event IS NULL AND s.inside_after
            ON CONFLICT (object_kind, object_id, geofence_id) DO UPDATE
                SET since = excluded.since, dwell_done = excluded.dwell_done
            RETURNING 1),
        moved AS (
            UPDATE geofence_track t
            SET processed_ts = n.t1,
                point_ts = CASE WHEN n.gated THEN t.point_ts ELSE n.t1 END,
                point_geom = CASE WHEN n.gated THEN t.point_geom ELSE n.p1 END,
                gated_points = t.gated_points + n.gated::integer
            FROM nxt n
            WHERE t.object_kind = 'vehicle' AND t.object_id = n.object_id
            RETURNING 1)
        SELECT (SELECT array_agg(id) FROM events), (SELECT count(*) FROM moved)
        INTO round_events, stepped;

        EXIT WHEN stepped = 0;
        written := written || coalesce(round_events, '{}');
    END LOOP;

    IF cardinality(written) > 0 THEN
        PERFORM geofence_raise_alarms(written);
        total := cardinality(written);
    END IF;
    RETURN total;
END
$$;

-- Alarms for the events written, by their fences' rules; an exit resolves the object's open
-- alarms of that fence.
CREATE FUNCTION geofence_raise_alarms(event_ids bigint[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM set_config('infrasight.alarm_actor', 'system', true);
    INSERT INTO alarm (source_kind, geofence_id, object_id, severity, raised_at, message)
    SELECT 'geofence', e.geofence_id, e.object_id, g.rules -> e.event ->> 'alarm', e.ts,
           format('%s %s %s', e.object_id,
                  CASE e.event WHEN 'enter' THEN 'entered' WHEN 'exit' THEN 'left'
                               ELSE 'stayed in' END, g.name)
    FROM geofence_event e JOIN geofence g ON g.id = e.geofence_id
    WHERE e.id = ANY (event_ids) AND g.rules -> e.event ->> 'alarm' IN ('warning', 'critical')
    ORDER BY e.ts, e.id;

    UPDATE alarm a SET state = 'resolved', resolve_comment = 'left the geofence'
    FROM geofence_event e
    WHERE e.id = ANY (event_ids) AND e.event = 'exit'
      AND a.geofence_id = e.geofence_id AND a.object_id = e.object_id
      AND a.state IN ('new', 'acknowledged', 'shelved') AND a.raised_at <= e.ts;
    PERFORM set_config('infrasight.alarm_actor', '', true);
END
$$;

-- ---------------------------------------------------------------------------------------------
-- The trigger on vehicle_position, and the tick
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION vehicle_position_after_insert() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    vehicles text[];
BEGIN
    -- Points older than the last one evaluated are too late to be evaluated.
    UPDATE geofence_track t SET late_points = t.late_points + l.n
    FROM (SELECT n.vehicle_code, count(*) AS n
          FROM new_rows n JOIN geofence_track t2
            ON t2.object_kind = 'vehicle' AND t2.object_id = n.vehicle_code
          WHERE n.ts <= t2.processed_ts
          GROUP BY n.vehicle_code) l
    WHERE t.object_kind = 'vehicle' AND t.object_id = l.vehicle_code;

    WITH batch AS (
        SELECT n.vehicle_code, max(n.ts) AS max_ts, max(n.crew_id) AS crew_id
        FROM new_rows n GROUP BY n.vehicle_code),
    upserted AS (
        INSERT INTO geofence_track AS t (object_kind, object_id, object_class, max_ts)
        SELECT 'vehicle', b.vehicle_code, d.code, b.max_ts
        FROM batch b
        LEFT JOIN crew c ON c.id = coalesce(b.crew_id, (SELECT c2.id FROM crew c2
                                                         WHERE c2.vehicle_code = b.vehicle_code))
        LEFT JOIN department d ON d.id = c.department_id
        ORDER BY b.vehicle_code
        ON CONFLICT (object_kind, object_id) DO UPDATE
            SET max_ts = greatest(t.max_ts, excluded.max_ts),
                object_class = coalesce(excluded.object_class, t.object_class)
        RETURNING t.object_id)
    SELECT array_agg(object_id) INTO vehicles FROM upserted;

    PERFORM geofence_process(vehicles);
    RETURN NULL;
END
$$;

CREATE TRIGGER vehicle_position_geofence AFTER INSERT ON vehicle_position
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION vehicle_position_after_insert();

-- Evaluates the held points of every vehicle up to at - late_tolerance (points of vehicles that
-- stopped reporting). Called by `infrasightctl maintain`; returns the events written.
CREATE FUNCTION geofence_tick(at timestamptz DEFAULT now()) RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp
RETURN geofence_process(NULL, at - (SELECT late_tolerance FROM geofence_engine_config));

-- Deletes vehicle positions and geofence events older than keep. Admin only.
CREATE FUNCTION vehicle_position_retention(keep interval DEFAULT '30 days',
                                           OUT positions bigint, OUT events bigint)
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    DELETE FROM vehicle_position WHERE ts < now() - keep;
    GET DIAGNOSTICS positions = ROW_COUNT;
    DELETE FROM geofence_event WHERE ts < now() - keep;
    GET DIAGNOSTICS events = ROW_COUNT;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Zones of the fences that exist already; privileges
-- ---------------------------------------------------------------------------------------------
INSERT INTO geofence_zone (geofence_id, buffer_m, inner_geom, outer_geom)
SELECT g.id, geofence_buffer_m(g.rules),
       ST_Multi(coalesce(nullif(ST_CollectionExtract(
                                    ST_Buffer(g.geom::geography, -geofence_buffer_m(g.rules))
                                        ::geometry, 3), 'MULTIPOLYGON EMPTY'::geometry),
                         g.geom)),
       ST_Multi(ST_CollectionExtract(ST_Buffer(g.geom::geography, geofence_buffer_m(g.rules))
                                         ::geometry, 3))
FROM geofence g;

REVOKE ALL ON FUNCTION geofence_process(text[], timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION geofence_raise_alarms(bigint[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION geofence_tick(timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION vehicle_position_retention(interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION geofence_tick(timestamptz) TO infrasight_admin;
GRANT EXECUTE ON FUNCTION vehicle_position_retention(interval) TO infrasight_admin;
GRANT UPDATE ON geofence_engine_config TO infrasight_admin;
