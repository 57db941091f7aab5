import GeoModel
import EventModel
import Places

/// An actor found in a clause, with its role in the happening.
struct ActorMention {
    enum Role: Int, Comparable {
        case agent = 0, neutral = 1, patient = 2, supporter = 3
        static func < (a: Role, b: Role) -> Bool { a.rawValue < b.rawValue }
    }
    var name: String
    var side: ActorSide
    var airName: String?
    var role: Role
    var position: Int
}

/// A place phrase found in a clause.
struct PlaceMention {
    enum Form { case named, anaphor, unnamed, unresolved }
    var range: Range<Int>
    var form: Form
    /// The name as written.
    var text: String
    /// The resolved place (nil for unnamed phrases and unknown names).
    var place: Place?
    var precision: Int
    var direction: String?
    /// A settlement, site or governorate in Syria (a country, or a place abroad, is never an event place).
    var local: Bool
    /// True when the event is near the place rather than in it ("near", "north of").
    var near: Bool
    var rule: String
    /// An unknown name said to lie by the place named before it ("the neighbouring village of X").
    var neighbour = false
    /// Near only because a feature is named after it ("Hawash hill"): it locates nothing else.
    var byFeature = false
}

/// The reading of one clause: what happened, by whom to whom, where and when (before report-level
/// defaults).
struct ClauseReading {
    var clause: Clause
    var trigger: PhraseMatch<TriggerEntry>?
    /// The happening's type and sub-type (nil without a trigger).
    var category: EventCategory?
    var typeRule = ""
    var masked: Set<Int> = []
    /// Tokens of "to stop …" aims: not even their dates count.
    var purpose: Set<Int> = []
    var support: Set<Int> = []
    var claimed = false
    /// Actor phrases of "according to X" when X is a party: X acted when no one else is named as acting.
    var claimants: [Range<Int>] = []
    var actors: [ActorMention] = []
    var date: DateFinding?
    var backref = false
    var newsTense = false
    var places: [PlaceMention] = []
    /// For a relative clause: the place named right before it, which it describes ("near the town of X, where …"),
    /// even when a mask (an aim, a source) hides it from the clause before.
    var described: PlaceMention?
    var vaguePlace = false
    var fatalities: Int?
    /// Deaths one side says it inflicted ("Ankara said it killed 70"): ACLED keeps them out of `fatalities`.
    var fatalitiesClaimed: Int?
    /// True when the clause is a side's claim of its own deed ("X said it killed …").
    var ownDeedClaim = false
    /// Actor phrases of the source named after the happening (", the coalition said").
    var speakers: [Range<Int>] = []
    var fatalitiesDetail: String?
    var displaced: Int?
    var statementCue = false
    var notes: [String] = []
}

/// The clause rules. Each rule is small and named in `--explain`:
///
/// - **background**: a sentence with a background cue ("is home to", "on opposite sides") tells no happening;
/// - **irrealis**: a clause with a modal ("must", "would", "could") tells no happening;
/// - **purpose**: "to stop …", "in an attempt to …" up to the next comma is an aim, not a happening
///   (its triggers, places and actors are ignored);
/// - **attribution**: "X said (that) …" before a happening and ", X said" after it are the source: X is
///   no actor, unless "X said it …" (X claims the deed: X is the agent and the event is `claimed`);
///   "according to X" is the source too (a claim when X is a party);
/// - **support**: "under the cover of X" names a supporter, listed last, whose triggers do not count;
/// - **reference**: a trigger right after "the"/"this" refers back to a happening already told;
///   a trigger followed by a trend verb ("the attacks intensified") tells no new happening;
/// - **trigger**: the clause's happening is its trigger of the highest priority (leftmost on ties);
///   generic attacks are coded by their means (air → Air/drone strike, artillery → Shelling) and target
///   (only civilians → Attack), changes of control by who took the place;
/// - **actors**: in the order who acted on whom: agents (before the trigger, or after "by"), sides of
///   "between A and B" (the side that lost people first is the one acted on), patients (after the
///   trigger, victims, civilians), supporters; a side named with a preposition inside a phrase about
///   something else is none of them (see `aside`).
struct ClauseRules {
    /// The sentence the clauses belong to.
    let analysis: SentenceAnalysis
    let lexicon: Lexicon
    let reportDate: Day
    /// The day the report named last before this sentence, for "the previous day", "then" (see `DateRules.anchored`).
    var anchor: Day? = nil
    /// When false, rule texts (read only by `--explain`) are left empty.
    var explains = true

    /// `text` when explanations are kept, else "".
    func noted(_ text: @autoclosure () -> String) -> String { explains ? text() : "" }

    static let determiners: Set<String> = ["the", "this", "that", "these", "those"]
    /// Words that end the span of a support cue ("under the cover of X" … "on", "in", ",").
    static let supportStops: Set<String> = ["on", "in", "at", "against", "near", ","]
    /// The word "strike" as a noun or a headline's verb: a remote attack.
    static let strikeNouns: Set<String> = ["strike", "strikes"]

