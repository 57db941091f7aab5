import GeoModel

/// The fields of one event as a reader found them, before they are checked and made an `Event`. Every
/// reader (JSON Lines, GeoJSON, CSV, the store) fills one and calls `event()`, so that every format is read
/// with the same rules and the same messages.
public struct EventValues: Sendable {
    /// By `EventField.ordinal`: an array, not a dictionary, since a million rows may be read.
    private var values = [FieldValue?](repeating: nil, count: EventField.allCases.count)

    /// No values yet.
    public init() {}

    /// The values of `e` (every field).
    public init(of e: Event) { for f in EventField.allCases { self[f] = f.value(of: e) } }

    /// The value read for a field, or nil when the source did not carry it.
    public subscript(field: EventField) -> FieldValue? {
        get { values[field.ordinal] }
        set { values[field.ordinal] = newValue }
    }

    /// The most deaths an event can be coded with; a larger figure is a typo or a campaign total.
    public static let maxCount = 1_000_000
    /// The longest span an event can have, in days (ten years).
    public static let maxSpanDays = 3653

    /// The event these values describe. A claim of 0 dead and 0 displaced are no figures (nil), so that
    /// the flat form, which writes 0 for none, reads back the same event.
    /// - Throws: `EventModelError` naming the field: a missing id, an unknown type, a bad date order or
    ///   span, coordinates out of range or given half, a count out of range, an unknown actor type.
    public func event() throws -> Event {
        guard let id = text(.id)?.trimmingSpaces(), !id.isEmpty else {
            throw EventModelError.outOfRange(field: "id", message: "the event id is missing or empty")
        }
        let category = try EventCategory(type: text(.type), subType: text(.subType))
        // `kind` is derived from the type; when a file gives it, it must say the same.
        if let k = text(.kind), EventKind(rawValue: k) != (category.isStatement ? .statement : .event) {
            throw EventModelError.outOfRange(field: "kind", message: "must be \"event\" or \"statement\" as the type says, not \"\(k)\"")
        }
        let start = day(.start), end = day(.end) ?? start
        if let start, let end {
            guard start <= end else {
                throw EventModelError.outOfRange(field: "end", message: "the last day \(end) comes before the first \(start)")
            }
            guard start.days(to: end) <= EventValues.maxSpanDays else {
                throw EventModelError.outOfRange(field: "end", message: "a span of \(start.days(to: end) + 1) days (\(start)..\(end)) is longer than ten years")
            }
        }
        var precision: DatePrecision
        if let p = text(.datePrecision) {
            guard let dp = DatePrecision(rawValue: p) else {
                throw EventModelError.outOfRange(field: "date_precision", message: "must be day, span, report or unknown, not \"\(p)\"")
            }
            precision = dp
        } else {
            precision = start == nil ? .unknown : (start == end ? .day : .span)
        }
        if start == nil { precision = .unknown } else if precision == .unknown { precision = start == end ? .day : .span }
        let coordinate = try position()
        let geoPrecision = try count(.geoPrecision, max: 3) ?? 1
        guard (1...3).contains(geoPrecision) else {
            throw EventModelError.outOfRange(field: "geo_precision", message: "must be 1, 2 or 3, not \(geoPrecision)")
        }
        var (actor1, assoc1, actor2, assoc2) = (try actor(.actor1, kind: .inter1), names(.assocActor1).map { Actor($0) },
                                                try actor(.actor2, kind: .inter2), names(.assocActor2).map { Actor($0) })
        // Files written before the four actor fields carry one ordered list: who acted, then who was acted on.
        if actor1 == nil, actor2 == nil, assoc1.isEmpty, assoc2.isEmpty {
            let legacy = names(.actors)
            actor1 = legacy.first.map { Actor($0) }
            actor2 = legacy.dropFirst().first.map { Actor($0) }
            assoc2 = legacy.dropFirst(2).map { Actor($0) }
        }
        return Event(id: id, category: category, start: start, end: end, datePrecision: precision,
                     place: text(.place) ?? "", placeID: text(.placeID), coordinate: coordinate,
                     geoPrecision: geoPrecision, direction: text(.direction), country: text(.country)?.uppercased(),
                     admin1: text(.admin1), admin2: text(.admin2), admin3: text(.admin3),
                     actor1: actor1, assocActor1: assoc1, actor2: actor2, assocActor2: assoc2,
                     fatalities: try count(.fatalities, max: EventValues.maxCount),
                     fatalitiesClaimed: try count(.fatalitiesClaimed, max: EventValues.maxCount).flatMap { $0 == 0 ? nil : $0 },
                     fatalitiesDetail: text(.fatalitiesDetail), claimed: flag(.claimed),
                     displaced: try count(.displaced, max: 100 * EventValues.maxCount).flatMap { $0 == 0 ? nil : $0 },
                     unresolvedPlace: text(.unresolvedPlace), sources: sources(), notes: text(.notes))
    }

    // MARK: Typed access

    /// A text value; empty text counts as absent.
    func text(_ f: EventField) -> String? {
        guard case .text(let s)? = self[f], let s, !s.isEmpty else { return nil }
        return s
    }

    func day(_ f: EventField) -> Day? {
        if case .day(let d)? = self[f] { return d }
        return nil
    }

    func names(_ f: EventField) -> [String] {
        if case .texts(let l)? = self[f] { return l.filter { !$0.isEmpty } }
        return []
    }

    func flag(_ f: EventField) -> Bool {
        if case .boolean(let b)? = self[f] { return b }
        return false
    }

    func sources() -> [EventSource] {
        if case .sources(let s)? = self[.sources] { return s }
        return []
    }

    /// A whole number in 0...max, or nil when absent.
    func count(_ f: EventField, max: Int) throws -> Int? {
        guard case .integer(let n)? = self[f], let n else { return nil }
        guard n >= 0 else { throw EventModelError.outOfRange(field: f.name, message: "\(n) is negative") }
        guard n <= max else {
            throw EventModelError.outOfRange(field: f.name, message: "\(n) is beyond any plausible figure (at most \(max))")
        }
        return n
    }

    func actor(_ f: EventField, kind k: EventField) throws -> Actor? {
        guard let name = text(f) else { return nil }
        guard let kindName = text(k) else { return Actor(name) }
        guard let kind = ActorKind(named: kindName) else { throw EventModelError.unknownActorKind(kindName) }
        return Actor(name, kind: kind)
    }

    /// Both coordinates or neither; each in range.
    func position() throws -> Coordinate? {
        guard case .real(let lon)? = self[.lon], let lon else {
            if case .real(let lat)? = self[.lat], lat != nil {
                throw EventModelError.outOfRange(field: "lon", message: "a latitude is given without a longitude")
            }
            return nil
        }
        guard case .real(let lat)? = self[.lat], let lat else {
            throw EventModelError.outOfRange(field: "lat", message: "a longitude is given without a latitude")
        }
        guard lon.isFinite, lat.isFinite, (-180...180).contains(lon), (-90...90).contains(lat) else {
            throw EventModelError.outOfRange(
                field: "lon/lat", message: "coordinates \(lon),\(lat) are out of range: longitude must lie in [-180, 180] and latitude in [-90, 90]")
        }
        return Coordinate(lon: lon, lat: lat)
    }
}

import Foundation
