-- SPDX-License-Identifier: GPL-3.0-or-later
-- Infrasight schema v1: the whole domain of DESIGN.md section 4.
--
-- MigrationRunner runs this file in ONE transaction with search_path = public and records it in
-- schema_migrations; never edit it once released (its SHA-256 is checked), add 000N_*.sql instead.
-- No statement here may use transaction control or CREATE INDEX CONCURRENTLY.
--
-- Conventions:
-- * Editable tables carry version/updated_at/updated_by. A BEFORE UPDATE trigger bumps version, so
--   an update says "WHERE id = $1 AND version = $2" and zero rows means someone else changed it.
-- * Every change of an editable table is written to audit_log by a SECURITY DEFINER trigger.
-- * Consoles LISTEN on channels named like the tables. One NOTIFY per statement, payload
--   {"table":"asset","op":"UPDATE","ids":[1,2,3]} or, past 500 rows (or 7900 bytes),
--   {"table":"asset","op":"INSERT","count":N,"bulk":true}: refetch the layer then.
-- * Money is numeric(14,2); geometry is EPSG:4326, longitude first.

CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- ---------------------------------------------------------------------------------------------
-- Group roles. Roles are global to the cluster while this migration runs per database, and
-- several databases of one cluster may migrate at the same moment (tests do): a second CREATE
-- ROLE waits for the first transaction and then fails with unique_violation, which is fine.
-- ---------------------------------------------------------------------------------------------
DO $roles$
DECLARE
    role_name text;
    membership text[];
BEGIN
    FOREACH role_name IN ARRAY ARRAY['infrasight_viewer', 'infrasight_operator',
                                     'infrasight_planner', 'infrasight_manager',
                                     'infrasight_admin']
    LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = role_name) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', role_name);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL; -- created by a concurrent migration of another database
            END;
        END IF;
    END LOOP;

    -- {group, member}: operator, planner and manager see what a viewer sees; admin is all three.
    FOREACH membership SLICE 1 IN ARRAY ARRAY[
        ['infrasight_viewer', 'infrasight_operator'],
        ['infrasight_viewer', 'infrasight_planner'],
        ['infrasight_viewer', 'infrasight_manager'],
        ['infrasight_operator', 'infrasight_admin'],
        ['infrasight_planner', 'infrasight_admin'],
        ['infrasight_manager', 'infrasight_admin']]
    LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_auth_members m
                       WHERE m.roleid = membership[1]::regrole
                         AND m.member = membership[2]::regrole) THEN
            BEGIN
                EXECUTE format('GRANT %I TO %I', membership[1], membership[2]);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
END
$roles$;

REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- ---------------------------------------------------------------------------------------------
-- Shared trigger functions
-- ---------------------------------------------------------------------------------------------

-- BEFORE UPDATE on every editable table: the version is the server's, whatever the client sent.
CREATE FUNCTION bump_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := OLD.version + 1;
    NEW.updated_at := now();
    NEW.updated_by := current_user;
    RETURN NEW;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Organisation
-- ---------------------------------------------------------------------------------------------
CREATE TABLE department (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        text NOT NULL UNIQUE CHECK (code <> ''),
    name        text NOT NULL,
    version     integer NOT NULL DEFAULT 1,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  text DEFAULT current_user
);

CREATE TABLE crew (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    department_id bigint REFERENCES department (id),
    code          text NOT NULL UNIQUE CHECK (code <> ''),
    name          text NOT NULL,
    vehicle_code  text UNIQUE,
    size          smallint CHECK (size > 0),
    version       integer NOT NULL DEFAULT 1,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    updated_by    text DEFAULT current_user
);
CREATE INDEX crew_department_idx ON crew (department_id);

-- ---------------------------------------------------------------------------------------------
-- Assets
-- ---------------------------------------------------------------------------------------------
CREATE TABLE asset_type (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code          text NOT NULL UNIQUE CHECK (code <> ''), -- 'street_light', 'hydrant', ...
    name          text NOT NULL,
    geometry_kind text NOT NULL CHECK (geometry_kind IN ('point', 'line', 'polygon')),
    symbol        text,                                    -- resource name of an SVG
    unit_cost     numeric(14,2) CHECK (unit_cost >= 0),
    department_id bigint REFERENCES department (id),
    version       integer NOT NULL DEFAULT 1,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    updated_by    text DEFAULT current_user
);

