import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The whole main job as a user runs it: `placemap map EVENTS.csv --out DIR` as a process, its wall time and
/// peak resident memory, next to GDAL's `ogr2ogr -f GeoJSON` of the same file (when installed) and a plain
/// copy of the file (the floor), measured in the same run.
public enum MapJobBench {
    /// Adds one row per events file.
    public static func run(files: [String], executable: URL?, into table: inout BenchTable) throws {
        guard let executable else { return }
        let ogr2ogr = ["/usr/bin/ogr2ogr", "/usr/local/bin/ogr2ogr"].first { FileManager.default.isExecutableFile(atPath: $0) }
        for file in files {
            let rows = try countRows(file)
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("placemap-bench-map-\(getpid())")
            try? FileManager.default.removeItem(at: dir)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let map = try ProcessTiming.run(executable.path, ["map", file, "--out", dir.appendingPathComponent("out").path])
            guard map.status == 0 else {
                table.add("map (whole job, process)", size: BenchFormat.grouped(Double(rows)), "failed (exit \(map.status))")
                continue
            }
            let out = dir.appendingPathComponent("out")
            let written = folderBytes(out)
            var baseline: [String] = []
            let copy = try ProcessTiming.run("/bin/cp", [file, dir.appendingPathComponent("copy.csv").path])
            baseline.append("cp \(String(format: "%.2f s", copy.seconds))")
            if let ogr2ogr {
                let ogr = try ProcessTiming.run(ogr2ogr, ["-f", "GeoJSON", dir.appendingPathComponent("ogr.geojson").path, file,
                                                          "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat",
                                                          "-oo", "KEEP_GEOM_COLUMNS=NO", "-a_srs", "EPSG:4326"])
                baseline.insert("ogr2ogr -f GeoJSON \(String(format: "%.2f s", ogr.seconds)), \(String(format: "%.0f MB", ogr.peakMB))",
                                at: 0)
            }
            table.add("map (whole job, process)", size: BenchFormat.grouped(Double(rows)),
                      String(format: "%.2f s, peak RSS %.0f MB, wrote %.0f MB", map.seconds, map.peakMB, Double(written) / 1e6),
                      baseline: baseline.joined(separator: "; "))
        }
    }

    /// Data rows of a CSV (lines but the header).
    static func countRows(_ file: String) throws -> Int {
        let data = try Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped)
        return max(0, data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } - 1)
    }

    /// The bytes of every file below `dir`.
    static func folderBytes(_ dir: URL) -> Int {
        let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.fileSizeKey])
        var total = 0
        while let url = e?.nextObject() as? URL {
            total += (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        }
        return total
    }
}

/// One process's wall time, peak resident memory and exit status.
enum ProcessTiming {
    struct Result {
        var seconds: Double
        var peakMB: Double
        var status: Int32
    }

    /// Runs `path` with `arguments` (stdout and stderr to /dev/null) and waits for it with `wait4`, which
    /// reports the child's peak resident set (`ru_maxrss`, kB on Linux).
    static func run(_ path: String, _ arguments: [String]) throws -> Result {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        // posix_spawn returns an errno value (0 on success).
        let rc = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard rc == 0 else { throw BenchError.spawn(path: path, message: String(cString: strerror(rc))) }
        var status: Int32 = 0
        var usage = rusage()
        // wait4 returns -1 on error (EINTR: retry).
        while wait4(pid, &status, 0, &usage) == -1 {
            guard errno == EINTR else { throw BenchError.spawn(path: path, message: String(cString: strerror(errno))) }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exited = (status & 0x7F) == 0
        return Result(seconds: seconds, peakMB: Double(usage.ru_maxrss) / 1024, status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F))
    }
}

/// Errors of the benchmarks' own plumbing.
public enum BenchError: Error, CustomStringConvertible {
    case spawn(path: String, message: String)

    public var description: String {
        switch self {
        case .spawn(let p, let m): return "cannot run \(p): \(m)"
        }
    }
}
