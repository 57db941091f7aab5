import GeoModel
/// Counts of one article, a theatre or the whole run, and the scores derived from them.
///
/// Discrete gold rows and `[background]` rows are scored apart: recall counts discrete rows only; an event
/// matched to a background row is neither right nor wrong for precision (it leaves the denominator), and
/// background rows have their own recall. With one-to-one matching, the gold rows found equal the events
/// matched, so F1 = 2·found / (discrete rows + scored events).
public struct Tally: Sendable, Hashable {
    /// Discrete (non-background) gold rows.
    public var goldRows = 0
    /// Discrete gold rows matched by an event.
    public var goldFound = 0
    /// `[background]` gold rows.
    public var backgroundRows = 0
    /// Background rows matched by an event.
    public var backgroundFound = 0
    /// Extracted events.
    public var events = 0
    /// Events matched to a discrete row (equals `goldFound`).
    public var eventsMatched = 0
    /// Events matched to a background row (left out of precision).
    public var eventsOnBackground = 0
    /// Matched discrete rows whose sub-event type is equal too.
    public var typeExact = 0
    /// Matched discrete rows with the same fatalities (both absent counts as the same).
    public var fatalitiesExact = 0
    /// Matched discrete rows with the same `claimed` flag.
    public var claimedExact = 0
    /// Discrete gold rows whose `actor1` the lexicon cannot map to a side (the actor rule was not checked).
    public var actorsUnchecked = 0

    /// An empty tally.
    public init() {}

    /// Discrete gold rows found / discrete gold rows; nil without rows.
    public var recall: Double? { share(goldFound, goldRows) }
    /// Events matched to discrete rows / events not matched to background rows; nil without such events.
    public var precision: Double? { share(eventsMatched, scoredEvents) }
    /// The harmonic mean of recall and precision, 2·found / (rows + scored events); nil when both are empty.
    public var f1: Double? { share(2 * goldFound, goldRows + scoredEvents) }
    /// Background rows found / background rows.
    public var backgroundRecall: Double? { share(backgroundFound, backgroundRows) }
    /// Sub-type exact among matched discrete rows.
    public var typeExactShare: Double? { share(typeExact, goldFound) }
    /// Fatalities exact among matched discrete rows.
    public var fatalitiesExactShare: Double? { share(fatalitiesExact, goldFound) }
    /// `claimed` equal among matched discrete rows.
    public var claimedExactShare: Double? { share(claimedExact, goldFound) }
    /// Events that count for precision.
    public var scoredEvents: Int { events - eventsOnBackground }

    func share(_ n: Int, _ d: Int) -> Double? { d == 0 ? nil : Double(n) / Double(d) }

    /// The sum of two tallies (micro-averaging: scores of a sum are computed on the summed counts).
    public static func + (a: Tally, b: Tally) -> Tally {
        var t = Tally()
        t.goldRows = a.goldRows + b.goldRows; t.goldFound = a.goldFound + b.goldFound
        t.backgroundRows = a.backgroundRows + b.backgroundRows; t.backgroundFound = a.backgroundFound + b.backgroundFound
        t.events = a.events + b.events; t.eventsMatched = a.eventsMatched + b.eventsMatched
        t.eventsOnBackground = a.eventsOnBackground + b.eventsOnBackground
        t.typeExact = a.typeExact + b.typeExact; t.fatalitiesExact = a.fatalitiesExact + b.fatalitiesExact
        t.claimedExact = a.claimedExact + b.claimedExact; t.actorsUnchecked = a.actorsUnchecked + b.actorsUnchecked
        return t
    }
}
