import Control
import EventModel
import GeoModel

/// An online tile layer the user asked for (`placemap map --tiles URL --tiles-attribution TEXT`); the
/// page never loads tiles otherwise.
public struct TileLayer: Hashable, Sendable {
    /// A Leaflet URL template (`https://tile.example.org/{z}/{x}/{y}.png`).
    public var url: String
    /// The credit line the tile provider asks for, shown in the map's corner.
    public var attribution: String

    /// A tile layer from its URL template and attribution.
    public init(url: String, attribution: String) { self.url = url; self.attribution = attribution }
}

/// Choices for the page that are not data.
public struct PageOptions: Hashable, Sendable {
    /// An online tile layer under the vector base; nil (the default) for none.
    public var tiles: TileLayer?

    /// Options; by default no online layer.
    public init(tiles: TileLayer? = nil) { self.tiles = tiles }
}

/// Everything `index.html` shows, per day: built from a `MapScene` (and the extraction's explanations)
/// by `init(scene:explanations:options:)`, written by `PageWriter`. Events stay in the caller's array
/// and are turned into display fields (`PageEvent`) one at a time while the files are written.
public struct PageInput: Sendable {
    /// Events (not statements), in output order; `PageDay.events` and the details files index into it.
    public var events: [Event]
    /// The `--explain` lines of each event, keyed by event id (empty for events read from files).
    public var explanations: [String: [String]]
    /// The days shown, ascending (days with events or with a front line).
    public var days: [PageDay]
    /// The front line shown with "All days" (that of the last day that has one).
    public var lastFront: PageFront?
    /// Every movement arrow (shown with "All days").
    public var movements: [PageMovement]
    /// The vector base under the events.
    public var base: PageBase
    /// "Idlib: conflict events" (without dates).
    public var title: String
    /// "3–6 February 2020", or nil without dated days.
    public var datesCovered: String?
    /// How many reports or event files the events came from.
    public var sourceCount: Int
    /// The page's options (online tiles).
    public var options: PageOptions
    /// The box the page opens on (as map.svg's: events of precision 1–2, else all, and the front lines).
    public var box: BoundingBox?

    /// The page's input from a scene. `explanations` are the extraction's `--explain` lines by event id.
    public init(scene: MapScene, explanations: [String: [String]], options: PageOptions) {
        events = scene.events
        self.explanations = explanations
        self.options = options
        title = MapTitle.text(region: MapTitle.commonRegion(scene.places), dates: nil)
        datesCovered = scene.datesCovered
        sourceCount = scene.sourceCount
        movements = scene.movements.compactMap(PageMovement.init)
        let byDay = PageMovement.byDay(movements)
        days = scene.days.map { d in
            PageDay(day: d, events: scene.partition.days[d] ?? [],
                    front: scene.frontlines[d].map { PageFront($0, coordinates: scene.controlCoordinates) },
                    movements: byDay[d] ?? [])
        }
        lastFront = days.last { $0.front != nil }?.front
        base = PageBase(scene: scene)
        box = scene.box
    }
}

/// One day of the page: its events, front line, control and movements.
public struct PageDay: Sendable {
    /// The day.
    public var day: Day
    /// Indices into `PageInput.events` of the day's events, ascending.
    public var events: [Int32]
    /// The day's front line, sides and control; nil when the model has none that day.
    public var front: PageFront?
    /// The arrows of the day.
    public var movements: [PageMovement]
}

/// A settlement of the control table on a day.
public struct ControlPoint: Hashable, Sendable {
    /// Its display name.
    public var place: String
    /// Who holds it.
    public var side: Side
    /// Where it is.
    public var coordinate: Coordinate
}

/// A day's front line as the page draws it: the line, each side's ground, control points and figures.
public struct PageFront: Sendable {
    /// The day.
    public var day: Day
    /// The front line (a model: Voronoi split of the control table's settlements).
    public var line: Geometry
    /// The ground of each side (contested included).
    public var sides: [Side: Geometry]
    /// The settlements and who holds them.
    public var control: [ControlPoint]
    /// Length of the line, area changed since the day before, advance: kilometres and square kilometres.
    public var lengthKm: Double, changedKm2: Double, advanceKm: Double
    /// "Saraqib (opposition → government)" for each settlement that changed hands since the day before.
    public var changedHands: [String]

