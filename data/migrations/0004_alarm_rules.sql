-- SPDX-License-Identifier: GPL-3.0-or-later
-- Alarm rules in the database (issue 5): rules run here, so alarms fire with no console open.
--
-- Ingest. A statement-level AFTER INSERT trigger on reading (transition table new_rows, allowed
-- on a partitioned table in PG 15) handles each INSERT or COPY as one set: no per-row function
-- call. Per statement it
--   * evaluates threshold and rate-of-change rules (below) against the new rows,
--   * resolves "offline" alarms of sensors whose data arrived again,
--   * writes the latest value per sensor into sensor_state (only if newer),
--   * keeps reading_1m and reading_1h current (upsert of n/min/max/sum per UTC bucket),
--   * sends one NOTIFY on channel "reading": {"table":"reading","op":"INSERT","count":N,
--     "from":ts,"to":ts}, so live charts fetch what arrived.
-- Nothing is written to alarm or alarm_rule_state unless a rule changes state, which keeps the
-- common path to a few index probes per sensor and batch.
--
-- Why sensor_state and not sensor.last_value/last_seen: an UPDATE of sensor, even one that the
-- 0001 triggers treat as telemetry (no version bump, no audit row), still sends a NOTIFY on
-- channel "sensor" per statement (every console would refetch the sensor layer after every
-- batch), runs a row trigger per sensor, and takes row locks that a planner's open edit of a
-- sensor would hold up (and that would hold up the planner). sensor_state has no triggers and is
-- written only here. sensor.last_value/last_seen keep what the seeder or an editor wrote; the
-- view sensor_live combines both (the newer wins) and is what consoles read.
--
-- Thresholds. Each (rule, sensor) pair is a latch with hysteresis h, per limit:
--   high side: set when value > limit, cleared when value < limit - h, otherwise unchanged;
--   low side:  set when value < limit, cleared when value > limit + h, otherwise unchanged.
-- Within a batch the state after the batch is decided by the latest reading that sets or clears
-- (a set-based max(ts) FILTER per limit), so evaluation is O(batch) and cannot flap inside the
-- band. Rule 0 (rule_id 0 in alarm_rule_state, NULL in alarm) is the sensor's own warn/crit
-- low/high and hysteresis; alarm_rule kind 'threshold' adds rules with params
-- {"low":..,"high":..,"hysteresis":..} at the rule's severity (or explicit warn_low, warn_high,
-- crit_low, crit_high) for one sensor (sensor_id), a kind (sensor_kind) or all sensors.
--   * One alarm per episode: raised when a limit is first crossed (raised_at is the time of that
--     reading), none while the value stays beyond or inside the band. An episode that starts and ends within one batch is still
--     raised (as a resolved alarm), so a spike is never lost.
--   * Warning then critical: the SAME open alarm is escalated to severity 'critical' (and its
--     value updated); it is not downgraded when the value falls back to the warning band. It
--     resolves when the value is back inside the warning limits by more than the hysteresis.
--   * Clearing sets state 'resolved', resolved_by 'system' (only the owner's SECURITY DEFINER
--     functions can stamp 'system', see alarm_stamp_transition).
--   * If an operator resolves or closes the alarm while the value is still beyond, no new alarm
--     is raised until the value has cleared and crossed again.
-- Rate of change: alarm_rule kind 'rate_of_change', params {"max_per_minute":..,
-- "hysteresis":..}: |delta value| per minute between consecutive readings (the first of a
-- batch against sensor_state), latched the same way.
-- Offline: alarm_rule kind 'offline', params {"intervals":N} (default 3): no reading for
-- N x sample_interval. Raised by alarm_tick() (nothing is inserted when a sensor is silent), one
-- alarm per outage, resolved on ingest when data arrives.
-- Aggregate: kind 'aggregate', params {"sensor_kind":..,"min_count":N[,"admin_level":L]}: N or
-- more sensors of that kind whose threshold latches (rule 0 or threshold rules) are set and that
-- lie inside one basemap.district polygon (any admin level unless admin_level is given; nested
-- districts count separately). One alarm per (rule, district), with alarm.district_id; resolved
-- when fewer than N are in breach.
-- Composite: kind 'composite', params {"op":"and"|"or","rules":[ids]}: raised while all/any of
-- the listed rules has a latch set (any sensor or district). Composites of composites are not
-- evaluated in order; list base rules.
-- Maintenance windows (maintenance_window) suppress raising, never clearing: a breach that starts
-- inside a window (for the sensor, its asset, a geofence or basemap district containing it, or the
-- whole city when no scope is given) raises nothing and leaves the latch unset, so a condition
-- still present after the window raises then.
--
-- Concurrency: a batch that would change an alarm takes a transaction advisory lock and
-- evaluates again under it (READ COMMITTED sees the other writer's committed state), so two
-- writers never raise the same alarm twice. alarm_tick() holds the same lock.
--
-- alarm_tick() does what no insert triggers: offline detection, escalation of unacknowledged
-- critical alarms, the return of shelved alarms whose time has passed, derived rules and reading
-- partitions for today..+7. `infrasightctl agent` calls it every 10 s; pg_cron could do the same
-- (SELECT alarm_tick() every 10 seconds).
--
-- Lifecycle: new -> acknowledged -> resolved -> closed; new or acknowledged -> shelved (until a
-- time) -> back to the state it came from (shelved_from); new or shelved -> resolved. Each step
-- stamps who (session_user) and when (server time) and keeps a comment. alarm_acknowledge,
-- alarm_resolve, alarm_close and alarm_shelve are SECURITY INVOKER: they run with the caller's
-- column grants on alarm, and EXECUTE is granted to infrasight_operator (admin is a member)
-- only. A viewer, planner or manager can neither call them nor UPDATE alarm directly. Operators
-- keep the direct column UPDATE of 0001; alarm_stamp_transition checks every transition either
-- way (SQLSTATE 23514 check_violation for an illegal one).

-- ---------------------------------------------------------------------------------------------
-- State tables
-- ---------------------------------------------------------------------------------------------

-- The latest reading per sensor, written by the ingest trigger only.
-- Every row is rewritten by nearly every batch: pages are kept mostly empty so that each update
-- is a HOT update on the same page, and page pruning (not only vacuum) reclaims the old
-- versions. Without that the table and its index bloat by a page per batch and every lookup
-- walks long version chains (measured: 20 us instead of 1 us per probe after 300 batches).
CREATE TABLE sensor_state (
    sensor_id  bigint PRIMARY KEY REFERENCES sensor (id) ON DELETE CASCADE,
    last_value double precision NOT NULL,
    last_seen  timestamptz NOT NULL
) WITH (fillfactor = 20, autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000);

CREATE VIEW sensor_live AS
SELECT s.id AS sensor_id,
       CASE WHEN st.last_seen IS NOT NULL AND (s.last_seen IS NULL OR st.last_seen >= s.last_seen)
            THEN st.last_value ELSE s.last_value END AS last_value,
       greatest(st.last_seen, s.last_seen) AS last_seen
FROM sensor s
LEFT JOIN sensor_state st ON st.sensor_id = s.id;

-- One latch per (rule, subject). rule_id 0 is a sensor's own thresholds. subject_id is the
-- sensor (threshold, rate_of_change, offline), the basemap.district (aggregate) or 0
-- (composite). No foreign keys on rule and subject (subjects are of several kinds; alarm_tick()
-- removes orphans), but one on the alarm: a TRUNCATE alarm ... CASCADE (the seeder's reset)
-- empties the latches too, so a new city does not inherit the old one's latches.
CREATE TABLE alarm_rule_state (
    rule_id    bigint NOT NULL,
    subject_id bigint NOT NULL,
    kind       text NOT NULL
               CHECK (kind IN ('threshold', 'rate_of_change', 'offline', 'composite',
                               'aggregate')),
    hi_level   smallint NOT NULL DEFAULT 0 CHECK (hi_level BETWEEN 0 AND 2),
    lo_level   smallint NOT NULL DEFAULT 0 CHECK (lo_level BETWEEN 0 AND 2),
    since      timestamptz NOT NULL DEFAULT now(),
    alarm_id   bigint REFERENCES alarm (id) ON DELETE SET NULL,
    value      double precision,
    PRIMARY KEY (rule_id, subject_id)
);
CREATE INDEX alarm_rule_state_set_idx ON alarm_rule_state (kind, subject_id)
    WHERE hi_level > 0 OR lo_level > 0;
CREATE INDEX alarm_rule_state_alarm_idx ON alarm_rule_state (alarm_id);

-- Planned work: suppresses raising alarms (not clearing them) while it lasts. At most one scope;
-- none means the whole city.
CREATE TABLE maintenance_window (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    asset_id    bigint REFERENCES asset (id) ON DELETE CASCADE,
    sensor_id   bigint REFERENCES sensor (id) ON DELETE CASCADE,
    geofence_id bigint REFERENCES geofence (id) ON DELETE CASCADE,
    district_id bigint, -- basemap.district; no key, the base map is reloaded as a whole
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    reason      text NOT NULL DEFAULT '',
    version     integer NOT NULL DEFAULT 1,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  text DEFAULT current_user,
    CONSTRAINT maintenance_window_period CHECK (ends_at > starts_at),
    CONSTRAINT maintenance_window_one_scope
        CHECK (num_nonnulls(asset_id, sensor_id, geofence_id, district_id) <= 1)
);
CREATE INDEX maintenance_window_ends_idx ON maintenance_window (ends_at);

CREATE TRIGGER maintenance_window_version BEFORE UPDATE ON maintenance_window
    FOR EACH ROW EXECUTE FUNCTION bump_version();
CREATE TRIGGER maintenance_window_audit_insert AFTER INSERT ON maintenance_window
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_statement();
CREATE TRIGGER maintenance_window_audit_update AFTER UPDATE ON maintenance_window
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_statement();
CREATE TRIGGER maintenance_window_audit_delete AFTER DELETE ON maintenance_window
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_statement();

-- Shelving records who, when, why and the state to return to; aggregate alarms name a district.
ALTER TABLE alarm
    ADD COLUMN shelved_at     timestamptz,
    ADD COLUMN shelved_by     text,
    ADD COLUMN shelve_comment text,
    ADD COLUMN shelved_from   text CHECK (shelved_from IN ('new', 'acknowledged')),
    ADD COLUMN district_id    bigint;

-- Rollup rows are updated in place by every batch of their minute or hour: leave room for HOT
-- updates (see sensor_state).
ALTER TABLE reading_1m SET (fillfactor = 50);
ALTER TABLE reading_1h SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0,
                            autovacuum_vacuum_threshold = 10000);

-- ---------------------------------------------------------------------------------------------
-- Lifecycle stamps and legal transitions (replaces the 0001 version)
-- ---------------------------------------------------------------------------------------------
-- The actor is session_user (the login, also inside SECURITY DEFINER functions), or 'system'
-- when the owner's rule functions set infrasight.alarm_actor: the setting alone is not enough,
-- the statement must also run as the owner of alarm, which only those functions do.
CREATE OR REPLACE FUNCTION alarm_stamp_transition() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    who text := session_user;
BEGIN
    IF NEW.state IS NOT DISTINCT FROM OLD.state THEN
        RETURN NEW;
    END IF;
    IF current_setting('infrasight.alarm_actor', true) = 'system'
       AND current_user = (SELECT pg_catalog.pg_get_userbyid(c.relowner)
                           FROM pg_catalog.pg_class c WHERE c.oid = TG_RELID) THEN
        who := 'system';
    END IF;
    IF (OLD.state, NEW.state) NOT IN (('new', 'acknowledged'), ('new', 'resolved'),
                                      ('new', 'shelved'), ('acknowledged', 'resolved'),
                                      ('acknowledged', 'shelved'), ('shelved', 'new'),
                                      ('shelved', 'acknowledged'), ('shelved', 'resolved'),
                                      ('resolved', 'closed')) THEN
        RAISE EXCEPTION 'alarm % cannot go from % to %', OLD.id, OLD.state, NEW.state
            USING ERRCODE = 'check_violation',
                  HINT = 'new -> acknowledged -> resolved -> closed; new or acknowledged -> '
                         'shelved -> back; a closed alarm stays closed';
    END IF;
    IF NEW.state = 'shelved' AND NEW.shelved_until <= now() THEN
        RAISE EXCEPTION 'alarm % cannot be shelved until %, which has passed', OLD.id,
                        NEW.shelved_until
            USING ERRCODE = 'check_violation';
    END IF;
    CASE NEW.state
        WHEN 'acknowledged' THEN
            -- back from shelved: the acknowledgement that was made stays
            IF OLD.state <> 'shelved' OR NEW.acknowledged_at IS NULL THEN
                NEW.acknowledged_at := now();
                NEW.acknowledged_by := who;
            END IF;
        WHEN 'resolved' THEN
            NEW.resolved_at := now();
            NEW.resolved_by := who;
        WHEN 'closed' THEN
            NEW.closed_at := now();
            NEW.closed_by := who;
        WHEN 'shelved' THEN
            NEW.shelved_at := now();
            NEW.shelved_by := who;
            NEW.shelved_from := OLD.state;
        ELSE
            NULL;
    END CASE;
    RETURN NEW;
END
$$;

-- One transition for the lifecycle functions below. SECURITY INVOKER on purpose: the UPDATE
-- needs the caller's own column grants on alarm.
CREATE FUNCTION alarm_set_state(alarm_id bigint, target text, comment text,
                                expected_version integer, until timestamptz DEFAULT NULL)
RETURNS alarm
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
    found_alarm alarm;
    changed alarm;
BEGIN
    SELECT * INTO found_alarm FROM alarm a WHERE a.id = alarm_set_state.alarm_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'alarm % does not exist', alarm_set_state.alarm_id
            USING ERRCODE = 'no_data_found';
    END IF;
    IF expected_version IS NOT NULL AND found_alarm.version <> expected_version THEN
        RAISE EXCEPTION 'alarm % was changed by someone else', found_alarm.id
            USING ERRCODE = 'serialization_failure',
                  DETAIL = format('version %s in the database, %s expected; state %s',
                                  found_alarm.version, expected_version, found_alarm.state);
    END IF;
    IF found_alarm.state = target THEN
        RAISE EXCEPTION 'alarm % is already %', found_alarm.id, target
            USING ERRCODE = 'check_violation';
    END IF;
    CASE target
        WHEN 'acknowledged' THEN
            UPDATE alarm a SET state = target, ack_comment = comment
            WHERE a.id = found_alarm.id RETURNING * INTO changed;
        WHEN 'resolved' THEN
            UPDATE alarm a SET state = target, resolve_comment = comment
            WHERE a.id = found_alarm.id RETURNING * INTO changed;
        WHEN 'closed' THEN
            UPDATE alarm a SET state = target, close_comment = comment
            WHERE a.id = found_alarm.id RETURNING * INTO changed;
        WHEN 'shelved' THEN
            IF until IS NULL THEN
                RAISE EXCEPTION 'shelving alarm % needs a time to return', found_alarm.id
                    USING ERRCODE = 'null_value_not_allowed';
            END IF;
            UPDATE alarm a SET state = target, shelved_until = until, shelve_comment = comment
            WHERE a.id = found_alarm.id RETURNING * INTO changed;
        ELSE
            RAISE EXCEPTION 'unknown alarm state %', target USING ERRCODE = 'invalid_parameter_value';
    END CASE;
    RETURN changed;
END
$$;

CREATE FUNCTION alarm_acknowledge(alarm_id bigint, comment text DEFAULT NULL,
                                  expected_version integer DEFAULT NULL)
RETURNS alarm
LANGUAGE sql SET search_path = public, pg_temp
RETURN alarm_set_state(alarm_id, 'acknowledged', comment, expected_version);

CREATE FUNCTION alarm_resolve(alarm_id bigint, comment text DEFAULT NULL,
                              expected_version integer DEFAULT NULL)
RETURNS alarm
LANGUAGE sql SET search_path = public, pg_temp
RETURN alarm_set_state(alarm_id, 'resolved', comment, expected_version);

CREATE FUNCTION alarm_close(alarm_id bigint, comment text DEFAULT NULL,
                            expected_version integer DEFAULT NULL)
RETURNS alarm
LANGUAGE sql SET search_path = public, pg_temp
RETURN alarm_set_state(alarm_id, 'closed', comment, expected_version);

CREATE FUNCTION alarm_shelve(alarm_id bigint, until timestamptz, comment text DEFAULT NULL,
                             expected_version integer DEFAULT NULL)
RETURNS alarm
LANGUAGE sql SET search_path = public, pg_temp
RETURN alarm_set_state(alarm_id, 'shelved', comment, expected_version, until);

-- ---------------------------------------------------------------------------------------------
-- Rule helpers
-- ---------------------------------------------------------------------------------------------

-- A latch: the latest set or clear event wins; with neither, the previous state stays.
-- Plain SQL, immutable, no SET clause: the planner inlines it.
CREATE FUNCTION alarm_latch(previous boolean, set_at timestamptz, clear_at timestamptz)
RETURNS boolean
LANGUAGE sql IMMUTABLE
RETURN CASE WHEN set_at IS NULL AND clear_at IS NULL THEN previous
            ELSE set_at IS NOT NULL AND (clear_at IS NULL OR set_at > clear_at) END;

-- The limits of a threshold rule: params {"low":..,"high":..} at the rule's severity, or
-- explicit warn_low/warn_high/crit_low/crit_high, and "hysteresis" (default 0). Inlined.
CREATE FUNCTION alarm_rule_limits(params jsonb, severity text,
                                  OUT wl float8, OUT wh float8, OUT cl float8, OUT ch float8,
                                  OUT h float8)
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce((params ->> 'warn_low')::float8,
                    CASE WHEN severity = 'warning' THEN (params ->> 'low')::float8 END),
           coalesce((params ->> 'warn_high')::float8,
                    CASE WHEN severity = 'warning' THEN (params ->> 'high')::float8 END),
           coalesce((params ->> 'crit_low')::float8,
                    CASE WHEN severity = 'critical' THEN (params ->> 'low')::float8 END),
           coalesce((params ->> 'crit_high')::float8,
                    CASE WHEN severity = 'critical' THEN (params ->> 'high')::float8 END),
           coalesce((params ->> 'hysteresis')::float8, 0)
$$;

-- True if a maintenance window covers the sensor (or, with sensor NULL, the district) at a time.
CREATE FUNCTION alarm_in_maintenance(for_sensor bigint, for_district bigint, at_time timestamptz)
RETURNS boolean
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT EXISTS (
        SELECT FROM maintenance_window w
        LEFT JOIN sensor s ON s.id = for_sensor
        WHERE w.starts_at <= at_time AND w.ends_at > at_time
          AND (num_nonnulls(w.asset_id, w.sensor_id, w.geofence_id, w.district_id) = 0
               OR w.sensor_id = s.id
               OR w.asset_id = s.asset_id
               OR w.district_id = for_district
               OR (w.geofence_id IS NOT NULL
                   AND EXISTS (SELECT FROM geofence g
                               WHERE g.id = w.geofence_id AND ST_Intersects(g.geom, s.geom)))
               OR (w.district_id IS NOT NULL
                   AND EXISTS (SELECT FROM basemap.district d
                               WHERE d.id = w.district_id AND ST_Intersects(d.geom, s.geom)))))
$$;

CREATE FUNCTION alarm_severity(level integer) RETURNS text
LANGUAGE sql IMMUTABLE
RETURN CASE WHEN level >= 2 THEN 'critical' ELSE 'warning' END;

-- Serialises everything that raises or clears alarms (ingest batches with a change, alarm_tick).
CREATE FUNCTION alarm_lock() RETURNS void
LANGUAGE sql
RETURN pg_advisory_xact_lock(7423060504); -- 'alarm' as a number of our own

-- One change of a threshold or rate-of-change latch, computed by the ingest trigger.
CREATE TYPE alarm_latch_change AS (
    rule_id      bigint,
    sensor_id    bigint,
    asset_id     bigint,
    kind         text,
    prev_level   smallint,
    new_hi       smallint,
    new_lo       smallint,
    peak         smallint,
    alarm_id     bigint,
    first_breach timestamptz,
    value        double precision,
    message      text,
    suppressed   boolean
);

-- A latch that should be set (rules evaluated as a whole: offline, aggregate, composite).
CREATE TYPE alarm_wanted AS (
    rule_id     bigint,
    subject_id  bigint,
    level       smallint,
    sensor_id   bigint,
    asset_id    bigint,
    district_id bigint,
    source_kind text,
    value       double precision,
    message     text
);

-- Makes the latches of one kind match "wanted": raises an alarm for each new entry (unless a
-- maintenance window covers it; then the latch stays unset and the next call tries again) and
-- resolves the alarm of each set latch that is no longer wanted. Caller holds alarm_lock().
CREATE FUNCTION alarm_apply_wanted(latch_kind text, wanted alarm_wanted[], clear_comment text,
                                   OUT raised integer, OUT resolved integer)
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM set_config('infrasight.alarm_actor', 'system', true);
    WITH w AS (SELECT * FROM unnest(wanted) WHERE level > 0),
    cur AS (SELECT * FROM alarm_rule_state
            WHERE kind = latch_kind AND (hi_level > 0 OR lo_level > 0)),
    fresh AS (SELECT w.* FROM w
              WHERE NOT EXISTS (SELECT FROM cur
                                WHERE cur.rule_id = w.rule_id AND cur.subject_id = w.subject_id)
                AND NOT alarm_in_maintenance(w.sensor_id, w.district_id, now())),
    inserted AS (
        INSERT INTO alarm (rule_id, source_kind, sensor_id, asset_id, district_id, severity,
                           value, message)
        SELECT f.rule_id, f.source_kind, f.sensor_id, f.asset_id, f.district_id,
               alarm_severity(f.level), f.value, f.message
        FROM fresh f ORDER BY f.rule_id, f.subject_id
        RETURNING id, rule_id,
                  CASE latch_kind WHEN 'offline' THEN sensor_id WHEN 'aggregate' THEN district_id
                                  ELSE 0 END AS subject_id),
    gone AS (SELECT cur.* FROM cur
             WHERE NOT EXISTS (SELECT FROM w
                               WHERE w.rule_id = cur.rule_id AND w.subject_id = cur.subject_id)),
    cleared AS (
        UPDATE alarm a SET state = 'resolved', resolve_comment = clear_comment
        FROM gone WHERE a.id = gone.alarm_id AND a.state IN ('new', 'acknowledged', 'shelved')
        RETURNING a.id),
    latched AS (
        INSERT INTO alarm_rule_state AS st (rule_id, subject_id, kind, hi_level, lo_level, since,
                                            alarm_id, value)
        SELECT f.rule_id, f.subject_id, latch_kind, f.level, 0, now(), i.id, f.value
        FROM fresh f JOIN inserted i ON i.rule_id = f.rule_id AND i.subject_id = f.subject_id
        UNION ALL
        SELECT gone.rule_id, gone.subject_id, latch_kind, 0, 0, now(), gone.alarm_id, gone.value
        FROM gone
        ON CONFLICT (rule_id, subject_id) DO UPDATE
        SET hi_level = excluded.hi_level, lo_level = excluded.lo_level, since = excluded.since,
            alarm_id = excluded.alarm_id, value = excluded.value
        RETURNING 1)
    SELECT (SELECT count(*) FROM inserted), (SELECT count(*) FROM cleared)
    INTO raised, resolved;
    PERFORM set_config('infrasight.alarm_actor', '', true);
END
$$;

-- Aggregate and composite rules, recomputed from the latches (small). Caller holds alarm_lock().
CREATE FUNCTION alarm_evaluate_derived(OUT raised integer, OUT resolved integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    wanted alarm_wanted[];
    more_raised integer;
    more_resolved integer;
BEGIN
    raised := 0;
    resolved := 0;
    IF EXISTS (SELECT FROM alarm_rule WHERE kind = 'aggregate' AND enabled)
       OR EXISTS (SELECT FROM alarm_rule_state WHERE kind = 'aggregate') THEN
        SELECT array_agg(ROW(x.rule_id, x.district_id, x.level, NULL, NULL, x.district_id,
                             'system', x.n,
                             format('%s %s sensors in breach in %s (limit %s)', x.n, x.sensor_kind,
                                    x.district_name, x.min_count))::alarm_wanted)
        INTO wanted
        FROM (SELECT r.id AS rule_id, d.id AS district_id, d.name AS district_name,
                     CASE r.severity WHEN 'critical' THEN 2 ELSE 1 END AS level,
                     coalesce(r.params ->> 'sensor_kind', r.sensor_kind) AS sensor_kind,
                     coalesce((r.params ->> 'min_count')::integer, 1) AS min_count,
                     count(DISTINCT s.id) AS n
              FROM alarm_rule r
              JOIN sensor s ON s.kind = coalesce(r.params ->> 'sensor_kind', r.sensor_kind)
              JOIN basemap.district d
                ON ST_Intersects(d.geom, s.geom)
               AND (r.params ->> 'admin_level' IS NULL
                    OR d.admin_level = (r.params ->> 'admin_level')::integer)
              WHERE r.kind = 'aggregate' AND r.enabled
                AND EXISTS (SELECT FROM alarm_rule_state st
                            WHERE st.kind = 'threshold' AND st.subject_id = s.id
                              AND (st.hi_level > 0 OR st.lo_level > 0))
              GROUP BY r.id, d.id) x
        WHERE x.n >= x.min_count;
        SELECT * INTO more_raised, more_resolved
        FROM alarm_apply_wanted('aggregate', coalesce(wanted, '{}'),
                                'fewer sensors in breach than the rule''s minimum');
        raised := raised + more_raised;
        resolved := resolved + more_resolved;
    END IF;

    IF EXISTS (SELECT FROM alarm_rule WHERE kind = 'composite' AND enabled)
       OR EXISTS (SELECT FROM alarm_rule_state WHERE kind = 'composite') THEN
        SELECT array_agg(ROW(x.id, 0, x.level, x.sensor_id, s.asset_id, NULL,
                             CASE WHEN x.sensor_id IS NULL THEN 'system' ELSE 'sensor' END,
                             NULL, x.name)::alarm_wanted)
        INTO wanted
        FROM (SELECT r.id, r.name, r.sensor_id,
                     CASE r.severity WHEN 'critical' THEN 2 ELSE 1 END AS level,
                     lower(coalesce(r.params ->> 'op', 'and')) AS op,
                     (SELECT count(*) FROM jsonb_array_elements_text(r.params -> 'rules') e)
                         AS listed,
                     (SELECT count(DISTINCT st.rule_id)
                      FROM jsonb_array_elements_text(r.params -> 'rules') AS e(rule_ref)
                      JOIN alarm_rule_state st ON st.rule_id = e.rule_ref::bigint
                      WHERE st.hi_level > 0 OR st.lo_level > 0) AS active
              FROM alarm_rule r
              WHERE r.kind = 'composite' AND r.enabled
                AND jsonb_typeof(r.params -> 'rules') = 'array') x
        LEFT JOIN sensor s ON s.id = x.sensor_id
        WHERE x.listed > 0
          AND CASE x.op WHEN 'or' THEN x.active > 0 ELSE x.active = x.listed END;
        SELECT * INTO more_raised, more_resolved
        FROM alarm_apply_wanted('composite', coalesce(wanted, '{}'),
                                'the combined condition no longer holds');
        raised := raised + more_raised;
        resolved := resolved + more_resolved;
    END IF;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- The ingest trigger
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION reading_after_insert() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    changes alarm_latch_change[];
    only_sensors bigint[]; -- the second evaluation looks at the sensors that changed only
    batch_count bigint;
    batch_from timestamptz;
    batch_to timestamptz;
    changed boolean := false;
BEGIN
    SELECT count(*), min(ts), max(ts) INTO batch_count, batch_from, batch_to FROM new_rows;
    IF batch_count = 0 THEN
        RETURN NULL;
    END IF;

    -- 1. Threshold and rate-of-change latches. Computed once without the lock; only a batch that
    --    changes something takes it and computes again, seeing what other writers committed.
    FOR attempt IN 1 .. 2 LOOP
        WITH batch AS (
            -- one pass over the batch: the extremes per sensor
            SELECT n.sensor_id, min(n.value) AS lowest, max(n.value) AS highest
            FROM new_rows n
            WHERE only_sensors IS NULL OR n.sensor_id = ANY (only_sensors)
            GROUP BY n.sensor_id
        ),
        rules AS MATERIALIZED (
            -- the enabled threshold rules with their limits, computed once per rule
            SELECT r.id, r.sensor_id, r.sensor_kind, p.*
            FROM alarm_rule r
            CROSS JOIN LATERAL alarm_rule_limits(r.params, r.severity) p
            WHERE r.kind = 'threshold' AND r.enabled
        ),
        rate_sensors AS MATERIALIZED (
            -- (rate rule, sensor) pairs with the sensor's reading before this batch
            SELECT r.id AS rule_id, r.severity, s.id AS sensor_id,
                   (r.params ->> 'max_per_minute')::float8 AS m,
                   coalesce((r.params ->> 'hysteresis')::float8, 0) AS h,
                   ss.last_value, ss.last_seen
            FROM alarm_rule r
            JOIN sensor s ON s.id = r.sensor_id
                          OR (r.sensor_id IS NULL
                              AND (r.sensor_kind IS NULL OR r.sensor_kind = s.kind))
            LEFT JOIN sensor_state ss ON ss.sensor_id = s.id
            WHERE r.kind = 'rate_of_change' AND r.enabled
        ),
        limits AS (
            -- rule 0: the sensor's own limits
            SELECT b.sensor_id, 0::bigint AS rule_id, b.lowest, b.highest,
                   coalesce(s.warn_low, s.crit_low) AS wl, coalesce(s.warn_high, s.crit_high) AS wh,
                   s.crit_low AS cl, s.crit_high AS ch, s.hysteresis AS h
            FROM batch b
            JOIN sensor s ON s.id = b.sensor_id
            WHERE num_nonnulls(s.warn_low, s.warn_high, s.crit_low, s.crit_high) > 0
            UNION ALL
            -- threshold rules
            SELECT b.sensor_id, r.id, b.lowest, b.highest,
                   coalesce(r.wl, r.cl), coalesce(r.wh, r.ch), r.cl, r.ch, r.h
            FROM rules r
            JOIN sensor s ON s.id = r.sensor_id
                          OR (r.sensor_id IS NULL
                              AND (r.sensor_kind IS NULL OR r.sensor_kind = s.kind))
            JOIN batch b ON b.sensor_id = s.id
        ),
        obs AS (
            -- Reading by reading only where a limit was crossed in the batch or the latch is
            -- set: a latch at rest with every value inside cannot change.
            SELECT n.sensor_id, l.rule_id, 'threshold' AS kind, n.ts, n.value AS x,
                   l.wl, l.wh, l.cl, l.ch, l.h
            FROM limits l
            JOIN new_rows n ON n.sensor_id = l.sensor_id
            WHERE l.highest > l.wh OR l.lowest < l.wl
               OR EXISTS (SELECT FROM alarm_rule_state st
                          WHERE st.rule_id = l.rule_id AND st.subject_id = l.sensor_id
                            AND (st.hi_level > 0 OR st.lo_level > 0))
            UNION ALL
            -- rate of change per minute between consecutive readings; the first of a batch
            -- against the sensor's previous latest reading
            SELECT q.sensor_id, q.rule_id, 'rate_of_change', q.ts,
                   abs(q.value - q.pv) * 60.0 / extract(epoch FROM q.ts - q.pts)::float8,
                   NULL, q.m, NULL, CASE WHEN q.severity = 'critical' THEN q.m END, q.h
            FROM (SELECT n.sensor_id, rs.rule_id, rs.severity, n.ts, n.value, rs.m, rs.h,
                         coalesce(lag(n.value) OVER w, rs.last_value) AS pv,
                         coalesce(lag(n.ts) OVER w, rs.last_seen) AS pts
                  FROM rate_sensors rs
                  JOIN new_rows n ON n.sensor_id = rs.sensor_id
                  WHERE only_sensors IS NULL OR n.sensor_id = ANY (only_sensors)
                  WINDOW w AS (PARTITION BY rs.rule_id, n.sensor_id ORDER BY n.ts)) q
            WHERE q.pts < q.ts
        ),
        agg AS (
            SELECT o.rule_id, o.sensor_id, min(o.kind) AS kind,
                   max(o.ts) FILTER (WHERE o.x > o.wh) AS hw_set,
                   max(o.ts) FILTER (WHERE o.x < o.wh - o.h) AS hw_clear,
                   max(o.ts) FILTER (WHERE o.x > o.ch) AS hc_set,
                   max(o.ts) FILTER (WHERE o.x < o.ch - o.h) AS hc_clear,
                   max(o.ts) FILTER (WHERE o.x < o.wl) AS lw_set,
                   max(o.ts) FILTER (WHERE o.x > o.wl + o.h) AS lw_clear,
                   max(o.ts) FILTER (WHERE o.x < o.cl) AS lc_set,
                   max(o.ts) FILTER (WHERE o.x > o.cl + o.h) AS lc_clear,
                   min(o.ts) FILTER (WHERE o.x > o.wh OR o.x < o.wl) AS first_breach,
                   max(o.x) FILTER (WHERE o.x > o.wh) AS peak_high,
                   min(o.x) FILTER (WHERE o.x < o.wl) AS peak_low,
                   max(o.wh) AS wh, max(o.ch) AS ch, max(o.wl) AS wl, max(o.cl) AS cl
            FROM obs o
            GROUP BY o.rule_id, o.sensor_id
        ),
        cur AS (
            SELECT a.*, coalesce(st.hi_level, 0) AS p_hi, coalesce(st.lo_level, 0) AS p_lo,
                   st.alarm_id
            FROM agg a
            LEFT JOIN alarm_rule_state st ON st.rule_id = a.rule_id AND st.subject_id = a.sensor_id
            WHERE a.hw_set IS NOT NULL OR a.lw_set IS NOT NULL
               OR st.hi_level > 0 OR st.lo_level > 0
        ),
        nxt AS (
            SELECT c.*, greatest(c.p_hi, c.p_lo) AS prev_level,
                   CASE WHEN alarm_latch(c.p_hi = 2, c.hc_set, c.hc_clear) THEN 2
                        WHEN alarm_latch(c.p_hi >= 1, c.hw_set, c.hw_clear) THEN 1
                        ELSE 0 END AS new_hi,
                   CASE WHEN alarm_latch(c.p_lo = 2, c.lc_set, c.lc_clear) THEN 2
                        WHEN alarm_latch(c.p_lo >= 1, c.lw_set, c.lw_clear) THEN 1
                        ELSE 0 END AS new_lo,
                   CASE WHEN c.hc_set IS NOT NULL OR c.lc_set IS NOT NULL THEN 2
                        WHEN c.hw_set IS NOT NULL OR c.lw_set IS NOT NULL THEN 1
                        ELSE 0 END AS peak
            FROM cur c
        )
        SELECT array_agg(ROW(x.rule_id, x.sensor_id, s.asset_id, x.kind, x.prev_level, x.new_hi,
                             x.new_lo, x.peak, x.alarm_id, x.first_breach,
                             coalesce(x.peak_high, x.peak_low),
                             format('%s: %s%s %s the %s limit %s%s', s.code,
                                    CASE WHEN x.kind = 'rate_of_change' THEN 'change of '
                                         ELSE '' END,
                                    round(coalesce(x.peak_high, x.peak_low)::numeric, 3)::float8,
                                    CASE WHEN x.peak_high IS NOT NULL THEN 'above' ELSE 'below' END,
                                    alarm_severity(x.peak),
                                    CASE WHEN x.peak_high IS NOT NULL
                                         THEN CASE WHEN x.peak = 2 THEN x.ch ELSE x.wh END
                                         ELSE CASE WHEN x.peak = 2 THEN x.cl ELSE x.wl END END,
                                    CASE WHEN x.kind = 'rate_of_change' THEN ' per minute'
                                         ELSE coalesce(' ' || s.unit, '') END),
                             x.prev_level = 0 AND x.peak > 0
                                 AND alarm_in_maintenance(x.sensor_id, NULL, x.first_breach)
                             )::alarm_latch_change ORDER BY x.rule_id, x.sensor_id)
        INTO changes
        FROM nxt x
        JOIN sensor s ON s.id = x.sensor_id
        WHERE (x.new_hi, x.new_lo) IS DISTINCT FROM (x.p_hi, x.p_lo)
           OR (x.prev_level = 0 AND x.peak > 0)
           OR (x.prev_level = 1 AND x.peak = 2);

        EXIT WHEN changes IS NULL OR attempt = 2;
        PERFORM alarm_lock();
        SELECT array_agg(DISTINCT c.sensor_id) INTO only_sensors FROM unnest(changes) c;
    END LOOP;

    IF changes IS NOT NULL THEN
        changed := true;
        PERFORM set_config('infrasight.alarm_actor', 'system', true);
        WITH c AS (SELECT * FROM unnest(changes)),
        raised AS (
            INSERT INTO alarm (rule_id, source_kind, sensor_id, asset_id, severity, state,
                               raised_at, value, message, resolved_at, resolved_by,
                               resolve_comment)
            SELECT nullif(c.rule_id, 0), 'sensor', c.sensor_id, c.asset_id,
                   alarm_severity(c.peak),
                   CASE WHEN greatest(c.new_hi, c.new_lo) = 0 THEN 'resolved' ELSE 'new' END,
                   c.first_breach, c.value, c.message,
                   CASE WHEN greatest(c.new_hi, c.new_lo) = 0 THEN now() END,
                   CASE WHEN greatest(c.new_hi, c.new_lo) = 0 THEN 'system' END,
                   CASE WHEN greatest(c.new_hi, c.new_lo) = 0
                        THEN 'back within limits in the same batch' END
            FROM c
            WHERE c.prev_level = 0 AND c.peak > 0 AND NOT c.suppressed
            ORDER BY c.rule_id, c.sensor_id
            RETURNING id, coalesce(rule_id, 0) AS rule_id, sensor_id),
        updated AS (
            UPDATE alarm a
            SET severity = CASE WHEN c.peak = 2 THEN 'critical' ELSE a.severity END,
                value = CASE WHEN c.peak = 2 AND a.severity <> 'critical' THEN c.value
                             ELSE a.value END,
                message = CASE WHEN c.peak = 2 AND a.severity <> 'critical' THEN c.message
                               ELSE a.message END,
                state = CASE WHEN greatest(c.new_hi, c.new_lo) = 0 THEN 'resolved'
                             ELSE a.state END,
                resolve_comment = CASE WHEN greatest(c.new_hi, c.new_lo) = 0
                                       THEN 'back within limits' ELSE a.resolve_comment END
            FROM c
            WHERE a.id = c.alarm_id AND c.prev_level > 0
              AND a.state IN ('new', 'acknowledged', 'shelved')
              AND ((c.peak = 2 AND a.severity <> 'critical') OR greatest(c.new_hi, c.new_lo) = 0)
            RETURNING a.id)
        INSERT INTO alarm_rule_state AS st (rule_id, subject_id, kind, hi_level, lo_level, since,
                                            alarm_id, value)
        SELECT c.rule_id, c.sensor_id, c.kind, c.new_hi, c.new_lo,
               coalesce(c.first_breach, now()), coalesce(r.id, c.alarm_id), c.value
        FROM c
        LEFT JOIN raised r ON r.rule_id = c.rule_id AND r.sensor_id = c.sensor_id
        WHERE NOT (c.prev_level = 0 AND c.suppressed)
        ORDER BY c.rule_id, c.sensor_id
        ON CONFLICT (rule_id, subject_id) DO UPDATE
        SET hi_level = excluded.hi_level, lo_level = excluded.lo_level, since = excluded.since,
            alarm_id = excluded.alarm_id, value = coalesce(excluded.value, st.value);
    END IF;

    -- 2. Offline alarms of sensors that reported again.
    IF EXISTS (SELECT FROM alarm_rule_state st
               WHERE st.kind = 'offline' AND (st.hi_level > 0 OR st.lo_level > 0)
                 AND st.subject_id IN (SELECT n.sensor_id FROM new_rows n)) THEN
        PERFORM alarm_lock();
        changed := true;
        PERFORM set_config('infrasight.alarm_actor', 'system', true);
        WITH back AS (
            SELECT st.rule_id, st.subject_id, st.alarm_id
            FROM alarm_rule_state st
            WHERE st.kind = 'offline' AND (st.hi_level > 0 OR st.lo_level > 0)
              AND st.subject_id IN (SELECT n.sensor_id FROM new_rows n)),
        cleared AS (
            UPDATE alarm a SET state = 'resolved', resolve_comment = 'data arrived again'
            FROM back
            WHERE a.id = back.alarm_id AND a.state IN ('new', 'acknowledged', 'shelved')
            RETURNING a.id)
        UPDATE alarm_rule_state st SET hi_level = 0, lo_level = 0, since = now()
        FROM back
        WHERE st.rule_id = back.rule_id AND st.subject_id = back.subject_id;
    END IF;

    IF changed THEN
        PERFORM set_config('infrasight.alarm_actor', '', true);
        IF EXISTS (SELECT FROM alarm_rule WHERE kind IN ('aggregate', 'composite') AND enabled)
           OR EXISTS (SELECT FROM alarm_rule_state WHERE kind IN ('aggregate', 'composite')) THEN
            PERFORM alarm_evaluate_derived();
        END IF;
    END IF;

    -- 3. Latest value per sensor (after the rate rules read the previous one).
    INSERT INTO sensor_state AS st (sensor_id, last_value, last_seen)
    SELECT DISTINCT ON (n.sensor_id) n.sensor_id, n.value, n.ts
    FROM new_rows n
    WHERE EXISTS (SELECT FROM sensor s WHERE s.id = n.sensor_id)
    ORDER BY n.sensor_id, n.ts DESC
    ON CONFLICT (sensor_id) DO UPDATE
    SET last_value = excluded.last_value, last_seen = excluded.last_seen
    WHERE excluded.last_seen > st.last_seen;

    -- 4. Rollups, in key order so that concurrent writers lock rows in the same order; the hour
    --    from the minutes.
    WITH m AS (
        SELECT n.sensor_id, date_trunc('minute', n.ts, 'UTC') AS bucket, count(*) AS n,
               min(n.value) AS min, max(n.value) AS max, sum(n.value) AS sum
        FROM new_rows n
        GROUP BY 1, 2),
    minutes AS (
        INSERT INTO reading_1m AS r (sensor_id, bucket, n, min, max, sum)
        SELECT * FROM m ORDER BY 1, 2
        ON CONFLICT (sensor_id, bucket) DO UPDATE
        SET n = r.n + excluded.n, min = least(r.min, excluded.min),
            max = greatest(r.max, excluded.max), sum = r.sum + excluded.sum)
    INSERT INTO reading_1h AS r (sensor_id, bucket, n, min, max, sum)
    SELECT m.sensor_id, date_trunc('hour', m.bucket, 'UTC'), sum(m.n), min(m.min), max(m.max),
           sum(m.sum)
    FROM m
    GROUP BY 1, 2
    ORDER BY 1, 2
    ON CONFLICT (sensor_id, bucket) DO UPDATE
    SET n = r.n + excluded.n, min = least(r.min, excluded.min), max = greatest(r.max, excluded.max),
        sum = r.sum + excluded.sum;

    PERFORM pg_notify('reading', json_build_object('table', 'reading', 'op', 'INSERT',
                                                   'count', batch_count, 'from', batch_from,
                                                   'to', batch_to)::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER reading_ingest AFTER INSERT ON reading REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION reading_after_insert();

-- ---------------------------------------------------------------------------------------------
-- The periodic tick
-- ---------------------------------------------------------------------------------------------
-- Called every 10 s by `infrasightctl agent` (or pg_cron). Idempotent; a second caller waits for
-- the first. escalate_after applies to rules without params.escalate_after_minutes and to alarms
-- without a rule. Shelved alarms whose shelved_until has passed return to the state they were
-- shelved from (new or acknowledged; the acknowledgement stays).
CREATE FUNCTION alarm_tick(escalate_after interval DEFAULT '15 minutes',
                           OUT raised integer, OUT resolved integer, OUT escalated integer,
                           OUT unshelved integer, OUT partitions integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    wanted alarm_wanted[];
    more_raised integer;
    more_resolved integer;
BEGIN
    PERFORM alarm_lock();

    -- Offline: no reading for N x sample_interval.
    SELECT array_agg(ROW(x.rule_id, x.sensor_id, x.level, x.sensor_id, x.asset_id, NULL, 'sensor',
                         NULL, format('%s: no data since %s', x.code,
                                      to_char(x.seen AT TIME ZONE 'UTC',
                                              'YYYY-MM-DD HH24:MI:SS "UTC"')))::alarm_wanted
                     ORDER BY x.rule_id, x.sensor_id)
    INTO wanted
    FROM (SELECT r.id AS rule_id, s.id AS sensor_id, s.asset_id, s.code,
                 CASE r.severity WHEN 'critical' THEN 2 ELSE 1 END AS level,
                 greatest(ss.last_seen, s.last_seen) AS seen,
                 s.sample_interval * coalesce((r.params ->> 'intervals')::float8, 3) AS grace
          FROM alarm_rule r
          JOIN sensor s ON s.id = r.sensor_id
                        OR (r.sensor_id IS NULL AND (r.sensor_kind IS NULL OR r.sensor_kind = s.kind))
          LEFT JOIN sensor_state ss ON ss.sensor_id = s.id
          WHERE r.kind = 'offline' AND r.enabled) x
    WHERE x.seen < now() - x.grace;
    SELECT * INTO raised, resolved
    FROM alarm_apply_wanted('offline', coalesce(wanted, '{}'), 'data arrived again');

    SELECT * INTO more_raised, more_resolved FROM alarm_evaluate_derived();
    raised := raised + more_raised;
    resolved := resolved + more_resolved;

    PERFORM set_config('infrasight.alarm_actor', 'system', true);

    -- Escalation of critical alarms nobody acknowledged.
    UPDATE alarm a SET escalated_at = now()
    FROM alarm a2
    LEFT JOIN alarm_rule ru ON ru.id = a2.rule_id
    WHERE a.id = a2.id
      AND a2.state = 'new' AND a2.severity = 'critical' AND a2.escalated_at IS NULL
      AND a2.raised_at <= now() - coalesce(make_interval(
                                               mins => (ru.params ->> 'escalate_after_minutes')
                                                           ::integer),
                                           escalate_after);
    GET DIAGNOSTICS escalated = ROW_COUNT;

    UPDATE alarm a SET state = coalesce(a.shelved_from, 'new')
    WHERE a.state = 'shelved' AND a.shelved_until <= now();
    GET DIAGNOSTICS unshelved = ROW_COUNT;

    PERFORM set_config('infrasight.alarm_actor', '', true);

    -- Latches of rules or sensors that no longer exist.
    DELETE FROM alarm_rule_state st
    WHERE (st.rule_id <> 0 AND NOT EXISTS (SELECT FROM alarm_rule r WHERE r.id = st.rule_id))
       OR (st.kind IN ('threshold', 'rate_of_change', 'offline')
           AND NOT EXISTS (SELECT FROM sensor s WHERE s.id = st.subject_id));

    partitions := reading_ensure_partitions((now() AT TIME ZONE 'UTC')::date, 8);
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Retention
-- ---------------------------------------------------------------------------------------------
-- Drops whole raw partitions that end before now() - raw_keep (DETACH, then DROP: no row-by-row
-- delete of big partitions), deletes rows that old from the DEFAULT partition (which only catches
-- strays), and rollup rows older than rollup_keep. Returns one row per object touched;
-- row_count is the planner's estimate for a dropped partition (NULL if never analysed), exact for
-- deletes. Admin only.
CREATE FUNCTION reading_retention(raw_keep interval DEFAULT '30 days',
                                  rollup_keep interval DEFAULT '2 years')
RETURNS TABLE (object text, action text, row_count bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    raw_cutoff timestamptz;
    rollup_cutoff timestamptz;
    part record;
    upper_bound timestamptz;
    deleted bigint;
BEGIN
    IF raw_keep IS NULL OR raw_keep < interval '1 hour'
       OR rollup_keep IS NULL OR rollup_keep < interval '1 hour' THEN
        RAISE EXCEPTION 'retention periods must be at least one hour'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    raw_cutoff := now() - raw_keep;
    rollup_cutoff := now() - rollup_keep;

    FOR part IN
        SELECT c.relname, c.reltuples, pg_catalog.pg_get_expr(c.relpartbound, c.oid) AS bound
        FROM pg_catalog.pg_inherits i
        JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'public.reading'::regclass
        ORDER BY c.relname
    LOOP
        upper_bound := substring(part.bound FROM 'TO \(''([^'']+)''\)')::timestamptz;
        CONTINUE WHEN upper_bound IS NULL OR upper_bound > raw_cutoff;
        EXECUTE format('ALTER TABLE public.reading DETACH PARTITION public.%I', part.relname);
        EXECUTE format('DROP TABLE public.%I', part.relname);
        object := part.relname;
        action := 'partition dropped';
        row_count := CASE WHEN part.reltuples >= 0 THEN part.reltuples::bigint END;
        RETURN NEXT;
    END LOOP;

    -- Strays in the DEFAULT partition (reported only if any), then the rollups.
    FOREACH object IN ARRAY ARRAY['reading_default', 'reading_1m', 'reading_1h'] LOOP
        EXECUTE format('DELETE FROM public.%I WHERE %I < $1', object,
                       CASE object WHEN 'reading_default' THEN 'ts' ELSE 'bucket' END)
            USING CASE object WHEN 'reading_default' THEN raw_cutoff ELSE rollup_cutoff END;
        GET DIAGNOSTICS deleted = ROW_COUNT;
        CONTINUE WHEN object = 'reading_default' AND deleted = 0;
        action := 'rows deleted';
        row_count := deleted;
        RETURN NEXT;
    END LOOP;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Privileges
-- ---------------------------------------------------------------------------------------------
GRANT SELECT ON sensor_state, sensor_live, alarm_rule_state, maintenance_window
    TO infrasight_viewer;
GRANT INSERT, UPDATE, DELETE ON maintenance_window
    TO infrasight_operator, infrasight_planner, infrasight_admin;
-- Shelving directly (as 0001 allows for the other steps): the comment is the operator's.
GRANT UPDATE (shelve_comment) ON alarm TO infrasight_operator;

REVOKE ALL ON FUNCTION alarm_set_state(bigint, text, text, integer, timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION alarm_acknowledge(bigint, text, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION alarm_resolve(bigint, text, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION alarm_close(bigint, text, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION alarm_shelve(bigint, timestamptz, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION alarm_set_state(bigint, text, text, integer, timestamptz),
                          alarm_acknowledge(bigint, text, integer),
                          alarm_resolve(bigint, text, integer),
                          alarm_close(bigint, text, integer),
                          alarm_shelve(bigint, timestamptz, text, integer)
    TO infrasight_operator;

REVOKE ALL ON FUNCTION alarm_apply_wanted(text, alarm_wanted[], text) FROM PUBLIC;
REVOKE ALL ON FUNCTION alarm_evaluate_derived() FROM PUBLIC;
REVOKE ALL ON FUNCTION alarm_lock() FROM PUBLIC;
REVOKE ALL ON FUNCTION reading_after_insert() FROM PUBLIC;
REVOKE ALL ON FUNCTION alarm_tick(interval) FROM PUBLIC;
REVOKE ALL ON FUNCTION reading_retention(interval, interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION alarm_tick(interval), reading_retention(interval, interval)
    TO infrasight_admin;
