import FileIO
import GeoModel
import Geodesy

/// Merges events that tell the same happening (from several sentences or reports) into one event with
/// all their sources. Deterministic: the result depends only on the events, not on their order.
///
/// Two events are the same happening when all of these hold:
/// - the same kind and type family: all violence (Battles, Explosions/Remote violence, Violence against
///   civilians) is one family, except changes of territory; each strategic development sub-type is its own;
/// - the same place id, or two points (precision 1 or 2) within `nearbyMetres` of each other, unless both are
///   places the gazetteer tells apart (two ids at precision 1), neither named after the other;
/// - overlapping dates (a day inside a span counts), or both undated;
/// - compatible actors: the first actor (who acted) is the same, or one side names no one who acted;
/// - the same unknown place (`unresolved_place`, compared without case), or none on either side: an event
///   standing for a village the gazetteer lacks never merges into the event of the place it was put near.
///
/// A region-level event (precision 3) is then folded into the town-level events told by one of its reports, of the
/// same sub-type, in that region, on days within theirs and with compatible actors (neither standing for an unknown place): a summary ("Turkey sent reinforcements into
/// northwestern Syria") joins the precise telling ("north of Saraqeb"). With one such event the two merge;
/// with several, the summary merges into the one that gives the same death toll, else (when it reports no
/// deaths, so that no death is counted twice) its source joins each of them. Statements are never merged.
///
/// A merged event keeps the id of the event with the earliest source (by report name, then offset), the
/// most precise place, the union of the dates, the actors of the fullest telling (an "Unidentified armed
/// group" gives way to a named one), the highest figures with their detail, and every source sorted by
/// report then offset.
public enum EventMerger {
    /// Points closer than this (metres, geodesic) are one place.
    public static let nearbyMetres = 3000.0

    /// The merged events, sorted by earliest source.
    public static func merge(_ events: [Event]) -> [Event] { mergeGroups(events).map(\.event) }

    /// The merged events with the ids of the events each absorbed (itself included).
    public static func mergeGroups(_ events: [Event]) -> [(event: Event, members: [String])] {
        var work = MergeWork()
        return mergeGroups(events, work: &work)
    }

    /// What merging did, counted for the tests that keep it linear in the number of tellings.
    struct MergeWork {
        /// Sources sorted into merged events: the one sort of each cluster's sources, and the folds.
        var sourcesSorted = 0
    }

    /// The earliest of `s` (by report, then offset) alone, as `sortedSources(s)` would put first; empty for none.
    static func earliest(_ s: [EventSource]) -> [EventSource] {
        s.min { $0.report != $1.report ? $0.report < $1.report : $0.charStart < $1.charStart }.map { [$0] } ?? []
    }

