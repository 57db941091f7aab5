import GeoModel
import ArgumentParser
import Benchmarks
import Foundation
import Places

/// `placemap bench`: PlaceMap's hot paths next to naive baselines, measured in one run.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure PlaceMap's hot paths (build with -c release) and print a table.",
        shouldDisplay: false)

    @Option(help: "Geodesic pairs to measure.") var pairs: Int = 1_000_000
    @Option(help: "CSV of gen_events.py (id,date,lon,lat,type,place,fatalities,source) for the layer-writing rows; skipped when absent.")
    var eventsCSV: String = BenchData.eventsCSV
    @Option(help: "Synthetic settlements for the front-line rows, comma-separated.") var settlements: String = "1000,10000"
    @Option(help: "Processes spawned per whole-process timing (the median is reported).") var processRuns: Int = 20
    @Option(name: .customLong("events"), help: "Events CSV for the near rows (repeatable); default: synthetic 10^4..10^6.")
    var eventFiles: [String] = []
    @Option(help: "Largest synthetic events set for the near rows.") var maxEvents: Int = 1_000_000
    @Option(help: "MB of synthetic report text for the extraction row.") var reportMegabytes: Double = 20
    @Option(help: "Only these areas, comma-separated (geodesy, layers, control, queries, places, extraction, map, store); default: all.")
    var only: String = ""
    @Option(help: "A postgresql:// URL of an empty database for the PostGIS rows of the store area; skipped when absent.")
    var postgres: String?

    /// True when the area's rows should run (`--only` empty or naming it).
    func runs(_ area: String) -> Bool {
        only.isEmpty || only.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == area }
    }

    func validate() throws {
        let areas: Set<String> = ["geodesy", "layers", "control", "queries", "places", "extraction", "map", "store"]
        for a in only.split(separator: ",") where !areas.contains(a.trimmingCharacters(in: .whitespaces)) {
            throw ValidationError("unknown bench area '\(a)'; expected one of \(areas.sorted().joined(separator: ", "))")
        }
    }

    func run() throws {
        var table = BenchTable()
        if runs("geodesy") { GeodesyBench.run(pairs: pairs, into: &table) }
        if runs("layers") { try LayersBench.runIfPresent(csvPath: eventsCSV, into: &table) }
        if runs("control") { try ControlBench.run(sizes: settlements.split(separator: ",").compactMap { Int($0) }, into: &table) }
        if runs("queries") {
            try QueriesBench.run(files: eventFiles, maxEvents: maxEvents, executable: Bundle.main.executableURL,
                                 runs: min(processRuns, 5), into: &table)
        }
        if runs("store") { try CLI.reporting { try StoreBench.run(csvPath: eventsCSV, postgres: postgres, into: &table) } }
        let gazetteer = try CLI.places { try Gazetteer.defaultDirectory() }
        if runs("places") {
            PlacesBench.run(executable: Bundle.main.executableURL, directory: gazetteer, runs: processRuns, into: &table)
        }
        if runs("extraction"), let g = try? Gazetteer.load(from: gazetteer) {
            ExtractionBench.run(megabytes: reportMegabytes, gazetteer: g, into: &table)
        }
        if runs("map") { try MapJobBench.run(files: eventFiles, executable: Bundle.main.executableURL, into: &table) }
        print(table.text)
    }
}
