import EventModel
import GeoModel
import Places

/// Place mentions: names the gazetteer resolves, anaphors ("the village"), unnamed places ("a key highway
/// town") and unknown names, with their precision and direction.
extension ReportRun {
    /// The gazetteer names of a sentence, resolved; names the gazetteer lacks (two known names side by side, a
    /// village far from the report's area) read as a place of the area spelled nearly alike when one fits
    /// (`NearSpelling`).
    mutating func namedPlaces(_ a: SentenceAnalysis) -> [PlaceMention] {
        var out: [PlaceMention] = []
        let joined = a.joinedNames()
        // Two names side by side right before a report verb are a person ("Hassan Omar said"), not a place.
        for j in joined.spans where !ReportRun.isSpeaker(a, j)
            && !(j.upperBound < a.tokens.count && a.has(.reportVerb, at: j.upperBound) != nil) {
            let name = a.original(j)
            let (near, direction) = relativePosition(a, before: j.lowerBound)
            out.append(PlaceMention(range: j, form: .unresolved, text: name, place: nil, precision: 3, direction: direction,
                                    local: PlaceRoles.reason(a, j) == nil, near: near,
                                    rule: noted("unknown name '\(name)' (its words name different places)")))
        }
        for name in a.names where !name.match.candidates.isEmpty && !joined.members.contains(name.range.lowerBound) {
            let range = name.range
            // A word the lexicon says is never a place (`not_place`: demonyms, "Kremlin") is none, whatever it
            // folds like; the matcher already leaves out short and common words and demonyms it knows.
            if range.count == 1, a.has(.notPlace, at: range.lowerBound) != nil { continue }
            // A name inside a longer actor phrase names an organisation ("Hay'at Tahrir al-Sham"), not a place.
            if a.actors.contains(where: { $0.range.count > range.count && $0.range.lowerBound <= range.lowerBound
                && $0.range.upperBound >= range.upperBound }) { continue }
            // "the Siverskyi Donets river": a river's name, not the village of that name.
            if range.upperBound < a.tokens.count, a.tokens[range.upperBound].text == "river" { continue }
            // "said Rasheed al-Ahmed, a pharmacist": a name right after a report verb is the speaker, not a place.
            if ReportRun.isSpeaker(a, range) { continue }
            if let mention = mention(of: name, in: a) { out.append(mention) }
        }
        return spelledNearly(out, in: a)
    }

    /// `mentions` with each unknown name read as the place of the report's area spelled nearly like it, where one
    /// fits (`NearSpelling`).
    mutating func spelledNearly(_ mentions: [PlaceMention], in a: SentenceAnalysis) -> [PlaceMention] {
        var out = mentions
        for k in out.indices where out[k].form == .unresolved {
            if let m = nearSpelling(out[k], in: a) { out[k] = m }
        }
        return out
    }

    /// True when the name at `range` opens the name of who spoke, right after a report verb: "said Rasheed
    /// al-Ahmed, a pharmacist", "…, said Ahmed." (the name's capitalised words end the sentence or are followed by
    /// an apposition). "said Saraqeb had fallen" goes on with a verb: there the name is a place.
    static func isSpeaker(_ a: SentenceAnalysis, _ range: Range<Int>) -> Bool {
        guard range.lowerBound > 0, a.has(.reportVerb, at: range.lowerBound - 1) != nil else { return false }
        var e = range.upperBound
        while e < a.tokens.count, a.tokens[e].capitalised || ReportRun.articles.contains(a.tokens[e].text) { e += 1 }
        if e == a.tokens.count { return true }
        guard a.tokens[e].text == ",", e + 1 < a.tokens.count else { return false }
        return ["a", "an", "the", "who"].contains(a.tokens[e + 1].text)
    }

