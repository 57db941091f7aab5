/// Bare "troops" or "soldiers" set against an armed opposition in one pair ("clashes between troops and
/// insurgents", "between rebels and soldiers", "12 soldiers and nine insurgents were killed") are the home
/// government's forces: the pair names the two sides,
/// and the side facing the rebels is the state's. Alone ("On Tuesday troops captured A") they stay unnamed,
/// since they may be anyone's.
enum PairedTroops {
    /// Words that name soldiers with no side.
    static let bare: Set<String> = ["troops", "soldiers", "forces"]

    /// `actors` with a match added for each bare word of soldiers paired by "between … and …" with an
    /// opposition side; the entry is the one "the army" has in the report's conflict.
    static func add(to actors: [PhraseMatch<ActorEntry>], tokens: [Token], cueAt: CuesByToken,
                    government: ActorEntry?) -> [PhraseMatch<ActorEntry>] {
        guard let government else { return actors }
        var out = actors
        for i in tokens.indices where bare.contains(tokens[i].text) && !actors.contains(where: { $0.range.contains(i) }) {
            if pairedWithOpposition(i, tokens: tokens, cueAt: cueAt, actors: actors) {
                out.append(PhraseMatch(range: i..<(i + 1), entry: government))
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// "between TROOPS and REBELS" or "between REBELS and TROOPS", with the rebels an opposition phrase; or
    /// the two counted side by side as the dead of one fight ("12 soldiers and nine insurgents were killed").
    static func pairedWithOpposition(_ i: Int, tokens: [Token], cueAt: CuesByToken, actors: [PhraseMatch<ActorEntry>]) -> Bool {
        func isCount(_ k: Int) -> Bool {
            vagueCounts.contains(tokens[k].text) || cueAt[k]?.contains { $0.kind == .number } == true
                || (!tokens[k].text.isEmpty && tokens[k].text.allSatisfy(\.isNumber))
        }
        let opposition = actors.filter { $0.entry.side == .opposition }
        if i > 0, tokens[i - 1].text == "between", i + 1 < tokens.count, tokens[i + 1].text == "and" {
            return opposition.contains { $0.range.lowerBound == i + 2 }
        }
        if i > 0, tokens[i - 1].text == "and", let other = opposition.first(where: { $0.range.upperBound == i - 1 }) {
            return other.range.lowerBound > 0 && tokens[other.range.lowerBound - 1].text == "between"
        }
        // "12 soldiers and nine insurgents", "insurgents and 12 soldiers": counts on both sides of "and".
        guard i > 0, isCount(i - 1) else { return false }
        if i + 2 < tokens.count, tokens[i + 1].text == "and", isCount(i + 2) {
            return opposition.contains { $0.range.lowerBound == i + 3 }
        }
        if i > 2, tokens[i - 2].text == "and", let other = opposition.first(where: { $0.range.upperBound == i - 2 }) {
            return other.range.lowerBound > 0 && isCount(other.range.lowerBound - 1)
        }
        return false
    }

    /// Counts with no figure that count people in such a pair, besides the lexicon's numbers and digits.
    static let vagueCounts: Set<String> = ["dozens", "hundreds", "several", "many"]
}

extension Lexicon {
    /// The entry "the army" has in `conflict`: the home government's forces, or nil where none is named.
    func governmentForces(conflict: String?) -> ActorEntry? {
        let words = vocabulary.numbers(of: Tokenizer.tokens(of: "the army"))
        return actorMatches(in: words, conflict: conflict).first { $0.range == 0..<2 && $0.entry.side == .government }?.entry
    }
}
