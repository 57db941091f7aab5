import EventModel
import Extraction
import FileIO
import Foundation
import GeoModel
import Places
import Store

/// Where a job's events come from: reports to extract, event files to read, and an analyst's overrides.
public struct EventRequest: Sendable {
    /// Reports (`.txt`, `-` for standard input), event files (`.jsonl`, `.csv`, `.geojson`), folders of them,
    /// or stores (a `.gpkg` file, a `postgresql://` URL) read with their kept overrides applied.
    public var inputs: [String]
    /// The date of reports that carry none of their own (no dateline, no sidecar).
    public var fallbackDate: Day?
    /// An overrides file (JSON Lines or CSV keyed by event id), or nil.
    public var overrides: String?
    /// When true, the `--explain` text is kept (`explanations`); leaving it out is faster.
    public var explaining: Bool

    /// A request.
    public init(inputs: [String], fallbackDate: Day? = nil, overrides: String? = nil, explaining: Bool = false) {
        self.inputs = inputs; self.fallbackDate = fallbackDate; self.overrides = overrides; self.explaining = explaining
    }
}

/// The events of a request: extracted from its reports and merged, read from its event files, corrected by
/// its overrides.
public enum EventInputs {
    /// Reads everything `request` names.
    /// - Parameters:
    ///   - reportsOnly: when true (as `extract`), every path is a report (any name, `-` for standard input)
    ///     and folders stand for their `.txt` files; else files are sorted by kind (as `map`).
    /// - Returns: events and statements, the warnings the user must see, and explanations when asked.
    /// - Throws: `ReportError`, `EventFileError`, `FileIOError` naming the file (and line).
    public static func load(_ request: EventRequest, gazetteer: Gazetteer, lexicon: Lexicon,
                            reportsOnly: Bool = false) throws -> ExtractionResult {
        let reports: [String], eventFiles: [String], stores: [String]
        if reportsOnly {
            reports = try InputFiles.reports(request.inputs); eventFiles = []; stores = []
        } else {
            stores = request.inputs.filter(StoreLocation.isStore)
            let files = try InputFiles.collect(request.inputs.filter { !StoreLocation.isStore($0) })
            reports = files.reports; eventFiles = files.eventFiles
        }
        var result = ExtractionResult()
        if !reports.isEmpty {
            result = try extractAll(from: reports, fallbackDate: request.fallbackDate, gazetteer: gazetteer,
                                    lexicon: lexicon, explaining: request.explaining)
        }
        for file in eventFiles {
            var read = try EventFiles.load(path: file)
            if read.contains(where: { $0.kind == .statement }) {
                result.statements += read.filter { $0.kind == .statement }
                read.removeAll { $0.kind == .statement }  // in place, order kept
            }
            // The first file's array is taken as it is: a million events are not copied.
            if result.events.isEmpty { result.events = read } else { result.events += read }
        }
        for location in stores {
            let read = try StoreLocation(location).open(create: false).read(gazetteer: gazetteer)
            result.events += read.events
            result.statements += read.statements
            result.warnings += read.warnings
        }
        if let path = request.overrides {
            let overrides = try Overrides.load(path: path)
            let events = Overrides.apply(overrides, to: result.events + result.statements, gazetteer: gazetteer, file: path)
            result.events = events.events.filter { $0.kind == .event }
            result.statements = events.events.filter { $0.kind == .statement }
            result.warnings += events.warnings
        }
        return result
    }
}
