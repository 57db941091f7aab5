import Foundation

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
    public static func fold(_ name: String) -> String {
        var out = ""
        for word in words(of: name) {
            for token in word.tokens where !token.isArticle {
                if !out.isEmpty { out += " " }
                out += token.key
            }
        }
        return out
    }

    /// The folded tokens of `name`, articles dropped, in order.
    public static func tokens(_ name: String) -> [String] {
        words(of: name).flatMap { $0.tokens.filter { !$0.isArticle }.map(\.key) }
    }

    // MARK: - Words and tokens with their place in the text

    /// A folded token: its key, whether it is an article, and where it lies in the text.
    struct Token {
        var key: String
        var isArticle: Bool
        var range: Range<String.Index>
        /// True when the token's text starts with an upper-case letter or a letter without case (Arabic).
        var isCapitalised: Bool
        /// True when a hyphen joins the token to the one before it (the "Nayrab" of "al-Nayrab").
        var hyphenBefore: Bool
    }

    /// A run of letters, digits, apostrophes and hyphens (one word of text), split into its tokens.
    struct Word {
        var tokens: [Token]
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

    /// Splits `text` into words; each word into hyphen-separated tokens, folded.
    static func words(of text: String) -> [Word] {
        var words: [Word] = []
        var tokens: [Token] = []
        var letters = String.UnicodeScalarView()
        var start: String.Index? = nil
        var end = text.startIndex
        var hyphen = false
        var capital = false

        func flushToken() {
            guard let s = start else { return }
            let raw = String(letters)
            let key = foldToken(raw)
            if !key.isEmpty {
                tokens.append(Token(key: key, isArticle: articles.contains(raw.lowercased()) || raw == "ال",
                                    range: s..<end, isCapitalised: capital, hyphenBefore: hyphen))
            }
            letters = String.UnicodeScalarView(); start = nil; hyphen = false
        }
        func flushWord() {
            flushToken()
            if !tokens.isEmpty { words.append(Word(tokens: tokens)) }
            tokens = []; hyphen = false
        }

        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let s = scalars[i]
            let next = scalars.index(after: i)
            if isLetterOrDigit(s) {
                if start == nil {
                    start = i
                    capital = s.properties.isUppercase || !s.properties.changesWhenCaseMapped
                }
                letters.append(s); end = next
            } else if isMark(s), start != nil {
                // Possessive "'s" at the end of a word: drop it and end the word.
                let after = next < scalars.endIndex ? scalars[next] : nil
                let afterNext = after != nil && scalars.index(after: next) < scalars.endIndex
                    ? scalars[scalars.index(after: next)] : nil
                if let a = after, a == "s" || a == "S", afterNext.map({ !isLetterOrDigit($0) }) ?? true {
                    flushWord()
                    i = scalars.index(after: next)
                    continue
                }
            } else if s == "-" || s == "\u{2010}" || s == "\u{2011}", start != nil || !tokens.isEmpty {
                flushToken(); hyphen = true
            } else if s.properties.generalCategory == .nonspacingMark, start != nil {
                // A combining mark (diacritic, Arabic haraka): skip.
            } else {
                flushWord()
            }
            i = next
        }
        flushWord()
        return words
    }

    static func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// Folds one token (letters and digits only) to its key.
    static func foldToken(_ raw: String) -> String {
        // 1. Lower case and base letters without diacritics.
        var base: [Unicode.Scalar] = []
        base.reserveCapacity(raw.unicodeScalars.count)
        var latin = true
        for s in raw.unicodeScalars {
            if s.isASCII {
                base.append(s.properties.lowercaseMapping.unicodeScalars.first!)
                continue
            }
            if let special = specialLetters[s] { base.append(contentsOf: special.unicodeScalars); continue }
            for d in s.properties.lowercaseMapping.decomposedScalars where d.properties.generalCategory != .nonspacingMark {
                if let special = specialLetters[d] { base.append(contentsOf: special.unicodeScalars) }
                else {
                    base.append(d)
                    if !d.isASCII { latin = false }
                }
            }
        }
        guard latin else {
            var s = String(String.UnicodeScalarView(base))
            if s.hasPrefix("ال") && s.count > 3 { s.removeFirst(2) }
            return s
        }
        // 2. Consonant digraphs and variants.
        var c: [UInt8] = base.map { UInt8($0.value) }
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
        return String(decoding: out, as: UTF8.self)
    }

    /// Latin letters that do not decompose to a base letter.
    static let specialLetters: [Unicode.Scalar: String] = [
        "ı": "i", "İ": "i", "ß": "ss", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
        "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ħ": "h", "Ħ": "h", "ŧ": "t", "þ": "th", "ð": "d",
    ]
}

extension String {
    /// The scalars of the string's canonical decomposition (NFD).
    fileprivate var decomposedScalars: [Unicode.Scalar] {
        Array(decomposedStringWithCanonicalMapping.unicodeScalars)
    }
}
