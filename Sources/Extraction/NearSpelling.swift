import EventModel
import GeoModel
import Geodesy
import Places

/// A name the gazetteer lacks, read as a place of the report's area spelled otherwise ("Kafr Nbouda" for Kafr
/// Nabuda, "Al-Hmmamiyat" for Hamamiyat): transliterations drop or double letters that folding (`NameKey`) does
/// not even out.
///
/// Bounded so that it never invents a place:
/// - only places within `reachMetres` of the report's core (`ReportArea`) are compared, never the whole
///   gazetteer;
/// - the folding keys must have the same words but one, and that word must start with the same letter and
///   differ by one edit (a letter added, dropped or changed); keys under 5 letters are never matched, nor words
///   under 4 unless the edit is a final "a" (`differsByFinalA`) (two edits, or one edit in each of two words, make another name: "Kafr Blahta" is not Kafr
///   Battikh);
/// - the nearest spelling must be one place (namesakes within `samePlaceMetres` of each other count as one):
///   two places as near are a tie, and the name stays unknown;
/// - every such reading is a weak clue, listed in the review list (`review.csv`).
enum NearSpelling {
    /// How far from the report's core a place spelled nearly alike may lie: 30 km (geodesic).
    static let reachMetres = 30_000.0
    /// Places of one key closer than this are one place listed twice: 2 km.
    static let samePlaceMetres = 2_000.0

    /// True when folding keys `a` and `b` have the same words but one, which starts with the same letter, has 4
    /// letters or more and differs by one edit, in a key of 5 letters or more (spaces not counted).
    static func isNearSpelling(_ a: String, _ b: String) -> Bool {
        // One edit changes the length by one at most: most keys are refused before they are split.
        guard abs(a.utf8.count - b.utf8.count) <= 1 else { return false }
        let wa = a.split(separator: " "), wb = b.split(separator: " ")
        guard wa.count == wb.count, a.utf8.count - (wa.count - 1) >= 5 else { return false }
        let differing = zip(wa, wb).filter { $0 != $1 }
        guard differing.count == 1, let (x, y) = differing.first, x.first == y.first else { return false }
        if x + "a" == y || y + "a" == x { return min(x.utf8.count, y.utf8.count) >= 3 }
        guard min(x.utf8.count, y.utf8.count) >= 4 else { return false }
        return distance(Array(x.utf8), Array(y.utf8), bound: 1) == 1
    }

    /// True when one folding key is the other with an "a" added at the end of one of its words.
    static func differsByFinalA(_ a: String, _ b: String) -> Bool {
        let wa = a.split(separator: " "), wb = b.split(separator: " ")
        guard wa.count == wb.count else { return false }
        let differing = zip(wa, wb).filter { $0 != $1 }
        guard differing.count == 1, let (x, y) = differing.first else { return false }
        return x + "a" == y || y + "a" == x
    }

    /// The Levenshtein distance between `a` and `b` when it is at most `bound`, else nil.
    static func distance(_ a: [UInt8], _ b: [UInt8], bound: Int) -> Int? {
        guard abs(a.count - b.count) <= bound else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var prev = Array(0...b.count), cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            var rowMin = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMin = min(rowMin, cur[j])
            }
            if rowMin > bound { return nil }
            swap(&prev, &cur)
        }
        return prev[b.count] <= bound ? prev[b.count] : nil
    }

    /// The place of `candidates` (gazetteer positions, with their keys from `keys`) spelled nearly like the
    /// folding key `key` (`isNearSpelling`); nil when none is or two places are.
    /// Where several places are one edit away, the ones that differ only by a final "a" win: the Arabic
    /// feminine ending (tā' marbūṭa) is written "-a", "-ah", "-eh" or not at all ("al-Lataman" for
    /// al-Lataminah, "Kafr Zeit" for Kafr Zeita), while a letter changed inside a word makes another name.
    static func best(for key: String, among candidates: [Int], keys: (Int) -> [String], places: [Place]) -> Place? {
        var found: [Place] = [], byEnding: [Place] = []
        for i in candidates {
            let near = keys(i).filter { isNearSpelling(key, $0) }
            guard !near.isEmpty else { continue }
            if !found.contains(where: { $0.id == places[i].id }) { found.append(places[i]) }
            if near.contains(where: { differsByFinalA(key, $0) }), !byEnding.contains(where: { $0.id == places[i].id }) {
                byEnding.append(places[i])
            }
        }
        if !byEnding.isEmpty { found = byEnding }
        guard let first = found.first else { return nil }
        let g = Geodesic.wgs84
        let distinct = found.contains { g.distance(from: $0.coordinate, to: first.coordinate) > samePlaceMetres }
        return distinct ? nil : first
    }
}

extension ReportRun {
    /// Mention `m` of a name the gazetteer lacks read as the place of the report's area spelled nearly like it
    /// (`NearSpelling`), at that place's own precision (precision 2 when the text puts it near a place); nil
    /// when no place fits. The reading is listed for review.
    mutating func nearSpelling(_ m: PlaceMention, in a: SentenceAnalysis) -> PlaceMention? {
        guard m.form == .unresolved, !area.core.isEmpty else { return nil }
        let key = NameKey.fold(m.text)
        guard !key.isEmpty else { return nil }
        let grid = extractor.grid
        // The places around the core, found once per report (the core is fixed once the sentences are read).
        if nearCore == nil { nearCore = grid.places(within: NearSpelling.reachMetres, of: area.core.map(\.coordinate)) }
        let candidates = nearCore ?? []
        guard let p = NearSpelling.best(for: key, among: candidates, keys: grid.keys(of:),
                                                  places: extractor.gazetteer.places) else { return nil }
        var out = m
        out.form = .named
        out.place = p
        out.precision = m.near ? max(2, p.kind.geoPrecision) : p.kind.geoPrecision
        out.rule = m.rule + noted(" → \(p.name): spelled nearly alike (one edit of a "
                                  + "word of the folded name), in the report's area — a weak clue")
        let km = Int(((area.distance(to: p) ?? 0) / 1000).rounded())
        review.append(ReviewItem(reason: .weakResolution, report: report.name, eventID: nil, name: m.text,
                                 placedAt: "\(p.name) (\(p.id))",
                                 detail: "no place of that name; taken for \(p.name), spelled nearly alike (one edit), \(km) km from the report's other places",
                                 sentence: a.sentence.text))
        return out
    }
}

extension ReportRun {
    /// The place a feature named after a place stands for ("Hawash hill": the village Tell Hawash, when the
    /// `feature` cue "hill" names such places "tell"): the one place of the report's area with the feature word
    /// and the name as its name; nil when the cue names no such word, or no place or several fit.
    func featurePlace(_ feature: CueEntry, of name: String) -> Place? {
        guard feature.value != "-", !area.core.isEmpty else { return nil }
        let g = Geodesic.wgs84
        let fits = extractor.gazetteer.places(withKey: NameKey.fold(feature.value + " " + name)).filter { p in
            area.core.contains { g.distance(from: $0.coordinate, to: p.coordinate) <= NearSpelling.reachMetres }
        }
        guard let first = fits.first,
              fits.allSatisfy({ g.distance(from: $0.coordinate, to: first.coordinate) <= NearSpelling.samePlaceMetres }) else { return nil }
        return first
    }
}
