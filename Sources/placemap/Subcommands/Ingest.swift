import ArgumentParser
import Pipeline
import Store

/// `placemap ingest`: today's reports into the store that keeps every day's events.
struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add reports or event files to a store (a GeoPackage, or PostGIS for a team), merging with what it holds.",
        discussion: """
            INPUT is a report (.txt), an event file (.jsonl, .csv, .geojson) or a folder of them. A file the store \
            has read (same SHA-256) changes nothing; a report telling a happening the store holds adds a source to \
            that event, so that ingesting day by day gives the events of reading every day at once. --overrides are \
            kept in the store and applied whenever it is read. The front lines of the store's days are redrawn. \
            Everything is one transaction: on any error the store is left as it was.
            """)

    @OptionGroup var input: EventInputOptions
    @Option(help: "The store: a GeoPackage file (created when missing) or a postgresql:// URL.")
    var store: String = StoreLocation.defaultPath

    func validate() throws { try input.requireInputs() }

    func run() throws {
        try CLI.reporting {
            let report = try IngestJob.run(IngestRequest(events: input.request(explaining: false), store: store),
                                           gazetteer: try CLI.gazetteer())
            for w in report.warnings { CLI.warn(w) }
            let o = report.outcome
            print("\(report.store): \(o.added.count) new file(s), \(o.skipped.count) read before; "
                  + "events \(o.eventsBefore) → \(o.eventsAfter); \(o.overrides) override(s) kept"
                  + (o.frontlineDays.map { "; front lines of \($0) day(s)" } ?? ""))
        }
    }
}
