import ArgumentParser
import Events
import Foundation
import Places

/// `placemap extract REPORT...`: events from news reports, one merged event per happening.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract events (place, dates, type, actors, fatalities) from news reports.",
        discussion: """
            The report date comes from its dateline (' date YYYY-MM-DD CITY --'), else from NAME.meta.json \
            beside NAME.txt, else from --date. Unknown places are warnings on stderr. Lexicons are read from \
            Gazetteer/lexicon/ (triggers.tsv, actors.tsv, cues.tsv).
            """)

    @Argument(help: "Report files (UTF-8 text; '-' for standard input) or folders of them (their .txt files, in name order).")
    var reports: [String]
    @Option(help: "The date of reports without their own (YYYY-MM-DD).") var date: String?
    @Option(help: "Output: jsonl (one event a line), csv (ACLED columns) or geojson.") var format: EventFormat = .jsonl
    @Flag(help: "Show, per event, the sentence and the rules that fired (on stderr).") var explain = false
    @Flag(help: "Include statements and diplomacy (without coordinates).") var statements = false
    @Option(help: "Analyst corrections keyed by event id (JSON Lines or CSV: id,action,value).") var overrides: String?

    enum EventFormat: String, ExpressibleByArgument, CaseIterable { case jsonl, csv, geojson }

    func run() throws {
        var fallback: Day? = nil
        if let date {
            guard let d = Day(iso: date) else { throw ValidationError("--date must be YYYY-MM-DD, not '\(date)'") }
            fallback = d
        }
        let gazetteer = try CLI.gazetteer()
        let result: ExtractionResult
        var events: [Event]
        var warnings: [String]
        do {
            let lexicon = try Lexicon.load(besides: gazetteer)
            result = try extractAll(from: try InputFiles.reports(reports), fallbackDate: fallback, gazetteer: gazetteer,
                                    lexicon: lexicon, explaining: explain)
            events = result.events + (statements ? result.statements : [])
            warnings = result.warnings
            if let overrides {
                guard let data = FileManager.default.contents(atPath: overrides), let text = String(data: data, encoding: .utf8) else {
                    throw EventFileError.unreadable(file: overrides, message: "cannot read the overrides file")
                }
                let o = try Overrides.parse(text, file: overrides)
                let applied = Overrides.apply(o, to: events, gazetteer: gazetteer, lexicon: lexicon, file: overrides)
                events = applied.events
                warnings += applied.warnings
            }
        } catch let e as ReportError {
            CLI.fail(e.description)
        } catch let e as LexiconError {
            CLI.fail(e.description)
        } catch let e as EventFileError {
            CLI.fail(e.description)
        }
        for w in warnings { FileHandle.standardError.write(Data("placemap: warning: \(w)\n".utf8)) }
        if explain { FileHandle.standardError.write(Data(result.explainText(includeStatements: statements).utf8)) }
        let text: String
        switch format {
        case .jsonl: text = EventJSONLines.encode(events)
        case .csv: text = EventCSV.encode(events)
        case .geojson: text = EventGeoJSON.encode(events) + "\n"
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
