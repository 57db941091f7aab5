import GeoModel
import EventModel
/// What a clause says about when something happened, against the report's date.
public enum DateFinding: Sendable, Hashable {
    /// A day or span, with the rule that gave it.
    case dated(start: Day, end: Day, rule: String)
    /// The report says it does not know when ("without saying when").
    case undated(rule: String)
    /// Only a vague word ("recently", "earlier"): not enough to date an event.
    case vague(rule: String)
}

/// The date rules of extraction. Relative expressions count from the report date `D`:
///
/// - a weekday ("on Monday", "later Thursday", "Thursday") is the most recent such day on or before `D`
///   ("on Thursday" in a Thursday report is `D`); "last Thursday" in a Thursday report is a week before;
/// - "today", "tonight", "this morning" are `D`; "yesterday" is `D − 1`;
/// - "overnight", "last night" are the night before the report: the span `D − 1 … D`;
/// - "earlier this week" (and "in recent days") is Monday of `D`'s week … `D − 1` (just `D` on a Monday);
///   "this week" is Monday … `D`; "last week" is the Monday … Sunday before;
/// - a month ("in January") is that month's span, in the latest year where it starts on or before `D`,
///   cut at `D`; "early", "mid", "late" take days 1–10, 11–20 and 21–end; "6 February" or "February 6" is
///   that day;
/// - "since December" (and "since the beginning of December") is the span from 1 December (the latest
///   one on or before `D`) to `D`; "since Monday" is that Monday … `D`, and so is "since the rebels attacked on
///   Monday" (`sinceOpens`);
/// - "without saying when", "refused to say" make the event undated (`unknown`);
/// - "recently", "earlier" alone are vague: too loose to code a date.
public enum DateRules {
    /// The first date expression among `cues` (matched over `tokens`) within `range`, or nil.
    static func find(in range: Range<Int>, tokens: [Token], cues: [CueMatch], reportDate d: Day, anchor: Day? = nil) -> DateFinding? {
        var vague: DateFinding? = nil
        var found: DateFinding? = nil
        var undated: DateFinding? = nil
        for (k, m) in cues.enumerated() where range.contains(m.range.lowerBound) {
            switch m.entry.kind {
            case .undated:
                undated = undated ?? .undated(rule: "undated cue '\(m.text(tokens))'")
            case .vague:
                vague = vague ?? .vague(rule: "vague cue '\(m.text(tokens))'")
            case .relative where found == nil:
                found = relative(m.entry.value, phrase: m.text(tokens), d: d) ?? anchored(m.entry.value, phrase: m.text(tokens), anchor: anchor)
            case .weekday where found == nil:
                guard let w = Int(m.entry.value) else { continue }
                let phrase = m.text(tokens)
                let since = sinceOpens(k, cues: cues, tokens: tokens)
                let last = m.range.lowerBound > 0 && tokens[m.range.lowerBound - 1].text == "last"
                var day = mostRecent(weekday: w, onOrBefore: d)
                if last, day == d { day = d.adding(days: -7) }
                found = since ? .dated(start: day, end: d, rule: "since '\(phrase)' → \(day)..\(d)")
                    : .dated(start: day, end: day, rule: "weekday '\(phrase)' → the latest on or before the report date")
            case .month where found == nil:
                guard tokens[m.range.lowerBound].capitalised, let month = Int(m.entry.value) else { continue }
                found = monthFinding(k, month: month, tokens: tokens, cues: cues, d: d)
            default:
                continue
            }
        }
        return undated ?? found ?? year(in: range, tokens: tokens, d: d) ?? vague
    }

    /// Words of a "since" clause between "since" and its day ("since the rebels launched their attack on the
    /// afternoon of Thursday"): at most this many.
    static let sinceReach = 16

    /// True when cue `k` (a day) closes a "since" phrase or clause: "since Monday", or "since" at most
    /// `sinceReach` words before it, in the same clause (no ";" or sentence end between) and with no other date between.
    static func sinceOpens(_ k: Int, cues: [CueMatch], tokens: [Token]) -> Bool {
        let m = cues[k]
        guard let j = cues[..<k].lastIndex(where: { $0.entry.kind == .since }) else { return false }
        let start = cues[j].range.upperBound
        guard start <= m.range.lowerBound, m.range.lowerBound - start <= sinceReach else { return false }
        let dateKinds: [CueKind] = [.weekday, .month, .relative]
        if cues[(j + 1)..<k].contains(where: { dateKinds.contains($0.entry.kind) }) { return false }
        return !tokens[start..<m.range.lowerBound].contains { [";", ".", ":"].contains($0.text) }
    }

