import GeoModel
import Places

/// What extraction found in one report (or several, after merging).
public struct ExtractionResult: Sendable {
    /// Happenings at places, one per place, ordered by source.
    public var events: [Event]
    /// Statements and diplomacy (kind `.statement`, no coordinates).
    public var statements: [Event]
    /// Diagnostics for stderr: unknown places, happenings without a place.
    public var warnings: [String]
    /// Per event id: the sentence(s) and the rules that fired (`--explain`).
    public var explanations: [String: [String]]

    /// A result.
    public init(events: [Event] = [], statements: [Event] = [], warnings: [String] = [],
                explanations: [String: [String]] = [:]) {
        self.events = events; self.statements = statements; self.warnings = warnings; self.explanations = explanations
    }
}

/// Turns a report into events: one pass over each sentence with the gazetteer's `NameMatcher` (built once)
/// and the lexicon's phrase tries, then the clause rules (`ClauseRules`), the date rules (`DateRules`)
/// and the place rules below.
///
/// Place rules:
/// - a named place in the report's home country (`Gazetteer.homeRegion(evidence:)`: the country of the places
///   it names without doubt, else northwestern Syria) is an event place; a country ("northwestern Syria") or a
///   place abroad (Moscow, Ankara, Baku, Brussels in a report on Idlib) never is; the dateline city is not
///   part of the text read; actor phrases take their sides in the home country's conflict (`conflicts.tsv`);
/// - a bare name shared by a city and its governorate ("in Idlib") is the governorate when the report
///   names that governorate as such elsewhere ("Idlib province") and no city cue says otherwise ("Idlib's
///   city centre"); else the city ("Damascus complained");
/// - "north of (the town of) X", "in the south of X", "near X", "the outskirts of X" put the event at
///   X's point with precision 2 and the direction;
/// - "an air base in the village of X" is the air base nearest X (within 6 km) when the gazetteer has one;
/// - several places in the clause of one happening give one event each; a governorate named beside a
///   town inside it adds nothing;
/// - "the village", "the town", "the region" refer to the latest place of that sort in the report;
///   "a key highway town", "a northern province" (unnamed) and clauses without any place fall back to the
///   report's main province (the governorate it names most, counting the governorates of its towns),
///   precision 3; a happening that refers back ("during the attack") takes that happening's place;
/// - a capitalised name after "village of", "town of", "in", "near" that the gazetteer lacks is a warning;
///   its event falls back to a town named as near it (precision 2), else the province (precision 3), and
///   keeps the name in `unresolved_place`.
public struct Extractor: Sendable {
    /// The gazetteer places are resolved with.
    public let gazetteer: Gazetteer
    /// Trigger, actor and cue phrases.
    public let lexicon: Lexicon
    let matcher: NameMatcher
    /// Country → admin1 → the governorate place.
    let governorates: [String: [String: Place]]

    /// When false, `extract` skips the `--explain` text (faster; `explanations` stays empty).
    public var explains = true

    /// An extractor; builds the name matcher once.
    public init(gazetteer: Gazetteer, lexicon: Lexicon) {
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.matcher = NameMatcher(gazetteer: gazetteer)
        var g: [String: [String: Place]] = [:]
        for p in gazetteer.places where p.kind == .governorate { g[p.country, default: [:]][p.admin1] = g[p.country]?[p.admin1] ?? p }
        self.governorates = g
    }

    /// The events and statements of one report, with warnings and explanations. Not merged: see
    /// `EventMerger.merge`.
    /// - Throws: nothing today; kept `throws` so that stricter checks can be added without breaking callers.
    public func extract(report: Report) throws -> ExtractionResult {
        var run = ReportRun(extractor: self, report: report)
        run.go()
        return ExtractionResult(events: run.events, statements: run.statements, warnings: run.warnings,
                                explanations: explains ? run.explanations : [:])
    }
}

/// `--explain` lines, collected only when asked for.
struct Notes {
    let on: Bool
    private(set) var lines: [String] = []
    init(on: Bool) { self.on = on }
    mutating func add(_ line: @autoclosure () -> String) { if on { lines.append(line()) } }
}

/// Where one event of a clause goes.
struct Target {
    var place: Place
    var precision: Int
    var direction: String? = nil
    /// The unknown name the event stands for (its `unresolved_place`).
    var unresolved: String? = nil
    var rule: String
    /// One event per place, direction and unknown name.
    var key: String { place.id + "|" + (direction ?? "") + "|" + (unresolved ?? "") }
}

