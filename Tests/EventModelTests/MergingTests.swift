import GeoModel
import XCTest
@testable import EventModel

/// Merging on events built for the test.
final class MergingTests: XCTestCase {
    func event(_ id: String, report: String, offset: Int, sub: SubEventType = .armedClash,
               start: String? = "2020-02-06", end: String? = nil, place: String = "Saraqib", placeID: String = "geonames:164816",
               lon: Double = 36.80591, lat: Double = 35.86447, precision: Int = 1, actors: [String] = [],
               fatalities: Int? = nil, admin1: String = "Idlib") -> Event {
        let s = start.map { Day(iso: $0)! }, e = (end ?? start).map { Day(iso: $0)! }
        return Event(id: id, category: EventCategory(sub), start: s, end: e,
                     datePrecision: s == nil ? .unknown : (s == e ? .day : .span), place: place, placeID: placeID,
                     coordinate: Coordinate(lon: lon, lat: lat), geoPrecision: precision, admin1: admin1,
                     actor1: actors.first.map { Actor($0) }, actor2: actors.dropFirst().first.map { Actor($0) },
                     assocActor2: actors.dropFirst(2).map { Actor($0) }, fatalities: fatalities,
                     sources: [EventSource(report: report, sentence: "s", charStart: offset, charEnd: offset + 1)])
    }

    func testTheSameHappeningFromTwoReportsIsOneEventWithBothSources() {
        let a = event("b", report: "002.txt", offset: 50, actors: ["Syrian government forces"], fatalities: 3)
        let b = event("a", report: "001.txt", offset: 90, actors: ["Syrian government forces", "Rebels"], fatalities: 5)
        let m = EventMerger.merge([a, b])
        XCTAssertEqual(m.count, 1)
        XCTAssertEqual(m[0].id, "a", "the id of the earliest source")
        XCTAssertEqual(m[0].sources.map(\.report), ["001.txt", "002.txt"])
        XCTAssertEqual(m[0].actorNames, ["Syrian government forces", "Rebels"])
        XCTAssertEqual(m[0].fatalities, 5)
    }

    func testDifferentHappeningsNeverMerge() {
        let base = event("a", report: "001.txt", offset: 0)
        let otherType = event("b", report: "002.txt", offset: 0, sub: .siege)
        let farPlace = event("c", report: "002.txt", offset: 10, place: "Afis", placeID: "geonames:174191", lon: 36.90, lat: 36.00)
        let otherDay = event("d", report: "002.txt", offset: 20, start: "2020-02-03")
        let otherAgent = event("e", report: "002.txt", offset: 30, actors: ["Rebels"])
        let withAgent = event("f", report: "003.txt", offset: 0, actors: ["Syrian government forces"])
        XCTAssertEqual(EventMerger.merge([base, otherType, farPlace, otherDay]).count, 4)
        XCTAssertEqual(EventMerger.merge([withAgent, otherAgent]).count, 2, "different sides acting")
    }

    func testAnEventStandingForAnUnknownPlaceIsNeverSwallowed() {
        let town = event("a", report: "001.txt", offset: 0, actors: ["Rebels"])
        var unknown = event("b", report: "001.txt", offset: 0, precision: 2, actors: ["Rebels"])
        unknown.unresolvedPlace = "Kafr Blahta"
        var again = event("c", report: "002.txt", offset: 40, precision: 2, actors: ["Rebels"])
        again.unresolvedPlace = "kafr blahta"
        var other = event("d", report: "002.txt", offset: 80, precision: 2, actors: ["Rebels"])
        other.unresolvedPlace = "Tall Qurbizwi"
        let m = EventMerger.merge([town, unknown, again, other])
        XCTAssertEqual(m.count, 3, "\(m.map { ($0.id, $0.unresolvedPlace ?? "-") })")
        XCTAssertEqual(m.first { $0.unresolvedPlace == nil }?.sources.count, 1)
        XCTAssertEqual(m.first { $0.unresolvedPlace == "Kafr Blahta" }?.sources.map(\.report), ["001.txt", "002.txt"],
                       "the same unknown name (any case) is one happening")
        XCTAssertEqual(m.first { $0.unresolvedPlace == "Tall Qurbizwi" }?.sources.count, 1)
        // A province-wide summary does not fold into the event of an unknown place either.
        var region = event("r", report: "001.txt", offset: 200, place: "Idlib Governorate", placeID: "pm:gov-idlib",
                           precision: 3, actors: ["Rebels"])
        region.unresolvedPlace = nil
        XCTAssertEqual(EventMerger.merge([unknown, region]).count, 2)
    }