    /// The page's front of a model day; settlements without a coordinate are left out.
    public init(_ f: FrontlineDay, coordinates: [String: Coordinate]) {
        day = f.date
        line = f.line
        sides = f.sides
        control = f.control.compactMap { c in
            coordinates[c.placeID].map { ControlPoint(place: c.place, side: c.side, coordinate: $0) }
        }
        lengthKm = f.lengthKm; changedKm2 = f.changedKm2; advanceKm = f.advanceKm
        changedHands = f.movements.map { "\($0.place) (\($0.fromSide.rawValue) → \($0.toSide.rawValue))" }
    }
}

/// An arrow: reinforcement, displacement, or an advance of the front-line model.
public struct PageMovement: Sendable {
    /// `reinforcement`, `displacement`, `offensive` (an event's advance) or `movement` (the model's).
    public var kind: String
    /// From where to where, in words.
    public var from: String, to: String
    /// The arrow's positions, origin first.
    public var line: [Coordinate]
    /// Its geodesic length in kilometres, when known.
    public var lengthKm: Double?
    /// First and last day it belongs to; nil when undated.
    public var start: Day?, end: Day?
    /// The event it was drawn from, when any.
    public var eventID: String?

    /// The movement of a `movements.geojson` feature, or nil without a line.
    init?(_ f: Feature) {
        guard let line = f.geometry?.lines.first, line.count >= 2 else { return nil }
        self.line = line
        kind = f[property: "kind"]?.stringValue ?? "movement"
        from = f[property: "from"]?.stringValue ?? ""
        to = f[property: "to"]?.stringValue ?? f[property: "place"]?.stringValue ?? ""
        lengthKm = f[property: "length_km"]?.numberValue
        start = f[property: "date"]?.stringValue.flatMap { Day(iso: $0) }
        end = f[property: "end"]?.stringValue.flatMap { Day(iso: $0) } ?? start
        eventID = f[property: "event_id"]?.stringValue
    }

    /// The movements of each day they span (those spanning more than a week belong to no day).
    static func byDay(_ movements: [PageMovement]) -> [Day: [PageMovement]] {
        var out: [Day: [PageMovement]] = [:]
        for m in movements {
            guard let span = DayPartition.days(start: m.start, end: m.end) else { continue }
            var d = span.first
            while d <= span.last { out[d, default: []].append(m); d = d.adding(days: 1) }
        }
        return out
    }
}

/// A labelled point of the base: a place the events name.
public struct BasePlace: Hashable, Sendable {
    /// Its display name.
    public var name: String
    /// Where it is.
    public var coordinate: Coordinate
    /// How many events name it.
    public var eventCount: Int
}

/// The vector base under the events: outline, borders, governorates, highways and the most-named places.
public struct PageBase: Sendable {
    /// Places labelled on the page at most (the most-named first): enough to read the map, few enough
    /// to stay light when every event names a place of its own.
    public static let placeLimit = 300

    /// Syria's outline, the Syria–Turkey border and the governorates (`kind`, `name`, and for
    /// governorates `label_lon`/`label_lat`), as in `borders.geojson`.
    public var borders: [Feature]
    /// The highways (`id`, `name`), as in `highways.geojson`.
    public var highways: [Feature]
    /// The most-named places, most-named first (at most `placeLimit`).
    public var places: [BasePlace]

    /// The base of a scene.
    public init(scene: MapScene) {
        borders = scene.borders.features
        highways = scene.highways.features
        places = MapTitle.rankedPlaces(scene.places, limit: Self.placeLimit).compactMap { f in
            guard case .point(let c)? = f.geometry, let name = f[property: "name"]?.stringValue else { return nil }
            return BasePlace(name: name, coordinate: c, eventCount: f[property: "event_count"]?.intValue ?? 0)
        }
    }
}