    /// Prepositions before a definite trigger that refers back ("in the fighting").
    static let backrefPrepositions: Set<String> = ["in", "during", "after", "following", "since"]
    /// Auxiliaries and adverbs between victims and a passive kill verb ("were reportedly killed").
    static let passiveFillers: Set<String> = ["were", "was", "have", "has", "had", "been", "be", "reportedly", "also"]
    static let intransitiveKills: Set<String> = ["died", "dead", "lost their lives", "were slain", "slain"]
    static let passiveAuxiliaries: Set<String> = ["were", "was", "been"]
    /// Forms of "be" and "get" before a past participle: the trigger is told in the passive.
    static let passiveBe: Set<String> = ["is", "are", "was", "were", "be", "been", "being", "get", "gets", "got"]
    /// Adverbs that may stand between the auxiliary and the participle ("were reportedly shelled").
    static let voiceAdverbs: Set<String> = ["reportedly", "allegedly", "also", "again", "heavily", "repeatedly",
                                            "deliberately", "later", "then", "first", "briefly", "reported"]
    /// Words of harm before "in" and a happening ("wounded in an attack").
    static let hurtWords: Set<String> = ["wounded", "injured", "hurt", "killed", "maimed", "trapped", "caught"]
    /// Past participles that do not end in "-ed".
    static let irregularParticiples: Set<String> = ["hit", "struck", "shot", "taken", "retaken", "overrun", "held",
                                                    "lost", "won", "caught", "driven", "beaten", "thrown", "blown"]
    /// Words that join the items of a victim list ("and", ", as well as", "including").
    static let listJoints: Set<String> = ["and", ",", "as", "well", "including", "plus"]
    /// Countries and capitals: actors only as subjects of their own (never when used as a place).
    static let countryWords: Set<String> = ["turkey", "ankara", "syria", "damascus", "russia", "moscow"]

    /// The clause's reading, with places left as found (resolution happens at report level): the masks
    /// (aims, sources, supports, modals), the attribution, then the happening's trigger, date, figures, actors
    /// and type.
    func read(_ clause: Clause, backgroundSentence: Bool, places: [PlaceMention]) -> ClauseReading {
        var r = ClauseReading(clause: clause)
        let range = clause.range
        let cues = analysis.cues.filter { range.contains($0.range.lowerBound) }
        r.statementCue = cues.contains { $0.entry.kind == .statement || $0.entry.kind == .reportVerb }
        mask(&r, cues: cues)
        if backgroundSentence {
            r.notes.append("background sentence")
            r.date = DateRules.find(in: range, tokens: analysis.tokens, cues: analysis.cues, reportDate: reportDate, anchor: anchor)
            return r
        }
        let candidates = analysis.triggers.filter { usable($0, in: r) }
        let claimAgents = attribution(&r, cues: cues, candidates: candidates)
        // Places in the clause (not in masked or support spans).
        r.places = places.filter { range.contains($0.range.lowerBound) && !r.masked.contains($0.range.lowerBound)
            && !r.support.contains($0.range.lowerBound) }
        if clause.kind == .relative {
            // Right before it, or before the comma that opens it.
            r.described = places.last { $0.form == .named && $0.local && $0.range.upperBound <= range.lowerBound
                && $0.range.upperBound + 1 >= range.lowerBound }
        }
        let live = candidates.filter { !r.masked.contains($0.range.lowerBound) }
        guard let main = live.max(by: { $0.entry.priority != $1.entry.priority ? $0.entry.priority < $1.entry.priority
                                         : $0.range.lowerBound > $1.range.lowerBound }) else {
            r.date = DateRules.find(in: range, tokens: analysis.tokens, cues: cuesOutside(r.purpose),
                                    reportDate: reportDate, anchor: anchor)
            return r
        }
        r.trigger = main
        readHappening(&r, trigger: main, cues: cues, claimAgents: claimAgents)
        return r
    }

