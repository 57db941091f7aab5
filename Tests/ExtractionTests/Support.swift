import Foundation
import Places
import TestSupport
import GeoModel
import XCTest
@testable import Extraction
import EventModel

/// The project's gazetteer and lexicon, loaded once for all tests.
enum Fixture {
    static let gazetteer: Gazetteer = {
        try! Gazetteer.load(from: ProjectPaths.root.appendingPathComponent("Gazetteer"))
    }()
    static let lexicon: Lexicon = { try! Lexicon.load(besides: gazetteer) }()
    static let extractor = Extractor(gazetteer: gazetteer, lexicon: lexicon)

    /// Extraction of `text` as a report filed on `date` (unmerged).
    static func extract(_ text: String, date: String = "2020-02-06", name: String = "t.txt") throws -> ExtractionResult {
        let report = try Report(name: name, text: text, date: Day(iso: date)!)
        return try extractor.extract(report: report)
    }

    /// Extraction then merging.
    static func events(_ text: String, date: String = "2020-02-06", name: String = "t.txt") throws -> [Event] {
        EventMerger.merge(try extract(text, date: date, name: name).events)
    }
}

extension Day {
    /// A day from `YYYY-MM-DD` in tests.
    static func d(_ s: String) -> Day { Day(iso: s)! }
}

extension Event {
    /// The sub-type's name (the type's when unspecified), for comparing with names in tests.
    var subTypeName: String { category.description }
}

extension XCTestCase {
    /// The one (merged) event of `text`, told in a report filed from Beirut on 2020-02-06; fails when there are
    /// more or none.
    func only(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Event {
        let events = try Fixture.events(" date 2020-02-06 BEIRUT -- " + text)
        XCTAssertEqual(events.count, 1, "\(events.map { "\($0.subTypeName) at \($0.place)" })", file: file, line: line)
        return try XCTUnwrap(events.first, file: file, line: line)
    }
}
