import EventModel
import Foundation
import GeoModel
import Places

/// What every FeatureCollection PlaceMap writes says about its data's origin (the `attribution` member).
public enum Attribution {
    /// The credit line of layers drawn without a gazetteer (events read from files): PlaceMap's own.
    public static let text = "events, front lines and layers: PlaceMap"

    /// The credit line of layers drawn with `gazetteer`: the credits of its data (`Gazetteer.attribution`:
    /// GeoNames, OpenStreetMap, Natural Earth, as loaded), then PlaceMap's own.
    public static func text(for gazetteer: Gazetteer?) -> String {
        guard let credits = gazetteer?.attribution, !credits.isEmpty else { return text }
        return credits + "; " + text
    }

    /// The foreign members of a layer: `attribution` (`text`) and `name` (GDAL reads `name` as the layer name).
    public static func members(name: String, text: String = Attribution.text) -> [String: JSONValue] {
        ["attribution": .string(text), "name": .string(name)]
    }
}

/// Event layers streamed to files: a FeatureCollection of events (plus any other features, such as a
/// day's front line) and the RFC 8142 sequence.
public enum EventLayers {
    /// The bounding box of the events at `indices` (all when nil) and of `extra`; nil when none has a position.
    public static func bounds(_ events: [Event], indices: [Int32]?, extra: [Feature] = []) -> BoundingBox? {
        var box = FeatureCollection(features: extra).computedBoundingBox
        func add(_ c: Coordinate?) {
            guard let c else { return }
            if box == nil { box = BoundingBox(west: c.x, south: c.y, east: c.x, north: c.y) } else { box!.extend(with: c) }
        }
        events.withUnsafeBufferPointer { all in
            if let indices { for k in indices { add(all[Int(k)].coordinate) } } else { for i in all.indices { add(all[i].coordinate) } }
        }
        return box
    }

    /// Writes the events at `indices` (all when nil, in array order), then `extra`, as one FeatureCollection
    /// named `name` at `path` (temporary file and rename); `done` is told the events written so far.
    /// Throws `LayersError.unwritableOutput`.
    public static func writeCollection(_ events: [Event], indices: [Int32]?, extra: [Feature] = [],
                                       to path: String, name: String, attribution: String = Attribution.text,
                                       done: (Int) -> Void = { _ in }) throws {
        let w = try FeatureCollectionWriter(path: path, bbox: bounds(events, indices: indices, extra: extra),
                                            members: Attribution.members(name: name, text: attribution))
        w.write(events: events, indices: indices, done: done)
        for f in extra { w.write(feature: f) }
        try w.finish()
    }

    /// Writes one layer a day into the files `path(day)`: each day's events (in array order, on the days
    /// `DayPartition` gives them) followed by `extra[day]`, for every day that has events or extras.
    /// Passes over the events: their first and last day; then per window of calendar days (one, unless
    /// the dates span centuries) the count and box of each day, and per batch of `maxOpen` days the
    /// features (`writeBatch`, one pass per core), each day's file streamed through its own small buffer.
    /// Returns each day's feature count. Throws `LayersError.unwritableOutput`.
    public static func writeDays(_ events: [Event], extra: [Day: [Feature]] = [:], attribution: String = Attribution.text,
                                 path: (Day) throws -> String, maxOpen: Int = 512) throws -> [(day: Day, count: Int)] {
        var lo = extra.keys.min(), hi = extra.keys.max()
        events.withUnsafeBufferPointer { all in
            for i in all.indices {
                guard let span = DayPartition.days(start: all[i].start, end: all[i].end) else { continue }
                if lo == nil || span.first < lo! { lo = span.first }
                if hi == nil || span.last > hi! { hi = span.last }
            }
        }
        guard let lo, let hi else { return [] }
        var counts: [(day: Day, count: Int)] = []
        var windowStart = lo
        while windowStart <= hi {
            let window = DayWindow(first: windowStart, last: min(windowStart.adding(days: DayWindow.maxDays - 1), hi))
            windowStart = window.last.adding(days: 1)
            let tally = window.tally(events, extra: extra)
            var batchStart = 0
            while batchStart < tally.days.count {
                let range = batchStart..<min(batchStart + max(maxOpen, 1), tally.days.count)
                batchStart = range.upperBound
                let batch = DayBatch(days: Array(tally.days[range]))
                let paths = try batch.days.map(path)
                let extras = batch.days.map { extra[$0] ?? [] }
                try writeBatch(events, batch: batch, paths: paths, boxes: Array(tally.boxes[range]), extras: extras,
                               attribution: attribution)
                for k in range { counts.append((tally.days[k], tally.counts[k])) }
            }
        }
        return counts
    }