    /// Masks: "to stop …" aims and "according to X" sources up to the next comma, "under the cover of X"
    /// supports, and the stretch of a modal ("must", "would") between commas.
    func mask(_ r: inout ClauseReading, cues: [CueMatch]) {
        let range = r.clause.range
        for c in cues {
            switch c.entry.kind {
            case .purpose, .according:
                var j = c.range.lowerBound
                while j < range.upperBound, analysis.tokens[j].text != "," || j == c.range.lowerBound {
                    r.masked.insert(j)
                    if c.entry.kind == .purpose { r.purpose.insert(j) }
                    j += 1
                }
                if c.entry.kind == .according {
                    let who = analysis.actors.filter { $0.range.lowerBound >= c.range.upperBound && $0.range.upperBound <= j }
                    let parties = who.filter { $0.entry.actor != nil && $0.entry.side != .none && $0.entry.side != .civilian }
                    if !parties.isEmpty {
                        r.claimed = true
                        r.claimants = parties.map(\.range)
                        r.notes.append("claim: according to a party")
                    }
                }
            case .support:
                var j = c.range.lowerBound
                while j < range.upperBound, !(j >= c.range.upperBound && ClauseRules.supportStops.contains(analysis.tokens[j].text)) {
                    r.support.insert(j); j += 1
                }
            default: break
            }
        }
        for c in cues where c.entry.kind == .irrealis && !analysis.tokens[c.range.lowerBound].capitalised {
            var lo = c.range.lowerBound, hi = c.range.upperBound
            while lo > range.lowerBound, analysis.tokens[lo - 1].text != "," { lo -= 1 }
            while hi < range.upperBound, analysis.tokens[hi].text != "," { hi += 1 }
            for j in lo..<hi { r.masked.insert(j) }
            r.notes.append("modal '\(c.text(analysis.tokens))' → its stretch tells no happening")
        }
    }

    /// True when trigger `t` can tell a new happening of the clause: not masked, not after a determiner ("the
    /// attack" refers back), not followed by a trend verb ("the attacks intensified").
    func usable(_ t: PhraseMatch<TriggerEntry>, in r: ClauseReading) -> Bool {
        let i = t.range.lowerBound, range = r.clause.range
        guard range.contains(i), !r.masked.contains(i), !r.support.contains(i) else { return false }
        if analysis.refersBack(t), !ownsObject(t, in: range) { return false }
        let after = t.range.upperBound
        for j in after..<min(after + 4, range.upperBound) where analysis.has(.trend, at: j) != nil { return false }
        // "intensified their bombing", "stepped up attacks": a trend told about happenings, no new one.
        for j in max(range.lowerBound, i - 3)..<i where analysis.has(.trend, at: j) != nil { return false }
        // "able to fight", "the right to hit a base": an infinitive names no happening.
        if i > 0, analysis.tokens[i - 1].text == "to", !analysis.triggers.contains(where: { $0.range.contains(i - 1) }) { return false }
        // "a coalition fighting the Houthis on the government's behalf": a participle right after a side
        // describes that side (a reduced relative clause); it tells a happening only with a date of its own.
        if analysis.tokens[i].text.hasSuffix("ing"), i > 0,
           analysis.actors.contains(where: { $0.range.upperBound == i }) || ClauseRules.armedGroupNouns.contains(analysis.tokens[i - 1].text) {
            guard case .dated? = DateRules.find(in: range, tokens: analysis.tokens, cues: analysis.cues, reportDate: reportDate)
            else { return false }
        }
        return true
    }

    /// True when a trigger after "the" tells a happening of its own rather than referring back: a noun with its
    /// own object or agent ("the capture of X", "the capture by troops of X", "the attack on X"), a fight at a
    /// named place said to go on ("the fighting in X is continuing"), or a participle
    /// before a place noun ("the captured villages").
    func ownsObject(_ t: PhraseMatch<TriggerEntry>, in range: Range<Int>) -> Bool {
        let next = t.range.upperBound
        guard next < range.upperBound else { return false }
        let word = analysis.tokens[next].text
        if ClauseRules.nounObjects.contains(word) || analysis.has(.placeNoun, at: next) != nil || word == "places" { return true }
        // "The fighting in Marinka is continuing": a fight at a place named with it, said to go on, is one of now.
        guard ReportRun.placePrepositions.contains(word), next + 1 < range.upperBound, analysis.tokens[next + 1].capitalised
        else { return false }
        return range.contains { ClauseRules.goingOn.contains(analysis.tokens[$0].text) }
    }

    /// Verbs that say a happening goes on ("continues", "is raging").
    static let goingOn: Set<String> = ["continue", "continues", "continued", "continuing", "rage", "rages", "raged",
                                       "raging", "persist", "persists", "persisted", "persisting", "ongoing"]

    /// Nouns of armed groups that a participle may describe ("a coalition fighting the Houthis").
    static let armedGroupNouns: Set<String> = ["coalition", "alliance", "militia", "militias", "group", "groups", "forces",
                                               "troops", "fighters", "units", "factions", "army", "rebels", "insurgents"]

    /// Words of the day a statement was made, between "said" and what was said ("said on Monday that").
    /// (Weekdays are the lexicon's `weekday` cues.)
    static let dayOfSaying: Set<String> = ["on", "late", "early", "today", "yesterday"]

    /// Words after a trigger noun that give it an object or an agent of its own.
    static let nounObjects: Set<String> = ["of", "by", "on"]

