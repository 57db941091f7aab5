import EventModel
import GeoModel
import Geodesy
import Places

/// Where a village the gazetteer lacks (or holds only far away) is put: near the town the text relates it to.
///
/// 1. a relative position in its own clause ("A, B and C, northwest of X", "East of X the troops took A",
///    "west of it": the settlement named last) → near X, with the direction;
/// 2. else a relative position in a sentence next to it in the same paragraph ("They are close to X", "All four
///    lie north of X") → near X;
/// 3. else "the neighbouring village of A" → near the place named just before it;
/// 4. else the town of the same paragraph's happening told last → near it;
/// 5. else the clause's governorate or the report's province (precision 3).
///
/// A known village that lies more than `farMetres` from the town its sentence (or the next one, speaking of the
/// places just named) relates it to is taken for an unknown one of the same name; towns and cities are not.
extension ReportRun {
    /// How far a named village may lie from the town the text puts it by: 25 km.
    static let farMetres = 25_000.0

    /// The paragraph of each sentence (0 for the first), from the blank lines of the report's text.
    static func paragraphs(of sentences: [Sentence], in scalars: [Unicode.Scalar]) -> [Int] {
        var out: [Int] = [], paragraph = 0, k = 0
        var i = 0
        for s in sentences {
            while i < s.start {
                if scalars[i] == "\n" {
                    var j = i + 1
                    while j < s.start, scalars[j] == " " || scalars[j] == "\t" { j += 1 }
                    if j < s.start, scalars[j] == "\n" { paragraph += 1; i = j }
                }
                i += 1
            }
            out.append(paragraph); k += 1
        }
        return out
    }

    /// The relative position ("close to X", "north of X") told in a sentence next to sentence `k`, in the
    /// same paragraph: the next sentence first, then the one before.
    func paragraphAnchor(sentence k: Int) -> PlaceMention? {
        for j in [k + 1, k - 1] where j >= 0 && j < analyses.count
            && (paragraph[j] == paragraph[k] || (j == k + 1 && refersBack(analyses[j]))) {
            if let m = named[j].first(where: { $0.near && !$0.byFeature && $0.local && $0.place.map { !$0.kind.isArea } == true }) { return m }
        }
        return nil
    }

    /// Words that open a sentence about the places just named ("They are close to X", "All four lie north of X").
    static let backWords: Set<String> = ["they", "all", "both", "these", "those", "each", "the"]

    /// True when sentence `a` opens by referring back to what was just named.
    func refersBack(_ a: SentenceAnalysis) -> Bool {
        guard let first = a.tokens.first?.text, ReportRun.backWords.contains(first) else { return false }
        return first != "the" || (a.tokens.count > 1 && a.has(.placeNoun, at: 1) != nil)
    }

    /// The place of the last happening told in the same paragraph as sentence `k`, when it is a settlement.
    func paragraphHappeningPlace(sentence k: Int) -> Place? {
        guard let last = events.last, let src = last.sources.first,
              let j = analyses.firstIndex(where: { $0.sentence.start == src.charStart }), paragraph[j] == paragraph[k],
              let id = last.placeID, let p = extractor.gazetteer.place(id: id), p.kind.isSettlement else { return nil }
        return p
    }

    /// True when the known place of mention `m` lies too far from `anchor` to be the village the text means.
    func isFar(_ m: PlaceMention, from anchor: PlaceMention?, inList: Bool) -> Bool {
        // Towns and cities are too few to have namesakes next door: only a village is judged, or a town named in a
        // list of places.
        let small = m.place.map { $0.kind == .village || $0.kind == .hamlet || (inList && $0.kind == .town) } ?? false
        guard small, let p = m.place, let a = anchor?.place, a.id != p.id else { return false }
        return Geodesic.wgs84.distance(from: p.coordinate, to: a.coordinate) > ReportRun.farMetres
    }

    /// `m` as an unknown name (a known village far from where the text puts it).
    func asUnknown(_ m: PlaceMention, far anchor: PlaceMention) -> PlaceMention {
        var u = m
        u.form = .unresolved; u.place = nil; u.precision = 3
        u.rule = m.rule + noted(" — \(m.place?.name ?? "") lies over \(Int(ReportRun.farMetres / 1000)) km from "
                                + "\(anchor.text): another village of that name")
        return u
    }
}