    /// "in 2014" (that year, cut at `d`), "since 2014" (from its start to `d`).
    static func year(in range: Range<Int>, tokens: [Token], d: Day) -> DateFinding? {
        for i in range where i > 0 {
            guard tokens[i].text.count == 4, let y = Int(tokens[i].text), (1900...2100).contains(y),
                  let first = Day(year: y, month: 1, day: 1), first <= d else { continue }
            switch tokens[i - 1].text {
            case "in": return .dated(start: first, end: min(Day(year: y, month: 12, day: 31)!, d), rule: "year 'in \(y)'")
            case "since": return .dated(start: first, end: d, rule: "'since \(y)' → from its start to the report date")
            default: continue
            }
        }
        return nil
    }

    /// Words between a month and a "since" or a part of the month before it ("since the beginning of").
    static let monthPartWords: Set<String> = ["the", "of", "in", "early", "beginning", "start", "mid", "middle", "late", "end"]

    static func relative(_ value: String, phrase: String, d: Day) -> DateFinding? {
        switch value {
        case "today": return .dated(start: d, end: d, rule: "'\(phrase)' → the report date")
        case "yesterday": return .dated(start: d.adding(days: -1), end: d.adding(days: -1), rule: "'\(phrase)' → the day before the report")
        case "overnight": return .dated(start: d.adding(days: -1), end: d, rule: "'\(phrase)' → the night before the report (span)")
        case "earlier_this_week":
            let monday = d.adding(days: 1 - d.weekday)
            let end = d.weekday == 1 ? d : d.adding(days: -1)
            return .dated(start: monday, end: end, rule: "'\(phrase)' → Monday of the report's week to the day before")
        case "this_week": return .dated(start: d.adding(days: 1 - d.weekday), end: d, rule: "'\(phrase)' → Monday to the report date")
        case "last_week":
            let monday = d.adding(days: 1 - d.weekday - 7)
            return .dated(start: monday, end: monday.adding(days: 6), rule: "'\(phrase)' → the week before")
        case "weekend":
            // The Saturday and Sunday before the report (the report's own weekend when it falls on one).
            let saturday = mostRecent(weekday: 6, onOrBefore: d.weekday == 6 || d.weekday == 7 ? d : d.adding(days: -1))
            return .dated(start: saturday, end: min(saturday.adding(days: 1), d), rule: "'\(phrase)' → the weekend before the report")
        case "past_two_days":
            return .dated(start: d.adding(days: -1), end: d, rule: "'\(phrase)' → the day before the report and the report's day")
        case "past_days":
            return .dated(start: d.adding(days: -7), end: d.adding(days: -1), rule: "'\(phrase)' → the week before the report, ending the day before")
        case "this_month": return .dated(start: d.firstOfMonth, end: d, rule: "'\(phrase)' → the report's month to date")
        case "last_month":
            let end = d.firstOfMonth.adding(days: -1)
            return .dated(start: end.firstOfMonth, end: end, rule: "'\(phrase)' → the month before")
        default: return nil
        }
    }

    /// Dates told against the day last named in the report (`anchor`): "the previous day", "a day earlier" (the
    /// day before it), "then" (that day), "on its first day" (that day), "on day two" (the day after). Nil without
    /// an anchor or for other values.
    static func anchored(_ value: String, phrase: String, anchor: Day?) -> DateFinding? {
        guard let a = anchor else { return nil }
        let offset: Int
        switch value {
        case "day_before": offset = -1
        case "sequence", "first_day": offset = 0
        case "second_day": offset = 1
        default: return nil
        }
        let day = a.adding(days: offset)
        return .dated(start: day, end: day, rule: "'\(phrase)' → \(offset == 0 ? "the" : offset < 0 ? "the day before the" : "the day after the") day last named (\(a))")
    }

