import EventModel
import FileIO
import GeoModel
import Layers
import TestSupport
import XCTest

/// Small events written for the tests (places of the Idlib front; facts, not report text).
enum Sample {
    static let feb3 = Day(iso: "2020-02-03")!, feb5 = Day(iso: "2020-02-05")!, feb6 = Day(iso: "2020-02-06")!

    static func event(_ id: String, _ sub: String, _ place: String, _ lon: Double?, _ lat: Double?,
                      start: Day?, end: Day? = nil, precision: Int = 1) -> Event {
        let dp: DatePrecision = start == nil ? .unknown : ((end ?? start) == start ? .day : .span)
        return Event(id: id, category: EventCategory(SubEventType(named: sub)!), start: start, end: end ?? start,
                     datePrecision: dp, place: place, placeID: "pm:\(place.lowercased())",
                     coordinate: lon.map { Coordinate(lon: $0, lat: lat!) }, geoPrecision: precision, country: "SY",
                     actor1: Actor("Syrian government forces", kind: .stateForces),
                     actor2: Actor("Turkish military", kind: .external), fatalities: 3,
                     sources: [EventSource(report: "a.txt", sentence: "A made-up sentence.", charStart: 0, charEnd: 19)])
    }

    static var events: [Event] {
        var odd = event("ev-odd", "Shelling/artillery/missile attack", "Tell \"Quote\" \\ back", -0.000012, 0.5,
                        start: feb3, end: feb5)
        odd.notes = "line one\nline two\ttab \u{01} é ✓"
        odd.direction = "north"
        odd.claimed = true
        odd.displaced = 520_000
        odd.fatalities = nil
        odd.fatalitiesDetail = "7 Turkish soldiers; 1 Turkish civilian"
        odd.unresolvedPlace = "Some hamlet"
        odd.admin1 = "Idlib"
        odd.sources.append(EventSource(report: "b.txt", sentence: "Second.", charStart: 40, charEnd: 47))
        odd.assocActor1 = [Actor("Russian military", kind: .external)]
        odd.fatalitiesClaimed = 70
        let statement = event("st-1", "Statement", "Ankara", nil, nil, start: feb6)
        return [
            event("ev-1", "Air/drone strike", "Taftanaz", 36.785790, 35.998320, start: feb6),
            event("ev-2", "Armed clash", "Saraqeb", 36.80591, 35.86447, start: feb6),
            event("ev-3", "Government regains territory", "Nairab", 36.7222222, 35.8583333, start: feb3, end: feb5),
            event("ev-4", "Armed clash", "Idlib Governorate", 36.726466, 35.723749, start: nil, precision: 3),
            event("ev-5", "Displacement", "Idlib", -179.999999, -89.5, start: Day(iso: "2019-12-01"), end: feb6),
            odd, statement,
        ]
    }
}

