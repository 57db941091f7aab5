import ArgumentParser
import Benchmarks
import Foundation
import Places

/// `placemap bench`: PlaceMap's hot paths next to naive baselines, measured in one run.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure PlaceMap's hot paths (build with -c release) and print a table.")

    @Option(help: "Geodesic pairs to measure.") var pairs: Int = 1_000_000
    @Option(help: "CSV of gen_events.py (id,date,lon,lat,type,place,fatalities,source) for the layer-writing rows; skipped when absent.")
    var eventsCSV: String = BenchData.eventsCSV
    @Option(help: "Synthetic settlements for the front-line rows, comma-separated.") var settlements: String = "1000,10000"
    @Option(help: "Processes spawned per whole-process timing (the median is reported).") var processRuns: Int = 20
    @Option(name: .customLong("events"), help: "Events CSV for the near rows (repeatable); default: synthetic 10^4..10^6.")
    var eventFiles: [String] = []
    @Option(help: "Largest synthetic events set for the near rows.") var maxEvents: Int = 1_000_000
    @Option(help: "MB of synthetic report text for the extraction row.") var reportMegabytes: Double = 20

    func run() throws {
        var table = BenchTable()
        GeodesyBench.run(pairs: pairs, into: &table)
        try LayersBench.runIfPresent(csvPath: eventsCSV, into: &table)
        try ControlBench.run(sizes: settlements.split(separator: ",").compactMap { Int($0) }, into: &table)
        try QueriesBench.run(files: eventFiles, maxEvents: maxEvents, executable: Bundle.main.executableURL,
                             runs: min(processRuns, 5), into: &table)
        let gazetteer = try CLI.places { try Gazetteer.defaultDirectory() }
        PlacesBench.run(executable: Bundle.main.executableURL, directory: gazetteer, runs: processRuns, into: &table)
        if let g = try? Gazetteer.load(from: gazetteer) {
            ExtractionBench.run(megabytes: reportMegabytes, gazetteer: g, into: &table)
        }
        print(table.text)
    }
}
