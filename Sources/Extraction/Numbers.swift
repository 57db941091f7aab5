import GeoModel
import EventModel
/// Numbers written in words or digits, with their qualifiers ("at least 15", "more than 520,000",
/// "seven", "twenty-five", "3 million", "a" before a casualty noun).
enum NumberRules {
    /// A number starting at token `i` (after an optional qualifier): its value, the tokens it spans and
    /// whether it is a lower bound ("at least", "more than", "over"). Articles ("a", "an") count as 1 only
    /// when `allowArticle` is true.
    static func number(at i: Int, tokens: [Token], cueAt: CuesByToken, allowArticle: Bool)
        -> (value: Int, range: Range<Int>)? {
        var j = i
        if let c = cueAt[j]?.first(where: { $0.kind == .qualifier }) { j += c.wordCount }
        guard j < tokens.count else { return nil }
        var value: Int? = nil
        var k = j
        if let n = digits(tokens[k].text) {
            value = n; k += 1
        } else {
            // Number words: "seven", "twenty five", "one hundred", "a dozen".
            var total = 0, current = 0, any = false
            while k < tokens.count, let c = cueAt[k]?.first(where: { $0.kind == .number || $0.kind == .multiplier }) {
                let isArticle = c.phrase == "a" || c.phrase == "an"
                if isArticle && (!allowArticle || any) { break }
                let v = Int(c.value) ?? 0
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
        if k < tokens.count, let c = cueAt[k]?.first(where: { $0.kind == .multiplier }), let m = Int(c.value) {
            if let d = Double(tokens[k - 1].text), tokens[k - 1].text.contains(".") { v = Int(d * Double(m)) } else { v *= m }
            k += 1
        }
        return (v, i..<k)
    }

    /// "520,000" → 520000 (the tokenizer keeps inner commas out), "15" → 15; nil for other words.
    static func digits(_ text: String) -> Int? {
        guard let f = text.unicodeScalars.first, f >= "0" && f <= "9" else { return nil }
        if let n = Int(text) { return n }
        if let d = Double(text) { return Int(d) }
        return nil
    }
}
