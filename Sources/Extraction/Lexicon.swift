import GeoModel
import EventModel
import Foundation
import Places

/// Errors of the lexicon files, naming the file and the 1-based line.
public enum LexiconError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A row that cannot be read.
    case malformed(file: String, line: Int, message: String)
    /// A lexicon file that is missing or unreadable.
    case unreadable(file: String, message: String)

    public var description: String {
        switch self {
        case .malformed(let f, let l, let m): return "\(f):\(l): \(m)"
        case .unreadable(let f, let m): return "\(f): \(m)"
        }
    }
}

/// A trigger phrase: a word that tells a happening, and how to code it.
public struct TriggerEntry: Sendable, Hashable {
    /// The phrase as written in the file.
    public var phrase: String
    /// The event type and sub-type it codes (checked against `SubEventType` when the lexicon loads).
    public var category: EventCategory
    /// 1 (weak: "killed") to 3 (specific: "air strikes"); the highest in a clause wins.
    public var priority: Int
    /// How a generic trigger is refined.
    public var rule: TriggerRule
    /// The actor when the text names none ("Civilians" for displacement), or nil.
    public var defaultActor: String?
}

/// How a generic trigger is refined into a sub-event type.
public enum TriggerRule: String, Sendable, Hashable {
    /// Keep the trigger's type.
    case none = "-"
    /// An attack: by its means (air, artillery) and its target (civilians).
    case attack
    /// A change of control: by the side that took the place.
    case territory
}

/// Which side an actor is on, as the lexicon names it.
public enum ActorSide: String, Sendable, Hashable {
    case government, foreign, opposition, civilian, none

    /// ACLED's actor type of the side: the government's forces are state forces, foreign forces external
    /// forces, the opposition a rebel group; nil for phrases that name no party.
    public var kind: ActorKind? {
        switch self {
        case .government: return .stateForces
        case .foreign: return .external
        case .opposition: return .rebelGroup
        case .civilian: return .civilians
        case .none: return nil
        }
    }
}

/// An actor phrase and the side it names.
public struct ActorEntry: Sendable, Hashable {
    /// The phrase as written in the file.
    public var phrase: String
    /// The display name, or nil for phrases that name no party ("Syrian Observatory").
    public var actor: String?
    /// The side's kind (government, foreign, opposition, civilian, none), in `conflict`.
    public var side: ActorSide
    /// The name used when this actor carries out an air strike, or nil.
    public var airActor: String?
    /// The conflict the row holds in (`syria`, `ukraine`, ...: `conflicts.tsv`), or nil for any conflict.
    public var conflict: String?
    /// The display names: `actor` split at "+" ("Syrian and Turkish forces" names two sides).
    public let names: [String]

    /// An actor row.
    public init(phrase: String, actor: String?, side: ActorSide, airActor: String?, conflict: String? = nil) {
        self.phrase = phrase; self.actor = actor; self.side = side; self.airActor = airActor; self.conflict = conflict
        names = actor?.split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
    }
}

/// The kinds of cue word of `cues.tsv`.
public enum CueKind: String, Sendable, Hashable, CaseIterable {
    case weekday, month, relative, since, part, vague, undated, backref
    case reportVerb = "report_verb", statement, according
    case claimPronoun = "claim_pronoun", purpose, irrealis, support, clause, background, trend, means
    case newsTense = "news_tense", kill, victim, number, multiplier, qualifier, direction, near, locative
    case placeNoun = "place_noun"
    /// "the neighbouring village of X": X lies by the place named just before it.
    case neighbour
    /// A subject that names no side ("they", "troops"); its value says which sides it can stand for
    /// (`armed`, `state`, `opposition`). See `bareSubjectAgents`.
    case subject
    /// An arrangement between sides ("agreement", "de-escalation arrangement"): a side named after it with
    /// a preposition ("with Russia") is no side of the happening told around it.
    case arrangement
    /// A capitalised word that is never a place on its own ("Syrian", "Turkish"), even when it folds like one.
    case notPlace = "not_place"
    /// A word that makes a place named beside it no place of a happening (`PlaceRoleCue`: a road's end, a
    /// destination, where fire came from, where a statement was made, where someone is based).
    case placeRole = "place_role"
    /// A noun after a place's name that names a feature beside it ("the Harran hills", "Hawash hill"); its value
    /// is the word that names such a feature in place names ("tell": Tell Hawash), or `-`.
    case feature
    /// A side pulling out ("after the insurgents pulled out"): the change of control told in its clause is a
    /// Non-violent transfer of territory.
    case withdrawal
}

