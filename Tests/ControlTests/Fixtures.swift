import Control
import Foundation
import EventModel
import GeoModel
import Places

/// Small made-up cases: settlements on a line across the Idlib plain.
enum Fixtures {
    static func village(_ id: String, _ name: String, lon: Double, lat: Double) -> Place {
        Place(id: id, name: name, kind: .village, coordinate: Coordinate(lon: lon, lat: lat), country: "SY",
              admin1: "Idlib", population: nil, alternateNames: [], source: "test fixture")
    }

    /// West (government), Middle and East (opposition), 0.05° of longitude apart (about 4.5 km).
    static let places = try! Gazetteer(places: [
        village("t:west", "West", lon: 36.60, lat: 35.90),
        village("t:middle", "Middle", lon: 36.65, lat: 35.90),
        village("t:east", "East", lon: 36.70, lat: 35.90),
        village("t:saraqib", "Saraqib", lon: 36.80591, lat: 35.86447),
    ], directory: URL(fileURLWithPath: "/nonexistent"))

    /// A box around the three villages (WGS84).
    static let box = Geometry.polygon([[
        Coordinate(lon: 36.55, lat: 35.85), Coordinate(lon: 36.75, lat: 35.85), Coordinate(lon: 36.75, lat: 35.95),
        Coordinate(lon: 36.55, lat: 35.95), Coordinate(lon: 36.55, lat: 35.85),
    ]])

    static func day(_ s: String) -> Day { Day(iso: s)! }

    static func table(_ csv: String, file: String = "control.csv") throws -> ControlTable {
        try ControlTable(csv: csv, file: file, gazetteer: places)
    }

    static let header = "place_id,place,side,from,source\n"
}
