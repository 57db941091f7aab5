/// The folding key of place names: spellings of one transliterated name fold to one key.
///
/// `fold` lower-cases, strips diacritics and the apostrophe, ayn and hamza marks (' ` ʿ ʾ ‘ ’ ´ ʼ),
/// drops a possessive "'s", splits on anything that is not a letter or digit, drops the Arabic
/// article as a separate or hyphen-joined word (al, el, as, ash, ad, ar, at, an, az, ...), and folds
/// each remaining Latin word: q→k, kh→h, ch→sh, dh→d, th→t, gh→g, ph→f, dj→j; every vowel
/// (a e i o u, and y unless a vowel follows it: Nayrab, but Qurayya) becomes `a`; a final `h` after a vowel
/// (the ta marbuta: -ah, -eh) goes; then runs of one letter collapse (doubled consonants, aa, ee, ou).
/// So Saraqeb, Saraqib, Sarakeb and Sarāqib all give `sarakab`; Maaret Musreen, Maarrat Misrin and
/// Ma'arat Misrin give `marat masran`. Words join with one space.
///
/// The vowel folding is deliberately strong (transliterations disagree on nearly every vowel), so
/// a few distinct places share a key; the resolver separates them by context, tier and population.
public enum NameKey {
    /// The folding key of `name` (possibly empty, e.g. for a name made only of articles).
    public static func fold(_ name: String) -> String { tokens(name).joined(separator: " ") }

    /// The folded tokens of `name`, articles dropped, in order.
    public static func tokens(_ name: String) -> [String] {
        scan(name).compactMap { $0.isArticle ? nil : $0.key }
    }

    // MARK: - Tokens with their place in the text

    /// A word of a text as the caller's tokenizer found it (see `NameMatcher.matches(in:words:)`): its first
    /// and past-the-end UTF-8 offsets, and whether a hyphen joins it to the word before ("Nayrab" of
    /// "al-Nayrab"). Marks inside it (apostrophes, ayn, hamza) are skipped when it is folded.
    public struct WordSpan: Sendable, Hashable {
        /// UTF-8 offset of the word's first byte in the text.
        public var start: Int
        /// UTF-8 offset just past its last byte.
        public var end: Int
        /// True when a hyphen joins it to the word before.
        public var hyphenBefore: Bool

        /// A word span.
        public init(start: Int, end: Int, hyphenBefore: Bool) {
            self.start = start; self.end = end; self.hyphenBefore = hyphenBefore
        }
    }

    /// A folded token: its key, whether it is an article, and where it lies in the text.
    struct Token {
        var key: String
        var isArticle: Bool
        /// The token's first and past-the-end UTF-8 offsets in the text.
        var start: Int, end: Int
        /// True when the token's text starts with an upper-case letter or a letter without case (Arabic).
        var isCapitalised: Bool
        /// True when a hyphen joins the token to the one before it (the "Nayrab" of "al-Nayrab").
        var hyphenBefore: Bool
        /// True when the token begins a word (after a space, punctuation or the start of the text).
        var startsWord: Bool

        /// The token's place in `text` (the text it was scanned from).
        func range(in text: String) -> Range<String.Index> {
            let u = text.utf8
            return u.index(u.startIndex, offsetBy: start)..<u.index(u.startIndex, offsetBy: end)
        }
    }

    /// The Arabic article in the spellings the news uses, as separate lower-case words (before folding).
    static let articles: Set<String> = [
        "al", "el", "il", "ul", "as", "ash", "es", "esh", "ad", "ed", "ar", "er", "at", "et", "an", "en",
        "az", "ez", "ath", "adh", "ud", "ut", "us", "ur", "un", "uz",
    ]

