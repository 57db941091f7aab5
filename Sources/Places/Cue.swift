/// What a word next to a name says about the place: its category, or that the event was near it.
enum Cue: String, Sendable, CaseIterable {
    case governorate, city, village, airbase, crossing, near

    /// The kinds of place this cue fits; `near` fits every kind.
    func fits(_ kind: PlaceKind) -> Bool {
        switch self {
        case .governorate: return kind == .governorate
        case .city: return kind == .city || kind == .town || kind == .capital
        case .village: return kind == .village || kind == .hamlet || kind == .town
        case .airbase: return kind == .airbase
        case .crossing: return kind == .crossing
        case .near: return true
        }
    }

    /// The cue a word or phrase names, as given in `ResolutionContext.cue` ("province", "city centre",
    /// "air base", "governorate", ...), or nil.
    init?(phrase: String) {
        let tokens = NameKey.tokens(phrase)
        if let c = Cue.allCases.first(where: { $0.rawValue == phrase.lowercased() }) { self = c; return }
        guard let hit = Cue.phrases.first(where: { $0.tokens == tokens }) else { return nil }
        self = hit.cue
    }

    /// Cue phrases as folded tokens; longer phrases first so that "military airport" beats "airport".
    static let phrases: [(tokens: [String], cue: Cue, before: Bool)] = {
        let table: [(String, Cue)] = [
            ("province", .governorate), ("governorate", .governorate), ("region", .governorate),
            ("countryside", .governorate), ("muhafazat", .governorate),
            ("city", .city), ("city centre", .city), ("city center", .city), ("town", .city), ("town centre", .city),
            ("town center", .city), ("centre", .city), ("center", .city), ("downtown", .city),
            ("village", .village), ("hamlet", .village),
            ("air base", .airbase), ("airbase", .airbase), ("airport", .airbase), ("military airport", .airbase),
            ("military airbase", .airbase), ("airfield", .airbase), ("air field", .airbase),
            ("crossing", .crossing), ("border crossing", .crossing), ("crossing point", .crossing),
        ]
        return table.map { (NameKey.tokens($0.0), $0.1, false) }.sorted { $0.tokens.count > $1.tokens.count }
    }()

    /// Words before a name that place an event near it, not in it.
    static let nearWords: Set<String> = Set(["near", "outskirts", "around", "outside", "vicinity", "nearby",
                                             "environs", "close", "edge", "edges", "north", "south", "east", "west",
                                             "northeast", "northwest", "southeast", "southwest", "km", "kilometres",
                                             "kilometers", "miles"].map(NameKey.fold))

    static let of = NameKey.fold("of"), the = NameKey.fold("the"), to = NameKey.fold("to")

    /// The cue in the words right after a name (tokens `to+1...`: "Idlib province", "Idlib's city centre")
    /// or right before it ("the village of Nairab", "near Saraqeb", "the outskirts of Saraqeb").
    static func around(tokens: [NameKey.Token], from: Int, to end: Int) -> Cue? {
        var lazy = NameKey.LazyTokens(folded: tokens)
        return around(&lazy, from: from, to: end)
    }

    /// `around(tokens:from:to:)` over tokens whose keys are folded when looked at.
    static func around(_ t: inout NameKey.LazyTokens, from: Int, to end: Int) -> Cue? {
        /// True when `phrase` is spelled by the tokens from `s` on.
        func spells(_ phrase: [String], from s: Int) -> Bool {
            s >= 0 && s + phrase.count <= t.count && phrase.indices.allSatisfy { t.key(s + $0) == phrase[$0] }
        }
        // After: "X province", "X city centre", "X air base".
        if end + 1 < t.count, let p = phrasesByFirst[t.key(end + 1)]?.first(where: { spells($0.tokens, from: end + 1) }) {
            return p.cue
        }
        // Before: "(the) village of X", "province of X", "near (to) X", "outskirts of X", "10 km west of X".
        var b = from - 1
        while b >= 0, t.isArticle(b) || t.key(b) == the { b -= 1 }
        guard b >= 0 else { return nil }
        if t.key(b) == of || t.key(b) == to {
            let k = b - 1
            guard k >= 0 else { return nil }
            if nearWords.contains(t.key(k)) { return .near }
            return phrasesByLast[t.key(k)]?.first { spells($0.tokens, from: k - $0.tokens.count + 1) }?.cue
        }
        if nearWords.contains(t.key(b)) { return .near }
        return nil
    }

    /// `phrases` by their first and by their last token, each list in the order of `phrases`.
    static let phrasesByFirst = Dictionary(grouping: phrases, by: { $0.tokens.first! })
    static let phrasesByLast = Dictionary(grouping: phrases, by: { $0.tokens.last! })

    /// Strips cue phrases off the ends of a name's tokens ("Idlib city centre" → ["adlab"], .city;
    /// "the village of Nairab" → ["narab"], .village; "near Saraqeb" → ["sarakab"], .near).
    static func strip(_ tokens: [String]) -> (tokens: [String], cue: Cue?) {
        var t = tokens[...]
        var cue: Cue? = nil
        while let f = t.first, f == the { t = t.dropFirst() }
        if let f = t.first, nearWords.contains(f) {
            cue = .near; t = t.dropFirst()
            while let f = t.first, f == of || f == to || f == the { t = t.dropFirst() }
        }
        for p in phrases where t.count > p.tokens.count {
            if Array(t.suffix(p.tokens.count)) == p.tokens { cue = cue ?? p.cue; t = t.dropLast(p.tokens.count); break }
            if Array(t.prefix(p.tokens.count)) == p.tokens, t.dropFirst(p.tokens.count).first == of {
                cue = cue ?? p.cue; t = t.dropFirst(p.tokens.count + 1); break
            }
        }
        return (Array(t), cue)
    }
}
