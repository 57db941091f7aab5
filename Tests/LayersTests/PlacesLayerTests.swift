import EventModel
import GeoModel
import Layers
import XCTest

/// `places.geojson`: one feature per place, whatever the number of distinct points its events have.
final class PlacesLayerTests: XCTestCase {
    /// An event at `place` (no gazetteer id when `id` is nil) at a point of its own.
    func event(_ n: Int, _ place: String, id: String?, lon: Double, start: Day?, end: Day? = nil) -> Event {
        var e = Sample.event("ev-\(n)", "Armed clash", place, lon, 35.9, start: start, end: end)
        e.placeID = id
        return e
    }

    func testOneFeaturePerPlaceWithCountsThatAddUpToTheEvents() throws {
        var events: [Event] = []
        // Saraqib by id at 40 distinct points, Taftanaz by name at 25, Binnish by name, undated.
        for i in 0..<40 { events.append(event(i, "Saraqib", id: "pm:saraqib", lon: 36.80 + Double(i) * 0.001, start: Sample.feb5)) }
        for i in 0..<25 {
            events.append(event(100 + i, "Taftanaz", id: nil, lon: 36.78 + Double(i) * 0.001,
                                start: i == 3 ? Sample.feb3 : Sample.feb5, end: i == 7 ? Sample.feb6 : nil))
        }
        events.append(event(200, "Binnish", id: nil, lon: 36.71, start: nil))
        let layer = BaseLayers.places(of: events, gazetteer: nil)
        XCTAssertEqual(layer.features.count, 3)
        let byName = Dictionary(uniqueKeysWithValues: layer.features.map { ($0[property: "name"]?.stringValue ?? "", $0) })
        XCTAssertEqual(byName["Saraqib"]?[property: "event_count"]?.intValue, 40)
        XCTAssertEqual(byName["Saraqib"]?.id?.stringValue, "pm:saraqib")
        XCTAssertEqual(byName["Taftanaz"]?[property: "event_count"]?.intValue, 25)
        XCTAssertEqual(byName["Taftanaz"]?.id?.stringValue, "Taftanaz")
        XCTAssertEqual(byName["Taftanaz"]?[property: "first_day"]?.stringValue, "2020-02-03")
        XCTAssertEqual(byName["Taftanaz"]?[property: "last_day"]?.stringValue, "2020-02-06")
        XCTAssertEqual(byName["Binnish"]?[property: "first_day"], JSONValue.null)
        let total = layer.features.reduce(0) { $0 + ($1[property: "event_count"]?.intValue ?? 0) }
        XCTAssertEqual(total, events.count)
        XCTAssertEqual(layer.features.map { $0[property: "name"]?.stringValue ?? "" }, ["Binnish", "Saraqib", "Taftanaz"])
    }
}
