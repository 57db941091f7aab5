import GeoModel
import EventModel
import Places

/// One sentence prepared for the rules: tokens, and every lexicon phrase and place name found in it by a
/// single pass of each matcher.
struct SentenceAnalysis {
    let sentence: Sentence
    /// The sentence's scalars (for quoting words as written).
    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    let triggers: [PhraseMatch<TriggerEntry>]
    /// Actor phrases with their entries in the report's conflict (see `pickActors`).
    private(set) var actors: [PhraseMatch<ActorEntry>]
    let cues: [CueMatch]
    /// Cue entries by the token they start at.
    let cueAt: CuesByToken
    /// Gazetteer names, with the token range each covers.
    let names: [NameSpan]

    /// The analysis of `sentence`, whose scalars are `reportScalars[sentence.start..<sentence.end]`; actor
    /// phrases take their entries in `conflict`.
    init(sentence: Sentence, reportScalars: [Unicode.Scalar], lexicon: Lexicon, matcher: NameMatcher, conflict: String?) {
        self.sentence = sentence
        // The sentence's text has its line breaks as spaces (see `SentenceSplitter`).
        var scalars = Array(reportScalars[sentence.start..<sentence.end])
        for k in scalars.indices where scalars[k] == "\n" { scalars[k] = " " }
        self.scalars = scalars
        let tokens = Tokenizer.tokens(of: scalars)
        self.tokens = tokens
        let words = lexicon.vocabulary.numbers(of: tokens)
        triggers = lexicon.triggerTrie.matches(in: words).map { PhraseMatch(range: $0.range, entry: $0.payloads[0]) }
        actors = lexicon.actorMatches(in: words, conflict: conflict)
        var cues: [CueMatch] = []
        var cueAt = CuesByToken(count: tokens.count)
        // Cues: every phrase at every position (kinds overlap: "over" is a qualifier, "north" a direction
        // and a locative), longest first at a position.
        for i in tokens.indices {
            if let (len, entries) = lexicon.cueTrie.longest(in: words, at: i) {
                for e in entries { cues.append(CueMatch(range: i..<(i + len), entry: e)) }
                cueAt[i] = entries
            }
        }
        self.cues = cues
        self.cueAt = cueAt
        // Names: map the matcher's string ranges to token ranges.
        let text = sentence.text
        var names: [NameSpan] = []
        var cursor = text.unicodeScalars.startIndex, offset = 0
        for m in matcher.matches(in: text) {
            let lo = text.unicodeScalars.distance(from: cursor, to: m.range.lowerBound) + offset
            let hi = lo + text.unicodeScalars.distance(from: m.range.lowerBound, to: m.range.upperBound)
            cursor = m.range.lowerBound; offset = lo
            guard let first = tokens.firstIndex(where: { $0.end > lo }) else { continue }
            var last = first
            while last + 1 < tokens.count, tokens[last + 1].start < hi { last += 1 }
            names.append(NameSpan(range: first..<(last + 1), match: m))
        }
        self.names = names
    }

    /// Takes the actor entries of `conflict` (once the report's home region is known).
    mutating func pickActors(lexicon: Lexicon, conflict: String?) {
        actors = lexicon.actorMatches(in: lexicon.vocabulary.numbers(of: tokens), conflict: conflict)
    }

    func has(_ kind: CueKind, at i: Int) -> CueEntry? { cueAt[i]?.first { $0.kind == kind } }

    func text(_ r: Range<Int>) -> String { tokens[r].map(\.text).joined(separator: " ") }

    /// The words of `r` as written in the sentence.
    func original(_ r: Range<Int>) -> String {
        guard !r.isEmpty else { return "" }
        return String(String.UnicodeScalarView(scalars[tokens[r.lowerBound].start..<tokens[r.upperBound - 1].end]))
    }
}

/// A lexicon phrase (trigger, actor, cue) found in a sentence: the tokens it covers and its entry. A class:
/// the rules filter and pass matches around many times per clause, and a reference is cheaper to copy
/// than an entry's strings.
final class PhraseMatch<Entry: Sendable>: Sendable {
    let range: Range<Int>
    let entry: Entry

