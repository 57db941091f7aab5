import EventModel
import Places

/// Why a place named in a sentence is no place of a happening, though the sentence tells one: it names or ends
/// a road, it is where a movement goes or where people fled to, where fire came from, where a statement was
/// made, where someone is based, or a capital or country standing for its government. Such places stay out of
/// the event layer (they remain descriptions).
///
/// Rules, each on the tokens around the name (`place_role` cues of `cues.tsv`):
/// - **road**: a road word right after the name, past other names joined to it ("the Hama-Aleppo highway", "the
///   A – B Highway"); or before it, past "between"/"linking"/"from" and the other end ("the M5 highway between
///   A and B", "the road linking A with B", "cut the supply line between A and B");
/// - **destination**: right after "toward", "in the direction of", "moving on" (past "the", "town of", …);
/// - **retreat**: after "to", "toward", "into" or "in and around" that follows a retreat word ("fled to A",
///   "withdrew to the mountains of A"), with no other happening between;
/// - **origin**: after "from" with a word of fire before it in the clause ("fire came from the A region");
/// - **speech**: after "from" or "in" with a word of speech before it and no happening between ("speaking to
///   a channel from A", "said in A");
/// - **based**: "based in A", "A-based";
/// - **sector**: a sector word right after the name, past other names joined to it ("on the A front", "in the
///   A and B directions");
/// - **metonym**: a capital or country that the actor lexicon names as a side ("Ankara fears", "blamed on
///   Damascus"), unless a locative word stands before it ("in Damascus").
enum PlaceRoles {
    /// Words skipped between a cue and the name ("toward the town of A").
    static let fillers: Set<String> = ["the", "a", "town", "towns", "city", "village", "villages", "settlement", "of",
                                       "area", "areas", "region", "mountains", "mountain", "province", "governorate",
                                       "several", "places", "place", "positions", "district"]
    /// Words between a road word and its ends ("between", "linking", …) and between the ends ("and", "with", "to").
    static let roadLinks: Set<String> = ["between", "linking", "links", "link", "connecting", "connects", "joining",
                                         "joins", "from"]
    static let roadJoints: Set<String> = ["and", "with", "to", "--", "the", "city", "town", "of"]
    /// Tokens joining names that share one road or sector word after them.
    static let nameJoints: Set<String> = ["--", ",", "and"]
    /// Prepositions after which a place is where people went.
    static let goingTo: Set<String> = ["to", "toward", "towards", "into", "for", "around", "and", "in", "near"]
    /// Prepositions before a statement's place.
    static let speechPrepositions: Set<String> = ["from", "in", "at"]

    /// The reason the place at tokens `r` of `a` is no event place, or nil when it may be one.
    static func reason(_ a: SentenceAnalysis, _ r: Range<Int>) -> String? {
        if let why = road(a, r) { return why }
        let before = skipBack(a, from: r.lowerBound - 1)
        if before >= 0, let why = afterCue(a, r, before: before) { return why }
        if r.upperBound < a.tokens.count, a.role(at: r.upperBound) == .based { return "'\(a.original(r))-based': a description" }
        if metonym(a, r, before: before) { return "'\(a.original(r))' names a government, not a place" }
        return nil
    }

    /// The token before `i`, past fillers (at most four).
    static func skipBack(_ a: SentenceAnalysis, from i: Int) -> Int {
        var j = i, steps = 0
        while j >= 0, steps < 4, fillers.contains(a.tokens[j].text), a.role(endingAt: j) == nil { j -= 1; steps += 1 }
        return j
    }

    /// Rules keyed on the word before the name: destination, retreat, origin, speech, based.
    static func afterCue(_ a: SentenceAnalysis, _ r: Range<Int>, before j: Int) -> String? {
        let name = a.original(r)
        if a.role(endingAt: j) == .destination { return "'\(name)' is where a movement goes" }
        let word = a.tokens[j].text
        if word == "in", j > 0, a.role(endingAt: j - 1) == .based { return "'based in \(name)': a description" }
        if goingTo.contains(word), retreatBefore(a, j) { return "'\(name)' is where they fled or withdrew to" }
        if word == "from", wordBefore(a, j, within: 8, role: .origin) { return "'\(name)' is where the fire came from" }
        if speechPrepositions.contains(word), wordBefore(a, j, within: 8, role: .speech) {
            return "'\(name)' is where a statement was made"
        }
        return nil
    }

