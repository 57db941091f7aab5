import FileIO
import Foundation
import GeoModel
import Places
import EventModel

/// One dated statement of control: from `from` on, `place` is held by `side` (until the place's next row).
public struct ControlRow: Hashable, Sendable {
    /// Where a row comes from.
    public enum Origin: Hashable, Sendable {
        /// A row of the control table: the file and its 1-based line.
        case table(file: String, line: Int)
        /// A change read from an extracted event, by the event's id.
        case event(id: String)
    }

    /// The gazetteer id of the settlement.
    public var placeID: String
    /// The settlement's display name.
    public var place: String
    /// Who holds it from `from` on.
    public var side: Side
    /// The first day of this control.
    public var from: Day
    /// The public report the row rests on (a URL or a citation).
    public var source: String
    /// The table line or event this row comes from.
    public var origin: Origin

    public init(placeID: String, place: String, side: Side, from: Day, source: String, origin: Origin) {
        self.placeID = placeID; self.place = place; self.side = side; self.from = from
        self.source = source; self.origin = origin
    }
}

/// A settlement and its side on one day.
public struct PlaceControl: Hashable, Sendable {
    /// The gazetteer id.
    public var placeID: String
    /// The display name.
    public var place: String
    /// Who holds it.
    public var side: Side
}

/// Who holds which settlement on which day: the control table (`Gazetteer/control/control.csv`), with
/// changes from extracted events where the table is silent. For each place the latest row with
/// `from <= day` holds, from the table's first day to its last (the latest `from`, or a later day a `*`
/// row states the whole table for); a day outside is an error unless `assumesUnchanged` extends the last
/// state on purpose.
public struct ControlTable: Sendable {
    /// The file the rows were read from (for messages).
    public let file: String
    /// Every row, grouped by place (in order of first appearance) and in date order within a place.
    public private(set) var rows: [ControlRow]
    /// Settlement ids in order of first appearance.
    public private(set) var placeIDs: [String]
    /// The settlements' points (longitude, latitude), by id.
    public private(set) var coordinates: [String: Coordinate]
    /// The first day any row covers.
    public private(set) var firstDay: Day
    /// The last day the table speaks for: its latest row, or the latest day a `*` row states (the whole
    /// front unchanged on that day, e.g. a ceasefire).
    public internal(set) var lastDay: Day
    /// The sides the table names, in the order of their first row (file order).
    public private(set) var sides: [Side]
    /// When true, a day after `lastDay` takes the table's last state (`--assume-unchanged`); else it is an
    /// error (`ControlError.afterData`).
    public var assumesUnchanged = false
    private var byPlace: [String: [ControlRow]]

    /// The CSV columns, in the order the table writes them.
    public static let columns = ["place_id", "place", "side", "from", "source"]

    /// Reads a control table from CSV text (RFC 4180) with the header `place_id,place,side,from,source`
    /// (columns in any order; more columns are ignored). Every place id must be in `gazetteer` (any of a
    /// place's ids); rows of one place must come in increasing date order. A row with `place_id` `*` and side
    /// `unchanged` states that every settlement kept its side on its day (the table speaks up to that day).
    /// Throws `ControlError.row` naming `file` and the line (unknown place id with the nearest spellings, a
    /// side that is not a word, malformed date, rows out of date order, missing field, CSV syntax) or
    /// `ControlError.emptyTable`.
    public init(csv text: String, file: String, gazetteer: Gazetteer) throws {
        var text = text
        let records: [(line: Int, fields: [String])] = try text.withUTF8 { bytes in
            var reader = CSVReader(bytes: bytes)
            var fields: [CSVField] = [], out: [(Int, [String])] = []
            do {
                while try reader.nextRow(&fields) {
                    if !CSVReader.isBlank(fields) { out.append((reader.line, fields.map(reader.string))) }
                }
            } catch let e as CSVSyntaxError {
                throw ControlError.row(file: file, line: e.line, message: e.message)
            }
            return out
        }
        guard let header = records.first else { throw ControlError.emptyTable(file: file) }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var column: [String: Int] = [:]
        for name in ControlTable.columns {
            guard let i = names.firstIndex(of: name) else {
                throw ControlError.row(file: file, line: header.line,
                                       message: "the header lacks the column \"\(name)\" (expected \(ControlTable.columns.joined(separator: ",")))")
            }
            column[name] = i
        }
        var rows: [ControlRow] = []
        var statedThrough: Day? = nil
        for r in records.dropFirst() {
            func field(_ name: String) throws -> String {
                let i = column[name]!
                guard i < r.fields.count else {
                    throw ControlError.row(file: file, line: r.line,
                                           message: "the row has \(r.fields.count) fields; column \"\(name)\" is missing")
                }
                return r.fields[i].trimmingCharacters(in: .whitespaces)
            }
            let id = try field("place_id"), name = try field("place")
            if id == "*" {
                let sideText = try field("side"), dateText = try field("from")
                guard sideText.lowercased() == "unchanged" else {
                    throw ControlError.row(file: file, line: r.line, message: "a \"*\" row states the whole table unchanged: its side must be \"unchanged\", not \"\(sideText)\"")
                }
                guard let day = Day(iso: dateText) else {
                    throw ControlError.row(file: file, line: r.line, message: "malformed date \"\(dateText)\" (expected YYYY-MM-DD)")
                }
                statedThrough = max(statedThrough ?? day, day)
                continue
            }
            guard let place = gazetteer.place(id: id) else {
                let hint = gazetteer.suggestions(for: name.isEmpty ? id : name, limit: 3).map { spelling in
                    let ids = gazetteer.places.filter { $0.name == spelling }.map(\.id)
                    return ids.isEmpty ? spelling : "\(spelling) (\(ids.joined(separator: ", ")))"
                }
                throw ControlError.row(file: file, line: r.line,
                                       message: "unknown place id \"\(id)\"" + (name.isEmpty ? "" : " (\(name))")
                                           + (hint.isEmpty ? "" : "; nearest spellings: \(hint.joined(separator: ", "))"))
            }
            let sideText = try field("side")
            guard let side = Side(parsing: sideText) else {
                throw ControlError.row(file: file, line: r.line,
                                       message: "the side \"\(sideText)\" of \(place.name) is not a side (\(Side.rule))")
            }
            let dateText = try field("from")
            guard let from = Day(iso: dateText) else {
                throw ControlError.row(file: file, line: r.line,
                                       message: "malformed date \"\(dateText)\" for \(place.name) (expected YYYY-MM-DD)")
            }
            rows.append(ControlRow(placeID: id, place: name.isEmpty ? place.name : name, side: side, from: from,
                                   source: try field("source"), origin: .table(file: file, line: r.line)))
        }
        guard !rows.isEmpty else { throw ControlError.emptyTable(file: file) }
        var last: [String: ControlRow] = [:]
        for row in rows {
            if let before = last[row.placeID], before.from >= row.from, case .table(_, let l) = row.origin,
               case .table(_, let lb) = before.origin {
                let what = before.from == row.from ? "a second row for \(row.place) on \(row.from)"
                    : "row for \(row.place) from \(row.from) comes after the row from \(before.from)"
                throw ControlError.row(file: file, line: l,
                                       message: "\(what) (line \(lb)); rows of a place must be in increasing date order")
            }
            last[row.placeID] = row
        }
        try self.init(file: file, rows: rows, gazetteer: gazetteer)
        if let statedThrough, statedThrough > lastDay { lastDay = statedThrough }
    }

