import Events
import Foundation
import GeoModel
import Layers

/// Writing event layers (events.geojson and one layer a day) next to a plain write of the same bytes.
public enum LayersBench {
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
    /// reading it into events, writing them as one `events.geojson`, and as one layer a day; each write next
    /// to a plain write of the same number of bytes into as many files. Throws when the CSV cannot be read.
    public static func run(csvPath: String, into table: inout BenchTable) throws {
        var events: [Event] = []
        let tRead = try measureSeconds {
            let data = try Data(contentsOf: URL(fileURLWithPath: csvPath), options: .alwaysMapped)
            events = try data.withUnsafeBytes { try EventCSV.decode(bytes: $0.bindMemory(to: UInt8.self), file: csvPath) }
        }
        let n = Double(events.count)
        let size = "\(BenchFormat.grouped(n)) events"
        table.add("read gen_events CSV into events (EventCSV)", size: size, String(format: "%.3f s", tRead),
                  baseline: "")

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("placemap-bench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        // One collection.
        let one = dir.appendingPathComponent("events.geojson").path
        settle()
        let rssBefore = peakResidentMB()
        let tOne = try measureSeconds { try EventLayers.writeCollection(events, indices: nil, to: one, name: "events") }
        let rssGrowth = peakResidentMB().map { after in rssBefore.map { after - $0 } } ?? nil
        let bytesOne = try fileSize(one)
        try FileManager.default.removeItem(atPath: one)
        settle()
        let tPlainOne = try measureSeconds { try plainWrite(bytes: [bytesOne], in: dir) }
        try removePlain(in: dir)
        table.add("events.geojson (streamed, fast formatter)", size: "\(size), \(mb(bytesOne))",
                  String(format: "%.3f s", tOne) + (rssGrowth.map { String(format: ", peak RSS +%.0f MB", $0) } ?? ""),
                  baseline: String(format: "plain write of the same bytes: %.3f s", tPlainOne))

        // One layer a day.
        let days = dir.appendingPathComponent("days")
        try FileManager.default.createDirectory(at: days, withIntermediateDirectories: true)
        var sizes: [Int] = []
        settle()
        let tDays = try measureSeconds {
            _ = try EventLayers.writeDays(events) {
                days.appendingPathComponent("\($0).geojson").path
            }
        }
        for f in try FileManager.default.contentsOfDirectory(atPath: days.path) {
            sizes.append(try fileSize(days.appendingPathComponent(f).path))
        }
        try FileManager.default.removeItem(at: days)
        settle()
        let tPlainDays = try measureSeconds { try plainWrite(bytes: sizes, in: dir) }
        table.add("day layers (one streamed pass)", size: "\(sizes.count) files, \(mb(sizes.reduce(0, +)))",
                  String(format: "%.3f s", tDays),
                  baseline: String(format: "plain write of the same bytes: %.3f s", tPlainDays))
    }

    /// Lets the kernel write back earlier dirty pages, so that one measurement does not pay for another's.
    private static func settle() { sync() }

    private static func removePlain(in dir: URL) throws {
        for f in try FileManager.default.contentsOfDirectory(atPath: dir.path) where f.hasPrefix("plain-") {
            try FileManager.default.removeItem(at: dir.appendingPathComponent(f))
        }
    }

    /// The process's peak resident memory in MB (Linux `VmHWM`), or nil elsewhere.
    private static func peakResidentMB() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kb / 1024
    }

    private static func mb(_ bytes: Int) -> String { String(format: "%.0f MB", Double(bytes) / 1e6) }

    private static func fileSize(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Writes files of the given sizes (bytes prepared in memory beforehand, not timed separately)
    /// through the same temporary-file-and-rename path, with 1 MiB writes.
    private static func plainWrite(bytes sizes: [Int], in dir: URL) throws {
        let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
        for (k, total) in sizes.enumerated() {
            let sink = try ByteSink(path: dir.appendingPathComponent("plain-\(k).bin").path)
            var left = total
            chunk.withUnsafeBytes { raw in
                while left > 0 {
                    let m = min(left, raw.count)
                    sink.append(UnsafeRawBufferPointer(rebasing: raw[0..<m]))
                    left -= m
                }
            }
            try sink.commit()
        }
    }
}

/// Where `make bench` puts the benchmark data it generates.
public enum BenchData {
    /// The CSV of `gen_events.py 1000000 42`, relative to the package root.
    public static let eventsCSV = ".build/bench/events-1000000-42.csv"
}

