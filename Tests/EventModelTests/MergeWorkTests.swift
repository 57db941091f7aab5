import GeoModel
import XCTest
@testable import EventModel

/// Issue 15, reproducer H2a (`Tests/Fuzz/cases/long-report-superlinear`): a report of one sentence said 10^5
/// times made merging sort the growing list of sources once per telling (N² work). Each source is now sorted
/// once; the test counts that work rather than timing it.
final class MergeWorkTests: XCTestCase {
    func telling(_ i: Int, report: String = "r.txt", unsortedExtra: Bool = false) -> Event {
        var sources = [EventSource(report: report, sentence: "s", charStart: i * 10, charEnd: i * 10 + 5)]
        if unsortedExtra { sources.insert(EventSource(report: report, sentence: "s", charStart: i * 10 + 7, charEnd: i * 10 + 9), at: 0) }
        return Event(id: "e\(i)", category: EventCategory(.armedClash), start: Day(iso: "2020-02-06"), end: Day(iso: "2020-02-06"),
                     datePrecision: .day, place: "Saraqib", placeID: "geonames:164816",
                     coordinate: Coordinate(lon: 36.80591, lat: 35.86447), geoPrecision: 1, admin1: "Idlib", sources: sources)
    }

    func testTenToTheFiveTellingsOfOneHappeningSortEachSourceOnce() {
        let n = 100_000
        var work = EventMerger.MergeWork()
        let merged = EventMerger.mergeGroups((0..<n).reversed().map { telling($0) }, work: &work)
        XCTAssertEqual(merged.count, 1)
        XCTAssertEqual(merged[0].event.sources.count, n)
        XCTAssertEqual(merged[0].event.id, "e0", "the id of the earliest source")
        XCTAssertEqual(merged[0].members.count, n)
        XCTAssertEqual(work.sourcesSorted, n, "each source sorted once, not once per telling")
    }

    func testSourcesStillSortedAndEarliestFirstWhenATellingListsThemOutOfOrder() {
        let events = [telling(3, unsortedExtra: true), telling(1, unsortedExtra: true), telling(2)]
        let merged = EventMerger.merge(events)
        XCTAssertEqual(merged.count, 1)
        XCTAssertEqual(merged[0].sources.map(\.charStart), [10, 17, 20, 30, 37])
        XCTAssertEqual(merged[0].id, "e1")
    }
}
