import Foundation
import GeoModel
import TestSupport
import XCTest
@testable import Extraction
import EventModel

final class OverridesAndFilesTests: XCTestCase {
    func sample() throws -> [Event] {
        try Fixture.events(" date 2020-02-06 BEIRUT -- Jets bombed Sarmin on Monday. Rebels shelled Afis on Tuesday.")
    }

    func testOverridesFromJSONLines() throws {
        let events = try sample()
        XCTAssertEqual(events.count, 2)
        let (a, b) = (events[0].id, events[1].id)
        let text = """
            {"id": "\(a)", "action": "move", "value": "Saraqeb"}
            {"id": "\(a)", "action": "set_date", "value": "2020-02-01..2020-02-02"}
            {"id": "\(b)", "action": "set_type", "value": "Armed clash"}
            {"id": "0000000000000000", "action": "drop"}
            """
        let o = try Overrides.parse(text, file: "fix.jsonl")
        let (out, warnings) = Overrides.apply(o, to: events, gazetteer: Fixture.gazetteer, file: "fix.jsonl")
        XCTAssertEqual(out.count, 2)
        XCTAssertEqual(out[0].place, "Saraqib")
        XCTAssertEqual(out[0].start, .d("2020-02-01"))
        XCTAssertEqual(out[0].datePrecision, .span)
        XCTAssertEqual(out[1].type.rawValue, "Battles")
        XCTAssertEqual(out[1].subTypeName, "Armed clash")
        XCTAssertEqual(warnings, ["fix.jsonl:4: no event has the id 0000000000000000"])
    }

    func testOverridesFromCSVDropAnEvent() throws {
        let events = try sample()
        let csv = "id,action,value\n\"\(events[1].id)\",drop,\n\(events[0].id),move,\"36.7,35.9\"\n"
        let (out, warnings) = Overrides.apply(try Overrides.parse(csv, file: "fix.csv"), to: events,
                                              gazetteer: Fixture.gazetteer)
        XCTAssertEqual(out.map(\.id), [events[0].id])
        XCTAssertEqual(out[0].coordinate, Coordinate(lon: 36.7, lat: 35.9))
        XCTAssertTrue(warnings.isEmpty)
    }

    func testMalformedOverridesNameFileAndLine() {
        XCTAssertThrowsError(try Overrides.parse("id,action,value\nabc,explode,1\n", file: "fix.csv")) { e in
            XCTAssertEqual(e as? EventFileError, .malformed(file: "fix.csv", line: 2,
                                                           message: "action must be drop, move, set_date or set_type, not \"explode\""))
        }
        XCTAssertThrowsError(try Overrides.parse("{\"id\": \"a\", \"action\": \"drop\"}\n{oops\n", file: "f.jsonl")) { e in
            guard case .malformed(_, 2, _)? = e as? EventFileError else { return XCTFail("\(e)") }
        }
    }