    /// The mention of gazetteer name `name`: resolved with the sentence's cue words and the report's places, a
    /// feature named after a place ("Hawash hill": Tell Hawash), a relative position, and the roles that make
    /// it no event place. A village far from the report's area (`ReportArea.isOutlier`) is another of its name,
    /// unknown; nil for a small place abroad that the report does not mean (`Gazetteer.reportPlace`: left to the
    /// unknown names).
    mutating func mention(of name: NameSpan, in a: SentenceAnalysis) -> PlaceMention? {
        let (range, m) = (name.range, name.match)
        var rule = noted("name '\(m.text)'")
        let nounAfter = range.upperBound < a.tokens.count ? a.has(.placeNoun, at: range.upperBound)?.value : nil
        let wantsRegion = m.cue == "governorate" || (m.cue == nil && nounAfter == "governorate")
        var place = resolvePlace(m, nounAfter: nounAfter, wantsRegion: wantsRegion, in: a, rule: &rule)
        // A small place abroad is not what a report means when its own country has a place of the name, nor
        // (left to the unknown names) a village abroad or a far town the name only folds like.
        guard let own = extractor.gazetteer.reportPlace(place, candidates: m.candidates, written: m.text, home: home,
                                                        nearby: Array(recent.suffix(5))) else { return nil }
        if own.id != place.id {
            rule += noted(" — \(place.name) lies abroad: the home country's \(own.name)")
            place = own
        }
        // An air base near the named village: "a military air base in the village of Taftanaz".
        if place.kind != .airbase, place.kind.isSettlement, mentionsAirBase(a, near: range) {
            if let ab = extractor.gazetteer.places(within: 6000, of: place.coordinate, kinds: [.airbase]).first {
                rule += noted(" + 'air base' → \(ab.place.name) (\(Int(ab.metres / 100) / 10) km away)")
                place = ab.place
            }
        }
        let (near, direction) = relativePosition(a, before: range.lowerBound)
        let inTrigger = range.lowerBound > 0 && a.triggers.contains { $0.range.contains(range.lowerBound - 1) }
        // "the Harran hills", "Hawash hill": a feature by the village, not the village — unless the area has a
        // place named for the feature itself ("Tell Hawash").
        var feature = range.upperBound < a.tokens.count ? a.has(.feature, at: range.upperBound) : nil
        if let f = feature, let own = featurePlace(f, of: m.text) {
            rule += noted(" + '\(f.phrase)' → \(own.name), the \(f.phrase) named after it in the report's area")
            place = own
            feature = nil
        }
        // "the Murak region": the area around a town.
        let regionOfTown = wantsRegion && place.kind.isSettlement
        let isNear = near || (m.cue == "near" && !inTrigger) || (feature != nil && place.kind.isSettlement) || regionOfTown
        var precision = place.kind.geoPrecision
        if isNear, precision < 2 { precision = 2 }
        if isNear { rule += noted(direction.map { " + '\($0) of' → precision 2, direction \($0)" } ?? " + near → precision 2") }
        var local = home.isLocal(place)
        if local, let why = PlaceRoles.reason(a, range) {
            local = false
            rule += noted(" — no event place: \(why)")
        }
        var out = PlaceMention(range: range, form: .named, text: m.text, place: place, precision: precision,
                               direction: direction, local: local, near: isNear, rule: rule,
                               byFeature: feature != nil && !near && m.cue != "near")
        if local, area.isOutlier(place), !ReportArea.isWrittenAs(place, m.text) {
            out.form = .unresolved; out.place = nil; out.precision = 3
            out.rule += noted(" — \(place.name) lies \(Int((area.distance(to: place) ?? 0) / 1000)) km from the report's "
                              + "other places: another village of that name")
        }
        return out
    }

