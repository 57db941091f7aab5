import EventModel
import Extraction
import Foundation
import GeoModel
import Geodesy
import Queries

/// Bench rows of `near`: loading events, building the index, counts and listings over many centres
/// next to a full scan in the same run, and the one-off CSV count as a whole process.
public enum QueriesBench {
    /// The check query of the shared benchmark: 10 km around this point.
    static let checkCentre = Coordinate(lon: 36.8006, lat: 35.8644)

    /// Adds the rows for each events CSV in `files`, or, when empty, for synthetic CSVs of 10^4, 10^5 and
    /// 10^6 events (up to `maxEvents`) drawn in-process like `../shared/bench/gen_events.py`.
    /// `executable` is the `placemap` binary used to time the one-off count as a whole process (the
    /// median of `runs` processes).
    public static func run(files: [String], maxEvents: Int, executable: URL?, runs: Int, into table: inout BenchTable) throws {
        var inputs = files
        var temporary: [String] = []
        if inputs.isEmpty {
            for n in [10_000, 100_000, 1_000_000] where n <= maxEvents {
                let path = NSTemporaryDirectory() + "placemap-bench-events-\(n).csv"
                try SyntheticEvents.csv(count: n, seed: 42).write(toFile: path, atomically: true, encoding: .utf8)
                inputs.append(path)
                temporary.append(path)
            }
        }
        defer { for p in temporary { try? FileManager.default.removeItem(atPath: p) } }
        for file in inputs { try rows(file: file, executable: executable, runs: runs, into: &table) }
    }

    static func rows(file: String, executable: URL?, runs: Int, into table: inout BenchTable) throws {
        var events: [Event] = []
        let tLoad = try measureSeconds { events = try EventFiles.load(path: file) }
        let n = events.count
        let size = "\(BenchFormat.grouped(Double(n))) events"
        let mb = Double((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0) / 1e6
        table.add("near: load events CSV (EventFiles.load)", size: size, String(format: "%.3f s", tLoad),
                  baseline: String(format: "%.0f MB/s", mb / tLoad))

        var index: EventIndex!
        let tBuild = measureSeconds { index = EventIndex(events, filter: EventFilter()) }
        table.add("near: build index (packed grid)", size: size, String(format: "%.3f s", tBuild))

        // 1000 different centres, drawn among the events' own points (where users ask), 10 km.
        var rng = SplitMix64(seed: 2020)
        let centres = (0..<1000).map { _ in index.events[index.kept[Int(rng.next() % UInt64(index.kept.count))]].coordinate! }
        var counts: [Int] = [], latencies: [Double] = []
        let tAll = try measureSeconds {
            for c in centres {
                var k = 0
                latencies.append(try measureSeconds { k = try index.count(center: c, km: 10) })
                counts.append(k)
            }
        }
        // The baseline: every event tested with geod_inverse, on 20 of the centres, scaled to 1000.
        let coords = index.kept.map { index.events[$0].coordinate! }
        var scanTimes: [Double] = []
        for (i, c) in centres.prefix(20).enumerated() {
            var found: [Int] = []
            scanTimes.append(measureSeconds { found = FullScan.indices(coords, center: c, radius: 10_000) })
            precondition(found.count == counts[i], "index and full scan disagree at \(c)")
        }
        let hits = counts.reduce(0, +)
        table.add("near --count, 1000 centres, 10 km", size: size,
                  "median \(us(BenchStats.median(latencies))), p99 \(us(BenchStats.percentile(latencies, 0.99))); 1000 in \(String(format: "%.3f s", tAll)) (\(BenchFormat.grouped(Double(hits))) hits)",
                  baseline: "full scan: median \(BenchFormat.ms(BenchStats.median(scanTimes))) (20 centres), ×1000 = \(String(format: "%.1f s", BenchStats.median(scanTimes) * 1000))")

        var listTimes: [Double] = []
        for c in centres.prefix(100) { listTimes.append(try measureSeconds { _ = try index.near(center: c, km: 10) }) }
        table.add("near listing, sorted, distance + bearing", size: size,
                  "median \(BenchFormat.ms(BenchStats.median(listTimes))), p99 \(BenchFormat.ms(BenchStats.percentile(listTimes, 0.99))) (100 centres)",
                  baseline: "full scan + sort: \(BenchFormat.ms(BenchStats.median(scanTimes))) + listing")

        // The one-off query: a whole process when the binary is known, and in-process.
        var oneOff = 0
        let tScan = try measureSeconds {
            oneOff = try CSVNearScan.count(file: file, query: NearQuery(center: checkCentre, km: 10))
        }
        var naive = 0
        let tNaive = try measureSeconds {
            let all = try EventFiles.load(path: file).compactMap(\.coordinate)
            naive = FullScan.indices(all, center: checkCentre, radius: 10_000).count
        }
        precondition(naive == oneOff, "one-off scan and full scan disagree")
        var value = "in-process \(String(format: "%.3f s", tScan)) → \(BenchFormat.grouped(Double(oneOff)))"
        if let executable {
            let tProcess = try BenchStats.medianSeconds(runs) {
                let p = Process()
                p.executableURL = executable
                p.arguments = ["near", "--at", "36.8006,35.8644", "--km", "10", "--events", file, "--count"]
                p.standardOutput = FileHandle.nullDevice
                try p.run()
                p.waitUntilExit()
            }
            value = "process \(String(format: "%.3f s", tProcess)) (median of \(max(1, runs))), " + value
        }
        table.add("near --count one-off CSV (36.8006,35.8644, 10 km)", size: size, value,
                  baseline: "load all + full scan: \(String(format: "%.3f s", tNaive))")
    }

    private static func us(_ s: Double) -> String { String(format: "%.1f µs", s * 1e6) }
}

/// Synthetic conflict events drawn like `../shared/bench/gen_events.py` (85% Gaussian clusters around
/// about 30 Idlib/Aleppo towns, 15% uniform over lon 35.7–38.0, lat 34.8–36.8, dates over 365 days
/// from 2019-06-01), with this package's own generator (SplitMix64), so not the same bytes.
public enum SyntheticEvents {
    /// (name, lat, lon, sigma km, weight), as in the shared generator.
    static let towns: [(String, Double, Double, Double, Double)] = [
        ("Saraqeb", 35.864, 36.801, 8, 3.0), ("Idlib", 35.930, 36.634, 10, 3.0), ("Taftanaz", 35.998, 36.785, 6, 1.5),
        ("Ma'arat al-Nu'man", 35.648, 36.674, 9, 2.5), ("Aleppo", 36.202, 37.134, 15, 3.0),
        ("Khan Shaykhun", 35.441, 36.651, 7, 2.0), ("Ariha", 35.813, 36.609, 6, 1.5),
        ("Jisr al-Shughur", 35.813, 36.318, 9, 1.5), ("Binnish", 35.957, 36.713, 5, 1.0),
        ("Sarmin", 35.904, 36.723, 5, 1.0), ("Ma'arrat Misrin", 36.011, 36.670, 5, 1.0),
        ("Kafr Nabl", 35.614, 36.561, 7, 1.5), ("Atarib", 36.136, 36.830, 7, 1.5), ("Darat Izza", 36.283, 36.851, 7, 1.0),
        ("Sarmada", 36.178, 36.706, 6, 1.0), ("Dana", 36.213, 36.772, 6, 1.0), ("Harem", 36.207, 36.519, 6, 0.7),
        ("Salqin", 36.138, 36.452, 6, 0.7), ("Kafr Takharim", 36.114, 36.517, 5, 0.5),
        ("Khan al-Asal", 36.183, 37.044, 6, 1.0), ("Al-Eis", 36.006, 36.967, 6, 1.0), ("Tell Rifaat", 36.473, 37.097, 8, 1.0),
        ("Azaz", 36.587, 37.046, 8, 1.0), ("Al-Bab", 36.370, 37.518, 10, 1.5), ("Manbij", 36.528, 37.955, 12, 1.0),
        ("Abu al-Duhur", 35.741, 37.053, 10, 1.0), ("Kafr Zita", 35.377, 36.600, 7, 1.0),
        ("Al-Latamina", 35.324, 36.622, 6, 1.0), ("Anadan", 36.293, 37.043, 6, 1.0), ("Hama", 35.132, 36.757, 12, 1.5),
        ("Al-Safira", 36.072, 37.372, 9, 1.0),
    ]
    static let types = ["Battles", "\"Explosions/Remote violence\"", "Violence against civilians", "Strategic developments"]
    static let sources = ["SOHR", "Syrian Civil Defense", "Enab Baladi", "\"Reuters, AFP\""]

