import XCTest
import Control
import EventModel
import GeoModel

final class ControlTableTests: XCTestCase {
    func testTheLatestRowOnOrBeforeTheDayHolds() throws {
        let t = try Fixtures.table(Fixtures.header + """
            t:west,West,government,2020-02-01,a
            t:middle,Middle,opposition,2020-02-01,b
            t:middle,Middle,government,2020-02-04,c
            """)
        XCTAssertEqual(try t.side(of: "t:middle", on: Fixtures.day("2020-02-03")), .opposition)
        XCTAssertEqual(try t.side(of: "t:middle", on: Fixtures.day("2020-02-04")), .government)
        XCTAssertNil(try t.side(of: "t:east", on: Fixtures.day("2020-02-04")))
        XCTAssertEqual(t.placeIDs, ["t:west", "t:middle"])
        XCTAssertEqual(t.sides, [.government, .opposition])
        XCTAssertEqual(t.firstSide, .government)
    }

    func testADayAfterTheTableIsAnErrorNamingItsLastDayUnlessAssumedUnchanged() throws {
        var t = try Fixtures.table(Fixtures.header + """
            t:west,West,government,2020-02-01,a
            t:middle,Middle,opposition,2020-02-01,b
            t:middle,Middle,government,2020-02-04,c
            """)
        XCTAssertEqual(t.lastDay, Fixtures.day("2020-02-04"))
        XCTAssertThrowsError(try t.side(of: "t:middle", on: Fixtures.day("2020-03-01"))) { e in
            XCTAssertEqual(e as? ControlError, .afterData(day: Fixtures.day("2020-03-01"), lastDay: Fixtures.day("2020-02-04")))
            XCTAssertEqual("\(e)", "no control data for 2020-03-01: the control table ends on 2020-02-04 (--assume-unchanged keeps its last state)")
        }
        XCTAssertThrowsError(try t.control(on: Fixtures.day("2020-02-05")))
        t.assumesUnchanged = true
        XCTAssertEqual(try t.side(of: "t:middle", on: Fixtures.day("2020-03-01")), .government)
    }

    func testAStarRowStatesTheWholeTableUnchangedUpToItsDay() throws {
        let t = try Fixtures.table(Fixtures.header + """
            t:west,West,government,2020-02-01,a
            t:middle,Middle,opposition,2020-02-01,b
            *,whole front,unchanged,2020-02-10,ceasefire
            """)
        XCTAssertEqual(t.lastDay, Fixtures.day("2020-02-10"))
        XCTAssertEqual(try t.side(of: "t:middle", on: Fixtures.day("2020-02-10")), .opposition)
        XCTAssertEqual(t.rows.count, 2)
        assertError(Fixtures.header + "t:west,West,government,2020-02-01,a\n*,all,government,2020-02-03,b\n",
                    "Gazetteer/control/control.csv:3: a \"*\" row states the whole table unchanged: its side must be \"unchanged\", not \"government\"")
    }

    func testSidesAreTheTablesOwnWords() throws {
        let t = try Fixtures.table(Fixtures.header + """
            t:west,West,Ukraine,2022-09-01,a
            t:middle,Middle,russia,2022-09-01,b
            t:east,East,contested,2022-09-01,c
            """)
        XCTAssertEqual(t.sides.map(\.rawValue), ["ukraine", "russia", "contested"])
        XCTAssertEqual(t.firstSide?.rawValue, "ukraine")
    }

    func testReadsQuotedFieldsAndCRLFAsRFC4180Says() throws {
        let t = try Fixtures.table("place_id,place,side,from,source\r\n"
            + "t:west,\"West, the village\",Government,2020-02-01,\"said \"\"held\"\", see https://example.org/a,b\"\r\n"
            + "\r\n"
            + "t:east,East,opposition,2020-02-01,\"two\nlines\"\r\n")
        XCTAssertEqual(t.rows.count, 2)
        XCTAssertEqual(t.rows[0].place, "West, the village")
        XCTAssertEqual(t.rows[0].side, .government)
        XCTAssertEqual(t.rows[0].source, "said \"held\", see https://example.org/a,b")
        XCTAssertEqual(t.rows[1].source, "two\nlines")
        XCTAssertEqual(t.rows[1].origin, .table(file: "control.csv", line: 4))
    }

    func testAColumnOrderOtherThanTheHeadersIsRead() throws {
        let t = try Fixtures.table("side,from,place_id,source,place\ngovernment,2020-02-01,t:west,s,West\n")
        XCTAssertEqual(try t.side(of: "t:west", on: Fixtures.day("2020-02-01")), .government)
    }

