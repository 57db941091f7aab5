import XCTest
import Control
import EventModel
import GeoModel
import Places

/// The bundled control table (Gazetteer/control/control.csv) over 20 January – 6 March 2020.
final class BundledTableTests: XCTestCase {
    nonisolated(unsafe) static var cached: (Gazetteer, ControlTable, [FrontlineDay])?

    func window() throws -> (Gazetteer, ControlTable, [FrontlineDay]) {
        if let c = BundledTableTests.cached { return c }
        let gazetteer = try Gazetteer.loadDefault()
        let table = try ControlTable.loadDefault(gazetteer: gazetteer)
        let model = try FrontlineModel(gazetteer: gazetteer, table: table)
        let days = try model.range(from: Day(iso: "2020-01-20")!, to: Day(iso: "2020-03-06")!)
        BundledTableTests.cached = (gazetteer, table, days)
        return (gazetteer, table, days)
    }

    func id(_ name: String, _ g: Gazetteer) throws -> String {
        try g.resolve(name, context: ResolutionContext(admin1: "Idlib")).place.id
    }

    func side(_ name: String, on day: FrontlineDay, _ g: Gazetteer) throws -> Side? {
        let id = try id(name, g)
        return day.control.first { $0.placeID == id }?.side
    }

    func day(_ iso: String, in days: [FrontlineDay]) -> FrontlineDay { days.first { $0.date == Day(iso: iso)! }! }

    func testTheTableSpeaksFromTwentyJanuaryToTheCeasefireOfSixMarch() throws {
        let (g, table, days) = try window()
        XCTAssertEqual(table.firstDay, Day(iso: "2020-01-20"))
        XCTAssertEqual(table.lastDay, Day(iso: "2020-03-06"))
        XCTAssertEqual(table.firstSide, .government)
        XCTAssertEqual(days.count, 47)
        XCTAssertThrowsError(try FrontlineModel(gazetteer: g, table: table).day(Day(iso: "2020-03-07")!)) { e in
            XCTAssertEqual(e as? ControlError, .afterData(day: Day(iso: "2020-03-07")!, lastDay: Day(iso: "2020-03-06")!))
        }
        // The new villages of the front are settlements of the table (Jobas, Mardikh: OpenStreetMap points).
        XCTAssertGreaterThanOrEqual(table.placeIDs.count, 50)
        for name in ["Jobas", "Tell Mardikh", "Khan Tuman", "Kafr Sajneh"] {
            XCTAssertTrue(table.placeIDs.contains(try g.resolve(name).place.id), name)
        }
        // Every row rests on a source, and the derived baseline rows name the capture they rest on.
        for r in table.rows {
            XCTAssertFalse(r.source.isEmpty, r.place)
            if r.source.hasPrefix("derived:") { XCTAssertTrue(r.source.contains("http") || r.source.contains("("), r.source) }
        }
    }

    func testEveryDayHasALine() throws {
        let (_, _, days) = try window()
        for d in days {
            XCTAssertFalse(d.line.isEmpty, "\(d.date) has no line")
            XCTAssertGreaterThan(d.lengthKm, 10, "\(d.date)")
            XCTAssertGreaterThan(d.areaKm2["government"]!, 0)
            XCTAssertGreaterThan(d.areaKm2["opposition"]!, 0)
        }
    }

    func testTheGovernmentGainsGroundInTheWindow() throws {
        let (_, _, days) = try window()
        XCTAssertEqual(days[0].changedKm2, 0, "20 January is the table's first day")
        XCTAssertGreaterThan(days.map(\.changedKm2).reduce(0, +), 0)
        XCTAssertGreaterThan(days.last!.areaKm2["government"]!, days.first!.areaKm2["government"]!)
        for d in days where d.changedKm2 > 0 { XCTAssertGreaterThan(d.advanceKm, 0, "\(d.date)") }
        // The rebel counter-attack of 26-27 February gives ground back.
        XCTAssertLessThan(day("2020-02-27", in: days).areaKm2["government"]!, day("2020-02-25", in: days).areaKm2["government"]!)
    }

    func testSaraqebChangesHandsAsTheClaimsSay() throws {
        let (g, _, days) = try window()
        let expected: [(String, Side)] = [
            ("2020-01-20", .opposition), ("2020-02-04", .opposition), ("2020-02-05", .contested), ("2020-02-06", .government),
            ("2020-02-26", .government), ("2020-02-27", .opposition), ("2020-02-29", .opposition), ("2020-03-01", .government),
            ("2020-03-06", .government),
        ]
        for (iso, side) in expected { XCTAssertEqual(try self.side("Saraqeb", on: day(iso, in: days), g), side, iso) }
        XCTAssertEqual(try side("Neyrab", on: day("2020-02-03", in: days), g), .government)
        XCTAssertEqual(try side("Neyrab", on: day("2020-02-26", in: days), g), .opposition)
    }

    func testIdlibAndBinnishAreOnTheOppositionSideThroughout() throws {
        let (g, _, days) = try window()
        for d in days {
            XCTAssertEqual(try side("Idleb", on: d, g), .opposition, "\(d.date)")
            XCTAssertEqual(try side("Binnish", on: d, g), .opposition, "\(d.date)")
            let binnish = try id("Binnish", g)
            XCTAssertEqual(d.placeDistances.first { $0.placeID == binnish }?.side, .opposition)
        }
    }

    func testSettlementsThatChangeHandsGetAnArrow() throws {
        let (g, _, days) = try window()
        let nairab = try id("Nairab", g)
        let moved = days.flatMap(\.movements).filter { $0.placeID == nairab }
        XCTAssertEqual(moved.map(\.toSide), [.government, .opposition])
        XCTAssertTrue(moved.allSatisfy { $0.lengthKm > 0 })
    }
}