    /// The place a gazetteer name stands for: the governorate when a region cue asks for it (or the report names
    /// it as such), the only candidate, the place the name took earlier in the report, else the resolver's choice
    /// with the sentence's cue words and the report's places as context.
    mutating func resolvePlace(_ m: NameMatch, nounAfter: String?, wantsRegion: Bool, in a: SentenceAnalysis,
                               rule: inout String) -> Place {
        let cityCue = m.cue == "city" || m.cue == "village" || m.cue == "airbase" || nounAfter == "city"
            || nounAfter == "town" || nounAfter == "village"
        if let g = m.candidates.first(where: { $0.kind == .governorate }),
           wantsRegion || (!cityCue && explicitRegions.contains(g.id)) {
            rule += noted(wantsRegion ? " + region cue → the governorate"
                : " (bare name of a governorate the report names as such) → the governorate")
            return g
        }
        if let c = extractor.gazetteer.country(spelledAs: m.text, among: m.candidates) {
            rule += noted(" (written as the country's name) → the country")
            return c
        }
        if m.candidates.count == 1 { return m.candidates[0] }
        if let p = resolved[m.key + "|" + (m.cue ?? "")] ?? resolved[m.key + "|*"] {
            rule += noted(" → \(p.name), as earlier in the report")
            return p
        }
        // The report's area and the places named just before: the nearest candidate wins.
        let context = ResolutionContext(nearby: area.core + Array(recent.suffix(5)), cue: cityCue ? (m.cue ?? nounAfter) : m.cue,
                                        home: home)
        do {
            let r = try extractor.gazetteer.resolve(m.text, context: context)
            var place = r.place
            if let nearer = areaNamesake(among: m.candidates, instead: place) {
                rule += noted(" → \(nearer.name), of its namesakes the one in the report's area, not \(place.name)")
                place = nearer
            } else if let exact = exactNamesake(among: m.candidates, written: m.text, instead: place) {
                rule += noted(" → \(exact.name), of its namesakes the one spelled as written, not \(place.name)")
                place = exact
            }
            noteWeak(m, to: place, context: context, sentence: a)
            resolved[m.key + "|" + (m.cue ?? "")] = place
            // One name, one place in a report, whatever cue word stands beside it later.
            if resolved[m.key + "|*"] == nil { resolved[m.key + "|*"] = place }
            rule += noted(" → \(place.name) (of \(m.candidates.count) candidates)")
            return place
        } catch {
            // The matcher found the name, so the resolver should too; if it cannot, say so and keep the
            // gazetteer's first place of that name.
            warnings.append("\(report.name): '\(m.text)' could not be resolved (\(error)); took \(m.candidates[0].name) (\(m.candidates[0].id))")
            rule += noted(" → \(m.candidates[0].name): the resolver failed, the first candidate")
            return m.candidates[0]
        }
    }

