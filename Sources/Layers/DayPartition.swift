import GeoModel
import EventModel

/// Which layer each event goes to: every day of a short event's dates (`days/YYYY-MM-DD.geojson`),
/// `ongoing` for events spanning more than `ongoingAfterDays` days, `undated` for events without dates.
/// Holds indices into the caller's event array (4 bytes an event), in the array's order.
public struct DayPartition: Sendable {
    /// Events spanning more days than this (7: more than a week) go to `ongoing`.
    public static let ongoingAfterDays = 7

    /// For each day, the indices of the events on that day, ascending.
    public private(set) var days: [Day: [Int32]] = [:]
    /// Indices of events spanning more than a week.
    public private(set) var ongoing: [Int32] = []
    /// Indices of undated events.
    public private(set) var undated: [Int32] = []

    /// Sorts `events` into days, ongoing and undated.
    public init(_ events: [Event]) {
        events.withUnsafeBufferPointer { all in  // read in place: no copy of each event's strings
            for i in all.indices {
                let k = Int32(i)
                guard all[i].start != nil else { undated.append(k); continue }
                guard let span = Self.days(start: all[i].start, end: all[i].end) else { ongoing.append(k); continue }
                var d = span.first
                while d <= span.last {
                    days[d, default: []].append(k)
                    d = d.adding(days: 1)
                }
            }
        }
    }

    /// The first and last day of an event's day layers; nil when it is undated or ongoing.
    @inline(__always) public static func days(of e: Event) -> (first: Day, last: Day)? { days(start: e.start, end: e.end) }

    /// The first and last day of the day layers of an event dated `start`...`end`; nil when undated or ongoing.
    @inline(__always) public static func days(start: Day?, end: Day?) -> (first: Day, last: Day)? {
        guard let start else { return nil }
        let end = max(end ?? start, start)
        return start.days(to: end) + 1 > ongoingAfterDays ? nil : (start, end)
    }

    /// The days that have events, in order.
    public var sortedDays: [Day] { days.keys.sorted() }
}
