import Foundation
import GeoModel
import XCTest
@testable import Extraction
import EventModel

/// Places a sentence names that are not where its happening took place (sentences written for the test).
final class PlaceRoleTests: XCTestCase {
    func places(_ text: String, date: String = "2020-02-06") throws -> [String] {
        try Fixture.events(" date \(date) BEIRUT -- " + text).map(\.place).sorted()
    }

    func testTheEndsOfARoadAndACityNamingAHighwayAreNoEventPlaces() throws {
        XCTAssertEqual(try places("Rebels shelled the road linking Latakia with Aleppo near Sarmin on Monday."), ["Sarmin"])
        XCTAssertEqual(try places("Government troops shelled Ariha, some 10 km from the Idlib-Latakia highway, on Monday."), ["Ariha"])
        XCTAssertEqual(try places("Rebels shelled Sarmin on the M5 highway between Hama and Aleppo on Monday."), ["Sarmin"])
    }

    func testDestinationsAndRetreatsAreNoEventPlaces() throws {
        XCTAssertEqual(try places("Government troops captured Sarmin on Monday, pressing toward Ariha."), ["Sarmin"])
        XCTAssertEqual(try places("Government troops captured Sarmin on Monday and the rebels fled to Ariha and Binnish."), ["Sarmin"])
        XCTAssertFalse(try places("Government troops captured Sarmin on Monday and the rebels fled to Ariha.").contains("Ariha"))
        XCTAssertFalse(try places("Troops entered Sarmin on Monday as the militants withdrew in the direction of the town of Ariha.")
            .contains("Ariha"))
    }

    func testWhereFireCameFromAndWhereAStatementWasMadeAreNoEventPlaces() throws {
        XCTAssertEqual(try places("Shells fired from Ariha hit the town of Sarmin on Monday."), ["Sarmin"])
        XCTAssertEqual(try places("Speaking to a television channel from Ariha, the governor said jets bombed Sarmin on Monday."), ["Sarmin"])
    }

    func testTownsNamingASectorOfTheFrontAreNoEventPlaces() throws {
        XCTAssertEqual(try places("Government troops captured Sarmin on Monday and kept attacking on the Ariha and Binnish fronts."),
                       ["Sarmin"])
        XCTAssertEqual(try places("The army said it repelled assaults in the Ariha, Binnish and Saraqib directions on Monday."), [])
        XCTAssertEqual(try places("Rebels shelled Sarmin and Ariha on Monday."), ["Ariha", "Sarmin"])
    }

    func testACapitalNamedAsAGovernmentIsNoPlaceButInItIsOne() throws {
        XCTAssertEqual(try places("Rebels shelled Sarmin on Monday, an attack blamed on Damascus."), ["Sarmin"])
        XCTAssertEqual(try places("A car bomb exploded in Damascus on Monday."), ["Damascus"])
    }

    func testAWordSplitAtAnApostropheIsNoPrepositionBeforeAName() throws {
        let r = try Fixture.extract(" date 2020-02-06 BEIRUT -- Troops fought Hay'at Sakhr fighters in Sarmin on Monday.")
        XCTAssertFalse(r.warnings.contains { $0.contains("'Sakhr'") }, "\(r.warnings)")
    }

    func testAPlaceRoleOutsideTheClosedSetIsALexiconErrorNamingTheLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("placerole-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "".write(to: dir.appendingPathComponent("triggers.tsv"), atomically: true, encoding: .utf8)
        try "".write(to: dir.appendingPathComponent("actors.tsv"), atomically: true, encoding: .utf8)
        try "# c\nplace_role\thighway\tlane\n".write(to: dir.appendingPathComponent("cues.tsv"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Lexicon.load(from: dir)) { e in
            XCTAssertTrue("\(e)".hasSuffix("cues.tsv:2: place_role must be one of road, destination, retreat, origin, speech, based, sector, not \"lane\""), "\(e)")
        }
    }
}

extension PlaceRoleTests {
    func testTwoNamesSideBySideAreOneUnknownName() throws {
        // "Sarmin" and "Ariha" are places of their own; side by side they name a place the gazetteer lacks.
        let r = try Fixture.extract(" date 2020-02-06 BEIRUT -- Rebels captured the village of Sarmin Ariha, near Binnish, on Monday.")
        let e = try XCTUnwrap(EventMerger.merge(r.events).first)
        XCTAssertEqual(e.unresolvedPlace, "Sarmin Ariha")
        XCTAssertEqual(e.place, "Binnish")
        XCTAssertEqual(e.geoPrecision, 2)
    }

    func testAColonBetweenTwoHappeningsSplitsThemButNotBeforeAList() throws {
        let two = try Fixture.events(" date 2020-02-06 BEIRUT -- Jets bombed Sarmin on Monday: on Tuesday, rebels shelled Ariha.")
        XCTAssertEqual(two.first { $0.place == "Sarmin" }?.start, .d("2020-02-03"))
        XCTAssertEqual(two.first { $0.place == "Ariha" }?.start, .d("2020-02-04"))
        let list = try Fixture.events(" date 2020-02-06 BEIRUT -- The army listed the places captured on Monday: Sarmin and Ariha.")
        XCTAssertEqual(Set(list.map(\.place)), ["Sarmin", "Ariha"])
    }
}

extension PlaceRoleTests {
    func testTheHillsOfAVillageAreNearItNotInIt() throws {
        let e = try XCTUnwrap(try Fixture.events(" date 2020-02-06 BEIRUT -- Troops captured the Ariha hills on Monday.").first)
        XCTAssertEqual(e.place, "Ariha")
        XCTAssertEqual(e.geoPrecision, 2)
    }
}

extension PlaceRoleTests {
    func testTheReportsOwnCountryIsWhereItsHappeningsAreNotAHardCodedOne() throws {
        // A report about southern Turkey: its places are event places; in a report about Idlib they are not.
        let turkey = try Fixture.events(" date 2020-02-06 BEIRUT -- Rockets fired from across the border hit Reyhanli and "
                                        + "Antakya on Monday, killing two civilians in Reyhanli.")
        XCTAssertTrue(turkey.contains { $0.place == "Reyhanli" }, "\(turkey.map(\.place))")
        let syria = try Fixture.events(" date 2020-02-06 BEIRUT -- Jets bombed Sarmin and Binnish on Monday, the governor of "
                                       + "Antakya said.")
        XCTAssertFalse(syria.contains { $0.place == "Antakya" })
    }
}

extension PlaceRoleTests {
    func testWhereClausesTellTheirHappeningAndAnUnnamedOriginIsNoPlace() throws {
        let events = try Fixture.events(" date 2020-02-06 BEIRUT -- On Monday the army opened a front west of the Taftanaz "
                                        + "air base, where troops took Kafr Dwail.")
        XCTAssertTrue(events.contains { $0.unresolvedPlace == "Kafr Dwail" && $0.start == .d("2020-02-03") })
        let origin = try Fixture.events(" date 2020-02-06 BEIRUT -- A Turkish post in Sarmin was hit on Monday by shelling "
                                        + "from an area held by government forces.")
        XCTAssertEqual(origin.map(\.place), ["Sarmin"])
    }

    func testAWhereClauseTellsItsHappeningAtThePlaceNamedRightBeforeIt() throws {
        // The place sits inside an aim ("trying to hold …"), which tells no happening of its own.
        let e = try only("Monitors reported that troops were trying to hold a line near the town of Kafr Nabuda, "
                         + "where more than 40 fighters had died.")
        XCTAssertEqual(e.place, "Kafr Nabuda")
        XCTAssertEqual(e.fatalities, 40)
    }
}
