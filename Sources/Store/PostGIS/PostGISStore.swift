import EventModel
import FileIO
import Foundation
import GeoModel
import Geodesy

/// An event store in a PostgreSQL database with PostGIS (`PostGISSchema`), for a team or a large archive:
/// bulk loads with `COPY`, a `geography(Point,4326)` column with a GiST index, and `near` asking the server
/// (`ST_DWithin` on geography) for its candidates.
public final class PostGISStore: EventStore {
    private let pg: PostgresConnection
    public var location: String { pg.location }

    /// The SELECT list of an event row: longitude, latitude, every `EventColumn`, then `fid`.
    private static let eventSelect = "ST_X(geog::geometry), ST_Y(geog::geometry), \(PostGISSchema.columnSelect), fid"

    /// Connects to `url`; with `create`, makes PlaceMap's tables (and the PostGIS extension) when the
    /// database has none. Throws `StoreError.connection` (unreachable, wrong password), `.notAPlaceMapStore`
    /// (no tables, and not `create`), or `.database` (for example PostGIS missing on the server).
    public init(url: String, create: Bool) throws {
        pg = try PostgresConnection(url: url)
        try pg.exec("SET client_min_messages = warning", doing: "setting up")
        let found = try pg.exec("SELECT to_regclass('placemap.placemap_meta') IS NOT NULL", doing: "looking for PlaceMap's tables")
        if found.text(0, 0) != "t" {
            guard create else { throw StoreError.notAPlaceMapStore(location: location) }
            try pg.transaction { for sql in PostGISSchema.creation { try pg.exec(sql, doing: "creating the store") } }
        }
    }

    public func transaction<T>(_ body: () throws -> T) throws -> T { try pg.transaction(body) }

    // MARK: Reports and tellings

    public func reports() throws -> [StoredReport] {
        let r = try pg.exec("""
            SELECT name, kind, to_char(date, 'YYYY-MM-DD'), sha256,
                   to_char(read_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), events
            FROM placemap.reports ORDER BY fid
            """, doing: "reading the reports")
        return (0..<r.count).map { i in
            StoredReport(name: r.text(i, 0) ?? "", kind: StoreInput.Kind(rawValue: r.text(i, 1) ?? "") ?? .report,
                         date: r.text(i, 2).flatMap { Day(iso: $0) }, sha256: r.text(i, 3) ?? "", readAt: r.text(i, 4) ?? "",
                         events: Int(r.text(i, 5) ?? "") ?? 0)
        }
    }

    public func add(report x: StoredReport, tellings: [Event], statements: [Event]) throws {
        try pg.exec("INSERT INTO placemap.reports (name, kind, date, sha256, read_at, events) VALUES ($1, $2, $3, $4, $5, $6)",
                    [x.name, x.kind.rawValue, x.date?.description, x.sha256, x.readAt, String(x.events)], doing: "recording \(x.name)")
        var k = 0
        try pg.copy("COPY placemap.tellings (report_sha256, event, lon, lat) FROM STDIN", doing: "keeping the tellings of \(x.name)") { out in
            guard k < tellings.count else { return false }
            let e = tellings[k]; k += 1
            var row = CopyText()
            row.field(x.sha256, to: &out)
            row.field(JSONWriter.string(EventJSON.object(e)), to: &out)
            row.field(e.coordinate.map { "\($0.lon)" }, to: &out)
            row.field(e.coordinate.map { "\($0.lat)" }, to: &out)
            row.end(&out)
            return true
        }
        k = 0
        try pg.copy("COPY placemap.statements (geog, \(PostGISSchema.columnNames), report_sha256) FROM STDIN",
                    doing: "keeping the statements of \(x.name)") { out in
            guard k < statements.count else { return false }
            var row = CopyText()
            row.field(statements[k].coordinate.map(CopyText.ewkbHex), to: &out)
            Self.columns(statements[k], &row, &out)
            row.field(x.sha256, to: &out)
            row.end(&out)
            k += 1
            return true
        }
        try copySources(statements)
    }