    /// Attribution: "X said (that) <happening>" before it (a claim when followed by "it"/"they": X is then the
    /// agent) and ", X said" after it are masked as the source. Returns the claiming agents' actor ranges.
    func attribution(_ r: inout ClauseReading, cues: [CueMatch], candidates: [PhraseMatch<TriggerEntry>]) -> [Range<Int>] {
        let range = r.clause.range
        var claimAgents: [Range<Int>] = []
        if let verb = cues.first(where: { $0.entry.kind == .reportVerb && !r.masked.contains($0.range.lowerBound) }),
           candidates.contains(where: { $0.range.lowerBound >= verb.range.upperBound }),
           !candidates.contains(where: { $0.range.lowerBound < verb.range.lowerBound }) {
            var end = verb.range.upperBound
            // "said on Monday (that) they had …": the day of the saying stands between.
            var said = end
            while said < range.upperBound, said - end < 3,
                  ClauseRules.dayOfSaying.contains(analysis.tokens[said].text) || analysis.has(.weekday, at: said) != nil { said += 1 }
            if said > end, said < range.upperBound, analysis.tokens[said].text == "that" || analysis.has(.claimPronoun, at: said) != nil {
                end = said
            }
            if end < range.upperBound, analysis.tokens[end].text == "that" { end += 1 }
            if let p = analysis.has(.claimPronoun, at: end) {
                r.claimed = true
                r.ownDeedClaim = true
                claimAgents = analysis.actors.filter { $0.range.lowerBound >= range.lowerBound && $0.range.upperBound <= verb.range.lowerBound }
                    .map(\.range)
                r.notes.append("claim: '\(analysis.original(range.lowerBound..<end)) \(p.phrase)'")
                end += p.wordCount
            }
            for j in range.lowerBound..<end { r.masked.insert(j) }
        }
        if let comma = (range.lowerBound..<range.upperBound).last(where: { analysis.tokens[$0].text == "," }) {
            let tail = (comma + 1)..<range.upperBound
            let hasVerb = cues.contains { tail.contains($0.range.lowerBound) && $0.entry.kind == .reportVerb }
            let hasTrigger = candidates.contains { tail.contains($0.range.lowerBound) }
            if hasVerb, !hasTrigger {
                for j in comma..<range.upperBound { r.masked.insert(j) }
                r.speakers = analysis.actors.filter { tail.contains($0.range.lowerBound) }.map(\.range)
            }
        }
        return claimAgents
    }

    /// The happening of a clause with trigger `main`: its date, back reference and tense, figures, actors
    /// and type.
    func readHappening(_ r: inout ClauseReading, trigger main: PhraseMatch<TriggerEntry>, cues: [CueMatch],
                       claimAgents: [Range<Int>]) {
        let range = r.clause.range
        r.date = DateRules.find(in: range, tokens: analysis.tokens, cues: cuesOutside(r.purpose), reportDate: reportDate, anchor: anchor)
        // "during the attack", "in retaliatory attacks": a back reference; "after the" must be followed by a
        // trigger ("after the clashes"), not by a new subject ("after the regime targeted …").
        let purpose = r.purpose, masked = r.masked
        r.backref = cues.contains { c in
            guard c.entry.kind == .backref, !purpose.contains(c.range.lowerBound) else { return false }
            guard c.entry.phrase.hasSuffix(" the") || c.entry.phrase.hasSuffix(" that") else { return true }
            return analysis.triggers.contains { $0.range.lowerBound == c.range.upperBound }
        } || analysis.triggers.contains { t in
            // "killed in the fighting": a definite trigger after a preposition refers back to a happening told.
            let i = t.range.lowerBound
            return range.contains(i) && i >= 2 && analysis.tokens[i - 1].text == "the"
                && ClauseRules.backrefPrepositions.contains(analysis.tokens[i - 2].text) && !masked.contains(i)
        }
        r.newsTense = cues.contains { $0.entry.kind == .newsTense && !masked.contains($0.range.lowerBound) }

        let victims = fatalities(in: range, r: &r)
        // "X said it killed 70": the claimed toll of the enemy is not a reported death toll.
        if r.ownDeedClaim, let n = r.fatalities {
            r.fatalitiesClaimed = n; r.fatalities = nil
            r.notes.append("claimed toll \(n) → fatalities_claimed")
        }
        if main.entry.category.subType == .displacement { r.displaced = displaced(in: range, trigger: main.range, masked: r.masked) }

        r.actors = actors(in: range, trigger: main.range, r: r, victims: victims, claimAgents: claimAgents)
        if !r.actors.contains(where: { $0.role == .agent }), let agent = demonymAgent(before: main.range) {
            r.actors.insert(agent, at: 0)
            r.notes.append("'\(analysis.original((main.range.lowerBound - 1)..<main.range.upperBound))' → \(agent.name) acted")
        }
        if !r.claimants.isEmpty, !r.actors.contains(where: { $0.role == .agent }) {
            let extra = actors(in: range, trigger: main.range, r: r, victims: victims, claimAgents: r.claimants)
                .filter { $0.role == .agent }
            r.actors = extra + r.actors.filter { m in !extra.contains { $0.name == m.name } }
            if !extra.isEmpty { r.notes.append("claimant '\(extra.map(\.name).joined(separator: ", "))' → the side that acted") }
        }

        // "…, killing 15 rebels, the coalition said": the side that acted tells of its own deed.
        let speakerNames = Set(analysis.actors.filter { r.speakers.contains($0.range) }
            .flatMap { $0.entry.names + [$0.entry.airActor].compactMap { $0 } })
        if !r.ownDeedClaim, let agent = r.actors.first(where: { $0.role == .agent && speakerNames.contains($0.name) }) {
            r.claimed = true; r.ownDeedClaim = true
            r.notes.append("claim: told by '\(agent.name)', the side that acted")
            if let n = r.fatalities {
                r.fatalitiesClaimed = n; r.fatalities = nil
                r.notes.append("claimed toll \(n) → fatalities_claimed")
            }
        }

        (r.category, r.typeRule) = code(main, range: range, r: r)
        if r.actors.isEmpty, let d = main.entry.defaultActor, !d.hasPrefix("@") {
            r.actors = [ActorMention(name: d, side: .civilian, airName: nil, role: .patient, position: main.range.lowerBound)]
        }
        if r.category?.subType == .airStrike {
            for k in r.actors.indices where r.actors[k].role == .agent || r.actors[k].role == .neutral {
                if let air = r.actors[k].airName { r.actors[k].name = air }
            }
        }
    }

