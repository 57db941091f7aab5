import Foundation
import GeoModel
import XCTest
@testable import EventModel

/// Issue 15, reproducers S2/S3 (`Tests/Fuzz/cases/silent-unknown-kind`, `silent-near-count-id`): a JSON
/// event of "kind": "meteor" was read as an event, and the scan that `near --count` uses skipped the id check.
final class StrictReadingTests: XCTestCase {
    func testAKindThatContradictsTheTypeIsAnErrorNamingTheField() throws {
        let line = #"{"id": "ev1", "kind": "meteor", "lon": 36.8, "lat": 35.86, "start": "2020-02-05", "type": "Battles", "place": "Saraqeb"}"#
        XCTAssertThrowsError(try EventJSONLines.decode(line, file: "e.jsonl")) { error in
            XCTAssertTrue("\(error)".contains("e.jsonl:1") && "\(error)".contains("kind"), "\(error)")
        }
        let statementAsEvent = line.replacingOccurrences(of: "meteor", with: "statement")
        XCTAssertThrowsError(try EventJSONLines.decode(statementAsEvent, file: "e.jsonl"))
        XCTAssertEqual(try EventJSONLines.decode(line.replacingOccurrences(of: "meteor", with: "event"), file: "e.jsonl").count, 1)
    }

    func testTheCoreOfARowRefusesABlankIdAsDecodingDoes() throws {
        for id in ["", "  "] {
            let csv = "id,date,lon,lat,type,place,fatalities,source\n\(id),2020-02-05,36.8006,35.8644,Battles,Saraqeb,3,test\n"
            let bytes = Array(csv.utf8)
            XCTAssertThrowsError(try bytes.withUnsafeBufferPointer { b in
                try EventCSV.scan(bytes: b, file: "e.csv") { reader, fields, layout in _ = try layout.core(reader, fields, file: "e.csv") }
            }) { error in XCTAssertEqual("\(error)", "e.csv:2: id: the event id is missing or empty") }
        }
    }
}
