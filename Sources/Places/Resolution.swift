import Foundation
import GeoModel
import Geodesy

/// What is known around a name being resolved.
public struct ResolutionContext: Sendable {
    /// The text the name comes from: its other place names, cue words next to the name, and
    /// governorate or country names in it all help decide.
    public var text: String?
    /// Places already known to be near (e.g. resolved earlier in the same report): the nearest
    /// candidate wins.
    public var nearby: [Place]
    /// A cue word for the sort of place: "province"/"governorate"/"region", "city"/"city centre"/"town",
    /// "village", "air base"/"airbase"/"airport"/"military airport", "crossing", or "near".
    public var cue: String?
    /// The governorate (admin1, in English) the place should lie in.
    public var admin1: String?
    /// Where the text is about (its tiers order the candidates); nil: decided from `text`
    /// (`Gazetteer.homeRegion(evidence:)`), or northwestern Syria when there is no text.
    public var home: HomeRegion?

    /// A context; every part is optional.
    public init(text: String? = nil, nearby: [Place] = [], cue: String? = nil, admin1: String? = nil,
                home: HomeRegion? = nil) {
        self.text = text; self.nearby = nearby; self.cue = cue; self.admin1 = admin1; self.home = home
    }
}

/// A place that had the name, with its score.
public struct Candidate: Sendable, Hashable {
    /// The place.
    public var place: Place
    /// The candidate's score in [0, 1] (see `Resolution.score`).
    public var score: Double

    /// A candidate.
    public init(place: Place, score: Double) { self.place = place; self.score = score }
}

/// The answer to a name.
public struct Resolution: Sendable {
    /// The place chosen.
    public var place: Place
    /// ACLED-style precision: 1 the town or site itself, 2 near a town ("near", "outskirts of",
    /// "10 km west of"), 3 a region or country.
    public var geoPrecision: Int
    /// How well the chosen place fits, in [0, 1]: the sum of what counted for it (a fitting cue word,
    /// a matching governorate, nearness to the text's other places, the home-region tier, a main name
    /// rather than an alternate, the kind, the population) over the most those could give here.
    public var score: Double
    /// True when more than one place had the name and context, tier or population had to decide.
    public var ambiguous: Bool
    /// The other places that had the name, best first (empty when the name was unambiguous).
    public var candidates: [Candidate]
}

extension Gazetteer {
    /// Resolves a place name to one place, using `context` when several places have the name.
    ///
    /// The name is folded (`NameKey.fold`); cue words on its ends ("Idlib province", "the village of
    /// Nairab", "near Saraqeb") are taken off and used; text after a comma is a governorate or country
    /// ("Damascus, Maryland"). Candidates are ranked by, in order of weight: a cue that fits their kind,
    /// a governorate or country named in the context, nearness to the context's other places, the name
    /// spelled as written rather than only folded alike ("Syria" is the country, not the village Sura; for a town or
    /// village beyond the home country's neighbours only when the home country has no place of the name), the home
    /// tier (the home divisions, the home country, its neighbours, the world: see `HomeRegion`), when the
    /// context gives no other place, a place listed in its own right over a village only OpenStreetMap has
    /// (`Place.isListed`), a main name over an alternate, the kind (settlements before regions; towns,
    /// villages, hamlets in that order), and population.
    /// - Throws: `PlacesError.unknownPlace(name:suggestions:)` when no place has the name, or when the name
    ///   asks for an air base or a crossing ("Nayrab air base") and none of its places is one; the
    ///   suggestions are the nearest spellings by edit distance on folding keys. Never guesses.
    public func resolve(_ name: String, context: ResolutionContext = .init()) throws -> Resolution {
        let parts = name.split(separator: ",", maxSplits: 1).map(String.init)
        let head = parts.first ?? name
        var hints: Set<String> = []
        if parts.count > 1 { hints.insert(NameKey.fold(parts[1])) }
        if let a = context.admin1 { hints.insert(NameKey.fold(a)) }

        let allTokens = NameKey.tokens(head)
        var key = allTokens.joined(separator: " ")
        var cue: Cue? = context.cue.flatMap(Cue.init(phrase:))
        if index[key] == nil {
            let stripped = Cue.strip(allTokens)
            key = stripped.tokens.joined(separator: " ")
            if cue == nil || stripped.cue == .near { cue = stripped.cue ?? cue }
        }
        guard let entries = index[key], !key.isEmpty else {
            throw PlacesError.unknownPlace(name: name, suggestions: suggestions(for: head))
        }
        // A site named after a place ("Nayrab air base", "X crossing") is not that place: when no candidate is
        // such a site, the site is unknown rather than put at the village.
        if let site = cue, site == .airbase || site == .crossing, !entries.contains(where: { site.fits(places[$0.place].kind) }) {
            throw PlacesError.unknownPlace(name: name, suggestions: suggestions(for: head))
        }

        var points: [Coordinate] = context.nearby.filter { !$0.kind.isArea }.map(\.coordinate)
        var home = context.home ?? .northwesternSyria
        if let text = context.text {
            let tokens = NameKey.scan(text)
            let keys = tokens.map(\.key), want = key.split(separator: " ").map(String.init)
            // Where the name itself occurs (articles skipped), and the cue words around each occurrence.
            var textCues: Set<Cue> = []
            var own: [Range<Int>] = []
            for i in tokens.indices where !tokens[i].isArticle {
                var j = i, k = 0
                while j < tokens.count, k < want.count {
                    if tokens[j].isArticle { j += 1; continue }
                    if keys[j] != want[k] { break }
                    j += 1; k += 1
                }
                guard k == want.count else { continue }
                own.append(tokens[i].start..<tokens[j - 1].end)
                if let c = Cue.around(tokens: tokens, from: i, to: j - 1) { textCues.insert(c) }
            }
            // The other places of the text: settlements give points, regions and countries give hints.
            let matches = NameMatcher(gazetteer: self).matches(in: text)
            if context.home == nil { home = homeRegion(evidence: matches) }
            for m in matches {
                let u = text.utf8
                let lo = u.distance(from: u.startIndex, to: m.range.lowerBound), hi = u.distance(from: u.startIndex, to: m.range.upperBound)
                if own.contains(where: { $0.overlaps(lo..<hi) }) { continue }
                let ranked = rank((index[m.key] ?? []).map { Entry(place: $0.place, primary: $0.primary) },
                                  cue: nil, hints: [], points: [], home: home, spelling: nil)
                guard let best = ranked.first?.place else { continue }
                if best.kind.isArea {
                    hints.insert(NameKey.fold(best.kind == .country ? best.name : best.admin1))
                } else {
                    points.append(best.coordinate)
                }
            }
            if cue == nil, textCues.count == 1 { cue = textCues.first }
            // Governorates and countries named in the text, even when not in the gazetteer ("Maryland").
            let textKey = " " + NameKey.tokens(text).joined(separator: " ") + " "
            for e in entries {
                let p = places[e.place]
                for h in [p.admin1, countryNames[p.country] ?? ""] where !h.isEmpty {
                    let k = NameKey.fold(h)
                    if k != key, textKey.contains(" \(k) ") { hints.insert(k) }
                }
            }
        }

        let spelling = entries.count > 1 ? Gazetteer.lightKey(strippedHead(head)) : nil
        let ranked = rank(entries.map { Entry(place: $0.place, primary: $0.primary) }, cue: cue, hints: hints, points: points,
                          home: home, spelling: spelling)
        let best = ranked[0]
        var precision = best.place.kind.geoPrecision
        if cue == .near, precision == 1 { precision = 2 }
        return Resolution(place: best.place, geoPrecision: precision, score: best.score, ambiguous: ranked.count > 1,
                          candidates: ranked.dropFirst().map { Candidate(place: $0.place, score: $0.score) })
    }

