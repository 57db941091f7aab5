import EventModel
import GeoModel
import Layers
import TestSupport
import XCTest

/// Many varied events (more than one formatting block of 4096), deterministic: every optional field
/// both present and absent, strings that need escaping, multi-day, ongoing and undated events.
enum VariedEvents {
    static let words = ["Saraqeb", "Taftanaz", "Nairab", "Idleb", "Tell \"Sultan\"", "back\\slash", "line\nbreak",
                        "tab\there", "bell\u{07}", "Ma'arat al-Nu'man", "Sarmīn", "✓ checked", "", "a"]

    static func make(_ count: Int, seed: UInt64 = 7) -> [Event] {
        var g = SplitMix64(seed: seed)
        func word() -> String { words.randomElement(using: &g)! }
        func maybe<T>(_ value: @autoclosure () -> T) -> T? { Bool.random(using: &g) ? value() : nil }
        let day0 = Day(iso: "2020-01-20")!
        return (0..<count).map { i in
            let start: Day? = Int.random(in: 0..<20, using: &g) == 0 ? nil : day0.adding(days: Int.random(in: 0..<40, using: &g))
            let span = [0, 0, 0, 0, 1, 2, 6, 7, 9].randomElement(using: &g)!
            let end = start.map { $0.adding(days: span) }
            var lon = Double.random(in: 35...38, using: &g), lat = Double.random(in: 34...37, using: &g)
            if i % 97 == 0 { lon = Double.random(in: -1...1, using: &g); lat = Double.random(in: -0.5...0.5, using: &g) }
            let sources = (0..<Int.random(in: 0...3, using: &g)).map { k in
                EventSource(report: "r\(k).txt", sentence: word() + " " + word(), charStart: k * 10, charEnd: k * 10 + 9)
            }
            func actor() -> Actor { Actor(word(), kind: maybe(ActorKind.allCases.randomElement(using: &g)!)) }
            let category = i % 13 == 0 ? EventCategory(.statement)
                : (i % 7 == 0 ? EventCategory(unspecified: EventType.allCases.randomElement(using: &g)!)
                    : EventCategory(SubEventType.allCases.randomElement(using: &g)!))
            return Event(id: "e\(i)", category: category,
                         start: start, end: end, datePrecision: start == nil ? .unknown : (span == 0 ? .day : .span),
                         place: word(), placeID: maybe("pm:\(i)"), coordinate: i % 31 == 0 ? nil : Coordinate(lon: lon, lat: lat),
                         geoPrecision: Int.random(in: 1...3, using: &g), direction: maybe(word()), country: maybe("SY"),
                         admin1: maybe(word()), admin2: maybe(word()), admin3: maybe(word()), actor1: maybe(actor()),
                         assocActor1: (0..<Int.random(in: 0...2, using: &g)).map { _ in actor() }, actor2: maybe(actor()),
                         assocActor2: (0..<Int.random(in: 0...2, using: &g)).map { _ in actor() },
                         fatalities: maybe(Int.random(in: 0...500, using: &g)), fatalitiesClaimed: maybe(Int.random(in: 0...90, using: &g)),
                         fatalitiesDetail: maybe(word()), claimed: Bool.random(using: &g),
                         displaced: maybe(Int.random(in: 0...900_000, using: &g)),
                         unresolvedPlace: maybe(word()), sources: sources, notes: maybe(word()))
        }
    }
}

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
