import Places
import XCTest

final class NameMatcherTests: XCTestCase {
    let g = Fixture.gazetteer

    func testFindsEveryNameInASentenceLongestFirst() throws {
        // Written for this test, in the spellings of several outlets.
        let text = "Convoys left Teftanaz for the outskirts of Sarakeb, while families from al-Nayrab and Binnesh " +
            "drove north to the Bab al-Hawa crossing; Taftanaz air base stayed quiet and Maaret Musreen was shelled."
        let matches = NameMatcher(gazetteer: g).matches(in: text)
        XCTAssertEqual(matches.map(\.text), ["Teftanaz", "Sarakeb", "al-Nayrab", "Binnesh", "Bab al-Hawa crossing",
                                             "Taftanaz air base", "Maaret Musreen"])
        XCTAssertEqual(matches.map { $0.candidates.map(\.id) }, [
            ["geonames:163799"], ["geonames:164816"], ["pm:nairab"], ["geonames:171451"], ["pm:bab-al-hawa"],
            ["pm:taftanaz-airbase"], ["geonames:167605"],
        ])
        XCTAssertEqual(matches[1].cue, "near")
        XCTAssertEqual(String(text[matches[2].range]), "al-Nayrab")
    }

    func testLowerCaseWordsAreNotTakenForPlaces() {
        let matches = NameMatcher(gazetteer: g).matches(in: "more than a hundred people were there")
        XCTAssertEqual(matches.count, 0, matches.map(\.text).description)
    }

    func testAmbiguousNamesKeepAllCandidatesAndTheirCue() {
        let matches = NameMatcher(gazetteer: g).matches(in: "Jets struck the centre of Idleb and the Idlib province countryside.")
        XCTAssertEqual(matches.count, 2)
        XCTAssertEqual(Set(matches[0].candidates.map(\.id)), ["geonames:169389", "pm:gov-idlib"])
        XCTAssertEqual(matches[0].cue, "city")
        XCTAssertEqual(matches[1].candidates.map(\.id), ["pm:gov-idlib"])
    }
}
