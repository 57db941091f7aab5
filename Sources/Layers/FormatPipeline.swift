import FileIO
import GeoModel
import Foundation
import EventModel

/// A growable byte buffer that one block of formatted features is written into, with a mark per
/// feature (where it goes and where its bytes end) for callers that route features apart.
final class ByteBlock: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    /// Bytes written so far.
    private(set) var count = 0
    /// Per feature written with `mark(slots:)`: where its bytes go and the end offset of its bytes.
    private(set) var marks: [(slots: Range<Int>, end: Int)] = []

    init(capacity: Int = 1 << 20) {
        self.capacity = max(capacity, 4096)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Empties the block, keeping its memory.
    func reset() {
        count = 0
        marks.removeAll(keepingCapacity: true)
    }

    /// A cursor with room for `maxCount` bytes (the block grows when needed); hand it back to `commit`.
    @inline(__always) func cursor(room maxCount: Int) -> ByteCursor {
        if count + maxCount > capacity { grow(to: count + maxCount) }
        return ByteCursor(base + count)
    }

    /// Keeps the bytes written through `c`, a cursor from `cursor(room:)`.
    @inline(__always) func commit(_ c: ByteCursor) {
        let end = c.p - base
        precondition(end >= count && end <= capacity, "formatter wrote past its bound")
        count = end
    }

    /// Records that the bytes written since the previous mark go to `slots`.
    @inline(__always) func mark(slots: Range<Int>) { marks.append((slots, count)) }

    /// The bytes written.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    private func grow(to n: Int) {
        var c = capacity
        while c < n { c *= 2 }
        let b = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        b.update(from: base, count: count)
        base.deallocate()
        base = b
        capacity = c
    }
}

/// Formats numbered blocks of work on worker threads (one per core) and hands each filled block to the
/// caller's thread in block order, so the caller's writes overlap the formatting of the next blocks.
/// At most two blocks per worker exist at a time, so memory does not grow with the number of blocks.
enum FormatPipeline {
    /// Threads that format (the cores the process may use, at most 8).
    static var workerCount: Int { min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 8) }

    /// Calls `format(i, block)` for every block `i` in `0..<blocks` (each block emptied before), on worker
    /// threads, and `consume(i, block)` on the calling thread in order of `i`. With one block or one
    /// worker, both run on the calling thread.
    /// `alongside`, when given, receives every block too, in order, on a thread of its own (a second writer
    /// of the same bytes, so that two cores copy them into files); a block is reused once both consumed it.
    static func run(blocks: Int, workers: Int = workerCount, blockCapacity: Int = 1 << 20,
                    format: @escaping @Sendable (Int, ByteBlock) -> Void, consume: (Int, ByteBlock) -> Void,
                    alongside: (@Sendable (Int, ByteBlock) -> Void)? = nil) {
        guard blocks > 0 else { return }
        let workers = min(workers, blocks)
        guard workers > 1 else {
            let block = ByteBlock(capacity: blockCapacity)
            for i in 0..<blocks {
                block.reset()
                format(i, block)
                consume(i, block)
                alongside?(i, block)
            }
            return
        }
        // Block i is formatted by worker i % workers into slot i % ring; a slot is reused (free) once the
        // caller has consumed its previous block, and handed over (ready) once formatted.
        let ring = 2 * workers
        let slots = (0..<ring).map { _ in ByteBlock(capacity: blockCapacity) }
        let free = (0..<ring).map { _ in DispatchSemaphore(value: 1) }
        let ready = (0..<ring).map { _ in DispatchSemaphore(value: 0) }
        let done = DispatchGroup()
        // The second consumer: waits for each block as the caller does and says when it is done with it.
        let readyAlongside = (0..<ring).map { _ in DispatchSemaphore(value: 0) }
        let consumedAlongside = (0..<ring).map { _ in DispatchSemaphore(value: 0) }
        if let alongside {
            done.enter()
            Thread {
                for i in 0..<blocks {
                    let s = i % ring
                    readyAlongside[s].wait()
                    alongside(i, slots[s])
                    consumedAlongside[s].signal()
                }
                done.leave()
            }.start()
        }
        for w in 0..<workers {
            done.enter()
            Thread {
                var i = w
                while i < blocks {
                    let s = i % ring
                    free[s].wait()
                    slots[s].reset()
                    format(i, slots[s])
                    ready[s].signal()
                    if alongside != nil { readyAlongside[s].signal() }
                    i += workers
                }
                done.leave()
            }.start()
        }
        for i in 0..<blocks {
            let s = i % ring
            ready[s].wait()
            consume(i, slots[s])
            if alongside != nil { consumedAlongside[s].wait() }
            free[s].signal()
        }
        done.wait()
    }
}

/// The bytes around each event's Feature in a stream.
struct EventFraming: Sendable {
    /// A byte before each feature (`,` in a collection, RS in a text sequence).
    var before: UInt8?
    /// A byte after each feature (LF in a text sequence).
    var after: UInt8?
    /// True when the feature at position 0 goes without `before` (the first of a collection).
    var firstBare = false
}

extension FormatPipeline {
    /// `consume` as a consumer of numbered blocks.
    private static func ignoringIndex(_ consume: @escaping @Sendable (ByteBlock) -> Void) -> @Sendable (Int, ByteBlock) -> Void {
        { _, block in consume(block) }
    }

    /// Events per block: a few MB of GeoJSON, written with one `write(2)`.
    static let eventsPerBlock = 4096

    /// Formats the events at `indices` (all when nil), in that order, as Features framed by `framing`, on
    /// worker threads; `consume` receives each filled block on the calling thread, in order. With `route`,
    /// each Feature is marked with the slots `route` gives its dates (start, end), possibly none.
    static func events(_ events: [Event], indices: [Int32]?, framing: EventFraming, eventsPerBlock: Int = eventsPerBlock,
                       route: (@Sendable (Day?, Day?) -> Range<Int>)? = nil, consume: (ByteBlock) -> Void,
                       alongside: (@Sendable (ByteBlock) -> Void)? = nil) {
        let n = indices?.count ?? events.count
        let per = max(eventsPerBlock, 1)
        run(blocks: (n + per - 1) / per, blockCapacity: per * 1024, format: { i, block in
            events.withUnsafeBufferPointer { all in
                for position in i * per..<min(i * per + per, n) {
                    let k = indices.map { Int($0[position]) } ?? position
                    let slots = route?(all[k].start, all[k].end)
                    var c = block.cursor(room: EventFeatureFormat.maxCount(all[k]) + 2)
                    if let b = framing.before, !(framing.firstBare && position == 0) { c.put(b) }
                    EventFeatureFormat.write(all[k], to: &c)
                    if let a = framing.after { c.put(a) }
                    block.commit(c)
                    if let slots { block.mark(slots: slots) }
                }
            }
        }, consume: { _, block in consume(block) }, alongside: alongside.map(Self.ignoringIndex))
    }
}
