import EventModel
import FileIO
import Foundation
import GeoModel
import Geodesy

/// An event store in one GeoPackage file (OGC GeoPackage 1.3) through SQLite: see `GeoPackageSchema` for
/// its tables. The events' R-tree gives `near` its candidates.
public final class GeoPackageStore: EventStore {
    private let db: SQLiteDatabase
    public var location: String { db.path }

    /// The SELECT list of an event row: the geometry, then every `EventColumn`.
    private static let eventSelect = "geom, " + EventColumn.all.map { GeoPackageSchema.quote($0.name) }.joined(separator: ", ")

    /// Opens the store at `path`. With `create`, a missing (or empty) file becomes a new store; else it must
    /// exist. Throws `StoreError.missing`, `.notAGeoPackage` (not SQLite, or SQLite of another kind),
    /// `.notAPlaceMapStore` (a GeoPackage without PlaceMap's tables), or `.database`.
    public init(path: String, create: Bool) throws {
        db = try SQLiteDatabase(path: path, create: create)
        try GeometryFunctions.register(on: db)
        let application: Int
        do { application = try db.integer("PRAGMA application_id", doing: "reading the header") ?? 0 } catch let StoreError.database(_, _, m) {
            throw StoreError.notAGeoPackage(path: path, message: m)
        }
        let tables = try db.integer("SELECT count(*) FROM sqlite_master", doing: "listing the tables") ?? 0
        if application == 0 && tables == 0 {
            guard create else { throw StoreError.notAPlaceMapStore(location: path) }
            try db.transaction { for sql in GeoPackageSchema.creation { try db.exec(sql, doing: "creating the store") } }
        } else if application != Int(GeoPackageSchema.applicationID) {
            throw StoreError.notAGeoPackage(path: path, message: "its application id is not GPKG")
        }
        let marked = try db.integer("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'placemap_meta'",
                                    doing: "looking for PlaceMap's tables") ?? 0
        guard marked == 1 else { throw StoreError.notAPlaceMapStore(location: path) }
        try db.exec("PRAGMA foreign_keys = ON; PRAGMA cache_size = -1048576; PRAGMA synchronous = NORMAL", doing: "setting up")
    }

    public func transaction<T>(_ body: () throws -> T) throws -> T { try db.transaction(body) }

    // MARK: Reports and tellings

    public func reports() throws -> [StoredReport] {
        let s = try db.prepare("SELECT name, kind, date, sha256, read_at, events FROM reports ORDER BY fid", doing: "reading the reports")
        var out: [StoredReport] = []
        while try s.step() {
            out.append(StoredReport(name: s.text(0) ?? "", kind: StoreInput.Kind(rawValue: s.text(1) ?? "") ?? .report,
                                    date: s.text(2).flatMap { Day(iso: $0) }, sha256: s.text(3) ?? "",
                                    readAt: GeoPackageSchema.instant(s.text(4) ?? ""), events: s.int(5)))
        }
        return out
    }

    public func add(report r: StoredReport, tellings: [Event], statements: [Event]) throws {
        let s = try db.prepare("INSERT INTO reports (name, kind, date, sha256, read_at, events) VALUES (?, ?, ?, ?, ?, ?)",
                               doing: "recording \(r.name)")
        s.bind(0, r.name); s.bind(1, r.kind.rawValue); s.bind(2, r.date?.description); s.bind(3, r.sha256)
        s.bind(4, GeoPackageSchema.datetime(r.readAt)); s.bind(5, r.events)
        try s.run()
        let t = try db.prepare("INSERT INTO tellings (report_sha256, event, lon, lat) VALUES (?, ?, ?, ?)",
                               doing: "keeping the tellings of \(r.name)")
        for e in tellings {
            t.bind(0, r.sha256); t.bind(1, JSONWriter.string(EventJSON.object(e)))
            t.bind(2, e.coordinate?.lon); t.bind(3, e.coordinate?.lat)
            try t.run()
        }
        let columns = EventColumn.all.map { GeoPackageSchema.quote($0.name) }.joined(separator: ", ")
        let st = try db.prepare("INSERT INTO statements (geom, \(columns), report_sha256) VALUES (\(marks(EventColumn.all.count + 2)))",
                                doing: "keeping the statements of \(r.name)")
        let sources = try sourceInsert()
        for e in statements {
            st.bind(0, blob: e.coordinate.map { GeoPackageBinary.point($0) })
            bindColumns(st, e, from: 1)
            st.bind(EventColumn.all.count + 1, r.sha256)
            try st.run()
            try insertSources(e, sources)
        }
    }

