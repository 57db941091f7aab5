import Foundation
import GeoModel
import Places

/// The gazetteer's costs: one `placemap resolve` as a whole process, loading, and resolving in process,
/// each next to a baseline measured in the same run.
public enum PlacesBench {
    /// Spellings resolved in the in-process rows (news spellings of places of the seeds' area).
    static let names = ["Saraqeb", "Sarakeb", "Teftanaz", "al-Nayrab", "Binnesh", "Maaret Musreen", "Idleb",
                        "Idlib province", "Damascus", "Aleppo", "Ariha", "Afis", "Sarmin", "Moscow", "Ankara"]

    /// Adds the rows. `executable` is the running `placemap` (spawned `runs` times per figure, median
    /// reported); `directory` is the gazetteer folder. Rows that cannot run say why in the table.
    public static func run(executable: URL?, directory: URL, runs: Int, into table: inout BenchTable) {
        if let executable {
            let resolve = medianSeconds(runs) { spawn(executable, ["resolve", "Saraqeb", "--format", "json"], directory) }
            let floor = medianSeconds(runs) { spawn(executable, ["distance", "36.80591,35.86447", "36.78579,35.99832"], directory) }
            table.add("placemap resolve Saraqeb (whole process, median)", size: "\(runs) runs", BenchFormat.ms(resolve),
                      baseline: "process without the gazetteer (distance LON,LAT): \(BenchFormat.ms(floor))")
        }
        do {
            var g: Gazetteer? = nil
            let loads = max(3, runs / 2)
            let placesOnly = try medianSeconds(loads) { g = try Gazetteer.load(from: directory, shapes: false) }
            let withShapes = try medianSeconds(loads) { _ = try Gazetteer.load(from: directory) }
            guard let g else { return }
            table.add("gazetteer load, places and name index (median)", size: "\(g.places.count) places",
                      BenchFormat.ms(placesOnly), baseline: "with highways, regions, borders GeoJSON: \(BenchFormat.ms(withShapes))")
            let rounds = 200
            var found = 0
            let indexed = measureSeconds { for _ in 0..<rounds { for n in names { if (try? g.resolve(n)) != nil { found += 1 } } } }
            let naiveRounds = 2
            var naiveFound = 0
            let naive = measureSeconds { for _ in 0..<naiveRounds { for n in names { if naiveResolve(n, in: g) != nil { naiveFound += 1 } } } }
            precondition(found > 0 && naiveFound > 0)
            let perSecond = Double(rounds * names.count) / indexed, naivePerSecond = Double(naiveRounds * names.count) / naive
            table.add("resolve in process (folded-key index)", size: "\(names.count) names",
                      "\(BenchFormat.grouped(perSecond)) names/s",
                      baseline: "naive scan folding every name per query: \(BenchFormat.grouped(naivePerSecond)) names/s")
        } catch {
            table.add("gazetteer load", size: "-", "failed: \(error)")
        }
    }

    /// The naive baseline: fold every name of every place for each query, keep the most populous match.
    static func naiveResolve(_ name: String, in g: Gazetteer) -> Place? {
        let key = NameKey.fold(name)
        return g.places.filter { p in ([p.name] + p.alternateNames).contains { NameKey.fold($0) == key } }
            .max { ($0.population ?? 0) < ($1.population ?? 0) }
    }

    static func spawn(_ executable: URL, _ arguments: [String], _ directory: URL) {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["PLACEMAP_GAZETTEER"] = directory.path
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run(); p.waitUntilExit() } catch { return }
    }

    static func medianSeconds(_ n: Int, _ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<max(1, n) { times.append(try measureSeconds(body)) }
        times.sort()
        return times[times.count / 2]
    }
}
