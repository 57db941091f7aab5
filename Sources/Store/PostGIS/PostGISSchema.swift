import EventModel

/// PlaceMap's tables in a PostGIS database, in the schema `placemap`: the same tables as the GeoPackage
/// store (`GeoPackageSchema`), the events with a `geography(Point,4326)` column and a GiST index on it. The
/// events' and statements' columns come from `EventColumn.all` (the schema).
enum PostGISSchema {
    /// The PostgreSQL schema holding PlaceMap's tables.
    static let schema = "placemap"

    /// A table's qualified name.
    static func table(_ name: String) -> String { "\(schema).\(name)" }

    /// The SQL type of a column kind.
    static func sqlType(_ kind: ColumnKind) -> String {
        switch kind {
        case .text: return "text"
        case .integer: return "bigint"
        case .real: return "double precision"
        case .boolean: return "boolean"
        case .date: return "date"
        case .datetime: return "timestamptz"
        }
    }

    /// The column list of the events and statements tables, quoted (`end` is a keyword).
    static var columnNames: String { EventColumn.all.map { "\"\($0.name)\"" }.joined(separator: ", ") }

    /// The SELECT list that reads each column back as the flat form writes it (dates as YYYY-MM-DD, instants
    /// as YYYY-MM-DDTHH:MM:SSZ in UTC).
    static var columnSelect: String {
        EventColumn.all.map { c in
            switch c.kind {
            case .date: return "to_char(\"\(c.name)\", 'YYYY-MM-DD')"
            case .datetime: return "to_char(\"\(c.name)\" AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
            default: return "\"\(c.name)\""
            }
        }.joined(separator: ", ")
    }

    /// The indexes of the events table, dropped around a bulk load into an empty table and built after.
    static let eventIndexes = [
        "CREATE UNIQUE INDEX events_id ON placemap.events (\"id\")",
        "CREATE INDEX events_geog ON placemap.events USING GIST (geog)",
    ]

    /// Every statement that makes PlaceMap's tables in a database with PostGIS.
    static var creation: [String] {
        let columns = EventColumn.all.map { "\"\($0.name)\" \(sqlType($0.kind))" }.joined(separator: ", ")
        return [
            "CREATE EXTENSION IF NOT EXISTS postgis",
            "CREATE SCHEMA \(schema)",
            "CREATE TABLE placemap.events (fid bigserial PRIMARY KEY, geog geography(Point, 4326), \(columns), origin text NOT NULL)",
        ] + eventIndexes + [
            "CREATE TABLE placemap.statements (fid bigserial PRIMARY KEY, geog geography(Point, 4326), \(columns), report_sha256 text NOT NULL)",
            "CREATE INDEX statements_report ON placemap.statements (report_sha256)",
            """
            CREATE TABLE placemap.sources (fid bigserial PRIMARY KEY, event_id text NOT NULL, report text NOT NULL,
              sentence text NOT NULL, char_start bigint NOT NULL, char_end bigint NOT NULL)
            """,
            "CREATE INDEX sources_event ON placemap.sources (event_id)",
            """
            CREATE TABLE placemap.reports (fid bigserial PRIMARY KEY, name text NOT NULL, kind text NOT NULL, date date,
              sha256 text NOT NULL UNIQUE, read_at timestamptz NOT NULL, events bigint NOT NULL)
            """,
            "CREATE TABLE placemap.tellings (fid bigserial PRIMARY KEY, report_sha256 text NOT NULL, event text NOT NULL, lon double precision, lat double precision)",
            "CREATE INDEX tellings_report ON placemap.tellings (report_sha256)",
            """
            CREATE TABLE placemap.overrides (fid bigserial PRIMARY KEY, event_id text NOT NULL, action text NOT NULL,
              value text NOT NULL, file text NOT NULL, line bigint NOT NULL)
            """,
            """
            CREATE TABLE placemap.frontlines (fid bigserial PRIMARY KEY, geom geometry(MultiLineString, 4326), date date NOT NULL,
              length_km double precision NOT NULL, changed_km2 double precision NOT NULL, advance_km double precision NOT NULL)
            """,
            """
            CREATE TABLE placemap.sides (fid bigserial PRIMARY KEY, geom geometry(MultiPolygon, 4326), date date NOT NULL,
              side text NOT NULL, kind text NOT NULL, area_km2 double precision NOT NULL)
            """,
            """
            CREATE TABLE placemap.control (fid bigserial PRIMARY KEY, geom geometry(Point, 4326), date date NOT NULL,
              place_id text NOT NULL, place text NOT NULL, side text NOT NULL, distance_to_line_km double precision)
            """,
            "CREATE TABLE placemap.placemap_meta (key text PRIMARY KEY, value text NOT NULL)",
            "INSERT INTO placemap.placemap_meta VALUES ('store_version', '\(GeoPackageSchema.storeVersion)')",
        ]
    }
}