    public func forget(reportNamed name: String) throws {
        for sql in ["DELETE FROM sources WHERE event_id IN (SELECT \"id\" FROM statements WHERE report_sha256 IN (SELECT sha256 FROM reports WHERE name = ?1))",
                    "DELETE FROM statements WHERE report_sha256 IN (SELECT sha256 FROM reports WHERE name = ?1)",
                    "DELETE FROM tellings WHERE report_sha256 IN (SELECT sha256 FROM reports WHERE name = ?1)",
                    "DELETE FROM reports WHERE name = ?1"] {
            let s = try db.prepare(sql, doing: "forgetting the earlier reading of \(name)")
            s.bind(0, name)
            try s.run()
        }
    }

    public func tellings() throws -> [Event] {
        let s = try db.prepare("SELECT fid, event, lon, lat FROM tellings ORDER BY fid", doing: "reading the tellings")
        var out: [Event] = []
        while try s.step() {
            do {
                var v = try EventJSON.values(of: try JSONParser.parse(s.text(1) ?? ""))
                v[.lon] = .real(s.isNull(2) ? nil : s.double(2))
                v[.lat] = .real(s.isNull(3) ? nil : s.double(3))
                out.append(try v.event())
            } catch {
                throw StoreError.badRow(location: location, table: "tellings", row: "fid \(s.int(0))", message: "\(error)")
            }
        }
        return out
    }

    // MARK: Events

    public func replaceReportEvents(_ events: [Event]) throws {
        try db.exec("""
            DELETE FROM sources WHERE event_id IN (SELECT "id" FROM events WHERE origin = 'report');
            DELETE FROM events WHERE origin = 'report'
            """, doing: "removing the events merged before")
        try insert(events, origin: "report")
        try updateExtent()
    }

    public func putFileEvents(_ events: [Event]) throws {
        if try eventCount() == 0 {
            try bulkLoad(events)
            return
        }
        let sources = try db.prepare("DELETE FROM sources WHERE event_id = ?", doing: "replacing events")
        let rows = try db.prepare("DELETE FROM events WHERE \"id\" = ?", doing: "replacing events")
        for e in events {
            sources.bind(0, e.id); try sources.run()
            rows.bind(0, e.id); try rows.run()
        }
        try insert(events, origin: "file")
        try updateExtent()
    }

    /// Events into an empty table: the rows first, then the R-tree filled in one statement and the indexes
    /// built once, instead of a trigger and an index update per row. The triggers are made again after, as
    /// the R-tree extension requires. All inside the caller's transaction.
    private func bulkLoad(_ events: [Event]) throws {
        let triggers = GeoPackageSchema.rtree(table: "events", column: "geom", id: "fid").filter { $0.contains("CREATE TRIGGER") }
        try db.exec("""
            DROP INDEX events_id; DROP INDEX sources_event;
            DROP TRIGGER rtree_events_geom_insert; DROP TRIGGER rtree_events_geom_update1; DROP TRIGGER rtree_events_geom_update2;
            DROP TRIGGER rtree_events_geom_update3; DROP TRIGGER rtree_events_geom_update4; DROP TRIGGER rtree_events_geom_delete
            """, doing: "preparing a bulk load")
        try insert(events, origin: "file")
        try db.exec("""
            INSERT INTO rtree_events_geom SELECT fid, ST_MinX(geom), ST_MaxX(geom), ST_MinY(geom), ST_MaxY(geom)
              FROM events WHERE geom NOT NULL AND NOT ST_IsEmpty(geom);
            CREATE UNIQUE INDEX events_id ON events("id");
            CREATE INDEX sources_event ON sources(event_id)
            """, doing: "indexing the events")
        for sql in triggers { try db.exec(sql, doing: "indexing the events") }
        try updateExtent()
    }

