import EventModel
import GeoModel
import Places

/// What identifies a place in `places.geojson`: its gazetteer id, or its name when the input has no id.
enum PlaceKey: Hashable {
    /// A gazetteer id.
    case id(String)
    /// A display name (event files without gazetteer ids).
    case name(String)

    /// The feature id: the gazetteer id, or the name.
    var text: String {
        switch self {
        case .id(let s), .name(let s): return s
        }
    }
}

/// The events of one place as `BaseLayers.places` counts them: how many, and the first and last day.
struct PlaceTally {
    /// The place.
    var key: PlaceKey
    /// The name its first event gave.
    var name: String
    /// The first event's point (used when the gazetteer does not know the place).
    var coordinate: Coordinate
    /// How many events.
    var count = 1
    /// The earliest first day and the latest last day of its dated events.
    var firstDay: Day?, lastDay: Day?

    /// A tally of one event.
    init(key: PlaceKey, first e: Event, coordinate: Coordinate) {
        self.key = key; name = e.place; self.coordinate = coordinate
        firstDay = e.start; lastDay = e.start.map { e.end ?? $0 }
    }

    /// Counts one more event of the place.
    mutating func add(start: Day?, end: Day?) {
        count += 1
        guard let start else { return }
        let end = end ?? start
        if firstDay.map({ start < $0 }) ?? true { firstDay = start }
        if lastDay.map({ end > $0 }) ?? true { lastDay = end }
    }

    /// The place's Point with its properties (the gazetteer's when it knows the id).
    func feature(gazetteer: Gazetteer?) -> Feature {
        var props: [String: JSONValue]
        var point = coordinate
        if case .id(let id) = key, let p = gazetteer?.place(id: id) {
            props = ["id": .string(p.id), "name": .string(p.name), "kind": .string(p.kind.rawValue),
                     "admin1": .string(p.admin1), "source": .string(p.source)]
            point = p.coordinate
        } else if case .id(let id) = key {
            props = ["id": .string(id), "name": .string(name)]
        } else {
            props = ["id": .null, "name": .string(name)]
        }
        props["event_count"] = .int(count)
        props["first_day"] = firstDay.map { .string($0.description) } ?? .null
        props["last_day"] = lastDay.map { .string($0.description) } ?? .null
        return Feature(id: .string(key.text), geometry: .point(point), properties: props)
    }
}