    /// `mergeGroups(_:)`, counting its work. A cluster carries only its earliest source while tellings join it
    /// (all `combine` reads of sources); all its sources are sorted once at the end, so that N tellings of one
    /// happening cost N log N, not N² (issue 15: a report of one sentence said 10^5 times).
    static func mergeGroups(_ events: [Event], work: inout MergeWork) -> [(event: Event, members: [String])] {
        let statements = events.filter { $0.kind == .statement }.sorted(by: sourceOrder)
        var clusters: [Event] = []
        var members: [[String]] = []
        var sources: [[EventSource]?] = []  // all sources of a cluster that absorbed another event
        for e in events.filter({ $0.kind == .event }).sorted(by: sourceOrder) {
            if let k = clusters.firstIndex(where: { same($0, e) }) {
                // What `combine` of the full lists would put first: the earliest of all.
                let lowest = earliest(clusters[k].sources + e.sources)
                if sources[k] == nil { sources[k] = clusters[k].sources }
                sources[k]!.append(contentsOf: e.sources)
                // `combine` orders the two by their first sources only.
                var current = clusters[k], lead = e
                current.sources = Array(current.sources.prefix(1)); lead.sources = Array(e.sources.prefix(1))
                clusters[k] = combine(current, lead)
                clusters[k].sources = lowest
                members[k].append(e.id)
            } else {
                clusters.append(e)
                members.append([e.id])
                sources.append(nil)
            }
        }
        for k in clusters.indices {
            guard let all = sources[k] else { continue }
            work.sourcesSorted += all.count
            clusters[k].sources = sortedSources(all)
        }
        // Fold region-level events into the precise ones they summarise.
        var folded = Set<Int>()
        for (i, r) in clusters.enumerated() where r.geoPrecision == 3 && r.datePrecision != .unknown && r.unresolvedPlace == nil {
            let targets = clusters.indices.filter { j in
                j != i && !folded.contains(j) && clusters[j].geoPrecision < 3 && clusters[j].category == r.category
                    && clusters[j].unresolvedPlace == nil
                    && datesWithin(r, clusters[j]) && actorsCompatible(r, clusters[j]) && contains(region: r, clusters[j])
                    && (r.fatalities == nil || clusters[j].fatalities == nil || r.fatalities == clusters[j].fatalities)
                    && !Set(r.sources.map(\.report)).isDisjoint(with: clusters[j].sources.map(\.report))
            }
            // Among several, a summary's death toll names the one telling that gives the same toll.
            let sameToll = r.fatalities == nil ? [] : targets.filter { clusters[$0].fatalities == r.fatalities }
            if let t = targets.count == 1 ? targets.first : (sameToll.count == 1 ? sameToll.first : nil) {
                work.sourcesSorted += clusters[t].sources.count + r.sources.count
                clusters[t] = combine(clusters[t], r)
                members[t] += members[i]
                folded.insert(i)
            } else if targets.count > 1, r.fatalities == nil {
                for j in targets {
                    work.sourcesSorted += clusters[j].sources.count + r.sources.count
                    clusters[j].sources = sortedSources(clusters[j].sources + r.sources)
                    members[j] += members[i]
                }
                folded.insert(i)
            }
        }
        var out: [(event: Event, members: [String])] = []
        for (i, c) in clusters.enumerated() where !folded.contains(i) { out.append((c, members[i])) }
        out.sort { sourceOrder($0.event, $1.event) }
        return out + statements.map { ($0, [$0.id]) }
    }

    /// The merging family of an event.
    public static func family(of e: Event) -> MergeFamily { e.category.mergeFamily }

    static func same(_ a: Event, _ b: Event) -> Bool {
        a.kind == b.kind && family(of: a) == family(of: b) && sameUnresolved(a, b) && samePlace(a, b) && datesOverlap(a, b)
            && actorsCompatible(a, b)
    }

    /// Both name the same unknown place (without case), or neither names one.
    static func sameUnresolved(_ a: Event, _ b: Event) -> Bool {
        a.unresolvedPlace?.lowercased() == b.unresolvedPlace?.lowercased()
    }

    static func samePlace(_ a: Event, _ b: Event) -> Bool {
        if let x = a.placeID, x == b.placeID, a.direction == b.direction { return true }
        guard a.geoPrecision < 3, b.geoPrecision < 3, let p = a.coordinate, let q = b.coordinate else { return false }
        // Two villages the gazetteer knows apart are two places, however near ("Urozhaine and Staromaiorske"); a
        // place named after the other (the air base of the town) is where the town's telling happened.
        if a.geoPrecision == 1, b.geoPrecision == 1, let x = a.placeID, let y = b.placeID, x != y {
            let p = a.place.lowercased(), q = b.place.lowercased()
            if !p.contains(q) && !q.contains(p) { return false }
        }
        return Geodesic.wgs84.distance(from: p, to: q) <= nearbyMetres && a.direction == b.direction
    }

    /// True when `a`'s days lie within `b`'s: a summary over a longer time than a telling (a toll "since
    /// Thursday") is an aggregate of several happenings, not that telling retold.
    static func datesWithin(_ a: Event, _ b: Event) -> Bool {
        guard let s1 = a.start, let e1 = a.end, let s2 = b.start, let e2 = b.end else { return datesOverlap(a, b) }
        return s2 <= s1 && e1 <= e2
    }

    static func datesOverlap(_ a: Event, _ b: Event) -> Bool {
        switch (a.start, a.end, b.start, b.end) {
        case (nil, _, nil, _): return a.datePrecision == .unknown && b.datePrecision == .unknown
        case let (s1?, e1?, s2?, e2?): return s1 <= e2 && s2 <= e1
        default: return false
        }
    }

