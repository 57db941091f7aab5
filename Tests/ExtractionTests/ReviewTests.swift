import Foundation
import GeoModel
import XCTest
@testable import Extraction
import EventModel

/// The review list `placemap map` writes as review.csv (sentences written for the test).
final class ReviewTests: XCTestCase {
    func review(_ text: String) throws -> [ReviewItem] {
        let r = try Fixture.extract(text)
        return ReviewList.build(events: EventMerger.merge(r.events), weak: r.review)
    }

    func testEveryUnknownPlaceIsListedWithItsSentence() throws {
        let items = try review(" date 2020-02-06 BEIRUT -- Troops captured the village of Tall Qurbizwi, near Ariha, on Monday.")
        let item = try XCTUnwrap(items.first { $0.reason == .unknownPlace })
        XCTAssertEqual(item.name, "Tall Qurbizwi")
        XCTAssertTrue(item.placedAt.hasPrefix("Ariha"))
        XCTAssertTrue(item.sentence.hasPrefix("Troops captured"))
        XCTAssertNotNil(item.eventID)
    }

    func testAnEventFarFromTheReportsOtherEventsIsListed() throws {
        // Ariha and Sarmin are close; Tall Abyad lies some 250 km east.
        let items = try review(" date 2020-02-06 BEIRUT -- Jets bombed Ariha on Monday. Rebels shelled Sarmin on Monday. "
                               + "Turkish troops shelled Tall Abyad on Monday.")
        XCTAssertEqual(items.filter { $0.reason == .farFromOthers }.map(\.name), ["Tall Abyad"])
    }

    func testAReasonIsAClosedSet() {
        XCTAssertEqual(ReviewReason.allCases.map(\.rawValue), ["unknown_place", "weak_resolution", "far_from_other_events"])
    }
}
