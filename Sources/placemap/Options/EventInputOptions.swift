import ArgumentParser
import GeoModel
import Pipeline

/// Where a job's events come from (`map`, `extract`, `ingest`): the inputs, the date of undated reports and
/// an analyst's corrections.
struct EventInputOptions: ParsableArguments {
    @Argument(help: "Reports (.txt, '-' for standard input), event files (.jsonl, .csv, .geojson) or folders of them.")
    var inputs: [String] = []
    @Option(help: "The date YYYY-MM-DD of reports that carry none of their own (no dateline, no sidecar).")
    var date: String?
    @Option(help: "An analyst's corrections keyed by event id (JSON Lines or CSV id,action,value; '-' for standard input).")
    var overrides: String?

    func validate() throws {
        if let date, Day(iso: date) == nil { throw ValidationError("--date '\(date)' is not a date YYYY-MM-DD") }
    }

    /// Throws a one-line `ValidationError` when no input is given (and `store` gives none either).
    func requireInputs(orStore store: String? = nil) throws {
        if inputs.isEmpty && store == nil { throw ValidationError("give at least one report, event file or folder") }
    }

    /// The library's request for these options.
    func request(explaining: Bool) -> EventRequest {
        EventRequest(inputs: inputs, fallbackDate: date.flatMap { Day(iso: $0) }, overrides: overrides, explaining: explaining)
    }
}

/// The events a query reads (`near`, `along`): a file, a folder written by `map`, `-`, or a store.
struct EventsOption: ParsableArguments {
    @Option(help: "Events: a .jsonl, .csv or .geojson file, a folder written by `placemap map`, '-' (standard input), or a store (FILE.gpkg, postgresql://…).")
    var events: String = "Output/"
}