    /// Who acted: actor 1, unless it is the unidentified placeholder.
    static func firstActor(_ e: Event) -> Actor? {
        guard let a = e.actor1, !a.isUnidentified else { return nil }
        return a
    }

    static func actorsCompatible(_ a: Event, _ b: Event) -> Bool {
        guard let x = firstActor(a), let y = firstActor(b) else { return true }
        return x.name == y.name
    }

    /// True when the region event `r` (a governorate) holds the precise event `e`.
    static func contains(region r: Event, _ e: Event) -> Bool {
        guard let admin = r.admin1, let inner = e.admin1 else { return false }
        return admin == inner
    }

    static func sourceOrder(_ a: Event, _ b: Event) -> Bool {
        let x = a.sources.first, y = b.sources.first
        switch (x, y) {
        case let (x?, y?):
            if x.report != y.report { return x.report < y.report }
            if x.charStart != y.charStart { return x.charStart < y.charStart }
            return a.id < b.id
        case (nil, nil): return a.id < b.id
        case (nil, _): return false
        case (_, nil): return true
        }
    }

    static func sortedSources(_ s: [EventSource]) -> [EventSource] {
        var seen = Set<String>()
        return s.sorted { $0.report != $1.report ? $0.report < $1.report : $0.charStart < $1.charStart }
            .filter { seen.insert("\($0.report)|\($0.charStart)").inserted }
    }

    /// One event from two tellings of the same happening.
    static func combine(_ a: Event, _ b: Event) -> Event {
        let first = sourceOrder(a, b) ? a : b
        let placeFrom = a.geoPrecision != b.geoPrecision ? (a.geoPrecision < b.geoPrecision ? a : b) : first
        var m = first
        m.place = placeFrom.place; m.placeID = placeFrom.placeID; m.coordinate = placeFrom.coordinate
        m.geoPrecision = placeFrom.geoPrecision; m.direction = placeFrom.direction
        m.unresolvedPlace = placeFrom.unresolvedPlace
        m.country = placeFrom.country; m.admin1 = placeFrom.admin1; m.admin2 = placeFrom.admin2; m.admin3 = placeFrom.admin3
        if let s1 = a.start, let s2 = b.start, let e1 = a.end, let e2 = b.end {
            m.start = min(s1, s2); m.end = max(e1, e2)
            m.datePrecision = m.start != m.end ? .span
                : ([a, b].contains { $0.datePrecision == .day } ? .day : first.datePrecision)
        }
        // Actors: the fullest telling with a named actor 1 first; the others' actors join as associates.
        let ranked = [a, b].sorted { x, y in
            let xa = firstActor(x) != nil, ya = firstActor(y) != nil
            if xa != ya { return xa }
            if x.actors.count != y.actors.count { return x.actors.count > y.actors.count }
            return sourceOrder(x, y)
        }
        m.actor1 = ranked.lazy.compactMap(firstActor).first ?? ranked.lazy.compactMap(\.actor1).first
        // One telling's target may be the other's attacker ("an attack on the Turks" and "the Turks hit back"):
        // a side is never both.
        m.actor2 = ranked.lazy.compactMap(\.actor2).first { $0.name != m.actor1?.name }
        var named = Set([m.actor1?.name, m.actor2?.name].compactMap { $0 })
        func join(_ actors: [Actor]) -> [Actor] {
            actors.filter { !$0.isUnidentified && named.insert($0.name).inserted }
        }
        m.assocActor1 = join(ranked.flatMap { [$0.actor1].compactMap { $0 } + $0.assocActor1 })
        m.assocActor2 = join(ranked.flatMap { [$0.actor2].compactMap { $0 } + $0.assocActor2 })
        // Figures: the highest, with its detail.
        let f = [a, b].filter { $0.fatalities != nil }.max { ($0.fatalities!, $1.id) < ($1.fatalities!, $0.id) }
        m.fatalities = f?.fatalities; m.fatalitiesDetail = f?.fatalitiesDetail
        m.claimed = f.map(\.claimed) ?? (a.claimed && b.claimed)
        m.fatalitiesClaimed = [a.fatalitiesClaimed, b.fatalitiesClaimed].compactMap { $0 }.max()
        m.displaced = [a.displaced, b.displaced].compactMap { $0 }.max()
        m.sources = sortedSources(a.sources + b.sources)
        return m
    }
}
