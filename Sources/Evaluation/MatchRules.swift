import GeoModel
import EventModel
import Extraction
import FileIO
import Geodesy

/// One condition an extracted event must meet to match a gold row.
public enum Criterion: String, Sendable, Hashable, CaseIterable {
    /// The date spans overlap, with the slack.
    case date
    /// Within the gold tolerance of the gold point, or (no gold point) the same place name.
    case place
    /// The same ACLED event type.
    case type
    /// The gold `actor1`'s side is among the event's actors' sides (when gold names one).
    case actor
}

/// How one extracted event stands against one gold row.
public struct Comparison: Sendable, Hashable {
    /// The criteria not met; empty for a candidate match.
    public var failed: [Criterion]
    /// The geodesic distance (metres) from the event to the gold point, when both have one.
    public var metres: Double?
    /// True when the sub-event types are equal too.
    public var typeExact: Bool
    /// Days between the spans' ends: |start − gold start| (when the gold row is dated) + |end − gold end|;
    /// 0 for an undated event.
    public var dateGap: Int

    /// True when every criterion is met.
    public var isMatch: Bool { failed.isEmpty }
}

/// The matching conditions of `placemap evaluate` (issue 11), each a small named rule.
///
/// - Dates: the event's span `start...end` (end = start when missing) overlaps the gold span widened by
///   `slackDays` on each side; an undated gold row (empty `date_start`) spans every day up to `date_end`.
///   An undated extracted event (no start) matches only an undated gold row: it never matches a dated row
///   by luck.
/// - Place: when the gold row has a point, the event's point lies within `toleranceMetres` of it, measured
///   on the WGS84 ellipsoid (`Geodesic.wgs84`, PROJ's geodesic); an event without a point fails. When the gold
///   row has none, the event's `unresolvedPlace` or `place` folds (`NameKey.fold`) to one of the row's
///   `placeNames`.
/// - Type: the ACLED event types are equal (the sub-type is scored apart, as "type exact").
/// - Actor: when the gold `actor1` has a side (`SideMap`), that side is among the sides of the event's
///   actors; an unidentified or unmapped gold actor is not checked.
public struct MatchRules: Sendable {
    /// The actor-name → side map.
    public let sides: SideMap
    /// Days of slack on either side of the gold span.
    public var slackDays: Int

    /// Rules with a side map and the one day of slack.
    public init(sides: SideMap, slackDays: Int = 1) { self.sides = sides; self.slackDays = slackDays }

    /// How `event` stands against `gold`.
    public func compare(_ event: Event, _ gold: GoldEvent) -> Comparison {
        var failed: [Criterion] = []
        if !datesOverlap(event, gold) { failed.append(.date) }
        let metres = distance(event, gold)
        if !placeAgrees(event, gold, metres: metres) { failed.append(.place) }
        if event.type != gold.type { failed.append(.type) }
        if !actorAgrees(event, gold) { failed.append(.actor) }
        return Comparison(failed: failed, metres: metres, typeExact: failed.isEmpty && event.subType?.rawValue == gold.subType,
                          dateGap: dateGap(event, gold))
    }

    /// The date rule.
    func datesOverlap(_ event: Event, _ gold: GoldEvent) -> Bool {
        guard let start = event.start else { return gold.dates.start == nil }
        let end = event.end ?? start
        if start > gold.dates.end.adding(days: slackDays) { return false }
        if let gs = gold.dates.start, end < gs.adding(days: -slackDays) { return false }
        return true
    }

    /// Days between the spans' ends (a tie-breaker among matches).
    func dateGap(_ event: Event, _ gold: GoldEvent) -> Int {
        guard let start = event.start else { return 0 }
        let end = event.end ?? start
        return abs(end.days(to: gold.dates.end)) + (gold.dates.start.map { abs(start.days(to: $0)) } ?? 0)
    }

    /// Metres from the event's point to the gold point, when both exist.
    func distance(_ event: Event, _ gold: GoldEvent) -> Double? {
        guard let a = event.coordinate, let b = gold.coordinate else { return nil }
        return Geodesic.wgs84.distance(from: a, to: b)
    }

    /// The place rule.
    func placeAgrees(_ event: Event, _ gold: GoldEvent, metres: Double?) -> Bool {
        if gold.coordinate != nil { return metres.map { $0 <= gold.toleranceMetres } ?? false }
        return [event.unresolvedPlace, event.place].contains { $0.map(gold.hasPlaceName) ?? false }
    }

    /// The actor rule.
    func actorAgrees(_ event: Event, _ gold: GoldEvent) -> Bool {
        guard case .side(let side) = sides.side(of: gold.actor1) else { return true }
        return sides.sides(of: event.actorNames).contains(side)
    }
}
