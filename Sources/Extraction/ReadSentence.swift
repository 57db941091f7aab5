import EventModel
import GeoModel
import Places

/// Reading one sentence: its clauses (`ClauseRules`), then for each clause that tells a happening the
/// steps that decide when (`DateOfHappening`), where (`placesOfHappening`) and who (`actorsOfHappening`),
/// one event per place; a sentence that tells no happening but says something is a statement.
extension ReportRun {
    /// Reads sentence `k` and adds its events, warnings and explanations.
    mutating func readSentence(_ k: Int) {
        let a = analyses[k]
        for n in NumberRules.implausible(tokens: a.tokens, cueAt: a.cueAt) {
            warnings.append("\(report.name): '\(n.prefix(40))' is beyond any plausible count (more than "
                            + "\(NumberRules.plausibleMaximum)); not read as a count")
        }
        // A sentence with no trigger and no statement word tells nothing: only its places are remembered.
        if let list = tollList(sentence: k) {
            tollLists.append(list)
            remember(named[k])
            return
        }
        if a.triggers.isEmpty, !a.cues.contains(where: { $0.entry.kind == .statement || $0.entry.kind == .reportVerb }) {
            remember(named[k])
            // Its day still anchors "then", "the previous day" told after it.
            if case .dated(let start, _, _)? = DateRules.find(in: a.tokens.indices, tokens: a.tokens, cues: a.cues,
                                                               reportDate: report.date, anchor: lastDay) { lastDay = start }
            return
        }
        let others = spelledNearly(otherPlaces(a, named: named[k]), in: a)
        // A known name swallowed by a longer unknown one ("Suleiman" of "Jub Suleiman") is no mention of its own.
        let known = named[k].filter { m in !others.contains { $0.form == .unresolved && $0.range != m.range
            && $0.range.lowerBound <= m.range.lowerBound && m.range.upperBound <= $0.range.upperBound } }
        let mentions = (known + others).sorted { $0.range.lowerBound < $1.range.lowerBound }
        let readings = readClauses(sentence: k, mentions: mentions)
        var made = 0
        var previousDate: DateFinding? = nil
        for ci in readings.indices {
            made += addHappening(clause: ci, of: readings, sentence: k, previousDate: previousDate)
            if case .dated? = readings[ci].date { previousDate = readings[ci].date }
        }
        noteSpeaker(a)
        noteAgents(readings)
        for r in readings { if case .dated(let start, _, _)? = r.date { lastDay = start } }
        if made == 0, readings.contains(where: { $0.statementCue }) {
            addStatement(a, readings: readings, mentions: mentions)
        }
        remember(mentions)
    }

    /// Remembers the named places of a sentence (anaphors and nearest-candidate resolution look back at them).
    mutating func remember(_ mentions: [PlaceMention]) {
        for m in mentions where m.local && m.form == .named { if let p = m.place { recent.append(p) } }
    }

    /// The clause readings of sentence `k`, after the rules that look across clauses: a bare subject takes the
    /// side named before, and a generic attack takes the kind of violence another clause names.
    func readClauses(sentence k: Int, mentions: [PlaceMention]) -> [ClauseReading] {
        let a = analyses[k]
        let background = a.cues.contains { $0.entry.kind == .background }
        let rules = ClauseRules(analysis: a, lexicon: extractor.lexicon, reportDate: report.date, anchor: lastDay,
                                explains: extractor.explains)
        var readings = a.clauses().map { rules.read($0, backgroundSentence: background, places: mentions) }
        // "On Monday they took …": a bare subject takes the side named last in the sentences before.
        for ci in readings.indices {
            guard let (agents, note) = bareSubjectAgents(sentence: k, reading: readings[ci]), let main = readings[ci].trigger
            else { continue }
            readings[ci].actors = agents + readings[ci].actors.filter { m in !agents.contains { $0.name == m.name } }
            (readings[ci].category, readings[ci].typeRule) = rules.code(main, range: readings[ci].clause.range, r: readings[ci])
            if readings[ci].category?.subType == .airStrike {
                for j in readings[ci].actors.indices where readings[ci].actors[j].role == .agent {
                    if let air = readings[ci].actors[j].airName { readings[ci].actors[j].name = air }
                }
            }
            readings[ci].notes.append(note)
        }
        // "the villages of A and B, north of X; the village of C, west of Y": a list of places cut by semicolons
        // goes on telling the happening of the clause before.
        for ci in readings.indices.dropFirst() where readings[ci].trigger == nil && readings[ci - 1].trigger != nil {
            let r = readings[ci].clause.range
            guard a.tokens[r.lowerBound].text == ";", readings[ci].places.contains(where: \.local) else { continue }
            let before = readings[ci - 1]
            readings[ci].trigger = before.trigger; readings[ci].category = before.category
            readings[ci].actors = before.actors; readings[ci].claimed = before.claimed
            if readings[ci].date == nil { readings[ci].date = before.date }
            readings[ci].typeRule = before.typeRule + (extractor.explains ? " (a list of places continued after ';')" : "")
        }
        // A generic attack ("the places hit") in a sentence whose other clause names the kind of violence
        // ("air raids") is of that kind.
        if let specific = readings.first(where: { ($0.trigger?.entry.priority ?? 0) == 3 && $0.category?.mergeFamily == .violence }),
           let kind = specific.category {
            for j in readings.indices where readings[j].trigger?.entry.rule == .attack && readings[j].category?.subType == .armedClash {
                readings[j].category = kind
                readings[j].typeRule += " → \(kind), as the sentence's '\(a.text(specific.trigger!.range))'"
            }
        }
        return readings
    }