/// The values of `place_role` cues: why a place named beside the cue is no event place (see `PlaceRoles`).
public enum PlaceRoleCue: String, Sendable, Hashable, CaseIterable {
    /// "highway", "road", "supply line": the places that name a road or end it ("the Hama-Aleppo highway",
    /// "the road linking A with B").
    case road
    /// "toward", "in the direction of", "moving on": where a movement goes.
    case destination
    /// "fled", "withdrew", "retreated": the place they went to ("fled to B").
    case retreat
    /// "fired", "came", "launched": the place fire came from ("fired from A").
    case origin
    /// "speaking", "interview", "remarks": the place a statement was made from ("speaking from A").
    case speech
    /// "based": where a group or person is based ("based in A", "A-based").
    case based
    /// "front", "direction", "axis": the places that name a sector of a front ("on the A front", "in the A and
    /// B directions"); fighting along a sector happened somewhere on it, not in the town it is named after.
    case sector
}

/// A cue phrase of one kind and its value ("thursday" → weekday 4).
public struct CueEntry: Sendable, Hashable {
    /// What the cue does (see `Gazetteer/lexicon/README.md`).
    public var kind: CueKind
    /// The phrase as written in the file.
    public var phrase: String
    /// Its value: a weekday or month number, a relative-date name, a direction, a number, ...
    public var value: String
    /// The phrase's length in words (as the tokenizer splits it).
    public let wordCount: Int

    /// A cue row.
    public init(kind: CueKind, phrase: String, value: String) {
        self.kind = kind; self.phrase = phrase; self.value = value
        wordCount = Lexicon.words(phrase).count
    }
}

/// Word sequences → entries, matched longest-first over a sentence's tokens (a trie over words).
///
/// Words are numbered by the lexicon's `Vocabulary`, so that a step down the trie is one integer lookup and
/// a token outside the vocabulary ends a match at once.
struct PhraseTrie<Payload: Sendable>: Sendable {
    /// The root's child for each word number (0: none), so that the first step, tried at every token, is
    /// an array read.
    private var rootChildren: [Int] = []
    /// The children of each node below the root, as (word, child) pairs: a node has few, so a search in
    /// order beats hashing.
    private var children: [[Edge]] = [[]]
    private var payloads: [[Payload]] = [[]]

    struct Edge: Sendable {
        var word: Int32, node: Int32
    }

    func child(_ node: Int, _ word: Int32) -> Int? {
        if node == 0 {
            let c = Int(word) < rootChildren.count ? rootChildren[Int(word)] : 0
            return c == 0 ? nil : c
        }
        return children[node].first { $0.word == word }.map { Int($0.node) }
    }

    mutating func insert(_ words: [Int32], _ payload: Payload) {
        var node = 0
        for w in words {
            if let next = child(node, w) { node = next; continue }
            payloads.append([])
            children.append([])
            let new = payloads.count - 1
            if node == 0 {
                if rootChildren.count <= Int(w) { rootChildren += Array(repeating: 0, count: Int(w) + 1 - rootChildren.count) }
                rootChildren[Int(w)] = new
            } else {
                children[node].append(Edge(word: w, node: Int32(new)))
            }
            node = new
        }
        payloads[node].append(payload)
    }

    /// The longest phrase starting at word `i` of `words` (the vocabulary numbers of a sentence's tokens):
    /// its length in tokens and its entries.
    func longest(in words: [Int32], at i: Int) -> (length: Int, payloads: [Payload])? {
        var node = 0, j = i
        var best: (Int, [Payload])? = nil
        while j < words.count, words[j] != Vocabulary.unknown, let next = child(node, words[j]) {
            node = next
            j += 1
            if !payloads[node].isEmpty { best = (j - i, payloads[node]) }
        }
        return best
    }

