import EventModel
import GeoModel
import Places

/// Who did what to whom, ACLED's way: actor 1 acted (with its associates: a second attacker, a side giving
/// covering fire), actor 2 was acted on (with its associates).
struct HappeningActors: Equatable {
    var actor1: Actor?
    var assocActor1: [Actor] = []
    var actor2: Actor?
    var assocActor2: [Actor] = []

    /// The roles of a clause's actors, in the order who acted on whom: the first agent (or the first side of
    /// "between A and B") is actor 1, the other agents and the supporters its associates; the first patient (or
    /// the other side of "between") actor 2, the other patients its associates.
    init(_ mentions: [ActorMention]) {
        func actor(_ m: ActorMention) -> Actor { Actor(m.name, kind: m.side.kind) }
        let agents = mentions.filter { $0.role == .agent }.map(actor)
        let neutral = mentions.filter { $0.role == .neutral }.map(actor)
        let patients = mentions.filter { $0.role == .patient }.map(actor)
        let supporters = mentions.filter { $0.role == .supporter }.map(actor)
        var acting = agents, actedOn = patients
        if acting.isEmpty, let first = neutral.first { acting = [first] }
        actedOn = neutral.filter { n in !acting.contains { $0.name == n.name } } + actedOn
        if acting.isEmpty, actedOn.isEmpty, let first = supporters.first { acting = [first] }
        actor1 = acting.first
        assocActor1 = Array(acting.dropFirst()) + supporters.filter { s in s.name != actor1?.name }
        actor2 = actedOn.first
        assocActor2 = Array(actedOn.dropFirst())
    }

    init(actor1: Actor?, assocActor1: [Actor] = [], actor2: Actor?, assocActor2: [Actor] = []) {
        self.actor1 = actor1; self.assocActor1 = assocActor1; self.actor2 = actor2; self.assocActor2 = assocActor2
    }

    /// Every actor's name, actor 1 first.
    var names: [String] { ([actor1].compactMap { $0 } + assocActor1 + [actor2].compactMap { $0 } + assocActor2).map(\.name) }
}

/// The actors of a happening, after the clause rules (`ClauseRules.actors`):
/// - a clause without a named agent takes the agents of the clause before when the two share a subject
///   ("X captured A and shelled B"), else the last speaker when the clause is a claim ("It said it had hit …");
/// - a clause without a side acted on takes the sides named in the relative clauses that describe its place
///   ("…, a town that rebels hold");
/// - a trigger that needs a side acted on (a siege, `@opponent` in `triggers.tsv`) takes the report's main
///   opponent of the side that acted;
/// - a clash with no one named as acting whose dead are of two armed sides was fought between those sides;
/// - other violence with victims but no one named as acting is by an "Unidentified armed group".
extension ReportRun {
    /// The actors of clause `ci` of `readings`, with their roles.
    func actorsOfHappening(clause ci: Int, of readings: [ClauseReading], trigger: PhraseMatch<TriggerEntry>,
                           explain: inout Notes) -> HappeningActors {
        let r = readings[ci]
        var actors = r.actors
        if !actors.contains(where: { $0.role == .agent }) {
            if r.clause.sharedSubject, ci > 0 {
                let subject = r.clause.continues ?? ci - 1
                let agents = readings[subject].actors.filter { $0.role == .agent || $0.role == .neutral }
                    .map { m -> ActorMention in var a = m; a.role = .agent; return a }
                actors = agents + actors.filter { m in !agents.contains { $0.name == m.name } }
                if !agents.isEmpty { explain.add("subject shared with the clause before → \(agents.map(\.name).joined(separator: ", "))") }
            } else if r.claimed, let lastSpeaker {
                let agents = lastSpeaker.names.enumerated().map { k, n in
                    ActorMention(name: n, side: k == 0 ? lastSpeaker.side : .none, airName: nil, role: .agent, position: -1)
                }
                actors = agents + actors.filter { m in !lastSpeaker.names.contains(m.name) }
                explain.add("'it said it …' → the last speaker, \(lastSpeaker.names.joined(separator: ", "))")
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
            actors.append(ActorMention(name: other, side: agent.side == .government ? .opposition : .government,
                                       airName: nil, role: .patient, position: 9_999))
            explain.add("'\(trigger.entry.phrase)' needs a side acted on; none named → the report's main opponent '\(other)'")
        }
        // "Warplanes struck X", "shelling killed …", "the captured villages": a strike or a change of control with
        // no one named as acting takes the side that acted in the last one of its kind told with its actor.
        if let key = r.category.flatMap(AgentKind.init), !actors.contains(where: { $0.role == .agent || $0.role == .neutral }),
           let prior = lastAgent[key], !actors.contains(where: { $0.name == prior.name }) {
            actors.insert(prior, at: 0)
            explain.add("no one named as acting → '\(prior.name)', who acted in the last \(key.rawValue) told before")
        }
        var roles = HappeningActors(actors)
        let violent = r.category?.mergeFamily == .violence
        let armedLosers = actors.filter { $0.role == .patient && $0.side != .civilian && $0.side != .none }
        if r.category?.subType == .armedClash, r.fatalities != nil, !actors.contains(where: { $0.role == .agent || $0.role == .neutral }),
           let first = armedLosers.first, let other = armedLosers.first(where: { $0.side != first.side }) {
            // "20 soldiers and 15 insurgents were killed in clashes": the two sides that lost people fought.
            roles = HappeningActors(actor1: Actor(first.name, kind: first.side.kind), actor2: Actor(other.name, kind: other.side.kind))
            explain.add("a clash whose dead are of two sides → '\(first.name)' and '\(other.name)' fought")
        } else if violent, !actors.isEmpty, !actors.contains(where: { $0.role == .agent || $0.role == .neutral }) {
            let actedOn = HappeningActors(actors.filter { $0.role == .patient })
            roles = HappeningActors(actor1: .unidentified,
                                    assocActor1: actors.filter { $0.role == .supporter }.map { Actor($0.name, kind: $0.side.kind) },
                                    actor2: actedOn.actor2, assocActor2: actedOn.assocActor2)
            explain.add("no one named as acting → '\(Actor.unidentified.name)' first")
        }
        explain.add("actors: " + (roles.names.isEmpty ? "none named" : roles.names.joined(separator: ", ")))
        return roles
    }

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

}

/// The kinds of happening whose unnamed actor is the one of the last of its kind ("air strikes killed …" after
/// "government jets bombed …").
enum AgentKind: String, Hashable {
    /// Air strikes, shelling and other remote violence.
    case remote = "strike"
    /// Changes of control.
    case territory = "change of control"

    /// The kind of a category, nil for others (a clash names both sides, a displacement no actor).
    init?(_ c: EventCategory) {
        if c.type == .explosions { self = .remote } else if c.mergeFamily == .territory { self = .territory } else { return nil }
    }
}

extension ReportRun {
    /// Remembers who acted in the strikes and changes of control of a sentence's clauses, named as acting
    /// (whether or not they became events), for the happenings told after them without an actor.
    mutating func noteAgents(_ readings: [ClauseReading]) {
        for r in readings {
            guard let c = r.category, let key = AgentKind(c),
                  let agent = r.actors.first(where: { $0.role == .agent && $0.side != .none && $0.side != .civilian }) else { continue }
            lastAgent[key] = agent
        }
    }
}