CREATE TABLE asset (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type_id      bigint NOT NULL REFERENCES asset_type (id),
    code         text NOT NULL UNIQUE CHECK (code <> ''),
    name         text,
    street       text,
    status       text NOT NULL DEFAULT 'active'
                 CHECK (status IN ('active', 'inactive', 'faulty', 'planned', 'retired')),
    condition    smallint CHECK (condition BETWEEN 1 AND 5),
    install_date date,
    attributes   jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(attributes) = 'object'),
    geom         geometry(Geometry, 4326) NOT NULL,
    osm_id       bigint,
    version      integer NOT NULL DEFAULT 1,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    updated_by   text DEFAULT current_user
);
CREATE INDEX asset_geom_gist ON asset USING gist (geom);
CREATE INDEX asset_type_idx ON asset (type_id);
CREATE INDEX asset_status_idx ON asset (status);
CREATE INDEX asset_code_trgm ON asset USING gin (code gin_trgm_ops);
CREATE INDEX asset_name_trgm ON asset USING gin (name gin_trgm_ops);
CREATE INDEX asset_street_trgm ON asset USING gin (street gin_trgm_ops);
CREATE INDEX asset_osm_idx ON asset (osm_id) WHERE osm_id IS NOT NULL;

-- ---------------------------------------------------------------------------------------------
-- Sensors and readings
-- ---------------------------------------------------------------------------------------------
CREATE TABLE sensor (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    asset_id        bigint REFERENCES asset (id) ON DELETE SET NULL,
    code            text NOT NULL UNIQUE CHECK (code <> ''),
    kind            text NOT NULL
                    CHECK (kind IN ('air_quality', 'noise', 'traffic_count', 'water_pressure',
                                    'parking_occupancy', 'bin_fill', 'tide_level')),
    unit            text,
    warn_low        double precision,
    warn_high       double precision,
    crit_low        double precision,
    crit_high       double precision,
    hysteresis      double precision NOT NULL DEFAULT 0 CHECK (hysteresis >= 0),
    sample_interval interval NOT NULL DEFAULT '1 minute' CHECK (sample_interval > '0'),
    last_value      double precision,
    last_seen       timestamptz,
    geom            geometry(Point, 4326),
    version         integer NOT NULL DEFAULT 1,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      text DEFAULT current_user
);
CREATE INDEX sensor_geom_gist ON sensor USING gist (geom);
CREATE INDEX sensor_asset_idx ON sensor (asset_id);
CREATE INDEX sensor_kind_idx ON sensor (kind);

-- The ingest path writes last_value/last_seen many times a second. An update of those alone is
-- no edit: it keeps the version (a planner's pending edit of the sensor must not fail as a
-- conflict because a reading arrived), and audit_statement() skips rows whose version stayed.
CREATE FUNCTION sensor_bump_version() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    probe sensor;
BEGIN
    probe := NEW;
    probe.last_value := OLD.last_value;
    probe.last_seen := OLD.last_seen;
    IF probe IS NOT DISTINCT FROM OLD THEN
        RETURN NEW;
    END IF;
    NEW.version := OLD.version + 1;
    NEW.updated_at := now();
    NEW.updated_by := current_user;
    RETURN NEW;
END
$$;

-- The largest table: partitioned by time (UTC days) so old history can be detached or moved to
-- another tablespace. No foreign key to sensor: a per-row key check would cost ingest throughput
-- (DESIGN 9: 50,000 readings/s), and readings outlive a deleted sensor until their partition goes.
CREATE TABLE reading (
    sensor_id bigint NOT NULL,
    ts        timestamptz NOT NULL,
    value     double precision NOT NULL,
    PRIMARY KEY (sensor_id, ts)
) PARTITION BY RANGE (ts);

-- Time-range scans across all sensors (rollups, "what arrived in the last minute") stay cheap
-- within a big daily partition; a BRIN index costs next to nothing on insert.
CREATE INDEX reading_ts_brin ON reading USING brin (ts);

