import Foundation
import GeoModel
import XCTest
@testable import Extraction
import EventModel

/// Happenings told in every tense and voice, and by their nouns (sentences written for the test).
final class HappeningFormTests: XCTestCase {

    func testTheLemmatizerJoinsInflectionsButNotShortWords() {
        XCTAssertTrue(Lemmas.stems("capturing").contains("capture"))
        XCTAssertTrue(Lemmas.stems("captured").contains("capture"))
        XCTAssertTrue(Lemmas.stems("hitting").contains("hit"))
        XCTAssertTrue(Lemmas.stems("took").contains("take"))
        XCTAssertTrue(Lemmas.stems("shelled").contains("shell"))
        XCTAssertFalse(Lemmas.stems("did").contains { Lemmas.stems("died").contains($0) && $0 != "did" })
        let v = LemmaVocabulary(words: ["captured", "fell", "hit"])
        XCTAssertEqual(v.number(of: "capturing"), v.number(of: "captured"))
        XCTAssertEqual(v.number(of: "captures"), v.number(of: "captured"))
        XCTAssertEqual(v.number(of: "falls"), v.number(of: "fell"))
        XCTAssertEqual(v.number(of: "hits"), v.number(of: "hit"))
        XCTAssertEqual(v.number(of: "capsule"), Vocabulary.unknown)
    }

    func testEveryTenseAndVoiceOfACapture() throws {
        for text in ["Government troops are capturing Sarmin on Monday.", "Government troops captured Sarmin on Monday.",
                     "Sarmin was captured by government troops on Monday.", "Sarmin fell to government troops on Monday.",
                     "Government troops were taking Sarmin on Monday."] {
            let e = try only(text)
            XCTAssertEqual(e.subTypeName, "Government regains territory", text)
            XCTAssertEqual(e.actor1?.name, "Syrian government forces", text)
            XCTAssertEqual(e.place, "Sarmin", text)
            XCTAssertEqual(e.start, .d("2020-02-03"), text)
        }
        let rebels = try only("Sarmin fell to the rebels on Monday.")
        XCTAssertEqual(rebels.subTypeName, "Non-state actor overtakes territory")
        XCTAssertEqual(rebels.actor1?.name, "Rebels")
    }

    func testANounWithItsOwnObjectTellsAHappening() throws {
        let e = try only("Residents reported the capture of Sarmin by government troops on Monday.")
        XCTAssertEqual(e.subTypeName, "Government regains territory")
        XCTAssertEqual(e.actor1?.name, "Syrian government forces")
        let p = try only("Army media listed the captured villages as Sarmin on Monday.")
        XCTAssertEqual(p.place, "Sarmin")
    }

    func testPoundingAndHittingBackAreAttacksCodedByTheirMeans() throws {
        let e = try only("Government artillery kept pounding Sarmin on Monday.")
        XCTAssertEqual(e.subTypeName, "Shelling/artillery/missile attack")
        let back = try only("Turkish troops hit back at Sarmin with heavy weapons on Monday.")
        XCTAssertEqual(back.subTypeName, "Shelling/artillery/missile attack")
        XCTAssertEqual(back.actor1?.name, "Turkish military")
    }
}

extension HappeningFormTests {
    func testATrendAboutHappeningsAndAnInfinitiveTellNoNewHappening() throws {
        XCTAssertTrue(try Fixture.events(" date 2020-02-06 BEIRUT -- The army stepped up its shelling of Sarmin.").isEmpty)
        XCTAssertTrue(try Fixture.events(" date 2020-02-06 BEIRUT -- Rebels said they had every right to attack Sarmin.").isEmpty)
    }

    func testOpeningFireOnPositionsIsShellingUnlessTheMeansSayOtherwise() throws {
        let e = try only("Government troops opened fire on rebel positions in Sarmin on Monday.")
        XCTAssertEqual(e.subTypeName, "Shelling/artillery/missile attack")
        XCTAssertEqual(e.actor1?.name, "Syrian government forces")
    }

    func testAnAttackVerbWhoseSubjectRefersToShellingIsShelling() throws {
        let e = try only("The rocket fire, which the army called reckless, came from rebel lines and hit a checkpoint "
                         + "in the Morek region on Saturday.")
        XCTAssertEqual(e.subTypeName, "Shelling/artillery/missile attack")
        XCTAssertEqual(e.place, "Morek")
        XCTAssertEqual(e.geoPrecision, 2)
    }

    func testATriggerJoinedToAReferringOneRefersToo() throws {
        // "the artillery fire and rocket fire": both name what was told; the main clause resumes after the description.
        let e = try only("According to the army, the artillery fire and rocket fire, which it called reckless, came from "
                         + "rebel lines and hit a checkpoint in the Morek region.")
        XCTAssertEqual(e.place, "Morek")
        XCTAssertEqual(e.category.type, .explosions)
    }

    func testACaptureAfterTheOtherSidePulledOutIsANonViolentTransfer() throws {
        let e = try only("Monitors said government troops took the village of Sarmin on Monday after the rebels pulled out.")
        XCTAssertEqual(e.subTypeName, "Non-violent transfer of territory")
        XCTAssertEqual(e.place, "Sarmin")
        let fought = try only("Monitors said government troops took the village of Sarmin on Monday after heavy fighting.")
        XCTAssertEqual(fought.subTypeName, "Government regains territory")
    }
}

/// Expulsions, with the object between the verb and its particle or not (sentences written for the test).
final class ExpulsionTests: XCTestCase {
    func testDroveTheRebelsOutOfIsAChangeOfControl() throws {
        for text in ["Government troops drove the rebels out of Sarmin on Monday.",
                     "Government troops expelled the insurgents from Sarmin on Monday.",
                     "The rebels were driven out of Sarmin by government troops on Monday."] {
            let e = try XCTUnwrap(try Fixture.events(" date 2020-02-06 BEIRUT -- " + text).first, text)
            XCTAssertEqual(e.subTypeName, "Government regains territory", text)
            XCTAssertEqual(e.place, "Sarmin", text)
            XCTAssertEqual(e.actor1?.name, "Syrian government forces", text)
        }
    }

    func testFamiliesForcedOutOfATownAreNoChangeOfControl() throws {
        let events = try Fixture.events(" date 2020-02-06 BEIRUT -- The bombing forced hundreds of families out of Sarmin.")
        XCTAssertFalse(events.contains { $0.category.type.rawValue == "Battles" }, "\(events.map(\.subTypeName))")
    }
}