    /// Reads a control table from a CSV file; see `init(csv:file:gazetteer:)`. Throws `ControlError.file`
    /// when the file cannot be read.
    public init(path: String, gazetteer: Gazetteer) throws {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ControlError.file(path, message: "cannot read the control table (\(error.localizedDescription))")
        }
        try self.init(csv: text, file: path, gazetteer: gazetteer)
    }

    /// A table of rows already checked (any order); rows of one place are sorted by date; `sides` follows
    /// the order of `rows`.
    init(file: String, rows: [ControlRow], gazetteer: Gazetteer) throws {
        self.file = file
        var order: [String] = [], groups: [String: [ControlRow]] = [:], coords: [String: Coordinate] = [:]
        var sides: [Side] = []
        for row in rows {
            if !sides.contains(row.side) { sides.append(row.side) }
            if groups[row.placeID] == nil {
                order.append(row.placeID)
                guard let p = gazetteer.place(id: row.placeID) else {
                    throw ControlError.row(file: file, line: 0, message: "unknown place id \"\(row.placeID)\"")
                }
                coords[row.placeID] = p.coordinate
            }
            groups[row.placeID, default: []].append(row)
        }
        for k in groups.keys { groups[k]!.sort { $0.from < $1.from } }
        placeIDs = order
        byPlace = groups
        coordinates = coords
        self.rows = order.flatMap { groups[$0]! }
        guard let first = rows.map(\.from).min(), let last = rows.map(\.from).max() else { throw ControlError.emptyTable(file: file) }
        firstDay = first
        lastDay = last
        self.sides = sides
    }

    /// The side whose boundary the front line is by default: the first side of the table other than
    /// `contested` (the bundled Idlib table: `government`), or nil when every row is contested.
    public var firstSide: Side? { sides.first { $0 != .contested } }


    /// The days on which some row starts, ascending.
    public var changeDays: [Day] { Array(Set(rows.map(\.from))).sorted() }

    /// The rows of one place, in date order.
    public func rows(of placeID: String) -> [ControlRow] { byPlace[placeID] ?? [] }

    /// The row in force for `placeID` on `day` (the latest with `from <= day`), or nil when the place has
    /// no row yet. Throws `ControlError.beforeData` when `day` comes before the table's first day, and
    /// `ControlError.afterData` when it comes after its last day and `assumesUnchanged` is false.
    public func row(of placeID: String, on day: Day) throws -> ControlRow? {
        try check(day)
        return byPlace[placeID]?.last { $0.from <= day }
    }

    /// Throws `ControlError.beforeData` or `.afterData` when the table does not speak for `day`.
    public func check(_ day: Day) throws {
        guard day >= firstDay else { throw ControlError.beforeData(day: day, firstDay: firstDay) }
        guard day <= lastDay || assumesUnchanged else { throw ControlError.afterData(day: day, lastDay: lastDay) }
    }

    /// Who holds `placeID` on `day`, or nil when the place has no row yet (or is not in the table).
    /// Throws `ControlError.beforeData` when `day` comes before the table's first day.
    public func side(of placeID: String, on day: Day) throws -> Side? {
        try row(of: placeID, on: day)?.side
    }

    /// Every settlement holding a side on `day`, in table order. Throws `ControlError.beforeData` or
    /// `.afterData` (see `row(of:on:)`).
    public func control(on day: Day) throws -> [PlaceControl] {
        try check(day)
        return try placeIDs.compactMap { id in
            try row(of: id, on: day).map { PlaceControl(placeID: id, place: $0.place, side: $0.side) }
        }
    }
}