    /// The sentence's cues that do not start in `span` (all of them when it is empty).
    func cuesOutside(_ span: Set<Int>) -> [CueMatch] {
        span.isEmpty ? analysis.cues : analysis.cues.filter { !span.contains($0.range.lowerBound) }
    }

    /// The event type of the main trigger after its rule, and the rule's `--explain` text.
    func code(_ t: PhraseMatch<TriggerEntry>, range: Range<Int>, r: ClauseReading) -> (EventCategory, String) {
        let e = t.entry
        let phrase = explains ? analysis.text(t.range) : ""
        switch e.rule {
        case .none:
            return (e.category, noted("trigger '\(phrase)' → \(e.category.type.rawValue) / \(e.category)"))
        case .attack:
            let means = analysis.cues.filter { range.contains($0.range.lowerBound) && $0.entry.kind == .means
                && !r.purpose.contains($0.range.lowerBound) && !r.support.contains($0.range.lowerBound) }
            if let m = means.first(where: { $0.entry.value == "air" }) {
                return (EventCategory(.airStrike), noted("attack '\(phrase)' by air means '\(m.text(analysis.tokens))' → Air/drone strike"))
            }
            if let m = means.first(where: { $0.entry.value == "artillery" }) {
                return (EventCategory(.shelling),
                        noted("attack '\(phrase)' by artillery means '\(m.text(analysis.tokens))' → Shelling/artillery/missile attack"))
            }
            // "the shelling, which …, struck the post": the happening the attack verb's subject refers to is its means.
            if let subject = analysis.triggers.last(where: { $0.range.upperBound <= t.range.lowerBound }),
               subject.entry.category.type == .explosions, analysis.refersBack(subject) {
                return (subject.entry.category, noted("attack '\(phrase)' by '\(analysis.text(subject.range))' told before it → "
                                                      + "\(subject.entry.category)"))
            }
            // "strikes carried out by X", "a strike on A": the word names a remote attack whatever struck; by the air
            // arm of a side that has one, else by artillery or missiles (the verb "struck" stays an attack of any kind).
            if ClauseRules.strikeNouns.contains(analysis.tokens[t.range.upperBound - 1].text) {
                let agent = r.actors.first { $0.role == .agent || $0.role == .neutral }
                let category = agent?.airName != nil ? EventCategory(.airStrike) : EventCategory(.shelling)
                return (category, noted("'\(phrase)' with no means told → a remote attack, \(category)"))
            }
            let targets = r.actors.filter { $0.role == .patient }
            if !targets.isEmpty, targets.allSatisfy({ $0.side == .civilian }) {
                return (EventCategory(.attack), noted("attack '\(phrase)' on civilians only → Violence against civilians / Attack"))
            }
            return (e.category, noted("attack '\(phrase)' between armed sides → \(e.category.type.rawValue) / \(e.category)"))
        case .territory:
            // "took the village after the insurgents pulled out": no fight for it.
            if let w = analysis.cues.first(where: { $0.entry.kind == .withdrawal && range.contains($0.range.lowerBound)
                && !r.masked.contains($0.range.lowerBound) }) {
                return (EventCategory(.nonViolentTransfer),
                        noted("'\(phrase)' with '\(w.text(analysis.tokens))' → Non-violent transfer of territory"))
            }
            let agent = r.actors.first { $0.role == .agent }
            if let agent, agent.side == .government {
                return (EventCategory(.governmentRegainsTerritory), noted("'\(phrase)' by a government side → Government regains territory"))
            }
            if agent != nil {
                return (EventCategory(.nonStateActorOvertakesTerritory),
                        noted("'\(phrase)' by a non-state side → Non-state actor overtakes territory"))
            }
            return (e.category, noted("'\(phrase)' → \(e.category)"))
        }
    }