    /// `count` events as CSV `id,date,lon,lat,type,place,fatalities,source` (six decimals).
    public static func csv(count: Int, seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        let total = towns.reduce(0) { $0 + $1.4 }
        let start = Day(year: 2019, month: 6, day: 1)!
        var out = "id,date,lon,lat,type,place,fatalities,source\n"
        out.reserveCapacity(count * 90)
        for i in 0..<count {
            var lon: Double, lat: Double, place: String
            if rng.unit() < 0.15 {
                lon = 35.7 + rng.unit() * 2.3; lat = 34.8 + rng.unit() * 2.0; place = "Background"
            } else {
                var pick = rng.unit() * total, t = towns[0]
                for candidate in towns { t = candidate; pick -= candidate.4; if pick < 0 { break } }
                // Box–Muller: two independent standard normals.
                let u1 = max(rng.unit(), 1e-300), u2 = rng.unit()
                let r = (-2 * log(u1)).squareRoot()
                lat = t.1 + r * sin(2 * .pi * u2) * t.3 / 110.574
                lon = t.2 + r * cos(2 * .pi * u2) * t.3 / (111.320 * cos(t.1 * .pi / 180))
                place = t.0
            }
            let day = start.adding(days: Int(rng.next() % 365))
            out += "\(i + 1),\(day),\(FixedDecimal.string(lon, decimals: 6)),\(FixedDecimal.string(lat, decimals: 6)),"
            out += "\(types[Int(rng.next() % 4)]),\(place),\(rng.next() % 4),\(sources[Int(rng.next() % 4)])\n"
        }
        return out
    }
}
