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
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var letters: [Unicode.Scalar] = []
        var start = -1, end = 0, offset = 0
        var hyphen = false, capital = false, wordStart = true

        func flush() {
            guard start >= 0 else { return }
            let (key, article) = foldToken(letters[...])
            if !key.isEmpty {
                tokens.append(Token(key: key, isArticle: article, start: start, end: end, isCapitalised: capital,
                                    hyphenBefore: hyphen, startsWord: wordStart))
            }
            letters.removeAll(keepingCapacity: true); start = -1; hyphen = false; wordStart = false
        }

        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            let width = utf8Width(s)
            if isMark(s) {
                // Possessive "'s" at the end of a word: drop it and end the word; other marks vanish.
                if start >= 0, i + 1 < scalars.count, scalars[i + 1] == "s" || scalars[i + 1] == "S",
                   i + 2 >= scalars.count || !isLetterOrDigit(scalars[i + 2]) {
                    flush(); wordStart = true
                    offset += width + 1; i += 2
                    continue
                }
            } else if isLetterOrDigit(s) {
                if start < 0 {
                    start = offset
                    capital = s.isASCII ? (s >= "A" && s <= "Z") : (s.properties.isUppercase || !s.properties.changesWhenCaseMapped)
                }
                letters.append(s); end = offset + width
            } else if s == "-" || s == "\u{2010}" || s == "\u{2011}" {
                if start >= 0 { flush(); hyphen = true } else { wordStart = true }
            } else if !s.isASCII, s.properties.generalCategory == .nonspacingMark, start >= 0 {
                // A combining mark (diacritic, Arabic haraka): skip.
            } else {
                flush(); wordStart = true; hyphen = false
            }
            offset += width; i += 1
        }
        flush()
        return tokens
    }

    static func utf8Width(_ s: Unicode.Scalar) -> Int {
        s.value < 0x80 ? 1 : s.value < 0x800 ? 2 : s.value < 0x10000 ? 3 : 4
    }

    static func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// Folds one token (letters and digits only) to its key; says whether it is the article.
    static func foldToken(_ raw: ArraySlice<Unicode.Scalar>) -> (key: String, isArticle: Bool) {
        // 1. Lower case and base letters without diacritics; other scripts only lower-cased.
        var c: [UInt8] = []
        c.reserveCapacity(raw.count + 4)
        var other = false
        for s in raw {
            if s.isASCII {
                let b = UInt8(s.value)
                c.append(b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b + 32 : b)
            } else if let base = latinBase[s.value] {
                c.append(contentsOf: base.utf8)
            } else if s.properties.generalCategory != .nonspacingMark {
                other = true
            }
        }
        if other {
            let key = foldOtherScript(String(String.UnicodeScalarView(raw)))
            return (key, raw.count == 2 && raw.first == "ا" && raw.last == "ل")
        }
        if c.count <= 3, articles.contains(String(decoding: c, as: UTF8.self)) { return ("-", true) }
        // 2. Consonant digraphs and variants.
        var folded: [UInt8] = []
        folded.reserveCapacity(c.count)
        var k = 0
        while k < c.count {
            let a = c[k], b: UInt8 = k + 1 < c.count ? c[k + 1] : 0
            switch (a, b) {
            case (UInt8(ascii: "k"), UInt8(ascii: "h")): folded.append(UInt8(ascii: "h")); k += 2
            case (UInt8(ascii: "c"), UInt8(ascii: "h")): folded += [UInt8(ascii: "s"), UInt8(ascii: "h")]; k += 2
            case (UInt8(ascii: "d"), UInt8(ascii: "h")): folded.append(UInt8(ascii: "d")); k += 2
            case (UInt8(ascii: "t"), UInt8(ascii: "h")): folded.append(UInt8(ascii: "t")); k += 2
            case (UInt8(ascii: "g"), UInt8(ascii: "h")): folded.append(UInt8(ascii: "g")); k += 2
            case (UInt8(ascii: "p"), UInt8(ascii: "h")): folded.append(UInt8(ascii: "f")); k += 2
            case (UInt8(ascii: "d"), UInt8(ascii: "j")): folded.append(UInt8(ascii: "j")); k += 2
            case (UInt8(ascii: "c"), UInt8(ascii: "k")): folded.append(UInt8(ascii: "k")); k += 2
            case (UInt8(ascii: "q"), _): folded.append(UInt8(ascii: "k")); k += 1
            default: folded.append(a); k += 1
            }
        }
        c = folded
        // 3. Vowels to one class; y is a consonant only when it starts a word before a vowel.
        func isVowel(_ x: UInt8) -> Bool {
            x == UInt8(ascii: "a") || x == UInt8(ascii: "e") || x == UInt8(ascii: "i") || x == UInt8(ascii: "o")
                || x == UInt8(ascii: "u")
        }
        for j in c.indices {
            if isVowel(c[j]) { c[j] = UInt8(ascii: "a") }
            else if c[j] == UInt8(ascii: "y"), !(j + 1 < c.count && isVowel(c[j + 1])) { c[j] = UInt8(ascii: "a") }
        }
        // 4. The ta marbuta: a final h after a vowel.
        if c.count > 2, c[c.count - 1] == UInt8(ascii: "h"), c[c.count - 2] == UInt8(ascii: "a") { c.removeLast() }
        // 5. Runs of one letter collapse.
        var out: [UInt8] = []
        out.reserveCapacity(c.count)
        for x in c where out.last != x || (x >= UInt8(ascii: "0") && x <= UInt8(ascii: "9")) { out.append(x) }
        return (String(decoding: out, as: UTF8.self), false)
    }

    /// A token in another script (Arabic, Cyrillic, ...): lower-cased, combining marks (harakat) removed,
    /// Arabic alif forms (أ إ آ) to ا, ta marbuta (ة) to ه, alif maqsura (ى) to ي, and a leading article ال dropped.
    static func foldOtherScript(_ raw: String) -> String {
        var out = String.UnicodeScalarView()
        for s in raw.unicodeScalars where s.properties.generalCategory != .nonspacingMark {
            switch s {
            case "أ", "إ", "آ": out.append("ا")
            case "ة": out.append("ه")
            case "ى": out.append("ي")
            default:
                if let base = latinBase[s.value] { out.append(contentsOf: base.unicodeScalars) }
                else if s.properties.changesWhenLowercased { out.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars) }
                else { out.append(s) }
            }
        }
        var folded = String(out)
        if folded.hasPrefix("ال"), folded.unicodeScalars.count > 3 { folded = String(folded.unicodeScalars.dropFirst(2)) }
        return folded
    }
}
