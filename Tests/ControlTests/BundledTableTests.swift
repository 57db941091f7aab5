import XCTest
import Control
import EventModel
import GeoModel
import Places

/// The bundled control table (Gazetteer/control/control.csv) over 1–10 February 2020.
final class BundledTableTests: XCTestCase {
    nonisolated(unsafe) static var cached: (Gazetteer, [FrontlineDay])?

    func window() throws -> (Gazetteer, [FrontlineDay]) {
        if let c = BundledTableTests.cached { return c }
        let gazetteer = try Gazetteer.loadDefault()
        let table = try ControlTable.loadDefault(gazetteer: gazetteer)
        let model = try FrontlineModel(gazetteer: gazetteer, table: table)
        let days = try model.range(from: Day(iso: "2020-02-01")!, to: Day(iso: "2020-02-10")!)
        BundledTableTests.cached = (gazetteer, days)
        return (gazetteer, days)
    }

    func id(_ name: String, _ g: Gazetteer) throws -> String {
        try g.resolve(name, context: ResolutionContext(admin1: "Idlib")).place.id
    }

    func side(_ name: String, on day: FrontlineDay, _ g: Gazetteer) throws -> Side? {
        let id = try id(name, g)
        return day.control.first { $0.placeID == id }?.side
    }

    func testEveryDayHasALine() throws {
        let (_, days) = try window()
        XCTAssertEqual(days.count, 10)
        for d in days {
            XCTAssertFalse(d.line.isEmpty, "\(d.date) has no line")
            XCTAssertGreaterThan(d.lengthKm, 10, "\(d.date)")
            XCTAssertGreaterThan(d.areaKm2["government"]!, 0)
            XCTAssertGreaterThan(d.areaKm2["opposition"]!, 0)
        }
    }

    func testTheGovernmentGainsGroundInTheWindow() throws {
        let (_, days) = try window()
        XCTAssertEqual(days[0].changedKm2, 0, "1 February is the table's first day")
        XCTAssertGreaterThan(days.map(\.changedKm2).reduce(0, +), 0)
        XCTAssertGreaterThan(days.last!.areaKm2["government"]!, days.first!.areaKm2["government"]!)
        for d in days where d.changedKm2 > 0 { XCTAssertGreaterThan(d.advanceKm, 0, "\(d.date)") }
    }

    func testNairabAndSaraqebAreOnTheGovernmentSideOnceTaken() throws {
        let (g, days) = try window()
        var seen: [String: Bool] = ["Neyrab": false, "Saraqeb": false]
        for d in days {
            for name in ["Neyrab", "Saraqeb"] {
                let s = try side(name, on: d, g)
                if s == .government { seen[name] = true }
                if seen[name]! { XCTAssertEqual(s, .government, "\(name) on \(d.date)") }
            }
        }
        XCTAssertEqual(seen, ["Neyrab": true, "Saraqeb": true], "both are taken in the window")
        let first = days.first!
        XCTAssertNotEqual(try side("Saraqeb", on: first, g), .government)
    }

    func testIdlibAndBinnishAreOnTheOppositionSideThroughout() throws {
        let (g, days) = try window()
        for d in days {
            XCTAssertEqual(try side("Idleb", on: d, g), .opposition, "\(d.date)")
            XCTAssertEqual(try side("Binnish", on: d, g), .opposition, "\(d.date)")
            let binnish = try id("Binnish", g)
            XCTAssertEqual(d.placeDistances.first { $0.placeID == binnish }?.side, .opposition)
        }
    }

    func testSettlementsThatChangeHandsGetAnArrow() throws {
        let (g, days) = try window()
        let nairab = try id("Nairab", g)
        let moved = days.flatMap(\.movements).filter { $0.placeID == nairab }
        XCTAssertEqual(moved.count, 1)
        XCTAssertEqual(moved.first?.toSide, .government)
        XCTAssertGreaterThan(moved.first?.lengthKm ?? 0, 0)
    }
}
