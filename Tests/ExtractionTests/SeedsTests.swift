import Foundation
import Places
import TestSupport
import GeoModel
import XCTest
@testable import Extraction
import EventModel

/// The table of `../shared/seeds/README.md`: every row comes out of the two seed reports (read at run time;
/// their text is not in the repository). Report 001 has no dateline: it is given the fallback date.
final class SeedsTests: XCTestCase {
    nonisolated(unsafe) static var cached: [Event]?

    func seedEvents() throws -> [Event] {
        if let c = SeedsTests.cached { return c }
        // PLACEMAP_SEEDS points at the seeds from a checkout that is not beside ../shared (a worktree).
        let dir = try ProcessInfo.processInfo.environment["PLACEMAP_SEEDS"].map { URL(fileURLWithPath: $0) }
            ?? ProjectPaths.shared("seeds")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertEqual(files.count, 2)
        let r = try extractEvents(from: files.map { dir.appendingPathComponent($0).path }, fallbackDate: .d("2020-02-06"),
                                  gazetteer: Fixture.gazetteer, includeStatements: false)
        SeedsTests.cached = r.events
        return r.events
    }

    /// The one event matching `where`, failing with the list when there is none.
    func row(_ n: Int, _ events: [Event], file: StaticString = #filePath, line: UInt = #line,
             _ match: (Event) -> Bool) throws -> Event {
        let found = events.filter(match)
        XCTAssertEqual(found.count, 1, "row \(n): \(found.count) events match", file: file, line: line)
        return try XCTUnwrap(found.first, "row \(n) is missing", file: file, line: line)
    }

    func reports(_ e: Event) -> Set<String> { Set(e.sources.map { String($0.report.prefix(3)) }) }
    func days(_ e: Event) -> String { "\(e.start.map { "\($0)" } ?? "-")..\(e.end.map { "\($0)" } ?? "-")" }

    static let saraqib = "geonames:164816", taftanazBase = "pm:taftanaz-airbase", nairab = "pm:nairab"
    static let idlibProvince = "pm:gov-idlib", idlibCity = "geonames:169389"