    /// Leftmost-longest, non-overlapping matches over `words`.
    func matches(in words: [Int32]) -> [(range: Range<Int>, payloads: [Payload])] {
        var out: [(Range<Int>, [Payload])] = []
        var i = 0
        while i < words.count {
            if let (len, p) = longest(in: words, at: i) {
                out.append((i..<(i + len), p))
                i += len
            } else {
                i += 1
            }
        }
        return out
    }
}

/// The words of the lexicon's phrases, numbered: a sentence's tokens are looked up once each, and the
/// phrase tries then step on numbers.
///
/// The lookup is an open-addressing table over FNV-1a hashes of the words' UTF-8 bytes, built by `seal()`:
/// cheaper than a `Dictionary`'s seeded hashing, for a table that never changes once the lexicon is read.
struct Vocabulary: Sendable {
    /// The number of a word that no phrase uses.
    static let unknown: Int32 = -1
    private var numbers: [String: Int32] = [:]
    private var words: [String] = []
    /// Word number + 1 per slot (0: empty); the slot count is a power of two, at least twice the word count.
    private var slots: [Int32] = [0]

    /// The number of `word`, adding it when new (call `seal()` after the last).
    mutating func add(_ word: String) -> Int32 {
        if let n = numbers[word] { return n }
        let n = Int32(words.count)
        numbers[word] = n
        words.append(word)
        return n
    }

    /// Builds the lookup table over the words added so far.
    mutating func seal() {
        var size = 1
        while size < 2 * words.count { size *= 2 }
        slots = Array(repeating: 0, count: size)
        for (n, w) in words.enumerated() {
            var i = Vocabulary.hash(w) & (size - 1)
            while slots[i] != 0 { i = (i + 1) & (size - 1) }
            slots[i] = Int32(n + 1)
        }
    }

    static func hash(_ word: String) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in word.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h)
    }

    /// The number of `word`, or `unknown`.
    func number(of word: String) -> Int32 {
        let mask = slots.count - 1
        var i = Vocabulary.hash(word) & mask
        while slots[i] != 0 {
            let n = Int(slots[i]) - 1
            if words[n] == word { return Int32(n) }
            i = (i + 1) & mask
        }
        return Vocabulary.unknown
    }

    /// The number of each token's text (`unknown` when no phrase uses it).
    func numbers(of tokens: [Token]) -> [Int32] { tokens.map { number(of: $0.text) } }
}

/// The extraction lexicon: trigger phrases, actor phrases and cue words, read from
/// `Gazetteer/lexicon/{triggers,actors,cues}.tsv` at run time so that an analyst can extend them
/// without recompiling. Rows are tab-separated; `#` starts a comment line; blank lines are skipped.
public struct Lexicon: Sendable {
    /// Every trigger row, in file order.
    public let triggers: [TriggerEntry]
    /// The entry of "drove out", which a verb of expulsion takes when its object stands before its particle
    /// (`ParticleVerbs`).
    var expulsion: TriggerEntry? { triggers.first { $0.phrase == "drove out" } }
    /// Every actor row, in file order.
    public let actors: [ActorEntry]
    /// Every cue row, in file order.
    public let cues: [CueEntry]
    /// ISO country code → the conflict whose actor rows hold for reports at home there (`conflicts.tsv`).
    public let conflicts: [String: String]

    /// Actor rows by phrase (the first row of a phrase), for "Turkish retaliation" (see `demonymAgent`).
    let actorByPhrase: [String: ActorEntry]
    let vocabulary: Vocabulary
    /// The trigger phrases' words by lemma ("captured", "capturing", "capture" are one).
    let triggerWords: LemmaVocabulary
    let triggerTrie: PhraseTrie<TriggerEntry>
    let actorTrie: PhraseTrie<ActorEntry>
    let cueTrie: PhraseTrie<CueEntry>

