import Foundation
import GeoModel
import Geodesy
import Places

/// The gazetteer's settlements and sites by cells of a latitude–longitude grid, built once per extractor, so
/// that the places within a few tens of kilometres of a report's places are found without measuring the
/// distance to every place; with each place's folding keys (`NameKey.fold` of its Latin-script names), made
/// the first time they are asked for and kept for the next reports.
final class PlaceGrid: @unchecked Sendable {
    /// The cell size, degrees of latitude and of longitude: 0.25° (about 28 km north–south).
    static let cellDegrees = 0.25

    private let gazetteer: Gazetteer
    /// Cell → positions in `gazetteer.places` of the settlements and sites in it.
    private let cells: [Cell: [Int]]
    private let lock = NSLock()
    private var keys: [Int: [String]] = [:]

    struct Cell: Hashable { var row: Int, column: Int }

    /// The grid of `gazetteer`'s settlements, air bases, crossings and posts (regions and countries left out).
    init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        var cells: [Cell: [Int]] = [:]
        for (i, p) in gazetteer.places.enumerated() where !p.kind.isArea {
            cells[PlaceGrid.cell(of: p.coordinate), default: []].append(i)
        }
        self.cells = cells
    }

    static func cell(of c: Coordinate) -> Cell {
        Cell(row: Int((c.lat / cellDegrees).rounded(.down)), column: Int((c.lon / cellDegrees).rounded(.down)))
    }

    /// The positions of the places within `metres` (geodesic, WGS84) of any of `centres`, each once, in
    /// gazetteer order.
    func places(within metres: Double, of centres: [Coordinate]) -> [Int] {
        var found = Set<Int>()
        let g = Geodesic.wgs84
        for c in centres {
            // Degrees of latitude and longitude that `metres` may span here (a degree of latitude is at least
            // 110.5 km; of longitude, that times the cosine of the latitude).
            let dLat = metres / 110_500, dLon = metres / (110_500 * max(0.1, cos(c.lat * .pi / 180)))
            let lo = PlaceGrid.cell(of: Coordinate(lon: c.lon - dLon, lat: c.lat - dLat))
            let hi = PlaceGrid.cell(of: Coordinate(lon: c.lon + dLon, lat: c.lat + dLat))
            for row in lo.row...hi.row {
                for column in lo.column...hi.column {
                    for i in cells[Cell(row: row, column: column)] ?? [] where !found.contains(i)
                        && g.distance(from: c, to: gazetteer.places[i].coordinate) <= metres {
                        found.insert(i)
                    }
                }
            }
        }
        return found.sorted()
    }

    /// The folding keys of place `i`'s main and alternate names written in Latin letters, each once.
    func keys(of i: Int) -> [String] {
        lock.lock()
        if let k = keys[i] { lock.unlock(); return k }
        lock.unlock()
        let p = gazetteer.places[i]
        var seen = Set<String>(), out: [String] = []
        for name in [p.name] + p.alternateNames where name.unicodeScalars.allSatisfy({ $0.value < 0x250 }) {
            let k = NameKey.fold(name)
            if !k.isEmpty, seen.insert(k).inserted { out.append(k) }
        }
        lock.lock(); keys[i] = out; lock.unlock()
        return out
    }
}