final class EventFeatureTests: XCTestCase {
    func testStreamedCollectionHasTheGeneralEncodersBytes() throws {
        let dir = try temporaryDirectory()
        let events = Sample.events
        let features = events.map { EventGeoJSON.feature($0) }
        let members: [String: JSONValue] = ["attribution": "GeoNames (CC BY 4.0)", "name": "events"]
        let expected = GeoJSON.encode(FeatureCollection(features: features, foreignMembers: members)
            .withComputedBoundingBox())
        let path = dir.appendingPathComponent("events.geojson").path
        let w = try FeatureCollectionWriter(path: path, bbox: FeatureCollection(features: features).computedBoundingBox,
                                            members: members, bufferSize: 64)
        for e in events { w.write(event: e) }
        try w.finish()
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), expected)
    }

    func testMixedEventAndGeneralFeaturesMatchTheGeneralEncoder() throws {
        let dir = try temporaryDirectory()
        let extra = Feature(geometry: .lineString([Coordinate(lon: 36.7, lat: 35.8), Coordinate(lon: 36.9, lat: 35.9)]),
                            properties: ["kind": "front_line"])
        let e = Sample.events[0]
        let expected = GeoJSON.encode(FeatureCollection(features: [EventGeoJSON.feature(e), extra],
                                                        bbox: [36.7, 35.8, 36.9, 35.99832], foreignMembers: ["name": "x"]))
        let path = dir.appendingPathComponent("d.geojson").path
        let w = try FeatureCollectionWriter(path: path, bbox: BoundingBox(west: 36.7, south: 35.8, east: 36.9, north: 35.99832),
                                            members: ["name": "x"])
        w.write(event: e)
        w.write(feature: extra)
        try w.finish()
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), expected)
    }

    func testSixDecimalFormattingMatchesFixedDecimalAndTheJSONWriter() throws {
        let dir = try temporaryDirectory()
        var rng = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 180, -180, 36.0000005, 35.9999995, 1e-7, 123456.789, 2.5e-6]
        for _ in 0..<20_000 { values.append(Double.random(in: -180...180, using: &rng)) }
        for _ in 0..<2_000 { values.append(Double(Int.random(in: -180_000_000...180_000_000, using: &rng)) / 1e6) }
        // Events carry each value as longitude and latitude (clamped), so both formatters run.
        let events = values.enumerated().map { i, v in
            Sample.event("v\(i)", "Armed clash", "P", v.clamped(-180, 180), (v / 2).clamped(-90, 90), start: Sample.feb6)
        }
        let path = dir.appendingPathComponent("v.geojson").path
        let w = try FeatureCollectionWriter(path: path, bbox: nil, members: [:])
        for e in events { w.write(event: e) }
        try w.finish()
        let expected = GeoJSON.encode(FeatureCollection(features: events.map { EventGeoJSON.feature($0) }))
        let got = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(got.count, expected.count)
        XCTAssertTrue(got == expected, "fast and general encoders differ")
    }

    func testTimeAndTimestampAreMidnightUTCOfTheFirstDay() {
        let p = EventJSON.flatProperties(Sample.events[2])
        XCTAssertEqual(p["time"], "2020-02-03T00:00:00Z")
        XCTAssertEqual(p["timestamp"]?.intValue, 1_580_688_000_000)
        let undated = EventJSON.flatProperties(Sample.events[3])
        XCTAssertEqual(undated["time"], JSONValue.null)
        XCTAssertEqual(undated["timestamp"], JSONValue.null)
    }

    func testSequenceIsRFC8142() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("e.geojsonseq").path
        let w = try FeatureSequenceWriter(path: path)
        for e in Sample.events { w.write(event: e) }
        try w.finish()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let records = bytes.split(separator: 0x1E, omittingEmptySubsequences: false)
        XCTAssertEqual(records.count, Sample.events.count + 1)
        XCTAssertEqual(records.first?.count, 0, "the file starts with RS")
        for (r, e) in zip(records.dropFirst(), Sample.events) {
            XCTAssertEqual(r.last, 0x0A)
            XCTAssertEqual(String(decoding: r.dropLast(), as: UTF8.self), GeoJSON.encode(EventGeoJSON.feature(e)))
        }
    }

    func testDayPartitionPutsShortSpansOnEachDayAndLongOnesInOngoing() {
        let events = Sample.events
        let p = DayPartition(events)
        XCTAssertEqual(p.sortedDays.map(\.description), ["2020-02-03", "2020-02-04", "2020-02-05", "2020-02-06"])
        XCTAssertEqual(p.days[Sample.feb6]?.map { events[Int($0)].id }, ["ev-1", "ev-2", "st-1"])
        XCTAssertEqual(p.days[Day(iso: "2020-02-04")!]?.map { events[Int($0)].id }, ["ev-3", "ev-odd"])
        XCTAssertEqual(p.ongoing.map { events[Int($0)].id }, ["ev-5"])
        XCTAssertEqual(p.undated.map { events[Int($0)].id }, ["ev-4"])
    }

    func testDayLayersInOnePassEqualOneCollectionADayInBatchesToo() throws {
        let dir = try temporaryDirectory()
        let events = Sample.events
        let partition = DayPartition(events)
        let extra: [Day: [Feature]] = [Day(iso: "2020-02-07")!: [Feature(geometry: .point(Coordinate(lon: 36.7, lat: 35.9)),
                                                                          properties: ["kind": "control"])]]
        let counts = try EventLayers.writeDays(events, extra: extra, path: {
            dir.appendingPathComponent("pass-\($0).geojson").path
        }, maxOpen: 2)
        XCTAssertEqual(counts.map(\.day.description), ["2020-02-03", "2020-02-04", "2020-02-05", "2020-02-06", "2020-02-07"])
        XCTAssertEqual(counts.map(\.count), [2, 2, 2, 3, 1])
        for (day, _) in counts {
            let one = dir.appendingPathComponent("one-\(day).geojson").path
            try EventLayers.writeCollection(events, indices: partition.days[day] ?? [], extra: extra[day] ?? [], to: one,
                                            name: "\(day)")
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: one)),
                           try Data(contentsOf: dir.appendingPathComponent("pass-\(day).geojson")), "\(day)")
        }
    }

    func testAFailedWriteLeavesNoFileAndTheEarlierOneIntact() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("layer.geojson").path
        try ByteSink.write("old", to: path)
        do {
            let sink = try ByteSink(path: path)
            sink.append("half-written")
            // dropped without commit
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["layer.geojson"])
        XCTAssertThrowsError(try ByteSink(path: dir.appendingPathComponent("no/such/folder.geojson").path)) {
            XCTAssertTrue("\($0)".contains("cannot write to"), "\($0)")
        }
    }
}

extension Double {
    func clamped(_ lo: Double, _ hi: Double) -> Double { Swift.min(Swift.max(self, lo), hi) }
}
