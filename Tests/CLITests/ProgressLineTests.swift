import Foundation
import Layers
@testable import placemap
import TestSupport
import XCTest

/// The map job's progress line: its text, its throttling (clock injected), and silence off a terminal.
final class ProgressLineTests: XCTestCase {
    /// A clock the test moves, and everything the line wrote.
    final class Recorder {
        var now = 0.0
        var written: [String] = []
    }

    func line(_ r: Recorder) -> ProgressLine {
        ProgressLine(interval: 0.1, clock: { r.now }, write: { r.written.append($0) })
    }

    func testTextNamesTheStageTheEventsDoneAndTheRate() {
        XCTAssertEqual(ProgressLine.text(.dayLayers, done: 250_000, total: 1_000_000, seconds: 2),
                       "map: day layers 250,000/1,000,000 events, 125,000 events/s")
        XCTAssertEqual(ProgressLine.text(.reading, done: 1234, total: nil, seconds: 0), "map: reading 1,234 events")
        XCTAssertEqual(ProgressLine.grouped(999), "999")
        XCTAssertEqual(ProgressLine.grouped(1000), "1,000")
        XCTAssertEqual(ProgressLine.grouped(-1_234_567), "-1,234,567")
    }

    func testAtMostOneUpdateAnIntervalRewrittenInPlaceAndClearedAtTheEnd() {
        let r = Recorder()
        let p = line(r)
        p.update(.reading, done: 0, total: nil)           // t = 0: drawn
        r.now = 0.05
        p.update(.reading, done: 500, total: nil)         // too soon: skipped
        r.now = 0.10
        p.update(.eventLayers, done: 1000, total: 4000)   // drawn; a new stage starts its rate at 0.10
        r.now = 0.15
        p.update(.eventLayers, done: 2000, total: 4000)   // skipped
        r.now = 1.10
        p.update(.eventLayers, done: 3000, total: 4000)   // drawn: 3000 events 1 s into this stage
        XCTAssertEqual(r.written.count, 3)
        XCTAssertTrue(r.written.allSatisfy { $0.hasPrefix("\r") && !$0.contains("\n") })
        XCTAssertEqual(r.written[0], "\rmap: reading 0 events")
        XCTAssertEqual(r.written[1], "\rmap: event layers 1,000/4,000 events")
        XCTAssertEqual(r.written[2], "\rmap: event layers 3,000/4,000 events, 3,000 events/s")
        p.finish()
        XCTAssertEqual(r.written.last, "\r" + String(repeating: " ", count: r.written[2].count - 1) + "\r")
        p.finish()
        XCTAssertEqual(r.written.count, 4, "finishing twice clears once")
    }

    func testAShorterLineCoversTheLongerOneBeforeIt() {
        let r = Recorder()
        let p = line(r)
        p.update(.eventLayers, done: 1_000_000, total: 1_000_000)
        r.now = 1
        p.update(.page, done: 1, total: 2)
        XCTAssertEqual(r.written[1].count, r.written[0].count)
        XCTAssertTrue(r.written[1].hasPrefix("\rmap: page 1/2 events   "), r.written[1])
    }

    func testNothingOnStandardErrorWhenItIsNotATerminal() throws {
        let events = ProjectPaths.root.appendingPathComponent("Tests/LayersTests/Fixtures/idlib_events.jsonl").path
        let work = try temporaryDirectory("placemap-progress")
        addTeardownBlock { try? FileManager.default.removeItem(at: work) }
        let loud = try Run.placemap(["map", events, "--out", work.appendingPathComponent("a").path])
        let quiet = try Run.placemap(["map", events, "--out", work.appendingPathComponent("b").path, "--quiet"])
        XCTAssertEqual(loud.status, 0, loud.stderr)
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
        XCTAssertFalse(loud.stderr.contains("\r"), loud.stderr)
        XCTAssertFalse(loud.stderr.contains("map: "), loud.stderr)
        XCTAssertEqual(loud.stderr, quiet.stderr)
    }
}