-- Catches rows outside every partition so an insert never fails for want of a partition.
CREATE TABLE reading_default PARTITION OF reading DEFAULT;

-- Creates partition "name" for [lo, hi) unless it exists. Rows already in the DEFAULT partition
-- for that range are moved into the new partition (attaching would fail otherwise).
CREATE FUNCTION reading_create_partition(name text, lo timestamptz, hi timestamptz)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF to_regclass(format('public.%I', name)) IS NOT NULL THEN
        RETURN false;
    END IF;
    IF EXISTS (SELECT FROM reading_default WHERE ts >= lo AND ts < hi) THEN
        EXECUTE format('CREATE TABLE public.%I (LIKE reading INCLUDING DEFAULTS)', name);
        EXECUTE format('WITH moved AS (DELETE FROM reading_default WHERE ts >= $1 AND ts < $2'
                       ' RETURNING sensor_id, ts, value) INSERT INTO public.%I SELECT * FROM moved',
                       name) USING lo, hi;
        EXECUTE format('ALTER TABLE reading ATTACH PARTITION public.%I FOR VALUES FROM (%L) TO (%L)',
                       name, lo, hi);
    ELSE
        EXECUTE format('CREATE TABLE public.%I PARTITION OF reading FOR VALUES FROM (%L) TO (%L)',
                       name, lo, hi);
    END IF;
    RETURN true;
EXCEPTION WHEN duplicate_table THEN
    RETURN false; -- a concurrent caller made it first
END
$$;

-- Daily partitions reading_pYYYYMMDD for the UTC days [from_day, from_day + days), skipping days
-- that a partition (daily, or monthly reading_pYYYYMM) already covers. Idempotent; returns how
-- many partitions it created. A scheduled job calls reading_ensure_partitions(current_date, 8).
CREATE FUNCTION reading_ensure_partitions(from_day date, days integer)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    day date;
    created integer := 0;
BEGIN
    IF days IS NULL OR days < 0 OR days > 3660 THEN
        RAISE EXCEPTION 'days must be between 0 and 3660, not %', days
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOR i IN 0 .. days - 1 LOOP
        day := from_day + i;
        CONTINUE WHEN to_regclass(format('public.%I', 'reading_p' || to_char(day, 'YYYYMM')))
                      IS NOT NULL;
        IF reading_create_partition('reading_p' || to_char(day, 'YYYYMMDD'),
                                    day::timestamp AT TIME ZONE 'UTC',
                                    (day + 1)::timestamp AT TIME ZONE 'UTC') THEN
            created := created + 1;
        END IF;
    END LOOP;
    RETURN created;
END
$$;

-- Monthly partitions reading_pYYYYMM for old history (fewer relations to plan and lock). A
-- month that already has daily partitions gets its missing days as daily partitions instead.
CREATE FUNCTION reading_ensure_month_partitions(from_month date, months integer)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    first_day date;
    created integer := 0;
BEGIN
    IF months IS NULL OR months < 0 OR months > 1200 THEN
        RAISE EXCEPTION 'months must be between 0 and 1200, not %', months
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOR i IN 0 .. months - 1 LOOP
        first_day := (date_trunc('month', from_month) + make_interval(months => i))::date;
        IF EXISTS (SELECT FROM pg_catalog.pg_class c
                   WHERE c.relnamespace = 'public'::regnamespace
                     AND c.relname LIKE 'reading_p' || to_char(first_day, 'YYYYMM') || '__') THEN
            created := created + reading_ensure_partitions(
                first_day, ((first_day + interval '1 month')::date - first_day));
        ELSIF reading_create_partition('reading_p' || to_char(first_day, 'YYYYMM'),
                                       first_day::timestamp AT TIME ZONE 'UTC',
                                       (first_day + interval '1 month')::timestamp
                                           AT TIME ZONE 'UTC') THEN
            created := created + 1;
        END IF;
    END LOOP;
    RETURN created;
END
$$;