    func assertError(_ csv: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try Fixtures.table(csv, file: "Gazetteer/control/control.csv"), file: file, line: line) { e in
            XCTAssertEqual("\(e)", expected, file: file, line: line)
        }
    }

    func testAnUnknownPlaceNamesTheRowAndSuggestsSpellings() {
        assertError(Fixtures.header + "t:west,West,government,2020-02-01,a\nt:saraqeb,Saraqeb,government,2020-02-06,b\n",
                    "Gazetteer/control/control.csv:3: unknown place id \"t:saraqeb\" (Saraqeb); nearest spellings: "
                        + "Saraqib (t:saraqib)")
    }

    func testASideThatIsNotAWordNamesTheRow() {
        assertError(Fixtures.header + "t:west,West,pro regime,2020-02-01,a\n",
                    "Gazetteer/control/control.csv:2: the side \"pro regime\" of West is not a side (\(Side.rule))")
        assertError(Fixtures.header + "t:west,West,,2020-02-01,a\n",
                    "Gazetteer/control/control.csv:2: the side \"\" of West is not a side (\(Side.rule))")
    }

    func testAMalformedDateNamesTheRow() {
        assertError(Fixtures.header + "t:west,West,government,2020-02-31,a\n",
                    "Gazetteer/control/control.csv:2: malformed date \"2020-02-31\" for West (expected YYYY-MM-DD)")
        assertError(Fixtures.header + "t:west,West,government,6 Feb 2020,a\n",
                    "Gazetteer/control/control.csv:2: malformed date \"6 Feb 2020\" for West (expected YYYY-MM-DD)")
    }

    func testRowsOutOfDateOrderForAPlaceNameTheRow() {
        assertError(Fixtures.header + """
            t:middle,Middle,government,2020-02-05,a
            t:west,West,government,2020-02-01,b
            t:middle,Middle,opposition,2020-02-01,c
            """, "Gazetteer/control/control.csv:4: row for Middle from 2020-02-01 comes after the row from 2020-02-05 (line 2); "
                + "rows of a place must be in increasing date order")
        assertError(Fixtures.header + "t:west,West,government,2020-02-01,a\nt:west,West,opposition,2020-02-01,b\n",
                    "Gazetteer/control/control.csv:3: a second row for West on 2020-02-01 (line 2); "
                        + "rows of a place must be in increasing date order")
    }

    func testMissingColumnsAndOpenQuotesAreNamed() {
        assertError("place_id,place,side,source\n", "Gazetteer/control/control.csv:1: the header lacks the column \"from\" "
                        + "(expected place_id,place,side,from,source)")
        assertError(Fixtures.header + "t:west,West,government\n",
                    "Gazetteer/control/control.csv:2: the row has 3 fields; column \"from\" is missing")
        assertError(Fixtures.header + "t:west,\"West,government,2020-02-01,a\n",
                    "Gazetteer/control/control.csv:2: a quoted field is never closed")
        assertError(Fixtures.header, "Gazetteer/control/control.csv: the control table has no rows")
    }

    func testADayBeforeAnyControlDataIsAClearError() throws {
        let t = try Fixtures.table(Fixtures.header + "t:west,West,government,2020-02-01,a\n")
        XCTAssertThrowsError(try t.side(of: "t:west", on: Fixtures.day("2020-01-31"))) { e in
            XCTAssertEqual(e as? ControlError, .beforeData(day: Fixtures.day("2020-01-31"), firstDay: Fixtures.day("2020-02-01")))
            XCTAssertEqual("\(e)", "no control data for 2020-01-31: the control table starts on 2020-02-01")
        }
    }

    func event(_ id: String, _ subType: String, _ place: String?, _ day: String, actor: Actor? = nil) -> Event {
        Event(id: id, category: EventCategory(SubEventType(named: subType)!), start: Fixtures.day(day), end: Fixtures.day(day),
              datePrecision: .day, place: place ?? "Nowhere", placeID: place, coordinate: nil, geoPrecision: 1, actor1: actor)
    }

    func testEventsAddChangesWhereTheTableIsSilentAndTheTableWins() throws {
        let t = try Fixtures.table(Fixtures.header + """
            t:west,West,government,2020-02-01,a
            t:middle,Middle,opposition,2020-02-01,b
            t:east,East,opposition,2020-02-01,c
            t:east,East,opposition,2020-02-05,d
            """)
        let (merged, skipped) = try t.adding(events: [
            event("e1", "Government regains territory", "t:middle", "2020-02-03"),
            event("e2", "Government regains territory", "t:east", "2020-02-05"),
            event("e3", "Non-state actor overtakes territory", "t:west", "2020-02-06"),
            event("e4", "Armed clash", "t:east", "2020-02-04"),
            event("e5", "Government regains territory", nil, "2020-02-04"),
            event("e6", "Siege", "t:saraqib", "2020-02-04"),
        ], gazetteer: Fixtures.places)
        XCTAssertEqual(try merged.side(of: "t:middle", on: Fixtures.day("2020-02-02")), .opposition)
        XCTAssertEqual(try merged.side(of: "t:middle", on: Fixtures.day("2020-02-03")), .government)
        XCTAssertEqual(try merged.side(of: "t:east", on: Fixtures.day("2020-02-05")), .opposition)
        XCTAssertEqual(try merged.side(of: "t:west", on: Fixtures.day("2020-02-06")), .opposition)
        XCTAssertEqual(try merged.side(of: "t:saraqib", on: Fixtures.day("2020-02-04")), .contested)
        XCTAssertNil(try merged.side(of: "t:saraqib", on: Fixtures.day("2020-02-03")))
        XCTAssertEqual(merged.rows(of: "t:middle").last?.origin, .event(id: "e1"))
        XCTAssertEqual(skipped.map(\.eventID), ["e2", "e5"])
        XCTAssertEqual(skipped[0].reason, "the control table has a row for East on 2020-02-05")
    }

    func testSubTypesMapToSides() {
        XCTAssertEqual(ControlTable.side(after: event("a", "Government regains territory", nil, "2020-02-01")), .government)
        XCTAssertEqual(ControlTable.side(after: event("b", "Non-state actor overtakes territory", nil, "2020-02-01")), .opposition)
        XCTAssertEqual(ControlTable.side(after: event("c", "Siege", nil, "2020-02-01")), .contested)
        XCTAssertNil(ControlTable.side(after: event("d", "Air/drone strike", nil, "2020-02-01")))
        let handover = event("e", "Non-violent transfer of territory", nil, "2020-02-01", actor: Actor("Syrian government forces", kind: .stateForces))
        XCTAssertEqual(ControlTable.side(after: handover), .government, "a transfer goes to the side that acted")
    }
}
