import EventModel
import Extraction
import Foundation
import GeoModel
import Layers
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing event layers (events.geojson and one layer a day) next to a plain write of the same bytes.
public enum LayersBench {
    /// Timed runs of each writer and of its baseline, alternated; the median of each is reported.
    static let rounds = 3

    /// Adds the rows when `csvPath` exists, else one row saying how to make the CSV (`make bench` does).
    public static func runIfPresent(csvPath: String, into table: inout BenchTable) throws {
        guard FileManager.default.fileExists(atPath: csvPath) else {
            table.add("event layers", size: "-", "skipped",
                      baseline: "no \(csvPath): `make bench` makes it with ../shared/bench/gen_events.py 1000000 42")
            return
        }
        try run(csvPath: csvPath, into: &table)
    }

    /// Adds the rows for `csvPath` (the CSV of `gen_events.py`, header `id,date,lon,lat,type,place,fatalities,source`):
    /// reading it into events, writing them as one `events.geojson`, and as one layer a day. Each write is
    /// timed `rounds` times, alternated with a plain `write(2)` of the very same bytes (read back from the
    /// written files, so prebuilt in memory) into as many fresh files; both rows give the medians, so that
    /// both meet the same page-cache state. The peak RSS growth is that of the first timed write (Linux).
    /// Throws when the CSV cannot be read or a file cannot be written.
    public static func run(csvPath: String, into table: inout BenchTable) throws {
        var events: [Event] = []
        let tRead = try measureSeconds {
            let data = try Data(contentsOf: URL(fileURLWithPath: csvPath), options: .alwaysMapped)
            events = try data.withUnsafeBytes { try EventCSV.decode(bytes: $0.bindMemory(to: UInt8.self), file: csvPath) }
        }
        let n = events.count
        let size = "\(BenchFormat.grouped(Double(n))) events"
        table.add("read gen_events CSV into events (EventCSV)", size: size, String(format: "%.3f s", tRead),
                  baseline: "")

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("placemap-bench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        // One collection.
        let one = try compare(in: dir) { out in
            try EventLayers.writeCollection(events, indices: nil, to: out.appendingPathComponent("events.geojson").path,
                                            name: "events")
        }
        table.add("events.geojson (streamed)", size: "\(size), \(mb(one.bytes))",
                  one.text(events: n), baseline: one.baselineText)

        // One layer a day.
        var fileCount = 0
        let days = try compare(in: dir) { out in
            fileCount = try EventLayers.writeDays(events) { out.appendingPathComponent("\($0).geojson").path }.count
        }
        table.add("day layers (\(fileCount) files, one streamed pass)", size: "\(size), \(mb(days.bytes))",
                  days.text(events: n), baseline: days.baselineText)
    }

    /// Medians of `rounds` runs of `write` (into a fresh folder each time) and of plain writes of its bytes.
    struct Comparison {
        var seconds: Double, cpuSeconds: Double, plainSeconds: Double, bytes: Int, peakGrowthMB: Double?

        func text(events: Int) -> String {
            String(format: "%.3f s (%.2f M events/s, %.0f MB/s; CPU %.2f s)", seconds, Double(events) / seconds / 1e6,
                   Double(bytes) / seconds / 1e6, cpuSeconds)
                + (peakGrowthMB.map { String(format: ", peak RSS +%.0f MB", $0) } ?? "")
        }

        var baselineText: String {
            String(format: "plain write(2) of the same bytes from memory: %.3f s (%.0f MB/s)", plainSeconds,
                   Double(bytes) / plainSeconds / 1e6)
        }
    }

    /// Runs `write` and the plain write of the same bytes alternately, `rounds` times each, deleting each
    /// output before the next run; returns the medians (wall clock, and CPU time of all threads) and the
    /// peak RSS growth of the first `write`.
    static func compare(in dir: URL, write: (URL) throws -> Void) throws -> Comparison {
        let out = dir.appendingPathComponent("out"), plain = dir.appendingPathComponent("plain")
        var times: [Double] = [], cpuTimes: [Double] = [], plainTimes: [Double] = []
        var files: [(name: String, bytes: [UInt8])] = []
        var growth: Double?
        for round in 0..<rounds {
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            settle()
            let before = round == 0 ? resetPeakResident() : nil
            let cpu = processCPUSeconds()
            times.append(try measureSeconds { try write(out) })
            cpuTimes.append(processCPUSeconds() - cpu)
            if let before, let after = peakResidentMB() { growth = after - before }
            if round == 0 {
                files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted().map {
                    ($0, Array(try Data(contentsOf: out.appendingPathComponent($0))))
                }
            }
            try FileManager.default.removeItem(at: out)

            try FileManager.default.createDirectory(at: plain, withIntermediateDirectories: true)
            settle()
            plainTimes.append(try measureSeconds {
                for f in files { try plainWrite(f.bytes, to: plain.appendingPathComponent(f.name).path) }
            })
            try FileManager.default.removeItem(at: plain)
        }
        return Comparison(seconds: BenchStats.median(times), cpuSeconds: BenchStats.median(cpuTimes), plainSeconds: BenchStats.median(plainTimes),
                          bytes: files.reduce(0) { $0 + $1.bytes.count }, peakGrowthMB: growth)
    }


    /// User plus system CPU time of the process (all threads), in seconds.
    private static func processCPUSeconds() -> Double {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
    }

    /// Lets the kernel write back earlier dirty pages, so that one measurement does not pay for another's.
    private static func settle() { sync() }

    /// Resets the process's peak resident memory to the current one (Linux `clear_refs` 5) and returns
    /// the current resident memory in MB; nil where that is not available.
    private static func resetPeakResident() -> Double? {
        guard let f = fopen("/proc/self/clear_refs", "w") else { return nil }
        fputs("5", f)
        fclose(f)
        return statusMB("VmRSS:")
    }

    /// The process's peak resident memory in MB (Linux `VmHWM`), or nil elsewhere.
    private static func peakResidentMB() -> Double? { statusMB("VmHWM:") }

    private static func statusMB(_ key: String) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kb / 1024
    }

    private static func mb(_ bytes: Int) -> String { String(format: "%.0f MB", Double(bytes) / 1e6) }

    /// The naive baseline: `bytes` prebuilt in memory, written with one `write(2)` (repeated only when the
    /// kernel writes fewer bytes) into a temporary file that is then renamed to `path`.
    private static func plainWrite(_ bytes: [UInt8], to path: String) throws {
        let tmp = path + ".tmp"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: tmp]) }
        var done = 0
        let ok = bytes.withUnsafeBytes { raw in
            while done < raw.count {
                let w = write(fd, raw.baseAddress! + done, raw.count - done)
                if w < 0 { if errno == EINTR { continue }; return false }
                done += w
            }
            return true
        }
        guard close(fd) == 0, ok, rename(tmp, path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }
}

/// Where `make bench` puts the benchmark data it generates.
public enum BenchData {
    /// The CSV of `gen_events.py 1000000 42`, relative to the package root.
    public static let eventsCSV = ".build/bench/events-1000000-42.csv"
}
