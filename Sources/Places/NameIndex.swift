import Foundation

/// The gazetteer's name index: folding key → the places with a name of that key, the spelling shown for each
/// key, and the token trie `NameMatcher` walks. Built once at load, and grown place by place when user folders
/// are merged in, so that every name is folded once.
struct NameIndex: Sendable {
    /// One place reachable under one key.
    struct Entry: Sendable {
        var place: Int
        /// True when the key is that of the place's main name (or of its derived short name).
        var primary: Bool
    }

    /// Folding key → the places with a name of that key, each once.
    private(set) var entries: [String: [Entry]] = [:]
    /// Folding key → the main name of the first place with a name of that key, for suggestions.
    private(set) var spellings: [String: String] = [:]
    /// The token trie of every key.
    private(set) var trie = TokenTrie()

    /// The index of `places`: every main name first (so that a key's spelling and primary flag come from main
    /// names), then every alternate name that is not a machine transliteration. The names are folded on every
    /// core first (folding is most of a gazetteer's load), then entered in that order.
    init(_ places: [Place]) {
        var names: [(name: String, place: Int, primary: Bool)] = []
        names.reserveCapacity(places.count * 5)
        for (i, p) in places.enumerated() {
            names.append((p.name, i, true))
            for short in Gazetteer.derivedNames(of: p) { names.append((short, i, true)) }
        }
        for (i, p) in places.enumerated() {
            for a in p.alternateNames where !Gazetteer.isMachineTransliteration(a) { names.append((a, i, false)) }
        }
        let folded = NameIndex.fold(names.map(\.name))
        entries.reserveCapacity(places.count * 3)
        for (k, n) in names.enumerated() { add(tokens: folded[k], place: n.place, spelling: places[n.place].name, primary: n.primary) }
    }

    /// `NameKey.tokens` of each name, computed in chunks on every core; same order as `names`.
    static func fold(_ names: [String]) -> [[String]] {
        let workers = min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 8)
        guard workers > 1, names.count > 2000 else { return names.map(NameKey.tokens) }
        var out = [[String]](repeating: [], count: names.count)
        let chunks = workers * 4, size = (names.count + chunks - 1) / chunks
        out.withUnsafeMutableBufferPointer { buffer in
            // Each chunk writes its own slots of the buffer; the buffer outlives the concurrent loop.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for k in (c * size)..<min((c + 1) * size, names.count) { slots[k] = NameKey.tokens(names[k]) }
            }
        }
        return out
    }

    /// The places under `key`.
    subscript(key: String) -> [Entry]? { entries[key] }

    /// Indexes the main and derived names of `p`, at position `i`.
    mutating func addMainNames(of p: Place, at i: Int) {
        add(p.name, place: i, spelling: p.name, primary: true)
        for short in Gazetteer.derivedNames(of: p) { add(short, place: i, spelling: p.name, primary: true) }
    }

    /// Indexes alternate `names` of the place at position `i` (machine transliterations left out).
    mutating func addAlternateNames(_ names: [String], of i: Int, spelling: String) {
        for a in names where !Gazetteer.isMachineTransliteration(a) { add(a, place: i, spelling: spelling, primary: false) }
    }

    /// Adds one name. A new key gets `spelling` and its trie path; a place already under the key is not added
    /// twice (a primary name marks it primary).
    mutating func add(_ name: String, place i: Int, spelling: String, primary: Bool) {
        add(tokens: NameKey.tokens(name), place: i, spelling: spelling, primary: primary)
    }

    /// `add(_:place:spelling:primary:)` for a name already folded into `tokens`.
    mutating func add(tokens: [String], place i: Int, spelling: String, primary: Bool) {
        guard !tokens.isEmpty else { return }
        let key = tokens.joined(separator: " ")
        // One lookup of the key (non-ASCII keys are costly to hash); a new key also gets its spelling and trie path.
        var isNew = false
        NameIndex.add(Entry(place: i, primary: primary), to: &entries[key, default: { isNew = true; return [] }()])
        if isNew {
            spellings[key] = spelling
            trie.insert(tokens, key: key)
        }
    }

    static func add(_ entry: Entry, to list: inout [Entry]) {
        if let k = list.firstIndex(where: { $0.place == entry.place }) {
            if entry.primary { list[k].primary = true }
        } else {
            list.append(entry)
        }
    }
}
