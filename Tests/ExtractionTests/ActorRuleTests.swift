import Foundation
import GeoModel
import XCTest
@testable import Extraction
import EventModel

/// Who acted, in constructions written for the test.
final class ActorRuleTests: XCTestCase {
    func testAnAirStrikeWithNoOneNamedTakesTheSideOfTheAirStrikeToldBefore() throws {
        let events = try Fixture.events(" date 2020-02-06 BEIRUT -- Government warplanes bombed Sarmin on Monday, killing "
                                        + "three civilians. On Tuesday, air strikes killed two civilians in Ariha.")
        let ariha = try XCTUnwrap(events.first { $0.place == "Ariha" })
        XCTAssertEqual(ariha.subTypeName, "Air/drone strike")
        XCTAssertEqual(ariha.actor1?.name, "Syrian government air force")
        let alone = try Fixture.events(" date 2020-02-06 BEIRUT -- On Tuesday, air strikes killed two civilians in Ariha.")
        XCTAssertEqual(alone.first?.actor1?.name, Actor.unidentified.name, "no side told before: unidentified")
    }

    func testFactionsAreRebels() throws {
        let e = try XCTUnwrap(try Fixture.events(" date 2020-02-06 BEIRUT -- Armed factions seized Sarmin on Monday.").first)
        XCTAssertEqual(e.actor1?.name, "Rebels")
        XCTAssertEqual(e.subTypeName, "Non-state actor overtakes territory")
    }
}

extension ActorRuleTests {
    func testAChangeOfControlWithNoOneNamedTakesTheSideOfTheLastOneTold() throws {
        let events = try Fixture.events(" date 2020-02-06 BEIRUT -- Government troops captured Sarmin on Monday. "
                                        + "State media listed the captured villages as Ariha and Binnish.")
        XCTAssertEqual(Set(events.map(\.place)), ["Sarmin", "Ariha", "Binnish"])
        XCTAssertTrue(events.allSatisfy { $0.actor1?.name == "Syrian government forces" }, "\(events.map(\.actorNames))")
    }
}

extension ActorRuleTests {
    func testTheLeadsPlacelessSummaryOfAHappeningToldAtAPlaceIsLeftOut() throws {
        let events = try Fixture.events(" date 2020-02-06 BEIRUT -- Ten civilians died in government air strikes on Monday."
                                        + "\n\nJets bombed a market in Sarmin on Monday, killing ten civilians.")
        XCTAssertEqual(events.map(\.place), ["Sarmin"])
    }

    func testABareSubjectAfterSeveralNamesOfOneSideTakesThatSide() throws {
        let events = try Fixture.events(" date 2020-02-06 BEIRUT -- The offensive of the factions and jihadi groups went on. "
                                        + "On Monday they seized Sarmin.")
        XCTAssertEqual(events.first?.actor1?.name, "Rebels")
    }
}

extension ActorRuleTests {
    func testByBeforeANameMakesItsSideTheAgent() throws {
        let e = try XCTUnwrap(try Fixture.events(" date 2020-02-06 BEIRUT -- Air strikes by the Bashar al Assad regime hit "
                                                 + "Sarmin on Monday.").first)
        XCTAssertEqual(e.actor1?.name, "Syrian government air force")
    }

    func testTwoKindsOfStrikeJoinedByAndAreTwoEventsWithTheirOwnTolls() throws {
        let events = try Fixture.events(" date 2020-02-06 BEIRUT -- On Monday shelling killed six civilians in Sarmin, and an "
                                        + "air strike killed four people in Ariha.")
        let sarmin = try XCTUnwrap(events.first { $0.place == "Sarmin" })
        let ariha = try XCTUnwrap(events.first { $0.place == "Ariha" })
        XCTAssertEqual(sarmin.subTypeName, "Shelling/artillery/missile attack"); XCTAssertEqual(sarmin.fatalities, 6)
        XCTAssertEqual(ariha.subTypeName, "Air/drone strike"); XCTAssertEqual(ariha.fatalities, 4)
        XCTAssertEqual(ariha.start, .d("2020-02-03"))
    }
}