    /// The most recent day with ISO weekday `w` (1 = Monday) on or before `d`.
    public static func mostRecent(weekday w: Int, onOrBefore d: Day) -> Day {
        d.adding(days: -((d.weekday - w + 7) % 7))
    }

    /// The first day of the latest `month` that starts on or before `d`.
    public static func latestStart(of month: Int, onOrBefore d: Day) -> Day {
        let c = d.components
        let year = month <= c.month ? c.year : c.year - 1
        return Day(year: year, month: month, day: 1)!
    }

    /// A day of the month written "6", "6th", "22nd", "1st", "3rd"; nil for other words.
    static func dayNumber(_ text: String) -> Int? {
        var t = Substring(text)
        for suffix in ["st", "nd", "rd", "th"] where t.hasSuffix(suffix) { t = t.dropLast(2); break }
        return Int(t)
    }

    static func monthFinding(_ k: Int, month: Int, tokens: [Token], cues: [CueMatch], d: Day) -> DateFinding {
        let m = cues[k]
        let name = m.text(tokens)
        let first = latestStart(of: month, onOrBefore: d)
        let c = first.components
        let last = Day(year: c.year, month: c.month, day: Day.daysIn(month: c.month, year: c.year))!
        // "6 February", "the 6th of June", "February 6" (with an optional year after).
        var before = m.range.lowerBound - 1
        let after = m.range.upperBound
        if before >= 1, tokens[before].text == "of" { before -= 1 }
        for i in [before, after] where i >= 0 && i < tokens.count {
            if let n = dayNumber(tokens[i].text), (1...31).contains(n) {
                var year = c.year
                let y = i == after ? after + 1 : after
                if y < tokens.count, let yy = Int(tokens[y].text), (1900...2100).contains(yy) { year = yy }
                if let day = Day(year: year, month: month, day: n) {
                    let day2 = day > d && year == c.year ? Day(year: year - 1, month: month, day: n) ?? day : day
                    return .dated(start: day2, end: day2, rule: "date '\(name) \(n)'")
                }
            }
        }
        // "September 2017": the month of that year.
        if after < tokens.count, let y = Int(tokens[after].text), (1900...2100).contains(y), y != c.year,
           let first = Day(year: y, month: month, day: 1) {
            let last = Day(year: y, month: month, day: Day.daysIn(month: month, year: y))!
            return .dated(start: first, end: min(last, d), rule: "month '\(name) \(y)'")
        }
        // A part of the month and "since" just before it: "since the beginning of December", "in late January".
        var part: String? = nil
        var since = false
        var j = m.range.lowerBound - 1, steps = 0
        func kindsAt(_ i: Int) -> [CueMatch] { cues.filter { $0.range.lowerBound == i } }
        while j >= 0, steps < 6 {
            let here = kindsAt(j)
            if let p = here.first(where: { $0.entry.kind == .part }) { part = part ?? p.entry.value }
            if let s = here.first(where: { $0.entry.kind == .since }) {
                since = true
                if s.text(tokens) != "since" { part = part ?? "early" }
                break
            }
            if !DateRules.monthPartWords.contains(tokens[j].text) { break }
            j -= 1; steps += 1
        }
        // "since the offensive began in December": a "since" a few words before, with no comma between.
        if !since {
            var b = m.range.lowerBound - 1
            while b >= max(0, m.range.lowerBound - 7), tokens[b].text != ",", !tokens[b].isPunctuation {
                if kindsAt(b).contains(where: { $0.entry.kind == .since }) { since = true; break }
                b -= 1
            }
        }
        var start = first, end = last
        switch part {
        case "early": end = first.adding(days: 9)
        case "mid": start = first.adding(days: 10); end = first.adding(days: 19)
        case "late": start = first.adding(days: 20)
        default: break
        }
        if since {
            return .dated(start: start, end: d, rule: "since '\(name)' → from \(start) to the report date")
        }
        if end > d { end = d }
        if start > end { start = end }
        return .dated(start: start, end: end, rule: "month '\(name)' → \(start)..\(end)")
    }
}

/// A cue phrase found in a sentence.
typealias CueMatch = PhraseMatch<CueEntry>
