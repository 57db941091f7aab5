/// Verbs of expulsion told with their object between the verb and its particle ("drove the rebels out of A",
/// "forced the militants out of A", "chased IS fighters out from A"): the verb is a change of control, as the
/// lexicon's "drove out" (`triggers.tsv`) is when the two words stand together.
enum ParticleVerbs {
    /// The verbs, by lemma.
    static let verbs: Set<String> = ["drive", "push", "force", "kick", "chase", "flush", "throw"]
    /// The most words between the verb and "out".
    static let maxObjectWords = 5
    /// Words that end the object before the particle is found: it belongs to another clause.
    static let stops: Set<String> = [",", ";", "and", "but", "while", "as", "after", "before", "when", "to"]
    /// Objects that make it a flight, not a change of control ("forced thousands of families out of A").
    static let people: Set<String> = ["families", "residents", "people", "civilians", "villagers", "inhabitants",
                                      "thousands", "hundreds", "children", "women", "locals"]

    /// The triggers of a sentence with the discontinuous ones added (each on its verb alone), in token order.
    /// `entry` is the lexicon's entry for the joined phrase ("drove out"); nil leaves the triggers as they are.
    static func adding(to triggers: [PhraseMatch<TriggerEntry>], tokens: [Token],
                       entry: TriggerEntry?) -> [PhraseMatch<TriggerEntry>] {
        guard let entry, tokens.contains(where: { $0.text == "out" }) else { return triggers }
        var added: [PhraseMatch<TriggerEntry>] = []
        for i in tokens.indices where !triggers.contains(where: { $0.range.contains(i) }) {
            guard Lemmas.stems(tokens[i].text).contains(where: verbs.contains) else { continue }
            var j = i + 1
            while j < tokens.count, j - i - 1 < maxObjectWords, tokens[j].text != "out", !stops.contains(tokens[j].text) { j += 1 }
            guard j > i + 1, j + 1 < tokens.count, tokens[j].text == "out",
                  tokens[j + 1].text == "of" || tokens[j + 1].text == "from",
                  !tokens[(i + 1)..<j].contains(where: { people.contains($0.text) }) else { continue }
            var e = entry
            e.phrase = tokens[i].text + " … out " + tokens[j + 1].text
            added.append(PhraseMatch(range: i..<(i + 1), entry: e))
        }
        guard !added.isEmpty else { return triggers }
        return (triggers + added).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
