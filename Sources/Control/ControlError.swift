import GeoModel
import EventModel

/// Errors of the control module, each with one clear line of text.
public enum ControlError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A row of a control table that cannot be used; `line` is 1-based and names the row's first line.
    case row(file: String, line: Int, message: String)
    /// A control file that cannot be read at all (missing, not UTF-8, no header).
    case file(String, message: String)
    /// A day before the first row of the control table.
    case beforeData(day: Day, firstDay: Day)
    /// A day after the last day the control table speaks for (extend it on purpose with `assumesUnchanged`).
    case afterData(day: Day, lastDay: Day)
    /// A side the front line cannot be drawn for: the table does not name it.
    case unknownSide(Side, known: [Side])
    /// A control table with no rows.
    case emptyTable(file: String)
    /// An area of interest that cannot be used (empty, not a polygon, outside the settlements).
    case area(String)
    /// Fewer than two settlements hold a side on a day: no Voronoi split is possible.
    case tooFewSettlements(day: Day, count: Int)
    /// A date range whose end comes before its start.
    case badRange(from: Day, to: Day)
    /// A geometry or projection step failed; the text carries GEOS's or PROJ's message.
    case geometry(String)

    /// One line for people.
    public var description: String {
        switch self {
        case .row(let f, let l, let m): return "\(f):\(l): \(m)"
        case .file(let f, let m): return "\(f): \(m)"
        case .beforeData(let d, let first):
            return "no control data for \(d): the control table starts on \(first)"
        case .afterData(let d, let last):
            return "no control data for \(d): the control table ends on \(last) (--assume-unchanged keeps its last state)"
        case .unknownSide(let side, let known):
            return "the control table has no side \"\(side)\" (its sides: \(known.map(\.rawValue).joined(separator: ", ")))"
        case .emptyTable(let f): return "\(f): the control table has no rows"
        case .area(let m): return "area of interest: \(m)"
        case .tooFewSettlements(let d, let n):
            return "\(d): only \(n) settlement(s) hold a side on this day; a front line needs at least two"
        case .badRange(let a, let b): return "the range ends (\(b)) before it starts (\(a))"
        case .geometry(let m): return "front line geometry: \(m)"
        }
    }
}
