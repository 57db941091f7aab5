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
            var failures = 0
            let resolve = BenchStats.medianSeconds(runs) { if !spawn(executable, ["resolve", "Saraqeb", "--format", "json"], directory) { failures += 1 } }
            let floor = BenchStats.medianSeconds(runs) { if !spawn(executable, ["distance", "36.80591,35.86447", "36.78579,35.99832"], directory) { failures += 1 } }
            if failures > 0 {
                table.add("placemap resolve Saraqeb (whole process)", size: "\(runs) runs", "failed: \(failures) runs exited non-zero")
            } else {
                table.add("placemap resolve Saraqeb (whole process, median)", size: "\(runs) runs", BenchFormat.ms(resolve),
                      baseline: "process without the gazetteer (distance LON,LAT): \(BenchFormat.ms(floor))")
            }
        }
        do {
            var g: Gazetteer? = nil
            let loads = max(3, runs / 2)
            let placesOnly = try BenchStats.medianSeconds(loads) { g = try Gazetteer.load(from: directory, shapes: false) }
            let withShapes = try BenchStats.medianSeconds(loads) { _ = try Gazetteer.load(from: directory) }
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

    /// Runs `executable` once with the gazetteer folder in its environment and its output to /dev/null;
    /// true when it exits with 0. Uses posix_spawn and waitpid directly: Foundation's `Process` adds tens
    /// of milliseconds of its own on Linux, which would swamp what is measured.
    static func spawn(_ executable: URL, _ arguments: [String], _ directory: URL) -> Bool {
        var env = ProcessInfo.processInfo.environment
        env["PLACEMAP_GAZETTEER"] = directory.path
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        // posix_spawn returns an error number, 0 on success.
        guard posix_spawn(&pid, executable.path, &actions, nil, argv, envp) == 0 else { return false }
        var status: Int32 = 0
        // waitpid returns -1 on failure.
        guard waitpid(pid, &status, 0) == pid else { return false }
        return status == 0
    }
}
