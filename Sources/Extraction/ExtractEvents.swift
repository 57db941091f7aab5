import GeoModel
import EventModel
import Places

/// Reads reports, extracts and merges their events: the one call the layers and the CLI use.
///
/// Library entry points, from the most to the least packaged:
/// - `extractEvents(from:fallbackDate:gazetteer:includeStatements:)` — paths in, merged events out;
/// - `Report.load(path:fallbackDate:)` — one report with its date (dateline, sidecar, fallback);
/// - `Extractor(gazetteer:lexicon:).extract(report:)` — one report's unmerged events, statements,
///   warnings and `--explain` lines (`ExtractionResult`);
/// - `EventMerger.merge(_:)` — one event per happening, all sources kept;
/// - `Overrides.parse(_:file:)` and `Overrides.apply(_:to:gazetteer:lexicon:)` — analyst corrections.
///
/// - Parameters:
///   - paths: report files (`-` for standard input), read in the order given.
///   - fallbackDate: the date of reports without their own (no dateline, no sidecar), or nil.
///   - gazetteer: the gazetteer; the lexicon is read from its folder (`lexicon/`).
///   - includeStatements: when true, `statements` holds the statements (without coordinates).
/// - Returns: merged events, statements (empty unless asked for), and warnings for stderr.
/// - Throws: `ReportError` naming the file (unreadable, no date), `LexiconError` naming file and line.
public func extractEvents(from paths: [String], fallbackDate: Day?, gazetteer: Gazetteer,
                          includeStatements: Bool) throws -> (events: [Event], statements: [Event], warnings: [String]) {
    let r = try extractAll(from: paths, fallbackDate: fallbackDate, gazetteer: gazetteer,
                           lexicon: try Lexicon.load(besides: gazetteer), explaining: false)
    return (r.events, includeStatements ? r.statements : [], r.warnings)
}

/// As `extractEvents`, with a given lexicon, and the explanations kept (keyed by the merged ids) when
/// `explaining` is true (the `--explain` text; leaving it out is faster).
/// - Throws: `ReportError` naming the file.
public func extractAll(from paths: [String], fallbackDate: Day?, gazetteer: Gazetteer, lexicon: Lexicon,
                       explaining: Bool = true) throws -> ExtractionResult {
    var extractor = Extractor(gazetteer: gazetteer, lexicon: lexicon)
    extractor.explains = explaining
    var all = ExtractionResult()
    for path in paths {
        let report = try Report.load(path: path, fallbackDate: fallbackDate)
        let r = try extractor.extract(report: report)
        all.events += r.events
        all.statements += r.statements
        all.warnings += r.warnings
        all.explanations.merge(r.explanations) { a, _ in a }
        all.review += r.review
    }
    let groups = EventMerger.mergeGroups(all.events)
    // Explanations follow the merge: each merged event lists the explanations of what it absorbed.
    var explanations: [String: [String]] = [:]
    for g in groups { explanations[g.event.id] = g.members.flatMap { all.explanations[$0] ?? [] } }
    let merged = groups.map(\.event)
    for s in all.statements { explanations[s.id] = all.explanations[s.id] }
    return ExtractionResult(events: merged, statements: all.statements, warnings: all.warnings, explanations: explanations,
                            review: ReviewList.build(events: merged, weak: all.review))
}

extension ExtractionResult {
    /// The `--explain` text: per event, its id, place, type, and the sentence and rules of each telling.
    public func explainText(includeStatements: Bool) -> String {
        var out = ""
        for e in events + (includeStatements ? statements : []) {
            let when = e.start.map { s in s == e.end ? "\(s)" : "\(s)..\(e.end!)" } ?? "undated"
            out += "\(e.id)  \(e.category) at \(e.place) (\(e.geoPrecision)) \(when)\n"
            for line in explanations[e.id] ?? [] { out += "    \(line)\n" }
        }
        return out
    }
}