    func testEveryRowOfTheTable() throws {
        let ev = try seedEvents()
        // 1. Air strike on the Taftanaz air base, both reports.
        let r1 = try row(1, ev) { $0.placeID == Self.taftanazBase }
        XCTAssertEqual(r1.subTypeName, "Air/drone strike"); XCTAssertEqual(days(r1), "2020-02-06..2020-02-06")
        XCTAssertEqual(r1.geoPrecision, 1); XCTAssertEqual(r1.actorNames, ["Syrian government air force", "Turkish military"])
        XCTAssertEqual(reports(r1), ["000", "001"])
        // 2. Siege of Saraqeb, both.
        let r2 = try row(2, ev) { $0.placeID == Self.saraqib && $0.subTypeName == "Siege" }
        XCTAssertEqual(days(r2), "2020-02-06..2020-02-06"); XCTAssertEqual(r2.geoPrecision, 1)
        XCTAssertEqual(r2.actorNames, ["Syrian government forces", "Rebels"]); XCTAssertEqual(reports(r2), ["000", "001"])
        // 3. Fighting south of Saraqeb, 001.
        let r3 = try row(3, ev) { $0.placeID == Self.saraqib && $0.direction == "south" }
        XCTAssertEqual(r3.subTypeName, "Armed clash"); XCTAssertEqual(r3.geoPrecision, 2); XCTAssertEqual(days(r3), "2020-02-06..2020-02-06")
        XCTAssertEqual(r3.actorNames.first, "Syrian government forces")
        XCTAssertEqual(Set(r3.actorNames.dropFirst()), ["Rebels", "Militants"]); XCTAssertTrue(reports(r3).contains("001"))
        // 4. Turkish reinforcements north of Saraqeb overnight.
        let r4 = try row(4, ev) { $0.placeID == Self.saraqib && $0.direction == "north" }
        XCTAssertEqual(r4.subTypeName, "Reinforcement movement"); XCTAssertEqual(r4.geoPrecision, 2)
        XCTAssertEqual(days(r4), "2020-02-05..2020-02-06"); XCTAssertEqual(r4.actorNames, ["Turkish military"])
        XCTAssertTrue(reports(r4).contains("001"))
        // 5. Turkish deployments at Binnish, Taftanaz and Maaret Musreen, 000.
        for id in ["geonames:171451", "geonames:163799", "geonames:167605"] {
            let r5 = try row(5, ev) { $0.placeID == id }
            XCTAssertEqual(r5.subTypeName, "Troop deployment/new base"); XCTAssertEqual(r5.geoPrecision, 1)
            XCTAssertEqual(r5.start, .d("2020-02-06")); XCTAssertEqual(r5.actorNames, ["Turkish military"])
            XCTAssertTrue(reports(r5).contains("000"))
        }
        // 6. Monday's fire on Turkish positions: 8 Turkish and 13 Syrian dead, both.
        let r6 = try row(6, ev) { $0.placeID == Self.idlibProvince && $0.start == .d("2020-02-03") && !$0.claimed }
        XCTAssertEqual(r6.geoPrecision, 3); XCTAssertEqual(days(r6), "2020-02-03..2020-02-03")
        XCTAssertEqual(r6.actorNames, ["Syrian government forces", "Turkish military"])
        XCTAssertEqual(r6.fatalities, 21)
        XCTAssertEqual(r6.fatalitiesDetail, "7 Turkish soldiers; 1 Turkish civilian; 13 Syrian soldiers")
        XCTAssertEqual(reports(r6), ["000", "001"])
        // 7. Turkish retaliation, Ankara's claim, 001.
        let r7 = try row(7, ev) { $0.placeID == Self.idlibProvince && $0.claimed }
        XCTAssertEqual(days(r7), "2020-02-03..2020-02-03"); XCTAssertEqual(r7.actorNames, ["Turkish military", "Syrian government forces"])
        // A side's claim of enemy dead is ACLED's fatalities_claimed, not a reported toll (issue 11).
        XCTAssertNil(r7.fatalities); XCTAssertEqual(r7.fatalitiesClaimed, 70); XCTAssertEqual(reports(r7), ["001"])
        XCTAssertEqual(r7.subTypeName, "Shelling/artillery/missile attack", "a strike by Turkish forces, not an armed clash")
        // 8. Nairab captured earlier this week, 000.
        let r8 = try row(8, ev) { $0.placeID == Self.nairab && $0.subTypeName == "Government regains territory" }
        XCTAssertEqual(days(r8), "2020-02-03..2020-02-05"); XCTAssertEqual(r8.actorNames, ["Syrian government forces"])
        // 9. Rebel attack on Nairab under Turkish artillery cover, with the suicide attack, 000.
        let r9 = try row(9, ev) { $0.placeID == Self.nairab && $0.start == .d("2020-02-06") }
        XCTAssertEqual(r9.actorNames.first, "Rebels"); XCTAssertTrue(r9.actorNames.contains("Syrian government forces"))
        XCTAssertTrue(r9.actorNames.contains("Turkish military")); XCTAssertEqual(r9.sources.count, 2)
        // 10. Air strikes on Idlib city: at least 15 civilians, 001.
        let r10 = try row(10, ev) { $0.placeID == Self.idlibCity }
        XCTAssertEqual(r10.subTypeName, "Air/drone strike"); XCTAssertEqual(r10.start, .d("2020-02-06"))
        XCTAssertEqual(r10.fatalities, 15); XCTAssertEqual(r10.actorNames.last, "Civilians")
        XCTAssertTrue(r10.actorNames.contains("Russian military")); XCTAssertTrue(r10.actorNames.contains("Syrian government air force"))
        // 11. Russian military specialists killed, undated, both.
        let r11 = try row(11, ev) { $0.datePrecision == .unknown }
        XCTAssertEqual(r11.placeID, Self.idlibProvince); XCTAssertEqual(r11.geoPrecision, 3)
        XCTAssertEqual(r11.actorNames.first, Actor.unidentified.name); XCTAssertTrue(r11.actorNames.contains("Russian military"))
        XCTAssertNil(r11.fatalities); XCTAssertEqual(reports(r11), ["000", "001"])
        // 12. The offensive since December, both.
        let r12 = try row(12, ev) { $0.placeID == Self.idlibProvince && $0.subTypeName == "Offensive/advance" }
        XCTAssertEqual(days(r12), "2019-12-01..2020-02-06"); XCTAssertEqual(r12.actorNames.first, "Syrian government forces")
        XCTAssertEqual(reports(r12), ["000", "001"])
        // 13. More than 520,000 displaced since December, 000.
        let r13 = try row(13, ev) { $0.subTypeName == "Displacement" }
        XCTAssertEqual(r13.placeID, Self.idlibProvince); XCTAssertEqual(days(r13), "2019-12-01..2020-02-06")
        XCTAssertEqual(r13.displaced, 520_000); XCTAssertNil(r13.fatalities); XCTAssertEqual(r13.actorNames, ["Civilians"])
    }

    func testNoEventAbroadOrAtTheDateline() throws {
        let ev = try seedEvents()
        for e in ev {
            XCTAssertNotNil(e.coordinate)
            for name in ["Beirut", "Moscow", "Ankara", "Brussels", "Baku"] {
                XCTAssertFalse(e.place.localizedCaseInsensitiveContains(name), "event at \(e.place)")
            }
            if let c = e.coordinate { XCTAssertTrue((35.5...37.8).contains(c.lon) && (35.2...36.8).contains(c.lat), "\(e.place)") }
        }
    }

    func testFewExtras() throws {
        // 13 rows; row 5 is three places and row 12 spans two governorates: 16 events in all.
        let count = try seedEvents().count
        XCTAssertLessThanOrEqual(count, 16)
    }
}