-- History: whole months before the current one, reaching back at least 400 days, as monthly
-- partitions; the current month and the next 7 days as daily partitions. Daily partitions for all
-- 400 days would work too, but ~400 relations make every migration slower and every query that
-- cannot prune by time plan and lock 800 relations (table + index each). About 50 partitions here.
DO $partitions$
DECLARE
    today date := (now() AT TIME ZONE 'UTC')::date;
    history_start date := date_trunc('month', today - 400)::date;
    month_start date := date_trunc('month', today)::date;
BEGIN
    PERFORM reading_ensure_month_partitions(
        history_start,
        ((extract(year FROM month_start) - extract(year FROM history_start)) * 12
         + extract(month FROM month_start) - extract(month FROM history_start))::integer);
    PERFORM reading_ensure_partitions(month_start, today + 8 - month_start);
END
$partitions$;

-- Rollups, filled by the ingest/rollup job: avg = sum / n.
CREATE TABLE reading_1m (
    sensor_id bigint NOT NULL,
    bucket    timestamptz NOT NULL,
    n         integer NOT NULL,
    min       double precision,
    max       double precision,
    sum       double precision,
    PRIMARY KEY (sensor_id, bucket)
);

CREATE TABLE reading_1h (
    sensor_id bigint NOT NULL,
    bucket    timestamptz NOT NULL,
    n         integer NOT NULL,
    min       double precision,
    max       double precision,
    sum       double precision,
    PRIMARY KEY (sensor_id, bucket)
);

CREATE TABLE vehicle_position (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    crew_id      bigint REFERENCES crew (id) ON DELETE SET NULL,
    vehicle_code text NOT NULL,
    ts           timestamptz NOT NULL DEFAULT now(),
    geom         geometry(Point, 4326) NOT NULL,
    speed_mps    real,
    heading_deg  real,
    accuracy_m   real
);
CREATE INDEX vehicle_position_vehicle_ts_idx ON vehicle_position (vehicle_code, ts);
CREATE INDEX vehicle_position_geom_gist ON vehicle_position USING gist (geom);

-- ---------------------------------------------------------------------------------------------
-- Alarms
-- ---------------------------------------------------------------------------------------------
CREATE TABLE alarm_rule (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL,
    kind        text NOT NULL
                CHECK (kind IN ('threshold', 'rate_of_change', 'offline', 'composite',
                                'aggregate', 'geofence')),
    sensor_id   bigint REFERENCES sensor (id) ON DELETE CASCADE,
    sensor_kind text,
    params      jsonb NOT NULL DEFAULT '{}',
    severity    text NOT NULL DEFAULT 'warning' CHECK (severity IN ('warning', 'critical')),
    enabled     boolean NOT NULL DEFAULT true,
    version     integer NOT NULL DEFAULT 1,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  text DEFAULT current_user
);
CREATE INDEX alarm_rule_sensor_idx ON alarm_rule (sensor_id);
CREATE INDEX alarm_rule_sensor_kind_idx ON alarm_rule (sensor_kind);

CREATE TABLE geofence (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text NOT NULL,
    purpose    text NOT NULL DEFAULT 'custom'
               CHECK (purpose IN ('maintenance_zone', 'restricted_area', 'district', 'custom')),
    colour     text,
    -- A self-intersecting ring is refused here, whatever client wrote it (DESIGN 1, journey 2).
    -- ST_IsValid(geom, 0) is the plain OGC test without the NOTICE that ST_IsValid(geom) sends;
    -- a client that wants the reason asks ST_IsValidReason.
    geom       geometry(MultiPolygon, 4326) NOT NULL
               CONSTRAINT geofence_geom_valid CHECK (ST_IsValid(geom, 0)),
    rules      jsonb NOT NULL DEFAULT '{}', -- {"enter":…, "exit":…, "dwell_s":…, "hours":…}
    schedule   jsonb,
    active     boolean NOT NULL DEFAULT true,
    version    integer NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text DEFAULT current_user
);
CREATE INDEX geofence_geom_gist ON geofence USING gist (geom);

