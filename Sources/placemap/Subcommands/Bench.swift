import ArgumentParser
import Benchmarks

/// `placemap bench`: PlaceMap's hot paths next to naive baselines, measured in one run.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure PlaceMap's hot paths (build with -c release) and print a table.")

    @Option(help: "Geodesic pairs to measure.") var pairs: Int = 1_000_000

    func run() throws {
        var table = BenchTable()
        GeodesyBench.run(pairs: pairs, into: &table)
        print(table.text)
    }
}
