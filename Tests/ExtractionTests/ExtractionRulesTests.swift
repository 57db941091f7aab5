import GeoModel
import XCTest
@testable import Extraction
import EventModel

/// One rule at a time, on sentences written for the test (not the seeds'), with other spellings.
final class ExtractionRulesTests: XCTestCase {

    func testRelativePositionKeepsTheTownsPointWithPrecisionTwo() throws {
        let e = try only("Clashes raged in the north of the town of Sarmin on Thursday.")
        XCTAssertEqual(e.placeID, "geonames:164782")
        XCTAssertEqual(e.geoPrecision, 2)
        XCTAssertEqual(e.direction, "north")
        XCTAssertEqual(e.subTypeName, "Armed clash")
        let w = try only("Turkish armoured vehicles took up positions west of the town of Saraqib on Thursday.")
        XCTAssertEqual(w.direction, "west")
        XCTAssertEqual(w.subTypeName, "Troop deployment/new base")
        XCTAssertEqual(w.actorNames, ["Turkish military"])
    }

    func testUnknownPlaceFallsBackToTheTownNamedNearIt() throws {
        let r = try Fixture.extract(" date 2020-02-06 BEIRUT -- Government jets bombed the village of Kafr Blahta, near Ariha, on Wednesday.")
        XCTAssertEqual(r.events.count, 1)
        let e = try XCTUnwrap(r.events.first)
        XCTAssertEqual(e.place, "Ariha")
        XCTAssertEqual(e.geoPrecision, 2)
        XCTAssertEqual(e.unresolvedPlace, "Kafr Blahta")
        XCTAssertEqual(e.subTypeName, "Air/drone strike")
        XCTAssertEqual(e.start, .d("2020-02-05"))
        XCTAssertTrue(r.warnings.contains { $0.contains("Kafr Blahta") && $0.contains("did you mean") }, "\(r.warnings)")
    }

    func testUnknownPlaceWithoutATownFallsBackToTheProvince() throws {
        let r = try Fixture.extract(" date 2020-02-06 BEIRUT -- Rebels attacked the village of Tall Qurbizwi in Idlib province on Monday.")
        let e = try XCTUnwrap(r.events.first)
        XCTAssertEqual(e.placeID, "pm:gov-idlib")
        XCTAssertEqual(e.geoPrecision, 3)
        XCTAssertEqual(e.unresolvedPlace, "Tall Qurbizwi")
        XCTAssertNotNil(e.coordinate, "a region's event carries its label point")
        XCTAssertEqual(r.warnings.count, 1)
    }

    func testAnUnknownNeighbouringVillageGetsItsOwnEventNearThePlaceNamedBeforeIt() throws {
        let r = try Fixture.extract(" date 2020-02-06 BEIRUT -- Rebels captured the village of Afis and the neighbouring "
                                    + "village of Kafr Dwail on Tuesday.")
        let merged = EventMerger.merge(r.events)
        XCTAssertEqual(merged.count, 2, "\(merged.map { "\($0.place) \($0.unresolvedPlace ?? "-")" })")
        let known = try XCTUnwrap(merged.first { $0.unresolvedPlace == nil })
        XCTAssertEqual(known.place, "Afis")
        XCTAssertEqual(known.geoPrecision, 1)
        let unknown = try XCTUnwrap(merged.first { $0.unresolvedPlace == "Kafr Dwail" })
        XCTAssertEqual(unknown.place, "Afis")
        XCTAssertEqual(unknown.geoPrecision, 2)
        XCTAssertEqual(unknown.subTypeName, "Non-state actor overtakes territory")
        XCTAssertEqual(unknown.start, .d("2020-02-04"))
        XCTAssertNotEqual(unknown.id, known.id)
        XCTAssertEqual(r.warnings.count, 1, "\(r.warnings)")
        XCTAssertTrue(r.warnings[0].contains("'Kafr Dwail'") && r.warnings[0].hasSuffix("event placed near Afis (precision 2)"),
                      r.warnings[0])
    }

