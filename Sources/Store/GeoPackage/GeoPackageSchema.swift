import EventModel

/// The tables of a PlaceMap GeoPackage (OGC GeoPackage 1.3, OGC 12-128r17): GeoPackage's own (spatial
/// reference systems, contents, geometry columns, extensions), the events as a Point feature table with the
/// R-tree spatial index extension, and PlaceMap's tables. The events' and statements' columns come from
/// `EventColumn.all` (the schema), never from a list written here.
enum GeoPackageSchema {
    /// GeoPackage's application id ("GPKG") and the version of the spec written (1.3.0).
    static let applicationID: Int32 = 0x4750_4B47
    static let userVersion = 10300
    /// The marker of PlaceMap's stores in `placemap_meta`, and the layout's version.
    static let storeVersion = "1"

    /// A PlaceMap table: its name, what GeoPackage calls its data, its geometry (nil for attributes), and
    /// what it holds (`gpkg_contents.description`).
    struct Table {
        let name: String, geometry: String?, description: String
        var dataType: String { geometry == nil ? "attributes" : "features" }
    }

    static let tables: [Table] = [
        Table(name: "events", geometry: "POINT", description: "PlaceMap events, one a happening (flat properties, as events.geojson)"),
        Table(name: "statements", geometry: "POINT", description: "Statements and diplomacy (most without a place)"),
        Table(name: "sources", geometry: nil, description: "Every source of every event and statement, keyed by event_id"),
        Table(name: "reports", geometry: nil, description: "The reports and event files read, with their SHA-256"),
        Table(name: "tellings", geometry: nil, description: "Each report's events before merging (JSON), merged again on every ingest"),
        Table(name: "overrides", geometry: nil, description: "Analyst corrections, applied on every read"),
        Table(name: "frontlines", geometry: "MULTILINESTRING", description: "The front line of each day (a model of control)"),
        Table(name: "sides", geometry: "MULTIPOLYGON", description: "Each side's ground on each day"),
        Table(name: "control", geometry: "POINT", description: "Who holds each settlement on each day"),
        Table(name: "placemap_meta", geometry: nil, description: "PlaceMap's store version"),
    ]

    /// The SQL type of a column kind (GeoPackage's data types, §1.1.1.1.3).
    static func sqlType(_ kind: ColumnKind) -> String {
        switch kind {
        case .text: return "TEXT"
        case .integer: return "INTEGER"
        case .real: return "DOUBLE"
        case .boolean: return "BOOLEAN"
        case .date: return "DATE"
        case .datetime: return "DATETIME"
        }
    }

    /// `"name" TYPE` for each event column.
    static var eventColumnsDDL: String {
        EventColumn.all.map { "\(quote($0.name)) \(sqlType($0.kind))" }.joined(separator: ", ")
    }

    /// An ISO 8601 instant ("2020-02-06T00:00:00Z") as GeoPackage's DATETIME ("2020-02-06T00:00:00.000Z",
    /// §1.1.1.1.3: milliseconds required; GDAL warns of anything else).
    static func datetime(_ instant: String) -> String {
        guard instant.hasSuffix("Z"), instant.count == 20 else { return instant }
        return instant.dropLast() + ".000Z"
    }

    /// A GeoPackage DATETIME as PlaceMap writes instants (whole seconds, no milliseconds).
    static func instant(_ datetime: String) -> String {
        datetime.hasSuffix(".000Z") ? datetime.dropLast(5) + "Z" : datetime
    }

    /// A text literal in single quotes (quotes inside doubled).
    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    /// An identifier in double quotes (column names such as `end` are SQL keywords).
    static func quote(_ name: String) -> String { "\"\(name)\"" }

    /// WGS 84 (EPSG:4326) as OGC WKT, as GeoPackage's required row gives it.
    static let wgs84WKT = #"GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]"#

