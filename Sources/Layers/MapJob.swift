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
                               "borders.geojson", "footprints.geojson", "movements.geojson", "frontlines.geojson",
                               "map.svg", "index.html"]

    /// Events in output order: by first day (undated last), then last day, then id.
    public static func ordered(_ events: [Event]) -> [Event] {
        events.sorted { a, b in
            switch (a.start, b.start) {
            case (nil, .some): return false
            case (.some, nil): return true
            case (.some(let x), .some(let y)) where x != y: return x < y
            default:
                let ea = a.end ?? a.start, eb = b.end ?? b.start
                if ea != eb, let ea, let eb { return ea < eb }
                return a.id < b.id
            }
        }
    }

    /// Front lines for the days of `events`: from the first dated day (or the control table's first day,
    /// when later) to the last (or the table's last day, when earlier), when some event lies in the model's
    /// area of interest; else none.
    /// The events' own changes of control (taken, overtaken, besieged) are added to `table` first.
    /// Throws the model's `ControlError` when a front line cannot be computed.
    public static func frontlines(for events: [Event], gazetteer: Gazetteer, table: ControlTable) throws
        -> (table: ControlTable, days: [FrontlineDay])
    {
        let merged = (try? table.adding(events: events, gazetteer: gazetteer).table) ?? table
        let partition = DayPartition(events)
        guard let first = partition.sortedDays.first, let last = partition.sortedDays.last, last >= merged.firstDay,
              first <= merged.lastDay || merged.assumesUnchanged
        else { return (merged, []) }
        let model = try FrontlineModel(gazetteer: gazetteer, table: merged)
        guard let area = model.area.boundingBox,
              events.contains(where: { $0.coordinate.map(area.contains) ?? false }) else { return (merged, []) }
        return (merged, try model.range(from: max(first, merged.firstDay), to: merged.assumesUnchanged ? last : min(last, merged.lastDay)))
    }

    /// Writes all layers of `input` into `out` (created when missing) and returns what each holds.
    /// Throws `LayersError` (an unwritable folder or file, a projection failure) or `PageError` (Leaflet
    /// missing); the earlier content of `out` is then left as it was.
    public static func write(_ input: MapInput, to out: String) throws -> [LayerCount] {
        let leaflet = try LeafletFiles.locate()
        let all = ordered(input.events)
        let events = all.filter { $0.kind == .event }
        let statements = all.filter { $0.kind == .statement }
        let partition = DayPartition(events)
        let fronts = Dictionary(input.frontlines.map { ($0.date, $0) }, uniquingKeysWith: { a, _ in a })
        let days = Array(Set(partition.sortedDays).union(fronts.keys)).sorted()
        var counts: [LayerCount] = []
        let folder = try OutputFolder(path: out)
        let credit = Attribution.text(for: input.gazetteer)

        // events
        try EventLayers.writeCollection(events, indices: nil, to: folder.stagingPath("events.geojson"), name: "events",
                                        attribution: credit)
        counts.append(LayerCount(file: "events.geojson", count: events.count))
        try stream(to: folder.stagingPath("sources.csv")) { sink in SourcesCSV.write(events) { sink.append($0) } }
        counts.append(LayerCount(file: "sources.csv", count: events.reduce(0) { $0 + $1.sources.count }))
        try EventLayers.writeSequence(events, to: folder.stagingPath("events.geojsonseq"))
        counts.append(LayerCount(file: "events.geojsonseq", count: events.count))
        try stream(to: folder.stagingPath("events.csv")) { sink in EventCSV.write(events, header: true) { sink.append($0) } }
        counts.append(LayerCount(file: "events.csv", count: events.count))
        try ByteSink.write(EventJSONLines.encode(statements), to: folder.stagingPath("statements.jsonl"))
        counts.append(LayerCount(file: "statements.jsonl", count: statements.count))
        try EventLayers.writeCollection(events, indices: partition.ongoing, to: folder.stagingPath("ongoing.geojson"),
                                        name: "ongoing", attribution: credit)
        counts.append(LayerCount(file: "ongoing.geojson", count: partition.ongoing.count))
        try EventLayers.writeCollection(events, indices: partition.undated, to: folder.stagingPath("undated.geojson"),
                                        name: "undated", attribution: credit)
        counts.append(LayerCount(file: "undated.geojson", count: partition.undated.count))

        // one layer a day: its events, then its front line, sides and control
        var extra: [Day: [Feature]] = [:]
        for (day, f) in fronts { extra[day] = dayFeatures(f, coordinates: input.control?.coordinates ?? [:]) }
        let dayCounts = try EventLayers.writeDays(events, extra: extra, attribution: credit) { day in
            try folder.stagingPath("days/\(day).geojson")
        }.map { LayerCount(file: "days/\($0.day).geojson", count: $0.count) }

        // base layers
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
        for (file, c) in [("places.geojson", places), ("highways.geojson", highways), ("borders.geojson", borders),
                          ("footprints.geojson", footprints), ("movements.geojson", movements),
                          ("frontlines.geojson", frontlines)] {
            try ByteSink.write(GeoJSON.encode(c), to: folder.stagingPath(file))
            counts.append(LayerCount(file: file, count: c.features.count))
        }

        // the map and the page
        let scene = MapScene(events: events, partition: partition, days: days, frontlines: fronts,
                             controlCoordinates: input.control?.coordinates ?? [:], movements: movementFeatures,
                             places: places, highways: highways, borders: borders, sourceCount: input.sourceCount,
                             attribution: credit)
        try ByteSink.write(try SVGMap.render(scene), to: folder.stagingPath("map.svg"))
        counts.append(LayerCount(file: "map.svg", count: events.count))
        let page = PageInput(scene: scene, explanations: input.explanations, options: input.page)
        let pageFiles = try PageWriter.write(page, leaflet: leaflet, into: folder)
        counts.append(LayerCount(file: "index.html", count: days.count))
        counts.append(LayerCount(file: "page/", count: pageFiles))

        try folder.publish()
        return counts + dayCounts
    }

    /// Writes a file through a `ByteSink` that `body` fills (temporary file, renamed when complete).
    static func stream(to path: String, _ body: (ByteSink) -> Void) throws {
        let sink = try ByteSink(path: path)
        body(sink)
        try sink.commit()
    }

    /// A day's front-line features (line, sides, contested) and its control points (`kind` "control",
    /// `place_id`, `place`, `side`, `distance_to_line_km`, `date`).
    static func dayFeatures(_ f: FrontlineDay, coordinates: [String: Coordinate]) -> [Feature] {
        let distance = Dictionary(f.placeDistances.map { ($0.placeID, $0.distanceKm) }, uniquingKeysWith: { a, _ in a })
        let points = f.control.compactMap { c -> Feature? in
            guard let at = coordinates[c.placeID] else { return nil }
            return Feature(geometry: .point(at), properties: [
                "kind": "control", "date": .string(f.date.description), "place_id": .string(c.placeID),
                "place": .string(c.place), "side": .string(c.side.rawValue),
                "distance_to_line_km": distance[c.placeID].map { .number(($0 * 1000).rounded() / 1000) } ?? .null,
            ])
        }
        return f.features + points
    }

    /// One feature per day for `frontlines.geojson`: the line, with the day's figures and control list.
    static func frontlineFeature(_ f: FrontlineDay) -> Feature {
        var props = f.json.objectValue ?? [:]
        props["kind"] = "front_line"
        props["method"] = "Voronoi split of the area of interest among the control table's settlements (UTM); a model of control, not a surveyed line"
        return Feature(id: .string(f.date.description), geometry: f.line, properties: props)
    }
}