    init(range: Range<Int>, entry: Entry) {
        self.range = range
        self.entry = entry
    }

    /// The phrase's words as tokenized (lower case).
    func text(_ tokens: [Token]) -> String { tokens[range].map(\.text).joined(separator: " ") }
}

/// A gazetteer name found in a sentence, with the tokens it covers (a class, for the same reason).
final class NameSpan: Sendable {
    let range: Range<Int>
    let match: NameMatch

    init(range: Range<Int>, match: NameMatch) {
        self.range = range
        self.match = match
    }
}

/// Cue entries by the token they start at: an array indexed by token (nil where no cue starts).
struct CuesByToken {
    private var entries: [[CueEntry]]

    /// No cues, over `count` tokens.
    init(count: Int) { entries = Array(repeating: [], count: count) }

    subscript(i: Int) -> [CueEntry]? {
        get { entries.indices.contains(i) && !entries[i].isEmpty ? entries[i] : nil }
        set { entries[i] = newValue ?? [] }
    }
}

/// A clause of a sentence: the unit that tells at most one happening.
struct Clause {
    enum Kind: Equatable {
        /// The sentence's first clause.
        case main
        /// ", which …", "where …": describes something named just before (a place).
        case relative
        /// ", who …": describes a person.
        case person
        /// ", as …", ", while …", "-- …", "; …": another statement of its own.
        case sub
    }
    var range: Range<Int>
    var kind: Kind
    /// The clause just before (for relative clauses: the one holding what they describe).
    var parent: Int?
    /// "… closed a ring around X and fought their way into the town": the subject is the previous clause's.
    var sharedSubject = false
}

extension SentenceAnalysis {
    /// The clauses, split at the `clause` cues of the lexicon.
    func clauses() -> [Clause] {
        var starts: [(Int, Clause.Kind)] = [(0, .main)]
        for c in cues where c.entry.kind == .clause && c.entry.value != "none" && c.range.lowerBound > 0 {
            let kind: Clause.Kind = c.entry.value == "relative" ? .relative : c.entry.value == "person" ? .person : .sub
            if starts.last!.0 != c.range.lowerBound { starts.append((c.range.lowerBound, kind)) }
        }
        for (i, t) in tokens.enumerated() where t.text == "," && i + 2 < tokens.count {
            // ", the M4 village the army had seized": an apposition describing the place before.
            if tokens[i + 1].text == "the" || tokens[i + 1].text == "a",
               (i + 2..<min(i + 5, tokens.count)).contains(where: { has(.placeNoun, at: $0) != nil && tokens[$0].text != "area" }),
               !(i + 2..<min(i + 6, tokens.count)).contains(where: { tokens[$0].text == "of" }) {
                starts.append((i, .relative))
            }
            // ", and Damascus complained that …": a new speaker starts a new clause.
            if tokens[i + 1].text == "and",
               (i + 2..<min(i + 6, tokens.count)).contains(where: { has(.reportVerb, at: $0) != nil }) {
                starts.append((i, .sub))
            }
        }
        // "X did A and did B" where A and B are happenings of different types: two clauses, one subject.
        var shared = Set<Int>()
        for (i, t) in tokens.enumerated() where t.text == "and" {
            guard let next = triggers.first(where: { $0.range.lowerBound == i + 1 }),
                  let before = triggers.last(where: { t in t.range.upperBound <= i
                      && !starts.contains(where: { s in s.0 > t.range.lowerBound && s.0 <= i }) }),
                  before.entry.category.type != next.entry.category.type else { continue }
            starts.append((i, .sub))
            shared.insert(i)
        }
        starts.sort { $0.0 < $1.0 }
        var unique: [(Int, Clause.Kind)] = []
        for s in starts where unique.last?.0 != s.0 { unique.append(s) }
        starts = unique
        var out: [Clause] = []
        for (k, s) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1].0 : tokens.count
            out.append(Clause(range: s.0..<end, kind: s.1, parent: k > 0 ? k - 1 : nil, sharedSubject: shared.contains(s.0)))
        }
        return out
    }
}
