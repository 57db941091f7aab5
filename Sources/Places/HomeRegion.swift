/// Where a text is about: the country (and, inside it, the first-level divisions) whose places an ambiguous
/// name means first, and where a text's happenings take place.
///
/// Tiers, from nearest to farthest: 0 the home divisions, 1 the rest of the home country, 2 its land
/// neighbours (`countries.tsv`), 3 the world. A text decides its own home (`Gazetteer.homeRegion(evidence:)`):
/// the country of the places it names without doubt, else the countries it names; with no clue at all, the
/// bundled theatre, northwestern Syria.
public struct HomeRegion: Sendable, Hashable {
    /// ISO 3166-1 alpha-2 code of the home country.
    public var country: String
    /// The home first-level divisions (admin1 names), tier 0; may be empty.
    public var admin1: Set<String>

    /// A home region.
    public init(country: String, admin1: Set<String> = []) {
        self.country = country
        self.admin1 = admin1
    }

    /// The bundled theatre: the governorates of northwestern Syria (Idlib, Aleppo, Hama, Latakia). The home
    /// of a text that gives no clue, and the divisions kept at tier 0 whenever a text is about Syria.
    public static let northwesternSyria = HomeRegion(country: "SY", admin1: ["Idlib", "Aleppo", "Hama", "Latakia"])

    /// 0 in a home division, 1 elsewhere in the home country, 2 in one of `neighbours`, 3 elsewhere.
    public func tier(of p: Place, neighbours: Set<String>) -> Int {
        if p.country == country { return admin1.contains(p.admin1) ? 0 : 1 }
        return neighbours.contains(p.country) ? 2 : 3
    }

    /// True when a happening at `p` lies in the home country (a country's own label point never does).
    public func isLocal(_ p: Place) -> Bool { p.country == country && p.kind != .country }
}

extension Gazetteer {
    /// The ISO codes of the land neighbours of `country` (`countries.tsv`); empty when unknown.
    public func neighbours(of country: String) -> Set<String> { countries[country]?.neighbours ?? [] }

    /// The tier of `p` seen from `home` (see `HomeRegion`).
    public func tier(of p: Place, home: HomeRegion = .northwesternSyria) -> Int {
        home.tier(of: p, neighbours: neighbours(of: home.country))
    }

    /// The home region of a text, from the place names found in it (`NameMatcher.matches(in:)`):
    /// - each distinct name whose candidates all lie in one country and are not countries (a place "without
    ///   doubt" as to its country: Saraqeb, Kharkiv, "Idlib province") counts 10 for that country (nothing when
    ///   they are villages or hamlets the name only folds like, without being spelled as one of their names), and
    ///   gives its division when the candidates share one;
    /// - each mention of a country by name counts 1 for it ("Turkey", "Ukraine");
    /// - names whose candidates lie in several countries count for the one country where it is a place's own
    ///   name ("Odesa", not Sanlıurfa's old name), else for none (Damascus, Tripoli).
    ///
    /// The country with the most wins (ties: northwestern Syria's country, then the one named first). When it
    /// is Syria, the home divisions are those of `HomeRegion.northwesternSyria` plus those the text names; else
    /// the divisions the text names. With no clue, `HomeRegion.northwesternSyria`.
    public func homeRegion(evidence matches: [NameMatch]) -> HomeRegion {
        var score: [String: Int] = [:], order: [String] = [], divisions: [String: Set<String>] = [:]
        var counted = Set<String>()
        for m in matches where !m.candidates.isEmpty {
            var candidates = m.candidates
            // "Odesa": the city whose own name it is, not a city elsewhere that has it among its old names.
            if Set(candidates.map(\.country)).count > 1 {
                let key = NameKey.fold(m.text)
                let own = candidates.filter { NameKey.fold($0.name) == key }
                if Set(own.map(\.country)).count == 1 { candidates = own }
            }
            let codes = Set(candidates.map(\.country))
            guard codes.count == 1, let cc = codes.first, !cc.isEmpty else { continue }
            // A village the name only folds like ("Assad" and 'Ein el Asad) is no clue at all.
            guard candidates.contains(where: { $0.kind != .village && $0.kind != .hamlet || spells($0, asWritten: m.text) })
            else { continue }
            if score[cc] == nil { order.append(cc) }
            if candidates.allSatisfy({ $0.kind == .country }) {
                score[cc, default: 0] += 1
                continue
            }
            if counted.insert(m.key).inserted { score[cc, default: 0] += 10 }
            let named = Set(candidates.map(\.admin1).filter { !$0.isEmpty })
            if named.count == 1 { divisions[cc, default: []].formUnion(named) }
        }
        let fallback = HomeRegion.northwesternSyria
        guard let best = order.max(by: { a, b in
            // max(by:) keeps the last of equals: rank the default country, then earlier names, higher.
            let (sa, sb) = (score[a]!, score[b]!)
            if sa != sb { return sa < sb }
            if (a == fallback.country) != (b == fallback.country) { return b == fallback.country }
            return order.firstIndex(of: a)! > order.firstIndex(of: b)!
        }) else { return fallback }
        if best == fallback.country { return HomeRegion(country: best, admin1: fallback.admin1.union(divisions[best] ?? [])) }
        return HomeRegion(country: best, admin1: divisions[best] ?? [])
    }

    /// `homeRegion(evidence:)` over the names `NameMatcher` finds in `text`.
    public func homeRegion(of text: String) -> HomeRegion {
        homeRegion(evidence: NameMatcher(gazetteer: self).matches(in: text))
    }
}