/// One report being read.
struct ReportRun {
    let x: Extractor
    let report: Report
    var analyses: [SentenceAnalysis] = []
    var named: [[PlaceMention]] = []
    var mainProvince: Place?
    var recent: [Place] = []
    var events: [Event] = []
    var statements: [Event] = []
    var warnings: [String] = []
    var explanations: [String: [String]] = [:]
    var usedIDs = Set<String>()
    /// The side that last spoke ("Ankara said …"), for "It said it had hit …" in the next sentence.
    var lastSpeaker: [String] = []
    /// Ambiguous names already resolved in this report (folded key | cue → place): one name, one place.
    var resolved: [String: Place] = [:]
    /// Governorates named with a region word somewhere in the report.
    var explicitRegions = Set<String>()
    /// Where the report is about: decided from its names once its sentences are read.
    var home = HomeRegion.northwesternSyria

    init(extractor: Extractor, report: Report) {
        self.x = extractor
        self.report = report
    }

    mutating func go() {
        let scalars = Array(report.text.unicodeScalars)
        let assumed = x.lexicon.conflict(of: home.country)
        for s in SentenceSplitter.split(scalars, from: report.bodyStart) {
            analyses.append(SentenceAnalysis(sentence: s, reportScalars: scalars, lexicon: x.lexicon, matcher: x.matcher,
                                             conflict: assumed))
        }
        // A capital named as a side ("Moscow said") is an actor, not a place the report is about.
        home = x.gazetteer.homeRegion(evidence: analyses.flatMap { a in
            a.names.filter { n in !a.actors.contains { $0.range.overlaps(n.range) } }.map(\.match)
        })
        let conflict = x.lexicon.conflict(of: home.country)
        if conflict != assumed {
            for k in analyses.indices { analyses[k].pickActors(lexicon: x.lexicon, conflict: conflict) }
        }
        // Governorates the report names as such ("Idlib province"): their bare name ("in Idlib") means them.
        for a in analyses {
            for name in a.names {
                let (range, m) = (name.range, name.match)
                let nounAfter = range.upperBound < a.tokens.count ? a.has(.placeNoun, at: range.upperBound)?.value : nil
                let onlyRegion = m.candidates.count == 1 && m.candidates[0].kind == .governorate
                guard m.cue == "governorate" || nounAfter == "governorate" || onlyRegion else { continue }
                for g in m.candidates where g.kind == .governorate { explicitRegions.insert(g.id) }
            }
        }
        for a in analyses { named.append(namedPlaces(a)) }
        mainProvince = findMainProvince()
        for k in analyses.indices { readSentence(k) }
    }

    // MARK: Places

    /// The gazetteer names of a sentence, resolved.
    mutating func namedPlaces(_ a: SentenceAnalysis) -> [PlaceMention] {
        var out: [PlaceMention] = []
        for name in a.names where !name.match.candidates.isEmpty {
            let (range, m) = (name.range, name.match)
            // A word the lexicon says is never a place (`not_place`: demonyms, "Kremlin") is none, whatever it
            // folds like; the matcher already leaves out short and common words and demonyms it knows.
            if range.count == 1, a.has(.notPlace, at: range.lowerBound) != nil { continue }
            var rule = noted("name '\(m.text)'")
            var place: Place
            let nounAfter = range.upperBound < a.tokens.count ? a.has(.placeNoun, at: range.upperBound)?.value : nil
            let wantsRegion = m.cue == "governorate" || (m.cue == nil && nounAfter == "governorate")
            let cityCue = m.cue == "city" || m.cue == "village" || m.cue == "airbase" || nounAfter == "city"
                || nounAfter == "town" || nounAfter == "village"
            if let g = m.candidates.first(where: { $0.kind == .governorate }),
               wantsRegion || (!cityCue && explicitRegions.contains(g.id)) {
                place = g
                rule += noted(wantsRegion ? " + region cue → the governorate"
                    : " (bare name of a governorate the report names as such) → the governorate")
            } else if m.candidates.count == 1 {
                place = m.candidates[0]
            } else if let p = resolved[m.key + "|" + (m.cue ?? "")] {
                place = p
                rule += noted(" → \(p.name), as earlier in the report")
            } else if let r = try? x.gazetteer.resolve(m.text, context: ResolutionContext(nearby: Array(recent.suffix(5)), cue: cityCue ? (m.cue ?? nounAfter) : m.cue, home: home)) {
                place = r.place
                resolved[m.key + "|" + (m.cue ?? "")] = r.place
                rule += noted(" → \(r.place.name) (of \(m.candidates.count) candidates)")
            } else {
                place = m.candidates[0]
            }
            // An air base near the named village: "a military air base in the village of Taftanaz".
            if place.kind != .airbase, place.kind.isSettlement, mentionsAirBase(a, near: range) {
                if let ab = x.gazetteer.places(within: 6000, of: place.coordinate, kinds: [.airbase]).first {
                    rule += noted(" + 'air base' → \(ab.place.name) (\(Int(ab.metres / 100) / 10) km away)")
                    place = ab.place
                }
            }
            let (near, direction) = relativePosition(a, before: range.lowerBound)
            let inTrigger = range.lowerBound > 0 && a.triggers.contains { $0.range.contains(range.lowerBound - 1) }
            let isNear = near || (m.cue == "near" && !inTrigger)
            var precision = place.kind.geoPrecision
            if isNear, precision < 2 { precision = 2 }
            if isNear { rule += noted(direction.map { " + '\($0) of' → precision 2, direction \($0)" } ?? " + near → precision 2") }
            let local = home.isLocal(place)
            out.append(PlaceMention(range: range, form: .named, text: m.text, place: place, precision: precision,
                                    direction: direction, local: local, near: isNear, rule: rule))
        }
        return out
    }