    func testAnUnknownVillageBesideAKnownTownGoesNearTheTownOfTheSameHappeningAndTheWarningSaysSo() throws {
        let r = try Fixture.extract(" date 2020-02-06 BEIRUT -- Rebels attacked Sarmin and the village of Tall Qurbizwi "
                                    + "in Idlib province on Monday.")
        let events = EventMerger.merge(r.events)
        XCTAssertEqual(Set(events.map(\.place)), ["Sarmin"])
        let unknown = try XCTUnwrap(events.first { $0.unresolvedPlace == "Tall Qurbizwi" })
        XCTAssertEqual(unknown.placeID, "geonames:164782")
        XCTAssertEqual(unknown.geoPrecision, 2)
        XCTAssertNotNil(events.first { $0.place == "Sarmin" && $0.unresolvedPlace == nil })
        XCTAssertEqual(r.warnings.count, 1, "\(r.warnings)")
        XCTAssertTrue(r.warnings[0].hasSuffix("event placed near Sarmin (precision 2)"), r.warnings[0])
    }

    func testAnUnknownVillageGoesNearTheTownTheNextSentenceRelatesItTo() throws {
        let r = try Fixture.extract(" date 2020-02-06 BEIRUT -- Troops captured the villages of Tall Qurbizwi and Kafr Dwail "
                                    + "on Monday. Both lie north of Ariha.")
        let events = EventMerger.merge(r.events)
        XCTAssertEqual(Set(events.compactMap(\.unresolvedPlace)), ["Tall Qurbizwi", "Kafr Dwail"])
        for e in events {
            XCTAssertEqual(e.place, "Ariha"); XCTAssertEqual(e.geoPrecision, 2); XCTAssertEqual(e.direction, "north")
        }
    }

    func testAKnownVillageFarFromTheTownTheTextPutsItByIsAnotherOfTheSameName() throws {
        // Ta'um lies some 50 km from Khan Shaykhun: "Ta'um, south of Khan Shaykhun" is another village.
        let r = try Fixture.extract(" date 2020-02-06 BEIRUT -- Troops captured the village of Ta'um, south of "
                                    + "Khan Shaykhun, on Monday.")
        let e = try XCTUnwrap(EventMerger.merge(r.events).first)
        XCTAssertEqual(e.unresolvedPlace, "Ta'um")
        XCTAssertEqual(e.place, "Khan Shaykhun")
        XCTAssertEqual(e.geoPrecision, 2)
    }

    func testTheTroopsTookAListOfUnknownVillagesEastOfATown() throws {
        let r = try Fixture.extract(" date 2020-02-06 BEIRUT -- East of Ariha the troops took Tall Qurbizwi, Kafr Dwail "
                                    + "and al-Ghadfa on Monday.")
        let events = EventMerger.merge(r.events)
        XCTAssertEqual(Set(events.compactMap(\.unresolvedPlace)), ["Tall Qurbizwi", "Kafr Dwail", "al-Ghadfa"])
        XCTAssertEqual(events.count, 3, "the town that locates them is no event of its own")
        XCTAssertTrue(events.allSatisfy { $0.place == "Ariha" && $0.direction == "east" })
    }

    func testABareSubjectTakesTheSideNamedInTheSentenceBefore() throws {
        func capture(_ text: String) throws -> Event {
            let events = try Fixture.events(" date 2020-02-06 BEIRUT -- " + text)
            return try XCTUnwrap(events.first { $0.place == "Afis" }, "\(events.map(\.place))")
        }
        let they = try capture("Regime troops advanced toward Sarmin on Sunday. On Tuesday they took the village of Afis.")
        XCTAssertEqual(they.actorNames, ["Syrian government forces"])
        XCTAssertEqual(they.subTypeName, "Government regains territory")
        let rebels = try capture("Insurgents pushed toward Sarmin on Sunday. On Tuesday they captured Afis.")
        XCTAssertEqual(rebels.actorNames, ["Rebels"])
        XCTAssertEqual(rebels.subTypeName, "Non-state actor overtakes territory", "the side decides the sub-type")
        let troops = try capture("Government forces advanced toward Sarmin on Sunday. Troops captured Afis on Tuesday.")
        XCTAssertEqual(troops.actorNames, ["Syrian government forces"])
        // Two sentences back at most; the subject when the sentence before names both sides.
        let both = try capture("Rebels attacked government forces near Sarmin on Sunday. On Tuesday they shelled Afis.")
        XCTAssertEqual(both.actorNames, ["Rebels"])
        // Phrases naming a side keep their name.
        XCTAssertEqual(try capture("Rebels held Sarmin on Sunday. The army seized Afis on Tuesday.").actorNames, ["Syrian government forces"])
    }

