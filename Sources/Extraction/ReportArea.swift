import Foundation
import EventModel
import GeoModel
import Geodesy
import Places

/// Where a report's happenings lie: the places it names without doubt (a name only one place of the home
/// country has, a settlement or a site) that lie within `clusterMetres` of another of them — its core. A report
/// on one front names several places of that front; a village named once far from all of them is more likely
/// another of the same name than a lone happening 100 km away.
///
/// The core decides three things:
/// - names several places share go to the one nearest the core (with the places named just before them);
/// - a village or hamlet over `clusterMetres` from every place of a core of two or more is taken for an unknown
///   village of that name (`isOutlier`);
/// - a name the gazetteer lacks may be a place of the core's surroundings spelled otherwise (`NearSpelling`).
struct ReportArea {
    /// The places named without doubt that lie within `clusterMetres` of another such place; all of them when
    /// none does.
    let core: [Place]

    /// How close two places named without doubt must be to tell of one front: 60 km (geodesic).
    static let clusterMetres = 60_000.0

    /// How near two records of a name must lie to be one town: 5 km.
    static let sameTownMetres = 5_000.0

    /// How near the core a namesake must lie to be taken over the resolver's choice: 15 km.
    static let pullMetres = 15_000.0

    /// No area (a report naming no place without doubt).
    static let none = ReportArea(core: [])

    init(core: [Place]) { self.core = core }

    /// The area of a report's sentences: the places of the names with one local candidate that is no region,
    /// outside actor phrases ("Hay'at Tahrir al-Sham"), the words the lexicon says are never places, the names of
    /// speakers ("said Rasheed al-Ahmed, a pharmacist") and the last word of a longer unknown name ("Suleiman" of
    /// "Jub Suleiman").
    init(analyses: [SentenceAnalysis], home: HomeRegion) {
        var sure: [Place] = [], seen = Set<String>()
        for a in analyses {
            let joined = a.joinedNames().members
            for n in a.names where n.match.candidates.count == 1 && !joined.contains(n.range.lowerBound) {
                let p = n.match.candidates[0]
                guard home.isLocal(p), !p.kind.isArea, !seen.contains(p.id) else { continue }
                if n.range.count == 1, a.has(.notPlace, at: n.range.lowerBound) != nil { continue }
                if a.actors.contains(where: { $0.range.count > n.range.count && $0.range.lowerBound <= n.range.lowerBound
                    && $0.range.upperBound >= n.range.upperBound }) { continue }
                if ReportRun.isSpeaker(a, n.range) || ReportArea.endsLongerName(a, n.range) { continue }
                seen.insert(p.id)
                sure.append(p)
            }
        }
        let g = Geodesic.wgs84
        let clustered = sure.filter { p in
            sure.contains { q in q.id != p.id && g.distance(from: p.coordinate, to: q.coordinate) <= ReportArea.clusterMetres }
        }
        self.init(core: clustered.isEmpty ? sure : clustered)
    }

    /// True when the name at `range` ends a longer capitalised name the gazetteer lacks: the word before it is
    /// capitalised, joined by a space, and neither a place name, a lexicon cue nor an actor ("Jub Suleiman").
    static func endsLongerName(_ a: SentenceAnalysis, _ range: Range<Int>) -> Bool {
        let b = range.lowerBound - 1
        guard b > 0, a.tokens[b].capitalised, a.onlySpace(between: b, and: range.lowerBound),
              a.cueAt[b] == nil, !a.names.contains(where: { $0.range.contains(b) }),
              !a.actors.contains(where: { $0.range.contains(b) }) else { return false }
        return true
    }

    /// The distance in metres from `p` to the nearest place of the core (nil for an empty core).
    func distance(to p: Place) -> Double? {
        let g = Geodesic.wgs84
        return core.map { g.distance(from: $0.coordinate, to: p.coordinate) }.min()
    }