CREATE TABLE geofence_event (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    geofence_id bigint NOT NULL REFERENCES geofence (id) ON DELETE CASCADE,
    object_kind text NOT NULL, -- 'vehicle', 'asset', ...
    object_id   text NOT NULL,
    event       text NOT NULL CHECK (event IN ('enter', 'exit', 'dwell')),
    ts          timestamptz NOT NULL DEFAULT now(),
    geom        geometry(Point, 4326)
);
CREATE INDEX geofence_event_fence_ts_idx ON geofence_event (geofence_id, ts);
CREATE INDEX geofence_event_object_idx ON geofence_event (object_kind, object_id, ts);

CREATE TABLE alarm (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rule_id         bigint REFERENCES alarm_rule (id) ON DELETE SET NULL,
    source_kind     text NOT NULL DEFAULT 'sensor'
                    CHECK (source_kind IN ('sensor', 'geofence', 'system')),
    sensor_id       bigint REFERENCES sensor (id) ON DELETE SET NULL,
    asset_id        bigint REFERENCES asset (id) ON DELETE SET NULL,
    geofence_id     bigint REFERENCES geofence (id) ON DELETE SET NULL,
    severity        text NOT NULL DEFAULT 'warning' CHECK (severity IN ('warning', 'critical')),
    state           text NOT NULL DEFAULT 'new'
                    CHECK (state IN ('new', 'acknowledged', 'resolved', 'closed', 'shelved')),
    raised_at       timestamptz NOT NULL DEFAULT now(),
    value           double precision,
    message         text,
    acknowledged_at timestamptz,
    acknowledged_by text,
    ack_comment     text,
    resolved_at     timestamptz,
    resolved_by     text,
    resolve_comment text,
    closed_at       timestamptz,
    closed_by       text,
    close_comment   text,
    shelved_until   timestamptz,
    escalated_at    timestamptz,
    version         integer NOT NULL DEFAULT 1,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      text DEFAULT current_user,
    CONSTRAINT alarm_shelved_has_until CHECK (state <> 'shelved' OR shelved_until IS NOT NULL)
);
CREATE INDEX alarm_open_idx ON alarm (raised_at DESC) WHERE state IN ('new', 'acknowledged', 'shelved');
CREATE INDEX alarm_raised_idx ON alarm (raised_at);
CREATE INDEX alarm_sensor_idx ON alarm (sensor_id, raised_at);
CREATE INDEX alarm_asset_idx ON alarm (asset_id);
CREATE INDEX alarm_rule_idx ON alarm (rule_id);

-- Who and when of each step come from the server, not from the client: an operator may write
-- state and comment, the trigger stamps the time and the login. A closed alarm stays closed.
CREATE FUNCTION alarm_stamp_transition() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.state IS DISTINCT FROM OLD.state THEN
        IF OLD.state = 'closed' THEN
            RAISE EXCEPTION 'alarm % is closed and cannot change to %', OLD.id, NEW.state
                USING ERRCODE = 'check_violation';
        END IF;
        CASE NEW.state
            WHEN 'acknowledged' THEN
                NEW.acknowledged_at := now();
                NEW.acknowledged_by := session_user;
            WHEN 'resolved' THEN
                NEW.resolved_at := now();
                NEW.resolved_by := session_user;
            WHEN 'closed' THEN
                NEW.closed_at := now();
                NEW.closed_by := session_user;
            ELSE
                NULL;
        END CASE;
    END IF;
    RETURN NEW;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Budgets and work orders
-- ---------------------------------------------------------------------------------------------
CREATE TABLE budget (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    department_id bigint NOT NULL REFERENCES department (id),
    fiscal_year   integer NOT NULL CHECK (fiscal_year BETWEEN 1900 AND 2999),
    category      text NOT NULL,
    allocated     numeric(14,2) NOT NULL CHECK (allocated >= 0),
    version       integer NOT NULL DEFAULT 1,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    updated_by    text DEFAULT current_user,
    UNIQUE (department_id, fiscal_year, category)
);

CREATE SEQUENCE work_order_code_seq;

