import Control
import Foundation
import GeoModel
import Places
import XCTest
@testable import Layers

/// Issue 15, reproducer H1 (`Tests/Fuzz/cases/event-9999-12-31-map-hang`): one event dated 9999-12-31 made
/// `map` compute a front line for every day up to it (2.9 million days). Now only the days inside the control
/// table's range get a front line each, and beyond it only the days that have events.
final class FrontlineDaysTests: XCTestCase {
    static func village(_ id: String, lon: Double) -> Place {
        Place(id: id, name: id, kind: .village, coordinate: Coordinate(lon: lon, lat: 35.9), country: "SY",
              admin1: "Idlib", population: nil, alternateNames: [], source: "test fixture")
    }

    func table(assumesUnchanged: Bool = false) throws -> ControlTable {
        let places = try Gazetteer(places: [Self.village("t:west", lon: 36.6), Self.village("t:east", lon: 36.7)],
                                   directory: URL(fileURLWithPath: "/nonexistent"))
        var t = try ControlTable(csv: "place_id,place,side,from,source\nt:west,t:west,government,2020-01-20,test\n"
                                 + "t:east,t:east,opposition,2020-01-20,test\nt:east,t:east,government,2020-02-01,test\n",
                                 file: "control.csv", gazetteer: places)
        t.assumesUnchanged = assumesUnchanged
        return t
    }

    func testAnEventInYear9999CostsOneDayNotMillions() throws {
        let t = try table(assumesUnchanged: true)
        let days = MapJob.drawnDays(events: [Day(iso: "2020-01-25")!, Day(iso: "9999-12-31")!], table: t, merged: t)
        XCTAssertEqual(days.count, 8 + 1, "\(days.prefix(12))")  // 2020-01-25 … 2020-02-01, then 9999-12-31
        XCTAssertEqual(days.last, Day(iso: "9999-12-31"))
    }

    func testDaysBeyondTheTableAreDroppedUnlessItIsAssumedUnchanged() throws {
        let t = try table()
        let days = MapJob.drawnDays(events: [Day(iso: "2020-01-25")!, Day(iso: "9999-12-31")!], table: t, merged: t)
        XCTAssertEqual(days, (0...7).map { Day(iso: "2020-01-25")!.adding(days: $0) })
    }

    func testAfterTheTableOnlyDaysWithEventsGetAFrontLine() throws {
        let t = try table(assumesUnchanged: true)
        let days = MapJob.drawnDays(events: ["2020-01-30", "2021-06-01", "2400-03-01", "9999-12-31"].map { Day(iso: $0)! },
                                    table: t, merged: t)
        XCTAssertEqual(days.map(\.description), ["2020-01-30", "2020-01-31", "2020-02-01", "2021-06-01", "2400-03-01", "9999-12-31"])
    }
}
