import ArgumentParser
import Benchmarks
import Foundation

/// `placemap bench`: PlaceMap's hot paths next to naive baselines, measured in one run.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure PlaceMap's hot paths (build with -c release) and print a table.")

    @Option(help: "Geodesic pairs to measure.") var pairs: Int = 1_000_000
    @Option(help: "CSV of gen_events.py (id,date,lon,lat,type,place,fatalities,source) for the layer-writing rows; skipped when absent.")
    var eventsCSV: String = BenchData.eventsCSV

    func run() throws {
        var table = BenchTable()
        GeodesyBench.run(pairs: pairs, into: &table)
        try LayersBench.runIfPresent(csvPath: eventsCSV, into: &table)
        print(table.text)
    }
}
