import Evaluation
import EventModel
import Extraction
import FileIO
import GeoModel
import TestSupport
import XCTest

/// The matcher and the scores on a hand-made gold file and hand-made events with known results.
final class MatcherTests: XCTestCase {
    /// Six gold rows of one article, written for this test: two identical Saraqib clashes, a village the
    /// gazetteers lack (no point), a Taftanaz shelling by Turkish forces, a background offensive, and an
    /// undated capture of Sarmin.
    static let goldCSV = """
        article,row,date_start,date_end,place,lat,lon,tol_km,geo_precision,event_type,sub_event_type,actor1,actor2,fatalities,claimed,notes
        a.txt,1,2020-02-03,2020-02-03,Saraqib,35.864470,36.805910,3,1,Battles,Armed clash,Syrian government forces,Syrian rebels,2,false,first clash
        a.txt,2,2020-02-03,2020-02-03,Saraqib,35.864470,36.805910,3,1,Battles,Armed clash,Syrian government forces,Syrian rebels,,false,"a second clash, same day"
        a.txt,3,2020-02-05,2020-02-05,Trinbeh (north of Saraqib),,,,1,Explosions/Remote violence,Air/drone strike,unidentified (not named),Civilians,,false,village not geocoded
        a.txt,4,2020-02-04,2020-02-04,Taftanaz,35.998320,36.785790,3,1,Explosions/Remote violence,Shelling/artillery/missile attack,Turkish military,Syrian government forces,,true,
        a.txt,5,2020-01-20,2020-02-06,Idlib province,35.70000,36.70000,60,3,Strategic developments,Other,Syrian government forces,Syrian rebels,,false,[background] the offensive
        a.txt,6,,2020-02-06,Sarmin,35.904030,36.725010,3,1,Battles,Government regains territory,"Syrian government forces (with Russian forces)",Syrian rebels,,false,undated capture

        """

    /// The events: one per rule on the edge, each with the outcome the test expects.
    static let events: [Event] = [
        // e1: one day after rows 1 and 2 (the slack), 2.9 km away (inside 3 km): matches row 1, the first of two.
        Hand.event("e1", "2020-02-04", at: Hand.east(of: Hand.saraqib, metres: 2_900), place: "Saraqib", type: "Battles",
                   sub: "Armed clash", actors: ["Syrian government forces", "Rebels"], fatalities: 2),
        // e2: the right day, 3.1 km away (outside 3 km): cannot take row 2.
        Hand.event("e2", "2020-02-03", at: Hand.east(of: Hand.saraqib, metres: 3_100), place: "Saraqib", type: "Battles",
                   sub: "Armed clash", actors: ["Syrian government forces"]),
        // e3: an unknown village that fell back to Saraqib, its name spelled otherwise: row 3 by folded name.
        Hand.event("e3", "2020-02-05", at: Hand.saraqib, place: "Saraqib", unresolved: "Trinbah",
                   type: "Explosions/Remote violence", sub: "Shelling/artillery/missile attack", actors: []),
        // e4: the right place, day and type, but rebels, not Turkish forces: no match for row 4.
        Hand.event("e4", "2020-02-04", at: Hand.taftanaz, place: "Taftanaz", type: "Explosions/Remote violence",
                   sub: "Shelling/artillery/missile attack", actors: ["Rebels"]),
        // e5: the background offensive: left out of precision.
        Hand.event("e5", "2020-02-01", "2020-02-06", at: Hand.idlibGovernorate, place: "Idlib Governorate",
                   type: "Strategic developments", sub: "Offensive/advance", actors: ["Syrian government forces"], precision: 3),
        // e6: undated, as row 6: matches it (the fatalities differ).
        Hand.event("e6", nil, at: Hand.sarmin, place: "Sarmin", type: "Battles", sub: "Government regains territory",
                   actors: ["Syrian government forces"], fatalities: 1),
        // e7: two days after rows 1 and 2: beyond the slack.
        Hand.event("e7", "2020-02-05", at: Hand.saraqib, place: "Saraqib", type: "Battles", sub: "Armed clash",
                   actors: ["Syrian government forces"]),
        // e8: undated at Saraqib: must not match the dated rows 1 and 2 by luck.
        Hand.event("e8", nil, at: Hand.saraqib, place: "Saraqib", type: "Battles", sub: "Armed clash",
                   actors: ["Syrian government forces"]),
    ]

    func gold() throws -> [GoldEvent] {
        let dir = try temporaryDirectory("evaluation")
        return try GoldEvents.read(path: try Hand.file("gold.csv", Self.goldCSV, in: dir))
    }

    func result() throws -> ArticleResult {
        Evaluation.score(article: "a.txt", events: Self.events, gold: try gold(), toponyms: nil, rules: Hand.rules)
    }