    /// Adds the events of clause `ci` (one per place), when it tells a happening of its own; returns how many.
    mutating func addHappening(clause ci: Int, of readings: [ClauseReading], sentence k: Int,
                               previousDate: DateFinding?) -> Int {
        let a = analyses[k], r = readings[ci]
        guard let trigger = r.trigger, var category = r.category else { return 0 }
        // Relative clauses tell a happening only with a date of their own.
        // Relative clauses tell a happening only with a date of their own, or when they say where ("…, where
        // army units took A and B": the place described is the happening's, the main clause's date holds).
        if r.clause.kind == .relative || r.clause.kind == .person {
            let whereClause = a.tokens[r.clause.range].prefix(2).contains { $0.text == "where" }
            if !whereClause { guard case .dated? = r.date else { return 0 } }
        }
        var explain = Notes(on: extractor.explains)
        explain.add("sentence \(report.name)@\(a.sentence.start): \(a.sentence.text)")
        explain.add(r.typeRule)
        for n in r.notes { explain.add(n) }

        let reference = r.backref ? referred(family: category.mergeFamily) : nil
        let when = DateOfHappening.decide(reading: r, reference: reference, previousDate: previousDate,
                                          reportDate: report.date)
        explain.add("date: " + when.rule)
        // History: a happening over before the year leading to the report is no event of the report's time.
        if let end = when.end, end < report.date.adding(days: -ReportRun.historyDays) {
            explain.add("skipped: history (ended \(end), over a year before the report)")
            return 0
        }
        if runningTotal(r, in: a) {
            explain.add("skipped: a running total ('have been killed since …'), no happening of its own")
            return 0
        }
        if let end = historyOfSentence(r, in: a) {
            explain.add("skipped: history (no date of its own, in a sentence dated \(end), over a year before the report)")
            return 0
        }
        guard DateOfHappening.isAnchored(reading: r, previousDate: previousDate) else {
            explain.add("skipped: no place and no date of its own (background)")
            return 0
        }
        guard let places = placesOfHappening(clause: ci, of: readings, sentence: k, reference: reference) else { return 0 }
        let actors = actorsOfHappening(clause: ci, of: readings, trigger: trigger, explain: &explain)
        // "reported capturing X" with no one named: the change of control is coded by the side it was given.
        if trigger.entry.rule == .territory, category == trigger.entry.category, !r.actors.contains(where: { $0.role == .agent }),
           let first = actors.actor1, !first.isUnidentified {
            category = first.kind == .stateForces ? EventCategory(.governmentRegainsTerritory)
                : EventCategory(.nonStateActorOvertakesTerritory)
            explain.add("'\(trigger.entry.phrase)' by \(first.name), the side it was given → \(category)")
        }
        if let f = r.fatalities { explain.add("fatalities: \(f) (\(r.fatalitiesDetail ?? ""))" + (r.claimed ? ", claimed" : "")) }
        if let d = r.displaced { explain.add("displaced: \(d)") }

        if tellsToll(r, in: a), attachToll(r, at: places) {
            return places.targets.count
        }
        let source = EventSource(report: report.name, sentence: a.sentence.text, charStart: a.sentence.start,
                                 charEnd: a.sentence.end)
        let placeDates = DateOfHappening.byPlace(places, in: r, sentence: a, reportDate: report.date)
        for t in places.targets {
            var (start, end, precision) = (when.start, when.end, when.precision)
            var explainPlace = explain
            if let d = placeDates[t.place.id] {
                (start, end) = (d.start, d.end)
                precision = start == end ? .day : .span
                explainPlace.add("date for \(t.place.name): \(d.rule) (the date told after this place)")
            }
            let id = uniqueID(sentence: a, target: t, category: category)
            if t.inProvinceOnly { provinceOnly.insert(id) }
            if let referent = t.referent { placedByReference[id] = referent }
            events.append(Event(id: id, category: category, start: start, end: end, datePrecision: precision,
                                place: t.place.name, placeID: t.place.id, coordinate: t.place.coordinate,
                                geoPrecision: t.precision, direction: t.direction,
                                country: t.place.country.isEmpty ? nil : t.place.country,
                                admin1: t.place.admin1.isEmpty ? nil : t.place.admin1,
                                actor1: actors.actor1, assocActor1: actors.assocActor1, actor2: actors.actor2,
                                assocActor2: actors.assocActor2, fatalities: r.fatalities,
                                fatalitiesClaimed: r.fatalitiesClaimed,
                                fatalitiesDetail: r.fatalitiesDetail, claimed: r.claimed, displaced: r.displaced,
                                unresolvedPlace: t.unresolved, sources: [source]))
            if extractor.explains {
                explanations[id] = explainPlace.lines + ["place: " + t.rule + " → \(t.place.name) (precision \(t.precision))"]
            }
        }
        return places.targets.count
    }

