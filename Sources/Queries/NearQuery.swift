import EventModel
import Foundation
import GeoModel
import Geodesy

/// Which events a query keeps, besides where they are.
public struct EventFilter: Sendable, Equatable {
    /// Keep events whose dates reach this day or later (undated events are then left out).
    public var from: Day?
    /// Keep events whose dates start on this day or earlier (undated events are then left out).
    public var to: Day?
    /// Keep events of this type or sub-type only.
    public var type: TypeFilter?
    /// Keep events located only to a region (precision 3), whose point is a label, not a place.
    public var includeRegions: Bool

    /// A filter (`NearQuery` refuses one whose `from` comes after `to`).
    public init(from: Day? = nil, to: Day? = nil, type: TypeFilter? = nil, includeRegions: Bool = false) {
        self.from = from; self.to = to; self.type = type; self.includeRegions = includeRegions
    }

    /// True when the dates, type and precision pass (the position is not looked at).
    @inline(__always)
    public func passes(start: Day?, end: Day?, geoPrecision: Int) -> Bool {
        if geoPrecision >= 3 && !includeRegions { return false }
        if from != nil || to != nil {
            guard let s = start else { return false }
            let e = end ?? s
            if let from, e < from { return false }
            if let to, s > to { return false }
        }
        return true
    }

    /// True when the category passes (always when no type is asked for).
    @inline(__always)
    public func passes(_ category: EventCategory) -> Bool {
        guard let type else { return true }
        switch type {
        case .type(let t): return category.type == t
        case .subType(let s): return category.subType == s
        }
    }

    /// True when the event passes every part of the filter and has a point.
    public func passes(_ e: Event) -> Bool {
        e.coordinate != nil && e.kind == .event && passes(start: e.start, end: e.end, geoPrecision: e.geoPrecision)
            && passes(e.category)
    }
}

/// An event type or sub-type to keep, named as ACLED names it (any case): "Battles", "Air/drone strike".
public enum TypeFilter: Sendable, Hashable {
    case type(EventType)
    case subType(SubEventType)

    /// The type or sub-type `text` names. Throws `QueriesError.badValue` listing the names when none fits.
    public init(parsing text: String) throws {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let e = EventType.allCases.first(where: { $0.rawValue.lowercased() == t }) { self = .type(e); return }
        if let s = SubEventType(named: t) { self = .subType(s); return }
        throw QueriesError.badValue(
            "'\(text)' is no event type or sub-type; one of: "
                + (EventType.allCases.map(\.rawValue) + SubEventType.allCases.map(\.rawValue)).joined(separator: ", "))
    }
}

/// One event found near a centre.
public struct NearHit: Sendable, Equatable {
    /// The event.
    public var event: Event
    /// The geodesic distance from the centre, metres.
    public var distance: Double
    /// The azimuth at the centre toward the event, degrees clockwise from north in [0, 360) (0 at the centre itself).
    public var bearing: Double

    /// A hit from its parts: distance in metres, bearing in degrees clockwise from north in [0, 360).
    public init(event: Event, distance: Double, bearing: Double) {
        self.event = event; self.distance = distance; self.bearing = bearing
    }

    /// The hit of `event` seen from `center` (`geod_inverse`).
    public init(event: Event, from center: Coordinate) {
        let line = Geodesic.wgs84.inverse(from: center, to: event.coordinate!)
        self.event = event
        distance = line.distance
        bearing = line.distance == 0 ? 0 : NearQuery.bearing(line.initialAzimuth)
    }
}

/// "Events within N km of a point": a geodesic circle plus a filter.
public struct NearQuery: Sendable {
    /// The circle searched.
    public let circle: GeodesicCircle
    /// Which events count.
    public let filter: EventFilter

    /// A query of `km` kilometres around `center`; throws `QueriesError.badRadius` for a negative, non-finite
    /// or larger-than-Earth (> 20,000 km) radius, `QueriesError.badDate` when the filter's `from` follows `to`.
    public init(center: Coordinate, km: Double, filter: EventFilter = EventFilter()) throws {
        guard km.isFinite, km >= 0, km <= QueriesError.maxRadiusKm else { throw QueriesError.badRadius(km: km) }
        if let from = filter.from, let to = filter.to, from > to {
            throw QueriesError.badDate("--from \(from) comes after --to \(to)")
        }
        circle = GeodesicCircle(center: center, radius: km * 1000)
        self.filter = filter
    }

    /// An azimuth in degrees mapped to [0, 360).
    public static func bearing(_ azimuth: Double) -> Double {
        let b = azimuth < 0 ? azimuth + 360 : azimuth
        return b >= 360 ? b - 360 : b
    }

    /// The events within the circle that pass the filter, nearest first (ties by id), each with its
    /// distance and bearing. One pass over `events` (for a one-off query; see `EventIndex` for many).
    public func run(_ events: [Event]) -> [NearHit] {
        NearQuery.sorted(events.compactMap(hit))
    }

    /// The hit of one event: nil when it is outside the circle or does not pass the filter.
    public func hit(_ e: Event) -> NearHit? {
        guard filter.passes(e), let c = e.coordinate, circle.boxesContain(c), circle.contains(c) else { return nil }
        return NearHit(event: e, from: circle.center)
    }

    /// Hits nearest first; equal distances by event id.
    public static func sorted(_ hits: [NearHit]) -> [NearHit] {
        hits.sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.event.id < $1.event.id }
    }
}

/// Events with a `PointGrid` over those that pass a filter, for many queries over the same events.
public final class EventIndex: @unchecked Sendable {
    /// All the events given (shared, not copied).
    public let events: [Event]
    /// The positions in `events` of the indexed ones (with a point, passing the filter).
    public let kept: [Int]
    /// The grid over the kept events' points (its indices are positions in `kept`).
    public let grid: PointGrid

    /// An index over the events that pass `filter` (the filter is applied once, here).
    public init(_ all: [Event], filter: EventFilter) {
        events = all
        kept = all.indices.filter { filter.passes(all[$0]) }
        grid = PointGrid(kept.map { all[$0].coordinate! })
    }

    /// The number of indexed events within `km` kilometres of `center`. Throws `QueriesError.badRadius`.
    public func count(center: Coordinate, km: Double) throws -> Int {
        try grid.count(in: NearQuery(center: center, km: km).circle)
    }

    /// The indexed events within `km` kilometres of `center`, nearest first, with distance and bearing.
    /// Throws `QueriesError.badRadius`.
    public func near(center: Coordinate, km: Double) throws -> [NearHit] {
        let circle = try NearQuery(center: center, km: km).circle
        let g = Geodesic.wgs84
        // Sort small (distance, azimuth, position) triples, then build the hits: events are large to move.
        var found = grid.indices(in: circle).map { k -> (distance: Double, azimuth: Double, at: Int) in
            let line = g.inverse(from: center, to: events[kept[k]].coordinate!)
            return (line.distance, line.initialAzimuth, kept[k])
        }
        found.sort { $0.distance != $1.distance ? $0.distance < $1.distance : events[$0.at].id < events[$1.at].id }
        return found.map {
            NearHit(event: events[$0.at], distance: $0.distance, bearing: $0.distance == 0 ? 0 : NearQuery.bearing($0.azimuth))
        }
    }
}