    func testABareSubjectStaysUnnamedWhenNothingFitsOrItIsActedOn() throws {
        func actors(_ text: String) throws -> [String] {
            let events = try Fixture.events(" date 2020-02-06 BEIRUT -- " + text)
            return try XCTUnwrap(events.first { $0.place == "Afis" }, "\(events.map(\.place))").actorNames
        }
        // No side in the two sentences before (civilians do not fit "they"; a capital as a place names no troops).
        XCTAssertEqual(try actors("Civilians fled Sarmin on Sunday. On Tuesday they took the village of Afis."), [])
        XCTAssertEqual(try actors("The road to Damascus was cut on Sunday. On Tuesday troops captured Afis."), [])
        XCTAssertEqual(try actors("Rebels advanced on Sunday. The day was cold. Rain fell. On Tuesday they captured Afis."), [],
                       "more than two sentences back")
        // A passive subject is acted on, not acting.
        XCTAssertFalse(try actors("Turkish troops entered Idlib province on Sunday. On Tuesday forces were shelled in Afis.")
            .contains("Turkish military"))
        // Neither side is the subject of the sentence before: ambiguous, no actor rather than a wrong one.
        XCTAssertEqual(try actors("On Sunday the clashes between rebels and government forces went on. On Tuesday they captured Afis."), [])
    }

    func testASideNamedAboutAnArrangementIsNoActorOfTheHappening() throws {
        XCTAssertEqual(try only("Rebels shelled Sarmin on Monday under an agreement with Russia.").actorNames, ["Rebels"])
        XCTAssertEqual(try only("Turkish forces clashed with Syrian troops on Monday in Idlib province, near the posts that "
                                + "Turkey keeps under its deal with Russia.").actorNames, ["Turkish military", "Syrian government forces"])
        XCTAssertEqual(try only("Rebels attacked government positions on Monday near Sarmin, in breach of a ceasefire "
                                + "between Moscow and Ankara.").actorNames, ["Rebels", "Syrian government forces"])
        // The sides of the happening itself still count, after a preposition too.
        XCTAssertEqual(try only("Rebels clashed with Turkish troops near Sarmin on Monday.").actorNames, ["Rebels", "Turkish military"])
        XCTAssertEqual(try only("Sarmin was shelled on Monday by Russian jets.").actorNames.first, "Russian military")
    }

    func testSeveralPlacesForOneHappeningGiveOneEventEach() throws {
        let events = try Fixture.events(" date 2020-02-06 BEIRUT -- Turkish troops deployed in Sarmin, Afis and Binnish on Thursday.")
        XCTAssertEqual(Set(events.map(\.place)), ["Sarmin", "Afis", "Binnish"])
        XCTAssertEqual(Set(events.map(\.id)).count, 3)
        XCTAssertTrue(events.allSatisfy { $0.actorNames == ["Turkish military"] && $0.start == .d("2020-02-06") })
    }

    func testStatementsAreSeparateAndHaveNoCoordinates() throws {
        let r = try Fixture.extract(" date 2020-02-06 BEIRUT -- The Kremlin said on Thursday that talks with Ankara would continue.")
        XCTAssertTrue(r.events.isEmpty)
        XCTAssertEqual(r.statements.count, 1)
        XCTAssertEqual(r.statements[0].kind, .statement)
        XCTAssertNil(r.statements[0].coordinate)
    }

