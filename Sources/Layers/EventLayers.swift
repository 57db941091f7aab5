import Events
import GeoModel

/// What every FeatureCollection PlaceMap writes says about its data's origin (the `attribution` member).
public enum Attribution {
    /// The credit line: places from GeoNames (CC BY 4.0), borders from Natural Earth (public domain),
    /// events and layers by PlaceMap.
    public static let text = "Places: GeoNames (geonames.org), CC BY 4.0; borders: Natural Earth (naturalearthdata.com), "
        + "public domain; events, front lines and layers: PlaceMap"

    /// The foreign members of a layer: `attribution` and `name` (GDAL reads `name` as the layer name).
    public static func members(name: String) -> [String: JSONValue] {
        ["attribution": .string(text), "name": .string(name)]
    }
}

/// Event layers streamed to files: a FeatureCollection of events (plus any other features, such as a
/// day's front line) and the RFC 8142 sequence.
public enum EventLayers {
    /// The bounding box of the events at `indices` (all when nil) and of `extra`; nil when none has a position.
    public static func bounds(_ events: [Event], indices: [Int32]?, extra: [Feature] = []) -> BoundingBox? {
        var box = FeatureCollection(features: extra).computedBoundingBox
        func add(_ e: Event) {
            guard let c = e.coordinate else { return }
            if box == nil { box = BoundingBox(west: c.x, south: c.y, east: c.x, north: c.y) } else { box!.extend(with: c) }
        }
        if let indices { for k in indices { add(events[Int(k)]) } } else { for e in events { add(e) } }
        return box
    }

    /// Writes the events at `indices` (all when nil, in array order), then `extra`, as one FeatureCollection
    /// named `name` at `path` (temporary file and rename). Throws `LayersError.unwritableOutput`.
    public static func writeCollection(_ events: [Event], indices: [Int32]?, extra: [Feature] = [],
                                       to path: String, name: String) throws {
        let w = try FeatureCollectionWriter(path: path, bbox: bounds(events, indices: indices, extra: extra),
                                            members: Attribution.members(name: name))
        events.withUnsafeBufferPointer { all in
            if let indices { for k in indices { w.write(event: all[Int(k)]) } } else { for i in all.indices { w.write(event: all[i]) } }
        }
        for f in extra { w.write(feature: f) }
        try w.finish()
    }

    /// Writes one layer a day into the files `path(day)`: each day's events (in array order, on the days
    /// `DayPartition` gives them) followed by `extra[day]`, for every day that has events or extras.
    /// Sequential passes over the events (the days, then per batch of `maxOpen` days the boxes and the
    /// features), each day's file streamed through its own small buffer. Returns each day's feature
    /// count. Throws `LayersError.unwritableOutput`.
    public static func writeDays(_ events: [Event], extra: [Day: [Feature]] = [:],
                                 path: (Day) throws -> String, maxOpen: Int = 128) throws -> [(day: Day, count: Int)] {
        var seen = Set(extra.keys)
        var lastSpan: (first: Day, last: Day)?
        events.withUnsafeBufferPointer { all in
            for i in all.indices {
                guard let span = DayPartition.days(start: all[i].start, end: all[i].end) else { continue }
                if let l = lastSpan, l.first == span.first, l.last == span.last { continue }
                lastSpan = span
                var d = span.first
                while d <= span.last { seen.insert(d); d = d.adding(days: 1) }
            }
        }
        let days = seen.sorted()
        var counts: [(day: Day, count: Int)] = []
        var batchStart = 0
        while batchStart < days.count {
            let batch = Array(days[batchStart..<min(batchStart + maxOpen, days.count)])
            batchStart += batch.count
            let first = batch.first!, last = batch.last!
            // slot of each calendar day of the batch's range (-1: not a layer of this batch)
            var slot = [Int](repeating: -1, count: first.days(to: last) + 1)
            for (k, d) in batch.enumerated() { slot[first.days(to: d)] = k }
            var boxes = batch.map { FeatureCollection(features: extra[$0] ?? []).computedBoundingBox }
            var counted = [Int](repeating: 0, count: batch.count)
            func eachSlot(_ start: Day?, _ end: Day?, _ body: (Int) -> Void) {
                guard let span = DayPartition.days(start: start, end: end), span.last >= first, span.first <= last
                else { return }
                var d = max(span.first, first)
                let end = min(span.last, last)
                while d <= end {
                    let k = slot[first.days(to: d)]
                    if k >= 0 { body(k) }
                    d = d.adding(days: 1)
                }
            }
            events.withUnsafeBufferPointer { all in
                for i in all.indices {
                    let c = all[i].coordinate
                    eachSlot(all[i].start, all[i].end) { k in
                        counted[k] += 1
                        guard let c else { return }
                        if boxes[k] == nil { boxes[k] = BoundingBox(west: c.x, south: c.y, east: c.x, north: c.y) }
                        else { boxes[k]!.extend(with: c) }
                    }
                }
            }
            let writers = try batch.enumerated().map { k, d in
                try FeatureCollectionWriter(path: path(d), bbox: boxes[k], members: Attribution.members(name: "\(d)"),
                                            bufferSize: 1 << 16)
            }
            events.withUnsafeBufferPointer { all in
                for i in all.indices { eachSlot(all[i].start, all[i].end) { writers[$0].write(event: all[i]) } }
            }
            for (k, d) in batch.enumerated() {
                for f in extra[d] ?? [] { writers[k].write(feature: f) }
                try writers[k].finish()
                counts.append((d, counted[k] + (extra[d]?.count ?? 0)))
            }
        }
        return counts
    }

    /// Writes every event as an RFC 8142 GeoJSON text sequence at `path`. Throws `LayersError.unwritableOutput`.
    public static func writeSequence(_ events: [Event], to path: String) throws {
        let w = try FeatureSequenceWriter(path: path)
        for e in events { w.write(event: e) }
        try w.finish()
    }
}
