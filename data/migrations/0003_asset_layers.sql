-- SPDX-License-Identifier: GPL-3.0-or-later
-- Asset layers at city scale (data/assetqueries.cpp): the point-cluster grid the map shows at
-- low zoom, and the indexes the attribute table sorts with.
--
-- MigrationRunner runs this file in ONE transaction with search_path = public; never edit it once
-- released (its SHA-256 is checked), add 000N_*.sql instead.

-- ---------------------------------------------------------------------------------------------
-- Cluster grid
-- ---------------------------------------------------------------------------------------------
-- Level L (10..18) has cells of 64 px at zoom L, i.e. the Web Mercator tiles of zoom L + 2 in
-- XYZ numbering (cx east from lon -180, cy south from the north edge). Per cell and point type:
-- the number of members, how many are faulty and the sums of their EPSG:3857 metres (centroid =
-- sx / n, sy / n). Only assets whose geometry is a non-empty POINT count. Kept current by the
-- statement-level triggers below; asset_cell_rebuild() recomputes it after a load that ran with
-- triggers off. Rows never have n = 0.
CREATE TABLE asset_cell (
    level   smallint NOT NULL CHECK (level BETWEEN 10 AND 18),
    type_id bigint   NOT NULL REFERENCES asset_type (id) ON DELETE CASCADE,
    cx      integer  NOT NULL,
    cy      integer  NOT NULL,
    n       integer  NOT NULL,
    faulty  integer  NOT NULL,
    sx      double precision NOT NULL,
    sy      double precision NOT NULL,
    PRIMARY KEY (level, cx, cy, type_id)
);
CREATE INDEX asset_cell_type_idx ON asset_cell (type_id);

-- Spherical Web Mercator metres of a point, exactly as gis/core/mercator.cpp computes them
-- (latitude clamped to +-85.0511287798066 degrees). Inlined by the planner.
CREATE FUNCTION asset_cell_mx(g geometry) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT 6378137.0::double precision * radians(ST_X(g))
$$;

CREATE FUNCTION asset_cell_my(g geometry) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT 6378137.0::double precision
           * ln(tan(pi() / 4 + radians(least(greatest(ST_Y(g), -85.0511287798066),
                                              85.0511287798066)) / 2))
$$;

-- The cell column (or, given -y, row) of a Mercator coordinate at a level: the tile of zoom
-- level + 2 as gis::TileKey::containing() finds it, clamped to the world.
CREATE FUNCTION asset_cell_coord(m double precision, level integer) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT least(greatest(floor((m + 20037508.342789244) / 40075016.685578488
                                * (1 << (level + 2)))::integer, 0),
                 (1 << (level + 2)) - 1)
$$;

-- One change of the grid: a point asset that arrives (sign 1) or leaves (sign -1).
CREATE TYPE asset_cell_change AS (type_id bigint, faulty boolean, geom geometry, sign integer);

-- Applies changes to every level: one aggregated delta per cell, cells that become empty are
-- deleted, the others are upserted.
CREATE FUNCTION asset_cell_apply(changes asset_cell_change[]) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
    delta asset_cell[];
BEGIN
    IF cardinality(changes) = 0 THEN
        RETURN;
    END IF;
    SELECT array_agg(ROW(d.level, d.type_id, d.cx, d.cy, d.n, d.faulty, d.sx, d.sy)::asset_cell
                     ORDER BY d.level, d.cx, d.cy, d.type_id)
    INTO delta
    FROM (SELECT l.level::smallint AS level, c.type_id,
                 asset_cell_coord(c.mx, l.level) AS cx, asset_cell_coord(-c.my, l.level) AS cy,
                 sum(c.sign)::integer AS n,
                 (sum(c.sign) FILTER (WHERE c.faulty))::integer AS faulty,
                 sum(c.sign * c.mx) AS sx, sum(c.sign * c.my) AS sy
          FROM (SELECT ch.type_id, ch.faulty, ch.sign,
                       asset_cell_mx(ch.geom) AS mx, asset_cell_my(ch.geom) AS my
                FROM unnest(changes) ch) c
          CROSS JOIN generate_series(10, 18) AS l (level)
          GROUP BY 1, 2, 3, 4) d
    WHERE d.n <> 0 OR coalesce(d.faulty, 0) <> 0 OR d.sx <> 0 OR d.sy <> 0;

    IF delta IS NULL THEN
        RETURN;
    END IF;
    DELETE FROM asset_cell c
    USING unnest(delta) d
    WHERE c.level = d.level AND c.cx = d.cx AND c.cy = d.cy AND c.type_id = d.type_id
      AND c.n + d.n <= 0;
    -- A decrement of a cell that is not there (the grid was out of date) is dropped rather
    -- than stored as a negative count; asset_cell_rebuild() repairs such a grid.
    INSERT INTO asset_cell AS c (level, type_id, cx, cy, n, faulty, sx, sy)
    SELECT d.level, d.type_id, d.cx, d.cy, d.n, coalesce(d.faulty, 0), d.sx, d.sy
    FROM unnest(delta) d
    WHERE d.n > 0
       OR EXISTS (SELECT 1 FROM asset_cell e
                  WHERE e.level = d.level AND e.cx = d.cx AND e.cy = d.cy
                    AND e.type_id = d.type_id)
    ON CONFLICT (level, cx, cy, type_id) DO UPDATE
        SET n = c.n + excluded.n, faulty = greatest(c.faulty + excluded.faulty, 0),
            sx = c.sx + excluded.sx, sy = c.sy + excluded.sy;
