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
        triggers = ParticleVerbs.adding(
            to: lexicon.triggerTrie.matches(in: lexicon.triggerWords.numbers(of: tokens)).map { PhraseMatch(range: $0.range, entry: $0.payloads[0]) },
            tokens: tokens, entry: lexicon.expulsion)
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
        actors = PairedTroops.add(to: lexicon.actorMatches(in: words, conflict: conflict), tokens: tokens, cueAt: cueAt,
                                  government: lexicon.governmentForces(conflict: conflict))
        // Names: the gazetteer's matcher reads the same words (one tokenization); punctuation is left out, so
        // its word indices map back to tokens.
        var wordTokens: [Int] = [], spans: [NameKey.WordSpan] = []
        wordTokens.reserveCapacity(tokens.count)
        spans.reserveCapacity(tokens.count)
        for (k, t) in tokens.enumerated() where !t.isPunctuation {
            wordTokens.append(k)
            spans.append(NameKey.WordSpan(start: t.byteStart, end: t.byteEnd, hyphenBefore: t.hyphenBefore))
        }
        var names: [NameSpan] = []
        for m in matcher.matches(in: sentence.text, words: spans) {
            guard let w = m.wordRange, !w.isEmpty else { continue }
            names.append(NameSpan(range: wordTokens[w.lowerBound]..<(wordTokens[w.upperBound - 1] + 1), match: m))
        }
        self.names = names
    }

    /// Takes the actor entries of `conflict` (once the report's home region is known).
    mutating func pickActors(lexicon: Lexicon, conflict: String?) {
        actors = PairedTroops.add(to: lexicon.actorMatches(in: lexicon.vocabulary.numbers(of: tokens), conflict: conflict),
                                  tokens: tokens, cueAt: cueAt, government: lexicon.governmentForces(conflict: conflict))
    }

    /// Gazetteer names that stand side by side with only a space between ("Tal Melh" found as "Tal" and "Melh",
    /// "Sheir Maghar" as "Sheir" and "Maghar"): one unknown name, not two places. Returns the joined token
    /// ranges and the first tokens of the names they absorb.
    func joinedNames() -> (spans: [Range<Int>], members: Set<Int>) {
        var spans: [Range<Int>] = [], members = Set<Int>()
        var k = 0
        while k < names.count {
            var e = k
            while e + 1 < names.count, names[e + 1].range.lowerBound == names[e].range.upperBound,
                  onlySpace(between: names[e].range.upperBound - 1, and: names[e + 1].range.lowerBound),
                  !names[e].match.candidates.contains(where: { $0.kind == .country }) { e += 1 }
            if e > k {
                spans.append(names[k].range.lowerBound..<names[e].range.upperBound)
                for n in names[k...e] { members.insert(n.range.lowerBound) }
            }
            k = e + 1
        }
        return (spans, members)
    }

    /// The place noun of an apposition right after a name (", the northwestern province", ", a key town"): its
    /// value ("governorate", "town", …), or nil.
    func appositionNoun(after r: Range<Int>) -> String? {
        var i = r.upperBound
        guard i + 1 < tokens.count, tokens[i].text == ",", ["the", "a", "an"].contains(tokens[i + 1].text) else { return nil }
        i += 2
        for j in i..<min(i + 3, tokens.count) {
            if let n = has(.placeNoun, at: j) { return n.value }
            if tokens[j].isPunctuation { return nil }
        }
        return nil
    }

    /// True when only spaces separate token `i` from token `j`.
    func onlySpace(between i: Int, and j: Int) -> Bool {
        scalars[tokens[i].end..<tokens[j].start].allSatisfy { $0 == " " }
    }

    /// True when token `i` is a word of its own, not the end of one split at an apostrophe or hyphen
    /// ("at" in "Hay'at", "al" in "Abu-al").
    func standsAlone(_ i: Int) -> Bool {
        let s = tokens[i].start
        return s == 0 || SentenceSplitter.isSpace(scalars[s - 1]) || scalars[s - 1] == "(" || scalars[s - 1] == "\""
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
    /// "Five villages, the last held by rebels, fell to the army": the clause after a description carries on the
    /// clause before the description (its index): it shares that clause's subject and places.
    var continues: Int? = nil
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
        // "A was the second attack in a week: on Thursday, B …": a colon between two happenings starts a clause (a
        // colon before a list, "listed the places taken: A, B and C", does not).
        for (i, t) in tokens.enumerated() where t.text == ":" {
            if triggers.contains(where: { $0.range.upperBound <= i }), triggers.contains(where: { $0.range.lowerBound > i }) {
                starts.append((i, .sub))
            }
        }
        // "X did A and did B" where A and B are happenings of different types (or different kinds of remote
        // violence: "shelling killed …, and an air strike killed …"): two clauses, one subject.
        var shared = Set<Int>()
        for (i, t) in tokens.enumerated() where t.text == "and" {
            // "… and shelled B", "…, and an air strike killed …" (past an article).
            var n = i + 1
            while n < tokens.count, n <= i + 2, ["a", "an", "the"].contains(tokens[n].text) { n += 1 }
            guard let next = triggers.first(where: { $0.range.lowerBound == n }),
                  let before = triggers.last(where: { t in t.range.upperBound <= i
                      && !starts.contains(where: { s in s.0 > t.range.lowerBound && s.0 <= i }) }),
                  before.entry.category.type != next.entry.category.type
                    || (next.entry.category.type == .explosions && before.entry.category != next.entry.category) else { continue }
            starts.append((i, .sub))
            shared.insert(i)
        }
        starts.sort { $0.0 < $1.0 }
        var unique: [(Int, Clause.Kind)] = []
        for s in starts where unique.last?.0 != s.0 { unique.append(s) }
        starts = unique
        let resumes = resumptions(of: starts)
        for r in resumes.keys { starts.append((r, .sub)) }
        starts.sort { $0.0 < $1.0 }
        var out: [Clause] = []
        for (k, s) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1].0 : tokens.count
            var c = Clause(range: s.0..<end, kind: s.1, parent: k > 0 ? k - 1 : nil, sharedSubject: shared.contains(s.0))
            if let main = resumes[s.0] {
                c.continues = starts.firstIndex { $0.0 == main }
                c.sharedSubject = true
            }
            out.append(c)
        }
        return out
    }

    /// True when trigger `t` names a happening already told rather than a new one: it follows a determiner ("the
    /// shelling", "this attack"), or "and"/"or" right after such a trigger ("the shelling and mortar fire").
    func refersBack(_ t: PhraseMatch<TriggerEntry>) -> Bool {
        let i = t.range.lowerBound
        guard i > 0 else { return false }
        if ClauseRules.determiners.contains(tokens[i - 1].text) { return true }
        guard i > 1, tokens[i - 1].text == "and" || tokens[i - 1].text == "or",
              let before = triggers.first(where: { $0.range.upperBound == i - 1 }) else { return false }
        return refersBack(before)
    }

    /// Where a main clause resumes after a description set off by commas ("A, which B, did C"): the comma that
    /// closes a relative clause or apposition, when the main clause before it has told no happening yet and a
    /// happening follows. Keyed by the resuming comma, the start of the main clause it resumes.
    func resumptions(of starts: [(Int, Clause.Kind)]) -> [Int: Int] {
        var out: [Int: Int] = [:]
        for (k, s) in starts.enumerated() where s.1 == .relative || s.1 == .person {
            guard let main = starts[..<k].last(where: { $0.1 == .main || $0.1 == .sub })?.0 else { continue }
            let end = k + 1 < starts.count ? starts[k + 1].0 : tokens.count
            // A trigger after "the" in the main clause ("the shelling, which …, struck") refers, it tells nothing.
            let told = triggers.contains { t in (main..<s.0).contains(t.range.lowerBound) && !refersBack(t) }
            guard !told,
                  let comma = ((s.0 + 1)..<end).first(where: { tokens[$0].text == "," }),
                  triggers.contains(where: { (comma..<end).contains($0.range.lowerBound) }) else { continue }
            out[comma] = main
        }
        return out
    }
}
