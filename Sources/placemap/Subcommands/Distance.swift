import ArgumentParser
import GeoModel
import Geodesy
import Places
import Queries

/// `placemap distance A B`: the WGS84 geodesic between two positions.
struct Distance: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The geodesic distance (metres) and the azimuth at A between two places or LON,LAT positions.",
        discussion: "Negative numbers go after `--`: placemap distance -- -0.1,51.5 2.35,48.85")

    @Argument(help: "The first position: LON,LAT in degrees or a place name.") var a: String
    @Argument(help: "The second position: LON,LAT in degrees or a place name.") var b: String
    @Option(help: "Output: text or json.") var format: OutputFormat = .text

    func validate() throws { try format.check([.text, .json]) }

    func run() throws { try CLI.reporting { try answer() } }

    func answer() throws {
        // The highways (shapes) are needed only for the `along` member of the JSON answer.
        var loaded: Gazetteer? = nil
        func gazetteer() throws -> Gazetteer {
            if let loaded { return loaded }
            loaded = try CLI.gazetteer(shapes: format == .json)
            return loaded!
        }
        let from = try CLI.position(a, gazetteer: gazetteer), to = try CLI.position(b, gazetteer: gazetteer)
        let line = Geodesic.wgs84.inverse(from: from, to: to)
        // Degrees clockwise from north in [0, 360), as `near` reports bearings.
        let azimuth = (line.initialAzimuth + 360).truncatingRemainder(dividingBy: 360)
        if format == .text {
            print("\(Format.metres(line.distance)) m, azimuth \(Format.fixed(azimuth, 4))° at A (clockwise from north)")
        } else {
            var obj: [String: JSONValue] = ["distance_m": .number(line.distance), "azimuth_deg": .number(azimuth)]
            // Along a highway when both lie within 2 km of the same one.
            let highways = try gazetteer().highways
            if let shared = try AlongQuery.sharedHighway(from, to, highways: highways) {
                obj["along"] = ["highway": .string(shared.highway.id), "distance_m": .number(shared.distance)]
            }
            print(JSONWriter.string(.object(obj)))
        }
    }
}