    /// Victim phrases after a kill verb ("killed seven Turkish soldiers and a civilian, as well as 13 Syrian
    /// soldiers") or before a passive one ("15 civilians were killed"): the total, the detail, and the token
    /// ranges of the victims' nouns.
    func fatalities(in range: Range<Int>, r: inout ClauseReading) -> [Range<Int>] {
        var parts: [(n: Int?, label: String, range: Range<Int>)] = []
        let kills = analysis.cues.filter { range.contains($0.range.lowerBound) && $0.entry.kind == .kill && !r.masked.contains($0.range.lowerBound) }
        var used = Set<Int>()
        for k in kills {
            // After: a list of "NUMBER words VICTIM".
            for part in victimList(from: k.range.upperBound, limit: range.upperBound) where !used.contains(part.start) {
                parts.append((part.n, part.label, part.range)); used.insert(part.start)
            }
            // Before: "[NUMBER] words VICTIM (were|have been) killed".
            var b = k.range.lowerBound - 1
            while b >= range.lowerBound, ClauseRules.passiveFillers.contains(analysis.tokens[b].text) { b -= 1 }
            if b >= range.lowerBound, analysis.has(.victim, at: b) != nil || (b > 0 && analysis.cueAt[b] == nil && analysis.actors.contains { $0.range.upperBound == b + 1 }) {
                // Walk back over the noun phrase to a number.
                var s = b
                while s > range.lowerBound, s > b - 4, analysis.tokens[s - 1].capitalised,
                      NumberRules.number(at: s - 1, tokens: analysis.tokens, cueAt: analysis.cueAt, allowArticle: false) == nil { s -= 1 }
                var n: Int? = nil
                var start = s
                for q in max(range.lowerBound, s - 3)..<max(range.lowerBound, s) {
                    if let (v, nr) = NumberRules.number(at: q, tokens: analysis.tokens, cueAt: analysis.cueAt, allowArticle: false), nr.upperBound == s {
                        n = v; start = q; break
                    }
                }
                if !used.contains(start) {
                    parts.append((n, analysis.original(s..<(b + 1)), s..<(b + 1))); used.insert(start)
                }
            }
        }
        // "X died", "X were killed", "X have been killed": every actor of the subject is a victim.
        for k in kills {
            let intransitive = ClauseRules.intransitiveKills.contains(k.entry.phrase)
            let passive = k.range.lowerBound > 0 && ClauseRules.passiveAuxiliaries.contains(analysis.tokens[k.range.lowerBound - 1].text)
            guard intransitive || passive else { continue }
            var s = k.range.lowerBound
            while s > range.lowerBound, !analysis.tokens[s - 1].isPunctuation, !r.masked.contains(s - 1) { s -= 1 }
            if s < k.range.lowerBound { parts.append((nil, "", s..<k.range.lowerBound)) }
            // "Eight Turkish personnel and 13 Syrian soldiers died": the whole subject list.
            if let first = (s..<k.range.lowerBound).first(where: {
                NumberRules.number(at: $0, tokens: analysis.tokens, cueAt: analysis.cueAt, allowArticle: false) != nil }) {
                // "More than a dozen civilians died": the count read before the verb is the same one.
                for part in victimList(from: first, limit: k.range.lowerBound)
                where !used.contains(part.start) && !parts.contains(where: { $0.n != nil && $0.range.overlaps(part.range) }) {
                    parts.append((part.n, part.label, part.range)); used.insert(part.start)
                }
            }
        }
        parts.sort { $0.range.lowerBound < $1.range.lowerBound }
        let counted = parts.filter { $0.n != nil }
        if !counted.isEmpty {
            r.fatalities = counted.reduce(0) { $0 + $1.n! }
            r.fatalitiesDetail = counted.map { "\($0.n!) \($0.label)" }.joined(separator: "; ")
        }
        return parts.map(\.range)
    }

    /// A list of "NUMBER words VICTIM" from token `i` ("seven Turkish soldiers and a Turkish civilian member
    /// of the military, as well as 13 Syrian soldiers"): each count, label, noun range and start.
    func victimList(from start: Int, limit: Int) -> [(n: Int, label: String, range: Range<Int>, start: Int)] {
        var out: [(Int, String, Range<Int>, Int)] = []
        var i = start
        while i < limit {
            guard let (n, nr) = NumberRules.number(at: i, tokens: analysis.tokens, cueAt: analysis.cueAt, allowArticle: true),
                  let (label, end) = victimNoun(from: nr.upperBound, limit: limit) else { break }
            out.append((n, label, nr.upperBound..<end, nr.lowerBound))
            // Skip the rest of the phrase ("member of the military") to the next list joint.
            var j = end, next: Int? = nil
            while j < min(end + 6, limit) {
                let t = analysis.tokens[j].text
                if t == "and" || t == "," {
                    var s = j + 1
                    while s < limit, ClauseRules.listJoints.contains(analysis.tokens[s].text) { s += 1 }
                    if NumberRules.number(at: s, tokens: analysis.tokens, cueAt: analysis.cueAt, allowArticle: true) != nil { next = s }
                    break
                }
                j += 1
            }
            guard let n2 = next else { break }
            i = n2
        }
        return out
    }

