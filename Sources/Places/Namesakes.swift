/// Which of a name's places a report means when the gazetteer holds several theatres: a name written as a
/// country's name is the country, and a small place far from the report's home that the name only folds like
/// is no place the report means.
extension Gazetteer {
    /// True when `written` (a name as a report writes it, cue words allowed) spells one of `p`'s names, not
    /// only a name that folds like it (`lightKey`: case, marks and articles aside).
    public func spells(_ p: Place, asWritten written: String) -> Bool {
        Gazetteer.spells(p, Gazetteer.lightKey(strippedHead(written)))
    }

    /// The country among `candidates` whose name `written` spells ("Syria" is the country, never the village
    /// Seraa that folds alike), or nil.
    public func country(spelledAs written: String, among candidates: [Place]) -> Place? {
        candidates.first { $0.kind == .country && spells($0, asWritten: written) }
    }

    /// The place a report at home in `home` means by `written`, which the resolver took for `chosen` among
    /// `candidates` (every place of the name), or nil when it means none of them and the name is left to the unknown
    /// names. A report's small places are its own: a town, village or hamlet abroad gives way to the home country's
    /// settlement of the name nearest `nearby` (else of the nearest tier), as Harran by Abu Sharji rather than Harran
    /// in Turkey in a report on Idlib. Without one, a village or hamlet abroad, or a town beyond the home country's
    /// neighbours that `written` only folds like ("Al-Tah" and To, Burkina Faso), is an unknown village of the
    /// report's own country rather than that place. Cities, capitals, regions and sites, and places of the home
    /// country, stay as chosen.
    public func reportPlace(_ chosen: Place, candidates: [Place], written: String, home: HomeRegion,
                            nearby: [Place]) -> Place? {
        let small: Set<PlaceKind> = [.town, .village, .hamlet]
        guard chosen.country != home.country, small.contains(chosen.kind) else { return chosen }
        let own = candidates.compactMap { p in p.country == home.country && p.kind.isSettlement ? byID[p.id] : nil }
        if !own.isEmpty {
            let points = nearby.filter { !$0.kind.isArea }.map(\.coordinate)
            return rank(own.map { Entry(place: $0, primary: true) }, cue: nil, hints: [], points: points, home: home,
                        spelling: nil)[0].place
        }
        if chosen.kind != .town { return nil }
        return tier(of: chosen, home: home) == 3 && !spells(chosen, asWritten: written) ? nil : chosen
    }
}
