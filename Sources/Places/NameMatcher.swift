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
}

/// Finds gazetteer names in running text: one pass over the text's folded tokens, walking a trie of
/// every folded name from each capitalised token; the longest name wins and matches do not overlap.
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

    /// `matches(in:)` over the text's UTF-8 bytes. Only the tokens a match is tried on or looked at (capitalised
    /// words, the words after them, the cue words around a name) are folded.
    func matches(in text: String, utf8 u: UnsafeBufferPointer<UInt8>) -> [NameMatch] {
        var tokens = NameKey.LazyTokens(utf8: u)
        let trie = gazetteer.trie
        var out: [NameMatch] = []
        var i = 0
        while i < tokens.count {
            let first = tokens[i]
            guard first.isCapitalised, !tokens.isArticle(i) else { i += 1; continue }
            var node = 0, j = i
            var best: (end: Int, key: String)? = nil
            while j < tokens.count {
                if j > i, tokens.isArticle(j) { j += 1; continue }
                guard let next = trie.child(node, tokens.key(j)) else { break }
                node = next
                if let key = trie.key(at: node) { best = (j, key) }
                j += 1
            }
            guard let (end, key) = best else { i += 1; continue }
            var start = first.start
            if i > 0, tokens.isArticle(i - 1), first.hyphenBefore || (tokens[i - 1].isCapitalised && tokens[i - 1].end + 1 == first.start) {
                start = tokens[i - 1].start
            }
            let t = text.utf8
            let range = t.index(t.startIndex, offsetBy: start)..<t.index(t.startIndex, offsetBy: tokens[end].end)
            let cue = Cue.around(&tokens, from: i, to: end)
            out.append(NameMatch(range: range, text: String(text[range]), key: key,
                                 candidates: gazetteer.places(withKey: key), cue: cue?.rawValue))
            i = end + 1
        }
        return out
    }
}