extension ActorRuleTests {
    func testABareSubjectAfterADateWithANumberTakesTheSideToldBefore() throws {
        // "on day two" is a date, not a count of people ("two of them").
        let events = try Fixture.events(" date 2020-02-06 BEIRUT -- On Monday rebel factions seized Sarmin. "
                                        + "On day two they struck Binnish.")
        let binnish = try XCTUnwrap(events.first { $0.place == "Binnish" })
        XCTAssertEqual(binnish.actor1?.name, "Rebels")
        XCTAssertEqual(binnish.start, .d("2020-02-04"))
    }
}

extension ActorRuleTests {
    func testBareTroopsAreTheHomeGovernmentsAndANationalityStillWins() throws {
        let e = try XCTUnwrap(try Fixture.events(" date 2020-02-06 BEIRUT -- Clashes between troops and insurgents near Ariha "
                                                 + "went on all Monday.").first)
        XCTAssertEqual(Set(e.actorNames), ["Syrian government forces", "Rebels"])
        let b = try XCTUnwrap(try Fixture.events(" date 2020-02-06 BEIRUT -- Fighting between rebels and soldiers raged in Ariha on Monday.").first)
        XCTAssertEqual(Set(b.actorNames), ["Syrian government forces", "Rebels"])
        let t = try XCTUnwrap(try Fixture.events(" date 2020-02-06 BEIRUT -- Turkish troops shelled Sarmin on Monday.").first)
        XCTAssertEqual(t.actor1?.name, "Turkish military")
    }
}

/// A happening told as undergone: the side named before it was acted on (sentences written for the test).
final class UndergoneVoiceTests: XCTestCase {
    func testTheSubjectOfAPassiveIsActedOnAndTheByPhraseActed() throws {
        let e = try XCTUnwrap(try Fixture.events(" date 2020-03-10 BEIRUT -- A Turkish army post near Sarmin was "
                                                 + "reportedly shelled by Syrian government forces on Monday.").first)
        XCTAssertEqual(e.actor1?.name, "Syrian government forces")
        XCTAssertEqual(e.actor2?.name, "Turkish military")
        let active = try XCTUnwrap(try Fixture.events(" date 2020-03-10 BEIRUT -- Turkish troops shelled Syrian "
                                                      + "government positions near Sarmin on Monday.").first)
        XCTAssertEqual(active.actor1?.name, "Turkish military", "the active voice keeps its subject as the one who acted")
    }

    func testCameUnderFireFromNamesWhoFired() throws {
        let e = try XCTUnwrap(try Fixture.events(" date 2020-03-10 BEIRUT -- A rebel convoy near Binnish came under "
                                                 + "heavy fire from Russian forces on Monday.").first)
        XCTAssertEqual(e.category.type.rawValue, "Battles", "a convoy under fire is an attack, not a movement")
        XCTAssertEqual(e.actor1?.name, "Russian military")
        XCTAssertEqual(e.actor2?.name, "Rebels")
    }

    func testTheSideWoundedInAnAttackWasActedOnAndBlameNamesWhoActed() throws {
        let e = try XCTUnwrap(try Fixture.events(" date 2020-03-10 BEIRUT -- Two Turkish soldiers were wounded in an "
                                                 + "attack on an observation post near Sarmin on Monday that Ankara blamed "
                                                 + "on Syrian government forces.").first)
        XCTAssertEqual(e.subTypeName, "Shelling/artillery/missile attack", "an attack on a post with no fighting told")
        XCTAssertEqual(e.actor1?.name, "Syrian government forces")
        XCTAssertEqual(e.actor2?.name, "Turkish military")
    }
}