CREATE TABLE work_order (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code           text NOT NULL UNIQUE
                   DEFAULT 'WO-' || lpad(nextval('work_order_code_seq')::text, 6, '0'),
    title          text NOT NULL,
    description    text,
    asset_id       bigint REFERENCES asset (id),
    alarm_id       bigint REFERENCES alarm (id) ON DELETE SET NULL,
    location       geometry(Point, 4326),
    priority       text NOT NULL DEFAULT 'normal'
                   CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    status         text NOT NULL DEFAULT 'open'
                   CHECK (status IN ('open', 'assigned', 'in_progress', 'done', 'cancelled',
                                     'closed')),
    crew_id        bigint REFERENCES crew (id) ON DELETE SET NULL,
    department_id  bigint REFERENCES department (id),
    created_at     timestamptz NOT NULL DEFAULT now(),
    due            date,
    completed_at   timestamptz,
    estimated_cost numeric(14,2) CHECK (estimated_cost >= 0),
    actual_cost    numeric(14,2) CHECK (actual_cost >= 0),
    budget_id      bigint REFERENCES budget (id),
    version        integer NOT NULL DEFAULT 1,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    updated_by     text DEFAULT current_user
);
CREATE INDEX work_order_status_idx ON work_order (status);
CREATE INDEX work_order_asset_idx ON work_order (asset_id);
CREATE INDEX work_order_alarm_idx ON work_order (alarm_id);
CREATE INDEX work_order_crew_idx ON work_order (crew_id);
CREATE INDEX work_order_budget_idx ON work_order (budget_id);
CREATE INDEX work_order_department_idx ON work_order (department_id, created_at);
CREATE INDEX work_order_location_gist ON work_order USING gist (location);

CREATE TABLE work_order_event (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    work_order_id bigint NOT NULL REFERENCES work_order (id) ON DELETE CASCADE,
    ts            timestamptz NOT NULL DEFAULT now(),
    kind          text NOT NULL DEFAULT 'note', -- 'created', 'status', 'assigned', 'note', ...
    status        text,
    note          text,
    by_user       text DEFAULT current_user
);
CREATE INDEX work_order_event_order_idx ON work_order_event (work_order_id, ts);

CREATE TABLE budget_entry (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    budget_id     bigint NOT NULL REFERENCES budget (id),
    work_order_id bigint REFERENCES work_order (id),
    amount        numeric(14,2) NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('commitment', 'expense')),
    posted_at     timestamptz NOT NULL DEFAULT now(),
    note          text,
    version       integer NOT NULL DEFAULT 1,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    updated_by    text DEFAULT current_user
);
CREATE INDEX budget_entry_budget_idx ON budget_entry (budget_id, posted_at);
CREATE INDEX budget_entry_work_order_idx ON budget_entry (work_order_id);

-- ---------------------------------------------------------------------------------------------
-- Audit log: written by triggers only
-- ---------------------------------------------------------------------------------------------
CREATE TABLE audit_log (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         timestamptz NOT NULL DEFAULT now(),
    db_user    text NOT NULL DEFAULT session_user, -- the login, also inside SECURITY DEFINER
    table_name text NOT NULL,
    row_id     bigint,
    action     text NOT NULL CHECK (action IN ('INSERT', 'UPDATE', 'DELETE')),
    before     jsonb,
    after      jsonb
);
CREATE INDEX audit_log_row_idx ON audit_log (table_name, row_id);
CREATE INDEX audit_log_at_idx ON audit_log (at);

-- The audit document of a row: {"column": value, ...} with geometry as GeoJSON, built as SQL for
-- alias (a row of relation relid). to_jsonb(row) would do the same, but it converts geometry
-- through PostGIS's json cast with no cache, about 120 us per row; this takes a few us, so a
-- bulk load of 100k assets is audited in seconds. Read from the catalogue on every statement, so
-- columns that later migrations add are audited too. jsonb_build_object takes at most 100
-- arguments, hence one object per 40 columns, concatenated.
CREATE FUNCTION audit_document_sql(relid oid, alias text) RETURNS text
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT string_agg(chunk, ' || ' ORDER BY part)
    FROM (SELECT (a.attnum - 1) / 40 AS part,
                 'jsonb_build_object(' || string_agg(
                     format('%L, %s', a.attname,
                            CASE WHEN t.typname = 'geometry'
                                 THEN format('ST_AsGeoJSON(%I.%I)::jsonb', alias, a.attname)
                                 ELSE format('to_jsonb(%I.%I)', alias, a.attname) END),
                     ', ' ORDER BY a.attnum) || ')' AS chunk
          FROM pg_catalog.pg_attribute a
          JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
          WHERE a.attrelid = relid AND a.attnum > 0 AND NOT a.attisdropped
          GROUP BY 1) chunks