    func testAttributionDoesNotMakeAStatement() throws {
        let e = try only("A monitoring group said Russian warplanes attacked Teftanaz on Thursday.")
        XCTAssertEqual(e.kind, .event)
        XCTAssertEqual(e.place, "Taftanaz")
        XCTAssertEqual(e.subTypeName, "Air/drone strike")
        XCTAssertEqual(e.actorNames, ["Russian military"])
    }

    func testPlacesAbroadAndTheDatelineNeverGetEvents() throws {
        let events = try Fixture.events(" date 2020-02-06 MOSCOW -- In Ankara, officials said government shelling killed four Turkish soldiers and two civilians in Idlib province on Monday.")
        XCTAssertEqual(events.count, 1)
        let e = try XCTUnwrap(events.first)
        XCTAssertEqual(e.placeID, "pm:gov-idlib")
        XCTAssertEqual(e.fatalities, 6)
        XCTAssertEqual(e.fatalitiesDetail, "4 Turkish soldiers; 2 civilians")
        XCTAssertEqual(e.actorNames.first, "Syrian government forces")
        XCTAssertEqual(e.subTypeName, "Shelling/artillery/missile attack")
        XCTAssertEqual(e.start, .d("2020-02-03"))
    }

    func testClaimsAreMarkedAndTheClaimantActs() throws {
        let e = try only("Damascus said its forces killed 30 militants near Neyrab on Wednesday.")
        XCTAssertTrue(e.claimed)
        XCTAssertNil(e.fatalities, "a side's claim of enemy dead is not a reported toll")
        XCTAssertEqual(e.fatalitiesClaimed, 30)
        XCTAssertEqual(e.place, "Nairab")
        XCTAssertEqual(e.geoPrecision, 2)
        XCTAssertEqual(e.actorNames, ["Syrian government forces", "Militants"])
        let a = try only("A drone strike hit a government convoy near Teftanaz on Tuesday, killing 9 soldiers, according to Ankara.")
        XCTAssertTrue(a.claimed)
        XCTAssertEqual(a.actorNames.first, "Turkish military")
    }

    func testDisplacedPeopleAreNotFatalities() throws {
        let e = try only("More than 40,000 people fled Ariha this week, the U.N. said.")
        XCTAssertEqual(e.subTypeName, "Displacement")
        XCTAssertEqual(e.displaced, 40_000)
        XCTAssertNil(e.fatalities)
        XCTAssertEqual(e.actorNames, ["Civilians"])
        XCTAssertEqual(e.start, .d("2020-02-03"))
        XCTAssertEqual(e.end, .d("2020-02-06"))
    }

    func testTerritoryIsCodedByWhoTookIt() throws {
        XCTAssertEqual(try only("Rebels seized the town of Khan Sheikhoun in August.").subTypeName, "Non-state actor overtakes territory")
        XCTAssertEqual(try only("Syrian troops captured Saraqib on Wednesday.").subTypeName, "Government regains territory")
    }

    func testUndatedHappeningsHaveNullDates() throws {
        let e = try only("Two Russian soldiers were killed in Idlib province, the ministry said without saying when.")
        XCTAssertEqual(e.datePrecision, .unknown)
        XCTAssertNil(e.start)
        XCTAssertEqual(e.actorNames.first, Actor.unidentified.name)
    }

    func testBackgroundAndAimsTellNoHappening() throws {
        XCTAssertTrue(try Fixture.events(" date 2020-02-06 BEIRUT -- Ariha is home to 40,000 people displaced by fighting.").isEmpty)
        XCTAssertTrue(try Fixture.events(" date 2020-02-06 BEIRUT -- Ankara urged Moscow to stop the offensive on Saraqib.").isEmpty)
        XCTAssertTrue(try Fixture.events(" date 2020-02-06 BEIRUT -- To head off an assault on Saraqib, Ankara keeps four posts around it.").isEmpty)
        XCTAssertTrue(try Fixture.events(" date 2020-02-06 BEIRUT -- Villagers dug shelters in Ariha to ward off air strikes.").isEmpty)
        XCTAssertTrue(try Fixture.events(" date 2020-02-06 BEIRUT -- Eight Russian patrols are deployed across the Idlib countryside.").isEmpty,
                      "a standing deployment is a state, not a happening")
    }

