import EventModel
import Extraction
import FileIO
import GeoModel
import Geodesy
import Places

/// A dateline or description mention that an extracted event took as its place.
public struct MisusedMention: Sendable, Hashable {
    /// The mention.
    public var toponym: GoldToponym
    /// Index of the event (into the article's events).
    public var event: Int
}

/// Toponyms in context for one article (or summed): how many event-location mentions the tool places right,
/// and how many dateline or description mentions became event places.
public struct ToponymTally: Sendable, Hashable {
    /// Event-location mentions with a compiled coordinate.
    public var eventLocations = 0
    /// Of those, the ones the tool places within `ToponymScoring.withinMetres`.
    public var placed = 0
    /// Dateline and description mentions that became event places (should be 0).
    public var misused = 0

    /// An empty tally.
    public init() {}

    /// `placed / eventLocations`, nil without such mentions.
    public var share: Double? { eventLocations == 0 ? nil : Double(placed) / Double(eventLocations) }

    /// The sum of two tallies.
    public static func + (a: ToponymTally, b: ToponymTally) -> ToponymTally {
        var t = ToponymTally()
        t.eventLocations = a.eventLocations + b.eventLocations; t.placed = a.placed + b.placed
        t.misused = a.misused + b.misused
        return t
    }
}

/// One article's toponym scores with the mentions behind them.
public struct ToponymResult: Sendable, Hashable {
    /// The counts.
    public var tally: ToponymTally
    /// Event-location mentions with a coordinate that no event places within the distance.
    public var unplaced: [GoldToponym]
    /// Dateline and description mentions that became event places.
    public var misused: [MisusedMention]
}

/// Scoring place mentions against extracted events.
///
/// "The tool places a mention" means: an extracted event told by a sentence that covers the mention's
/// offset (`EventSource.charStart <= offset < charEnd`, both counted in Unicode scalars from the start of the
/// file, line 1 included) has its point within 2 km (geodesic) of the mention's compiled coordinate. This
/// judges the resolution that the events carry, in context, not the resolver on a name alone.
///
/// A dateline or description mention "became an event place" when an event told by a sentence covering it
/// lies within 2 km of its coordinate or has a place name (or unresolved name) that folds like the mention or
/// its gold place name — unless an event-location mention in the same sentence accounts for that event
/// just as well (the same place named twice, once as the event's place).
public enum ToponymScoring {
    /// How near a placed mention must be: 2 km.
    public static let withinMetres = 2_000.0

    /// The toponym result of one article's mentions and events.
    public static func score(toponyms: [GoldToponym], events: [Event]) -> ToponymResult {
        var tally = ToponymTally()
        var unplaced: [GoldToponym] = []
        var misused: [MisusedMention] = []
        for t in toponyms {
            let telling = events.indices.filter { i in events[i].sources.contains { $0.charStart <= t.charOffset && t.charOffset < $0.charEnd } }
            if t.role == .eventLocation, let c = t.coordinate {
                tally.eventLocations += 1
                if telling.contains(where: { events[$0].coordinate.map { near($0, c) } ?? false }) {
                    tally.placed += 1
                } else {
                    unplaced.append(t)
                }
            }
            guard t.role.mustNotBeEventPlace else { continue }
            for i in telling where takes(events[i], t) {
                let sameSentence = toponyms.filter { o in
                    o.role == .eventLocation && events[i].sources.contains { $0.charStart <= o.charOffset && o.charOffset < $0.charEnd }
                }
                if sameSentence.contains(where: { takes(events[i], $0) }) { continue }
                misused.append(MisusedMention(toponym: t, event: i))
                tally.misused += 1
                break
            }
        }
        return ToponymResult(tally: tally, unplaced: unplaced, misused: misused)
    }

    /// True when `event` is placed at the mention: within the distance of its point, or named like it.
    static func takes(_ event: Event, _ t: GoldToponym) -> Bool {
        if let c = t.coordinate, let e = event.coordinate, near(e, c) { return true }
        let keys = Set([t.mention, t.placeName].map(NameKey.fold).filter { !$0.isEmpty })
        return [event.place, event.unresolvedPlace].contains { $0.map { keys.contains(NameKey.fold($0)) } ?? false }
    }

    static func near(_ a: Coordinate, _ b: Coordinate) -> Bool {
        Geodesic.wgs84.distance(from: a, to: b) <= withinMetres
    }
}
