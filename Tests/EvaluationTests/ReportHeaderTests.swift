import GeoModel
import EventModel
import Extraction
import FileIO
import Foundation
import Places
import TestSupport
import XCTest

/// The corpus's article format: line 1 `URL: … | DATE: YYYY-MM-DD` is metadata, not text (Sources/Events/Report.swift).
final class ReportHeaderTests: XCTestCase {
    static let gazetteer = try! Gazetteer.load(from: ProjectPaths.root.appendingPathComponent("Gazetteer"))

    func testTheURLLineGivesTheDateAndIsNotTextButOffsetsCountIt() throws {
        let dir = try temporaryDirectory("header")
        // Written for the test; the URL line holds a non-ASCII character so that scalar offsets matter.
        let text = "URL: https://example.org/nouvelles/frappe-à-sarmin | DATE: 2020-02-06\n"
            + "BEIRUT (AP) — Jets bombed Sarmin on Monday.\n\nRebels said they shelled Saraqeb on Tuesday.\n"
        let path = try Hand.file("r.txt", text, in: dir)
        let report = try Report.load(path: path, fallbackDate: nil)
        XCTAssertEqual(report.date, Day(iso: "2020-02-06"))
        XCTAssertEqual(report.dateSource, .header)
        XCTAssertEqual(report.url, "https://example.org/nouvelles/frappe-à-sarmin")
        XCTAssertEqual(report.datelineCity, "BEIRUT")
        let scalars = Array(text.unicodeScalars)
        let dash = try XCTUnwrap(text.range(of: "—")).upperBound
        XCTAssertEqual(report.bodyStart, text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: dash),
                       "the body starts after line 1 and the dateline")

        let lexicon = try Lexicon.load(besides: Self.gazetteer)
        let events = try extractAll(from: [path], fallbackDate: nil, gazetteer: Self.gazetteer, lexicon: lexicon).events
        XCTAssertEqual(Set(events.map(\.place)), ["Sarmin", "Saraqib"])
        for e in events {
            let s = try XCTUnwrap(e.sources.first)
            XCTAssertGreaterThanOrEqual(s.charStart, report.bodyStart, "no sentence reaches into line 1 or the dateline")
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[s.charStart..<s.charEnd])), s.sentence)
        }
        XCTAssertEqual(events.first { $0.place == "Sarmin" }?.start, Day(iso: "2020-02-03"))
    }

    func testAURLLineWithoutADateFallsBackAndABadDateIsAnErrorOnLine1() throws {
        let noDate = try Report(name: "n.txt", text: "URL: https://example.org/a\nJets bombed Sarmin.\n", date: Day(iso: "2020-01-02"))
        XCTAssertEqual(noDate.dateSource, .fallback)
        XCTAssertEqual(noDate.url, "https://example.org/a")
        XCTAssertEqual(noDate.bodyStart, 27)
        XCTAssertThrowsError(try Report(name: "b.txt", text: "URL: x | DATE: 6 Feb 2020\nText.\n", date: nil)) { e in
            XCTAssertEqual("\(e)", "b.txt:1: DATE: \"6 Feb 2020\" is not a date YYYY-MM-DD")
        }
    }
}