$$;

-- Runs with the rights of its owner (the schema owner), so roles that may not touch audit_log
-- still leave a trace of what they changed. Statement-level with transition tables: one
-- INSERT ... SELECT per statement, not a function call per row. Every audited table has a
-- version column and a *_version trigger.
CREATE FUNCTION audit_statement() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        EXECUTE format('INSERT INTO audit_log (table_name, row_id, action, before, after) '
                       'SELECT $1, n.id, $2, NULL, %s FROM new_rows n ORDER BY n.id',
                       audit_document_sql(TG_RELID, 'n'))
            USING TG_TABLE_NAME, TG_OP;
    ELSIF TG_OP = 'UPDATE' THEN
        -- Every edit bumps the version; a row whose version stayed is a telemetry-only update
        -- (sensor_bump_version) and no edit.
        EXECUTE format('INSERT INTO audit_log (table_name, row_id, action, before, after) '
                       'SELECT $1, n.id, $2, %s, %s '
                       'FROM new_rows n JOIN old_rows o ON o.id = n.id '
                       'WHERE n.version IS DISTINCT FROM o.version ORDER BY n.id',
                       audit_document_sql(TG_RELID, 'o'), audit_document_sql(TG_RELID, 'n'))
            USING TG_TABLE_NAME, TG_OP;
    ELSE
        EXECUTE format('INSERT INTO audit_log (table_name, row_id, action, before, after) '
                       'SELECT $1, o.id, $2, %s, NULL FROM old_rows o ORDER BY o.id',
                       audit_document_sql(TG_RELID, 'o'))
            USING TG_TABLE_NAME, TG_OP;
    END IF;
    RETURN NULL;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Batched NOTIFY: one per statement, never one per row
-- ---------------------------------------------------------------------------------------------
-- TG_ARGV[0] is the channel. The payload is built by json_build_object only (no text pasted
-- together) and stays far below NOTIFY's 8000-byte limit.
CREATE FUNCTION notify_statement() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    changed bigint;
    ids json;
    payload text;
BEGIN
    IF TG_OP = 'DELETE' THEN
        SELECT count(*) INTO changed FROM old_rows;
    ELSE
        SELECT count(*) INTO changed FROM new_rows;
    END IF;
    IF changed = 0 THEN
        RETURN NULL;
    END IF;
    IF changed <= 500 THEN
        IF TG_OP = 'DELETE' THEN
            SELECT json_agg(id ORDER BY id) INTO ids FROM old_rows;
        ELSE
            SELECT json_agg(id ORDER BY id) INTO ids FROM new_rows;
        END IF;
        payload := json_build_object('table', TG_TABLE_NAME, 'op', TG_OP, 'ids', ids)::text;
    END IF;
    IF payload IS NULL OR octet_length(payload) > 7900 THEN
        payload := json_build_object('table', TG_TABLE_NAME, 'op', TG_OP,
                                     'count', changed, 'bulk', true)::text;
    END IF;
    PERFORM pg_notify(TG_ARGV[0], payload);
    RETURN NULL;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Triggers on the editable tables
-- ---------------------------------------------------------------------------------------------
DO $triggers$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['department', 'crew', 'asset_type', 'asset', 'sensor', 'alarm_rule',
                             'alarm', 'geofence', 'work_order', 'budget', 'budget_entry']
    LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION %s()',
                       t || '_version', t,
                       CASE t WHEN 'sensor' THEN 'sensor_bump_version' ELSE 'bump_version' END);
        -- Transition tables allow one event per trigger, hence three triggers.
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION audit_statement()',
                       t || '_audit_insert', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I '
                       'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION audit_statement()',
                       t || '_audit_update', t);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION audit_statement()',
                       t || '_audit_delete', t);
    END LOOP;

    -- {table, channel}: budget entries change a budget line's figures, so they share its channel.
    FOR t IN SELECT unnest(ARRAY['asset', 'alarm', 'work_order', 'geofence', 'sensor', 'budget',
                                 'budget_entry'])
    LOOP
        -- Transition tables allow one event per trigger, hence three triggers.
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION notify_statement(%L)',
                       t || '_notify_insert', t, CASE t WHEN 'budget_entry' THEN 'budget' ELSE t END);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION notify_statement(%L)',
                       t || '_notify_update', t, CASE t WHEN 'budget_entry' THEN 'budget' ELSE t END);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION notify_statement(%L)',
                       t || '_notify_delete', t, CASE t WHEN 'budget_entry' THEN 'budget' ELSE t END);
    END LOOP;
