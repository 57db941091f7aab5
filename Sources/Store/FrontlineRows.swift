import Control
import GeoModel

/// The rows of the stores' front-line tables, from the days' `FrontlineDay`s: one line a day (a
/// MultiLineString), one polygon per side holding ground (a MultiPolygon; `kind` "contested" for the
/// contested ground, else "side"), and one point per settlement with its side and distance to the line.
enum FrontlineRows {
    enum Row {
        case line(Geometry, day: Day, lengthKm: Double, changedKm2: Double, advanceKm: Double)
        case side(Geometry, day: Day, side: String, kind: String, areaKm2: Double)
        case control(Coordinate, day: Day, placeID: String, place: String, side: String, distanceKm: Double?)
    }

    /// Every row of `f`, by day, then line, sides and control in table order. Settlements without a
    /// point in `f.coordinates` are left out (they have none to show).
    static func rows(_ f: StoredFrontlines) -> [Row] {
        var out: [Row] = []
        for d in f.days.sorted(by: { $0.date < $1.date }) {
            out.append(.line(multiLine(d.line), day: d.date, lengthKm: km(d.lengthKm), changedKm2: km(d.changedKm2),
                             advanceKm: km(d.advanceKm)))
            for side in d.sideOrder {
                guard let g = d.sides[side] else { continue }
                out.append(.side(.multiPolygon(g.rightHanded.polygons), day: d.date, side: side.rawValue,
                                 kind: side == .contested ? "contested" : "side", areaKm2: km(d.areaKm2[side.rawValue] ?? 0)))
            }
            let distance = Dictionary(d.placeDistances.map { ($0.placeID, $0.distanceKm) }, uniquingKeysWith: { a, _ in a })
            for c in d.control {
                guard let at = f.coordinates[c.placeID] else { continue }
                out.append(.control(at, day: d.date, placeID: c.placeID, place: c.place, side: c.side.rawValue,
                                    distanceKm: distance[c.placeID].map(km)))
            }
        }
        return out
    }

    /// A line geometry as a MultiLineString (the one type of the table).
    static func multiLine(_ g: Geometry) -> Geometry {
        switch g {
        case .lineString(let l): return .multiLineString([l])
        case .multiLineString: return g
        case .geometryCollection(let gs): return .multiLineString(gs.flatMap { multiLine($0).lines })
        default: return .multiLineString([])
        }
    }

    /// Kilometres rounded to metres, as the layers write them.
    static func km(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}

private extension Geometry {
    var lines: [[Coordinate]] {
        if case .multiLineString(let ls) = self { return ls }
        return []
    }
}
