import ArgumentParser
import Extraction
import Foundation
import Layers
import Pipeline

/// `placemap extract REPORT...`: events from news reports, one merged event per happening.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract events (place, dates, type, actors, fatalities) from news reports.",
        discussion: """
            The report date comes from its dateline (' date YYYY-MM-DD CITY --'), else from NAME.meta.json \
            beside NAME.txt, else from --date. Unknown places are warnings on stderr. Lexicons are read from \
            Gazetteer/lexicon/ (triggers.tsv, actors.tsv, cues.tsv).
            """)

    @OptionGroup var input: EventInputOptions
    @Option(help: "Output: jsonl (one event a line), csv (ACLED's columns) or geojson.") var format: OutputFormat = .jsonl
    @Flag(help: "Show, per event, the sentence and the rules that fired (on stderr).") var explain = false
    @Flag(help: "Include statements and diplomacy (without coordinates).") var statements = false

    func validate() throws {
        try format.check([.jsonl, .csv, .geojson])
        try input.requireInputs()
    }

    func run() throws {
        try CLI.reporting {
            let gazetteer = try CLI.gazetteer()
            let result = try EventInputs.load(input.request(explaining: explain), gazetteer: gazetteer,
                                              lexicon: try Lexicon.load(besides: gazetteer), reportsOnly: true)
            for w in result.warnings { CLI.warn(w) }
            if explain { FileHandle.standardError.write(Data(result.explainText(includeStatements: statements).utf8)) }
            let events = result.events + (statements ? result.statements : [])
            let list: EventListFormat = format == .csv ? .csv : format == .geojson ? .geojson : .jsonl
            FileHandle.standardOutput.write(Data(EventListOutput.render(events.map { EventRow($0) }, format: list).utf8))
        }
    }
}
