/// Errors of the event stores, each one line for stderr, carrying SQLite's or PostgreSQL's own message.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is not a GeoPackage (not SQLite, or SQLite without GeoPackage's application id).
    case notAGeoPackage(path: String, message: String)
    /// A GeoPackage (or PostGIS database) without PlaceMap's tables: written by another program.
    case notAPlaceMapStore(location: String)
    /// The store named for reading does not exist.
    case missing(location: String)
    /// The PostgreSQL server cannot be reached, or refuses the login (its own message).
    case connection(location: String, message: String)
    /// A statement failed (SQLite's or PostgreSQL's message, and what PlaceMap was doing).
    case database(location: String, doing: String, message: String)
    /// A row that does not read back as an event (naming the table and row).
    case badRow(location: String, table: String, row: String, message: String)

    public var description: String {
        switch self {
        case .notAGeoPackage(let p, let m): return "\(p) is not a GeoPackage (\(m))"
        case .notAPlaceMapStore(let l):
            return "\(l) is not a PlaceMap store: it lacks PlaceMap's tables (events, sources, reports); "
                + "give a new file to `placemap ingest` to make one"
        case .missing(let l): return "\(l): no such store (make one with `placemap ingest REPORTS --store \(l)`)"
        case .connection(let l, let m): return "\(l): cannot connect: \(m)"
        case .database(let l, let d, let m): return "\(l): \(d): \(m)"
        case .badRow(let l, let t, let r, let m): return "\(l): table \(t), row \(r): \(m)"
        }
    }
}