    func testLexiconRowsAreCheckedWithFileAndLine() throws {
        let dir = try temporaryDirectory("lexicon")
        try "air strike\tExplosions/Remote violence\tAir/drone strike\t3\t-\t-\nshelling\tExplosions\n"
            .write(to: dir.appendingPathComponent("triggers.tsv"), atomically: true, encoding: .utf8)
        try "rebels\tRebels\topposition\t-\n".write(to: dir.appendingPathComponent("actors.tsv"), atomically: true, encoding: .utf8)
        try "weekday\tmonday\t1\n".write(to: dir.appendingPathComponent("cues.tsv"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Lexicon.load(from: dir)) { e in
            XCTAssertEqual(e as? LexiconError, .malformed(file: dir.appendingPathComponent("triggers.tsv").path, line: 2,
                                                          message: "expected 6 tab-separated columns, found 2"))
        }
        try "weekday\tmonday\tone\n".write(to: dir.appendingPathComponent("cues.tsv"), atomically: true, encoding: .utf8)
        try "air strike\tExplosions/Remote violence\tAir/drone strike\t3\t-\t-\n"
            .write(to: dir.appendingPathComponent("triggers.tsv"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Lexicon.load(from: dir)) { e in
            guard case .malformed(_, 1, let m)? = e as? LexiconError else { return XCTFail("\(e)") }
            XCTAssertTrue(m.contains("whole number"))
        }
    }

    func testAnUnknownEventTypeInTheLexiconIsAnErrorNamingFileAndLine() throws {
        let dir = try temporaryDirectory("lexicon")
        try "air strike\tExplosions/Remote violence\tAir/drone strike\t3\t-\t-\nraid\tBattles\tAir strike\t3\t-\t-\n"
            .write(to: dir.appendingPathComponent("triggers.tsv"), atomically: true, encoding: .utf8)
        try "rebels\tRebels\topposition\t-\n".write(to: dir.appendingPathComponent("actors.tsv"), atomically: true, encoding: .utf8)
        try "weekday\tmonday\t1\n".write(to: dir.appendingPathComponent("cues.tsv"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Lexicon.load(from: dir)) { e in
            guard case .malformed(let file, 2, let m)? = e as? LexiconError else { return XCTFail("\(e)") }
            XCTAssertEqual(file, dir.appendingPathComponent("triggers.tsv").path)
            XCTAssertTrue(m.hasPrefix("unknown sub-event type \"Air strike\""), m)
        }
        try "raid\tBatles\tArmed clash\t3\t-\t-\n".write(to: dir.appendingPathComponent("triggers.tsv"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Lexicon.load(from: dir)) { e in
            XCTAssertTrue("\(e)".hasSuffix("triggers.tsv:1: unknown event type \"Batles\" (one of: Battles, Explosions/Remote violence, "
                                           + "Violence against civilians, Protests, Riots, Strategic developments, Statement)"), "\(e)")
        }
    }

    func testAnAnalystCanAddATriggerWithoutRecompiling() throws {
        let dir = try temporaryDirectory("lexicon")
        let src = Fixture.gazetteer.directory.appendingPathComponent("lexicon")
        for f in ["actors.tsv", "cues.tsv", "conflicts.tsv"] {
            try FileManager.default.copyItem(at: src.appendingPathComponent(f), to: dir.appendingPathComponent(f))
        }
        var triggers = try String(contentsOf: src.appendingPathComponent("triggers.tsv"), encoding: .utf8)
        triggers += "raked\tExplosions/Remote violence\tShelling/artillery/missile attack\t3\t-\t-\n"
        try triggers.write(to: dir.appendingPathComponent("triggers.tsv"), atomically: true, encoding: .utf8)
        let extractor = Extractor(gazetteer: Fixture.gazetteer, lexicon: try Lexicon.load(from: dir))
        let r = try extractor.extract(report: Report(name: "t.txt", text: "Artillery raked Sarmin on Monday.", date: .d("2020-02-06")))
        XCTAssertEqual(r.events.first?.subTypeName, "Shelling/artillery/missile attack")
        XCTAssertTrue(try Fixture.extract("Artillery raked Sarmin on Monday.").events.isEmpty)
    }

    func testReportsToleratesBOMAndCRLFAndReadTheirDateline() throws {
        let r = try Report(name: "r.txt", text: "\u{FEFF} date 2020-02-06 BEIRUT -- Jets bombed Sarmin.\r\nRebels fled.\r\n", date: nil)
        XCTAssertEqual(r.date, .d("2020-02-06"))
        XCTAssertEqual(r.dateSource, .dateline)
        XCTAssertEqual(r.datelineCity, "BEIRUT")
        XCTAssertFalse(r.text.contains("\r"))
        let e = try Fixture.extractor.extract(report: r)
        let src = try XCTUnwrap(e.events.first?.sources.first)
        let scalars = Array(r.text.unicodeScalars)
        XCTAssertEqual(String(String.UnicodeScalarView(scalars[src.charStart..<src.charEnd])), src.sentence)
        XCTAssertEqual(src.sentence, "Jets bombed Sarmin.")
        XCTAssertFalse(e.events.contains { $0.place.localizedCaseInsensitiveContains("beirut") })
    }

    func testReportDateFromSidecarThenFallbackElseAClearError() throws {
        let dir = try temporaryDirectory("reports")
        let withMeta = dir.appendingPathComponent("a.txt"), bare = dir.appendingPathComponent("b.txt")
        try "Jets bombed Sarmin on Monday.".write(to: withMeta, atomically: true, encoding: .utf8)
        try "{\"date\": \"2020-02-05\", \"source\": \"Test wire\", \"url\": \"https://example.org/a\"}"
            .write(to: dir.appendingPathComponent("a.meta.json"), atomically: true, encoding: .utf8)
        try "Jets bombed Sarmin on Monday.".write(to: bare, atomically: true, encoding: .utf8)
        let a = try Report.load(path: withMeta.path, fallbackDate: .d("2020-01-01"))
        XCTAssertEqual(a.date, .d("2020-02-05"))
        XCTAssertEqual(a.dateSource, .sidecar)
        XCTAssertEqual(a.source, "Test wire")
        XCTAssertEqual(try Report.load(path: bare.path, fallbackDate: .d("2020-01-01")).dateSource, .fallback)
        XCTAssertThrowsError(try Report.load(path: bare.path, fallbackDate: nil)) { e in
            XCTAssertEqual(e as? ReportError, .noDate(file: bare.path))
            XCTAssertTrue("\(e)".contains(bare.path))
        }
    }

    func testEventsRoundTripThroughJSONLines() throws {
        let events = try sample()
        let text = EventJSONLines.encode(events)
        XCTAssertEqual(try EventJSONLines.decode(text, file: "x.jsonl"), events)
        for key in ["id", "type", "sub_type", "start", "end", "date_precision", "place", "place_id", "lon", "lat",
                    "geo_precision", "direction", "actors", "fatalities", "fatalities_detail", "claimed", "displaced",
                    "unresolved_place", "sources"] {
            XCTAssertTrue(text.contains("\"\(key)\":"), key)
        }
    }
}
