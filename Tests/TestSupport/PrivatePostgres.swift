import Foundation
import XCTest

/// A private PostgreSQL server with PostGIS for the tests, from Debian's packages (`postgresql`,
/// `postgis`): `initdb` in a temporary folder, `pg_ctl` listening on 127.0.0.1 only (a free port, its
/// socket in that folder), password login. As root (CI), the server runs as the `postgres` user, since
/// PostgreSQL refuses root. `stop()` stops it and removes the folder; call it from the class's `tearDown`,
/// which runs even when a test fails.
public final class PrivatePostgres {
    /// The login and its password.
    public static let user = "placemap", password = "test-secret"
    /// The TCP port on 127.0.0.1.
    public private(set) var port = 0
    private let folder: URL
    private let bin: URL
    private let asPostgres: Bool

    /// Starts a server, or skips (outside CI; fails in CI) when PostgreSQL or PostGIS is not installed.
    public static func start() throws -> PrivatePostgres {
        let fm = FileManager.default
        let versions = (try? fm.contentsOfDirectory(atPath: "/usr/lib/postgresql"))?.sorted() ?? []
        let postgis = versions.contains { fm.fileExists(atPath: "/usr/share/postgresql/\($0)/extension/postgis.control") }
        guard let version = versions.last(where: { fm.isExecutableFile(atPath: "/usr/lib/postgresql/\($0)/bin/initdb") }), postgis else {
            let message = "PostgreSQL with PostGIS is not installed (Debian postgresql, postgis); `make test` installs them"
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail(message) }
            throw XCTSkip(message)
        }
        return try PrivatePostgres(bin: URL(fileURLWithPath: "/usr/lib/postgresql/\(version)/bin"))
    }

    private init(bin: URL) throws {
        self.bin = bin
        asPostgres = getuid() == 0
        folder = URL(fileURLWithPath: "/tmp").appendingPathComponent("placemap-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pw = folder.appendingPathComponent("pw")
        try PrivatePostgres.password.write(to: pw, atomically: true, encoding: .utf8)
        if asPostgres { _ = try Run.program(URL(fileURLWithPath: "/bin/chown"), ["-R", "postgres:postgres", folder.path]) }
        let data = folder.appendingPathComponent("data").path
        try run("initdb", ["-D", data, "-U", PrivatePostgres.user, "--pwfile", pw.path, "--auth", "scram-sha-256",
                           "-E", "UTF8", "--locale", "C"])
        var started: Int?
        for candidate in PrivatePostgres.candidatePorts() {
            let log = folder.appendingPathComponent("log").path
            let options = "-c listen_addresses=127.0.0.1 -p \(candidate) -k \(folder.path) -c fsync=off"
            // The server inherits pg_ctl's output: it goes to a file, not to the pipe the tests read to its end.
            if (try? run("pg_ctl", ["-D", data, "-l", log, "-o", options, "-w", "-t", "60", "start"], detached: true)) != nil {
                started = candidate
                break
            }
        }
        guard let started else {
            try? FileManager.default.removeItem(at: folder)
            throw XCTSkip("no free port for a private PostgreSQL on 127.0.0.1")
        }
        port = started
    }

    /// Ports to try, starting from one that depends on the process (tests run in parallel elsewhere).
    private static func candidatePorts() -> [Int] {
        let base = 40000 + Int(getpid() % 2000) * 5
        return Array(base..<base + 5)
    }

    /// A `postgresql://` URL of database `name` (the login's own database is `postgres`).
    public func url(database: String = "postgres", password: String = PrivatePostgres.password) -> String {
        "postgresql://\(PrivatePostgres.user):\(password)@127.0.0.1:\(port)/\(database)"
    }

    /// Makes a fresh database and returns its URL.
    public func createDatabase(_ name: String) throws -> String {
        let r = try Run.program(bin.appendingPathComponent("psql"), [url(), "-v", "ON_ERROR_STOP=1", "-q", "-c",
                                                                       "CREATE DATABASE \(name)"])
        guard r.status == 0 else { throw XCTSkip("cannot create a test database: \(r.stderr)") }
        return url(database: name)
    }

    /// Runs SQL in database `name` with psql and returns its unaligned output.
    public func psql(_ sql: String, database: String) throws -> String {
        let r = try Run.program(bin.appendingPathComponent("psql"), [url(database: database), "-v", "ON_ERROR_STOP=1", "-At", "-c", sql])
        guard r.status == 0 else { XCTFail("psql: \(r.stderr)"); return "" }
        return r.stdout
    }

    /// Stops the server and removes its folder.
    public func stop() {
        _ = try? run("pg_ctl", ["-D", folder.appendingPathComponent("data").path, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs a server program (as `postgres` when root). With `detached`, its output goes to `pg_ctl.out`
    /// in the folder, so that a server it starts holds no pipe of the tests. Throws when it fails.
    private func run(_ program: String, _ arguments: [String], detached: Bool = false) throws {
        var command = [bin.appendingPathComponent(program).path] + arguments
        if asPostgres { command = ["/usr/sbin/runuser", "-u", "postgres", "--"] + command }
        if detached {
            let out = folder.appendingPathComponent("pg_ctl.out").path
            command = ["/bin/sh", "-c", "exec \"$@\" >\(out) 2>&1 </dev/null", "sh"] + command
        }
        let status: Int32
        if detached {
            // posix_spawn with every descriptor but 0–2 closed and those three on /dev/null: a server that
            // inherited a pipe of the tests would hold it open after pg_ctl returns.
            status = try PrivatePostgres.spawn(command, in: folder)
        } else {
            let r = try Run.program(URL(fileURLWithPath: command[0]), Array(command.dropFirst()), cwd: folder)
            status = r.status
            if status != 0 { throw PostgresSetupError(message: "\(program): \(r.stderr)") }
        }
        guard status == 0 else {
            let log = (try? String(contentsOf: folder.appendingPathComponent("pg_ctl.out"), encoding: .utf8)) ?? ""
            throw PostgresSetupError(message: "\(program): \(log)")
        }
    }
}

extension PrivatePostgres {
    /// Runs `command` (an absolute path and its arguments) in `folder` with no inherited descriptor and
    /// waits for it; returns its exit status.
    static func spawn(_ command: [String], in folder: URL) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in 0...2 {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        // The shell closes every other descriptor it inherited, then runs the command in the folder.
        let script = #"for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done; cd "$0" && exec "$@""#
        let shell = ["/bin/bash", "-c", script, folder.path] + command
        var argv = shell.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/bin/bash", &actions, nil, &argv, environ)
        guard rc == 0 else { throw PostgresSetupError(message: "cannot start \(command[0]): error \(rc)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status >> 8) & 0xFF
    }
}

/// A private server that could not be set up.
public struct PostgresSetupError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