    /// `text` when explanations are kept, else "" (rule texts cost time and are read only by `--explain`).
    func noted(_ text: @autoclosure () -> String) -> String { x.explains ? text() : "" }

    func mentionsAirBase(_ a: SentenceAnalysis, near r: Range<Int>) -> Bool {
        let lo = max(0, r.lowerBound - 8), hi = min(a.tokens.count, r.upperBound + 3)
        return (lo..<hi).contains { i in
            let t = a.tokens[i].text
            return t == "airbase" || t == "airport" || t == "airfield"
                || ((t == "air") && i + 1 < a.tokens.count && (a.tokens[i + 1].text == "base" || a.tokens[i + 1].text == "field"))
        }
    }

    /// Words skipped between a direction and its place ("north of the town of X").
    static let positionFillers: Set<String> = ["the", "of", "to", "town", "village", "city", "villages", "towns"]
    /// Words before "of" that introduce a (possibly unknown) settlement name.
    static let settlementNouns: Set<String> = ["village", "villages", "town", "towns", "city"]
    /// Prepositions before a (possibly unknown) place name (an array: tried on every token, compared faster than hashed).
    static let placePrepositions = ["in", "near", "at"]
    /// The Arabic article inside an unknown name ("Tall al Karama").
    static let articles: Set<String> = ["al", "el", "ad", "as", "ash", "ar"]
    static let diplomacyWords: Set<String> = ["delegation", "talks", "meeting", "visit"]

    /// "north of (the town of) X", "in the south of X", "near X", "the outskirts of X", "10 km west of X".
    func relativePosition(_ a: SentenceAnalysis, before i: Int) -> (near: Bool, direction: String?) {
        var j = i - 1
        var steps = 0
        while j >= 0, steps < 5, ReportRun.positionFillers.contains(a.tokens[j].text) { j -= 1; steps += 1 }
        guard j >= 0 else { return (false, nil) }
        // Two-word directions ("north west") end at j.
        if j >= 1, let d = a.has(.direction, at: j - 1), d.wordCount == 2 { return (true, d.value) }
        if let d = a.has(.direction, at: j) { return (true, d.value) }
        for k in max(0, j - 2)...j where a.has(.near, at: k) != nil {
            // "around" inside a trigger ("closed a ring around X") places nothing near.
            if a.triggers.contains(where: { $0.range.contains(k) }) { return (false, nil) }
            // "the southern edge of X": a direction word before the near word.
            if k > 0, let d = a.has(.direction, at: k - 1) { return (true, d.value) }
            return (true, nil)
        }
        return (false, nil)
    }

    /// The governorate the report names most (each named governorate and each named town's governorate
    /// count once per mention); ties go to the first named.
    func findMainProvince() -> Place? {
        var count: [String: Int] = [:], first: [String: Int] = [:]
        var order = 0
        for mentions in named {
            for m in mentions where m.local {
                guard let p = m.place else { continue }
                count[p.admin1, default: 0] += 1
                if first[p.admin1] == nil { first[p.admin1] = order; order += 1 }
            }
        }
        guard let best = count.keys.sorted(by: { count[$0]! != count[$1]! ? count[$0]! > count[$1]! : first[$0]! < first[$1]! }).first
        else { return nil }
        return x.governorates[home.country]?[best]
    }

