import Control
import EventModel
import GeoModel
import Geodesy

/// One input read for a store: a report's unmerged events (its tellings) or an event file's events, with
/// the SHA-256 of the file's bytes, by which the store knows it has read it already.
public struct StoreInput: Sendable, Hashable {
    /// A report (extracted and merged with the other reports' tellings), or a file of coded events (kept as
    /// they are, as `map` keeps them).
    public enum Kind: String, Sendable, Hashable { case report, events }

    /// The file's name, without its folder.
    public var name: String
    /// What the file is.
    public var kind: Kind
    /// The report's date (nil for an event file).
    public var date: Day?
    /// SHA-256 of the file's bytes, 64 lowercase hexadecimal digits.
    public var sha256: String
    /// A report's tellings (one event a sentence, before merging), or an event file's events.
    public var events: [Event]
    /// Statements and diplomacy (no place).
    public var statements: [Event]

    /// An input.
    public init(name: String, kind: Kind, date: Day?, sha256: String, events: [Event], statements: [Event]) {
        self.name = name; self.kind = kind; self.date = date; self.sha256 = sha256; self.events = events
        self.statements = statements
    }
}

/// A file the store has read: its name, kind, date, SHA-256, when it was read and how many events it told.
public struct StoredReport: Sendable, Hashable {
    public var name: String
    public var kind: StoreInput.Kind
    public var date: Day?
    public var sha256: String
    /// When it was read, ISO 8601 UTC ("2020-02-06T08:30:00Z").
    public var readAt: String
    /// Events (tellings, for a report) and statements it held.
    public var events: Int

    /// A record of a file read.
    public init(name: String, kind: StoreInput.Kind, date: Day?, sha256: String, readAt: String, events: Int) {
        self.name = name; self.kind = kind; self.date = date; self.sha256 = sha256; self.readAt = readAt; self.events = events
    }
}

/// The front lines a store keeps: each day's line, sides and control, with the settlements' points.
public struct StoredFrontlines: Sendable {
    /// The days, in any order.
    public var days: [FrontlineDay]
    /// The point of each settlement of the control table, by gazetteer id.
    public var coordinates: [String: Coordinate]

    /// Front lines to store.
    public init(days: [FrontlineDay], coordinates: [String: Coordinate]) { self.days = days; self.coordinates = coordinates }
}

/// What an ingest did.
public struct IngestOutcome: Sendable, Equatable {
    /// The files read for the first time.
    public var added: [String] = []
    /// The files the store had read already (same SHA-256): nothing changed for them.
    public var skipped: [String] = []
    /// Events in the store before and after (statements apart).
    public var eventsBefore = 0, eventsAfter = 0
    /// Overrides the store keeps after the ingest.
    public var overrides = 0
    /// Front-line days stored (nil when the front lines were left as they were).
    public var frontlineDays: Int?
}

/// Where analysts keep their events between runs: a GeoPackage file or a PostGIS database. Each store
/// implements these primitives; ingesting, reading with the overrides applied and `near` are written
/// once on top of them (`EventStore+Jobs`), so that both stores give the same answers.
///
/// The primitives that write are called inside `transaction`, which commits when its body returns and
/// rolls back when it throws: a failed ingest leaves the store as it was.
public protocol EventStore: AnyObject {
    /// The file or URL (without its password), for messages.
    var location: String { get }

    /// Runs `body` in one transaction. Throws `StoreError`, or `body`'s error after rolling back.
    func transaction<T>(_ body: () throws -> T) throws -> T

    /// Every file read, in the order read.
    func reports() throws -> [StoredReport]
    /// Records a file as read, with a report's tellings and any file's statements.
    func add(report: StoredReport, tellings: [Event], statements: [Event]) throws
    /// Forgets an earlier reading of the file `name` (its record, tellings and statements): an edited report.
    func forget(reportNamed name: String) throws
    /// Every stored telling of every report (for merging).
    func tellings() throws -> [Event]
    /// Replaces every event merged from reports (and their sources) by `events`.
    func replaceReportEvents(_ events: [Event]) throws
    /// Adds events of an event file, each replacing a stored event of the same id.
    func putFileEvents(_ events: [Event]) throws
    /// Every stored event (merged from reports, and from event files) and statement, before overrides.
    func allEvents() throws -> (events: [Event], statements: [Event])
    /// The stored events and statements of these ids (those that exist), before overrides.
    func events(ids: Set<String>) throws -> [Event]
    /// The stored events that may lie within `circle` (a superset: the caller decides exactly).
    func candidates(near circle: GeodesicCircle) throws -> [Event]
    /// The number of stored events (statements apart).
    func eventCount() throws -> Int
    /// The kept overrides, in the order given.
    func overrides() throws -> [Override]
    /// Keeps `overrides` read from `file`, each replacing a kept one for the same event and action.
    func add(overrides: [Override], file: String) throws
    /// Replaces the stored front lines, sides and control.
    func replaceFrontlines(_ frontlines: StoredFrontlines) throws
}
