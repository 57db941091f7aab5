import Foundation
import EventModel
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
    /// Places for an analyst to check (`ReviewList`): unknown places, weak resolutions, far events.
    public var review: [ReviewItem]

    /// A result.
    public init(events: [Event] = [], statements: [Event] = [], warnings: [String] = [],
                explanations: [String: [String]] = [:], review: [ReviewItem] = []) {
        self.events = events; self.statements = statements; self.warnings = warnings; self.explanations = explanations
        self.review = review
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
    /// The gazetteer's settlements and sites by grid cell, with their folding keys (`NearSpelling`).
    let grid: PlaceGrid
    /// Country → admin1 → the governorate place.
    let governorates: [String: [String: Place]]

    /// When false, `extract` skips the `--explain` text and the "did you mean" of unknown places (faster;
    /// `explanations` stays empty; the warnings are still given).
    public var explains = true
    /// The "did you mean" of unknown names, computed once per name (the nearest spellings cost a scan of the
    /// gazetteer's keys; a batch of reports names the same unknown villages again and again).
    let hints = HintCache()

    /// An extractor; builds the name matcher once.
    public init(gazetteer: Gazetteer, lexicon: Lexicon) {
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.matcher = NameMatcher(gazetteer: gazetteer)
        self.grid = PlaceGrid(gazetteer: gazetteer)
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
                                explanations: explains ? run.explanations : [:], review: run.review)
    }
}

/// `--explain` lines, collected only when asked for.
struct Notes {
    let on: Bool
    private(set) var lines: [String] = []
    init(on: Bool) { self.on = on }
    mutating func add(_ line: @autoclosure () -> String) { if on { lines.append(line()) } }
}

/// One report being read: its sentences' analyses, the places and events told so far, and what the
/// steps of `readSentence` (`ReadSentence.swift`) decide.
struct ReportRun {
    /// The extractor (gazetteer, lexicon, name matcher).
    let extractor: Extractor
    let report: Report
    var analyses: [SentenceAnalysis] = []
    var named: [[PlaceMention]] = []
    /// The paragraph of each sentence (blank-line separated), 0 for the first.
    var paragraph: [Int] = []
    var mainProvince: Place?
    var recent: [Place] = []
    var events: [Event] = []
    var statements: [Event] = []
    var warnings: [String] = []
    var explanations: [String: [String]] = [:]
    var usedIDs = Set<String>()
    /// The side that last spoke ("Ankara said …"), for "It said it had hit …" in the next sentence.
    var lastSpeaker: ActorEntry?
    /// Who acted in the last strike and the last change of control told with its actor (for "warplanes struck X",
    /// "the captured villages" told after them).
    var lastAgent: [AgentKind: ActorMention] = [:]
    /// Events put in the report's province because their clause named no place.
    var provinceOnly = Set<String>()
    /// Events placed by referring back (id → the id of the happening whose place they took).
    var placedByReference: [String: String] = [:]
    /// Tolls given place by place with no verb ("six dead in A, seven in B"), given out once every sentence is read.
    var tollLists: [TollList] = []
    /// The day the report named last (the start of the latest dated clause read), for anchored dates.
    var lastDay: Day?
    /// Names resolved by a weak clue (the rest of the review list is made from the merged events).
    var review: [ReviewItem] = []
    /// Ambiguous names already resolved in this report (folded key | cue → place): one name, one place.
    var resolved: [String: Place] = [:]
    /// Governorates named with a region word somewhere in the report.
    var explicitRegions = Set<String>()
    /// Where the report is about: decided from its names once its sentences are read.
    var home = HomeRegion.northwesternSyria
    /// Where its happenings lie: the places it names without doubt (`ReportArea`).
    var area = ReportArea.none
    /// The gazetteer positions of the places within `NearSpelling.reachMetres` of the area's core, found the
    /// first time a name is read by its spelling (`nearSpelling`).
    var nearCore: [Int]? = nil

    init(extractor: Extractor, report: Report) {
        self.extractor = extractor
        self.report = report
    }