    /// Writes the layers of one batch of days. The days are dealt to the workers (slot k to worker
    /// k % workers), which run at once: each opens its days' files, streams every event on one of its days
    /// straight into that day's buffer (an event on several of its days is formatted once and its bytes
    /// copied), appends the extras and commits. So each event is formatted once, and the formatting and
    /// the kernel's copies run on every core with no ordering between workers. Throws the first day's
    /// `LayersError.unwritableOutput`.
    private static func writeBatch(_ events: [Event], batch: DayBatch, paths: [String], boxes: [BoundingBox?],
                                   extras: [[Feature]], attribution: String) throws {
        let n = batch.days.count
        let workers = min(FormatPipeline.workerCount, n)
        let failure = FirstFailure()
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var writers = [FeatureCollectionWriter?](repeating: nil, count: n)
            var k = w
            do {
                while k < n {
                    writers[k] = try FeatureCollectionWriter(path: paths[k], bbox: boxes[k],
                                                             members: Attribution.members(name: "\(batch.days[k])", text: attribution),
                                                             bufferSize: 1 << 16)
                    k += workers
                }
                events.withUnsafeBufferPointer { all in
                    for i in all.indices {
                        guard let slots = batch.slots(all[i].start, all[i].end) else { continue }
                        var k = slots.lowerBound + (w - slots.lowerBound % workers + workers) % workers
                        guard k < slots.upperBound else { continue }
                        let bytes = writers[k]!.writeEvent(all[i])
                        k += workers
                        while k < slots.upperBound {
                            if let bytes { writers[k]!.appendFeature(bytes: bytes) } else { writers[k]!.writeEvent(all[i]) }
                            k += workers
                        }
                    }
                }
                k = w
                while k < n {
                    for f in extras[k] { writers[k]!.write(feature: f) }
                    try writers[k]!.finish()
                    k += workers
                }
            } catch {
                failure.record(slot: k, error)
            }
        }
        try failure.rethrow()
    }

    /// Writes every event as an RFC 8142 GeoJSON text sequence at `path`. Throws `LayersError.unwritableOutput`.
    public static func writeSequence(_ events: [Event], to path: String) throws {
        let w = try FeatureSequenceWriter(path: path)
        w.write(events: events)
        try w.finish()
    }
}

/// Calendar days from `first` to `last` (at most `maxDays`), whose layer days are counted in one pass.
struct DayWindow {
    /// The most calendar days in a window (179 years: one window for any real data set).
    static let maxDays = 1 << 16

    let first: Day, last: Day

    /// The window's layer days (those with events or extras), ascending, with their feature counts
    /// (extras included) and bounding boxes.
    func tally(_ events: [Event], extra: [Day: [Feature]]) -> (days: [Day], counts: [Int], boxes: [BoundingBox?]) {
        let n = first.days(to: last) + 1
        var count = [Int](repeating: 0, count: n)
        var box = [BoundingBox?](repeating: nil, count: n)
        events.withUnsafeBufferPointer { all in
            for i in all.indices {
                guard let span = DayPartition.days(start: all[i].start, end: all[i].end), span.last >= first,
                      span.first <= last else { continue }
                let c = all[i].coordinate
                for k in first.days(to: max(span.first, first))...first.days(to: min(span.last, last)) {
                    count[k] += 1
                    guard let c else { continue }
                    if box[k] == nil { box[k] = BoundingBox(west: c.x, south: c.y, east: c.x, north: c.y) }
                    else { box[k]!.extend(with: c) }
                }
            }
        }
        var result: (days: [Day], counts: [Int], boxes: [BoundingBox?]) = ([], [], [])
        for k in 0..<n {
            let day = first.adding(days: k)
            let more = extra[day] ?? []
            guard count[k] > 0 || !more.isEmpty else { continue }
            var b = FeatureCollection(features: more).computedBoundingBox
            if let e = box[k] { if b == nil { b = e } else { b!.extend(with: e) } }
            result.days.append(day)
            result.counts.append(count[k] + more.count)
            result.boxes.append(b)
        }
        return result
    }
}

/// Layer days written together (ascending, at most `maxOpen`, within one window).
struct DayBatch: Sendable {
    /// The days; a day's slot is its position here.
    let days: [Day]
    private let first: Day, last: Day
    /// The slot of each calendar day from `first` to `last` (-1: not a layer day).
    private let slot: [Int32]

    init(days: [Day]) {
        self.days = days
        first = days.first!
        last = days.last!
        var slot = [Int32](repeating: -1, count: first.days(to: last) + 1)
        for (k, d) in days.enumerated() { slot[first.days(to: d)] = Int32(k) }
        self.slot = slot
    }

    /// The slots of the days an event dated `start`...`end` goes to within this batch; nil when none.
    /// Every day of an event's span has an event (this one), so those of the batch are consecutive slots.
    @inline(__always) func slots(_ start: Day?, _ end: Day?) -> Range<Int>? {
        guard let span = DayPartition.days(start: start, end: end), span.last >= first, span.first <= last else {
            return nil
        }
        let from = max(span.first, first), to = min(span.last, last)
        let k = Int(slot[first.days(to: from)])
        return k..<k + from.days(to: to) + 1
    }
}

/// The failure of the lowest slot among concurrent workers.
final class FirstFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var first: (slot: Int, error: any Error)?

    /// Keeps `error` when no failure of a lower slot is kept.
    func record(slot: Int, _ error: any Error) {
        lock.withLock { if first.map({ slot < $0.slot }) ?? true { first = (slot, error) } }
    }

    /// Throws the kept failure, if any.
    func rethrow() throws {
        if let first = lock.withLock({ first }) { throw first.error }
    }
}
