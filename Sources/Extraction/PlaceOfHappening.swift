import EventModel
import GeoModel
import Places

/// Where one event of a clause goes.
struct Target {
    var place: Place
    var precision: Int
    var direction: String? = nil
    /// The unknown name the event stands for (its `unresolved_place`).
    var unresolved: String? = nil
    /// The rule that placed it (for `--explain`).
    var rule: String
    /// True when the clause named no place and the event went to the report's province.
    var inProvinceOnly = false
    /// The id of the happening told before whose place this is ("in retaliation": the attack's), when it is.
    var referent: String? = nil
    /// One event per place, direction and unknown name.
    var key: String { place.id + "|" + (direction ?? "") + "|" + (unresolved ?? "") }
}

/// The places of a happening: one target per event, and the clause's place mentions they came from.
struct HappeningPlaces {
    var targets: [Target]
    var mentions: [PlaceMention]
}

/// Where a happening took place:
/// - the clause's own places (a relative clause without one: the place its main clause names last; a clause
///   without one: the places of the relative clauses that describe it, "…, which spans across X");
/// - a place right after another with only a description between ("the village of X, near Y", "X, beside the
///   M4") only locates the first: it is no place of its own;
/// - an unknown name goes near a town the clause relates it to, else beside the place named before it
///   ("the neighbouring village of X"), else to the clause's or the report's province (`fallback`);
/// - without any place: the place of the happening a back reference refers to, else the report's province when
///   the clause has a date or a toll of its own, else none (left out with a warning);
/// - a governorate beside a town inside it adds nothing; one event per place, direction and unknown name.
extension ReportRun {
    /// The places of clause `ci`, or nil when the report makes none clear (a warning says so).
    mutating func placesOfHappening(clause ci: Int, of readings: [ClauseReading], sentence k: Int,
                                    reference: Event?) -> HappeningPlaces? {
        let a = analyses[k]
        let r = readings[ci]
        var candidates = r.places.filter(\.local)
        if candidates.isEmpty, let main = r.clause.continues {
            candidates = readings[main].places.filter(\.local)
        }
        if candidates.isEmpty, let d = r.described { candidates = [d] }
        if candidates.isEmpty, r.clause.kind == .relative, let p = r.clause.parent {
            candidates = readings[p].places.filter { $0.local && $0.form == .named }.suffix(1)
        }
        if candidates.isEmpty {
            for cj in readings.indices where cj > ci && describes(readings[cj].clause, ci) && readings[cj].trigger == nil {
                candidates += readings[cj].places.filter { $0.local && $0.form == .named }
            }
        }
        // A town, an air base or a post the text puts something by ("west of Abu Duhur airbase").
        let isAnchor: (PlaceMention) -> Bool = { $0.form == .named && $0.near && !$0.byFeature && $0.local
            && $0.place.map { !$0.kind.isArea } == true }
        let own = candidates.first(where: isAnchor)
        let inSentence = own ?? readings.flatMap(\.places).first(where: isAnchor)
        let anchor = inSentence ?? paragraphAnchor(sentence: k)
        // A known village is taken for a namesake only against a town this sentence, or the next one speaking of
        // the places just named ("They are close to X"), puts it by.
        let nextSpeaks = k + 1 < analyses.count && refersBack(analyses[k + 1])
        if let judge = inSentence ?? (nextSpeaks ? anchor : nil) {
            // In a list of places ("the villages of A, B and C") a town is judged too.
            let list = candidates.filter { $0.form == .named || $0.form == .unresolved }.count >= 3
            candidates = candidates.map { $0.form == .named && isFar($0, from: judge, inList: list) ? asUnknown($0, far: judge) : $0 }
        }
        candidates = dropLocators(candidates, in: a)
        var targets: [Target] = []
        for m in candidates {
            switch m.form {
            case .named, .anaphor:
                if let p = m.place { targets.append(Target(place: p, precision: m.precision, direction: m.direction, rule: m.rule)) }
                else if let prov = mainProvince { targets.append(Target(place: prov, precision: 3, rule: m.rule)) }
            case .unnamed:
                if let prov = mainProvince { targets.append(Target(place: prov, precision: 3, rule: m.rule)) }
            case .unresolved:
                if let t = fallback(for: m, in: candidates, nearTown: anchor, sentence: k) { targets.append(t) }
                else { warnings.append("\(report.name): unknown place '\(m.text)'\(hint(m.text)); no town or province "
                                       + "the report makes clear: the happening was left out") }
            }
        }
        if targets.isEmpty, let ref = reference, let id = ref.placeID, let p = extractor.gazetteer.place(id: id) {
            targets.append(Target(place: p, precision: ref.geoPrecision, direction: ref.direction, unresolved: ref.unresolvedPlace,
                                  rule: "refers back → the place of \(ref.id)", referent: ref.id))
        }
        if targets.isEmpty, let prov = mainProvince, tellsItsOwn(r) {
            targets.append(Target(place: prov, precision: 3, rule: "no place in the clause, but a date or a toll of its own "
                                   + "→ the report's province \(prov.name)", inProvinceOnly: true))
        }
        if targets.isEmpty {
            warnings.append("\(report.name): a happening with no place the report makes clear was left out: \(a.sentence.text)")
            return nil
        }
        // "East of X the troops took A and B": X only locates the villages put near it.
        if let own, targets.contains(where: { $0.unresolved != nil && $0.place.id == own.place?.id }) {
            targets.removeAll { $0.unresolved == nil && $0.place.id == own.place?.id && $0.direction == own.direction }
        }
        targets = distinctTargets(targets)
        // The warning says where the event of an unknown place of this clause went (with or without --explain).
        for t in targets {
            guard let name = t.unresolved, candidates.contains(where: { $0.form == .unresolved && $0.text == name }) else { continue }
            warnings.append("\(report.name): unknown place '\(name)'\(hint(name)); event placed "
                            + (t.precision == 2 ? "near \(t.place.name)" : "in \(t.place.name)") + " (precision \(t.precision))")
        }
        return HappeningPlaces(targets: targets, mentions: candidates)
    }

