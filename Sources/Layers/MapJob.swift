import FileIO
import Control
import EventModel
import Foundation
import GeoModel
import Places

/// Everything `placemap map` draws from.
public struct MapInput {
    /// Events and statements, as extracted or read.
    public var events: [Event]
    /// The gazetteer (places, highways, borders, regions); nil draws events only.
    public var gazetteer: Gazetteer?
    /// The control table used for the front lines (with the events' changes added); nil for none.
    public var control: ControlTable?
    /// The front lines of the days that have one.
    public var frontlines: [FrontlineDay]
    /// How many reports or event files the events came from.
    public var sourceCount: Int
    /// The `--explain` lines of each event by id (from extraction; empty for event files), for the page.
    public var explanations: [String: [String]]
    /// The page's options (an online tile layer).
    public var page: PageOptions

    /// An input from its parts.
    public init(events: [Event], gazetteer: Gazetteer?, control: ControlTable? = nil, frontlines: [FrontlineDay] = [],
                sourceCount: Int, explanations: [String: [String]] = [:], page: PageOptions = PageOptions()) {
        self.events = events; self.gazetteer = gazetteer; self.control = control; self.frontlines = frontlines
        self.sourceCount = sourceCount; self.explanations = explanations; self.page = page
    }
}

/// One written layer and how many features (or lines, for JSON Lines and CSV rows) it holds.
public struct LayerCount: Hashable, Sendable {
    /// The file, relative to the output folder.
    public var file: String
    /// Features (GeoJSON), records (sequence), rows (CSV) or lines (JSON Lines).
    public var count: Int
}

/// `placemap map`: writes every layer of a map into a folder, through a staging folder so that a
/// failure leaves the earlier output intact.
public enum MapJob {
    /// The fixed top-level files, in the order they are listed.
    public static let files = ["events.geojson", "sources.csv", "events.geojsonseq", "events.csv", "statements.jsonl",
                               "ongoing.geojson", "undated.geojson", "places.geojson", "highways.geojson",
                               "borders.geojson", "border_lines.geojson", "footprints.geojson", "movements.geojson",
                               "frontlines.geojson", "map.svg", "index.html"]

    /// Events in output order: by first day (undated last), then last day, then id.
    public static func ordered(_ events: [Event]) -> [Event] {
        var events = events
        order(&events)
        return events
    }

    /// Puts `events` in output order (`ordered`) in place: days compare as integers, ids only on a tie.
    /// The sort runs on small keys (days and position), not on the events: sorting the events themselves
    /// held a merge buffer of half a million events at 10^6, the job's peak of memory. The events are then
    /// moved along the permutation's cycles, in place.
    public static func order(_ events: inout [Event]) {
        var keys = events.indices.map { OrderKey(start: events[$0].start, end: events[$0].end, index: Int32($0)) }
        events.withUnsafeBufferPointer { all in
            keys.sort { a, b in
                switch (a.start, b.start) {
                case (nil, .some): return false
                case (.some, nil): return true
                case (.some(let x), .some(let y)) where x != y: return x < y
                default:
                    let ea = a.end ?? a.start, eb = b.end ?? b.start
                    if ea != eb, let ea, let eb { return ea < eb }
                    return all[Int(a.index)].id < all[Int(b.index)].id
                }
            }
        }
        var placed = [Bool](repeating: false, count: events.count)
        for first in events.indices where !placed[first] {
            // The cycle through `first`: slot j takes the event of slot keys[j].index.
            let held = events[first]
            var j = first
            while true {
                placed[j] = true
                let from = Int(keys[j].index)
                if from == first { events[j] = held; break }
                events[j] = events[from]
                j = from
            }
        }
    }

    /// What `order` sorts for one event: its days and its position in the input.
    private struct OrderKey {
        let start: Day?
        let end: Day?
        let index: Int32
    }

    /// Front lines for the days of `events` (`drawnDays`: every day inside the control table's range from
    /// the first dated day, and days with events beyond it), when some event lies in the model's area of
    /// interest; else none.
    /// The events' own changes of control (taken, overtaken, besieged) are added to `table` first.
    /// Throws the model's `ControlError` when a front line cannot be computed.
    public static func frontlines(for events: [Event], gazetteer: Gazetteer, table: ControlTable) throws
        -> (table: ControlTable, days: [FrontlineDay])
    {
        let merged = try table.adding(events: events, gazetteer: gazetteer).table
        let partition = DayPartition(events)
        guard let first = partition.sortedDays.first, let last = partition.sortedDays.last, last >= merged.firstDay,
              first <= merged.lastDay || merged.assumesUnchanged
        else { return (merged, []) }
        let model = try FrontlineModel(gazetteer: gazetteer, table: merged)
        guard let area = model.area.boundingBox,
              events.contains(where: { $0.coordinate.map(area.contains) ?? false }) else { return (merged, []) }
        return (merged, try drawnDays(events: partition.sortedDays, table: table, merged: merged).map { try model.day($0) })
    }

