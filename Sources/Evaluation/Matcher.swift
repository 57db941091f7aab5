import GeoModel
import EventModel
import Extraction
import FileIO

/// One extracted event paired with one gold row.
public struct Match: Sendable, Hashable {
    /// Index into the article's events.
    public var event: Int
    /// Index into the article's gold rows.
    public var gold: Int
    /// How they compare (every criterion met).
    public var comparison: Comparison
}

/// Why a gold row found no event, or an event no gold row: the closest other side and what failed.
public struct NearMiss: Sendable, Hashable {
    /// Index of the closest event (for a missed row) or gold row (for a false event); nil when there is none.
    public var other: Int?
    /// The criteria the closest one fails; empty when it met them all but was taken by a better match.
    public var failed: [Criterion]
    /// For `failed` empty: the index (gold row or event) it was matched with instead.
    public var takenBy: Int?
    /// The distance in metres to the closest one, when both have a point.
    public var metres: Double?
}

/// Pairs extracted events with gold rows, one to one, best match first.
///
/// Assignment: every (event, gold row) pair meeting all of `MatchRules` is a candidate; candidates are sorted
/// best first and taken greedily, skipping a pair whose event or row is already taken (a global greedy
/// assignment, predictable and explainable; it can, rarely, pair fewer than an optimal assignment would).
/// "Best" is, in order: a discrete row before a `[background]` row (background is context, scored apart);
/// sub-type equal ("type exact") before not; the same geo-precision before not (a town's event goes to the
/// town's row, not to a "near the town" row at the same point); the shorter geodesic distance (a row matched
/// by name counts as 0 m); the smaller date gap; then the gold row's and the event's order, so that ties are
/// stable.
public enum Matcher {
    /// The matches among `events` and `gold` (one article's).
    public static func match(events: [Event], gold: [GoldEvent], rules: MatchRules) -> [Match] {
        var candidates: [Match] = []
        for (i, e) in events.enumerated() {
            for (j, g) in gold.enumerated() {
                let c = rules.compare(e, g)
                if c.isMatch { candidates.append(Match(event: i, gold: j, comparison: c)) }
            }
        }
        candidates.sort { a, b in
            let (ga, gb) = (gold[a.gold].isBackground, gold[b.gold].isBackground)
            if ga != gb { return !ga }
            if a.comparison.typeExact != b.comparison.typeExact { return a.comparison.typeExact }
            let (pa, pb) = (gold[a.gold].geoPrecision == events[a.event].geoPrecision,
                            gold[b.gold].geoPrecision == events[b.event].geoPrecision)
            if pa != pb { return pa }
            let (ma, mb) = (a.comparison.metres ?? 0, b.comparison.metres ?? 0)
            if ma != mb { return ma < mb }
            if a.comparison.dateGap != b.comparison.dateGap { return a.comparison.dateGap < b.comparison.dateGap }
            return a.gold != b.gold ? a.gold < b.gold : a.event < b.event
        }
        var usedEvents = Set<Int>(), usedGold = Set<Int>()
        var out: [Match] = []
        for m in candidates where !usedEvents.contains(m.event) && !usedGold.contains(m.gold) {
            usedEvents.insert(m.event)
            usedGold.insert(m.gold)
            out.append(m)
        }
        return out.sorted { $0.gold < $1.gold }
    }

    /// For a gold row left unmatched: the event failing the fewest criteria (then the nearest, then the
    /// first), and what it fails or which row took it.
    public static func nearMiss(gold index: Int, events: [Event], gold: [GoldEvent], matches: [Match],
                                rules: MatchRules) -> NearMiss {
        let takenBy = Dictionary(matches.map { ($0.event, $0.gold) }, uniquingKeysWith: { a, _ in a })
        let comparisons = events.indices.map { ($0, rules.compare(events[$0], gold[index])) }
        return closest(comparisons, takenBy: takenBy)
    }

    /// For an event left unmatched: the gold row failing the fewest criteria, as `nearMiss(gold:…)`.
    public static func nearMiss(event index: Int, events: [Event], gold: [GoldEvent], matches: [Match],
                                rules: MatchRules) -> NearMiss {
        let takenBy = Dictionary(matches.map { ($0.gold, $0.event) }, uniquingKeysWith: { a, _ in a })
        let comparisons = gold.indices.map { ($0, rules.compare(events[index], gold[$0])) }
        return closest(comparisons, takenBy: takenBy)
    }

    static func closest(_ comparisons: [(Int, Comparison)], takenBy: [Int: Int]) -> NearMiss {
        let best = comparisons.min { a, b in
            if a.1.failed.count != b.1.failed.count { return a.1.failed.count < b.1.failed.count }
            let (ma, mb) = (a.1.metres ?? .infinity, b.1.metres ?? .infinity)
            return ma != mb ? ma < mb : a.0 < b.0
        }
        guard let (other, c) = best else { return NearMiss(other: nil, failed: [], takenBy: nil, metres: nil) }
        return NearMiss(other: other, failed: c.failed, takenBy: c.failed.isEmpty ? takenBy[other] : nil, metres: c.metres)
    }
}