    /// How long before the report a happening must have ended to be history, not an event: 365 days.
    static let historyDays = 365

    /// True when clause `r` counts the dead of a whole stretch in the perfect tense ("at least 300 people have
    /// been killed since the war began", "since March, 90 have died"): a running total, no happening of its own.
    func runningTotal(_ r: ClauseReading, in a: SentenceAnalysis) -> Bool {
        guard r.fatalities != nil else { return false }
        let words = Set(a.tokens[r.clause.range].map(\.text))
        return words.contains("since") && !words.isDisjoint(with: ["have", "has"])
    }

    /// The end of the sentence's year when clause `r` names no day or month of its own and the sentence
    /// names a year over before the year leading to the report ("the war began in 2014, when the rebels seized
    /// A"): the clause tells that history. A "then" counting from the day last named is no date of its own.
    func historyOfSentence(_ r: ClauseReading, in a: SentenceAnalysis) -> Day? {
        let range = r.clause.range
        let own = a.cues.contains { c in
            guard range.contains(c.range.lowerBound) else { return false }
            switch c.entry.kind {
            case .weekday, .month: return true
            case .relative: return DateRules.relative(c.entry.value, phrase: "", d: report.date) != nil
            default: return false
            }
        }
        guard !own, case .dated(_, let end, _)? = DateRules.year(in: 0..<a.tokens.count, tokens: a.tokens, d: report.date),
              end < report.date.adding(days: -ReportRun.historyDays) else { return nil }
        return end
    }

    /// True when the clause only gives a toll ("the number of militants killed in X", "the death toll in X"): its
    /// trigger is a death, and a toll word stands in it.
    func tellsToll(_ r: ClauseReading, in a: SentenceAnalysis) -> Bool {
        guard let t = r.trigger, t.entry.priority == 1 else { return false }
        return r.clause.range.contains { i in
            a.tokens[i].text == "toll" || (a.tokens[i].text == "number" && i + 1 < a.tokens.count && a.tokens[i + 1].text == "of")
        }
    }

    /// Gives the toll of clause `r` to the happening already told at its places (the lowest figure when both
    /// have one); false when no happening was told there (the clause is then a happening of its own).
    mutating func attachToll(_ r: ClauseReading, at places: HappeningPlaces) -> Bool {
        let ids = Set(places.targets.map(\.place.id))
        guard let k = events.lastIndex(where: { $0.placeID.map(ids.contains) == true && $0.category.type != .strategicDevelopments })
        else { return false }
        if let n = r.fatalities { events[k].fatalities = min(events[k].fatalities ?? n, n) }
        return true
    }

    /// A stable id for an event of sentence `a` at `t`, unique in the report (a second event of the same
    /// sentence, place and sub-type gets "#2", "#3" … in its hash).
    mutating func uniqueID(sentence a: SentenceAnalysis, target t: Target, category: EventCategory) -> String {
        let idPlace = t.place.id + (t.unresolved.map { "|" + $0 } ?? "")
        var id = StableID.event(report: report.name, offset: a.sentence.start, place: idPlace, subType: category.description)
        var n = 2
        while !usedIDs.insert(id).inserted {
            id = StableID.event(report: report.name, offset: a.sentence.start, place: idPlace + "#\(n)", subType: category.description)
            n += 1
        }
        return id
    }

    /// True when `clause` is a relative clause describing something of clause `ci`.
    func describes(_ clause: Clause, _ ci: Int) -> Bool { clause.kind == .relative && clause.parent == ci }

    /// The latest event of a merging family (the happening "during the attack" refers to).
    func referred(family: MergeFamily) -> Event? {
        events.last { $0.category.mergeFamily == family }
    }
}
