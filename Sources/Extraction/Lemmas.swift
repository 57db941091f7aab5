/// A small lemmatizer of English inflections, for the words of the lexicon's trigger phrases: "captured",
/// "captures", "capturing" and "capture" are one word for the trigger trie, as are "took", "taken", "taking"
/// and "take". No dictionary is needed: a sentence's word and a lexicon word are the same when their
/// candidate stems meet (`stems`), and only the lexicon's words are ever looked up, so a stem shared with an
/// unrelated English word does no harm unless that word is itself a trigger word.
///
/// Rules (`stems`): the word itself; its base in a table of irregular verbs ("fell" → "fall", "fought" →
/// "fight", "struck" → "strike"); "-ies"/"-ied" → "-y"; "-es", "-s" (not "-ss"), "-ed", "-d", "-ing" taken off,
/// with "-e" put back ("captur" → "capture") and a doubled last consonant made single ("hitting" → "hit").
/// Stems shorter than three letters are left out ("did" never meets "died").
enum Lemmas {
    /// Irregular past forms and participles → the base.
    static let irregular: [String: String] = [
        "took": "take", "taken": "take", "fell": "fall", "fallen": "fall", "fought": "fight", "struck": "strike",
        "stricken": "strike", "overran": "overrun", "retook": "retake", "retaken": "retake", "drove": "drive",
        "driven": "drive", "began": "begin", "begun": "begin", "shot": "shoot", "won": "win", "lost": "lose",
        "fled": "flee", "held": "hold", "beat": "beat", "beaten": "beat", "broke": "break", "broken": "break",
        "withdrew": "withdraw", "withdrawn": "withdraw", "overtook": "overtake", "overtaken": "overtake",
        "laid": "lay", "led": "lead", "sent": "send", "ran": "run", "brought": "bring", "blew": "blow",
        "blown": "blow", "sought": "seek", "stood": "stand", "went": "go", "gone": "go", "made": "make",
        "came": "come", "hit": "hit", "set": "set", "put": "put", "cut": "cut", "shut": "shut", "spread": "spread",
        "swept": "sweep", "threw": "throw", "thrown": "throw", "rode": "ride", "ridden": "ride", "bombarded": "bombard",
    ]

    /// The candidate stems of a lower-case word (the word first).
    static func stems(_ w: String) -> [String] {
        var out = [w]
        if let base = irregular[w] { out.append(base) }
        let c = Array(w.unicodeScalars)
        let n = c.count
        func add(_ s: ArraySlice<Unicode.Scalar>, _ extra: String = "") {
            guard s.count + extra.count >= 3 else { return }
            let stem = String(String.UnicodeScalarView(s)) + extra
            if !out.contains(stem) { out.append(stem) }
        }
        func ends(_ suffix: String) -> Bool { n > suffix.unicodeScalars.count && w.hasSuffix(suffix) }
        func undouble(_ s: ArraySlice<Unicode.Scalar>) {
            if s.count >= 3, s[s.endIndex - 1] == s[s.endIndex - 2], !"aeiouls".unicodeScalars.contains(s[s.endIndex - 1]) {
                add(s.dropLast())
            }
        }
        if ends("ies") || ends("ied") { add(c[0..<(n - 3)], "y") }
        if ends("ing") {
            let s = c[0..<(n - 3)]
            add(s); add(s, "e"); undouble(s)
        } else if ends("ed") {
            let s = c[0..<(n - 2)]
            add(s); add(c[0..<(n - 1)]); undouble(s)
        } else if ends("es") {
            add(c[0..<(n - 2)]); add(c[0..<(n - 1)])
        } else if ends("s"), !ends("ss") {
            add(c[0..<(n - 1)])
        }
        return out
    }
}

/// Numbers for the words of trigger phrases, one number per lemma: a sentence's token gets the number of the
/// lexicon word it inflects (see `Lemmas`), or `Vocabulary.unknown`.
struct LemmaVocabulary: Sendable {
    /// Every stem of every trigger word, numbered in a `Vocabulary`.
    private var stems = Vocabulary()
    /// Lemma class of each stem number.
    private var classOf: [Int32] = []
    /// The first three bytes of every stem, packed: a token that starts otherwise is no inflection of a
    /// trigger word, and its stems are not made.
    private var prefixes = Set<UInt32>()

    /// The vocabulary of `words` (the trigger phrases' words); words whose stems meet share a number.
    init(words: [String]) {
        var parent: [Int32] = []
        func find(_ x: Int32) -> Int32 {
            var x = x
            while parent[Int(x)] != x { x = parent[Int(x)] }
            return x
        }
        var stemClass: [Int32] = []
        for w in words {
            var mine: Int32? = nil
            for s in Lemmas.stems(w) {
                prefixes.insert(LemmaVocabulary.prefix(s))
                let n = stems.add(s)
                if Int(n) == stemClass.count {
                    // A new stem: it joins the word's class (or starts it).
                    if mine == nil { mine = Int32(parent.count); parent.append(mine!) }
                    stemClass.append(mine!)
                } else if let m = mine {
                    let (a, b) = (find(m), find(stemClass[Int(n)]))
                    if a != b { parent[Int(b)] = a }
                } else {
                    mine = stemClass[Int(n)]
                }
            }
        }
        stems.seal()
        classOf = stemClass.map(find)
    }

    /// The lemma number of a token's text, or `Vocabulary.unknown`.
    func number(of word: String) -> Int32 {
        let exact = stems.number(of: word)
        if exact != Vocabulary.unknown { return classOf[Int(exact)] }
        guard word.utf8.count >= 4, let last = word.utf8.last,
              last == UInt8(ascii: "s") || last == UInt8(ascii: "d") || last == UInt8(ascii: "g") || last == UInt8(ascii: "n"),
              prefixes.contains(LemmaVocabulary.prefix(word)) || Lemmas.irregular[word] != nil
        else { return Vocabulary.unknown }
        for s in Lemmas.stems(word).dropFirst() {
            let n = stems.number(of: s)
            if n != Vocabulary.unknown { return classOf[Int(n)] }
        }
        return Vocabulary.unknown
    }

    /// The first three UTF-8 bytes of `word`, packed into one integer.
    static func prefix(_ word: String) -> UInt32 {
        var p: UInt32 = 0, n = 0
        for b in word.utf8 {
            p = p << 8 | UInt32(b); n += 1
            if n == 3 { break }
        }
        return p
    }

    /// The lemma numbers of a sentence's tokens.
    func numbers(of tokens: [Token]) -> [Int32] { tokens.map { number(of: $0.text) } }
}
