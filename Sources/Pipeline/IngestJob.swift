import Control
import EventModel
import Extraction
import FileIO
import Foundation
import GeoModel
import Layers
import Places
import Store

/// What `placemap ingest` is asked to do.
public struct IngestRequest: Sendable {
    /// The reports, event files or folders to add, the date of undated reports, and overrides to keep.
    public var events: EventRequest
    /// The store: a GeoPackage path (default `placemap.gpkg`) or a `postgresql://` URL.
    public var store: String

    /// A request.
    public init(events: EventRequest, store: String = StoreLocation.defaultPath) {
        self.events = events; self.store = store
    }
}

/// What an ingest did, and the warnings the user must see.
public struct IngestReport: Sendable {
    public var outcome: IngestOutcome
    public var warnings: [String]
    /// The store, as messages name it.
    public var store: String
}

/// `placemap ingest`: reports and event files into a store, in one transaction.
public enum IngestJob {
    /// Reads the inputs the store has not read yet (by SHA-256 of their bytes), extracts the new reports'
    /// events (unmerged: the store merges them with what it holds), keeps the overrides, and redraws the
    /// front lines of all the store's events from the gazetteer's control table. Everything is read
    /// before the store is written; the write is one transaction, and a store this job created is removed
    /// again when it fails.
    /// - Throws: the first input's error (naming the file and line), or `StoreError`; the store is then as
    ///   it was.
    public static func run(_ request: IngestRequest, gazetteer: Gazetteer) throws -> IngestReport {
        let location = StoreLocation(request.store)
        var existed = true
        if case .geoPackage(let path) = location { existed = FileManager.default.fileExists(atPath: path) }
        do {
            let store = try location.open(create: true)
            let known = Set(try store.reports().map(\.sha256))
            let lexicon = try Lexicon.load(besides: gazetteer)
            let (inputs, warnings0) = try EventInputs.storeInputs(request.events, gazetteer: gazetteer, lexicon: lexicon,
                                                                known: known)
            var warnings = warnings0
            let overrides = try request.events.overrides.map { (file: $0, rows: try Overrides.load(path: $0)) }
            var frontlineWarning: String?
            let batch = IngestBatch(inputs: inputs, overrides: overrides, frontlines: { events in
                do {
                    let table = try ControlTable.loadDefault(gazetteer: gazetteer)
                    let drawn = try MapJob.frontlines(for: events, gazetteer: gazetteer, table: table)
                    return StoredFrontlines(days: drawn.days, coordinates: drawn.table.coordinates)
                } catch {
                    frontlineWarning = "no front lines stored: \(error)"
                    return StoredFrontlines(days: [], coordinates: [:])
                }
            }, gazetteer: gazetteer)
            let outcome = try store.ingest(batch, readAt: IngestClock.now())
            if let frontlineWarning { warnings.append(frontlineWarning) }
            warnings += try store.read(gazetteer: gazetteer).warnings
            return IngestReport(outcome: outcome, warnings: warnings, store: location.description)
        } catch {
            // The store this job created goes again; failing to remove it must not hide the error that matters.
            if !existed, case .geoPackage(let path) = location { try? FileManager.default.removeItem(atPath: path) }
            throw error
        }
    }
}

extension EventInputs {
    /// Each input of `request` as the store takes it: a report's tellings (extracted, not merged) or an
    /// event file's events, with the SHA-256 of its bytes. Files whose SHA-256 is in `known` are passed
    /// with no events (the store skips them) and are not extracted again.
    /// - Returns: the inputs, in order (folders' files in name order), and the extraction's warnings.
    /// - Throws: `ReportError`, `EventFileError` naming the file (and line).
    public static func storeInputs(_ request: EventRequest, gazetteer: Gazetteer, lexicon: Lexicon,
                                   known: Set<String>) throws -> (inputs: [StoreInput], warnings: [String]) {
        let files = try InputFiles.collect(request.inputs)
        var extractor = Extractor(gazetteer: gazetteer, lexicon: lexicon)
        extractor.explains = false
        var inputs: [StoreInput] = [], warnings: [String] = []
        for path in files.reports {
            let sha = try EventInputs.sha256(of: path)
            let name = (path as NSString).lastPathComponent
            guard !known.contains(sha) else {
                inputs.append(StoreInput(name: name, kind: .report, date: nil, sha256: sha, events: [], statements: []))
                continue
            }
            let report = try Report.load(path: path, fallbackDate: request.fallbackDate)
            let r = try extractor.extract(report: report)
            warnings += r.warnings
            inputs.append(StoreInput(name: report.name, kind: .report, date: report.date, sha256: sha, events: r.events,
                                     statements: r.statements))
        }
        for path in files.eventFiles {
            let sha = try EventInputs.sha256(of: path)
            let name = (path as NSString).lastPathComponent
            let read = known.contains(sha) ? [] : try EventFiles.load(path: path)
            inputs.append(StoreInput(name: name, kind: .events, date: nil, sha256: sha,
                                     events: read.filter { $0.kind == .event }, statements: read.filter { $0.kind == .statement }))
        }
        return (inputs, warnings)
    }

    /// SHA-256 of a file's bytes (memory-mapped). Throws `EventFileError.unreadable`.
    static func sha256(of path: String) throws -> String {
        let data = try EventFiles.bytes(of: path)
        return data.withUnsafeBytes { SHA256.hex($0) }
    }
}
