import EventModel
import FileIO
import GeoModel
import TestSupport
import XCTest

/// The one schema: every format carries every field it should, and the formats read back what they wrote.
final class SchemaTests: XCTestCase {
    /// Varied events as JSON Lines reads them (assoc actors carry no ACLED type in any format; empty text
    /// is no value): the form every other format must reproduce.
    func canonical(_ n: Int = 3_000) throws -> [Event] {
        try EventJSONLines.decode(EventJSONLines.encode(VariedEvents.make(n)), file: "varied.jsonl")
    }

    func testEveryFormatCarriesEverySchemaField() throws {
        let e = try XCTUnwrap(try canonical(40).first { $0.actor1 != nil && $0.coordinate != nil })
        let jsonl = try XCTUnwrap(EventJSON.object(e).objectValue)
        let flat = EventJSON.flatProperties(e)
        let csv = Set(EventCSV.columns)
        for field in EventField.allCases {
            XCTAssertEqual(jsonl[field.name] != nil, field.formats.contains(.jsonLines), "JSON Lines: \(field.name)")
            XCTAssertEqual(flat[field.name] != nil, field.formats.contains(.flat), "flat: \(field.name)")
            XCTAssertEqual(field.csvColumn.map(csv.contains) ?? false, field.formats.contains(.csv), "CSV: \(field.name)")
        }
        // What a format leaves out, and why: derived fields in the CSV, the point outside the flat properties.
        XCTAssertEqual(EventField.allCases.filter { !$0.formats.contains(.csv) }, [.kind, .actors])
        XCTAssertEqual(EventField.allCases.filter { !$0.formats.contains(.flat) }, [.lon, .lat])
        XCTAssertEqual(EventField.allCases.filter { !$0.formats.contains(.jsonLines) }, [])
        XCTAssertEqual(Set(jsonl.keys), Set(EventField.carried(by: .jsonLines).map(\.name)), "no key outside the schema")
        XCTAssertEqual(Set(flat.keys), Set(EventField.carried(by: .flat).map(\.name) + FlatExtraField.allCases.map(\.name)))
        XCTAssertEqual(csv.count, EventCSV.columns.count, "no column twice")
    }

    func testTheCSVHeaderIsACLEDsThenPlaceMapsOwn() {
        let acled = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
                     "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
                     "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
                     "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp"]
        XCTAssertEqual(Array(EventCSV.columns.prefix(acled.count)), acled)
        XCTAssertEqual(Array(EventCSV.columns.dropFirst(acled.count).prefix(3)), ["end_date", "placemap_id", "datetime"])
    }

    func testJSONLinesToCSVToJSONLinesIsLossless() throws {
        let events = try canonical()
        let back = try EventCSV.decode(EventCSV.encode(events), file: "varied.csv")
        XCTAssertEqual(back.count, events.count)
        for (a, b) in zip(events, back) where a != b { XCTFail("\(a.id): \(a) ≠ \(b)"); break }
        XCTAssertEqual(EventJSONLines.encode(back), EventJSONLines.encode(events))
    }

    func testGeoJSONWithItsSourcesTableToJSONLinesIsLossless() throws {
        let events = try canonical().filter { $0.coordinate != nil }
        var table = SourcesCSV.encode(events)
        let sources = try table.withUTF8 { try SourcesCSV.decode(bytes: $0, file: "sources.csv") }
        let back = try EventGeoJSON.decode(EventGeoJSON.encode(events), file: "varied.geojson", sources: sources)
        for (a, b) in zip(events, back) where a != b { XCTFail("\(a.id): \(a) ≠ \(b)"); break }
        XCTAssertEqual(EventJSONLines.encode(back), EventJSONLines.encode(events))
    }

    func testFlatNumbersAreNeverNull() throws {
        for e in try canonical(500) where e.start != nil {
            let p = EventJSON.flatProperties(e)
            for key in ["fatalities", "fatalities_claimed", "displaced", "geo_precision", "sources", "timestamp"] {
                XCTAssertNotNil(p[key]?.numberValue, "\(e.id): \(key) must be a number in every file, so GIS tools type it once")
            }
        }
    }

    func testAFormulaInATextCellIsGuardedAndReadsBack() throws {
        var e = try XCTUnwrap(try canonical(10).first)
        e.place = "=HYPERLINK(\"x\")"
        e.actor1 = Actor("+Rebels", kind: .rebelGroup)
        e.sources = [EventSource(report: "@report.txt", sentence: "-1+2", charStart: 0, charEnd: 4)]
        let text = EventCSV.encode([e])
        XCTAssertTrue(text.contains(",'+Rebels,"), text)
        XCTAssertTrue(text.contains("\"'=HYPERLINK(\"\"x\"\")\""), text)
        XCTAssertFalse(text.split(separator: "\n").dropFirst().joined().split(separator: ",").contains { $0.first == "=" || $0.first == "@" })
        XCTAssertEqual(try EventCSV.decode(text, file: "f.csv"), [e])
    }

    func testOrdinalsArePositionsInAllCases() {
        XCTAssertEqual(MemoryLayout<EventField>.size, 1)
        XCTAssertEqual(MemoryLayout<CSVColumn>.size, 1)
        for (k, f) in EventField.allCases.enumerated() { XCTAssertEqual(f.ordinal, k, f.name) }
        for (k, c) in CSVColumn.allCases.enumerated() { XCTAssertEqual(c.ordinal, k, c.name) }
    }

    func testTheTableAnswersForEverySubType() {
        for s in SubEventType.allCases {
            XCTAssertTrue(SubEventType.of(s.eventType).contains(s))
            XCTAssertEqual(s.acled.isPlaceMapOwn, false, "\(s) refines an ACLED sub-type")
            XCTAssertEqual(SubEventType(named: s.rawValue.uppercased()), s)
        }
        XCTAssertEqual(SubEventType.governmentRegainsTerritory.controlChange, .toActor)
        XCTAssertEqual(SubEventType.siege.controlChange, .contested)
        XCTAssertEqual(SubEventType.reinforcement.movement, .reinforcement)
        XCTAssertEqual(SubEventType.troopDeployment.acled, .baseEstablished)
        XCTAssertThrowsError(try EventCategory(type: "Battles", subType: "Air/drone strike")) { error in
            XCTAssertEqual("\(error)", "\"Air/drone strike\" is not a sub-event type of \"Battles\"")
        }
        XCTAssertThrowsError(try EventCategory(type: "Batles", subType: nil))
        XCTAssertEqual(ActorKind.interaction(.rebelGroup, .stateForces), "State forces-Rebel group")
        XCTAssertEqual(ActorKind.interaction(.civilians, nil), "Civilians only")
    }
}
