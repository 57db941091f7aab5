import EventModel
import FileIO
import GeoModel

/// The three event layers of a map written in one pass over the events: `events.geojson` (one
/// FeatureCollection), `events.geojsonseq` (RFC 8142: each Feature after RS and before LF) and each day's
/// `events.geojson`. Each event's Feature is formatted once, on worker threads (`FormatPipeline`), in its
/// sequence framing; the calling thread writes each block whole to the sequence and copies each Feature's
/// bytes into the collection and into the files of its days. The files hold the same bytes as
/// `EventLayers.writeCollection`, `writeSequence` and `writeDays` (without extras) of the same events.
///
/// A day's file is opened at its first event and closed when it holds all of its events (its count from
/// the `DayPartition`), so with events in output order (`MapJob.order`) only the files of a week are open
/// at a time; any order gives the same files.
enum EventLayerPass {
    /// The files of one pass.
    struct Paths {
        /// The FeatureCollection of all events.
        var collection: String
        /// The GeoJSON text sequence of all events.
        var sequence: String
        /// The file of one day's events.
        var day: (Day) throws -> String
    }

    /// Writes `events` (their days as `partition`, made from the same array, gives them) into `paths`:
    /// the collection named `name`, each day's named after the day, all carrying `attribution`. `done` is
    /// told the events written so far, at each block. Returns each day's feature count, in day order.
    /// Throws `LayersError.unwritableOutput` (or `FileIOError`) of the first file that cannot be written.
    static func write(_ events: [Event], partition: DayPartition, to paths: Paths, name: String, attribution: String,
                      done: (Int) -> Void = { _ in }) throws -> [(day: Day, count: Int)] {
        let collection = try FeatureCollectionWriter(path: paths.collection, bbox: EventLayers.bounds(events, indices: nil),
                                                     members: Attribution.members(name: name, text: attribution))
        let sequence = try ByteSink(path: paths.sequence)
        let days = DayFiles(partition: partition, events: events, attribution: attribution, path: paths.day)
        var written = 0
        // This thread writes the sequence and the collection; the day files are written alongside, on a
        // thread of their own, from the same blocks.
        FormatPipeline.events(events, indices: nil, framing: EventFraming(before: 0x1E, after: 0x0A), route: days.route,
                              consume: { block in
            sequence.append(block.bytes)
            var start = 0
            for mark in block.marks {
                collection.appendFeature(bytes: DayFiles.feature(in: block, from: start, to: mark.end))
                start = mark.end
            }
            written += block.marks.count
            done(written)
        }, alongside: { block in days.append(block) })
        if let failure = days.failure { throw failure }
        try collection.finish()
        try sequence.commit()
        try days.finishAll()
        return days.counts
    }
}

/// The day files of one pass: which days an event goes to (slots, in day order), and a writer per day
/// that is open from its first Feature to its last. Used by one thread at a time (the pass's second
/// consumer, then the caller once the pass has ended).
private final class DayFiles: @unchecked Sendable {
    private let days: [Day]
    private let slotOfDay: [Day: Int]
    private let totals: [Int]
    private var remaining: [Int]
    private let boxes: [BoundingBox?]
    private var writers: [FeatureCollectionWriter?]
    private let attribution: String
    private let path: (Day) throws -> String
    /// The first error of writing; later blocks are then left unwritten.
    private(set) var failure: (any Error)?

    init(partition: DayPartition, events: [Event], attribution: String, path: @escaping (Day) throws -> String) {
        days = partition.sortedDays
        slotOfDay = Dictionary(uniqueKeysWithValues: days.enumerated().map { ($1, $0) })
        totals = days.map { partition.days[$0]?.count ?? 0 }
        remaining = totals
        boxes = days.map { EventLayers.bounds(events, indices: partition.days[$0]) }
        writers = Array(repeating: nil, count: days.count)
        self.attribution = attribution
        self.path = path
    }

    /// Each day's feature count, in day order.
    var counts: [(day: Day, count: Int)] { zip(days, totals).map { ($0, $1) } }

    /// The slots of the days of an event dated `start`...`end` (empty for an undated or ongoing event).
    /// Every day of its span has an event (this one), so they are consecutive slots.
    var route: @Sendable (Day?, Day?) -> Range<Int> {
        let slotOfDay = slotOfDay
        return { start, end in
            guard let span = DayPartition.days(start: start, end: end), let first = slotOfDay[span.first] else { return 0..<0 }
            return first..<first + span.first.days(to: span.last) + 1
        }
    }

    /// The Feature of a block between two marks, without its RS and LF.
    static func feature(in block: ByteBlock, from start: Int, to end: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: block.bytes[start + 1..<end - 1])
    }

    /// Appends every Feature of `block` to the files of its days.
    func append(_ block: ByteBlock) {
        guard failure == nil else { return }
        var start = 0
        do {
            for mark in block.marks {
                let feature = Self.feature(in: block, from: start, to: mark.end)
                for slot in mark.slots { try append(feature, slot: slot) }
                start = mark.end
            }
        } catch {
            failure = error
        }
    }

    /// Appends one Feature to the day of `slot`, opening its file at its first Feature and closing it
    /// after its last.
    private func append(_ feature: UnsafeRawBufferPointer, slot: Int) throws {
        if writers[slot] == nil {
            writers[slot] = try FeatureCollectionWriter(path: path(days[slot]), bbox: boxes[slot],
                                                        members: Attribution.members(name: "\(days[slot])", text: attribution),
                                                        bufferSize: 1 << 16)
        }
        writers[slot]!.appendFeature(bytes: feature)
        remaining[slot] -= 1
        if remaining[slot] == 0 {
            try writers[slot]!.finish()
            writers[slot] = nil
        }
    }

    /// Closes the files still open: none when the partition was made from the events written.
    func finishAll() throws {
        for k in writers.indices where writers[k] != nil {
            try writers[k]!.finish()
            writers[k] = nil
        }
    }
}
