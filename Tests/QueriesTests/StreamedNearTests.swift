import EventModel
import Foundation
import GeoModel
import Queries
import TestSupport
import XCTest

/// Issue 15 (memory): `near` and `near --count` over GeoJSON and JSON Lines read one event at a time
/// (`EventStream`) instead of the whole file's tree; the answers are those of the whole-file reading.
final class StreamedNearTests: XCTestCase {
    func files() throws -> [String] {
        let dir = try temporaryDirectory()
        let events = VariedEvents.make(5_000, seed: 5).filter { $0.kind == .event }
        let geojson = dir.appendingPathComponent("events.geojson").path, jsonl = dir.appendingPathComponent("events.jsonl").path
        try EventGeoJSON.encode(events).write(toFile: geojson, atomically: false, encoding: .utf8)
        try EventJSONLines.encode(events).write(toFile: jsonl, atomically: false, encoding: .utf8)
        return [geojson, jsonl]
    }

    func testStreamedAnswersEqualTheWholeFileReading() throws {
        let query = try NearQuery(center: Coordinate(lon: 36.6, lat: 35.6), km: 90)
        for file in try files() {
            let whole = query.run(try EventFiles.load(path: file))
            XCTAssertGreaterThan(whole.count, 100, file)
            let answer = try NearJob.run(query, events: file, countOnly: false)
            XCTAssertEqual(answer.hits.map(\.event.id), whole.map(\.event.id), file)
            XCTAssertEqual(answer.hits.map(\.event), whole.map(\.event), file)
            XCTAssertEqual(try NearJob.run(query, events: file, countOnly: true).count, whole.count, file)
        }
    }

    func testABadFeatureOrLineIsNamedWhileStreaming() throws {
        let query = try NearQuery(center: Coordinate(lon: 36.6, lat: 35.6), km: 90)
        let dir = try temporaryDirectory()
        let geojson = dir.appendingPathComponent("bad.geojson").path
        try #"{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[1, 2], [3, 4]]}, "properties": {"id": "x"}}]}"#
            .write(toFile: geojson, atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try NearJob.run(query, events: geojson, countOnly: true)) { error in
            guard case EventFileError.malformedFeature(_, 1, _) = error else { return XCTFail("\(error)") }
        }
        let truncated = dir.appendingPathComponent("cut.geojson").path
        try #"{"type": "FeatureCollection", "features": [{"type": "Feature""#.write(toFile: truncated, atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try NearJob.run(query, events: truncated, countOnly: true)) { error in
            guard case EventFileError.unknownFormat = error else { return XCTFail("\(error)") }
        }
        let jsonl = dir.appendingPathComponent("bad.jsonl").path
        try (EventJSONLines.encode(Array(VariedEvents.make(20, seed: 1).filter { $0.kind == .event }.prefix(2))) + "\n{oops\n")
            .write(toFile: jsonl, atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try NearJob.run(query, events: jsonl, countOnly: true)) { error in
            guard case EventFileError.malformed(_, 4, _) = error else { return XCTFail("\(error)") }
        }
    }
}