    mutating func go() {
        var scalars = Array(report.text.unicodeScalars)
        // The dateline is not text: blanked, so that offsets still count from the file's start.
        if let d = report.dateline, d.range.lowerBound >= report.bodyStart {
            for k in d.range where scalars[k] != "\n" { scalars[k] = " " }
        }
        let assumed = extractor.lexicon.conflict(of: home.country)
        let sentences = SentenceSplitter.split(scalars, from: report.bodyStart)
        if case let cut = sentences.filter(\.cut).count, cut > 0 {
            warnings.append("\(report.name): \(cut) pieces of text longer than \(SentenceSplitter.longestSentence) characters "
                            + "without a sentence end were read as separate sentences")
        }
        for s in sentences {
            analyses.append(SentenceAnalysis(sentence: s, reportScalars: scalars, lexicon: extractor.lexicon,
                                             matcher: extractor.matcher, conflict: assumed))
        }
        // A capital named as a side ("Moscow said") is an actor, not a place the report is about.
        home = extractor.gazetteer.homeRegion(evidence: analyses.flatMap { a in
            a.names.filter { n in !a.actors.contains { $0.range.overlaps(n.range) } }.map(\.match)
        })
        let conflict = extractor.lexicon.conflict(of: home.country)
        if conflict != assumed {
            for k in analyses.indices { analyses[k].pickActors(lexicon: extractor.lexicon, conflict: conflict) }
        }
        // Governorates the report names as such ("Idlib province"): their bare name ("in Idlib") means them.
        for a in analyses {
            for name in a.names {
                let (range, m) = (name.range, name.match)
                let nounAfter = range.upperBound < a.tokens.count ? a.has(.placeNoun, at: range.upperBound)?.value
                    : nil
                // "Idlib, the northwestern province that …": an apposition names what the place is.
                let appositionNoun = a.appositionNoun(after: range)
                let onlyRegion = m.candidates.count == 1 && m.candidates[0].kind == .governorate
                guard m.cue == "governorate" || nounAfter == "governorate" || appositionNoun == "governorate" || onlyRegion
                else { continue }
                for g in m.candidates where g.kind == .governorate { explicitRegions.insert(g.id) }
            }
        }
        area = ReportArea(analyses: analyses, home: home)
        paragraph = ReportRun.paragraphs(of: analyses.map(\.sentence), in: scalars)
        // Each sentence's names are resolved with the places named before them as context; anaphors, read later,
        // start again from the report's start.
        for a in analyses {
            let m = namedPlaces(a)
            named.append(m)
            remember(m)
        }
        recent = []
        mainProvince = findMainProvince()
        for k in analyses.indices { readSentence(k) }
        placeBackReferences()
        applyTollLists()
        dropSummaries()
        noteUnlocated()
    }

    /// A happening placed by referring back to one the report first told only at the province level ("a post in
    /// northern Syria was shelled … Turkish forces retaliated") takes the place the report gives that happening
    /// later ("the shells struck the post near Morek"): the one town-level event of its sub-type on overlapping
    /// days, into which merging folds the province-level telling.
    mutating func placeBackReferences() {
        for (id, referent) in placedByReference.sorted(by: { $0.key < $1.key }) {
            guard let ref = events.first(where: { $0.id == referent }), ref.geoPrecision == 3,
                  let k = events.firstIndex(where: { $0.id == id }) else { continue }
            let told = events.filter { e in
                e.id != id && e.id != referent && e.geoPrecision < 3 && e.unresolvedPlace == nil
                    && e.category == ref.category && ReportRun.overlaps(e, ref)
            }
            guard let later = told.first, told.allSatisfy({ $0.placeID == later.placeID && $0.direction == later.direction })
            else { continue }
            events[k].place = later.place; events[k].placeID = later.placeID; events[k].coordinate = later.coordinate
            events[k].geoPrecision = later.geoPrecision; events[k].direction = later.direction
            events[k].country = later.country; events[k].admin1 = later.admin1
            events[k].admin2 = later.admin2; events[k].admin3 = later.admin3
            explanations[id]?.append("place: \(referent) is told at \(later.place) later (\(later.id)) → \(later.place) "
                                     + "(precision \(later.geoPrecision))")
        }
    }