    /// True when `written` is one of `p`'s names letter for letter (case, hyphens and apostrophes aside): "Tall
    /// Abyad" for Tall Abyad, not "Al-Jalmah" for Jalma, which only folds alike. A far village named exactly is
    /// the report's village; one only folded alike may be another the gazetteer lacks.
    static func isWrittenAs(_ p: Place, _ written: String) -> Bool {
        let w = plain(written)
        return ([p.name] + p.alternateNames).contains { plain($0) == w }
    }

    /// A name's letters in lower case, nothing else ("Ra's al 'Ayn" → "rasalayn").
    static func plain(_ s: String) -> String {
        s.lowercased().unicodeScalars.filter { CharacterSet.letters.contains($0) }.map(String.init).joined()
    }

    /// True when `written` is `p`'s own name, letter for letter (not one of its other names).
    static func isOwnName(_ p: Place, _ written: String) -> Bool { plain(p.name) == plain(written) }

    /// True when `p` is a village or hamlet over `clusterMetres` from every place of a core of two or more
    /// places: another village of its name, one the gazetteer lacks.
    func isOutlier(_ p: Place) -> Bool {
        guard core.count >= 2, p.kind == .village || p.kind == .hamlet, !core.contains(where: { $0.id == p.id }) else {
            return false
        }
        return (distance(to: p) ?? 0) > ReportArea.clusterMetres
    }
}

extension ReportRun {
    /// Of the namesakes `candidates`, the settlement within `ReportArea.pullMetres` of the report's core when the
    /// resolver chose `chosen` over three times as far from it (the spelling as written or a place's size
    /// weigh less than lying among the report's other places): nil when the choice stands.
    func areaNamesake(among candidates: [Place], instead chosen: Place) -> Place? {
        guard !area.core.isEmpty, !chosen.kind.isArea, let far = area.distance(to: chosen) else { return nil }
        let near = candidates.filter { $0.id != chosen.id && $0.kind.isSettlement && home.isLocal($0) }
            .compactMap { p in area.distance(to: p).map { (p, $0) } }
            .min { $0.1 < $1.1 }
        guard let (p, d) = near, d <= ReportArea.pullMetres, far > 3 * d, far > ReportArea.pullMetres else { return nil }
        return p
    }

    /// Of the namesakes `candidates`, the one place whose name is `written` letter for letter
    /// (`ReportArea.isWrittenAs`: "Ras al-Ayn" is Ra's al 'Ayn, not Ras al-Ain) when the resolver chose `chosen`,
    /// only folded alike, and the exact one lies no farther from the report's places (a fifth more at most):
    /// the spelling decides between namesakes the report's area does not tell apart. When the choice is written
    /// so among its other names, `ownNamesake` decides. Nil when the choice stands.
    func exactNamesake(among candidates: [Place], written: String, instead chosen: Place) -> Place? {
        if ReportArea.isWrittenAs(chosen, written) { return ownNamesake(among: candidates, written: written, instead: chosen) }
        let exact = candidates.filter { $0.id != chosen.id && home.isLocal($0) && ReportArea.isWrittenAs($0, written) }
        guard exact.count == 1, let p = exact.first else { return nil }
        if let far = area.distance(to: chosen), let d = area.distance(to: p), d > 1.2 * far { return nil }
        return p
    }

    /// Of two records of one town (within `ReportArea.sameTownMetres`: "El Geneina" and "El Geneina Fort", which
    /// has the name among its others), the one whose own name is `written`; nil when the choice stands.
    func ownNamesake(among candidates: [Place], written: String, instead chosen: Place) -> Place? {
        guard !ReportArea.isOwnName(chosen, written) else { return nil }
        let own = candidates.filter { $0.id != chosen.id && ReportArea.isOwnName($0, written) && $0.kind.isSettlement
            && Geodesic.wgs84.distance(from: $0.coordinate, to: chosen.coordinate) <= ReportArea.sameTownMetres }
        return own.count == 1 ? own[0] : nil
    }
}