    /// Up to `limit` spellings nearest to `name` by edit distance between folding keys (ties alphabetical),
    /// each at most about half the key's length away; with `near`, those of places near it first.
    public func suggestions(for name: String, limit: Int = 3, near: Coordinate? = nil) -> [String] {
        let key = Array(NameKey.fold(name).unicodeScalars)
        guard !key.isEmpty, limit > 0 else { return [] }
        let bound = max(3, key.count / 2)
        // With `near` (the report's area), spellings of places within `suggestionMetres` of it come first, so a
        // Syrian report's unknown village is not offered a namesake-like town of another war first.
        var scored: [(far: Bool, d: Int, spelling: String)] = []
        for (k, spelling) in spellings {
            let other = Array(k.unicodeScalars)
            if abs(other.count - key.count) > bound { continue }
            let d = editDistance(key, other)
            guard d <= bound else { continue }
            // The key's place near the report's area, when it has one, is the spelling shown.
            let local = near.flatMap { c in
                (index[k] ?? []).first { Gazetteer.sphereMetres(c, places[$0.place].coordinate) <= Gazetteer.suggestionMetres }
            }
            scored.append((near != nil && local == nil, d, local.map { places[$0.place].name } ?? spelling))
        }
        scored.sort { ($0.far ? 1 : 0, $0.d, $0.spelling) < ($1.far ? 1 : 0, $1.d, $1.spelling) }
        var seen: Set<String> = [], out: [String] = []
        for s in scored where seen.insert(s.spelling).inserted {
            out.append(s.spelling)
            if out.count == limit { break }
        }
        return out
    }

    /// How near the report's area a place must lie for its spelling to be suggested first: 150 km (spherical).
    static let suggestionMetres = 150_000.0

    // MARK: - Ranking

    struct Entry { var place: Int; var primary: Bool }

    /// ISO country code → the country's name in the gazetteer.
    var countryNames: [String: String] {
        var out: [String: String] = [:]
        for p in places where p.kind == .country { out[p.country] = p.name }
        return out
    }