    /// A happening the first paragraph tells without a place ("fifteen civilians died in air strikes", put in the
    /// report's province) that the report also tells at a town (the same sub-type, on overlapping days) is the
    /// lead's summary of it: left out. So is one the lead tells only at the province level ("five villages at the
    /// edge of Idlib fell") when the towns lie outside that province (at the edge of it): merging cannot fold it
    /// into them, and its sentence joins their sources; within the province merging folds it, keeping its
    /// actors. A headline's happening is left out when the body tells one of its kind; its sentence joins the
    /// sources of the body's happenings of that kind at the same place.
    mutating func dropSummaries() {
        let firstParagraph = Set(analyses.indices.filter { paragraph[$0] == 0 }.map { analyses[$0].sentence.start })
        let inLead = events.filter { firstParagraph.contains($0.sources[0].charStart) }
        let lead = Set(inLead.filter { provinceOnly.contains($0.id) }.map(\.id))
        let regional = inLead.filter { !provinceOnly.contains($0.id) && $0.geoPrecision == 3 && $0.unresolvedPlace == nil }
        let placed = events.filter { !lead.contains($0.id) && !provinceOnly.contains($0.id) && $0.geoPrecision < 3 }
        events.removeAll { e in
            lead.contains(e.id) && placed.contains { p in p.category == e.category && ReportRun.overlaps(p, e) }
        }
        for r in regional {
            let told = placed.filter { $0.category == r.category && ReportRun.overlaps($0, r) }
            guard !told.isEmpty, !told.contains(where: { $0.admin1 == r.admin1 }), r.fatalities == nil else { continue }
            events.removeAll { $0.id == r.id }
            for k in events.indices where told.contains(where: { $0.id == events[k].id }) {
                events[k].sources = (events[k].sources + r.sources).sorted { $0.charStart < $1.charStart }
            }
        }
        // A headline sums up what the body tells: its happening is left out when the body tells one of its kind.
        let headlines = Set(analyses.indices.filter { isHeadline($0) }.map { analyses[$0].sentence.start })
        guard !headlines.isEmpty else { return }
        let body = events.filter { !headlines.contains($0.sources[0].charStart) }
        let summed = events.filter { e in
            headlines.contains(e.sources[0].charStart) && body.contains { $0.category.mergeFamily == e.category.mergeFamily }
        }
        events.removeAll { e in summed.contains { $0.id == e.id } }
        // The headline is a telling of the body's happenings at the places it names: it joins their sources.
        for h in summed {
            for k in events.indices where events[k].placeID == h.placeID && events[k].unresolvedPlace == h.unresolvedPlace
                && events[k].category.mergeFamily == h.category.mergeFamily {
                events[k].sources = (h.sources + events[k].sources).sorted { $0.charStart < $1.charStart }
            }
        }
    }

    /// True when sentence `k` is a headline: the only sentence of the report's first paragraph, with no full stop,
    /// question or exclamation mark at its end ("Army takes four more towns in the south").
    func isHeadline(_ k: Int) -> Bool {
        // The first paragraph is the first sentence's (blank lines may come before it).
        guard let first = paragraph.first, paragraph[k] == first,
              !analyses.indices.contains(where: { $0 != k && paragraph[$0] == first }) else { return false }
        let end = analyses[k].sentence.text.unicodeScalars.last { !"\"'\u{201D}\u{2019})".unicodeScalars.contains($0) }
        return end.map { !".!?".unicodeScalars.contains($0) } ?? false
    }

    static func overlaps(_ a: Event, _ b: Event) -> Bool {
        guard let s1 = a.start, let e1 = a.end, let s2 = b.start, let e2 = b.end else { return false }
        return s1 <= e2 && s2 <= e1
    }

    /// A report that tells happenings but names no place for them in its text (its places are only its
    /// dateline's, or descriptions) yields no located events, and says so.
    mutating func noteUnlocated() {
        guard events.isEmpty, analyses.contains(where: { !$0.triggers.isEmpty }) else { return }
        let filed = report.dateline.map { " (filed from \($0.city), which is no event place)" } ?? ""
        warnings.append("\(report.name): no located events: the report tells happenings but names no place where "
                        + "they happened\(filed)")
    }
}

/// The hints of unknown names, shared by the copies of an extractor (reports may be read on several threads).
final class HintCache: @unchecked Sendable {
    private let lock = NSLock()
    private var hints: [String: String] = [:]

    /// The hint of `name`, made by `make` the first time it is asked for.
    func hint(for name: String, make: () -> String) -> String {
        lock.lock()
        if let h = hints[name] { lock.unlock(); return h }
        lock.unlock()
        let h = make()
        lock.lock(); hints[name] = h; lock.unlock()
        return h
    }
}