    public func forget(reportNamed name: String) throws {
        for sql in ["DELETE FROM placemap.sources WHERE event_id IN (SELECT \"id\" FROM placemap.statements WHERE report_sha256 IN (SELECT sha256 FROM placemap.reports WHERE name = $1))",
                    "DELETE FROM placemap.statements WHERE report_sha256 IN (SELECT sha256 FROM placemap.reports WHERE name = $1)",
                    "DELETE FROM placemap.tellings WHERE report_sha256 IN (SELECT sha256 FROM placemap.reports WHERE name = $1)",
                    "DELETE FROM placemap.reports WHERE name = $1"] {
            try pg.exec(sql, [name], doing: "forgetting the earlier reading of \(name)")
        }
    }

    public func tellings() throws -> [Event] {
        let r = try pg.exec("SELECT fid, event, lon, lat FROM placemap.tellings ORDER BY fid", doing: "reading the tellings")
        return try (0..<r.count).map { i in
            do {
                var v = try EventJSON.values(of: try JSONParser.parse(r.text(i, 1) ?? ""))
                v[.lon] = .real(r.text(i, 2).flatMap(Double.init))
                v[.lat] = .real(r.text(i, 3).flatMap(Double.init))
                return try v.event()
            } catch {
                throw StoreError.badRow(location: location, table: "tellings", row: "fid \(r.text(i, 0) ?? "")", message: "\(error)")
            }
        }
    }

    // MARK: Events

    public func replaceReportEvents(_ events: [Event]) throws {
        try pg.exec("""
            DELETE FROM placemap.sources WHERE event_id IN (SELECT "id" FROM placemap.events WHERE origin = 'report');
            DELETE FROM placemap.events WHERE origin = 'report'
            """, doing: "removing the events merged before")
        try copyEvents(events, origin: "report")
    }

    public func putFileEvents(_ events: [Event]) throws {
        if try eventCount() == 0 {
            // A bulk load into an empty table: the indexes are built once after the rows are in.
            // Memory for building the indexes once (this transaction only), as one would by hand for a big load.
            try pg.exec("SET LOCAL maintenance_work_mem = '256MB'", doing: "preparing a bulk load")
            try pg.exec("DROP INDEX placemap.events_id, placemap.events_geog", doing: "preparing a bulk load")
            try copyEvents(events, origin: "file")
            for sql in PostGISSchema.eventIndexes { try pg.exec(sql, doing: "indexing the events") }
            try pg.exec("ANALYZE placemap.events", doing: "indexing the events")
            return
        }
        try pg.exec("CREATE TEMP TABLE incoming (id text) ON COMMIT DROP", doing: "replacing events")
        var k = 0
        try pg.copy("COPY incoming (id) FROM STDIN", doing: "replacing events") { out in
            guard k < events.count else { return false }
            var row = CopyText()
            row.field(events[k].id, to: &out)
            row.end(&out)
            k += 1
            return true
        }
        try pg.exec("""
            DELETE FROM placemap.sources s USING incoming i WHERE s.event_id = i.id;
            DELETE FROM placemap.events e USING incoming i WHERE e."id" = i.id
            """, doing: "replacing events")
        try copyEvents(events, origin: "file")
    }

    /// Loads events (and their sources) with COPY.
    private func copyEvents(_ events: [Event], origin: String) throws {
        var k = 0
        try pg.copy("COPY placemap.events (geog, \(PostGISSchema.columnNames), origin) FROM STDIN", doing: "adding events") { out in
            guard k < events.count else { return false }
            let e = events[k]; k += 1
            var row = CopyText()
            row.field(e.coordinate.map(CopyText.ewkbHex), to: &out)
            Self.columns(e, &row, &out)
            row.field(origin, to: &out)
            row.end(&out)
            return true
        }
        try copySources(events)
    }

    /// Appends every `EventColumn` of `e`.
    @inline(__always)
    private static func columns(_ e: Event, _ row: inout CopyText, _ out: inout [UInt8]) {
        for c in EventColumn.all {
            switch c.value(of: e) {
            case .null: row.field(nil, to: &out)
            case .string(let s): row.field(s, to: &out)
            case .bool(let b): row.raw(b ? "t" : "f", to: &out)
            case .number(let x): row.raw(c.kind == .real ? "\(x)" : String(Int(x)), to: &out)
            case let v: row.field(JSONWriter.string(v), to: &out)  // no flat column holds a list or an object
            }
        }
    }