    /// Inserts events (the geometry, every column, `origin`) and their sources.
    private func insert(_ events: [Event], origin: String) throws {
        let columns = EventColumn.all.map { GeoPackageSchema.quote($0.name) }.joined(separator: ", ")
        let s = try db.prepare("INSERT INTO events (geom, \(columns), origin) VALUES (\(marks(EventColumn.all.count + 2)))",
                               doing: "adding events")
        let sources = try sourceInsert()
        let last = EventColumn.all.count + 1
        for e in events {
            s.bind(0, blob: e.coordinate.map { GeoPackageBinary.point($0) })
            bindColumns(s, e, from: 1)
            s.bind(last, origin)
            do { try s.run() } catch let StoreError.database(l, _, m) {
                throw StoreError.database(location: l, doing: "adding event \(e.id)", message: m)
            }
            try insertSources(e, sources)
        }
    }

    /// Binds every `EventColumn` of `e` from parameter `first` on.
    @inline(__always)
    private func bindColumns(_ s: SQLiteStatement, _ e: Event, from first: Int) {
        for (k, c) in EventColumn.all.enumerated() {
            let i = first + k
            switch c.value(of: e) {
            case .null: s.bind(i, nil as String?)
            case .string(let t): s.bind(i, c.kind == .datetime ? GeoPackageSchema.datetime(t) : t)
            case .bool(let b): s.bind(i, b ? 1 : 0)
            case .number(let x): if c.kind == .real { s.bind(i, x) } else { s.bind(i, Int(x)) }
            case .array, .object: s.bind(i, JSONWriter.string(c.value(of: e)))  // no flat column holds one
            }
        }
    }

    private func sourceInsert() throws -> SQLiteStatement {
        try db.prepare("INSERT INTO sources (event_id, report, sentence, char_start, char_end) VALUES (?, ?, ?, ?, ?)",
                       doing: "adding sources")
    }

    private func insertSources(_ e: Event, _ s: SQLiteStatement) throws {
        for src in e.sources {
            s.bind(0, e.id); s.bind(1, src.report); s.bind(2, src.sentence); s.bind(3, src.charStart); s.bind(4, src.charEnd)
            try s.run()
        }
    }

