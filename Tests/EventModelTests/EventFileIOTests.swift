import EventModel
import FileIO
import Foundation
import GeoModel
import TestSupport
import XCTest

final class EventFileIOTests: XCTestCase {
    private func rows(_ text: String) throws -> [[String]] {
        var t = text
        return try t.withUTF8 { buf in
            var r = CSVReader(bytes: buf)
            var fields: [CSVField] = []
            var out: [[String]] = []
            while try r.nextRow(&fields) { out.append(fields.map { r.string($0) }) }
            return out
        }
    }

    func testQuotedFieldsHoldCommasDoubledQuotesAndLineEnds() throws {
        let text = "\u{FEFF}a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nplain,,\"\"\n"
        XCTAssertEqual(try rows(text), [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["plain", "", ""]])
    }

    func testLineNumbersCountLineEndsInsideQuotes() throws {
        let csv = "id,date,lon,lat,notes\n1,2020-02-06,36.8,35.86,\"a\nb\nc\"\n2,2020-02-06,236.8,35.86,x\n"
        XCTAssertThrowsError(try EventCSV.decode(csv, file: "ev.csv")) { e in
            XCTAssertEqual((e as? EventFileError).map { "\($0)" }?.hasPrefix("ev.csv:5: coordinates 236.8,35.86 are out of range"), true, "\(e)")
        }
    }

    func testUnclosedQuoteNamesItsLine() {
        let csv = "id,date,lon,lat\n1,2020-02-06,36.8,35.86\n\"2,2020-02-06,36.8,35.86\n"
        XCTAssertThrowsError(try EventCSV.decode(csv, file: "f.csv")) { e in
            XCTAssertEqual(e as? EventFileError, .malformed(file: "f.csv", line: 3, message: "a quoted field is never closed"))
        }
    }

    func testBadDateAndShortRowAreErrorsNamingTheLine() {
        XCTAssertThrowsError(try EventCSV.decode("id,date,lon,lat\n1,2020-02-30,36.8,35.86\n", file: "f.csv")) { e in
            XCTAssertTrue("\(e)".hasPrefix("f.csv:2: \"2020-02-30\" is not a date"), "\(e)")
        }
        XCTAssertThrowsError(try EventCSV.decode("id,date,lon,lat\n1,2020-02-06,36.8\n", file: "f.csv")) { e in
            XCTAssertTrue("\(e)".hasPrefix("f.csv:2: expected 4 fields"), "\(e)")
        }
        XCTAssertThrowsError(try EventCSV.decode("id,when,lon,lat\n", file: "f.csv")) { e in
            XCTAssertTrue("\(e)".contains("event_date (or date)"), "\(e)")
        }
    }

    func testMinimalColumnsWithQuotedCommas() throws {
        let csv = "id,date,lon,lat,type,place,fatalities,source\n7,2019-06-02,36.801234,35.864,\"Explosions/Remote violence\",Saraqeb,2,\"Reuters, AFP\"\n"
        let e = try XCTUnwrap(EventCSV.decode(csv, file: "m.csv").first)
        XCTAssertEqual(e.id, "7")
        XCTAssertEqual(e.start, Day(year: 2019, month: 6, day: 2))
        XCTAssertEqual(e.coordinate, Coordinate(lon: 36.801234, lat: 35.864))
        XCTAssertEqual(e.place, "Saraqeb")
        XCTAssertEqual(e.fatalities, 2)
        XCTAssertEqual(e.sources.map(\.report), ["Reuters, AFP"])
        XCTAssertEqual(e.geoPrecision, 1)
        XCTAssertEqual(e.datePrecision, .day)
    }

    func testACLEDColumnsInAnyOrderWithACLEDDates() throws {
        let csv = """
            latitude,longitude,event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,admin1,location,geo_precision,time_precision,fatalities,notes,source
            35.8645,36.8059,SYR1,06 February 2020,Battles,Armed clash,Military Forces of Syria,Rebels,Idleb,Saraqab,1,1,13,"Clashes, heavy",SOHR
            """
        let e = try XCTUnwrap(EventCSV.decode(csv, file: "acled.csv").first)
        XCTAssertEqual(e.id, "SYR1")
        XCTAssertEqual(e.start, Day(year: 2020, month: 2, day: 6))
        XCTAssertEqual(e.actorNames, ["Military Forces of Syria", "Rebels"])
        XCTAssertEqual(e.subType?.rawValue, "Armed clash")
        XCTAssertEqual(e.sources.map(\.report), ["SOHR"])
        XCTAssertEqual(e.sources.map(\.sentence), ["Clashes, heavy"], "an ACLED export's notes describe its source")
        XCTAssertEqual(e.coordinate, Coordinate(lon: 36.8059, lat: 35.8645))
    }