    private func copySources(_ events: [Event]) throws {
        var k = 0
        try pg.copy("COPY placemap.sources (event_id, report, sentence, char_start, char_end) FROM STDIN", doing: "adding sources") { out in
            guard k < events.count else { return false }
            let e = events[k]; k += 1
            for s in e.sources {
                var row = CopyText()
                row.field(e.id, to: &out); row.field(s.report, to: &out); row.field(s.sentence, to: &out)
                row.raw(String(s.charStart), to: &out); row.raw(String(s.charEnd), to: &out)
                row.end(&out)
            }
            return true
        }
    }

    public func eventCount() throws -> Int {
        Int(try pg.exec("SELECT count(*) FROM placemap.events", doing: "counting events").text(0, 0) ?? "") ?? 0
    }

    public func allEvents() throws -> (events: [Event], statements: [Event]) {
        let sources = try sourceMap(try pg.exec("SELECT event_id, report, sentence, char_start, char_end FROM placemap.sources ORDER BY fid",
                                                doing: "reading sources"))
        let events = try rows(try pg.exec("SELECT \(Self.eventSelect) FROM placemap.events ORDER BY fid", doing: "reading events"),
                              table: "events", sources: sources)
        let statements = try rows(try pg.exec("SELECT \(Self.eventSelect) FROM placemap.statements ORDER BY fid",
                                              doing: "reading statements"), table: "statements", sources: sources)
        return (events, statements)
    }

    public func events(ids: Set<String>) throws -> [Event] {
        var out: [Event] = []
        for id in ids.sorted() {
            let sources = try sourceMap(try pg.exec("SELECT event_id, report, sentence, char_start, char_end FROM placemap.sources WHERE event_id = $1 ORDER BY fid",
                                                    [id], doing: "reading sources"))
            out += try rows(try pg.exec("SELECT \(Self.eventSelect) FROM placemap.events WHERE \"id\" = $1", [id], doing: "reading events"),
                            table: "events", sources: sources)
            out += try rows(try pg.exec("SELECT \(Self.eventSelect) FROM placemap.statements WHERE \"id\" = $1", [id],
                                        doing: "reading statements"), table: "statements", sources: sources)
        }
        return out
    }

    /// The events within the circle's radius plus a margin by the server's geodesic (`ST_DWithin` on
    /// geography, through the GiST index): a superset, decided exactly by the caller.
    public func candidates(near circle: GeodesicCircle) throws -> [Event] {
        let within = """
            ST_DWithin(geog, ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326)::geography, $3::float8)
            """
        // A margin of 1 m and a millionth of the radius: PostGIS's spheroid distance and Karney's differ
        // by far less, so no event within the radius is left out.
        let params = ["\(circle.center.lon)", "\(circle.center.lat)", "\(circle.radius * (1 + 1e-6) + 1)"]
        let sources = try sourceMap(try pg.exec("""
            SELECT s.event_id, s.report, s.sentence, s.char_start, s.char_end FROM placemap.sources s
            JOIN placemap.events e ON s.event_id = e."id" WHERE \(within) ORDER BY s.fid
            """, params, doing: "asking the server for the events near"))
        return try rows(try pg.exec("SELECT \(Self.eventSelect) FROM placemap.events WHERE \(within)", params,
                                    doing: "asking the server for the events near"), table: "events", sources: sources)
    }