    func testKnownRecallPrecisionAndF1() throws {
        let t = try result().tally
        XCTAssertEqual(t.goldRows, 5)
        XCTAssertEqual(t.goldFound, 3)
        XCTAssertEqual(t.events, 8)
        XCTAssertEqual(t.eventsOnBackground, 1)
        XCTAssertEqual(try XCTUnwrap(t.recall), 3.0 / 5.0, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(t.precision), 3.0 / 7.0, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(t.f1), 0.5, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(t.typeExactShare), 2.0 / 3.0, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(t.fatalitiesExactShare), 2.0 / 3.0, accuracy: 1e-12)
    }

    func testEachEventGoesToTheRowTheRulesSay() throws {
        let r = try result()
        let pairs = r.matches.map { "\(r.events[$0.event].id)→\(r.gold[$0.gold].row)" }
        XCTAssertEqual(pairs, ["e1→1", "e3→3", "e5→5", "e6→6"])
        XCTAssertEqual(r.missed.map { r.gold[$0.gold].row }, [2, 4])
        XCTAssertEqual(r.falseEvents.map { r.events[$0.event].id }, ["e2", "e4", "e7", "e8"])
    }

    func testOneDayOfSlackAndNoMore() throws {
        let row1 = try gold()[0]
        XCTAssertFalse(Hand.rules.compare(Self.events[0], row1).failed.contains(.date))
        XCTAssertEqual(Hand.rules.compare(Self.events[6], row1).failed, [.date])
    }

    func testToleranceEdgeIsGeodesic() throws {
        let row1 = try gold()[0]
        let inside = Hand.rules.compare(Self.events[0], row1), outside = Hand.rules.compare(Self.events[1], row1)
        XCTAssertEqual(try XCTUnwrap(inside.metres), 2_900, accuracy: 1e-6)
        XCTAssertEqual(outside.failed, [.place])
        XCTAssertEqual(try XCTUnwrap(outside.metres), 3_100, accuracy: 1e-6)
    }

    func testAnUndatedEventMatchesOnlyAnUndatedRow() throws {
        let g = try gold()
        XCTAssertEqual(Hand.rules.compare(Self.events[7], g[1]).failed, [.date])
        XCTAssertTrue(Hand.rules.compare(Self.events[5], g[5]).isMatch)
    }

    func testActorSideMismatchIsAMissWithItsReason() throws {
        let r = try result()
        let miss = try XCTUnwrap(r.missed.first { r.gold[$0.gold].row == 4 })
        XCTAssertEqual(miss.why.failed, [.actor])
        XCTAssertEqual(miss.why.other.map { r.events[$0].id }, "e4")
    }

    func testOneEventCannotMatchTwoRows() throws {
        let r = try result()
        let miss = try XCTUnwrap(r.missed.first { r.gold[$0.gold].row == 2 })
        XCTAssertEqual(miss.why.failed, [], "e1 meets every rule for row 2 too")
        XCTAssertEqual(miss.why.takenBy.map { r.gold[$0].row }, 1, "but row 1 took it")
        XCTAssertEqual(r.matches.filter { r.events[$0.event].id == "e1" }.count, 1)
    }

    func testBackgroundRowsAreScoredApart() throws {
        let t = try result().tally
        XCTAssertEqual(t.backgroundRows, 1)
        XCTAssertEqual(t.backgroundFound, 1)
        XCTAssertEqual(t.backgroundRecall, 1)
        XCTAssertEqual(t.scoredEvents, 7, "the event on the background row is neither right nor wrong")
    }

    func testADiscreteRowIsPreferredToABackgroundRow() throws {
        var g = try gold()
        // A discrete row on the background row's days, its point a little farther from e5: e5 meets the rules of
        // both, and would go to the background row on distance alone.
        g.append(GoldEvent(article: "a.txt", row: 7, dates: GoldDates(start: Day(iso: "2020-01-20"), end: Day(iso: "2020-02-06")!),
                           place: "Idlib province", coordinate: Coordinate(lon: 36.69, lat: 35.7), toleranceMetres: 60_000,
                           geoPrecision: 3, type: .strategicDevelopments, subType: "Other", actor1: "Syrian government forces"))
        let r = Evaluation.score(article: "a.txt", events: Self.events, gold: g, toponyms: nil, rules: Hand.rules)
        XCTAssertEqual(r.matches.first { r.events[$0.event].id == "e5" }.map { r.gold[$0.gold].row }, 7)
    }

    func testSumsAreMicroAveraged() throws {
        let t = try result().tally
        let twice = t + t
        XCTAssertEqual(twice.goldRows, 10)
        XCTAssertEqual(twice.recall, t.recall)
        XCTAssertEqual(Tally().recall, nil)
        XCTAssertEqual(Tally().f1, nil)
    }
}