    /// Up to four modifier words then a victim noun, from token `i`: the label as written and the end.
    func victimNoun(from i: Int, limit: Int) -> (String, Int)? {
        var j = i
        while j < min(i + 5, limit) {
            if let v = analysis.has(.victim, at: j) {
                let end = j + v.wordCount
                return (analysis.original(i..<end), end)
            }
            if analysis.tokens[j].isPunctuation || analysis.tokens[j].text == "and" { return nil }
            j += 1
        }
        return nil
    }

    /// A number next to a displacement trigger ("more than 520,000 fleeing", "displaced 3,000 people").
    func displaced(in range: Range<Int>, trigger: Range<Int>, masked: Set<Int>) -> Int? {
        var best: (Int, Int)? = nil
        for i in range where !masked.contains(i) {
            guard let (v, nr) = NumberRules.number(at: i, tokens: analysis.tokens, cueAt: analysis.cueAt, allowArticle: false) else { continue }
            let gap = nr.upperBound <= trigger.lowerBound ? trigger.lowerBound - nr.upperBound : nr.lowerBound - trigger.upperBound
            if gap >= 0, gap <= 3, best.map({ gap < $0.1 }) ?? true { best = (v, gap) }
        }
        return best?.0
    }

    /// True when the actor phrase at token `i` is named about something else than the happening: the object
    /// of a preposition after an arrangement word ("under its de-escalation arrangement with Russia", "a
    /// deal between Moscow and Ankara"), or the object of a preposition (not the agent's "by") inside a
    /// relative clause after the trigger ("near the posts that Turkey keeps there under a deal with Russia").
    func aside(_ i: Int, clause: Range<Int>, trigger: Range<Int>) -> Bool {
        var p = i - 1
        while p > clause.lowerBound, ["the", "its", "their", "his", "her", "a", "an"].contains(analysis.tokens[p].text) { p -= 1 }
        guard p >= clause.lowerBound, ["with", "to", "from", "for", "of", "under", "between", "by"].contains(analysis.tokens[p].text)
        else { return false }
        if analysis.cues.contains(where: { $0.entry.kind == .arrangement && $0.range.upperBound <= p && $0.range.upperBound >= p - 2 }) {
            return true
        }
        guard analysis.tokens[p].text != "by", analysis.tokens[p].text != "between", trigger.upperBound < p else { return false }
        guard let q = (trigger.upperBound..<p).last(where: { ["that", "which", "whose"].contains(analysis.tokens[$0].text) }),
              q > 0, analysis.has(.reportVerb, at: q - 1) == nil, !["so", "such", "said", "says"].contains(analysis.tokens[q - 1].text)
        else { return false }
        return !(q..<i).contains { analysis.tokens[$0].text == "," || analysis.tokens[$0].text == ";" }
    }

    /// "Turkish retaliation", "Russian air strikes": a capitalised adjective right before the trigger names the
    /// side that acted when the lexicon knows "<word> forces" or "<word> military".
    func demonymAgent(before trigger: Range<Int>) -> ActorMention? {
        let i = trigger.lowerBound - 1
        guard i >= 0, analysis.tokens[i].capitalised, !analysis.actors.contains(where: { $0.range.contains(i) }) else { return nil }
        let word = analysis.tokens[i].text
        guard let e = lexicon.actorByPhrase[word + " forces"] ?? lexicon.actorByPhrase[word + " military"],
              let name = e.names.first else { return nil }
        return ActorMention(name: name, side: e.side, airName: e.airActor, role: .agent, position: i)
    }

    /// True when "by" ("blamed on", "attributed to") stands before the actor at token `i`, past "the" and capitalised words of a name ("by the
    /// Bashar al Assad regime").
    func byAgent(before i: Int, clause: Range<Int>) -> Bool {
        var j = i - 1, steps = 0
        while j >= clause.lowerBound, steps < 5 {
            let t = analysis.tokens[j]
            if t.text == "by" { return true }
            // "an attack blamed on X", "shelling attributed to X": X acted.
            if j > clause.lowerBound, (t.text == "on" && analysis.tokens[j - 1].text == "blamed")
                || (t.text == "to" && analysis.tokens[j - 1].text == "attributed") { return true }
            guard t.text == "the" || t.capitalised || ReportRun.articles.contains(t.text) else { return false }
            j -= 1; steps += 1
        }
        return false
    }