    /// The days that get a front line: every day the events span inside the control table's own range, and
    /// beyond it only days with events that the table (with the events' changes, or `assumesUnchanged`)
    /// covers. So one event dated 9999-12-31 costs one front line, not three million.
    static func drawnDays(events days: [Day], table: ControlTable, merged: ControlTable) -> [Day] {
        guard let first = days.first, let last = days.last else { return [] }
        let from = max(first, merged.firstDay), to = min(last, table.lastDay)
        var drawn = from <= to ? (0...from.days(to: to)).map { from.adding(days: $0) } : []
        drawn += days.filter { $0 > to && $0 >= merged.firstDay && ($0 <= merged.lastDay || merged.assumesUnchanged) }
        return drawn
    }

    /// Writes all layers of `input` into `out` (created when missing) and returns what each holds.
    /// Throws `LayersError` (an unwritable folder or file, a projection failure) or `PageError` (Leaflet
    /// missing); the earlier content of `out` is then left as it was. `alsoWrite` (file name, text) are
    /// files of other modules published with the layers, in the same swap.
    /// `input` is consumed: its events are sorted in place, not copied. `progress` is told each stage.
    public static func write(_ input: consuming MapInput, to out: String, progress: MapProgress? = nil,
                             alsoWrite: [(file: String, text: String)] = []) throws -> [LayerCount] {
        let leaflet = try LeafletFiles.locate()
        var events = input.events
        input.events = []
        order(&events)
        var statements: [Event] = []
        if events.contains(where: { $0.kind == .statement }) {
            statements = events.filter { $0.kind == .statement }
            events.removeAll { $0.kind == .statement }
        }
        let partition = DayPartition(events)
        let fronts = Dictionary(input.frontlines.map { ($0.date, $0) }, uniquingKeysWith: { a, _ in a })
        let days = Array(Set(partition.sortedDays).union(fronts.keys)).sorted()
        var counts: [LayerCount] = []
        let folder = try OutputFolder(path: out)
        let credit = Attribution.text(for: input.gazetteer)

        // events
        progress?.update(.eventLayers, done: 0, total: events.count)
        // sources.csv and events.csv on a thread of their own (mostly formatting), while this one writes the
        // GeoJSON layers (mostly the kernel's copies)
        let sourcesPath = try folder.stagingPath("sources.csv"), tablePath = try folder.stagingPath("events.csv")
        let tables = BackgroundWork { [events] in
            try stream(to: sourcesPath) { sink in SourcesCSV.write(events) { sink.append($0) } }
            try EventTable.writeCSV(events, to: tablePath)
        }
        defer { tables.join() }

        // events.geojson, events.geojsonseq and the days' events, each Feature formatted once
        let eventDays = try EventLayerPass.write(
            events, partition: partition,
            to: .init(collection: folder.stagingPath("events.geojson"), sequence: folder.stagingPath("events.geojsonseq"),
                      day: { try folder.stagingPath("days/\($0)/events.geojson") }),
            name: "events", attribution: credit) { n in progress?.update(.eventLayers, done: n, total: events.count) }
        counts.append(LayerCount(file: "events.geojson", count: events.count))
        counts.append(LayerCount(file: "sources.csv", count: events.withUnsafeBufferPointer { all in
            all.indices.reduce(0) { $0 + all[$1].sources.count }
        }))
        counts.append(LayerCount(file: "events.geojsonseq", count: events.count))
        counts.append(LayerCount(file: "events.csv", count: events.count))
        try ByteSink.write(EventJSONLines.encode(statements), to: folder.stagingPath("statements.jsonl"))
        counts.append(LayerCount(file: "statements.jsonl", count: statements.count))
        try EventLayers.writeCollection(events, indices: partition.ongoing, to: folder.stagingPath("ongoing.geojson"),
                                        name: "ongoing", attribution: credit)
        counts.append(LayerCount(file: "ongoing.geojson", count: partition.ongoing.count))
        try EventLayers.writeCollection(events, indices: partition.undated, to: folder.stagingPath("undated.geojson"),
                                        name: "undated", attribution: credit)
        counts.append(LayerCount(file: "undated.geojson", count: partition.undated.count))

        // one folder a day, one geometry type a file: its events (written above), front line, sides and control
        progress?.update(.dayLayers, done: 0, total: events.count)
        var dayCounts = eventDays.map { LayerCount(file: "days/\($0.day)/events.geojson", count: $0.count) }
        for day in fronts.keys.sorted() {
            let parts = GISLayers.day(fronts[day]!, coordinates: input.control?.coordinates ?? [:])
            for (file, features) in [("frontline", parts.line), ("sides", parts.sides), ("control", parts.control)] {
                let path = "days/\(day)/\(file).geojson"
                try ByteSink.write(GeoJSON.encode(BaseLayers.collection(features, name: "\(file) \(day)", attribution: credit)), to: folder.stagingPath(path))
                dayCounts.append(LayerCount(file: path, count: features.count))
            }
        }
        dayCounts.sort { $0.file < $1.file }

        // base layers
        progress?.update(.baseLayers, done: events.count, total: events.count)
        let places = BaseLayers.places(of: events, gazetteer: input.gazetteer)
        let highways = input.gazetteer.map(BaseLayers.highways) ?? BaseLayers.collection([], name: "highways", attribution: credit)
        let borders = input.gazetteer.map(BaseLayers.borders) ?? BaseLayers.collection([], name: "borders", attribution: credit)
        let footprints = BaseLayers.footprints(of: events, gazetteer: input.gazetteer)
        let rules = MovementRules(gazetteer: input.gazetteer, control: input.control)
        var movementFeatures = events.compactMap(rules.movement(of:))
        for d in input.frontlines.sorted(by: { $0.date < $1.date }) {
            movementFeatures += d.movementFeatures.map { f in
                var f = f
                var p = f.properties ?? [:]
                p["end"] = p["date"]
                p["kind"] = "offensive"
                p["origin_rule"] = "from the previous day's front line to the settlement (front-line model)"
                f.properties = p
                return f
            }
        }
        let movements = BaseLayers.collection(movementFeatures, name: "movements", attribution: credit)
        let frontlines = BaseLayers.collection(input.frontlines.sorted { $0.date < $1.date }.map(frontlineFeature),
                                               name: "frontlines", attribution: credit)
        let regions = BaseLayers.collection(GISLayers.polygons(of: borders.features), name: "borders", attribution: credit)
        let borderLines = BaseLayers.collection(GISLayers.lines(of: borders.features), name: "border lines", attribution: credit)
        let areas = BaseLayers.collection(GISLayers.polygons(of: footprints.features), name: "footprints", attribution: credit)
        for (file, c) in [("places.geojson", places), ("highways.geojson", highways), ("borders.geojson", regions),
                          ("border_lines.geojson", borderLines), ("footprints.geojson", areas),
                          ("movements.geojson", movements), ("frontlines.geojson", frontlines)] {
            let fitted = BaseLayers.collection(GISLayers.fittingText(c.features), name: c.foreignMembers["name"]?.stringValue ?? file, attribution: credit)
            try ByteSink.write(GeoJSON.encode(fitted), to: folder.stagingPath(file))
            counts.append(LayerCount(file: file, count: c.features.count))
        }

        // the map and the page
        progress?.update(.svg, done: 0, total: events.count)
        let scene = MapScene(events: events, partition: partition, days: days, frontlines: fronts,
                             controlCoordinates: input.control?.coordinates ?? [:], movements: movementFeatures,
                             places: places, highways: highways, borders: borders, sourceCount: input.sourceCount,
                             attribution: credit)
        try ByteSink.write(try SVGMap.render(scene), to: folder.stagingPath("map.svg"))
        counts.append(LayerCount(file: "map.svg", count: events.count))
        progress?.update(.page, done: 0, total: events.count)
        let page = PageInput(scene: scene, explanations: input.explanations, options: input.page)
        let pageFiles = try PageWriter.write(page, leaflet: leaflet, into: folder) { n in
            progress?.update(.page, done: n, total: events.count)
        }
        counts.append(LayerCount(file: "index.html", count: days.count))
        counts.append(LayerCount(file: "page/", count: pageFiles))
        for extra in alsoWrite { try ByteSink.write(extra.text, to: folder.stagingPath(extra.file)) }
        try tables.wait()

        try folder.publish()
        return counts + dayCounts
    }