    private var sample: [Event] {
        [Event(id: "ev-1", category: EventCategory(.armedClash), start: Day(year: 2020, month: 2, day: 5),
               end: Day(year: 2020, month: 2, day: 6), datePrecision: .span, place: "Saraqeb", placeID: "sy-saraqeb",
               coordinate: Coordinate(lon: 36.80591, lat: 35.86447), geoPrecision: 2, country: "SY", admin1: "Idlib",
               actor1: Actor("Syrian government forces", kind: .stateForces), actor2: Actor("Rebels", kind: .rebelGroup),
               assocActor2: [Actor("Turkish military")], fatalities: 7,
               sources: [EventSource(report: "a.txt", sentence: "s", charStart: 0, charEnd: 1),
                         EventSource(report: "b \"x\".txt", sentence: "t", charStart: 2, charEnd: 3)],
               notes: "north, of town"),
         Event(id: "ev-2", category: EventCategory(.statement), start: nil, end: nil,
               datePrecision: .unknown, place: "", placeID: nil, coordinate: nil, geoPrecision: 3)]
    }

    func testEncodeIsByteStableAndReadsBack() throws {
        let text = EventCSV.encode(sample)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], EventCSV.columns.joined(separator: ","))
        XCTAssertTrue(lines[1].hasPrefix("ev-1,2020-02-05,2020,2,Political violence,Battles,Armed clash,Syrian government forces,,"
                                         + "State forces,Rebels,Turkish military,Rebel group,State forces-Rebel group,,760,Middle East,Syria,"
                                         + "Idlib,,,Saraqeb,35.86447,36.80591,2,\"a.txt; b \"\"x\"\".txt\",,s t,7,,"), lines[1])
        let back = try EventCSV.decode(text, file: "x.csv")
        XCTAssertEqual(back, sample, "every field survives the CSV")
        XCTAssertEqual(EventCSV.encode(back), text)
    }

    func testGeoJSONRoundTripWithItsSourcesTable() throws {
        let text = EventGeoJSON.encode(sample)
        var table = SourcesCSV.encode(sample)
        let sources = try table.withUTF8 { try SourcesCSV.decode(bytes: $0, file: "sources.csv") }
        XCTAssertEqual(try EventGeoJSON.decode(text, file: "e.geojson", sources: sources), sample)
        let alone = try EventGeoJSON.decode(text, file: "e.geojson")
        XCTAssertEqual(alone[0].sources.map(\.report), ["a.txt"], "without sources.csv: the first source the feature names")
    }

    func testGeoJSONFeatureThatIsNotAPointIsNamed() {
        let text = #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[1,2],[3,4]]},"properties":{"id":"a"}}]}"#
        XCTAssertThrowsError(try EventGeoJSON.decode(text, file: "e.geojson")) { e in
            XCTAssertEqual("\(e)", "e.geojson: feature 1: an event must be a Point, not a LineString")
        }
    }

    func testLoadFindsTheFormatFromExtensionContentAndFolder() throws {
        let dir = try temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        try EventJSONLines.encode(sample).write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try EventCSV.encode(sample).write(to: dir.appendingPathComponent("b.dat"), atomically: true, encoding: .utf8)
        try EventGeoJSON.encode(sample).write(to: dir.appendingPathComponent("c.json"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try EventFiles.load(path: dir.appendingPathComponent("a.txt").path), sample)
        XCTAssertEqual(try EventFiles.load(path: dir.appendingPathComponent("b.dat").path).map(\.id), ["ev-1", "ev-2"])
        XCTAssertEqual(try EventFiles.load(path: dir.appendingPathComponent("c.json").path).map(\.id), ["ev-1", "ev-2"])
        XCTAssertThrowsError(try EventFiles.load(path: dir.path))
        try EventCSV.encode([sample[0]]).write(to: dir.appendingPathComponent("events.csv"), atomically: true, encoding: .utf8)
        try EventGeoJSON.encode(sample).write(to: dir.appendingPathComponent("events.geojson"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try EventFiles.load(path: dir.path).count, 2, "a map folder's events.geojson comes first")
        XCTAssertThrowsError(try EventFiles.load(path: dir.appendingPathComponent("none.csv").path)) { e in
            XCTAssertTrue("\(e)".hasSuffix("none.csv: no such file or folder"), "\(e)")
        }
    }

    func testNumbersParseToTheNearestDouble() {
        for s in ["36.801234", "-0.000001", "35", "179.9999999999999", "1e-3", " 12.5 ", "0.1", "123456789012.345678"] {
            var t = s
            let v = t.withUTF8 { ByteParsing.double($0) }
            XCTAssertEqual(v, Double(s.trimmingCharacters(in: .whitespaces)), s)
        }
        for s in ["", "-", "1.2.3", "abc", "1,5"] {
            var t = s
            XCTAssertNil(t.withUTF8 { ByteParsing.double($0) }, s)
        }
    }
}
