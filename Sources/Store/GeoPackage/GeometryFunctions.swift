internal import CSQLite

/// The SQL functions GeoPackage's R-tree triggers call (OGC 12-128r17, Annex F.3): `ST_IsEmpty`,
/// `ST_MinX`, `ST_MaxX`, `ST_MinY`, `ST_MaxY` of a GeoPackage binary geometry. SQLite has none of them:
/// each connection that writes a feature table registers them (as GDAL does).
enum GeometryFunctions {
    /// Registers the five functions on `db`. Throws `StoreError.database` with SQLite's message.
    static func register(on db: SQLiteDatabase) throws {
        let deterministic = SQLITE_UTF8 | SQLITE_DETERMINISTIC
        for (name, function) in [("ST_MinX", minX), ("ST_MaxX", maxX), ("ST_MinY", minY), ("ST_MaxY", maxY),
                                 ("ST_IsEmpty", isEmpty)] {
            // sqlite3_create_function_v2 returns non-zero on failure (bad name, out of memory).
            guard sqlite3_create_function_v2(db.handle, name, 1, deterministic, nil, function, nil, nil, nil) == SQLITE_OK else {
                throw StoreError.database(location: db.path, doing: "registering \(name)", message: db.message)
            }
        }
    }

    typealias Function = @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void

    /// The envelope of the first argument's blob, or nil (NULL, empty, not GeoPackage binary).
    private static func envelope(_ args: UnsafeMutablePointer<OpaquePointer?>?) -> (minX: Double, maxX: Double, minY: Double, maxY: Double)? {
        guard let value = args?[0], sqlite3_value_type(value) == SQLITE_BLOB, let p = sqlite3_value_blob(value) else { return nil }
        let bytes = UnsafeRawBufferPointer(start: p, count: Int(sqlite3_value_bytes(value)))
        guard let box = GeoPackageBinary.envelope(bytes) else { return nil }
        return (box.west, box.east, box.south, box.north)
    }

    private static func result(_ context: OpaquePointer?, _ x: Double?) {
        if let x { sqlite3_result_double(context, x) } else { sqlite3_result_null(context) }
    }

    private static let minX: Function = { c, _, a in result(c, envelope(a)?.minX) }
    private static let maxX: Function = { c, _, a in result(c, envelope(a)?.maxX) }
    private static let minY: Function = { c, _, a in result(c, envelope(a)?.minY) }
    private static let maxY: Function = { c, _, a in result(c, envelope(a)?.maxY) }
    private static let isEmpty: Function = { c, _, a in
        guard let value = a?[0], sqlite3_value_type(value) != SQLITE_NULL else { sqlite3_result_null(c); return }
        sqlite3_result_int(c, envelope(a) == nil ? 1 : 0)
    }
}