    /// Writes a file through a `ByteSink` that `body` fills (temporary file, renamed when complete).
    static func stream(to path: String, _ body: (ByteSink) -> Void) throws {
        let sink = try ByteSink(path: path)
        body(sink)
        try sink.commit()
    }

    /// One feature per day for `frontlines.geojson`: the line (a MultiLineString) with the day's figures as
    /// flat properties (`length_km`, `changed_km2`, `advance_km`, each side's `…_km2`, the number of
    /// `settlements` and of those that `changed_hands`); the control list is in `days/DAY/control.geojson`.
    static func frontlineFeature(_ f: FrontlineDay) -> Feature {
        let date = JSONValue.string(f.date.description)
        var props: [String: JSONValue] = [
            "date": date, "begin": date, "end": date, "name": .string("Front line \(f.date)"), "kind": "front_line",
            "method": "Voronoi split of the area of interest among the control table's settlements (UTM); a model of control, not a surveyed line",
            "length_km": GISLayers.km(f.lengthKm), "changed_km2": GISLayers.km(f.changedKm2), "advance_km": GISLayers.km(f.advanceKm),
            "settlements": .int(f.control.count), "changed_hands": .int(f.movements.count),
            "line_side": .string(f.lineSide.rawValue),
        ]
        for side in f.sideOrder { props["\(side.rawValue)_km2"] = GISLayers.km(f.areaKm2[side.rawValue] ?? 0) }
        return Feature(id: .string(f.date.description), geometry: GISLayers.lines(of: [Feature(geometry: f.line)]).first?.geometry,
                       properties: props)
    }
}
