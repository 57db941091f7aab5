/// A trie over folded tokens: each path of tokens that spells a whole key ends in a terminal node.
struct TokenTrie: Sendable {
    struct Node: Sendable {
        var children: [String: Int] = [:]
        /// The whole key when a key ends here.
        var key: String? = nil
    }
    private(set) var nodes: [Node] = [Node()]

    /// An empty trie.
    init() {}

    /// Adds a key given as its tokens (`NameKey.tokens`), which joined by spaces give `key`.
    mutating func insert(_ tokens: [String], key: String) {
        var n = 0
        for t in tokens {
            if let next = nodes[n].children[t] { n = next } else {
                nodes.append(Node())
                nodes[n].children[t] = nodes.count - 1
                n = nodes.count - 1
            }
        }
        nodes[n].key = key
    }

    func child(_ node: Int, _ token: String) -> Int? { nodes[node].children[token] }
    func key(at node: Int) -> String? { nodes[node].key }
}

/// A place name found in a text.
public struct NameMatch: Sendable {
    /// Where the name lies in the text (from its first letter, or its article when hyphen-joined, to its last letter).
    public var range: Range<String.Index>
    /// The text of the name as written.
    public var text: String
    /// Its folding key (`NameKey.fold(text)`).
    public var key: String
    /// Every place with a name of that key, in gazetteer order (more than one: ambiguous).
    public var candidates: [Place]
    /// A cue word next to the name that says what sort of place it is ("province", "city", "village",
    /// "air base", "near"), folded to its category name (see `ResolutionContext.cue`), or nil.
    public var cue: String?
    /// The words it covers, as indices into the caller's words (`matches(in:words:)`), or nil.
    public var wordRange: Range<Int>? = nil
}

/// Finds gazetteer names in running text: one pass over the text's folded tokens, walking a trie of
/// every folded name from each capitalised token; the longest name wins and matches do not overlap.
///
/// What only looks like a name is left out: a single word of fewer than three letters ("A", "EU", "UN"), a
/// single common word or demonym (`CommonWords`: "More", "Syrian", "Turkish", however it folds), and a name
/// that is only the start of a longer unknown one ("Tall" of "Tall Qurbizwi": the next word, joined by a
/// space or hyphen, is capitalised and is neither a name, a cue word, a common or short word nor an acronym).
///
/// Built once per gazetteer (the trie is made when the gazetteer loads); `matches(in:)` is linear in the
/// text's length times the longest name (in tokens).
public struct NameMatcher: Sendable {
    let gazetteer: Gazetteer

    /// A matcher over every name and alternate name of `gazetteer`.
    public init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    /// The names in `text`, left to right, longest first at each position, non-overlapping.
    /// A name must start with a capitalised word (or an Arabic-script word), so that common English
    /// words that happen to fold like a village name are not taken for one.
    public func matches(in text: String) -> [NameMatch] {
        var utf8 = text
        return utf8.withUTF8 { matches(in: text, utf8: $0) }
    }

    /// The names in `text` over the caller's own words of it (one tokenization for a text read by several
    /// matchers: `words` as the caller's tokenizer split it, marks inside words kept in them). Each match carries
    /// the indices of the words it covers (`wordRange`).
    public func matches(in text: String, words: [NameKey.WordSpan]) -> [NameMatch] {
        var utf8 = text
        return utf8.withUTF8 { u in
            var tokens = NameKey.LazyTokens(utf8: u, words: words)
            return matches(in: text, tokens: &tokens, utf8: u)
        }
    }

    /// `matches(in:)` over the text's UTF-8 bytes. Only the tokens a match is tried on or looked at (capitalised
    /// words, the words after them, the cue words around a name) are folded.
    func matches(in text: String, utf8 u: UnsafeBufferPointer<UInt8>) -> [NameMatch] {
        var tokens = NameKey.LazyTokens(utf8: u)
        return matches(in: text, tokens: &tokens, utf8: u)
    }

    /// The matching loop over `tokens` of the UTF-8 bytes `u` of `text`.
    func matches(in text: String, tokens: inout NameKey.LazyTokens, utf8 u: UnsafeBufferPointer<UInt8>) -> [NameMatch] {
        var out: [NameMatch] = []
        var i = 0
        while i < tokens.count {
            guard let (end, key) = longestName(at: i, in: &tokens) else { i += 1; continue }
            defer { i = end + 1 }
            let first = tokens[i]
            // "al-Nayrab", "Al Nayrab": the article joined to the name is part of it.
            let article = i > 0 && tokens.isArticle(i - 1)
                && (first.hyphenBefore || (tokens[i - 1].isCapitalised && tokens[i - 1].end + 1 == first.start))
            guard isWholeName(i, end, withArticle: article, in: &tokens, utf8: u) else { continue }
            let start = article ? tokens[i - 1].start : first.start
            let t = text.utf8
            let range = t.index(t.startIndex, offsetBy: start)..<t.index(t.startIndex, offsetBy: tokens[end].end)
            let cue = Cue.around(&tokens, from: i, to: end)
            out.append(NameMatch(range: range, text: String(text[range]), key: key,
                                 candidates: gazetteer.places(withKey: key), cue: cue?.rawValue,
                                 wordRange: (article ? i - 1 : i)..<(end + 1)))
        }
        return out
    }

    /// The longest gazetteer name starting at token `i` (a capitalised word, not an article; articles inside
    /// the name are skipped): its last token and its key.
    func longestName(at i: Int, in tokens: inout NameKey.LazyTokens) -> (end: Int, key: String)? {
        guard tokens[i].isCapitalised, !tokens.isArticle(i) else { return nil }
        let trie = gazetteer.trie
        var node = 0, j = i
        var best: (end: Int, key: String)? = nil
        while j < tokens.count {
            if j > i, tokens.isArticle(j) { j += 1; continue }
            guard let next = trie.child(node, tokens.key(j)) else { break }
            node = next
            if let key = trie.key(at: node) { best = (j, key) }
            j += 1
        }
        return best
    }

    /// False when the name found at tokens `i...end` only looks like one (see the type's summary); a word with
    /// an article joined to it ("al-Is") is a name however short.
    func isWholeName(_ i: Int, _ end: Int, withArticle article: Bool, in tokens: inout NameKey.LazyTokens,
                     utf8 u: UnsafeBufferPointer<UInt8>) -> Bool {
        if i == end, !article {
            let word = NameKey.letters(of: tokens[i], in: u)
            if word.unicodeScalars.count < 3 || CommonWords.contains(word) { return false }
        }
        // "Tall Qurbizwi": a capitalised word right after the name, that nothing else explains, continues it.
        let next = end + 1
        guard next < tokens.count, tokens[next].isCapitalised,
              tokens[next].hyphenBefore || u[tokens[end].end..<tokens[next].start].allSatisfy({ $0 == UInt8(ascii: " ") })
        else { return true }
        let word = NameKey.letters(of: tokens[next], in: u)
        let acronym = word.unicodeScalars.count >= 2 && word.unicodeScalars.allSatisfy { $0.properties.isUppercase }
        if acronym || word.unicodeScalars.count < 3 || CommonWords.contains(word) || Cue.phrasesByFirst[tokens.key(next)] != nil
            || longestName(at: next, in: &tokens) != nil {
            return true
        }
        return false
    }
}