    /// True when a clause without a place still tells a happening of its own, to be placed in the report's
    /// province (ACLED's region-level row): it has a date cue of its own or a death toll.
    func tellsItsOwn(_ r: ClauseReading) -> Bool {
        if r.fatalities != nil || r.displaced != nil { return true }
        if case .dated? = r.date { return true }
        return false
    }

    /// The mentions without those that only locate the place before them: right after another place, with
    /// only a description between ("X, near Y", "X, beside the M4 a few kilometres west of the town").
    func dropLocators(_ candidates: [PlaceMention], in a: SentenceAnalysis) -> [PlaceMention] {
        var kept: [PlaceMention] = []
        for (k, m) in candidates.enumerated() {
            if m.near, k > 0 {
                let between = candidates[k - 1].range.upperBound..<m.range.lowerBound
                let plain = between.allSatisfy { t in a.tokens[t].text != "and" && a.tokens[t].text != ";"
                    && !a.triggers.contains { $0.range.contains(t) } }
                if between.count <= 10, plain, between.contains(where: { a.tokens[$0].text == "," }) || between.count <= 3 { continue }
            }
            kept.append(m)
        }
        return kept
    }

    /// One target per place, direction and unknown name; a governorate beside a town inside it adds nothing
    /// (unless it stands for an unknown place).
    func distinctTargets(_ targets: [Target]) -> [Target] {
        let precise = targets.filter { $0.precision < 3 || !$0.place.kind.isArea }
        let kept = targets.filter { t in
            t.unresolved != nil || !(t.place.kind == .governorate
                && precise.contains { $0.place.admin1 == t.place.admin1 && $0.place.id != t.place.id })
        }
        var seen = Set<String>()
        return kept.filter { seen.insert($0.key).inserted }
    }
}