    /// `text` when explanations are kept, else "" (rule texts cost time and are read only by `--explain`).
    func noted(_ text: @autoclosure () -> String) -> String { extractor.explains ? text() : "" }

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
    static let settlementNouns: Set<String> = ["village", "villages", "town", "towns", "city", "cities", "hamlet", "hamlets",
                                               "settlement", "settlements", "area", "areas", "outskirts", "vicinity"]
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
        return extractor.governorates[home.country]?[best]
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
                    let comma = i - back - 1
                    if comma > 0, a.tokens[comma].text == ",",
                       let head = named.last(where: { $0.range.upperBound == comma }), let p = head.place, head.local {
                        // "X, a town the army had captured …": the apposition is X itself.
                        out.append(PlaceMention(range: (i - back)..<(i + len), form: .anaphor, text: a.original((i - back)..<(i + len)),
                                                place: p, precision: p.kind.geoPrecision, direction: nil, local: true, near: false,
                                                rule: noted("'\(a.original((i - back)..<(i + len)))' describes \(p.name) named before it")))
                    } else if !(i - back + 1..<i).contains(where: { covered[$0] || a.tokens[$0].isPunctuation }) {
                        out.append(PlaceMention(range: (i - back)..<(i + len), form: .unnamed, text: a.original((i - back)..<(i + len)),
                                                place: nil, precision: 3, direction: nil,
                                                local: PlaceRoles.reason(a, (i - back)..<(i + len)) == nil, near: false,
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
            } else if ReportRun.placePrepositions.contains(t), a.standsAlone(i) {
                start = i + 1
                // "in nearby X", "in neighbouring X": X lies by the happening told before it.
                if i + 1 < a.tokens.count, a.has(.neighbour, at: i + 1) != nil || a.tokens[i + 1].text == "nearby" { start = i + 2 }
            }
            // "the troops took A, B and C": a list of names right after a change of control; "the army shelled
            // A and B": right after a verb of attack (a past form, so that a noun's "strikes Russia made" is not one).
            if start == nil, i + 1 < a.tokens.count,
               a.triggers.contains(where: { $0.range.upperBound == i + 1 && takesPlaceObject($0, a) }),
               a.tokens[i + 1].capitalised || ReportRun.articles.contains(a.tokens[i + 1].text) {
                start = i + 1
            }
            guard var s = start else { i += 1; continue }
            let list = start != i + 1 || !ReportRun.placePrepositions.contains(t)
            // "the neighbouring village(s) of X": X lies by the place named before it.
            let neighbour = (start == i + 2 && i > 0 && a.has(.neighbour, at: i - 1) != nil)
                || (start == i + 2 && ReportRun.placePrepositions.contains(t))
            while s < a.tokens.count {
                var e = s
                // "al-Dab'a": a name may open with the article, joined to a capitalised word.
                let opensWithArticle = ReportRun.articles.contains(a.tokens[s].text) && s + 1 < a.tokens.count
                    && a.tokens[s + 1].capitalised
                while e < a.tokens.count, a.tokens[e].capitalised || ((e > s || opensWithArticle) && ReportRun.articles.contains(a.tokens[e].text)),
                      !covered[e], !a.tokens[e].isPunctuation, isPlainWord(a, e) { e += 1 }
                // "Jub Suleiman": an unknown word right before a known name makes one unknown name with it.
                if e > s, e < a.tokens.count, covered[e], a.onlySpace(between: e - 1, and: e),
                   let known = named.first(where: { $0.range.lowerBound == e }) { e = known.range.upperBound }
                if e > s + (opensWithArticle ? 1 : 0), a.tokens[s].capitalised || opensWithArticle, !covered[s] {
                    let name = a.original(s..<e)
                    let (near, direction) = relativePosition(a, before: s)
                    out.append(PlaceMention(range: s..<e, form: .unresolved, text: name, place: nil, precision: 3,
                                            direction: direction, local: PlaceRoles.reason(a, s..<e) == nil, near: near,
                                            rule: noted("unknown name '\(name)' after '\(t)'"), neighbour: neighbour))
                }
                // Next item of "the villages of A, B and C" (after a preposition, "in A and B"); an item after "and"
                // only when the clause goes on as a place's would, so that "A and Mohammed Ali said" adds no place.
                var n = max(e, s + 1)
                while n < a.tokens.count, covered[n] { n += 1 }
                guard n < a.tokens.count, a.tokens[n].text == "," || a.tokens[n].text == "and" else { break }
                n += 1
                if n < a.tokens.count, a.tokens[n].text == "and" { n += 1 }
                guard a.tokens[n - 1].text != "and" || endsLikeAPlace(a, from: n),
                      list || a.tokens[n - 1].text == "and" else { break }
                s = n
            }
            i += 1
        }
        return out
    }

    /// True when the capitalised words from token `s` (at most four) end the sentence or are followed by
    /// punctuation or a word that goes on after a place ("on Monday", "near X"), not by a verb ("said").
    func endsLikeAPlace(_ a: SentenceAnalysis, from s: Int) -> Bool {
        var e = s
        while e < a.tokens.count, e - s < 5, a.tokens[e].capitalised || ReportRun.articles.contains(a.tokens[e].text) { e += 1 }
        guard e > s, e - s <= 4 else { return false }
        return e == a.tokens.count || a.tokens[e].isPunctuation || ReportRun.afterAPlace.contains(a.tokens[e].text)
    }

    /// Words that follow a place's name in a clause: prepositions, conjunctions, times.
    static let afterAPlace: Set<String> = ["on", "in", "at", "near", "after", "before", "during", "since", "from", "to",
                                           "with", "by", "as", "while", "when", "and", "or", "last", "this", "early",
                                           "late", "yesterday", "today", "overnight", "earlier", "for", "under", "amid"]

