import GeoModel

/// A wire dateline: the city a report was filed from (never an event place on its own account), the agency,
/// and the day when it gives one. Its scalars are left out of the text that is read.
public struct Dateline: Sendable, Hashable {
    /// The city as written ("BEIRUT", "Maaret al Numan").
    public var city: String
    /// The region or country after the city ("Turkey" in "AKCAKALE, Turkey (AP) —"), or nil.
    public var region: String?
    /// Scalar offsets of the whole dateline in the report's text, separator included.
    public var range: Range<Int>
    /// The month (1–12) and day the dateline gives ("Feb. 3", "22nd December, 2019"), or nil.
    public var month: Int?
    public var day: Int?
    /// The year it gives, or nil.
    public var year: Int?

    /// The dateline's day: its own year, else the latest such day on or before `near` (a later day by at
    /// most one, for a report dated the evening before). Nil when it gives no day.
    public func day(near: Day?) -> Day? {
        guard let month, let day else { return nil }
        if let year { return Day(year: year, month: month, day: day) }
        guard let near else { return nil }
        let y = near.components.year
        for year in [y, y - 1] {
            if let d = Day(year: year, month: month, day: day), d <= near.adding(days: 1) { return d }
        }
        return nil
    }
}

/// Finds the dateline of a report, in every usual wire style, at the start of one of its first paragraphs
/// (after a headline, a byline or a photo line):
///
/// - `BEIRUT (AP) —`, `BEIRUT:`, `ISTANBUL (AP) -`, `ANKARA --`: a city in capitals, an optional agency in
///   brackets, a dash or colon;
/// - `AMMAN, Jordan (Reuters) -`, `AKCAKALE, Turkey (AP) —`, `SANAA, Yemen (AP) —`: with a region or country;
/// - `DAMASCUS, Feb. 3 (Xinhua) --`, `MOSCOW, February 6. /TASS/.`, `MOSCOW, May 26. /TASS/:`: with a day
///   (and `/AGENCY/` between slashes, then `.` or `:`);
/// - `DAMASCUS (UrduPoint News / Sputnik - 22nd December, 2019) Government troops …`: an agency in brackets,
///   with a day inside, and the text right after it;
/// - `Idleb, SANA-`, `Maaret al Numan, Syria:`: a city as written, then a region or an agency in capitals,
///   then a dash or colon (a city in lower case needs one of them, so that "Source: …" or "Photo: …" is no
///   dateline);
/// - `BEIRUT` alone on its line (at most three words in capitals).
public enum DatelineReader {
    /// How many paragraphs (blank-line separated) from the body's start may hold the dateline.
    public static let paragraphs = 4
    /// How many lines from the body's start may hold it.
    public static let lines = 8

    /// The dateline of `s[from...]`, or nil.
    public static func find(in s: [Unicode.Scalar], from: Int) -> Dateline? {
        var start = from, paragraph = 0, line = 0
        while start < s.count, paragraph < paragraphs, line < lines {
            var end = start
            while end < s.count, s[end] != "\n" { end += 1 }
            if let d = parse(s, start, end) { return d }
            line += 1
            var next = end + 1, blank = false
            while next < s.count, s[next] == "\n" || s[next] == " " || s[next] == "\t" {
                if s[next] == "\n" { blank = true }
                next += 1
            }
            if blank || end >= s.count { paragraph += 1 }
            if end >= s.count { break }
            start = next
        }
        return nil
    }