    func testBareGovernorateNameIsTheProvinceOnlyWhenTheReportSaysSo() throws {
        let a = try Fixture.events(" date 2020-02-06 BEIRUT -- Jets bombed Idleb province on Monday. Shelling hit Idleb on Tuesday.")
        XCTAssertTrue(a.allSatisfy { $0.placeID == "pm:gov-idlib" }, "\(a.map(\.place))")
        let b = try Fixture.events(" date 2020-02-06 BEIRUT -- Shelling hit Idleb on Tuesday.")
        XCTAssertEqual(b.first?.placeID, "geonames:169389")
    }

    func testIdsAreStableAcrossRunsAndDistinctAcrossSentences() throws {
        let text = " date 2020-02-06 BEIRUT -- Jets bombed Sarmin on Monday. Jets bombed Afis on Tuesday."
        let a = try Fixture.events(text), b = try Fixture.events(text)
        XCTAssertEqual(a.map(\.id), b.map(\.id))
        XCTAssertEqual(Set(a.map(\.id)).count, 2)
        XCTAssertTrue(a.allSatisfy { $0.id.count == 16 && $0.id.allSatisfy(\.isHexDigit) })
        XCTAssertNotEqual(try Fixture.events(text, name: "other.txt").map(\.id), a.map(\.id))
    }
}

extension ExtractionRulesTests {
    func testAnUnknownNearbyVillageGoesByTheHappeningToldBeforeIt() throws {
        let events = try Fixture.events(" date 2020-02-06 BEIRUT -- Jets bombed Sarmin on Monday. On Tuesday air strikes killed "
                                        + "two civilians in nearby Kafr Dwail and one in the town of Binnish.")
        let e = try XCTUnwrap(events.first { $0.unresolvedPlace == "Kafr Dwail" })
        XCTAssertEqual(e.place, "Sarmin"); XCTAssertEqual(e.geoPrecision, 2)
    }

    func testARetaliationWithoutAPlaceTakesThePlaceOfTheAttackItAnswers() throws {
        let events = try Fixture.events(" date 2020-02-06 BEIRUT -- Government artillery shelled a Turkish post in Sarmin on "
                                        + "Monday. That prompted Turkish retaliation against government positions with rockets.")
        let r = try XCTUnwrap(events.first { $0.actor1?.name == "Turkish military" })
        XCTAssertEqual(r.place, "Sarmin"); XCTAssertEqual(r.subTypeName, "Shelling/artillery/missile attack")
        XCTAssertEqual(r.start, .d("2020-02-03"))
    }

    func testAnUnknownVillageWestOfAnAirBaseGoesNearTheBase() throws {
        let events = try Fixture.events(" date 2020-02-06 BEIRUT -- The army opened a front west of the Taftanaz air base, "
                                        + "where troops took Kafr Dwail on Monday.")
        let e = try XCTUnwrap(events.first { $0.unresolvedPlace == "Kafr Dwail" })
        XCTAssertEqual(e.placeID, "pm:taftanaz-airbase"); XCTAssertEqual(e.geoPrecision, 2)
    }
}

extension ExtractionRulesTests {
    func testAnAppositionAfterAPlaceIsThatPlace() throws {
        let events = try Fixture.events(" date 2020-02-06 BEIRUT -- Two villages lie north of Sarmin, a town the army had "
                                        + "captured the previous Monday. Troops captured Ariha on Wednesday.")
        let s = try XCTUnwrap(events.first { $0.place == "Sarmin" })
        XCTAssertEqual(s.geoPrecision, 1); XCTAssertEqual(s.subTypeName, "Government regains territory")
    }