    func testSpansOverlappingADayMergeIntoTheUnion() {
        let a = event("a", report: "001.txt", offset: 0, start: "2020-02-05", end: "2020-02-06")
        let b = event("b", report: "002.txt", offset: 0, start: "2020-02-06")
        let m = EventMerger.merge([a, b])
        XCTAssertEqual(m.count, 1)
        XCTAssertEqual(m[0].start, Day(iso: "2020-02-05"))
        XCTAssertEqual(m[0].end, Day(iso: "2020-02-06"))
        XCTAssertEqual(m[0].datePrecision, .span)
    }

    func testNearbyPointsMergeAndTheMorePrecisePlaceWins() {
        let a = event("a", report: "001.txt", offset: 0, precision: 2)
        let b = event("b", report: "002.txt", offset: 0, place: "Saraqib east", placeID: "x:1", lon: 36.82, lat: 35.865)
        let m = EventMerger.merge([a, b])
        XCTAssertEqual(m.count, 1)
        XCTAssertEqual(m[0].placeID, "x:1")
        XCTAssertEqual(m[0].geoPrecision, 1)
    }

    func testARegionSummaryFoldsIntoThePreciseTellingOfTheSameReport() {
        let town = event("t", report: "001.txt", offset: 100, sub: .armedClash, precision: 2)
        let region = event("r", report: "001.txt", offset: 0, place: "Idlib Governorate", placeID: "pm:gov-idlib",
                           lon: 36.7, lat: 35.7, precision: 3, actors: ["Syrian government forces"])
        let elsewhere = event("o", report: "002.txt", offset: 0, place: "Idlib Governorate", placeID: "pm:gov-idlib",
                              lon: 36.7, lat: 35.7, precision: 3, actors: ["Rebels"])
        let m = EventMerger.merge([town, region, elsewhere])
        XCTAssertEqual(m.count, 2)
        let merged = m.first { $0.sources.count == 2 }
        XCTAssertEqual(merged?.placeID, "geonames:164816")
        XCTAssertEqual(merged?.actorNames, ["Syrian government forces"])
    }

    func testARegionSummaryWithADeathTollFoldsIntoTheTellingWithTheSameToll() {
        // A lead ("eight died when jets hit a town in the province") and two towns struck that day, one with eight dead.
        let market = event("m", report: "001.txt", offset: 200, sub: .airStrike, fatalities: 8)
        let other = event("o", report: "001.txt", offset: 300, sub: .airStrike, place: "Maarrat al-Numan",
                          placeID: "geonames:169304", lon: 36.6717, lat: 35.6433)
        let lead = event("l", report: "001.txt", offset: 0, sub: .airStrike, place: "Idlib Governorate",
                         placeID: "pm:gov-idlib", lon: 36.7, lat: 35.7, precision: 3, fatalities: 8)
        let m = EventMerger.merge([market, other, lead])
        XCTAssertEqual(m.count, 2, "\(m.map(\.id))")
        let merged = m.first { $0.sources.count == 2 }
        XCTAssertEqual(merged?.placeID, "geonames:164816")
        XCTAssertEqual(merged?.fatalities, 8)
        XCTAssertEqual(m.first { $0.placeID == "geonames:169304" }?.sources.count, 1, "no death is counted twice")
        // With two tellings of the same toll the lead names neither: it stays.
        var twin = other; twin.fatalities = 8
        XCTAssertEqual(EventMerger.merge([market, twin, lead]).count, 3)
    }

    func testMergingIsDeterministicWhateverTheInputOrder() {
        var events: [Event] = []
        for k in 0..<12 {
            events.append(event("e\(k)", report: "00\(k % 3).txt", offset: k * 10, start: k % 2 == 0 ? "2020-02-06" : "2020-02-03",
                                actors: k % 4 == 0 ? ["Rebels"] : []))
        }
        let reference = EventMerger.merge(events)
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<10 {
            XCTAssertEqual(EventMerger.merge(events.shuffled(using: &rng)), reference)
        }
    }

    func testUndatedEventsMergeOnlyWithUndated() {
        let a = event("a", report: "001.txt", offset: 0, start: nil)
        let b = event("b", report: "002.txt", offset: 0, start: nil)
        let c = event("c", report: "003.txt", offset: 0)
        XCTAssertEqual(EventMerger.merge([a, b, c]).count, 2)
    }
}