/// Victims counted one by one (sentences written for the test).
final class SingleVictimTests: XCTestCase {
    func testOnePersonAWomanAndTwoBoysAreCounted() throws {
        let one = try XCTUnwrap(try Fixture.events(" date 2022-05-20 KYIV -- Missiles struck a market in Kherson on "
                                                   + "Thursday, killing at least one person and wounding four others.").first)
        XCTAssertEqual(one.fatalities, 1)
        let three = try XCTUnwrap(try Fixture.events(" date 2022-05-20 KYIV -- Missiles struck a market in Kherson on "
                                                     + "Thursday, killing a woman and two boys.").first)
        XCTAssertEqual(three.fatalities, 3)
    }
}

/// A side's word on its own deed with the day of the saying between (sentences written for the test).
final class ClaimAfterDayTests: XCTestCase {
    func testSaidOnMondayTheyHadSeizedIsTheSpeakersClaimedDeed() throws {
        let e = try XCTUnwrap(try Fixture.events(" date 2023-11-06 KHARTOUM -- The Rapid Support Forces said on Monday "
                                                 + "they had seized the army base in Ardamata.", date: "2023-11-06").first)
        XCTAssertEqual(e.actor1?.name, "Rapid Support Forces")
        XCTAssertEqual(e.subTypeName, "Non-state actor overtakes territory")
        XCTAssertTrue(e.claimed)
    }
}

extension ClaimAfterDayTests {
    func testATollToldByTheSideThatActedIsItsClaim() throws {
        let e = try XCTUnwrap(try Fixture.events(" date 2023-11-06 KHARTOUM -- Army drones struck RSF positions in Omdurman "
                                                 + "on Sunday, killing 40 fighters, the army said.", date: "2023-11-06").first)
        XCTAssertNil(e.fatalities, "the attacker's count of enemy dead is no reported toll")
        XCTAssertEqual(e.fatalitiesClaimed, 40)
        XCTAssertTrue(e.claimed)
        let told = try XCTUnwrap(try Fixture.events(" date 2023-11-06 KHARTOUM -- Army drones struck RSF positions in "
                                                    + "Omdurman on Sunday, killing 40 fighters, medics said.", date: "2023-11-06").first)
        XCTAssertEqual(told.fatalities, 40, "a toll told by others stands")
    }
}

/// A clash told by its dead (sentences written for the test).
final class ClashByItsDeadTests: XCTestCase {
    func testTheTwoSidesThatLostPeopleInAClashFoughtIt() throws {
        let e = try XCTUnwrap(try Fixture.events(" date 2020-02-06 BEIRUT -- At least 12 soldiers and nine insurgents "
                                                 + "were killed in clashes near Sarmin on Monday.").first)
        XCTAssertEqual(e.subTypeName, "Armed clash")
        XCTAssertEqual(e.fatalities, 21)
        XCTAssertEqual(Set([e.actor1?.name, e.actor2?.name].compactMap { $0 }), ["Syrian government forces", "Rebels"])
        let one = try XCTUnwrap(try Fixture.events(" date 2020-02-06 BEIRUT -- Twelve Turkish soldiers were killed in "
                                                   + "clashes near Sarmin on Monday.").first)
        XCTAssertEqual(one.actor1?.name, Actor.unidentified.name, "one side's dead alone do not tell who it fought")
        XCTAssertEqual(one.actor2?.name, "Turkish military")
    }
}

/// A participle that describes a side (sentences written for the test).
final class DescribingParticipleTests: XCTestCase {
    func testASideFightingSomeoneIsADescriptionWithoutADateOfItsOwn() throws {
        let events = try Fixture.events(" date 2020-02-06 BEIRUT -- Rebels seized Sarmin on Monday.\n\nThe town lies on "
                                        + "the road held by an alliance fighting the government in the north.")
        XCTAssertEqual(events.map(\.subTypeName), ["Non-state actor overtakes territory"], "\(events.map(\.subTypeName))")
        let dated = try Fixture.events(" date 2020-02-06 BEIRUT -- Rebel forces fighting government troops near Sarmin "
                                       + "on Monday lost two commanders.")
        XCTAssertEqual(dated.first?.subTypeName, "Armed clash", "with a date of its own it tells a fight")
    }
}