    func testATollOfAHappeningToldBeforeJoinsItInsteadOfMakingAnother() throws {
        let events = try Fixture.events(" date 2020-02-06 BEIRUT -- Troops captured Sarmin on Monday. The death toll in Sarmin "
                                        + "rose after 12 fighters were killed.")
        XCTAssertEqual(events.count, 1, "\(events.map(\.subTypeName))")
        XCTAssertEqual(events.first?.fatalities, 12)
    }

    func testTheEndsOfABoundaryAreNoEventPlaces() throws {
        let events = try Fixture.events(" date 2020-02-06 BEIRUT -- Turkish troops shelled villages along the boundary "
                                        + "between Sarmin and Ariha on Monday.")
        XCTAssertFalse(events.contains { $0.place == "Sarmin" || $0.place == "Ariha" })
    }
}

extension ExtractionRulesTests {
    func testAnUnknownWordBeforeAKnownNameMakesOneUnknownName() throws {
        let r = try Fixture.extract(" date 2020-02-06 BEIRUT -- Troops captured the villages of Tall Qurbizwi and Jub Sarmin "
                                    + "on Monday. Both lie north of Ariha.")
        let names = Set(EventMerger.merge(r.events).compactMap(\.unresolvedPlace))
        XCTAssertEqual(names, ["Tall Qurbizwi", "Jub Sarmin"])
    }

    func testAnAppositionNamingAProvinceMakesTheBareNameTheProvince() throws {
        let e = try XCTUnwrap(try Fixture.events(" date 2020-02-06 BEIRUT -- Jets struck villages at the edge of Idlib, the "
                                                 + "northwestern province, on Monday.").first)
        XCTAssertEqual(e.placeID, "pm:gov-idlib")
    }

    func testTheHillsOfAVillageLocateNothingElse() throws {
        let r = try Fixture.extract(" date 2020-02-06 BEIRUT -- Troops captured the village of Tall Qurbizwi and the Binnish "
                                    + "hills on Monday. They are close to Ariha.")
        let e = try XCTUnwrap(EventMerger.merge(r.events).first { $0.unresolvedPlace == "Tall Qurbizwi" })
        XCTAssertEqual(e.place, "Ariha")
    }
}

extension ExtractionRulesTests {
    func testATownFarFromTheTownItIsDescribedByIsStillThatTown() throws {
        // Binnish (a town) lies some 30 km from Khan Shaykhun: a town is not taken for a namesake outside a list.
        let e = try XCTUnwrap(try Fixture.events(" date 2020-02-06 BEIRUT -- Troops entered Binnish, a town north of "
                                                 + "Khan Shaykhun, on Monday.").first)
        XCTAssertNil(e.unresolvedPlace)
        XCTAssertEqual(e.place, "Binnish")
    }

    func testAListAfterACaptureReadsNamesWithTheArticleJoinedOn() throws {
        // "alQusour": the article written onto the name; the list goes on past it to the unknown name at its end.
        let events = try Fixture.events(" date 2020-02-06 BEIRUT -- Government troops took alQusour, Binnish and Tall "
                                        + "Marzouq on Monday.")
        XCTAssertEqual(Set(events.compactMap(\.unresolvedPlace)), ["alQusour", "Tall Marzouq"])
        XCTAssertTrue(events.contains { $0.place == "Binnish" && $0.geoPrecision == 1 })
    }

    func testAHeadlineSumsUpTheBodyAndTellsNoEventOfItsOwn() throws {
        let both = try Fixture.events("Army shells rebel towns near Ariha\n\nGovernment artillery shelled Sarmin on Monday, "
                                      + "monitors said.")
        XCTAssertEqual(both.map(\.place), ["Sarmin"])
        let alone = try Fixture.events("Army shells rebel towns near Ariha\n\nMonitors said talks would resume next week.")
        XCTAssertEqual(alone.map(\.place), ["Ariha"], "with no such happening in the body, the headline's stays")
    }
}
