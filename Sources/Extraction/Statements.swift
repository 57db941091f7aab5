import EventModel
import GeoModel
import Places

/// Statements and diplomacy: a sentence with a statement cue and no happening becomes a statement of the
/// report's date (or the date it names), without coordinates; and who spoke last, for "it said it had …".
extension ReportRun {
    /// Adds the statement of sentence `a` (its speakers as actor 1 and associates, its first place's name).
    mutating func addStatement(_ a: SentenceAnalysis, readings: [ClauseReading], mentions: [PlaceMention]) {
        var start = report.date, end = report.date
        var rule = "statement of the day → the report date"
        for r in readings { if case .dated(let s, let e, let why)? = r.date { start = s; end = e; rule = why; break } }
        let place = mentions.first { $0.place != nil }
        let diplomacy = a.cues.contains { ReportRun.diplomacyWords.contains($0.entry.phrase) }
        let sub: SubEventType = diplomacy ? .diplomacy : .statement
        var seen = Set<String>()
        let speakers = a.actors.flatMap { m in m.entry.names.enumerated().map { k, n in Actor(n, kind: k == 0 ? m.entry.side.kind : nil) } }
            .filter { seen.insert($0.name).inserted }
        let id = StableID.event(report: report.name, offset: a.sentence.start, place: place?.place?.id ?? "-", subType: sub.rawValue)
        guard usedIDs.insert(id).inserted else { return }
        statements.append(Event(id: id, category: EventCategory(sub), start: start, end: end,
                                datePrecision: start == end ? .day : .span, place: place?.place?.name ?? "",
                                placeID: place?.place?.id, coordinate: nil, geoPrecision: place?.place?.kind.geoPrecision ?? 3,
                                country: place?.place.map(\.country), actor1: speakers.first,
                                assocActor1: Array(speakers.dropFirst()),
                                sources: [EventSource(report: report.name, sentence: a.sentence.text,
                                                      charStart: a.sentence.start, charEnd: a.sentence.end)]))
        if extractor.explains {
            explanations[id] = ["sentence \(report.name)@\(a.sentence.start): \(a.sentence.text)",
                                "statement: a statement or diplomacy cue and no happening", "date: " + rule]
        }
    }

    /// Remembers the speaker of sentence `a`: the actor named before its first reporting verb ("Ankara said
    /// …"), for "It said it had hit …" in the next sentence.
    mutating func noteSpeaker(_ a: SentenceAnalysis) {
        if let verb = a.cues.first(where: { $0.entry.kind == .reportVerb }),
           let who = a.actors.last(where: { $0.range.upperBound <= verb.range.lowerBound && !$0.entry.names.isEmpty }) {
            lastSpeaker = who.entry
        }
    }
}
