import EventModel
import GeoModel

/// When a happening took place, from its clause's date cue or, without one, from what the report tells
/// around it:
/// 1. a date cue of the clause ("on Monday", "since December"): that day or span;
/// 2. a cue that says the report does not date it ("without saying when"): unknown; a vague word
///    ("recently") is no cue;
/// 3. a back reference ("during the attack", "in retaliation"): the date of the happening referred to;
/// 4. an earlier clause of the same sentence with a date: that date;
/// 5. the present or perfect tense of news ("has captured", "are fighting"): the report's date;
/// 6. else the report's date with precision `report` (ACLED's practice): never the date of an unrelated
///    happening told before it.
enum DateOfHappening {
    /// The dates decided, their precision and the rule that decided them (for `--explain`).
    struct Decision {
        var start: Day?
        var end: Day?
        var precision: DatePrecision
        var rule: String
    }

    /// The date of clause reading `r`.
    /// - Parameters:
    ///   - reference: the happening a back reference refers to, if any.
    ///   - previousDate: the date of the sentence's last dated clause before this one.
    static func decide(reading r: ClauseReading, reference: Event?, previousDate: DateFinding?, reportDate: Day) -> Decision {
        switch r.date {
        case .dated(let s, let e, let rule)?:
            return Decision(start: s, end: e, precision: s == e ? .day : .span, rule: rule)
        case .undated(let rule)?:
            return Decision(start: nil, end: nil, precision: .unknown, rule: rule + " → unknown")
        case .vague?, nil:
            break
        }
        if let ref = reference, ref.datePrecision != .unknown {
            return Decision(start: ref.start, end: ref.end, precision: ref.datePrecision,
                            rule: "refers back ('during the …', 'in retaliation') → the date of \(ref.id)")
        }
        if case .dated(let s, let e, _)? = previousDate {
            return Decision(start: s, end: e, precision: s == e ? .day : .span,
                            rule: "no date cue → the date of the sentence's earlier clause")
        }
        if r.newsTense {
            return Decision(start: reportDate, end: reportDate, precision: .day,
                            rule: "no date cue, present/perfect tense → the report date")
        }
        return Decision(start: reportDate, end: reportDate, precision: .report,
                        rule: "no date cue → the report's date (precision report)")
    }

    /// True when the clause tells a happening of its own: it has a place of its own, a date cue (or follows a
    /// dated clause of its sentence), a back reference, or the tense of news. Else it only gives background.
    static func isAnchored(reading r: ClauseReading, previousDate: DateFinding?) -> Bool {
        if r.places.contains(where: \.local) || r.backref || r.newsTense { return true }
        switch r.date {
        case .dated?, .undated?: return true
        case .vague?, nil: break
        }
        if case .dated? = previousDate { return true }
        return false
    }

    /// Several places and several dates in one clause ("taking Nairab on Monday and the village of Islamin …
    /// earlier on Wednesday"): each place takes the date told between it and the next place. Empty unless
    /// the places get at least two different dates.
    static func byPlace(_ places: HappeningPlaces, in r: ClauseReading, sentence a: SentenceAnalysis,
                        reportDate: Day) -> [String: (start: Day, end: Day, rule: String)] {
        guard places.targets.count > 1 else { return [:] }
        var dates: [String: (start: Day, end: Day, rule: String)] = [:]
        let spots = places.mentions.filter { $0.place != nil && r.clause.range.contains($0.range.lowerBound) }
        for (k, m) in spots.enumerated() {
            let upTo = max(m.range.upperBound, k + 1 < spots.count ? spots[k + 1].range.lowerBound : r.clause.range.upperBound)
            if case .dated(let s, let e, let why)? = DateRules.find(in: m.range.upperBound..<upTo, tokens: a.tokens,
                                                                    cues: a.cues, reportDate: reportDate) {
                dates[m.place!.id] = (s, e, why)
            }
        }
        return Set(dates.values.map { "\($0.start)\($0.end)" }).count < 2 ? [:] : dates
    }
}
