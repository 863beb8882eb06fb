-- Issue 16 (module report). The pivot's dimensions the roll-ups lacked: assessments per leaf unit, year, target
-- group, gender, age band and channel, with the last entry date for the completeness page. Derived data like the
-- other roll-ups (refreshed in the changing transaction with report_unit_year, rebuilt by the same statements).
CREATE TABLE report_unit_cube (
    unit_id                BIGINT      NOT NULL,
    report_year            INT         NOT NULL,
    target_group           VARCHAR(30) NOT NULL,
    gender                 VARCHAR(10) NOT NULL,
    age_band               VARCHAR(10) NOT NULL,
    channel                VARCHAR(20) NOT NULL,
    assessed               INT         NOT NULL,
    passed                 INT         NOT NULL,
    recognised             INT         NOT NULL,
    recognised_digital     INT         NOT NULL,
    recognised_proficient  INT         NOT NULL,
    last_entry_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (unit_id, report_year, target_group, gender, age_band, channel)
);
CREATE INDEX report_unit_cube_year_idx ON report_unit_cube (report_year, unit_id);

-- Boundaries uploaded as GeoJSON, one geometry (Polygon or MultiPolygon, as GeoJSON text) per unit, with its
-- bounding box so that a map of many units is framed without parsing them twice. "schematic" marks drawings that
-- are not real boundaries (the demo's), and the map says so.
CREATE TABLE report_boundary (
    unit_id      BIGINT        PRIMARY KEY REFERENCES admin_unit (id),
    geometry     TEXT          NOT NULL,
    min_lon      DOUBLE PRECISION NOT NULL,
    min_lat      DOUBLE PRECISION NOT NULL,
    max_lon      DOUBLE PRECISION NOT NULL,
    max_lat      DOUBLE PRECISION NOT NULL,
    schematic    BOOLEAN       NOT NULL,
    source_name  VARCHAR(200)  NOT NULL,
    uploaded_by  VARCHAR(100)  NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