    /// Marks that transliterations use for ayn and hamza, and apostrophes: removed inside a word.
    static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x27, 0x60, 0xB4, 0x2BB, 0x2BC, 0x2BD, 0x2BE, 0x2BF, 0x2018, 0x2019, 0x2032: return true
        default: return false
        }
    }

    /// Splits `text` into folded tokens: runs of letters and digits; apostrophe and ayn/hamza marks and
    /// combining marks inside a run are dropped, a possessive "'s" ends it, a hyphen joins two runs of one word.
    static func scan(_ text: String) -> [Token] {
        var text = text
        return text.withUTF8 { scan(utf8: $0, foldingAll: true) }
    }

    /// The tokens of a text given as UTF-8 bytes, in one pass (ASCII bytes need no decoding).
    ///
    /// With `foldingAll` false, tokens keep an empty key (and `isArticle` false), to be folded by
    /// `LazyTokens.key(_:)` when needed: most words of a text are never looked up.
    static func scan(utf8 u: UnsafeBufferPointer<UInt8>, foldingAll: Bool) -> [Token] {
        var tokens: [Token] = []
        var buffer: [UInt8] = []
        tokens.reserveCapacity(u.count / 5)
        var start = -1, end = 0
        var hyphen = false, capital = false, wordStart = true
        /// False once a letter that surely folds to something is seen (only combining letters fold to nothing).
        var mayFoldToNothing = true

        func flush() {
            guard start >= 0 else { return }
            var token = Token(key: "", isArticle: false, start: start, end: end, isCapitalised: capital,
                              hyphenBefore: hyphen, startsWord: wordStart)
            if foldingAll || mayFoldToNothing {
                (token.key, token.isArticle) = foldToken(u, token.start..<token.end, buffer: &buffer)
            }
            if !(token.key.isEmpty && mayFoldToNothing) { tokens.append(token) }
            start = -1; mayFoldToNothing = true; hyphen = false; wordStart = false
        }

        var p = 0
        while p < u.count {
            let (s, width) = scalar(in: u, at: p)
            if isMark(s) {
                // Possessive "'s" at the end of a word: drop it and end the word; other marks vanish.
                let q = p + width
                if start >= 0, q < u.count, u[q] == UInt8(ascii: "s") || u[q] == UInt8(ascii: "S"),
                   q + 1 >= u.count || !isLetterOrDigit(scalar(in: u, at: q + 1).scalar) {
                    flush(); wordStart = true
                    p = q + 1
                    continue
                }
            } else if isLetterOrDigit(s) {
                if start < 0 {
                    start = p
                    capital = s.isASCII ? (s >= "A" && s <= "Z") : ScalarClass.isCapitalOrCaseless(s)
                }
                end = p + width
                if mayFoldToNothing, s.isASCII || !ScalarClass.isNonspacingMark(s) { mayFoldToNothing = false }
            } else if s == "-" || s == "\u{2010}" || s == "\u{2011}" {
                if start >= 0 { flush(); hyphen = true } else { wordStart = true }
            } else if !s.isASCII, ScalarClass.isNonspacingMark(s), start >= 0 {
                // A combining mark (diacritic, Arabic haraka): skip.
            } else {
                flush(); wordStart = true; hyphen = false
            }
            p += width
        }
        flush()
        return tokens
    }

    /// The letters and digits of `token` (scanned from the UTF-8 bytes `u`) as written, marks left out
    /// ("Mari" for "Mari'").
    static func letters(of token: Token, in u: UnsafeBufferPointer<UInt8>) -> String {
        var out = String.UnicodeScalarView()
        var p = token.start
        while p < token.end {
            let (s, width) = scalar(in: u, at: p)
            if !isMark(s), isLetterOrDigit(s) { out.append(s) }
            p += width
        }
        return String(out)
    }

    /// The tokens of a text, each folded when its key is first asked for (see `scan(utf8:foldingAll:)`).
    struct LazyTokens {
        private(set) var tokens: [Token]
        /// The text's UTF-8 bytes, or nil when every key is already folded.
        private let utf8: UnsafeBufferPointer<UInt8>?
        private var buffer: [UInt8] = []

        /// The tokens of the UTF-8 bytes `u` (which must outlive this value), folded lazily.
        init(utf8 u: UnsafeBufferPointer<UInt8>) {
            tokens = NameKey.scan(utf8: u, foldingAll: false)
            utf8 = u
        }

        /// The words of a caller's own tokenization of the UTF-8 bytes `u` (which must outlive this value),
        /// folded lazily: each span's start and end are UTF-8 offsets; the first letter says whether it is
        /// capitalised, as `scan` decides.
        init(utf8 u: UnsafeBufferPointer<UInt8>, words: [WordSpan]) {
            tokens = words.map { w in
                let (s, _) = NameKey.scalar(in: u, at: w.start)
                let capital = s.isASCII ? (s >= "A" && s <= "Z") : (s.properties.isUppercase || !s.properties.changesWhenCaseMapped)
                return Token(key: "", isArticle: false, start: w.start, end: w.end, isCapitalised: capital,
                             hyphenBefore: w.hyphenBefore, startsWord: !w.hyphenBefore)
            }
            utf8 = u
        }

        /// Tokens already folded.
        init(folded tokens: [Token]) {
            self.tokens = tokens
            utf8 = nil
        }

        var count: Int { tokens.count }
        /// Token `i` as scanned (its key and `isArticle` may not be folded yet: ask `key(_:)`, `isArticle(_:)`).
        subscript(i: Int) -> Token { tokens[i] }

        /// The key of token `i`, folded now if not yet.
        mutating func key(_ i: Int) -> String {
            if tokens[i].key.isEmpty, let u = utf8 {
                (tokens[i].key, tokens[i].isArticle) = NameKey.foldToken(u, tokens[i].start..<tokens[i].end, buffer: &buffer)
            }
            return tokens[i].key
        }

        /// True when token `i` is the Arabic article (folded now if not yet).
        mutating func isArticle(_ i: Int) -> Bool {
            _ = key(i)
            return tokens[i].isArticle
        }
    }

    /// The scalar whose UTF-8 encoding starts at byte `p` of valid UTF-8, and its width in bytes.
    @inline(__always) static func scalar(in u: UnsafeBufferPointer<UInt8>, at p: Int) -> (scalar: Unicode.Scalar, width: Int) {
        let b0 = UInt32(u[p])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        if b0 < 0xE0 { return (Unicode.Scalar((b0 & 0x1F) << 6 | UInt32(u[p + 1] & 0x3F))!, 2) }
        if b0 < 0xF0 {
            return (Unicode.Scalar((b0 & 0x0F) << 12 | UInt32(u[p + 1] & 0x3F) << 6 | UInt32(u[p + 2] & 0x3F))!, 3)
        }
        return (Unicode.Scalar((b0 & 0x07) << 18 | UInt32(u[p + 1] & 0x3F) << 12 | UInt32(u[p + 2] & 0x3F) << 6
                               | UInt32(u[p + 3] & 0x3F))!, 4)
    }

    @inline(__always) static func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") }
        return ScalarClass.isLetterOrDigit(s)
    }

    /// `articles` with each word's (at most three) bytes packed into one integer, for a lookup without a String.
    static let packedArticles: Set<UInt32> = Set(articles.map { packed($0.utf8[...]) })

    @inline(__always) static func packed<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        bytes.reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Folds the token at `bytes` of `u` (its letters and digits: marks inside it are skipped) to its key and
    /// says whether it is the article; works in `buffer` (reused between tokens; its contents are scratch).
    static func foldToken(_ u: UnsafeBufferPointer<UInt8>, _ bytes: Range<Int>,
                          buffer c: inout [UInt8]) -> (key: String, isArticle: Bool) {
        // 1. Lower case and base letters without diacritics; other scripts only lower-cased.
        c.removeAll(keepingCapacity: true)
        var other = false
        var p = bytes.lowerBound
        while p < bytes.upperBound {
            let (s, width) = scalar(in: u, at: p)
            p += width
            if s.isASCII {
                let b = UInt8(s.value)
                if isLetterOrDigit(s) { c.append(b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b + 32 : b) }
            } else if isMark(s) || !isLetterOrDigit(s) {
                continue
            } else if let base = ScalarClass.latinBase(of: s) {
                c.append(contentsOf: base.utf8)
            } else if !ScalarClass.isNonspacingMark(s) {
                other = true
            }
        }
        if other {
            // The token's letters and digits, straight from the bytes (marks and other characters left out).
            var raw = String.UnicodeScalarView()
            var q = bytes.lowerBound
            while q < bytes.upperBound {
                let (s, width) = scalar(in: u, at: q)
                q += width
                if !isMark(s), isLetterOrDigit(s) { raw.append(s) }
            }
            return (foldOtherScript(raw), raw.count == 2 && raw.first == "ا" && raw.last == "ل")
        }
        if c.count <= 3, packedArticles.contains(packed(c)) { return ("-", true) }
        let key = c.withUnsafeMutableBufferPointer { c -> String in
            // 2. Consonant digraphs and variants, in place (the output never runs ahead of the input).
            var n = 0, k = 0
            while k < c.count {
                let a = c[k], b: UInt8 = k + 1 < c.count ? c[k + 1] : 0
                switch (a, b) {
                case (UInt8(ascii: "k"), UInt8(ascii: "h")): c[n] = UInt8(ascii: "h"); n += 1; k += 2
                case (UInt8(ascii: "c"), UInt8(ascii: "h")): c[n] = UInt8(ascii: "s"); c[n + 1] = UInt8(ascii: "h"); n += 2; k += 2
                case (UInt8(ascii: "d"), UInt8(ascii: "h")): c[n] = UInt8(ascii: "d"); n += 1; k += 2
                case (UInt8(ascii: "t"), UInt8(ascii: "h")): c[n] = UInt8(ascii: "t"); n += 1; k += 2
                case (UInt8(ascii: "g"), UInt8(ascii: "h")): c[n] = UInt8(ascii: "g"); n += 1; k += 2
                case (UInt8(ascii: "p"), UInt8(ascii: "h")): c[n] = UInt8(ascii: "f"); n += 1; k += 2
                case (UInt8(ascii: "d"), UInt8(ascii: "j")): c[n] = UInt8(ascii: "j"); n += 1; k += 2
                case (UInt8(ascii: "c"), UInt8(ascii: "k")): c[n] = UInt8(ascii: "k"); n += 1; k += 2
                case (UInt8(ascii: "q"), _): c[n] = UInt8(ascii: "k"); n += 1; k += 1
                default: c[n] = a; n += 1; k += 1
                }
            }
            // 3. Vowels to one class; y is a consonant only when it starts a word before a vowel.
            func isVowel(_ x: UInt8) -> Bool {
                x == UInt8(ascii: "a") || x == UInt8(ascii: "e") || x == UInt8(ascii: "i") || x == UInt8(ascii: "o")
                    || x == UInt8(ascii: "u")
            }
            for j in 0..<n {
                if isVowel(c[j]) { c[j] = UInt8(ascii: "a") }
                else if c[j] == UInt8(ascii: "y"), !(j + 1 < n && isVowel(c[j + 1])) { c[j] = UInt8(ascii: "a") }
            }
            // 4. The ta marbuta: a final h after a vowel.
            if n > 2, c[n - 1] == UInt8(ascii: "h"), c[n - 2] == UInt8(ascii: "a") { n -= 1 }
            // 5. Runs of one letter collapse (digits never do).
            var m = 0
            for j in 0..<n where m == 0 || c[m - 1] != c[j] || (c[j] >= UInt8(ascii: "0") && c[j] <= UInt8(ascii: "9")) {
                c[m] = c[j]; m += 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: c[0..<m]), as: UTF8.self)
        }
        // 6. Whole words spelled without their vowel where others write one: Kfar, Kfr (كفر) are Kafr.
        if key == "kfar" || key == "kfr" { return ("kafr", false) }
        return (key, false)
    }

    /// A token in another script (Arabic, Cyrillic, ...): lower-cased, combining marks (harakat, shadda)
    /// removed; in Arabic script the alif forms (أ إ آ ٱ) to ا, ta marbuta (ة) and Persian ە to ه, alif maqsura (ى),
    /// the hamza seat ئ and Persian ی to ي, the hamza seat ؤ to و, Persian ک to ك, a lone hamza (ء) and the
    /// tatweel (ـ) dropped, and a leading article ال dropped. So الشيخ إدريس, شيخ ادريس and الشيـخ إدريس fold alike.
    static func foldOtherScript(_ raw: String) -> String { foldOtherScript(raw.unicodeScalars) }

    /// `foldOtherScript(_:)` over scalars.
    static func foldOtherScript(_ raw: String.UnicodeScalarView) -> String {
        var out = String.UnicodeScalarView()
        for s in raw where !ScalarClass.isNonspacingMark(s) {
            switch s {
            case "أ", "إ", "آ", "ٱ": out.append("ا")
            case "ة", "ە": out.append("ه")
            case "ى", "ئ", "ی": out.append("ي")
            case "ؤ": out.append("و")
            case "ک": out.append("ك")
            case "ء", "ـ": break
            default:
                if let base = ScalarClass.latinBase(of: s) { out.append(contentsOf: base.unicodeScalars) }
                else if (0x0600...0x06FF).contains(s.value) { out.append(s) }  // Arabic has no case
                else if s.properties.changesWhenLowercased { out.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars) }
                else { out.append(s) }
            }
        }
        // A leading article ال (not the whole of a short word).
        var it = out.makeIterator()
        if it.next() == "ا", it.next() == "ل", out.count > 3 { return String(String.UnicodeScalarView(out.dropFirst(2))) }
        return String(out)
    }
}
