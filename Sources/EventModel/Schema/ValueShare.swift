/// The texts and source lists that repeat from row to row of one file (places, actors, outlets), kept
/// once and shared by every event that carries them: a million rows read from a file name a few thousand
/// places and outlets, and each copy would hold its own heap buffer. Used by one reader at a time.
public final class ValueShare {
    /// Texts longer than Swift keeps inside the string value itself (15 UTF-8 bytes), each kept once.
    private var texts: Set<String> = []
    /// Source lists by the cells they were read from (the outlets, then the sentence).
    private var sources: [SourceKey: [EventSource]] = [:]

    /// Nothing shared yet.
    public init() {}

    /// `s`, or the equal text already kept (the same buffer, no new one).
    func text(_ s: String) -> String {
        guard s.utf8.count > 15 else { return s }
        return texts.insert(s).memberAfterInsert
    }

    /// The sources read from the cells `reports` and `sentence`: `make()`'s list the first time, the kept
    /// list after.
    func sources(reports: String, sentence: String, make: () -> [EventSource]) -> [EventSource] {
        let key = SourceKey(reports: reports, sentence: sentence)
        if let kept = sources[key] { return kept }
        let list = make()
        sources[key] = list
        return list
    }

    /// The cells a source list was read from.
    private struct SourceKey: Hashable {
        let reports: String
        let sentence: String
    }
}
