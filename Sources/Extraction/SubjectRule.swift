import GeoModel
import EventModel
import Places

/// The bare-subject rule: a happening whose subject names no side — "they", "troops", "forces"
/// (`subject` cues of `cues.tsv`) — takes the side the report named last before it.
///
/// Kept conservative:
/// - the word must be the clause's subject: before the trigger, outside attributions, aims and supports,
///   with no named actor between it and the trigger, not after a preposition ("clashed with troops"), not
///   counted ("200 troops"), and not the subject of a passive ("they were shelled") or of a death ("troops
///   died"): those are acted on;
/// - the antecedent comes from the preceding sentences of the same report, the nearest first, at most
///   two back; the clause's own sentence does not count (its sides are already read by the clause rules);
/// - in that sentence, the named actors whose side fits the word (a country or capital, often a speaker or
///   a place, names no troops) (`armed`: government, foreign or
///   opposition; `state`: government or foreign; `opposition`): when they are all one side's, that side;
///   when they are several, the subject of that sentence (its first fitting actor before its first trigger),
///   else nothing (ambiguous: no actor rather than a wrong one);
/// - phrases that name a side themselves ("government troops", "the army", "Turkish forces") keep their
///   lexicon name: they are actors, not bare subjects.
extension ReportRun {
    /// The agents a bare subject of clause `r` of sentence `k` stands for, with the note for `--explain`.
    func bareSubjectAgents(sentence k: Int, reading r: ClauseReading) -> (agents: [ActorMention], note: String)? {
        let a = analyses[k]
        guard let trigger = r.trigger, !r.actors.contains(where: { $0.role == .agent }) else { return nil }
        let t = trigger.range.lowerBound
        guard let cue = a.cues.last(where: { c in c.entry.kind == .subject && r.clause.range.contains(c.range.lowerBound)
                                             && c.range.upperBound <= t }) else { return nil }
        let p = cue.range.lowerBound
        if r.masked.contains(p) || r.support.contains(p) { return nil }
        if a.actors.contains(where: { $0.range.contains(p) }) { return nil }
        if a.actors.contains(where: { $0.entry.actor != nil && $0.range.lowerBound >= cue.range.upperBound && $0.range.upperBound <= t }) {
            return nil
        }
        let prepositions: Set<String> = ["with", "against", "to", "of", "from", "for", "between", "at", "on", "by", "and",
                                         "among", "toward", "towards", "into", "as", "than"]
        if p > 0, prepositions.contains(a.tokens[p - 1].text) { return nil }
        if (max(0, p - 3)..<p).contains(where: { NumberRules.number(at: $0, tokens: a.tokens, cueAt: a.cueAt, allowArticle: false) != nil }) {
            return nil
        }
        if t > 0, ["were", "was", "been", "being", "are", "is"].contains(a.tokens[t - 1].text) { return nil }
        if a.cues.contains(where: { $0.entry.kind == .kill && $0.range.overlaps(trigger.range) }) { return nil }

        let fits: Set<ActorSide>
        switch cue.entry.value {
        case "state": fits = [.government, .foreign]
        case "opposition": fits = [.opposition]
        default: fits = [.government, .foreign, .opposition]
        }
        for back in 1...2 where k - back >= 0 {
            let prev = analyses[k - back]
            // A country or capital ("the Damascus-Aleppo road", "Ankara said") names no troops.
            let named = prev.actors.filter { m in m.entry.actor != nil && fits.contains(m.entry.side)
                && !(m.range.count == 1 && ClauseRules.countryWords.contains(prev.tokens[m.range.lowerBound].text)) }
            guard !named.isEmpty else { continue }
            let chosen: ActorEntry
            if Set(named.map(\.entry.names)).count == 1 || Set(named.map(\.entry.side)).count == 1 {
                // One side, however many names ("the factions and jihadi groups"): the first named.
                chosen = named[0].entry
            } else if let first = prev.triggers.first?.range.lowerBound,
                      let subject = named.first(where: { $0.range.upperBound <= first }),
                      subject.range == prev.actors.first(where: { $0.entry.actor != nil })?.range {
                chosen = subject.entry
            } else {
                return nil
            }
            let agents = chosen.names.enumerated().map { i, n in
                ActorMention(name: n, side: i == 0 ? chosen.side : .none, airName: i == 0 ? chosen.airActor : nil,
                             role: .agent, position: p)
            }
            return (agents, "bare subject '\(a.text(cue.range))' → the side named before it, "
                    + "\(chosen.names.joined(separator: ", ")) ('\(chosen.phrase)', \(back) sentence\(back == 1 ? "" : "s") before)")
        }
        return nil
    }
}