    /// True when the actor at token `i` follows a trigger that ends in "to" ("fell to", past "the"): the side
    /// the place fell to acted; or follows "from" after a trigger told as undergone ("came under fire from the
    /// army", "was shelled from"): the side the fire came from acted.
    func agentAfter(_ trigger: Range<Int>, at i: Int) -> Bool {
        guard trigger.upperBound <= i else { return false }
        let tokens = analysis.tokens
        var first = trigger.upperBound
        if tokens[trigger.upperBound - 1].text != "to" {
            guard tokens[first].text == "from", passiveVoice(trigger) else { return false }
            first += 1
        }
        return (first..<i).allSatisfy { ["the", "its", "their"].contains(tokens[$0].text) }
    }

    /// True when the trigger is told as undergone: in the passive ("was shelled", "were reportedly targeted",
    /// "have been hit"), after "come under" ("came under heavy attack", "came under fire") or after a harm
    /// ("were wounded in an attack"). The side named before it was acted on.
    func passiveVoice(_ trigger: Range<Int>) -> Bool {
        let tokens = analysis.tokens
        // "came under (a "deliberate") attack", and the trigger "under fire" itself.
        var k = trigger.lowerBound
        while k >= 1, trigger.lowerBound - k <= 5 {
            if tokens[k].text == "under", Lemmas.stems(tokens[k - 1].text).contains("come") { return true }
            k -= 1
        }
        // "three soldiers were wounded in an attack": the side hurt in it was acted on.
        k = trigger.lowerBound - 1
        while k >= 1, trigger.lowerBound - k <= 3, tokens[k].text != "in" { k -= 1 }
        if k >= 1, tokens[k].text == "in", ClauseRules.hurtWords.contains(tokens[k - 1].text) { return true }
        let word = tokens[trigger.lowerBound].text
        guard word.hasSuffix("ed") || ClauseRules.irregularParticiples.contains(word) else { return false }
        var j = trigger.lowerBound - 1
        while j >= 0, ClauseRules.voiceAdverbs.contains(tokens[j].text) { j -= 1 }
        return j >= 0 && ClauseRules.passiveBe.contains(tokens[j].text)
    }

    /// Actors of the clause with their roles, in the order who acted on whom.
    func actors(in range: Range<Int>, trigger: Range<Int>, r: ClauseReading, victims: [Range<Int>],
                claimAgents: [Range<Int>]) -> [ActorMention] {
        var found: [ActorMention] = []
        var victimOrder: [String: Int] = [:]
        var asideEnd: Int? = nil
        let passive = passiveVoice(trigger)
        for match in analysis.actors where match.entry.actor != nil {
            let (range, e) = (match.range, match.entry)
            let claim = claimAgents.contains(range)
            let i = range.lowerBound
            guard claim || (r.clause.range.contains(i) && !r.masked.contains(i)) else { continue }
            // "under its arrangement with Russia": a side named about something else.
            if !claim, aside(i, clause: r.clause.range, trigger: trigger) || (i > 0 && analysis.tokens[i - 1].text == "and" && asideEnd == i - 1) {
                asideEnd = range.upperBound
                continue
            }
            // A country or capital used as a place ("into northwestern Syria", "Syria's border") is no actor.
            if range.count == 1, ClauseRules.countryWords.contains(analysis.tokens[i].text), !claim {
                if analysis.tokens[i].possessive { continue }
                if analysis.cues.contains(where: { $0.entry.kind == .locative && $0.range.upperBound == i }) { continue }
            }
            var role: ActorMention.Role
            if claim { role = .agent }
            else if r.support.contains(i) { role = .supporter }
            else if let v = victims.firstIndex(where: { $0.overlaps(range) }) {
                role = .patient
                for n in e.names where victimOrder[n] == nil { victimOrder[n] = v }
            } else if e.side == .civilian { role = .patient }
            else if i > 0, analysis.tokens[i - 1].text == "between" || (i > 1 && analysis.tokens[i - 1].text == "and" && found.last?.role == .neutral) {
                role = .neutral
            } else if byAgent(before: i, clause: r.clause.range) { role = .agent }
            else if i < trigger.lowerBound { role = passive ? .patient : .agent }
            else if agentAfter(trigger, at: i) { role = .agent }
            else { role = .patient }
            for (k, n) in e.names.enumerated() {
                found.append(ActorMention(name: n, side: k == 0 ? e.side : .none, airName: k == 0 ? e.airActor : nil,
                                          role: role, position: i))
            }
        }
        // A side of "between A and B" that lost people is the one acted on: it goes after the other side.
        for k in found.indices where found[k].role == .neutral {
            if let v = found.firstIndex(where: { $0.name == found[k].name && $0.role == .patient }) {
                found[k].position = 10_000 - (victimOrder[found[v].name] ?? 0)
            }
        }
        found.sort { ($0.role, $0.position) < ($1.role, $1.position) }
        var seen = Set<String>(), out: [ActorMention] = []
        for m in found where seen.insert(m.name).inserted { out.append(m) }
        return out
    }

}