    /// Every statement that makes an empty file a PlaceMap store, in order.
    static var creation: [String] {
        var sql = [
            "PRAGMA application_id = \(applicationID)",
            "PRAGMA user_version = \(userVersion)",
            """
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,
              organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
              description TEXT)
            """,
            """
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
              identifier TEXT UNIQUE, description TEXT DEFAULT '',
              last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
              min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
              CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))
            """,
            """
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
              geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
              CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
              CONSTRAINT uk_gc_table_name UNIQUE (table_name),
              CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
              CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))
            """,
            """
            CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL,
              definition TEXT NOT NULL, scope TEXT NOT NULL,
              CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))
            """,
            """
            INSERT INTO gpkg_spatial_ref_sys VALUES
              ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
              ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
              ('WGS 84 geodetic', 4326, 'EPSG', 4326, '\(wgs84WKT)',
               'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')
            """,
            // PlaceMap's tables. `origin` says whether an event was merged from reports or read from an event file.
            "CREATE TABLE events (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom POINT, \(eventColumnsDDL), origin TEXT NOT NULL)",
            "CREATE UNIQUE INDEX events_id ON events(\"id\")",
            "CREATE TABLE statements (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom POINT, \(eventColumnsDDL), report_sha256 TEXT NOT NULL)",
            "CREATE INDEX statements_report ON statements(report_sha256)",
            """
            CREATE TABLE sources (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, event_id TEXT NOT NULL, report TEXT NOT NULL,
              sentence TEXT NOT NULL, char_start INTEGER NOT NULL, char_end INTEGER NOT NULL)
            """,
            "CREATE INDEX sources_event ON sources(event_id)",
            """
            CREATE TABLE reports (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
              date DATE, sha256 TEXT NOT NULL UNIQUE, read_at DATETIME NOT NULL, events INTEGER NOT NULL)
            """,
            """
            CREATE TABLE tellings (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, report_sha256 TEXT NOT NULL,
              event TEXT NOT NULL, lon DOUBLE, lat DOUBLE)
            """,
            "CREATE INDEX tellings_report ON tellings(report_sha256)",
            """
            CREATE TABLE overrides (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, event_id TEXT NOT NULL, action TEXT NOT NULL,
              value TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL)
            """,
            """
            CREATE TABLE frontlines (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom MULTILINESTRING, date DATE NOT NULL,
              length_km DOUBLE NOT NULL, changed_km2 DOUBLE NOT NULL, advance_km DOUBLE NOT NULL)
            """,
            """
            CREATE TABLE sides (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom MULTIPOLYGON, date DATE NOT NULL,
              side TEXT NOT NULL, kind TEXT NOT NULL, area_km2 DOUBLE NOT NULL)
            """,
            """
            CREATE TABLE control (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom POINT, date DATE NOT NULL,
              place_id TEXT NOT NULL, place TEXT NOT NULL, side TEXT NOT NULL, distance_to_line_km DOUBLE)
            """,
            "CREATE TABLE placemap_meta (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, key TEXT NOT NULL UNIQUE, value TEXT NOT NULL)",
            "INSERT INTO placemap_meta (key, value) VALUES ('store_version', '\(storeVersion)')",
        ]
        for t in tables {
            let srs = t.geometry == nil ? "NULL" : "4326"
            sql.append("""
                INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)
                VALUES ('\(t.name)', '\(t.dataType)', '\(t.name)', \(literal(t.description)), \(srs))
                """)
            if let g = t.geometry {
                sql.append("INSERT INTO gpkg_geometry_columns VALUES ('\(t.name)', 'geom', '\(g)', 4326, 0, 0)")
            }
        }
        return sql + rtree(table: "events", column: "geom", id: "fid")
    }

    /// The R-tree spatial index extension of one geometry column (OGC 12-128r17 Annex F.3): the virtual
    /// table, its registration in `gpkg_extensions`, and the six triggers that keep it in step.
    static func rtree(table t: String, column c: String, id i: String) -> [String] {
        let r = "rtree_\(t)_\(c)"
        let box = "NEW.\(i), ST_MinX(NEW.\(c)), ST_MaxX(NEW.\(c)), ST_MinY(NEW.\(c)), ST_MaxY(NEW.\(c))"
        return [
            "CREATE VIRTUAL TABLE \(r) USING rtree(id, minx, maxx, miny, maxy)",
            """
            INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope)
            VALUES ('\(t)', '\(c)', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')
            """,
            """
            CREATE TRIGGER \(r)_insert AFTER INSERT ON \(t) WHEN (new.\(c) NOT NULL AND NOT ST_IsEmpty(NEW.\(c)))
            BEGIN INSERT OR REPLACE INTO \(r) VALUES (\(box)); END
            """,
            """
            CREATE TRIGGER \(r)_update1 AFTER UPDATE OF \(c) ON \(t)
            WHEN OLD.\(i) = NEW.\(i) AND (NEW.\(c) NOTNULL AND NOT ST_IsEmpty(NEW.\(c)))
            BEGIN INSERT OR REPLACE INTO \(r) VALUES (\(box)); END
            """,
            """
            CREATE TRIGGER \(r)_update2 AFTER UPDATE OF \(c) ON \(t)
            WHEN OLD.\(i) = NEW.\(i) AND (NEW.\(c) ISNULL OR ST_IsEmpty(NEW.\(c)))
            BEGIN DELETE FROM \(r) WHERE id = OLD.\(i); END
            """,
            """
            CREATE TRIGGER \(r)_update3 AFTER UPDATE ON \(t)
            WHEN OLD.\(i) != NEW.\(i) AND (NEW.\(c) NOTNULL AND NOT ST_IsEmpty(NEW.\(c)))
            BEGIN DELETE FROM \(r) WHERE id = OLD.\(i); INSERT OR REPLACE INTO \(r) VALUES (\(box)); END
            """,
            """
            CREATE TRIGGER \(r)_update4 AFTER UPDATE ON \(t)
            WHEN OLD.\(i) != NEW.\(i) AND (NEW.\(c) ISNULL OR ST_IsEmpty(NEW.\(c)))
            BEGIN DELETE FROM \(r) WHERE id IN (OLD.\(i), NEW.\(i)); END
            """,
            """
            CREATE TRIGGER \(r)_delete AFTER DELETE ON \(t) WHEN old.\(c) NOT NULL
            BEGIN DELETE FROM \(r) WHERE id = OLD.\(i); END
            """,
        ]
    }
}