    /// A lexicon from rows already in memory. `conflicts` maps ISO country codes to conflicts (see `conflict(of:)`).
    public init(triggers: [TriggerEntry], actors: [ActorEntry], cues: [CueEntry], conflicts: [String: String] = [:]) {
        self.triggers = triggers; self.actors = actors; self.cues = cues; self.conflicts = conflicts
        var byPhrase: [String: ActorEntry] = [:]
        for a in actors where byPhrase[a.phrase] == nil { byPhrase[a.phrase] = a }
        actorByPhrase = byPhrase
        var v = Vocabulary()
        var t = PhraseTrie<TriggerEntry>(), a = PhraseTrie<ActorEntry>(), c = PhraseTrie<CueEntry>()
        let lemmas = LemmaVocabulary(words: triggers.flatMap { Lexicon.words($0.phrase) })
        for e in triggers { t.insert(Lexicon.words(e.phrase).map { lemmas.number(of: $0) }, e) }
        for e in actors { a.insert(Lexicon.words(e.phrase).map { v.add($0) }, e) }
        for e in cues { c.insert(Lexicon.words(e.phrase).map { v.add($0) }, e) }
        v.seal()
        vocabulary = v; triggerWords = lemmas; triggerTrie = t; actorTrie = a; cueTrie = c
    }

    /// The conflict of a report whose home country is `country` (`conflicts.tsv`), or nil for a country no
    /// conflict row names.
    public func conflict(of country: String) -> String? { conflicts[country] }

    /// The entry of an actor phrase that holds in `conflict`: the row of that conflict, else the row for any
    /// conflict (`-`); nil when the phrase names a side only in other conflicts ("government forces" in a
    /// report whose country no conflict row names: whose government is unknown, so it names no actor).
    public static func entry(among entries: [ActorEntry], conflict: String?) -> ActorEntry? {
        if let conflict, let own = entries.first(where: { $0.conflict == conflict }) { return own }
        return entries.first { $0.conflict == nil }
    }

    /// The actor phrases of a sentence's words (vocabulary numbers), leftmost-longest, each with its entry in
    /// `conflict`; phrases with no entry there are left out.
    func actorMatches(in words: [Int32], conflict: String?) -> [PhraseMatch<ActorEntry>] {
        actorTrie.matches(in: words).compactMap { m in
            Lexicon.entry(among: m.payloads, conflict: conflict).map { PhraseMatch(range: m.range, entry: $0) }
        }
    }

    /// A phrase's words as the tokenizer gives them ("pro-regime" → ["pro", "regime"], ", which" → [",", "which"]).
    static func words(_ phrase: String) -> [String] { Tokenizer.tokens(of: phrase).map(\.text) }

    /// Reads `triggers.tsv`, `conflicts.tsv` (optional), `actors.tsv` and `cues.tsv` from `directory`.
    /// - Throws: `LexiconError.unreadable` for a missing file, `LexiconError.malformed(file:line:message:)`
    ///   for a bad row (wrong number of columns, unknown kind, side, rule or conflict, a bad number, a
    ///   country given to two conflicts).
    public static func load(from directory: URL) throws -> Lexicon {
        func rows(_ name: String, columns: ClosedRange<Int>, optional: Bool = false) throws -> [(line: Int, cells: [String], file: String)] {
            let url = directory.appendingPathComponent(name)
            if optional, !FileManager.default.fileExists(atPath: url.path) { return [] }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw LexiconError.unreadable(file: url.path, message: "cannot read the lexicon file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw LexiconError.unreadable(file: url.path, message: "the lexicon file is not UTF-8 text")
            }
            var out: [(Int, [String], String)] = []
            for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
                if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
                let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                guard columns.contains(cells.count) else {
                    let expected = columns.count == 1 ? "\(columns.lowerBound)" : "\(columns.lowerBound) or \(columns.upperBound)"
                    throw LexiconError.malformed(file: url.path, line: i + 1,
                                                 message: "expected \(expected) tab-separated columns, found \(cells.count)")
                }
                guard !cells[0].isEmpty else {
                    throw LexiconError.malformed(file: url.path, line: i + 1, message: "the first column is empty")
                }
                out.append((i + 1, cells, url.path))
            }
            return out
        }
        func dash(_ s: String) -> String? { s == "-" || s.isEmpty ? nil : s }