    /// The events of a result whose columns are longitude, latitude, every `EventColumn`, then `fid`.
    private func rows(_ r: PostgresResult, table: String, sources: [String: [EventSource]]) throws -> [Event] {
        let n = EventColumn.all.count
        var values = [JSONValue](repeating: .null, count: n)
        var out: [Event] = []
        out.reserveCapacity(r.count)
        for i in 0..<r.count {
            var point: Coordinate?
            if let x = r.text(i, 0).flatMap(Double.init), let y = r.text(i, 1).flatMap(Double.init) { point = Coordinate(lon: x, lat: y) }
            for (k, c) in EventColumn.all.enumerated() {
                guard let t = r.text(i, 2 + k) else { values[k] = .null; continue }
                switch c.kind {
                case .text, .date, .datetime: values[k] = .string(t)
                case .integer, .real: values[k] = Double(t).map(JSONValue.number) ?? .null
                case .boolean: values[k] = .bool(t == "t")
                }
            }
            let id = values[0].stringValue ?? ""
            do { out.append(try EventColumn.event(values: values, coordinate: point, sources: sources[id] ?? [])) } catch {
                throw StoreError.badRow(location: location, table: table, row: "fid \(r.text(i, 2 + n) ?? "")", message: "\(error)")
            }
        }
        return out
    }

    private func sourceMap(_ r: PostgresResult) throws -> [String: [EventSource]] {
        var out: [String: [EventSource]] = [:]
        for i in 0..<r.count {
            out[r.text(i, 0) ?? "", default: []].append(EventSource(
                report: r.text(i, 1) ?? "", sentence: r.text(i, 2) ?? "", charStart: Int(r.text(i, 3) ?? "") ?? 0,
                charEnd: Int(r.text(i, 4) ?? "") ?? 0))
        }
        return out
    }

    // MARK: Overrides and front lines

    public func overrides() throws -> [Override] {
        let r = try pg.exec("SELECT event_id, action, value, line FROM placemap.overrides ORDER BY fid", doing: "reading the overrides")
        return try (0..<r.count).map { i in
            guard let action = OverrideAction(rawValue: r.text(i, 1) ?? "") else {
                throw StoreError.badRow(location: location, table: "overrides", row: r.text(i, 0) ?? "",
                                        message: "unknown action \"\(r.text(i, 1) ?? "")\"")
            }
            return Override(id: r.text(i, 0) ?? "", action: action, value: r.text(i, 2) ?? "", line: Int(r.text(i, 3) ?? "") ?? 0)
        }
    }

    public func add(overrides: [Override], file: String) throws {
        for o in overrides {
            try pg.exec("DELETE FROM placemap.overrides WHERE event_id = $1 AND action = $2", [o.id, o.action.rawValue],
                        doing: "keeping overrides")
            try pg.exec("INSERT INTO placemap.overrides (event_id, action, value, file, line) VALUES ($1, $2, $3, $4, $5)",
                        [o.id, o.action.rawValue, o.value, file, String(o.line)], doing: "keeping overrides")
        }
    }

    public func replaceFrontlines(_ f: StoredFrontlines) throws {
        try pg.exec("DELETE FROM placemap.frontlines; DELETE FROM placemap.sides; DELETE FROM placemap.control", doing: "replacing the front lines")
        func wkb(_ g: Geometry) -> String {
            var bytes: [UInt8] = []
            WKB.write(g, to: &bytes)
            return CopyText.hex(bytes)
        }
        let geometry = "ST_GeomFromWKB(decode($1, 'hex'), 4326)"
        for row in FrontlineRows.rows(f) {
            switch row {
            case .line(let g, let day, let length, let changed, let advance):
                try pg.exec("INSERT INTO placemap.frontlines (geom, date, length_km, changed_km2, advance_km) VALUES (\(geometry), $2, $3, $4, $5)",
                            [wkb(g), day.description, "\(length)", "\(changed)", "\(advance)"], doing: "storing front lines")
            case .side(let g, let day, let side, let kind, let area):
                try pg.exec("INSERT INTO placemap.sides (geom, date, side, kind, area_km2) VALUES (\(geometry), $2, $3, $4, $5)",
                            [wkb(g), day.description, side, kind, "\(area)"], doing: "storing sides")
            case .control(let c, let day, let id, let place, let side, let distance):
                try pg.exec("INSERT INTO placemap.control (geom, date, place_id, place, side, distance_to_line_km) VALUES (\(geometry), $2, $3, $4, $5, $6)",
                            [wkb(.point(c)), day.description, id, place, side, distance.map { "\($0)" }], doing: "storing control")
            }
        }
    }
}
