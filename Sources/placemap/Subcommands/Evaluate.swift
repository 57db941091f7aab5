import ArgumentParser
import Evaluation
import EventModel
import Extraction
import FileIO
import Foundation
import GeoModel
import Pipeline
import Places

/// `placemap evaluate`: extraction scored against an analyst's coding of the same articles.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score event extraction against gold events (recall, precision, F1) per article, theatre and overall.",
        discussion: """
            Each article is extracted on its own and compared with the gold rows of the same file name. An event \
            matches a gold row when their dates overlap (one day of slack each side; an undated event matches \
            only an undated row), it lies within the row's tol_km (geodesic) or, for a row without a point, its \
            place or unresolved place folds like one of the row's place names, the ACLED event types are equal, \
            and the gold actor1's side is among the event's actors' sides. One event matches at most one row, \
            best first. [background] rows are scored apart. Scores are not failures: the exit status is 0 \
            whenever the evaluation ran. The rules are documented in Sources/Evaluation/README.md.
            """)

    @Option(help: "The gold events (CSV: article,row,date_start,date_end,place,lat,lon,tol_km,geo_precision,event_type,sub_event_type,actor1,actor2,fatalities,claimed,notes).")
    var gold: String
    @Option(help: "The gold place mentions (CSV: article,mention,char_offset,place_name,lat,lon,coord_source,geonames_id,kind,role).")
    var toponyms: String?
    @Argument(help: "Articles (.txt, line 1 'URL: … | DATE: YYYY-MM-DD') or folders of them.")
    var articles: [String] = []
    @Option(help: "Score events already coded instead of extracting articles: a .jsonl, .csv or .geojson file, a folder written by `placemap map`, or a store (FILE.gpkg, postgresql://…; its overrides applied). Each event counts for every report among its sources.")
    var events: String?
    @Option(help: "The date YYYY-MM-DD of articles that carry none of their own.") var date: String?
    @Option(help: "Output: table (for a terminal) or json (one object).") var format: OutputFormat = .table

    func validate() throws {
        try format.check([.table, .json])
        if let date, Day(iso: date) == nil { throw ValidationError("--date '\(date)' is not a date YYYY-MM-DD") }
        if articles.isEmpty, events == nil { throw ValidationError("give at least one article or folder, or --events") }
        if !articles.isEmpty, events != nil { throw ValidationError("give articles or --events, not both") }
    }

    func run() throws {
        let result = try CLI.reportingValue {
            let goldRows = try GoldEvents.read(path: gold)
            let mentions = try toponyms.map { try GoldToponyms.read(path: $0) }
            let gazetteer = try Gazetteer.loadDefault(shapes: false)
            if let events {
                let read = try EventSources.load(path: events) { gazetteer }
                var result = Evaluation.run(events: read.events, gold: goldRows, toponyms: mentions,
                                            gazetteer: gazetteer, lexicon: try Lexicon.load(besides: gazetteer))
                result.warnings = read.warnings + result.warnings
                return result
            }
            return try Evaluation.run(articles: try InputFiles.reports(articles), gold: goldRows, toponyms: mentions,
                                      gazetteer: gazetteer, lexicon: try Lexicon.load(besides: gazetteer),
                                      fallbackDate: date.flatMap { Day(iso: $0) })
        }
        // The extraction's warnings (unknown places, happenings without a place), as every command prints them.
        for a in result.articles { for w in a.warnings { CLI.warn(w) } }
        for w in result.warnings { CLI.warn(w) }
        switch format {
        case .json: print(EvaluationJSON.encode(result))
        default: print(EvaluationTable.render(result), terminator: "")
        }
    }
}