    /// True when the trigger's place follows it as its object: a change of control ("took A"), or an attack told
    /// by a past verb ("shelled A", "struck A"; not the noun "strikes").
    func takesPlaceObject(_ t: PhraseMatch<TriggerEntry>, _ a: SentenceAnalysis) -> Bool {
        if t.entry.rule == .territory { return true }
        guard t.entry.rule == .attack || t.entry.category.type == .explosions else { return false }
        let w = a.tokens[t.range.upperBound - 1].text
        guard w.hasSuffix("ed") || Lemmas.irregular[w] != nil else { return false }
        return Lemmas.stems(w).contains { ReportRun.verbsOfAttackOnPlaces.contains($0) }
    }

    /// Verbs of attack whose object is where the attack fell ("shelled A"); "killed" and "wounded" take people.
    static let verbsOfAttackOnPlaces: Set<String> = ["shell", "bomb", "bombard", "strike", "hit", "pound", "target",
                                                    "raid", "storm", "attack", "assault", "blast", "rocket", "besiege"]

    /// True when token `i` is not a lexicon word (month, weekday, actor, demonym) that merely starts with a capital.
    func isPlainWord(_ a: SentenceAnalysis, _ i: Int) -> Bool {
        // A demonym ("in Sudanese capital") or a word the lexicon says is never a place is no place's name.
        if let cues = a.cueAt[i], cues.contains(where: { [.weekday, .month, .relative, .notPlace].contains($0.kind) }) { return false }
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

    /// Where the event of an unknown name goes: a town named as near it in the clause ("the village of X,
    /// near Y"), else the place named just before it when it is said to neighbour it ("A and the
    /// neighbouring village of X"), both with precision 2; else a governorate named in the clause or the
    /// report's province, precision 3. Nil when the report makes no place clear.
    func fallback(for m: PlaceMention, in candidates: [PlaceMention], nearTown: PlaceMention?, sentence k: Int) -> Target? {
        if m.neighbour, let t = candidates.last(where: { $0.range.upperBound <= m.range.lowerBound && $0.form != .unresolved
                                                          && $0.place?.kind.isSettlement == true }), let p = t.place {
            return Target(place: p, precision: 2, unresolved: m.text,
                          rule: m.rule + " + 'neighbouring' → near \(p.name), the place named before it, precision 2")
        }
        if m.neighbour, let last = events.last, let id = last.placeID, let p = extractor.gazetteer.place(id: id), !p.kind.isArea {
            return Target(place: p, precision: 2, unresolved: m.text,
                          rule: m.rule + " + 'nearby' → near \(p.name), the place of the happening told before, precision 2")
        }
        if let t = nearTown, let p = t.place {
            return Target(place: p, precision: 2, direction: t.direction, unresolved: m.text,
                          rule: m.rule + " → near \(p.name), precision 2")
        }
        if let p = candidates.last(where: { $0.form == .named && $0.local && $0.place?.kind.isSettlement == true })?.place
            ?? paragraphHappeningPlace(sentence: k) {
            return Target(place: p, precision: 2, unresolved: m.text,
                          rule: m.rule + " → near \(p.name), the town of the happening told beside it, precision 2")
        }
        if let prov = sentenceProvince(candidates) ?? mainProvince {
            return Target(place: prov, precision: 3, unresolved: m.text, rule: m.rule + " → \(prov.name), precision 3")
        }
        return nil
    }

    /// " (did you mean 'A', 'B'?)" for an unknown name, or "".
    /// Only with explanations on (`Extractor.explains`, `--explain`): the nearest spellings cost a scan of every
    /// gazetteer key, more than reading the report.
    func hint(_ name: String) -> String {
        guard extractor.explains else { return "" }
        // Spellings of places near the report's area come first; the hint is kept per name and area.
        let near = area.core.first?.coordinate
        return extractor.hints.hint(for: name + "|" + (area.core.first?.id ?? "")) {
            let sugg = extractor.gazetteer.suggestions(for: name, near: near)
            return sugg.isEmpty ? "" : " (did you mean " + sugg.map { "'\($0)'" }.joined(separator: ", ") + "?)"
        }
    }

    /// A governorate named in the same clause.
    func sentenceProvince(_ mentions: [PlaceMention]) -> Place? {
        mentions.first { $0.place?.kind == .governorate }?.place
    }

}
