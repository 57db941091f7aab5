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