    /// Anaphors ("the village"), unnamed places ("a key highway town") and unknown names of a sentence.
    func otherPlaces(_ a: SentenceAnalysis, named: [PlaceMention]) -> [PlaceMention] {
        var out: [PlaceMention] = []
        var covered = [Bool](repeating: false, count: a.tokens.count)
        for m in named { for t in m.range { covered[t] = true } }
        for i in a.tokens.indices {
            guard let noun = a.has(.placeNoun, at: i), !covered[i] else { continue }
            let len = noun.wordCount
            if i + len < a.tokens.count, a.tokens[i + len].text == "of" || covered[i + len] { continue }
            if i > 0, ClauseRules.determiners.contains(a.tokens[i - 1].text), a.tokens[i - 1].text == "the" {
                let p = anaphor(noun.value, before: named.filter { $0.range.lowerBound < i })
                let (near, direction) = relativePosition(a, before: i - 1)
                var precision = p?.kind.geoPrecision ?? 3
                if near, precision < 2 { precision = 2 }
                out.append(PlaceMention(range: (i - 1)..<(i + len), form: .anaphor, text: "the \(noun.phrase)", place: p,
                                        precision: precision, direction: direction, local: true, near: near,
                                        rule: noted("anaphor 'the \(noun.phrase)' → \(p?.name ?? "the report's province")")
                                            + (near ? direction.map { ", \($0) of it (precision 2)" } ?? ", near it (precision 2)" : "")))
                continue
            }
            // "a key highway town", "a northern Syrian province": up to three words after "a".
            for back in 1...4 where i - back >= 0 {
                let w = a.tokens[i - back].text
                if w == "a" || w == "an" {
                    if !(i - back + 1..<i).contains(where: { covered[$0] || a.tokens[$0].isPunctuation }) {
                        out.append(PlaceMention(range: (i - back)..<(i + len), form: .unnamed, text: a.original((i - back)..<(i + len)),
                                                place: nil, precision: 3, direction: nil, local: true, near: false,
                                                rule: noted("unnamed place '\(a.original((i - back)..<(i + len)))' → the report's province")))
                    }
                    break
                }
                if a.tokens[i - back].isPunctuation { break }
            }
        }
        // Unknown names after "village(s) of", "town of", "city of", "in", "near".
        var i = 0
        while i < a.tokens.count {
            let t = a.tokens[i].text
            var start: Int? = nil
            if i + 1 < a.tokens.count, a.tokens[i + 1].text == "of", ReportRun.settlementNouns.contains(t) {
                start = i + 2
            } else if ReportRun.placePrepositions.contains(t) {
                start = i + 1
            }
            guard var s = start else { i += 1; continue }
            let list = start == i + 2
            // "the neighbouring village(s) of X": X lies by the place named before it.
            let neighbour = list && i > 0 && a.has(.neighbour, at: i - 1) != nil
            while s < a.tokens.count {
                var e = s
                while e < a.tokens.count, a.tokens[e].capitalised || (e > s && ReportRun.articles.contains(a.tokens[e].text)),
                      !covered[e], !a.tokens[e].isPunctuation, isPlainWord(a, e) { e += 1 }
                if e > s, a.tokens[s].capitalised, !covered[s] {
                    let name = a.original(s..<e)
                    out.append(PlaceMention(range: s..<e, form: .unresolved, text: name, place: nil, precision: 3,
                                            direction: nil, local: true, near: false,
                                            rule: noted("unknown name '\(name)' after '\(t)'"), neighbour: neighbour))
                }
                guard list else { break }
                // Next item of "the villages of A, B and C".
                var n = max(e, s + 1)
                while n < a.tokens.count, covered[n] { n += 1 }
                guard n < a.tokens.count, a.tokens[n].text == "," || a.tokens[n].text == "and" else { break }
                n += 1
                if n < a.tokens.count, a.tokens[n].text == "and" { n += 1 }
                s = n
            }
            i += 1
        }
        return out
    }

    /// True when token `i` is not a lexicon word (month, weekday, actor, cue) that merely starts with a capital.
    func isPlainWord(_ a: SentenceAnalysis, _ i: Int) -> Bool {
        if let cues = a.cueAt[i], cues.contains(where: { [.weekday, .month, .relative].contains($0.kind) }) { return false }
        if a.actors.contains(where: { $0.range.contains(i) }) { return false }
        return true
    }

    /// The latest place of a sort ("village", "town", "city", "governorate") before this point.
    func anaphor(_ sort: String, before sameSentence: [PlaceMention]) -> Place? {
        let candidates = recent + sameSentence.compactMap { $0.local ? $0.place : nil }
        let fits: [(Place) -> Bool]
        switch sort {
        case "governorate": fits = [{ $0.kind == .governorate }]
        case "village": fits = [{ $0.kind == .village || $0.kind == .town }, { $0.kind.isSettlement }]
        default: fits = [{ $0.kind == .town || $0.kind == .city }, { $0.kind.isSettlement }]
        }
        for fit in fits { if let p = candidates.last(where: fit) { return p } }
        return sort == "governorate" ? mainProvince : nil
    }

    // MARK: Sentences

    mutating func readSentence(_ k: Int) {
        let a = analyses[k]
        // A sentence with no trigger and no statement word tells nothing: only its places are remembered.
        if a.triggers.isEmpty, !a.cues.contains(where: { $0.entry.kind == .statement || $0.entry.kind == .reportVerb }) {
            for m in named[k] where m.local { if let p = m.place { recent.append(p) } }
            return
        }
        let mentions = (named[k] + otherPlaces(a, named: named[k])).sorted { $0.range.lowerBound < $1.range.lowerBound }
        let background = a.cues.contains { $0.entry.kind == .background }
        let rules = ClauseRules(a: a, lexicon: x.lexicon, reportDate: report.date, explains: x.explains)
        let clauses = a.clauses()
        var readings = clauses.map { rules.read($0, backgroundSentence: background, places: mentions) }
        // "On Monday they took …": a bare subject takes the side named last in the sentences before.
        for ci in readings.indices {
            guard let (agents, note) = bareSubjectAgents(sentence: k, reading: readings[ci]), let main = readings[ci].trigger
            else { continue }
            readings[ci].actors = agents + readings[ci].actors.filter { m in !agents.contains { $0.name == m.name } }
            (readings[ci].type, readings[ci].subType, readings[ci].typeRule) = rules.code(main, range: readings[ci].clause.range, r: readings[ci])
            if readings[ci].subType == "Air/drone strike" {
                for j in readings[ci].actors.indices where readings[ci].actors[j].role == .agent {
                    if let air = readings[ci].actors[j].airName { readings[ci].actors[j].name = air }
                }
            }
            readings[ci].notes.append(note)
        }
        // A generic attack ("the places hit") in a sentence whose other clause names the kind of violence
        // ("air raids") is of that kind.
        if let specific = readings.first(where: { ($0.trigger?.entry.priority ?? 0) == 3
            && EventMerger.family(type: $0.type, subType: $0.subType) == "violence" }) {
            for k in readings.indices where readings[k].trigger?.entry.rule == .attack && readings[k].subType == "Armed clash" {
                readings[k].type = specific.type; readings[k].subType = specific.subType
                readings[k].typeRule += " → \(specific.subType), as the sentence's '\(a.text(specific.trigger!.range))'"
            }
        }
        var made = 0
        var previousDate: DateFinding? = nil
        for (ci, r) in readings.enumerated() {
            defer { if case .dated = r.date { previousDate = r.date } }
            guard let trigger = r.trigger else { continue }
            // Relative clauses tell a happening only with a date of their own.
            if r.clause.kind == .relative || r.clause.kind == .person {
                guard case .dated = r.date else { continue }
            }
            var explain = Notes(on: x.explains)
            explain.add("sentence \(report.name)@\(a.sentence.start): \(a.sentence.text)")
            explain.add(r.typeRule)
            for n in r.notes { explain.add(n) }

            // When.
            var start: Day? = nil, end: Day? = nil
            var dateRule = ""
            let ref = r.backref ? referred(family: EventMerger.family(type: r.type, subType: r.subType)) : nil
            switch r.date {
            case .dated(let s, let e, let rule)?: start = s; end = e; dateRule = rule
            case .undated(let rule)?: dateRule = rule + " → unknown"
            default:
                if let ref, ref.datePrecision != .unknown {
                    start = ref.start; end = ref.end; dateRule = "refers back ('during the …', 'in retaliation') → the date of \(ref.id)"
                } else if case .dated(let s, let e, _)? = previousDate {
                    start = s; end = e; dateRule = "no date cue → the date of the sentence's earlier clause"
                } else if r.newsTense {
                    start = report.date; end = report.date; dateRule = "no date cue, present/perfect tense → the report date"
                } else if let last = events.last(where: { $0.datePrecision != .unknown }) {
                    start = last.start; end = last.end; dateRule = "no date cue, narrative past → the date of the happening told before (\(last.id))"
                } else {
                    dateRule = "no date cue → unknown"
                }
            }
            explain.add("date: " + dateRule)

            // Anchor: a happening needs a place of its own or a date cue of its own.
            let ownPlaces = r.places.filter(\.local)
            var anchored = !ownPlaces.isEmpty || r.backref || r.newsTense
            if case .dated = r.date { anchored = true }
            if case .undated = r.date { anchored = true }
            if case .dated? = previousDate { anchored = true }
            if !anchored {
                explain.add("skipped: no place and no date of its own (background)")
                continue
            }

            // Where.
            var targets: [Target] = []
            var candidates = ownPlaces
            if candidates.isEmpty, r.clause.kind == .relative, let p = r.clause.parent {
                candidates = readings[p].places.filter { $0.local && $0.form == .named }.suffix(1)
            }
            if candidates.isEmpty {
                // Places of the relative clauses that describe something of this clause ("…, which spans across X").
                for cj in readings.indices where cj > ci && describes(readings[cj].clause, ci) && readings[cj].trigger == nil {
                    candidates += readings[cj].places.filter { $0.local && $0.form == .named }
                }
            }
            let nearTown = candidates.first { $0.form == .named && $0.near && $0.place?.kind.isSettlement == true }
            // "the village of X, near Y": Y only says where X is; it is not a place of its own.
            var kept: [PlaceMention] = []
            for (k, m) in candidates.enumerated() {
                if m.near, k > 0 {
                    // Right after another place, with only a description between ("X, near Y", "X, beside the
                    // M4 a few kilometres west of the town"): Y only locates X.
                    let between = candidates[k - 1].range.upperBound..<m.range.lowerBound
                    let plain = between.allSatisfy { t in a.tokens[t].text != "and" && a.tokens[t].text != ";"
                        && !a.triggers.contains { $0.range.contains(t) } }
                    if between.count <= 10, plain, between.contains(where: { a.tokens[$0].text == "," }) || between.count <= 3 { continue }
                }
                kept.append(m)
            }
            candidates = kept
            for m in candidates {
                switch m.form {
                case .named, .anaphor:
                    if let p = m.place { targets.append(Target(place: p, precision: m.precision, direction: m.direction, rule: m.rule)) }
                    else if let prov = mainProvince { targets.append(Target(place: prov, precision: 3, rule: m.rule)) }
                case .unnamed:
                    if let prov = mainProvince { targets.append(Target(place: prov, precision: 3, rule: m.rule)) }
                case .unresolved:
                    if let t = fallback(for: m, in: candidates, nearTown: nearTown) { targets.append(t) }
                    else { warnings.append("\(report.name): unknown place '\(m.text)'\(hint(m.text)); no town or province "
                                           + "the report makes clear: the happening was left out") }
                }
            }
            if targets.isEmpty, let ref, let id = ref.placeID, let p = x.gazetteer.place(id: id) {
                targets.append(Target(place: p, precision: ref.geoPrecision, direction: ref.direction, unresolved: ref.unresolvedPlace,
                                      rule: "refers back → the place of \(ref.id)"))
            }
            if targets.isEmpty, let prov = mainProvince {
                targets.append(Target(place: prov, precision: 3, rule: "no place in the clause → the report's province \(prov.name)"))
            }
            if targets.isEmpty {
                warnings.append("\(report.name): a happening with no place the report makes clear was left out: \(a.sentence.text)")
                continue
            }
            // A governorate beside a town inside it adds nothing (unless it stands for an unknown place);
            // one event per place (and per unknown name placed there).
            let precise = targets.filter { $0.precision < 3 || !$0.place.kind.isArea }
            targets = targets.filter { t in
                t.unresolved != nil || !(t.place.kind == .governorate
                    && precise.contains { $0.place.admin1 == t.place.admin1 && $0.place.id != t.place.id })
            }
            var seen = Set<String>()
            targets = targets.filter { seen.insert($0.key).inserted }
            // The warning says where the event of an unknown place went.
            for t in targets {
                guard let name = t.unresolved, t.rule.hasPrefix("unknown name") else { continue }
                warnings.append("\(report.name): unknown place '\(name)'\(hint(name)); event placed "
                                + (t.precision == 2 ? "near \(t.place.name)" : "in \(t.place.name)") + " (precision \(t.precision))")
            }

            // Who.
            var actors = r.actors
            if !actors.contains(where: { $0.role == .agent }) {
                if r.clause.sharedSubject, ci > 0 {
                    let agents = readings[ci - 1].actors.filter { $0.role == .agent }
                    actors = agents + actors.filter { m in !agents.contains { $0.name == m.name } }
                    if !agents.isEmpty { explain.add("subject shared with the clause before → \(agents.map(\.name).joined(separator: ", "))") }
                } else if r.claimed, !lastSpeaker.isEmpty {
                    let agents = lastSpeaker.map { ActorMention(name: $0, side: .none, airName: nil, role: .agent, position: -1) }
                    actors = agents + actors.filter { m in !lastSpeaker.contains(m.name) }
                    explain.add("'it said it …' → the last speaker, \(lastSpeaker.joined(separator: ", "))")
                }
            }
            if !actors.contains(where: { $0.role == .patient }) {
                for cj in readings.indices where describes(readings[cj].clause, ci) {
                    for m in readings[cj].actors where m.side != .civilian && !actors.contains(where: { $0.name == m.name }) {
                        actors.append(ActorMention(name: m.name, side: m.side, airName: nil, role: .patient, position: 5_000 + m.position))
                        explain.add("actor '\(m.name)' from the clause describing the place → the side acted on")
                    }
                }
                actors.sort { ($0.role, $0.position) < ($1.role, $1.position) }
            }
            if trigger.entry.defaultActor == "@opponent", !actors.contains(where: { $0.role == .patient }),
               let agent = actors.first(where: { $0.role == .agent }), let other = opponent(of: agent.side) {
                actors.append(ActorMention(name: other, side: .opposition, airName: nil, role: .patient, position: 9_999))
                explain.add("'\(a.text(trigger.range))' needs a side acted on; none named → the report's main opponent '\(other)'")
            }
            var names = actors.map(\.name)
            let violent = EventMerger.family(type: r.type, subType: r.subType) == "violence"
            if violent, !actors.isEmpty, !actors.contains(where: { $0.role == .agent || $0.role == .neutral }) {
                names.insert(EventMerger.unidentified, at: 0)
                explain.add("no one named as acting → '\(EventMerger.unidentified)' first")
            }
            explain.add("actors: " + (names.isEmpty ? "none named" : names.joined(separator: ", ")))
            if let f = r.fatalities { explain.add("fatalities: \(f) (\(r.fatalitiesDetail ?? ""))" + (r.claimed ? ", claimed" : "")) }
            if let d = r.displaced { explain.add("displaced: \(d)") }

            let source = EventSource(report: report.name, sentence: a.sentence.text, charStart: a.sentence.start,
                                     charEnd: a.sentence.end)
            // Several places and several dates in one clause ("taking Nairab on Monday and the village of
            // Islamin … earlier on Wednesday"): each place takes the date told between it and the next place.
            var placeDates: [String: (Day, Day, String)] = [:]
            if targets.count > 1 {
                let spots = candidates.filter { $0.place != nil && r.clause.range.contains($0.range.lowerBound) }
                for (k, m) in spots.enumerated() {
                    let upTo = max(m.range.upperBound, k + 1 < spots.count ? spots[k + 1].range.lowerBound : r.clause.range.upperBound)
                    if case .dated(let s, let e, let why)? = DateRules.find(in: m.range.upperBound..<upTo, tokens: a.tokens,
                                                                            cues: a.cues, reportDate: report.date) {
                        placeDates[m.place!.id] = (s, e, why)
                    }
                }
                if Set(placeDates.values.map { "\($0.0)\($0.1)" }).count < 2 { placeDates = [:] }
            }
            for t in targets {
                var (start, end) = (start, end)
                var explainPlace = explain
                if let d = placeDates[t.place.id] {
                    (start, end) = (d.0, d.1)
                    explainPlace.add("date for \(t.place.name): \(d.2) (the date told after this place)")
                }
                let precision: DatePrecision = start == nil ? .unknown : (start == end ? .day : .span)
                let idPlace = t.place.id + (t.unresolved.map { "|" + $0 } ?? "")
                var id = StableID.event(report: report.name, offset: a.sentence.start, place: idPlace, subType: r.subType)
                var n = 2
                while !usedIDs.insert(id).inserted {
                    id = StableID.event(report: report.name, offset: a.sentence.start, place: idPlace + "#\(n)", subType: r.subType)
                    n += 1
                }
                let e = Event(id: id, type: r.type, subType: r.subType, start: start, end: end, datePrecision: precision,
                              place: t.place.name, placeID: t.place.id, coordinate: t.place.coordinate,
                              geoPrecision: t.precision, direction: t.direction, actors: names,
                              fatalities: r.fatalities, fatalitiesDetail: r.fatalitiesDetail, claimed: r.claimed,
                              displaced: r.displaced, unresolvedPlace: t.unresolved, sources: [source],
                              admin1: t.place.admin1.isEmpty ? nil : t.place.admin1)
                events.append(e)
                if x.explains {
                    explanations[id] = explainPlace.lines + ["place: " + t.rule + " → \(t.place.name) (precision \(t.precision))"]
                }
                made += 1
            }
        }
        // The speaker of this sentence: the actor named before its first reporting verb.
        if let verb = a.cues.first(where: { $0.entry.kind == .reportVerb }),
           let who = a.actors.last(where: { $0.range.upperBound <= verb.range.lowerBound && !$0.entry.names.isEmpty }) {
            lastSpeaker = who.entry.names
        }
        if made == 0, readings.contains(where: { $0.statementCue }) {
            addStatement(a, readings: readings, mentions: mentions)
        }
        for m in mentions where m.local && m.form == .named { if let p = m.place { recent.append(p) } }
    }

    /// True when `clause` is a relative clause describing something of clause `ci`.
    func describes(_ clause: Clause, _ ci: Int) -> Bool { clause.kind == .relative && clause.parent == ci }

    /// The side the report most often names against `side` (opposition against the government and back).
    func opponent(of side: ActorSide) -> String? {
        let wanted: ActorSide
        switch side {
        case .government: wanted = .opposition
        case .opposition: wanted = .government
        default: return nil
        }
        var count: [String: Int] = [:], first: [String: Int] = [:]
        for a in analyses {
            for e in a.actors.map(\.entry) where e.side == wanted {
                for n in e.names.prefix(1) {
                    count[n, default: 0] += 1
                    if first[n] == nil { first[n] = first.count }
                }
            }
        }
        return count.keys.sorted { count[$0]! != count[$1]! ? count[$0]! > count[$1]! : first[$0]! < first[$1]! }.first
    }

    /// Where the event of an unknown name goes: a town named as near it in the clause ("the village of X,
    /// near Y"), else the place named just before it when it is said to neighbour it ("A and the
    /// neighbouring village of X"), both with precision 2; else a governorate named in the clause or the
    /// report's province, precision 3. Nil when the report makes no place clear.
    func fallback(for m: PlaceMention, in candidates: [PlaceMention], nearTown: PlaceMention?) -> Target? {
        if let t = nearTown, let p = t.place {
            return Target(place: p, precision: 2, direction: t.direction, unresolved: m.text,
                          rule: m.rule + " → near \(p.name), precision 2")
        }
        if m.neighbour, let t = candidates.last(where: { $0.range.upperBound <= m.range.lowerBound && $0.form != .unresolved
                                                          && $0.place?.kind.isSettlement == true }), let p = t.place {
            return Target(place: p, precision: 2, unresolved: m.text,
                          rule: m.rule + " + 'neighbouring' → near \(p.name), the place named before it, precision 2")
        }
        if let prov = sentenceProvince(candidates) ?? mainProvince {
            return Target(place: prov, precision: 3, unresolved: m.text, rule: m.rule + " → \(prov.name), precision 3")
        }
        return nil
    }

    /// " (did you mean 'A', 'B'?)" for an unknown name, or "".
    func hint(_ name: String) -> String {
        let sugg = x.gazetteer.suggestions(for: name)
        return sugg.isEmpty ? "" : " (did you mean " + sugg.map { "'\($0)'" }.joined(separator: ", ") + "?)"
    }

    /// A governorate named in the same clause.
    func sentenceProvince(_ mentions: [PlaceMention]) -> Place? {
        mentions.first { $0.place?.kind == .governorate }?.place
    }

    /// The latest event of a family (the happening "during the attack" refers to).
    func referred(family: String) -> Event? {
        events.last { EventMerger.family(of: $0) == family }
    }

    mutating func addStatement(_ a: SentenceAnalysis, readings: [ClauseReading], mentions: [PlaceMention]) {
        var start = report.date, end = report.date
        var rule = "statement of the day → the report date"
        for r in readings { if case .dated(let s, let e, let why)? = r.date { start = s; end = e; rule = why; break } }
        let place = mentions.first { $0.place != nil }
        let diplomacy = a.cues.contains { ReportRun.diplomacyWords.contains($0.entry.phrase) }
        let sub = diplomacy ? "Diplomacy" : "Statement"
        var seen = Set<String>()
        let actors = a.actors.flatMap(\.entry.names).filter { seen.insert($0).inserted }
        let id = StableID.event(report: report.name, offset: a.sentence.start, place: place?.place?.id ?? "-", subType: sub)
        guard usedIDs.insert(id).inserted else { return }
        statements.append(Event(id: id, kind: .statement, type: "Statement", subType: sub, start: start, end: end,
                                datePrecision: start == end ? .day : .span, place: place?.place?.name ?? "",
                                placeID: place?.place?.id, coordinate: nil, geoPrecision: place?.place?.kind.geoPrecision ?? 3,
                                actors: actors,
                                sources: [EventSource(report: report.name, sentence: a.sentence.text,
                                                      charStart: a.sentence.start, charEnd: a.sentence.end)]))
        if x.explains {
            explanations[id] = ["sentence \(report.name)@\(a.sentence.start): \(a.sentence.text)",
                                "statement: a statement or diplomacy cue and no happening", "date: " + rule]
        }
    }
}
