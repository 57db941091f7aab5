import Foundation
import EventModel
import GeoModel
import Places
import Queries

/// The stored events as a job reads them: the overrides kept in the store applied, and the warnings of
/// those that could not be (an unknown id, a place the gazetteer lacks).
public struct StoredEvents: Sendable {
    public var events: [Event]
    public var statements: [Event]
    public var warnings: [String]
}

/// What `ingest` adds: the inputs (in order), the overrides file read with them, and how to draw the front
/// lines of the store's events once they are in.
public struct IngestBatch {
    /// Reports and event files, read and extracted.
    public var inputs: [StoreInput]
    /// Overrides to keep, and the file they came from.
    public var overrides: (file: String, rows: [Override])?
    /// The front lines of all the store's events after the ingest (overrides applied), or nil to leave the
    /// stored front lines as they are.
    public var frontlines: (([Event]) throws -> StoredFrontlines)?
    /// The gazetteer the kept overrides are applied with (a `move` to a place name needs it).
    public var gazetteer: Gazetteer?

    /// A batch.
    public init(inputs: [StoreInput], overrides: (file: String, rows: [Override])? = nil,
                frontlines: (([Event]) throws -> StoredFrontlines)? = nil, gazetteer: Gazetteer? = nil) {
        self.inputs = inputs; self.overrides = overrides; self.frontlines = frontlines; self.gazetteer = gazetteer
    }
}

extension EventStore {
    /// Adds `batch` in one transaction. A file whose SHA-256 the store knows changes nothing; a report
    /// read under a known name with other bytes replaces its earlier reading. New reports' tellings join
    /// the stored ones and all are merged again (`EventMerger`), so that a report telling a stored happening
    /// adds a source to that event, and ingesting day by day gives exactly the events of reading every day
    /// at once. An event file's events are kept as they are, each replacing a stored event of its id.
    /// - Parameter readAt: when the files were read (ISO 8601 UTC), recorded with each.
    /// - Throws: `StoreError`, or the front lines' error; the store is then left as it was.
    public func ingest(_ batch: IngestBatch, readAt: String) throws -> IngestOutcome {
        try transaction {
            var outcome = IngestOutcome()
            outcome.eventsBefore = try eventCount()
            let stored = try reports()
            var known = Set(stored.map(\.sha256))
            let names = Set(stored.map(\.name))
            var newReports = false
            for input in batch.inputs {
                guard known.insert(input.sha256).inserted else { outcome.skipped.append(input.name); continue }
                if names.contains(input.name) { try forget(reportNamed: input.name) }
                let record = StoredReport(name: input.name, kind: input.kind, date: input.date, sha256: input.sha256,
                                          readAt: readAt, events: input.events.count + input.statements.count)
                switch input.kind {
                case .report:
                    try add(report: record, tellings: input.events, statements: input.statements)
                    newReports = true
                case .events:
                    try add(report: record, tellings: [], statements: input.statements)
                    try putFileEvents(input.events)
                }
                outcome.added.append(input.name)
            }
            if newReports { try replaceReportEvents(EventMerger.merge(try tellings())) }
            if let o = batch.overrides { try add(overrides: o.rows, file: o.file) }
            outcome.overrides = try overrides().count
            if let draw = batch.frontlines, !outcome.added.isEmpty || batch.overrides != nil {
                let days = try draw(try read(gazetteer: batch.gazetteer).events)
                try replaceFrontlines(days)
                outcome.frontlineDays = days.days.count
            }
            outcome.eventsAfter = try eventCount()
            return outcome
        }
    }

    /// Every stored event and statement with the kept overrides applied (`Overrides.apply`; a `move` to a
    /// place name needs `gazetteer`).
    public func read(gazetteer: Gazetteer?) throws -> StoredEvents {
        let all = try allEvents()
        let kept = try overrides()
        guard !kept.isEmpty else { return StoredEvents(events: all.events, statements: all.statements, warnings: []) }
        let applied = Overrides.apply(kept, to: all.events + all.statements, gazetteer: gazetteer, file: location)
        return StoredEvents(events: applied.events.filter { $0.kind == .event },
                            statements: applied.events.filter { $0.kind == .statement }, warnings: applied.warnings)
    }

    /// The stored events within the query's circle that pass its filter, nearest first, with distance and
    /// bearing: exactly `query.run` over every stored event (overrides applied). The store gives the
    /// candidates (`candidates(near:)`: the R-tree's boxes, or the server's `ST_DWithin`); events an override
    /// touches are read apart and corrected first, since an override may move them.
    public func near(_ query: NearQuery, gazetteer: Gazetteer?) throws -> [NearHit] {
        let kept = try overrides()
        var found = try candidates(near: query.circle)
        if !kept.isEmpty {
            let touched = Set(kept.map(\.id))
            found = found.filter { !touched.contains($0.id) }
            found += Overrides.apply(kept, to: try events(ids: touched), gazetteer: gazetteer, file: location).events
        }
        return query.run(found)
    }
}

/// The time of an ingest as the stores record it.
public enum IngestClock {
    /// Now, ISO 8601 UTC to the second.
    public static func now() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date())
    }
}