        var triggers: [TriggerEntry] = []
        for r in try rows("triggers.tsv", columns: 6...6) {
            let c = r.cells
            guard let p = Int(c[3]), (1...3).contains(p) else {
                throw LexiconError.malformed(file: r.file, line: r.line, message: "priority must be 1, 2 or 3, not \"\(c[3])\"")
            }
            guard let rule = TriggerRule(rawValue: c[4]) else {
                throw LexiconError.malformed(file: r.file, line: r.line, message: "rule must be -, attack or territory, not \"\(c[4])\"")
            }
            let category: EventCategory
            do { category = try EventCategory(type: c[1], subType: c[2]) } catch {
                throw LexiconError.malformed(file: r.file, line: r.line, message: "\(error)")
            }
            guard category.subType != nil else {
                throw LexiconError.malformed(file: r.file, line: r.line, message: "a trigger needs a sub_type")
            }
            triggers.append(TriggerEntry(phrase: c[0], category: category, priority: p, rule: rule,
                                         defaultActor: dash(c[5])))
        }
        var conflicts: [String: String] = [:]
        // conflicts.tsv is optional: a lexicon folder without it (as before the file came) has no conflicts,
        // and its actor rows must then all hold for any conflict.
        for r in try rows("conflicts.tsv", columns: 3...3, optional: true) {
            let c = r.cells
            let codes = c[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard !codes.isEmpty, codes.allSatisfy({ $0.count == 2 && $0 == $0.uppercased() }) else {
                throw LexiconError.malformed(file: r.file, line: r.line, message: "countries must be ISO codes joined by commas (\"SY\", \"UA,RU\"), not \"\(c[1])\"")
            }
            for code in codes {
                if let other = conflicts[code] {
                    throw LexiconError.malformed(file: r.file, line: r.line, message: "\(code) is already the country of the conflict \(other)")
                }
                conflicts[code] = c[0]
            }
        }
        let known = Set(conflicts.values)
        var actors: [ActorEntry] = []
        // Four columns (phrase, actor, side, air_actor) are read as a row for any conflict, as before the column came.
        for r in try rows("actors.tsv", columns: 4...5) {
            let c = r.cells
            guard let side = ActorSide(rawValue: c[2]) else {
                throw LexiconError.malformed(file: r.file, line: r.line,
                                             message: "side must be government, foreign, opposition, civilian or none, not \"\(c[2])\"")
            }
            let conflict = c.count == 5 ? dash(c[4]) : nil
            if let conflict, !known.contains(conflict) {
                throw LexiconError.malformed(file: r.file, line: r.line, message:
                    "unknown conflict \"\(conflict)\" (conflicts.tsv names \(known.isEmpty ? "none" : known.sorted().joined(separator: ", ")); \"-\" for any)")
            }
            actors.append(ActorEntry(phrase: c[0], actor: dash(c[1]), side: side, airActor: dash(c[3]), conflict: conflict))
        }
        var cues: [CueEntry] = []
        for r in try rows("cues.tsv", columns: 3...3) {
            let c = r.cells
            guard let kind = CueKind(rawValue: c[0]) else {
                throw LexiconError.malformed(file: r.file, line: r.line, message: "unknown cue kind \"\(c[0])\"")
            }
            guard !c[1].isEmpty else { throw LexiconError.malformed(file: r.file, line: r.line, message: "empty phrase") }
            if kind == .placeRole, PlaceRoleCue(rawValue: c[2]) == nil {
                throw LexiconError.malformed(file: r.file, line: r.line, message: "place_role must be one of "
                    + PlaceRoleCue.allCases.map(\.rawValue).joined(separator: ", ") + ", not \"\(c[2])\"")
            }
            if kind == .feature, c[2] != "-", Lexicon.words(c[2]).count != 1 {
                throw LexiconError.malformed(file: r.file, line: r.line, message: "feature needs one word naming the feature in place names, or -, not \"\(c[2])\"")
            }
            if [.weekday, .month, .number, .multiplier].contains(kind), Int(c[2]) == nil {
                throw LexiconError.malformed(file: r.file, line: r.line, message: "\(kind.rawValue) needs a whole number, not \"\(c[2])\"")
            }
            cues.append(CueEntry(kind: kind, phrase: c[1], value: c[2]))
        }
        return Lexicon(triggers: triggers, actors: actors, cues: cues, conflicts: conflicts)
    }

    /// The lexicon beside a gazetteer: `<gazetteer directory>/lexicon/`.
    /// - Throws: as `load(from:)`.
    public static func load(besides gazetteer: Gazetteer) throws -> Lexicon {
        try load(from: gazetteer.directory.appendingPathComponent("lexicon"))
    }
}
