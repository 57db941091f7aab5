import Control
import EventModel
import Extraction
import Foundation
import GeoModel
import Geodesy
import Places
import Topology

/// Front-line rows: one day's line over synthetic settlements, next to GEOS's own Voronoi call and a
/// naive pairwise union of the cells, measured in the same run.
public enum ControlBench {
    /// A synthetic front: `n` settlements around 40 cluster centres in the Idlib area, each centre given a
    /// random side and each settlement the side of its nearest centre (so that sides form regions).
    struct Front {
        var gazetteer: Gazetteer
        var table: ControlTable
        var area: Geometry
        var sites: [Coordinate]
        var sides: [Side]
    }

    static let day = Day(year: 2020, month: 2, day: 1)!

    static func front(settlements n: Int, seed: UInt64 = 7) throws -> Front {
        var rng = SplitMix64(seed: seed)
        let (west, south, east, north) = (36.3, 35.5, 37.1, 36.2)
        let centres = (0..<40).map { _ in
            (Coordinate(lon: west + rng.unit() * (east - west), lat: south + rng.unit() * (north - south)),
             [Side.government, .government, .opposition, .opposition, .turkish, .contested][Int(rng.unit() * 6)])
        }
        func normal() -> Double { (-2 * log(max(rng.unit(), 1e-300))).squareRoot() * cos(2 * .pi * rng.unit()) }
        var places: [Place] = [], sides: [Side] = []
        var csv = ControlTable.columns.joined(separator: ",") + "\n"
        for i in 0..<n {
            let centre = centres[Int(rng.unit() * Double(centres.count))].0
            let c = Coordinate(lon: min(max(centre.lon + 0.07 * normal(), west), east),
                               lat: min(max(centre.lat + 0.07 * normal(), south), north))
            let side = centres.min { a, b in
                hypot(a.0.lon - c.lon, a.0.lat - c.lat) < hypot(b.0.lon - c.lon, b.0.lat - c.lat)
            }!.1
            let id = "bench:\(i)"
            places.append(Place(id: id, name: "Settlement \(i)", kind: .village, coordinate: c, country: "SY",
                                admin1: "Idlib", population: nil, alternateNames: [], source: "synthetic"))
            sides.append(side)
            csv += "\(id),Settlement \(i),\(side.rawValue),\(day),synthetic\n"
        }
        let gazetteer = try Gazetteer(places: places, directory: URL(fileURLWithPath: "/nonexistent"))
        let table = try ControlTable(csv: csv, file: "synthetic.csv", gazetteer: gazetteer)
        let area = Geometry.polygon([[Coordinate(lon: west, lat: south), Coordinate(lon: east, lat: south),
                                      Coordinate(lon: east, lat: north), Coordinate(lon: west, lat: north),
                                      Coordinate(lon: west, lat: south)]])
        return Front(gazetteer: gazetteer, table: table, area: area, sites: places.map(\.coordinate), sides: sides)
    }

    /// Adds the rows for each size in `sizes`; the naive pairwise union runs only up to `naiveLimit` settlements.
    public static func run(sizes: [Int] = [1_000, 10_000], naiveLimit: Int = 1_000, into table: inout BenchTable) throws {
        for n in sizes {
            let f = try front(settlements: n)
            var result: FrontlineDay?
            let t = try best(of: 3) {
                let model = try FrontlineModel(table: f.table, area: f.area)
                result = try model.day(day)
            }
            precondition((result?.lengthKm ?? 0) > 0)
            let utm = try Transformation(from: CRS.wgs84, to: CRS.utm(for: Coordinate(lon: 36.7, lat: 35.85)))
            let sitesUTM = try utm.forward(f.sites)
            let tVoronoi = try best(of: 3) { try geosVoronoiAlone(sitesUTM) }
            var baseline = "GEOS Voronoi call alone (GEOSVoronoiDiagram_r): \(BenchFormat.ms(tVoronoi))"
            if n <= naiveLimit {
                let areaUTM = try utm.forward(f.area)
                let cells = try Voronoi.cells(sites: sitesUTM)
                let tNaive = try measureSeconds { try naivePairwise(cells: cells, sides: f.sides, area: areaUTM) }
                baseline += "; naive pairwise union of cells: \(BenchFormat.ms(tNaive))"
            }
            table.add("front line, one day (Voronoi, union per side, clip, line, figures)",
                      size: "\(BenchFormat.grouped(Double(n))) settlements",
                      BenchFormat.ms(t) + " (line \(NumberFormat.fixed(result!.lengthKm, 1)) km)", baseline: baseline)
        }
    }

    /// The least wall-clock seconds of `runs` runs of `body`.
    static func best(of runs: Int, _ body: () throws -> Void) throws -> Double {
        var t = Double.infinity
        for _ in 0..<runs { t = min(t, try measureSeconds(body)) }
        return t
    }

    /// What GEOS itself needs for the diagram (Topology's `Voronoi.diagramOnly`, no cells read back).
    static func geosVoronoiAlone(_ sites: [Coordinate]) throws {
        _ = try Voronoi.diagramOnly(sites: sites)
    }

    /// The naive way: fold each side's cells together one `union` at a time, then clip and take the line.
    static func naivePairwise(cells: [Geometry?], sides: [Side], area: Geometry) throws {
        var unions: [Side: Geometry] = [:]
        for (cell, side) in zip(cells, sides) {
            guard let cell else { continue }
            unions[side] = try unions[side].map { try $0.union(cell) } ?? cell
        }
        guard let government = unions[.government] else { return }
        var rest: Geometry?
        for (side, u) in unions where side != .government { rest = try rest.map { try $0.union(u) } ?? u }
        for u in unions.values { _ = try u.intersection(area) }
        if let rest { _ = try government.boundary().intersection(rest).intersection(area) }
    }
}
