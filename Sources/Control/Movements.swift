import Foundation
import EventModel
import GeoModel
import Geodesy
import Places

/// Movements drawn from events, as arrows (LineStrings from origin to destination) with their
/// geodesic length. The reports rarely name where a movement started, so each kind has a rule:
///
/// - reinforcement or deployment by an external force (ACLED's *External/Other forces*: a foreign
///   army): from the border crossing nearest the event's place (gazetteer places of kind `crossing`, such
///   as Bab al-Hawa), else from the nearest point of the Syria–Turkey border, to the place;
/// - displacement: from the place to the nearest point of the Syria–Turkey border (where the camps are);
/// - offensive (a movement event of a side taking ground): from the nearest settlement that side held
///   the day before in the control table, to the place (settlements of the table itself get the
///   front-line model's arrows instead).
///
/// The kind of movement comes from the sub-type's table (`SubEventType.movement`). An event whose origin
/// cannot be found (no border, no control data) gets no arrow.
public struct MovementRules {
    /// Crossings of the Syria–Turkey border (gazetteer kind `crossing`).
    public var crossings: [Place]
    /// The Syria–Turkey border line(s), WGS84.
    public var border: [[Coordinate]]
    /// Who held what on a day (the control table), when known.
    public var control: ControlTable?

    /// Rules over a gazetteer (crossings and the `SY-TR` border feature) and an optional control table.
    public init(gazetteer: Gazetteer?, control: ControlTable?) {
        crossings = gazetteer?.places.filter { $0.kind == .crossing && $0.country == "SY" } ?? []
        border = gazetteer?.borders.features
            .filter { $0[property: "id"]?.stringValue == "SY-TR" }
            .flatMap { $0.geometry?.lines ?? [] } ?? []
        self.control = control
    }

    /// The movement kind an event stands for, or nil (statements never move).
    public static func kind(of e: Event) -> MovementKind? {
        e.kind == .event ? e.category.movement : nil
    }

    /// The arrow of one event, or nil when it is not a movement or its origin is unknown.
    public func movement(of e: Event) -> Feature? {
        guard let kind = Self.kind(of: e), let place = e.coordinate else { return nil }
        var from: (point: Coordinate, name: String)
        var to: (point: Coordinate, name: String) = (place, e.place)
        switch kind {
        case .reinforcement:
            guard e.actor1?.kind == .external || e.assocActor1.contains(where: { $0.kind == .external }) else { return nil }
            if let c = crossings.min(by: { distance(place, $0.coordinate) < distance(place, $1.coordinate) }) {
                from = (c.coordinate, c.name)
            } else if let b = nearestOnBorder(place) {
                from = (b, "Syria–Turkey border")
            } else { return nil }
        case .displacement:
            guard let b = nearestOnBorder(place) else { return nil }
            from = (place, e.place)
            to = (b, "Syria–Turkey border")
        case .offensive:
            guard let origin = offensiveOrigin(e, place: place) else { return nil }
            from = origin
        }
        let metres = distance(from.point, to.point)
        guard metres >= 500 else { return nil }
        return Feature(id: .string("move-\(e.id)"), geometry: .lineString([from.point, to.point]), properties: [
            "kind": .string(kind.rawValue), "event_id": .string(e.id), "from": .string(from.name),
            "to": .string(to.name), "date": .string(e.start?.description), "end": .string(e.end?.description),
            "length_km": .number(metres.rounded() / 1000), "actors": .string(e.actorNames.joined(separator: "; ")),
            "origin_rule": .string(Self.ruleText[kind]),
        ])
    }

    static let ruleText: [MovementKind: String] = [
        .reinforcement: "from the nearest Syria-Turkey border crossing to the event's place",
        .displacement: "from the event's place to the nearest point of the Syria-Turkey border",
        .offensive: "from the nearest settlement the advancing side held the day before (control table) to the event's place",
    ]

    private func offensiveOrigin(_ e: Event, place: Coordinate) -> (point: Coordinate, name: String)? {
        guard let table = control else { return nil }
        // A settlement of the table that changed hands has the front-line model's own arrow.
        if let id = e.placeID, !table.rows(of: id).isEmpty { return nil }
        let side: Side = ControlTable.side(after: e) == .opposition || e.category.movement == .offensive && e.actor1?.kind != .stateForces
            ? .opposition : .government
        let day = max((e.start ?? table.firstDay).adding(days: -1), table.firstDay)
        guard let held = try? table.control(on: day) else { return nil }
        let candidates = held.filter { $0.side == side && $0.placeID != e.placeID }
            .compactMap { c in table.coordinates[c.placeID].map { (point: $0, name: c.place) } }
        return candidates.min { distance(place, $0.point) < distance(place, $1.point) }
    }

    /// The point of the border nearest `c` (per segment in a local plane scaled by cos(latitude), then
    /// compared by geodesic distance).
    func nearestOnBorder(_ c: Coordinate) -> Coordinate? {
        var best: (Coordinate, Double)?
        let k = cos(c.lat * .pi / 180)
        for line in border {
            for (a, b) in zip(line, line.dropFirst()) {
                let ax = (a.lon - c.lon) * k, ay = a.lat - c.lat
                let bx = (b.lon - c.lon) * k, by = b.lat - c.lat
                let dx = bx - ax, dy = by - ay
                let len2 = dx * dx + dy * dy
                let t = len2 > 0 ? min(1, max(0, -(ax * dx + ay * dy) / len2)) : 0
                let p = Coordinate(lon: a.lon + (b.lon - a.lon) * t, lat: a.lat + (b.lat - a.lat) * t)
                let d = distance(c, p)
                if best == nil || d < best!.1 { best = (p, d) }
            }
        }
        return best?.0
    }

    private func distance(_ a: Coordinate, _ b: Coordinate) -> Double { Geodesic.wgs84.distance(from: a, to: b) }
}
