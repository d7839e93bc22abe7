-- SPDX-License-Identifier: GPL-3.0-or-later
-- Assets per type, kept current by statement-level triggers, so that the console's city summary
-- (counts per type in the Layers dock) never aggregates the whole asset table: with a million
-- assets that is a full scan at every connect of every console.
--
-- MigrationRunner runs this file in ONE transaction with search_path = public; never edit it once
-- released (its SHA-256 is checked), add 000N_*.sql instead.

CREATE TABLE asset_type_count (
    type_id bigint PRIMARY KEY REFERENCES asset_type (id) ON DELETE CASCADE,
    n       bigint NOT NULL CHECK (n >= 0)
);

-- Adds signed deltas per type. Counts never go below zero: a decrement of a type whose count is
-- out of date (a load with triggers off) is clamped; asset_type_count_rebuild() repairs it.
CREATE FUNCTION asset_type_count_apply(deltas jsonb) RETURNS void
LANGUAGE sql SET search_path = public, pg_temp AS $$
    INSERT INTO asset_type_count AS c (type_id, n)
    SELECT (d.key)::bigint, greatest((d.value)::bigint, 0)
    FROM jsonb_each_text(deltas) d
    WHERE (d.value)::bigint <> 0
    ON CONFLICT (type_id) DO UPDATE
        SET n = greatest(c.n + (deltas ->> c.type_id::text)::bigint, 0);
$$;

-- SECURITY DEFINER: every role that may change assets keeps the counts, none may write them.
CREATE FUNCTION asset_type_count_statement() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    deltas jsonb;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM asset_type_count;
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT jsonb_object_agg(type_id, n) INTO deltas
        FROM (SELECT type_id, count(*) AS n FROM new_rows GROUP BY type_id) d;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT jsonb_object_agg(type_id, -n) INTO deltas
        FROM (SELECT type_id, count(*) AS n FROM old_rows GROUP BY type_id) d;
    ELSE
        -- UPDATE: only rows whose type changed move between counts.
        SELECT jsonb_object_agg(type_id, n) INTO deltas
        FROM (SELECT type_id, sum(s) AS n
              FROM (SELECT o.type_id, -1 AS s
                    FROM old_rows o JOIN new_rows w ON w.id = o.id WHERE w.type_id <> o.type_id
                    UNION ALL
                    SELECT w.type_id, 1
                    FROM old_rows o JOIN new_rows w ON w.id = o.id WHERE w.type_id <> o.type_id) x
              GROUP BY type_id) d;
    END IF;
    IF deltas IS NOT NULL THEN
        PERFORM asset_type_count_apply(deltas);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER asset_type_count_insert AFTER INSERT ON asset REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION asset_type_count_statement();
-- Transition tables rule out "UPDATE OF type_id": every UPDATE statement joins its old and new
-- rows by id (like asset_cell's trigger), which costs as much as the rows it changed.
CREATE TRIGGER asset_type_count_update AFTER UPDATE ON asset
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION asset_type_count_statement();
CREATE TRIGGER asset_type_count_delete AFTER DELETE ON asset REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION asset_type_count_statement();
CREATE TRIGGER asset_type_count_truncate AFTER TRUNCATE ON asset
    FOR EACH STATEMENT EXECUTE FUNCTION asset_type_count_statement();

-- Recounts from asset (after a bulk load with triggers off, as the seeder's synthetic assets).
-- Returns the number of types with assets. Admins only.
CREATE FUNCTION asset_type_count_rebuild() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    types bigint;
BEGIN
    DELETE FROM asset_type_count;
    INSERT INTO asset_type_count (type_id, n)
    SELECT type_id, count(*) FROM asset GROUP BY type_id;
    GET DIAGNOSTICS types = ROW_COUNT;
    RETURN types;
END
$$;

REVOKE ALL ON FUNCTION asset_type_count_apply(jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION asset_type_count_statement() FROM PUBLIC;
REVOKE ALL ON FUNCTION asset_type_count_rebuild() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION asset_type_count_rebuild() TO infrasight_admin;
GRANT SELECT ON asset_type_count TO infrasight_viewer;

-- Existing databases already hold assets.
SELECT asset_type_count_rebuild();
