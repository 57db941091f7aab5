import GeoModel
import Evaluation
import EventModel
import Extraction
import FileIO
import XCTest

/// Actor names to sides: the longest lexicon phrase inside the name, the leftmost on a tie.
final class SideMapTests: XCTestCase {
    let sides = SideMap(lexicon: Hand.lexicon)

    func testTheLongestPhraseInsideTheNameGivesTheSide() {
        XCTAssertEqual(sides.side(of: "Syrian government forces (with Russian forces)"), .side(.government))
        XCTAssertEqual(sides.side(of: "Rebels (HTS-led and allied factions)"), .side(.opposition))
        XCTAssertEqual(sides.side(of: "Civilians"), .side(.civilian))
    }

    func testOnATieTheActorNamedFirstWins() {
        XCTAssertEqual(sides.side(of: "Turkish military and allied Syrian rebels"), .side(.foreign))
        XCTAssertEqual(sides.side(of: "Syrian rebels and the Turkish military"), .side(.opposition))
    }

    func testUnidentifiedUnknownAndNonPartyNames() {
        XCTAssertEqual(sides.side(of: "unidentified (mortar fire from Syria)"), .unidentified)
        XCTAssertEqual(sides.side(of: ""), .unidentified)
        XCTAssertEqual(sides.side(of: "Houthi forces"), .unmapped)
        XCTAssertEqual(sides.side(of: "Syrian Observatory"), .unmapped, "a phrase of no party names no side")
    }

    func testAnEventsSidesAreItsActorsSides() {
        XCTAssertEqual(sides.sides(of: ["Syrian government forces", "Rebels", "Unidentified armed group"]),
                       [.government, .opposition])
    }
}
