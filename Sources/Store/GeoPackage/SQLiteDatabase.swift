internal import CSQLite
import Foundation

/// Owns one SQLite connection (`sqlite3*`): `init` opens it, `deinit` closes it. Every failure is a
/// `StoreError` carrying SQLite's own message (`sqlite3_errmsg`). Not shared between threads.
final class SQLiteDatabase {
    let handle: OpaquePointer
    /// The file, as the user named it (for messages).
    let path: String

    /// Opens `path` read-write, creating it when `create` (else a missing file is `StoreError.missing`).
    /// Throws `StoreError.database` with SQLite's message when it cannot be opened.
    init(path: String, create: Bool) throws {
        self.path = path
        if !create, !FileManager.default.fileExists(atPath: path) { throw StoreError.missing(location: path) }
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX
        // sqlite3_open_v2 returns non-zero on failure and may still hand back a handle to close.
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_close_v2(db)
            throw StoreError.database(location: path, doing: "opening", message: message)
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
    }

    deinit { sqlite3_close_v2(handle) }

    /// SQLite's message for the last failure on this connection.
    var message: String { String(cString: sqlite3_errmsg(handle)) }

    /// Runs SQL without results (one or more statements). Throws `StoreError.database` naming `doing`.
    func exec(_ sql: String, doing: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        // sqlite3_exec returns non-zero on failure, with the message in `error` (freed with sqlite3_free).
        if sqlite3_exec(handle, sql, nil, nil, &error) != SQLITE_OK {
            let m = error.map { String(cString: $0) } ?? message
            sqlite3_free(error)
            throw StoreError.database(location: path, doing: doing, message: m)
        }
    }

    /// A prepared statement. Throws `StoreError.database` naming `doing`.
    func prepare(_ sql: String, doing: String) throws -> SQLiteStatement {
        try SQLiteStatement(database: self, sql: sql, doing: doing)
    }

    /// The single integer a query returns (nil for no row or NULL).
    func integer(_ sql: String, doing: String) throws -> Int? {
        let s = try prepare(sql, doing: doing)
        guard try s.step() else { return nil }
        return s.isNull(0) ? nil : s.int(0)
    }

    /// Runs `body` in one transaction (`BEGIN IMMEDIATE`): committed when it returns, rolled back when it
    /// throws, so that a failure leaves the file as it was.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try exec("BEGIN IMMEDIATE", doing: "starting a transaction")
        do {
            let value = try body()
            try exec("COMMIT", doing: "committing")
            return value
        } catch {
            // sqlite3_exec of ROLLBACK fails only when no transaction is open (SQLite rolled back already).
            sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
            throw error
        }
    }
}

/// Owns one prepared statement (`sqlite3_stmt*`), finalized in `deinit`. Columns and parameters are
/// 0-based here (SQLite's parameters are 1-based: `bind` adds 1).
final class SQLiteStatement {
    let handle: OpaquePointer
    private let database: SQLiteDatabase
    private let doing: String

    init(database: SQLiteDatabase, sql: String, doing: String) throws {
        self.database = database
        self.doing = doing
        var s: OpaquePointer?
        // sqlite3_prepare_v2 returns non-zero on a syntax or schema error; `s` is then NULL.
        guard sqlite3_prepare_v2(database.handle, sql, -1, &s, nil) == SQLITE_OK, let s else {
            throw StoreError.database(location: database.path, doing: doing, message: database.message)
        }
        handle = s
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds parameter `i` (0-based) to text, or NULL when nil.
    @inline(__always) func bind(_ i: Int, _ s: String?) {
        guard var s else { sqlite3_bind_null(handle, Int32(i + 1)); return }
        // SQLITE_TRANSIENT: SQLite copies the bytes before returning.
        s.withUTF8 { b in
            _ = sqlite3_bind_text(handle, Int32(i + 1), UnsafeRawPointer(b.baseAddress!).assumingMemoryBound(to: CChar.self),
                                  Int32(b.count), placemap_sqlite_transient())
        }
    }

    /// Binds parameter `i` to an integer, or NULL when nil.
    @inline(__always) func bind(_ i: Int, _ n: Int?) {
        guard let n else { sqlite3_bind_null(handle, Int32(i + 1)); return }
        sqlite3_bind_int64(handle, Int32(i + 1), Int64(n))
    }

    /// Binds parameter `i` to a real, or NULL when nil.
    @inline(__always) func bind(_ i: Int, _ x: Double?) {
        guard let x else { sqlite3_bind_null(handle, Int32(i + 1)); return }
        sqlite3_bind_double(handle, Int32(i + 1), x)
    }

    /// Binds parameter `i` to a blob, or NULL when nil.
    @inline(__always) func bind(_ i: Int, blob: [UInt8]?) {
        guard let blob else { sqlite3_bind_null(handle, Int32(i + 1)); return }
        blob.withUnsafeBytes { b in
            _ = sqlite3_bind_blob(handle, Int32(i + 1), b.baseAddress, Int32(b.count), placemap_sqlite_transient())
        }
    }

    /// Steps once: true when a row is ready, false when done. Throws `StoreError.database`.
    @discardableResult
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw StoreError.database(location: database.path, doing: doing, message: database.message)
        }
    }

    /// Runs an insert or update once with its bound values and makes the statement ready for the next.
    func run() throws {
        try step()
        sqlite3_reset(handle)
    }

    /// Makes the statement ready to run again (bound values stay).
    func reset() { sqlite3_reset(handle) }

    /// True when column `i` of the current row is NULL.
    @inline(__always) func isNull(_ i: Int) -> Bool { sqlite3_column_type(handle, Int32(i)) == SQLITE_NULL }

    /// Column `i` as text, or nil for NULL.
    @inline(__always) func text(_ i: Int) -> String? {
        // sqlite3_column_text returns NULL for a NULL value (or when out of memory).
        guard let p = sqlite3_column_text(handle, Int32(i)) else { return nil }
        let n = Int(sqlite3_column_bytes(handle, Int32(i)))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }

    /// Column `i` as an integer (0 for NULL).
    @inline(__always) func int(_ i: Int) -> Int { Int(sqlite3_column_int64(handle, Int32(i))) }

    /// Column `i` as a real (0 for NULL).
    @inline(__always) func double(_ i: Int) -> Double { sqlite3_column_double(handle, Int32(i)) }

    /// Column `i`'s storage class: integer, real, text, blob or null.
    @inline(__always) func type(_ i: Int) -> SQLiteType {
        switch sqlite3_column_type(handle, Int32(i)) {
        case SQLITE_INTEGER: return .integer
        case SQLITE_FLOAT: return .real
        case SQLITE_TEXT: return .text
        case SQLITE_BLOB: return .blob
        default: return .null
        }
    }

    /// Calls `body` with column `i`'s blob bytes (empty for NULL), valid only during the call.
    @inline(__always) func withBlob<T>(_ i: Int, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        let p = sqlite3_column_blob(handle, Int32(i))
        let n = Int(sqlite3_column_bytes(handle, Int32(i)))
        return body(UnsafeRawBufferPointer(start: p, count: p == nil ? 0 : n))
    }
}

/// SQLite's storage classes.
enum SQLiteType { case integer, real, text, blob, null }