    /// Candidates with their scores, best first (ties by id). `spelling` is the name as written, lightly
    /// folded (`lightKey`), or nil to leave the spelling out.
    func rank(_ entries: [Entry], cue: Cue?, hints: Set<String>, points: [Coordinate], home: HomeRegion,
              spelling: String?) -> [(place: Place, score: Double)] {
        let names = hints.isEmpty ? [:] : countryNames
        let neighbours = self.neighbours(of: home.country)
        var most = 1.0 + 0.3 + 0.2 + 0.1
        if let cue, cue != .near { most += 8 }
        if !hints.isEmpty { most += 6 }
        most += points.isEmpty ? 0.7 : 2
        if spelling != nil { most += 1.1 }
        let g = Geodesic.wgs84
        // An exact spelling decides among namesakes, but not for a town or village beyond the home country's
        // neighbours when the home country has a place of the name: a report on Idlib that spells a village as
        // GeoNames spells a village of Yemen still means its own village. Countries and capitals keep it ("Iran").
        let homeHasName = spelling != nil && entries.contains { places[$0.place].country == home.country }
        let scored = entries.map { e -> (place: Place, score: Double) in
            let p = places[e.place]
            let tier = home.tier(of: p, neighbours: neighbours)
            var s = 0.0
            if let cue, cue != .near, cue.fits(p.kind) { s += 8 }
            if !hints.isEmpty {
                if !p.admin1.isEmpty, hints.contains(NameKey.fold(p.admin1)) { s += 4 }
                if let country = names[p.country], hints.contains(NameKey.fold(country)) { s += 2 }
            }
            if !points.isEmpty, !p.kind.isArea {
                let km = points.map { g.distance(from: $0, to: p.coordinate) }.min()! / 1000
                // Half for lying in the same part of the country (100 km scale), half for being the nearest
                // of namesakes a few kilometres apart (10 km scale): the nearest candidate wins.
                s += (-km / 100).exp + (-km / 10).exp
            }
            if let spelling, !(homeHasName && tier == 3 && p.kind.isSettlement && p.kind != .capital),
               Gazetteer.spells(p, spelling) { s += 1.1 }
            s += Double(3 - tier) / 3
            if points.isEmpty, p.isListed, tier < 2 || (tier == 2 && p.kind.isTownOrLarger) { s += 0.7 }
            s += e.primary ? 0.3 : 0.2
            s += p.kind.rankWeight
            if let pop = p.population, pop > 0 { s += 0.1 * min(1, log10(Double(pop) + 1) / 8) }
            return (p, min(1, s / most))
        }
        return scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.place.id < $1.place.id }
    }

    /// True when one of the place's names, lightly folded, is `spelling` (the name as written, not only a
    /// name that folds like it).
    static func spells(_ p: Place, _ spelling: String) -> Bool {
        ([p.name] + derivedNames(of: p) + p.alternateNames).contains { lightKey($0) == spelling }
    }

    /// The name without the cue words on its ends ("the village of Nairab" → "Nairab"), as written.
    func strippedHead(_ head: String) -> String {
        let tokens = NameKey.scan(head)
        let keys = tokens.filter { !$0.isArticle }.map(\.key)
        let kept = Cue.strip(keys).tokens
        guard !kept.isEmpty, kept.count < keys.count else { return head }
        // The stripped tokens are a run of the name's tokens: find where it starts.
        let plain = tokens.filter { !$0.isArticle }
        for start in 0...(plain.count - kept.count) where plain[start..<(start + kept.count)].map(\.key) == kept {
            return String(head[plain[start].range(in: head).lowerBound..<plain[start + kept.count - 1].range(in: head).upperBound])
        }
        return head
    }
}

extension Place {
    /// True for a place that GeoNames (cities500, or a user's import), a hand row or the build lists in its own
    /// right, false for a village only OpenStreetMap's village layer has (its own id is `osm:`). Of places of
    /// one name with no other place in the context, a listed one in the home country, or a listed town or city
    /// of a neighbour, comes first: Douma by Damascus before a village Duma in Idlib, the Bab al-Hawa crossing
    /// before the village, Reyhanli before the village Rayhaniyah. A neighbour's villages and places beyond the
    /// neighbours (the world, tier 3) get no such preference over the home country's villages. With other places
    /// in the context, the nearest wins instead.
    public var isListed: Bool { !id.hasPrefix("osm:") }
}

extension PlaceKind {
    /// What the kind adds to a candidate's score: settlements by size (capitals, cities and towns, then
    /// villages, then hamlets), then sites (air bases, crossings, posts), then regions.
    var rankWeight: Double {
        switch self {
        case .capital, .city, .town: return 0.2
        case .village: return 0.19
        case .hamlet: return 0.18
        case .airbase, .crossing, .observationPost: return 0.15
        case .governorate, .country: return 0.1
        }
    }

    /// True for governorates and countries (their point is only a label).
    public var isArea: Bool { self == .governorate || self == .country }
    /// True for capitals, cities and towns.
    var isTownOrLarger: Bool { self == .capital || self == .city || self == .town }
    /// True for cities, towns, villages, hamlets and capitals.
    public var isSettlement: Bool {
        self == .city || self == .town || self == .village || self == .hamlet || self == .capital
    }
}

extension Double {
    fileprivate var exp: Double { Foundation.exp(self) }
}

/// Levenshtein distance between two scalar arrays (two rows of the table).
func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count), cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        cur[0] = i
        for j in 1...b.count {
            cur[j] = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&prev, &cur)
    }
    return prev[b.count]
}
