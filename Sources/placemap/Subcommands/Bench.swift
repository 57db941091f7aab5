import ArgumentParser
import Foundation
import GeoModel
import Geodesy

/// `placemap bench`: throughput of PlaceMap's hot paths next to naive baselines, measured in one run.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure PlaceMap's hot paths (build with -c release) and print a table.")

    @Option(help: "Geodesic pairs to measure.") var pairs: Int = 1_000_000

    func run() throws {
        var table = BenchTable()
        BenchGeodesy.run(pairs: pairs, into: &table)
        table.print()
    }
}

/// A table of benchmark rows, printed as aligned text.
struct BenchTable {
    struct Row { var what: String; var size: String; var value: String; var baseline: String }
    var rows: [Row] = []

    mutating func add(_ what: String, size: String, _ value: String, baseline: String = "") {
        rows.append(Row(what: what, size: size, value: value, baseline: baseline))
    }

    func print() {
        let header = Row(what: "benchmark", size: "size", value: "PlaceMap", baseline: "baseline (same run)")
        let all = [header] + rows
        let w0 = all.map(\.what.count).max()!, w1 = all.map(\.size.count).max()!, w2 = all.map(\.value.count).max()!
        func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
        for (i, r) in all.enumerated() {
            Swift.print("| \(pad(r.what, w0)) | \(pad(r.size, w1)) | \(pad(r.value, w2)) | \(r.baseline)")
            if i == 0 {
                Swift.print("|" + [w0, w1, w2].map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|---")
            }
        }
    }
}

/// Wall-clock seconds spent in `body`.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

enum BenchGeodesy {
    /// Geodesic inverse throughput against a naive loop (a fresh ellipsoid set-up for every pair).
    static func run(pairs n: Int, into table: inout BenchTable) {
        var rng = SplitMix64(seed: 42)
        let pts = (0..<(2 * n)).map { _ in
            Coordinate(lon: 35.7 + rng.unit() * 2.3, lat: 34.8 + rng.unit() * 2.0)
        }
        let g = Geodesic.wgs84
        var sum = 0.0
        let t = seconds { for i in 0..<n { sum += g.distance(from: pts[2 * i], to: pts[2 * i + 1]) } }
        let m = max(n / 10, 1)
        var sumNaive = 0.0
        let tNaive = seconds {
            for i in 0..<m {
                let fresh = Geodesic(equatorialRadius: 6_378_137, flattening: 1 / 298.257223563)
                sumNaive += fresh.inverse(from: pts[2 * i], to: pts[2 * i + 1]).distance
            }
        }
        precondition(sum > 0 && sumNaive > 0)
        table.add("geodesic distance (geod_inverse)", size: "\(n) pairs",
                  "\(Format.grouped(Double(n) / t, decimals: 0)) pairs/s",
                  baseline: "naive loop (ellipsoid set up per pair, distance+azimuths): \(Format.grouped(Double(m) / tNaive, decimals: 0)) pairs/s")
    }
}

/// A small deterministic random generator (SplitMix64) for benchmark data.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
