import GeoModel
import EventModel
import Places

/// An extracted event that `ControlTable.adding(events:gazetteer:)` did not turn into a row, and why.
public struct SkippedEvent: Hashable, Sendable {
    /// The event's id.
    public var eventID: String
    /// Why it was not used ("the control table has a row for Saraqib on 2020-02-06", "no place id", ...).
    public var reason: String
}

extension ControlTable {
    /// The side an event says a place passed to, or nil when it is not a change of control: a change to the
    /// side that acted (`ControlChange.toActor`) is the government's when that side is state forces (or the
    /// sub-type is *Government regains territory*), else the opposition's; a siege makes it contested.
    public static func side(after e: Event) -> Side? {
        switch e.category.controlChange {
        case .contested?: return .contested
        case .toActor?:
            if e.subType == .governmentRegainsTerritory || e.actor1?.kind == .stateForces { return .government }
            return .opposition
        case nil: return nil
        }
    }

    /// The table with a row added for each change of control among `events`, where the table has no row
    /// for that place and date: the table's rows win. A change takes effect on the event's last day
    /// (`end`, else `start`); events that disagree about one place and day make it contested. Places
    /// must be in `gazetteer` (a place new to the table becomes a settlement from its first event on).
    /// Returns the table and the events not used, with the reason.
    public func adding(events: [Event], gazetteer: Gazetteer) throws -> (table: ControlTable, skipped: [SkippedEvent]) {
        var skipped: [SkippedEvent] = []
        var found: [String: (place: String, side: Side, ids: [String])] = [:]  // keyed by "placeID|day"
        var keys: [(String, Day, String)] = []
        for e in events {
            guard let side = ControlTable.side(after: e) else { continue }
            guard let id = e.placeID, let place = gazetteer.place(id: id) else {
                skipped.append(SkippedEvent(eventID: e.id, reason: "\(e.place): no gazetteer place id"))
                continue
            }
            guard let day = e.end ?? e.start else {
                skipped.append(SkippedEvent(eventID: e.id, reason: "\(place.name): the event is undated"))
                continue
            }
            if let row = rows(of: id).first(where: { $0.from == day }) {
                skipped.append(SkippedEvent(eventID: e.id,
                                            reason: "the control table has a row for \(row.place) on \(day)"))
                continue
            }
            let key = "\(id)|\(day)"
            if var f = found[key] {
                if f.side != side { f.side = .contested }
                f.ids.append(e.id)
                found[key] = f
            } else {
                found[key] = (place.name, side, [e.id])
                keys.append((id, day, key))
            }
        }
        var all = rows
        for (id, day, key) in keys {
            let f = found[key]!
            all.append(ControlRow(placeID: id, place: rows(of: id).first?.place ?? f.place, side: f.side, from: day,
                                  source: "event " + f.ids.joined(separator: ", "), origin: .event(id: f.ids[0])))
        }
        var table = try ControlTable(file: file, rows: all, gazetteer: gazetteer)
        table.lastDay = max(table.lastDay, lastDay)
        table.assumesUnchanged = assumesUnchanged
        return (table, skipped)
    }
}