    /// A cursor over one line.
    struct Cursor {
        let s: [Unicode.Scalar]
        var i: Int
        let end: Int
        var atEnd: Bool { i >= end }
        var peek: Unicode.Scalar? { i < end ? s[i] : nil }
        mutating func spaces() { while i < end, s[i] == " " || s[i] == "\t" || s[i] == "\u{A0}" { i += 1 } }
        func text(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(s[r])) }
    }

    /// The dateline at the start of the line `s[start..<end]`, or nil.
    static func parse(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Dateline? {
        var c = Cursor(s: s, i: start, end: end)
        c.spaces()
        let cityStart = c.i
        guard let (cityEnd, capitals, words) = city(&c) else { return nil }
        let city = c.text(cityStart..<cityEnd).trimmingSpaces
        var dateline = Dateline(city: city, range: cityStart..<end)
        // A city in capitals alone on its line.
        if capitals, c.atEnd { return words <= 3 ? finish(dateline, c) : nil }
        var region: String? = nil, agency = false
        // ", Region" or ", Feb. 3" or ", AGENCY" (repeated: "MOSCOW, Russia, May 26").
        while c.peek == "," {
            c.i += 1; c.spaces()
            if date(&c, into: &dateline) { continue }
            let r0 = c.i
            guard let (r1, rCapitals, rWords) = self.city(&c), rWords <= 3 else { return nil }
            if rCapitals, rWords == 1, r1 - r0 >= 3 { agency = true } else { region = c.text(r0..<r1).trimmingSpaces }
        }
        dateline.region = region
        if c.peek == "." { c.i += 1 }
        c.spaces()
        // "(AP)", "(UrduPoint News / Sputnik - 22nd December, 2019)", "/TASS/".
        var bracketed = false
        if c.peek == "(" {
            var j = c.i + 1
            while j < c.end, s[j] != ")" { j += 1 }
            guard j < c.end, j - c.i <= 80 else { return nil }
            var inner = Cursor(s: s, i: c.i + 1, end: j)
            while !inner.atEnd {
                if date(&inner, into: &dateline) { continue }
                while !inner.atEnd, let p = inner.peek, SentenceSplitter.isAlphabetic(p) || (p >= "0" && p <= "9") { inner.i += 1 }
                inner.i += 1
            }
            c.i = j + 1; agency = true; bracketed = true
        } else if c.peek == "/" {
            var j = c.i + 1
            while j < c.end, s[j] != "/" { j += 1 }
            guard j < c.end, j - c.i <= 30 else { return nil }
            c.i = j + 1; agency = true
        }
        c.spaces()
        guard capitals || region != nil || agency else { return nil }
        if separator(&c) { return finish(dateline, c) }
        // "DAMASCUS (Sputnik - 22nd December, 2019) Government troops …": the text follows the brackets.
        if capitals, bracketed, let p = c.peek, SentenceSplitter.isUppercase(p) { return finish(dateline, c) }
        return nil
    }

    static func finish(_ d: Dateline, _ c: Cursor) -> Dateline {
        var d = d
        d.range = d.range.lowerBound..<c.i
        return d
    }

    /// A dash or colon ending the dateline ("—", "–", "--", "-", ":", or "." after a slash agency).
    static func separator(_ c: inout Cursor) -> Bool {
        guard let p = c.peek else { return false }
        switch p {
        case "\u{2014}", "\u{2013}", ":":
            c.i += 1; return true
        case "-":
            c.i += 1
            if c.peek == "-" { c.i += 1 }
            return true
        case ".":
            c.i += 1; return true
        default: return false
        }
    }

    /// Lower-case words that may stand inside a place name written as usual ("Maaret al Numan").
    static let nameParticles: Set<String> = ["al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "es", "de",
                                             "la", "le", "du", "des", "bin", "ibn", "abu", "um", "umm", "of"]

    /// A name: words in capitals ("BEIRUT", "ABU DHABI"), or capitalised words with lower-case particles
    /// ("Maaret al Numan", "Idleb"); at most five words. Returns its end, whether it is in capitals, and its
    /// word count.
    static func city(_ c: inout Cursor) -> (end: Int, capitals: Bool, words: Int)? {
        guard let first = c.peek, SentenceSplitter.isUppercase(first) else { return nil }
        let start = c.i
        var words = 0, capitals = true, lastEnd = c.i
        while !c.atEnd, words < 6 {
            let w0 = c.i
            while !c.atEnd, let p = c.peek, SentenceSplitter.isAlphabetic(p) || p == "'" || p == "\u{2019}" || p == "."
                    || (p == "-" && c.i + 1 < c.end && SentenceSplitter.isAlphabetic(c.s[c.i + 1])) { c.i += 1 }
            guard c.i > w0 else { break }
            let word = c.s[w0..<c.i]
            let upper = word.allSatisfy { !SentenceSplitter.isAlphabetic($0) || SentenceSplitter.isUppercase($0) }
            let lowerWord = String(String.UnicodeScalarView(word)).lowercased()
            if SentenceSplitter.isUppercase(word.first!) {
                if !upper { capitals = false }
            } else if !nameParticles.contains(lowerWord) {
                c.i = w0; break
            }
            // A month after the city starts the date: "MOSCOW May 26" has no comma but is rare; stop at digits.
            words += 1; lastEnd = c.i
            let save = c.i
            c.spaces()
            guard let p = c.peek, SentenceSplitter.isAlphabetic(p) else { c.i = save; break }
            if capitals, !SentenceSplitter.isUppercase(p) { c.i = save; break }
        }
        guard words > 0, words <= 5 else { return nil }
        c.i = lastEnd
        // Capitals need three letters at least: "US" or "A" is no city.
        if capitals, c.s[start..<lastEnd].filter(SentenceSplitter.isUppercase).count < 3 { return nil }
        return (lastEnd, capitals, words)
    }

    /// Month names and their usual abbreviations, lower case, without the dot.
    static let months: [String: Int] = {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"]
        var m: [String: Int] = [:]
        for (k, n) in names.enumerated() {
            m[n] = k + 1
            m[String(n.prefix(3))] = k + 1
        }
        m["sept"] = 9
        return m
    }()

    /// A day in the dateline: "Feb. 3", "February 6", "May 26", "22nd December, 2019", "3 February 2020", with an
    /// optional year; sets the dateline's month, day and year. False (cursor unmoved) when there is none.
    static func date(_ c: inout Cursor, into d: inout Dateline) -> Bool {
        let save = c.i
        func word() -> String? {
            let w0 = c.i
            while !c.atEnd, let p = c.peek, SentenceSplitter.isAlphabetic(p) || (p >= "0" && p <= "9") { c.i += 1 }
            return c.i > w0 ? c.text(w0..<c.i) : nil
        }
        func number(_ w: String) -> Int? {
            var digits = w
            for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits.removeLast(2) }
            return Int(digits)
        }
        func skip() { if c.peek == "." || c.peek == "," { c.i += 1 }; c.spaces() }
        guard let first = word() else { c.i = save; return false }
        var month: Int?, day: Int?
        if let m = months[first.lowercased()] {
            skip()
            let before = c.i
            if let w = word(), let n = number(w), (1...31).contains(n) { month = m; day = n } else { c.i = before }
        } else if let n = number(first), (1...31).contains(n) {
            skip()
            if let w = word(), let m = months[w.lowercased()] { month = m; day = n }
        }
        guard let month, let day else { c.i = save; return false }
        d.month = month; d.day = day
        let afterDay = c.i
        skip()
        if let w = word(), let y = Int(w), (1900...2100).contains(y) { d.year = y } else { c.i = afterDay }
        return true
    }
}

extension String {
    /// The string without spaces and commas on its ends.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "," { s.removeFirst() }
        while let l = s.last, l == " " || l == "," || l == "." { s.removeLast() }
        return String(s)
    }
}
