import GeoModel
import EventModel
/// Numbers written in words or digits, with their qualifiers ("at least 15", "more than 520,000",
/// "seven", "twenty-five", "3 million", "a" before a casualty noun).
enum NumberRules {
    /// The largest count read from a report (a hundred million): larger ones ("1e300 killed", a string of
    /// forty digits) are no plausible toll and are not read as counts; `implausible` names them for a warning.
    static let plausibleMaximum = 100_000_000

    /// A number starting at token `i` (after an optional qualifier): its value, the tokens it spans and
    /// whether it is a lower bound ("at least", "more than", "over"). Articles ("a", "an") count as 1 only
    /// when `allowArticle` is true. Nil beyond `plausibleMaximum`.
    static func number(at i: Int, tokens: [Token], cueAt: CuesByToken, allowArticle: Bool)
        -> (value: Int, range: Range<Int>)? {
        guard let (x, range) = uncapped(at: i, tokens: tokens, cueAt: cueAt, allowArticle: allowArticle),
              x <= Double(plausibleMaximum) else { return nil }
        return (Int(x), range)
    }

    /// The texts of the numbers of a sentence that are beyond `plausibleMaximum` (or not finite), once each.
    static func implausible(tokens: [Token], cueAt: CuesByToken) -> [String] {
        var found: [String] = []
        var i = 0
        while i < tokens.count {
            if let (x, range) = uncapped(at: i, tokens: tokens, cueAt: cueAt, allowArticle: false),
               !(x <= Double(plausibleMaximum)) {
                found.append(tokens[range].map(\.text).joined(separator: " "))
                i = max(range.upperBound, i + 1)
            } else { i += 1 }
        }
        return found
    }

    /// `number(at:)` without the cap, in floating point so that no size of figure can overflow.
    private static func uncapped(at i: Int, tokens: [Token], cueAt: CuesByToken, allowArticle: Bool)
        -> (value: Double, range: Range<Int>)? {
        var j = i
        if let c = cueAt[j]?.first(where: { $0.kind == .qualifier }) { j += c.wordCount }
        guard j < tokens.count else { return nil }
        var value: Double? = nil
        var k = j
        if let n = digits(tokens[k].text) {
            value = n; k += 1
        } else {
            // Number words: "seven", "twenty five", "one hundred", "a dozen".
            var total = 0.0, current = 0.0, any = false
            while k < tokens.count, let c = cueAt[k]?.first(where: { $0.kind == .number || $0.kind == .multiplier }) {
                let isArticle = c.phrase == "a" || c.phrase == "an"
                if isArticle && (!allowArticle || any) { break }
                let v = Double(c.value) ?? 0
                if c.kind == .multiplier {
                    current = max(current, 1) * v
                    if v >= 1000 { total += current; current = 0 }
                } else {
                    current += v
                }
                any = true
                k += c.wordCount
                if isArticle { break }
            }
            if any { value = total + current }
        }
        guard var v = value else { return nil }
        // "3 million", "1.5 million".
        if k < tokens.count, let c = cueAt[k]?.first(where: { $0.kind == .multiplier }), let m = Double(c.value) {
            v = (v * m).rounded(.towardZero)
            k += 1
        }
        return (v, i..<k)
    }

    /// "520,000" → 520000 (the tokenizer keeps inner commas out), "15" → 15, "2.5" → 2.5; nil for other words.
    static func digits(_ text: String) -> Double? {
        guard let f = text.unicodeScalars.first, f >= "0" && f <= "9" else { return nil }
        return Double(text)
    }
}
