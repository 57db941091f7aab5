import ArgumentParser
import Foundation
import GeoModel
import Geodesy
import Places
import Queries

/// `placemap nearest LON,LAT`: the nearest gazetteer places.
struct Nearest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The gazetteer places nearest a LON,LAT position (WGS84 geodesic), nearest first.",
        discussion: "Negative numbers go after `--`: placemap nearest -- -0.1,51.5")

    @Argument(help: "The position, LON,LAT in degrees.") var position: String
    @Option(help: "How many places.") var limit: Int = 5
    @Option(help: "Output: table or json.") var format: OutputFormat = .table

    func validate() throws { try format.check([.table, .json]) }

    func run() throws {
        try CLI.reporting {
            let c = try CLI.coordinate(position)
            guard limit >= 1 else { throw QueriesError.badLimit(limit) }
            let found = try Gazetteer.loadDefault(shapes: false).nearest(to: c, limit: limit)
            let bearings = found.map { NearQuery.bearing(Geodesic.wgs84.inverse(from: c, to: $0.place.coordinate).initialAzimuth) }
            switch format {
            case .table:
                var rows = [["km", "bearing", "name", "kind", "id"]]
                for (f, b) in zip(found, bearings) {
                    rows.append([Format.fixed(f.metres / 1000, 3), Format.fixed(b, 1), f.place.name, f.place.kind.rawValue, f.place.id])
                }
                print(Format.table(rows))
            default:
                print(JSONWriter.string(.array(zip(found, bearings).map { f, b in
                    ["id": .string(f.place.id), "name": .string(f.place.name), "kind": .string(f.place.kind.rawValue),
                     "lon": .number(f.place.coordinate.lon), "lat": .number(f.place.coordinate.lat),
                     "distance_km": .number(f.metres.rounded() / 1000), "bearing_deg": .number((b * 10).rounded() / 10)]
                })))
            }
        }
    }
}