END
$triggers$;

-- Column triggers fire only when the statement sets state.
CREATE TRIGGER alarm_stamp BEFORE UPDATE OF state ON alarm
    FOR EACH ROW EXECUTE FUNCTION alarm_stamp_transition();

-- ---------------------------------------------------------------------------------------------
-- Privileges (DESIGN 1): viewer reads; operator handles alarms, work orders and asset status;
-- planner edits assets, sensors and geofences; manager budgets and costs; admin all domain data.
-- TRUNCATE is granted to nobody: it would bypass the audit triggers.
-- ---------------------------------------------------------------------------------------------
REVOKE ALL ON audit_log FROM PUBLIC;
REVOKE ALL ON FUNCTION reading_create_partition(text, timestamptz, timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION reading_ensure_partitions(date, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION reading_ensure_month_partitions(date, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION audit_statement() FROM PUBLIC;
REVOKE ALL ON FUNCTION audit_document_sql(oid, text) FROM PUBLIC;

GRANT USAGE ON SCHEMA public TO infrasight_viewer;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO infrasight_viewer;
-- Tables of later migrations are readable by viewers unless a migration says otherwise.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO infrasight_viewer;

GRANT UPDATE (state, acknowledged_at, acknowledged_by, ack_comment,
              resolved_at, resolved_by, resolve_comment,
              closed_at, closed_by, close_comment, shelved_until,
              version, updated_at, updated_by) ON alarm TO infrasight_operator;
GRANT UPDATE (status, condition, version, updated_at, updated_by) ON asset TO infrasight_operator;
GRANT INSERT (code, title, description, asset_id, alarm_id, location, priority, status, crew_id,
              department_id, due, estimated_cost)
    ON work_order TO infrasight_operator;
GRANT UPDATE (title, description, asset_id, alarm_id, location, priority, status, crew_id,
              department_id, due, completed_at, version, updated_at, updated_by)
    ON work_order TO infrasight_operator;
GRANT USAGE ON SEQUENCE work_order_code_seq TO infrasight_operator;
GRANT INSERT, UPDATE ON work_order_event TO infrasight_operator;

GRANT INSERT, UPDATE, DELETE ON asset, geofence, sensor TO infrasight_planner;

GRANT INSERT, UPDATE, DELETE ON budget, budget_entry TO infrasight_manager;
GRANT UPDATE (estimated_cost, actual_cost, budget_id, version, updated_at, updated_by)
    ON work_order TO infrasight_manager;

GRANT INSERT, UPDATE, DELETE ON department, crew, asset_type, asset, sensor, reading, reading_1m,
    reading_1h, vehicle_position, alarm_rule, alarm, geofence, geofence_event, work_order,
    work_order_event, budget, budget_entry TO infrasight_admin;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO infrasight_admin;
GRANT EXECUTE ON FUNCTION reading_ensure_partitions(date, integer) TO infrasight_admin;
GRANT EXECUTE ON FUNCTION reading_ensure_month_partitions(date, integer) TO infrasight_admin;

-- schema_migrations belongs to MigrationRunner, which creates it before running this script;
-- consoles logged in as any role read it to refuse a schema newer than themselves.
DO $grant_migrations$
BEGIN
    IF to_regclass('public.schema_migrations') IS NOT NULL THEN
        GRANT SELECT ON public.schema_migrations TO infrasight_viewer;
    END IF;
END
$grant_migrations$;
