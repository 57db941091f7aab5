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

    // Sentences written for these tests. Each first checks that the word really folds like a gazetteer
    // name, so that the test fails if the matcher takes it for one.

    func testDemonymsAreNotPlacesThoughTheyFoldLikeVillages() {
        let m = NameMatcher(gazetteer: g)
        XCTAssertFalse(g.places(withKey: NameKey.fold("Syrian")).isEmpty, "Syrian folds like Suran")
        let text = "Syrian, Russian and Iranian officers met Turkish, Lebanese and Kurdish envoys."
        XCTAssertEqual(m.matches(in: text).map(\.text), [])
        XCTAssertEqual(m.matches(in: "Shells fell on Suran and Souran.").map(\.text), ["Suran", "Souran"])
    }

    func testOneAndTwoLetterWordsAreNotPlaces() {
        let m = NameMatcher(gazetteer: g)
        XCTAssertFalse(g.places(withKey: NameKey.fold("By")).isEmpty, "By folds like Beirut's code BEY")
        XCTAssertFalse(g.places(withKey: NameKey.fold("Is")).isEmpty, "Is folds like Al-Eis")
        XCTAssertEqual(m.matches(in: "By nightfall the EU and the UN had asked for a truce.").map(\.text), [])
        XCTAssertEqual(m.matches(in: "Is a truce near? A convoy waited.").map(\.text), [])
        // With its article joined, a short name is a name: "al-Is" is Al-Eis.
        XCTAssertEqual(m.matches(in: "Drones hit al-Is at dawn.").first?.candidates.first?.id, "pm:al-eis")
    }

    func testACapitalisedCommonWordIsNotAPlace() {
        let m = NameMatcher(gazetteer: g)
        XCTAssertFalse(g.places(withKey: NameKey.fold("More")).isEmpty, "More folds like Mari'")
        XCTAssertEqual(m.matches(in: "More than 500 families left overnight.").map(\.text), [])
        XCTAssertEqual(m.matches(in: "Home to many of the displaced, the camp is full.").map(\.text), [])
        XCTAssertEqual(m.matches(in: "Mari' was quiet.").first?.candidates.contains { $0.name == "Mari'" }, true)
    }

    func testAKnownWordAtTheStartOfAnUnknownNameIsNotThatPlace() {
        let m = NameMatcher(gazetteer: g)
        XCTAssertFalse(g.places(withKey: NameKey.fold("Tall")).isEmpty, "Tall folds like At Tall")
        XCTAssertEqual(m.matches(in: "Shelling hit Tall Qurbizwi on Monday.").map(\.text), [])
        XCTAssertEqual(m.matches(in: "Shelling hit Tall-Qurbizwi on Monday.").map(\.text), [])
        // The name alone, or followed by a cue word, a weekday or another name, is the place.
        XCTAssertEqual(m.matches(in: "Shelling hit al-Tall on Monday.").map(\.text), ["al-Tall"])
        XCTAssertEqual(m.matches(in: "Troops Enter Saraqeb As Fighting Rages").map(\.text), ["Saraqeb"])
        XCTAssertEqual(m.matches(in: "Taftanaz Air Base and Idlib Province were hit.").map(\.text),
                       ["Taftanaz Air Base", "Idlib Province"])
        XCTAssertEqual(m.matches(in: "Saraqeb Thursday, Binnish Friday.").map(\.text), ["Saraqeb", "Binnish"])
    }
}