END
$$;

-- Statement-level trigger on asset with transition tables. SECURITY DEFINER: every role that
-- may change assets keeps the grid current, though none may write asset_cell itself. An UPDATE
-- counts only the rows whose type, faultiness or geometry changed.
CREATE FUNCTION asset_cell_statement() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM asset_cell_apply(ARRAY(
            SELECT ROW(n.type_id, n.status = 'faulty', n.geom, 1)::asset_cell_change
            FROM new_rows n
            WHERE ST_GeometryType(n.geom) = 'ST_Point' AND NOT ST_IsEmpty(n.geom)));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM asset_cell_apply(ARRAY(
            SELECT ROW(o.type_id, o.status = 'faulty', o.geom, -1)::asset_cell_change
            FROM old_rows o
            WHERE ST_GeometryType(o.geom) = 'ST_Point' AND NOT ST_IsEmpty(o.geom)));
    ELSE
        PERFORM asset_cell_apply(ARRAY(
            SELECT ROW(o.type_id, o.status = 'faulty', o.geom, -1)::asset_cell_change
            FROM old_rows o LEFT JOIN new_rows n ON n.id = o.id
            WHERE ST_GeometryType(o.geom) = 'ST_Point' AND NOT ST_IsEmpty(o.geom)
              AND (n.id IS NULL
                   OR (o.type_id, o.status = 'faulty', o.geom::bytea)
                      IS DISTINCT FROM (n.type_id, n.status = 'faulty', n.geom::bytea))
            UNION ALL
            SELECT ROW(n.type_id, n.status = 'faulty', n.geom, 1)::asset_cell_change
            FROM new_rows n LEFT JOIN old_rows o ON o.id = n.id
            WHERE ST_GeometryType(n.geom) = 'ST_Point' AND NOT ST_IsEmpty(n.geom)
              AND (o.id IS NULL
                   OR (o.type_id, o.status = 'faulty', o.geom::bytea)
                      IS DISTINCT FROM (n.type_id, n.status = 'faulty', n.geom::bytea))));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER asset_cell_insert AFTER INSERT ON asset REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION asset_cell_statement();
CREATE TRIGGER asset_cell_update AFTER UPDATE ON asset
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION asset_cell_statement();
CREATE TRIGGER asset_cell_delete AFTER DELETE ON asset REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION asset_cell_statement();

-- Recomputes the whole grid from asset (after a bulk load with triggers off, e.g. the seeder's
-- synthetic assets). Returns the number of cells. Admins only.
CREATE FUNCTION asset_cell_rebuild() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    cells bigint;
BEGIN
    DELETE FROM asset_cell;
    -- The finest level from the table, the coarser ones from it: a level-18 cell lies in the
    -- level-L cell (cx >> (18 - L), cy >> (18 - L)), exactly as asset_cell_coord() would say.
    INSERT INTO asset_cell (level, type_id, cx, cy, n, faulty, sx, sy)
    SELECT l.level, f.type_id, f.cx >> (18 - l.level), f.cy >> (18 - l.level),
           sum(f.n), sum(f.faulty), sum(f.sx), sum(f.sy)
    FROM (SELECT p.type_id, asset_cell_coord(p.mx, 18) AS cx, asset_cell_coord(-p.my, 18) AS cy,
                 count(*) AS n, count(*) FILTER (WHERE p.faulty) AS faulty,
                 sum(p.mx) AS sx, sum(p.my) AS sy
          FROM (SELECT a.type_id, a.status = 'faulty' AS faulty,
                       asset_cell_mx(a.geom) AS mx, asset_cell_my(a.geom) AS my
                FROM asset a
                WHERE ST_GeometryType(a.geom) = 'ST_Point' AND NOT ST_IsEmpty(a.geom)) p
          GROUP BY 1, 2, 3) f
    CROSS JOIN generate_series(10, 18) AS l (level)
    GROUP BY 1, 2, 3, 4;
    GET DIAGNOSTICS cells = ROW_COUNT;
    RETURN cells;
END
$$;

REVOKE ALL ON FUNCTION asset_cell_apply(asset_cell_change[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION asset_cell_statement() FROM PUBLIC;
REVOKE ALL ON FUNCTION asset_cell_rebuild() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION asset_cell_rebuild() TO infrasight_admin;
GRANT SELECT ON asset_cell TO infrasight_viewer;

-- Existing databases already hold assets.
SELECT asset_cell_rebuild();

-- ---------------------------------------------------------------------------------------------
-- Attribute table: one index per sortable column, ties broken by id, so a page is an index
-- range and never a sort of the whole table (code and id have theirs already).
-- ---------------------------------------------------------------------------------------------
CREATE INDEX asset_name_sort_idx ON asset (name, id);
CREATE INDEX asset_street_sort_idx ON asset (street, id);
CREATE INDEX asset_status_sort_idx ON asset (status, id);
CREATE INDEX asset_condition_sort_idx ON asset (condition, id);
CREATE INDEX asset_install_date_sort_idx ON asset (install_date, id);
CREATE INDEX asset_updated_at_sort_idx ON asset (updated_at, id);
