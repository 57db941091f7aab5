import EventModel
import GeoModel
import Layers
import TestSupport
import XCTest


final class StreamedLayerTests: XCTestCase {
    func testStreamedCollectionOfManyVariedEventsHasTheGeneralEncodersBytes() throws {
        let dir = try temporaryDirectory()
        let events = VariedEvents.make(9_000)
        let path = dir.appendingPathComponent("events.geojson").path
        try EventLayers.writeCollection(events, indices: nil, to: path, name: "events")
        let expected = GeoJSON.encode(FeatureCollection(features: events.map { EventGeoJSON.feature($0) },
                                                        foreignMembers: Attribution.members(name: "events"))
            .withComputedBoundingBox())
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8) == expected, "streamed and general encoders differ")
    }

    func testSelectedIndicesAreWrittenInTheirOrder() throws {
        let dir = try temporaryDirectory()
        let events = VariedEvents.make(5_000, seed: 11)
        let indices = (0..<Int32(events.count)).filter { $0 % 3 != 1 }
        let path = dir.appendingPathComponent("some.geojson").path
        try EventLayers.writeCollection(events, indices: indices, to: path, name: "some")
        let features = indices.map { EventGeoJSON.feature(events[Int($0)]) }
        let expected = GeoJSON.encode(FeatureCollection(features: features, foreignMembers: Attribution.members(name: "some"))
            .withComputedBoundingBox())
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8) == expected)
    }

    func testSequenceOfManyEventsHasOneRecordPerEventInOrder() throws {
        let dir = try temporaryDirectory()
        let events = VariedEvents.make(6_000, seed: 3)
        let path = dir.appendingPathComponent("events.geojsonseq").path
        try EventLayers.writeSequence(events, to: path)
        let expected = events.map { "\u{1E}" + GeoJSON.encode(EventGeoJSON.feature($0)) + "\n" }.joined()
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8) == expected)
    }

    func testDayLayersOfManyEventsEqualOneCollectionADay() throws {
        let dir = try temporaryDirectory()
        let events = VariedEvents.make(4_000, seed: 5)
        let partition = DayPartition(events)
        let extra: [Day: [Feature]] = [Day(iso: "2020-01-25")!: [Feature(geometry: .lineString([
            Coordinate(lon: 36.7, lat: 35.8), Coordinate(lon: 36.9, lat: 35.9)]), properties: ["kind": "front_line"])]]
        for maxOpen in [512, 5] {
            let out = dir.appendingPathComponent("open-\(maxOpen)")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let counts = try EventLayers.writeDays(events, extra: extra, path: { out.appendingPathComponent("\($0).geojson").path },
                                                   maxOpen: maxOpen)
            XCTAssertEqual(counts.map(\.day), partition.sortedDays)
            for (day, count) in counts {
                let indices = partition.days[day] ?? []
                XCTAssertEqual(count, indices.count + (extra[day]?.count ?? 0), "\(day)")
                let features = indices.map { EventGeoJSON.feature(events[Int($0)]) } + (extra[day] ?? [])
                let expected = GeoJSON.encode(FeatureCollection(features: features,
                                                                foreignMembers: Attribution.members(name: "\(day)"))
                    .withComputedBoundingBox())
                XCTAssertTrue(try String(contentsOfFile: out.appendingPathComponent("\(day).geojson").path, encoding: .utf8) == expected,
                              "\(day), maxOpen \(maxOpen)")
            }
        }
    }

    func testDayLayersOfDatesCenturiesApartIncludingASpanAcrossTheirWindows() throws {
        let dir = try temporaryDirectory()
        let first = Day(iso: "1800-03-01")!
        // Windows of 65,536 calendar days from the first day: the third event spans the boundary.
        var events = [Sample.event("old", "Armed clash", "Saraqeb", 36.8, 35.86, start: first),
                      Sample.event("late", "Armed clash", "Nairab", 36.72, 35.86, start: Day(iso: "2020-02-06")!)]
        events.append(Sample.event("edge", "Armed clash", "Taftanaz", 36.78, 35.99, start: first.adding(days: 65_535),
                                   end: first.adding(days: 65_537)))
        let extra: [Day: [Feature]] = [first.adding(days: 100): [Feature(geometry: .point(Coordinate(lon: 36.7, lat: 35.9)),
                                                                         properties: ["kind": "control"])]]
        let counts = try EventLayers.writeDays(events, extra: extra) { dir.appendingPathComponent("\($0).geojson").path }
        XCTAssertEqual(counts.map(\.day), [first, first.adding(days: 100), first.adding(days: 65_535), first.adding(days: 65_536),
                                           first.adding(days: 65_537), Day(iso: "2020-02-06")!])
        XCTAssertEqual(counts.map(\.count), [1, 1, 1, 1, 1, 1])
        for (day, _) in counts {
            let features = DayPartition(events).days[day, default: []].map { EventGeoJSON.feature(events[Int($0)]) }
                + (extra[day] ?? [])
            let expected = GeoJSON.encode(FeatureCollection(features: features, foreignMembers: Attribution.members(name: "\(day)"))
                .withComputedBoundingBox())
            XCTAssertEqual(try String(contentsOfFile: dir.appendingPathComponent("\(day).geojson").path, encoding: .utf8), expected)
        }
    }

    func testAFeatureLargerThanTheBufferAndEscapesOnlyIsWrittenWhole() throws {
        let dir = try temporaryDirectory()
        var big = Sample.events[0]
        // Every byte escaped as \u00XX: the formatter's bound is reached exactly.
        big.notes = String(repeating: "\u{01}", count: 30_000)
        big.sources.append(EventSource(report: "long.txt", sentence: String(repeating: "quote \" ", count: 20_000),
                                       charStart: 0, charEnd: 160_000))
        let events = [Sample.events[1], big, Sample.events[2]]
        let path = dir.appendingPathComponent("big.geojson").path
        let w = try FeatureCollectionWriter(path: path, bbox: nil, members: [:], bufferSize: 4096)
        for e in events { w.write(event: e) }
        try w.finish()
        let expected = GeoJSON.encode(FeatureCollection(features: events.map { EventGeoJSON.feature($0) }))
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8) == expected)
    }

    func testAnUnwritableDayFolderFailsWithTheDaysPathAndLeavesNoTemporaryFiles() throws {
        let dir = try temporaryDirectory()
        let events = VariedEvents.make(300, seed: 9)
        let days = DayPartition(events).sortedDays
        let bad = days[days.count / 2]
        XCTAssertThrowsError(try EventLayers.writeDays(events, path: { day in
            day == bad ? dir.appendingPathComponent("missing/\(day).geojson").path : dir.appendingPathComponent("\(day).geojson").path
        })) { error in
            XCTAssertTrue("\(error)".contains("missing/\(bad).geojson"), "\(error)")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        XCTAssertFalse(left.contains { $0.hasPrefix(".") }, "temporary files left: \(left)")
    }
}
