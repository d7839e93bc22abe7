-- SPDX-License-Identifier: GPL-3.0-or-later
-- The base map: what the city looks like, read from an OpenStreetMap extract by
-- `infrasightctl seed --osm FILE` (data/seed). Read-only reference data for every console;
-- only the seeder (database owner) writes it. Geometries are EPSG:4326, longitude/latitude.
-- Data © OpenStreetMap contributors, ODbL 1.0.

CREATE SCHEMA basemap;
COMMENT ON SCHEMA basemap IS
    'Base map from an OpenStreetMap extract (© OpenStreetMap contributors, ODbL)';

-- One row per loaded extract: where it came from and the area it covers.
CREATE TABLE basemap.extract (
    id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source      text        NOT NULL,
    loaded_at   timestamptz NOT NULL DEFAULT now(),
    bounds      geometry(Polygon, 4326) NOT NULL CHECK (ST_IsValid(bounds, 0)),
    attribution text        NOT NULL DEFAULT '© OpenStreetMap contributors'
);

-- Streets and paths. class is the OSM highway value (motorway, trunk, primary, secondary,
-- tertiary, unclassified, residential, living_street, service, pedestrian, footway, cycleway,
-- path, steps, track, *_link, ...).
CREATE TABLE basemap.road (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    osm_id    bigint NOT NULL,
    class     text   NOT NULL,
    name      text,
    ref       text,
    oneway    boolean NOT NULL DEFAULT false,
    bridge    boolean NOT NULL DEFAULT false,
    tunnel    boolean NOT NULL DEFAULT false,
    layer     smallint NOT NULL DEFAULT 0,
    geom      geometry(LineString, 4326) NOT NULL CHECK (ST_IsValid(geom, 0))
);
CREATE INDEX road_geom_gist ON basemap.road USING gist (geom);
CREATE INDEX road_class_idx ON basemap.road (class);

CREATE TABLE basemap.railway (
    id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    osm_id bigint NOT NULL,
    class  text   NOT NULL,
    name   text,
    geom   geometry(LineString, 4326) NOT NULL CHECK (ST_IsValid(geom, 0))
);
CREATE INDEX railway_geom_gist ON basemap.railway USING gist (geom);

CREATE TABLE basemap.building (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    osm_id   bigint NOT NULL,
    osm_type char(1) NOT NULL CHECK (osm_type IN ('w', 'r')),
    kind     text   NOT NULL,           -- the building tag: yes, house, apartments, ...
    name     text,
    levels   smallint,
    height_m real,
    geom     geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom, 0))
);
CREATE INDEX building_geom_gist ON basemap.building USING gist (geom);

-- Lakes, ponds, basins, riverbanks (areas).
CREATE TABLE basemap.water (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    osm_id   bigint NOT NULL,
    osm_type char(1) NOT NULL CHECK (osm_type IN ('w', 'r')),
    kind     text   NOT NULL,
    name     text,
    geom     geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom, 0))
);
CREATE INDEX water_geom_gist ON basemap.water USING gist (geom);

-- Rivers, streams, canals, drains (lines).
CREATE TABLE basemap.waterway (
    id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    osm_id bigint NOT NULL,
    kind   text   NOT NULL,
    name   text,
    geom   geometry(LineString, 4326) NOT NULL CHECK (ST_IsValid(geom, 0))
);
CREATE INDEX waterway_geom_gist ON basemap.waterway USING gist (geom);

-- Land use and land cover: the landuse value, or leisure/natural values such as park, wood.
CREATE TABLE basemap.landuse (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    osm_id   bigint NOT NULL,
    osm_type char(1) NOT NULL CHECK (osm_type IN ('w', 'r')),
    kind     text   NOT NULL,
    name     text,
    geom     geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom, 0))
);
CREATE INDEX landuse_geom_gist ON basemap.landuse USING gist (geom);
CREATE INDEX landuse_kind_idx ON basemap.landuse (kind);

-- natural=coastline ways: land is on the left of the line's direction (OSM convention).
CREATE TABLE basemap.coastline (
    id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    osm_id bigint NOT NULL,
    geom   geometry(LineString, 4326) NOT NULL CHECK (ST_IsValid(geom, 0))
);
CREATE INDEX coastline_geom_gist ON basemap.coastline USING gist (geom);

-- Administrative areas (boundary=administrative): communes, quarters, districts.
CREATE TABLE basemap.district (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    osm_id      bigint NOT NULL,
    osm_type    char(1) NOT NULL CHECK (osm_type IN ('w', 'r')),
    name        text   NOT NULL,
    admin_level smallint,
    geom        geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom, 0))
);
CREATE INDEX district_geom_gist ON basemap.district USING gist (geom);

-- Named places for labels (place=city|town|suburb|quarter|neighbourhood|village|...).
CREATE TABLE basemap.place (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    osm_id     bigint NOT NULL,
    kind       text   NOT NULL,
    name       text   NOT NULL,
    population integer,
    geom       geometry(Point, 4326) NOT NULL CHECK (ST_IsValid(geom, 0))
);
CREATE INDEX place_geom_gist ON basemap.place USING gist (geom);

-- Every other tagged node (street furniture, shops, stops, trees, ...), with all its tags,
-- for labels, search and as the source of real assets (street lamps, hydrants, manholes).
CREATE TABLE basemap.poi (
    id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    osm_id bigint NOT NULL,
    kind   text   NOT NULL,           -- "key=value" of the tag that classifies it best
    name   text,
    tags   jsonb  NOT NULL DEFAULT '{}',
    geom   geometry(Point, 4326) NOT NULL CHECK (ST_IsValid(geom, 0))
);
CREATE INDEX poi_geom_gist ON basemap.poi USING gist (geom);
CREATE INDEX poi_kind_idx ON basemap.poi (kind);

GRANT USAGE ON SCHEMA basemap TO infrasight_viewer;
GRANT SELECT ON ALL TABLES IN SCHEMA basemap TO infrasight_viewer;