    /// `?, ?, …` for `n` parameters.
    private func marks(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ", ") }

    /// Sets the events' extent in `gpkg_contents` from the R-tree.
    private func updateExtent() throws {
        try db.exec("""
            UPDATE gpkg_contents SET min_x = (SELECT min(minx) FROM rtree_events_geom), max_x = (SELECT max(maxx) FROM rtree_events_geom),
              min_y = (SELECT min(miny) FROM rtree_events_geom), max_y = (SELECT max(maxy) FROM rtree_events_geom),
              last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now')
            WHERE table_name = 'events'
            """, doing: "updating the events' extent")
    }

    public func eventCount() throws -> Int { try db.integer("SELECT count(*) FROM events", doing: "counting events") ?? 0 }

    public func allEvents() throws -> (events: [Event], statements: [Event]) {
        let sources = try allSources()
        let events = try rows(try db.prepare("SELECT \(Self.eventSelect), fid FROM events ORDER BY fid", doing: "reading events"),
                              table: "events", geometry: true) { sources[$0] ?? [] }
        let statements = try rows(try db.prepare("SELECT \(Self.eventSelect), fid FROM statements ORDER BY fid",
                                                 doing: "reading statements"), table: "statements", geometry: true) { sources[$0] ?? [] }
        return (events, statements)
    }

    public func events(ids: Set<String>) throws -> [Event] {
        let e = try db.prepare("SELECT \(Self.eventSelect), fid FROM events WHERE \"id\" = ?", doing: "reading events")
        let st = try db.prepare("SELECT \(Self.eventSelect), fid FROM statements WHERE \"id\" = ?", doing: "reading statements")
        let src = try sourceQuery()
        var out: [Event] = []
        for id in ids.sorted() {
            e.bind(0, id)
            out += try rows(e, table: "events", geometry: true) { try self.sources(of: $0, src) }
            e.reset()
            st.bind(0, id)
            out += try rows(st, table: "statements", geometry: true) { try self.sources(of: $0, src) }
            st.reset()
        }
        return out
    }

    public func candidates(near circle: GeodesicCircle) throws -> [Event] {
        let s = try db.prepare("""
            SELECT \(Self.eventSelect), fid FROM events WHERE fid IN
              (SELECT id FROM rtree_events_geom WHERE minx <= ?1 AND maxx >= ?2 AND miny <= ?3 AND maxy >= ?4)
            """, doing: "searching the R-tree")
        let src = try sourceQuery()
        var out: [Event] = [], seen = Set<String>()
        for box in circle.boxes {
            s.bind(0, box.east); s.bind(1, box.west); s.bind(2, box.north); s.bind(3, box.south)
            for e in try rows(s, table: "events", geometry: true, sources: { try self.sources(of: $0, src) })
            where seen.insert(e.id).inserted { out.append(e) }
            s.reset()
        }
        return out
    }

    /// The events of a query's rows (the geometry when `geometry`, every `EventColumn`, then `fid`).
    private func rows(_ s: SQLiteStatement, table: String, geometry: Bool,
                      sources: (String) throws -> [EventSource]) throws -> [Event] {
        let first = geometry ? 1 : 0
        let n = EventColumn.all.count
        var out: [Event] = []
        var values = [JSONValue](repeating: .null, count: n)
        while try s.step() {
            let point = geometry ? s.withBlob(0) { GeoPackageBinary.point(of: $0) } : nil
            for (k, c) in EventColumn.all.enumerated() { values[k] = value(s, first + k, c.kind) }
            do {
                let id = values[0].stringValue ?? ""
                out.append(try EventColumn.event(values: values, coordinate: point, sources: try sources(id)))
            } catch let e as StoreError { throw e } catch {
                throw StoreError.badRow(location: location, table: table, row: "fid \(s.int(first + n))", message: "\(error)")
            }
        }
        return out
    }

    /// A column's flat value (as the GeoJSON property).
    @inline(__always)
    private func value(_ s: SQLiteStatement, _ i: Int, _ kind: ColumnKind) -> JSONValue {
        if s.isNull(i) { return .null }
        switch kind {
        case .text, .date: return .string(s.text(i) ?? "")
        case .datetime: return .string(GeoPackageSchema.instant(s.text(i) ?? ""))
        case .integer: return .number(Double(s.int(i)))
        case .real: return .number(s.double(i))
        case .boolean: return .bool(s.int(i) != 0)
        }
    }

    private func sourceQuery() throws -> SQLiteStatement {
        try db.prepare("SELECT report, sentence, char_start, char_end FROM sources WHERE event_id = ? ORDER BY fid", doing: "reading sources")
    }

    private func sources(of id: String, _ s: SQLiteStatement) throws -> [EventSource] {
        s.bind(0, id)
        defer { s.reset() }
        var out: [EventSource] = []
        while try s.step() {
            out.append(EventSource(report: s.text(0) ?? "", sentence: s.text(1) ?? "", charStart: s.int(2), charEnd: s.int(3)))
        }
        return out
    }

    private func allSources() throws -> [String: [EventSource]] {
        let s = try db.prepare("SELECT event_id, report, sentence, char_start, char_end FROM sources ORDER BY fid", doing: "reading sources")
        var out: [String: [EventSource]] = [:]
        while try s.step() {
            out[s.text(0) ?? "", default: []].append(
                EventSource(report: s.text(1) ?? "", sentence: s.text(2) ?? "", charStart: s.int(3), charEnd: s.int(4)))
        }
        return out
    }

    // MARK: Overrides and front lines

    public func overrides() throws -> [Override] {
        let s = try db.prepare("SELECT event_id, action, value, line, file FROM overrides ORDER BY fid", doing: "reading the overrides")
        var out: [Override] = []
        while try s.step() {
            guard let action = OverrideAction(rawValue: s.text(1) ?? "") else {
                throw StoreError.badRow(location: location, table: "overrides", row: s.text(0) ?? "",
                                        message: "unknown action \"\(s.text(1) ?? "")\"")
            }
            out.append(Override(id: s.text(0) ?? "", action: action, value: s.text(2) ?? "", line: s.int(3)))
        }
        return out
    }

    public func add(overrides: [Override], file: String) throws {
        let d = try db.prepare("DELETE FROM overrides WHERE event_id = ? AND action = ?", doing: "keeping overrides")
        let s = try db.prepare("INSERT INTO overrides (event_id, action, value, file, line) VALUES (?, ?, ?, ?, ?)",
                               doing: "keeping overrides")
        for o in overrides {
            d.bind(0, o.id); d.bind(1, o.action.rawValue); try d.run()
            s.bind(0, o.id); s.bind(1, o.action.rawValue); s.bind(2, o.value); s.bind(3, file); s.bind(4, o.line)
            try s.run()
        }
    }

    public func replaceFrontlines(_ f: StoredFrontlines) throws {
        try db.exec("DELETE FROM frontlines; DELETE FROM sides; DELETE FROM control", doing: "replacing the front lines")
        let line = try db.prepare("INSERT INTO frontlines (geom, date, length_km, changed_km2, advance_km) VALUES (?, ?, ?, ?, ?)",
                                  doing: "storing front lines")
        let side = try db.prepare("INSERT INTO sides (geom, date, side, kind, area_km2) VALUES (?, ?, ?, ?, ?)", doing: "storing sides")
        let control = try db.prepare("INSERT INTO control (geom, date, place_id, place, side, distance_to_line_km) VALUES (?, ?, ?, ?, ?, ?)",
                                     doing: "storing control")
        for row in FrontlineRows.rows(f) {
            switch row {
            case .line(let g, let day, let length, let changed, let advance):
                line.bind(0, blob: GeoPackageBinary.encode(g)); line.bind(1, day.description)
                line.bind(2, length); line.bind(3, changed); line.bind(4, advance)
                try line.run()
            case .side(let g, let day, let name, let kind, let area):
                side.bind(0, blob: GeoPackageBinary.encode(g)); side.bind(1, day.description)
                side.bind(2, name); side.bind(3, kind); side.bind(4, area)
                try side.run()
            case .control(let c, let day, let id, let place, let name, let distance):
                control.bind(0, blob: GeoPackageBinary.point(c)); control.bind(1, day.description); control.bind(2, id)
                control.bind(3, place); control.bind(4, name); control.bind(5, distance)
                try control.run()
            }
        }
        for (table, geom) in [("frontlines", "geom"), ("sides", "geom"), ("control", "geom")] {
            try db.exec("""
                UPDATE gpkg_contents SET min_x = (SELECT min(ST_MinX(\(geom))) FROM \(table)), max_x = (SELECT max(ST_MaxX(\(geom))) FROM \(table)),
                  min_y = (SELECT min(ST_MinY(\(geom))) FROM \(table)), max_y = (SELECT max(ST_MaxY(\(geom))) FROM \(table))
                WHERE table_name = '\(table)'
                """, doing: "updating the extent of \(table)")
        }
    }
}
