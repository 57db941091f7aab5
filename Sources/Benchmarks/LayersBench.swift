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
        let tRead = try measureSeconds { events = try BenchCSV.events(path: csvPath) }
        let n = Double(events.count)
        let size = "\(BenchFormat.grouped(n)) events"
        table.add("read gen_events CSV into events", size: size, String(format: "%.3f s", tRead),
                  baseline: "")

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("placemap-bench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        // One collection.
        let one = dir.appendingPathComponent("events.geojson").path
        settle()
        let tOne = try measureSeconds { try EventLayers.writeCollection(events, indices: nil, to: one, name: "events") }
        let bytesOne = try fileSize(one)
        try FileManager.default.removeItem(atPath: one)
        settle()
        let tPlainOne = try measureSeconds { try plainWrite(bytes: [bytesOne], in: dir) }
        try removePlain(in: dir)
        table.add("events.geojson (streamed, fast formatter)", size: "\(size), \(mb(bytesOne))",
                  String(format: "%.3f s", tOne), baseline: String(format: "plain write of the same bytes: %.3f s", tPlainOne))

        // One layer a day.
        let days = dir.appendingPathComponent("days")
        try FileManager.default.createDirectory(at: days, withIntermediateDirectories: true)
        var sizes: [Int] = []
        settle()
        let tDays = try measureSeconds {
            let partition = DayPartition(events)
            for day in partition.sortedDays {
                try EventLayers.writeCollection(events, indices: partition.days[day]!,
                                                to: days.appendingPathComponent("\(day).geojson").path, name: "\(day)")
            }
        }
        for f in try FileManager.default.contentsOfDirectory(atPath: days.path) {
            sizes.append(try fileSize(days.appendingPathComponent(f).path))
        }
        try FileManager.default.removeItem(at: days)
        settle()
        let tPlainDays = try measureSeconds { try plainWrite(bytes: sizes, in: dir) }
        table.add("day layers (partition + streamed)", size: "\(sizes.count) files, \(mb(sizes.reduce(0, +)))",
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

/// A fast reader of the benchmark CSV (`id,date,lon,lat,type,place,fatalities,source`, RFC 4180 quoting).
enum BenchCSV {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func events(path: String) throws -> [Event] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        return try data.withUnsafeBytes { raw -> [Event] in
            let b = raw.bindMemory(to: UInt8.self)
            var i = 0
            // header
            while i < b.count, b[i] != 0x0A { i += 1 }
            i += 1
            var out: [Event] = []
            out.reserveCapacity(b.count / 80)
            var fields: [String] = []
            fields.reserveCapacity(8)
            var line = 1
            var types: [String: String] = [:], sources: [String: String] = [:]
            while i < b.count {
                line += 1
                fields.removeAll(keepingCapacity: true)
                var lonLat: (Double, Double) = (0, 0)
                var day: Day?
                while true {
                    let col = fields.count
                    if i < b.count, b[i] == UInt8(ascii: "\"") {
                        i += 1
                        var bytes: [UInt8] = []
                        while i < b.count {
                            if b[i] == UInt8(ascii: "\"") {
                                if i + 1 < b.count, b[i + 1] == UInt8(ascii: "\"") { bytes.append(0x22); i += 2; continue }
                                i += 1
                                break
                            }
                            bytes.append(b[i]); i += 1
                        }
                        fields.append(String(decoding: bytes, as: UTF8.self))
                    } else {
                        let s = i
                        while i < b.count, b[i] != UInt8(ascii: ","), b[i] != 0x0A, b[i] != 0x0D { i += 1 }
                        let field = UnsafeBufferPointer(rebasing: b[s..<i])
                        switch col {
                        case 1: day = parseDay(field)
                        case 2: lonLat.0 = parseDecimal(field)
                        case 3: lonLat.1 = parseDecimal(field)
                        default: break
                        }
                        fields.append(col == 2 || col == 3 ? "" : String(decoding: field, as: UTF8.self))
                    }
                    if i < b.count, b[i] == UInt8(ascii: ",") { i += 1; continue }
                    if i < b.count, b[i] == 0x0D { i += 1 }
                    i += 1
                    break
                }
                guard fields.count == 8, let d = day else {
                    if fields.count == 1, fields[0].isEmpty { continue }
                    throw Failure(description: "\(path):\(line): expected 8 fields with a date YYYY-MM-DD")
                }
                let c = Coordinate(lon: lonLat.0, lat: lonLat.1)
                guard c.isValidGeographic else { throw Failure(description: "\(path):\(line): coordinates out of range") }
                // Share the few distinct type and source strings instead of one copy an event.
                let type = types[fields[4]] ?? { types[fields[4]] = fields[4]; return fields[4] }()
                let source = sources[fields[7]] ?? { sources[fields[7]] = fields[7]; return fields[7] }()
                out.append(Event(id: fields[0], type: type, subType: "", start: d, end: d, datePrecision: .day,
                                 place: fields[5], placeID: nil, coordinate: c, geoPrecision: 1,
                                 fatalities: Int(fields[6]),
                                 sources: [EventSource(report: source, sentence: "", charStart: 0, charEnd: 0)]))
            }
            return out
        }
    }

    private static func parseDay(_ f: UnsafeBufferPointer<UInt8>) -> Day? {
        guard f.count == 10 else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for k in r {
                let d = Int(f[k]) - 0x30
                guard (0...9).contains(d) else { return nil }
                v = v * 10 + d
            }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// A plain decimal (`-36.123456`) exactly as `Double(String)` reads it: digits scaled by a power of ten
    /// when they fit, else the standard parser.
    private static func parseDecimal(_ f: UnsafeBufferPointer<UInt8>) -> Double {
        var mantissa: UInt64 = 0, digits = 0, decimals = 0, k = 0, dot = false
        var negative = false
        if k < f.count, f[k] == UInt8(ascii: "-") { negative = true; k += 1 }
        while k < f.count {
            let c = f[k]
            if c == UInt8(ascii: ".") && !dot { dot = true; k += 1; continue }
            guard c >= 0x30, c <= 0x39 else { return Double(String(decoding: f, as: UTF8.self)) ?? .nan }
            mantissa = mantissa * 10 + UInt64(c - 0x30)
            digits += 1
            if dot { decimals += 1 }
            k += 1
        }
        guard digits > 0, digits <= 15, decimals <= 22 else { return Double(String(decoding: f, as: UTF8.self)) ?? .nan }
        // Exact: an integer below 2^53 divided by an exact power of ten is correctly rounded.
        let powers: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]
        let v = Double(mantissa) / powers[decimals]
        return negative ? -v : v
    }
}
