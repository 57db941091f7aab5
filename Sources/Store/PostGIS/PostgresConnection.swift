internal import CLibPQ
import Foundation

/// Owns one PostgreSQL connection (`PGconn*`, libpq): `init` connects, `deinit` closes it
/// (`PQfinish`). Every failure is a `StoreError` carrying the server's or libpq's own message on one
/// line. Notices ("extension already exists, skipping") are not printed. Not shared between threads.
final class PostgresConnection {
    let handle: OpaquePointer
    /// The URL without its password, for messages.
    let location: String

    /// Connects to `url` (a `postgresql://` URL; a 10-second connect timeout unless the URL sets one).
    /// Throws `StoreError.connection` with libpq's message (refused, unknown host, wrong password).
    init(url: String) throws {
        location = PostGISURL.redacted(url)
        let keywords = ["connect_timeout", "dbname"], values = ["10", url]
        var k = keywords.map { strdup($0) }, v = values.map { strdup($0) }
        defer { (k + v).forEach { free($0) } }
        k.append(nil); v.append(nil)
        // PQconnectdbParams returns NULL only when out of memory; a failed connection has a bad status.
        let conn = k.withUnsafeBufferPointer { kb in
            v.withUnsafeBufferPointer { vb in
                PQconnectdbParams(UnsafeRawPointer(kb.baseAddress!).assumingMemoryBound(to: UnsafePointer<CChar>?.self),
                                  UnsafeRawPointer(vb.baseAddress!).assumingMemoryBound(to: UnsafePointer<CChar>?.self), 1)
            }
        }
        guard let conn else { throw StoreError.connection(location: location, message: "out of memory") }
        guard PQstatus(conn) == CONNECTION_OK else {
            let m = PostgresConnection.oneLine(String(cString: PQerrorMessage(conn)))
            PQfinish(conn)
            throw StoreError.connection(location: location, message: m)
        }
        handle = conn
        PQsetNoticeProcessor(conn, { _, _ in }, nil)
    }

    deinit { PQfinish(handle) }

    /// A libpq message on one line: its lines joined, tabs and repeated spaces folded.
    static func oneLine(_ m: String) -> String {
        m.split(whereSeparator: \.isNewline).map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .filter { !$0.isEmpty }.joined(separator: "; ")
    }

    /// Runs SQL (one or more statements without parameters). Throws `StoreError.database` naming `doing`.
    @discardableResult
    func exec(_ sql: String, doing: String) throws -> PostgresResult {
        // PQexec returns NULL only when out of memory; failures show in the result's status.
        try check(PQexec(handle, sql), doing: doing)
    }

    /// Runs one statement with text parameters `$1…` (nil: NULL). Throws `StoreError.database`.
    @discardableResult
    func exec(_ sql: String, _ params: [String?], doing: String) throws -> PostgresResult {
        let copies = params.map { $0.map { strdup($0) } ?? nil }
        defer { copies.forEach { free($0) } }
        let result = copies.withUnsafeBufferPointer { b in
            PQexecParams(handle, sql, Int32(params.count), nil,
                         UnsafeRawPointer(b.baseAddress).map { $0.assumingMemoryBound(to: UnsafePointer<CChar>?.self) },
                         nil, nil, 0)
        }
        return try check(result, doing: doing)
    }

    /// Streams rows into `COPY … FROM STDIN` (text format): `fill` appends rows to the buffer it is given and
    /// returns false when it has no more; each full buffer is sent with `PQputCopyData`.
    /// Throws `StoreError.database` with the server's message (a bad row names its line).
    func copy(_ sql: String, doing: String, fill: (inout [UInt8]) throws -> Bool) throws {
        try check(PQexec(handle, sql), doing: doing, expecting: PGRES_COPY_IN)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        var more = true
        var failure: Error?
        while more {
            do { more = try fill(&buffer) } catch { failure = error; break }
            if buffer.count >= 1 << 20 || !more {
                // PQputCopyData returns 1 when queued, -1 on failure (0 only in non-blocking mode).
                let sent = buffer.withUnsafeBytes { PQputCopyData(handle, $0.baseAddress?.assumingMemoryBound(to: CChar.self), Int32($0.count)) }
                if sent != 1 { break }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        // PQputCopyEnd with a message aborts the COPY (the caller's error is rethrown below).
        _ = PQputCopyEnd(handle, failure == nil ? nil : "aborted")
        var status: Error?
        // PQgetResult returns the COPY's result, then NULL.
        while let r = PQgetResult(handle) {
            do { try check(r, doing: doing) } catch { status = status ?? error }
        }
        if let failure { throw failure }
        if let status { throw status }
    }

    /// The result when its status is the expected one (commands and queries succeed with either
    /// PGRES_COMMAND_OK or PGRES_TUPLES_OK); else `StoreError.database` with the server's message.
    @discardableResult
    private func check(_ r: OpaquePointer?, doing: String, expecting: ExecStatusType? = nil) throws -> PostgresResult {
        guard let r else { throw StoreError.database(location: location, doing: doing, message: PostgresConnection.oneLine(String(cString: PQerrorMessage(handle)))) }
        let result = PostgresResult(r)
        let status = PQresultStatus(r)
        let ok = expecting.map { status == $0 } ?? (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        guard ok else {
            throw StoreError.database(location: location, doing: doing,
                                      message: PostgresConnection.oneLine(String(cString: PQresultErrorMessage(r))))
        }
        return result
    }

    /// Runs `body` between BEGIN and COMMIT; rolls back when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try exec("BEGIN", doing: "starting a transaction")
        do {
            let value = try body()
            try exec("COMMIT", doing: "committing")
            return value
        } catch {
            _ = try? exec("ROLLBACK", doing: "rolling back")  // the body's error is the one to report
            throw error
        }
    }
}

/// Owns one query result (`PGresult*`), cleared in `deinit`. Values are text (libpq's text format).
final class PostgresResult {
    let handle: OpaquePointer

    init(_ handle: OpaquePointer) { self.handle = handle }

    deinit { PQclear(handle) }

    /// The number of rows.
    var count: Int { Int(PQntuples(handle)) }

    /// The value of row `r`, column `c`, or nil for NULL.
    @inline(__always) func text(_ r: Int, _ c: Int) -> String? {
        if PQgetisnull(handle, Int32(r), Int32(c)) == 1 { return nil }
        return String(cString: PQgetvalue(handle, Int32(r), Int32(c)))
    }
}