    /// A retreat word before token `j`, over prepositions, other names and commas, with no other happening.
    static func retreatBefore(_ a: SentenceAnalysis, _ j: Int) -> Bool {
        var k = j
        var steps = 0
        while k >= 0, steps < 14 {
            if a.role(endingAt: k) == .retreat { return true }
            let t = a.tokens[k].text
            if t == ";" || t == "." { return false }
            if a.triggers.contains(where: { $0.range.contains(k) }) { return false }
            k -= 1; steps += 1
        }
        return false
    }

    /// A cue of `role` ending within `n` tokens before `j`, with no trigger between.
    static func wordBefore(_ a: SentenceAnalysis, _ j: Int, within n: Int, role: PlaceRoleCue) -> Bool {
        var k = j - 1
        while k >= max(0, j - n) {
            if a.role(endingAt: k) == role { return true }
            if a.tokens[k].text == ";" { return false }
            if a.triggers.contains(where: { $0.range.contains(k) }) { return false }
            k -= 1
        }
        return false
    }

    /// The road rule, after and before the name.
    static func road(_ a: SentenceAnalysis, _ r: Range<Int>) -> String? {
        switch roleAfter(a, r) {
        case .road?: return "'\(a.original(r))' names a road"
        case .sector?: return "'\(a.original(r))' names a sector of the front"
        default: break
        }
        var k = r.lowerBound - 1, linked = false
        while k >= max(0, r.lowerBound - 10) {
            if a.role(endingAt: k) == .road { return linked ? "'\(a.original(r))' ends a road" : nil }
            let t = a.tokens[k].text
            if roadLinks.contains(t) { linked = true; k -= 1; continue }
            if roadJoints.contains(t) { k -= 1; continue }
            if let n = a.names.first(where: { $0.range.contains(k) }) { k = n.range.lowerBound - 1; continue }
            if let m = a.names.first(where: { $0.range.upperBound == k + 1 }) { k = m.range.lowerBound - 1; continue }
            return nil
        }
        return nil
    }

    /// The road or sector word right after the name, past other names joined to it by "--", "," or "and"
    /// ("the Hama-Aleppo highway", "the A, B and C fronts"); a joint must lead to another name.
    static func roleAfter(_ a: SentenceAnalysis, _ r: Range<Int>) -> PlaceRoleCue? {
        var j = r.upperBound, names = 0
        while j < a.tokens.count, names < 4 {
            if let role = a.role(at: j), role == .road || role == .sector { return role }
            var k = j
            while k < a.tokens.count, nameJoints.contains(a.tokens[k].text) { k += 1 }
            guard let next = a.names.first(where: { $0.range.lowerBound == k }) else { return nil }
            j = next.range.upperBound; names += 1
        }
        return nil
    }

    /// A capital or country named as a side: an actor phrase covering exactly the name, with no locative word
    /// before it.
    static func metonym(_ a: SentenceAnalysis, _ r: Range<Int>, before j: Int) -> Bool {
        guard a.actors.contains(where: { $0.range == r && $0.entry.actor != nil }) else { return false }
        if a.tokens[r.lowerBound].possessive { return false }
        guard j >= 0 else { return true }
        return !a.cues.contains { $0.range.upperBound == j + 1
            && ($0.entry.kind == .locative || $0.entry.kind == .near || $0.entry.kind == .direction) }
    }
}

extension SentenceAnalysis {
    /// The `place_role` cue starting at token `i`, if any.
    func role(at i: Int) -> PlaceRoleCue? {
        guard let e = has(.placeRole, at: i) else { return nil }
        return PlaceRoleCue(rawValue: e.value)
    }

    /// The `place_role` cue ending at token `i` (its last word), if any.
    func role(endingAt i: Int) -> PlaceRoleCue? {
        guard i >= 0 else { return nil }
        for c in cues where c.entry.kind == .placeRole && c.range.upperBound == i + 1 {
            if let v = PlaceRoleCue(rawValue: c.entry.value) { return v }
        }
        return nil
    }
}
