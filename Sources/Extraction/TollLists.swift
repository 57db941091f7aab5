import EventModel
import Places

/// A toll given place by place, with no verb of its own ("the rescuers counted six dead in A, seven in B and
/// one in the village of C"): each figure belongs to the happening the report tells at that place, before or
/// after the list.
struct TollList {
    /// Each figure with its place.
    var items: [(n: Int, place: Place)]
    /// The sentence.
    var source: EventSource
}

extension ReportRun {
    /// Nouns of the dead that make a list of figures and places a toll, besides the lexicon's `kill` cues.
    static let deathNouns: Set<String> = ["deaths", "victims", "bodies", "fatalities"]
    /// Words between a figure and its place ("six dead in the town of A").
    static let tollFillers: Set<String> = ["dead", "killed", "people", "civilians", "in", "at", "the", "town", "village",
                                           "city", "of"]

    /// Sentence `k` read as a toll list: no trigger of its own, a word of death, and two figures or more each
    /// a few filler words before a known place (unknown names read as near spellings included: "the town of
    /// Bidama" for Bdama); nil otherwise.
    mutating func tollList(sentence k: Int) -> TollList? {
        let a = analyses[k]
        guard a.triggers.isEmpty,
              a.cues.contains(where: { $0.entry.kind == .kill }) || a.tokens.contains(where: { ReportRun.deathNouns.contains($0.text) }),
              a.tokens.indices.filter({ NumberRules.number(at: $0, tokens: a.tokens, cueAt: a.cueAt, allowArticle: false) != nil }).count >= 2
        else { return nil }
        let mentions = named[k] + spelledNearly(otherPlaces(a, named: named[k]), in: a)
        var items: [(n: Int, place: Place)] = []
        for m in mentions where m.form == .named && m.local {
            guard let p = m.place, let n = figure(before: m.range.lowerBound, in: a) else { continue }
            items.append((n, p))
        }
        guard items.count >= 2 else { return nil }
        return TollList(items: items, source: EventSource(report: report.name, sentence: a.sentence.text,
                                                          charStart: a.sentence.start, charEnd: a.sentence.end))
    }

    /// Gives each toll list's figures to the report's violent happenings at their places (once every sentence is
    /// read): the list's sentence joins their sources, and its figure stands where a happening has none.
    mutating func applyTollLists() {
        for list in tollLists {
            for item in list.items {
                guard let j = events.lastIndex(where: { $0.placeID == item.place.id && $0.category.mergeFamily == .violence })
                else { continue }
                if !events[j].sources.contains(list.source) {
                    events[j].sources = (events[j].sources + [list.source]).sorted { $0.charStart < $1.charStart }
                }
                if events[j].fatalities == nil { events[j].fatalities = item.n }
                explanations[events[j].id]?.append("toll list: \(item.n) dead at \(item.place.name) "
                                                   + "(\(report.name)@\(list.source.charStart))")
            }
        }
    }

    /// The figure a few filler words before token `i` ("six dead in the town of" before a name), or nil.
    func figure(before i: Int, in a: SentenceAnalysis) -> Int? {
        var j = i - 1
        var sawPreposition = false
        while j >= 0, i - j <= 6, ReportRun.tollFillers.contains(a.tokens[j].text) {
            if a.tokens[j].text == "in" || a.tokens[j].text == "at" { sawPreposition = true }
            j -= 1
        }
        guard sawPreposition, j >= 0 else { return nil }
        // The figure ends right before the fillers: try the starts of number phrases of up to three words.
        for s in stride(from: j, through: max(0, j - 2), by: -1) {
            if let (n, r) = NumberRules.number(at: s, tokens: a.tokens, cueAt: a.cueAt, allowArticle: false), r.upperBound == j + 1 {
                return n
            }
        }
        return nil
    }
}
