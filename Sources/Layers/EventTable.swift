import EventModel
import FileIO

/// `events.csv` (ACLED's columns, `EventCSV`) formatted in blocks of rows on every core and written in
/// order: the same bytes as `EventCSV.write`, with one buffer a worker instead of the whole text.
enum EventTable {
    /// Writes the header and one row an event at `path` (temporary file, renamed when complete).
    /// Throws `FileIOError` when the file cannot be written.
    static func writeCSV(_ events: [Event], to path: String) throws {
        let sink = try ByteSink(path: path)
        var header: [UInt8] = []
        CSVWriter.append(row: EventCSV.columns, to: &header)
        sink.append(header)
        let per = FormatPipeline.eventsPerBlock
        FormatPipeline.run(blocks: (events.count + per - 1) / per, blockCapacity: per * 512, format: { i, block in
            let columns = CSVColumn.allCases
            var bytes: [UInt8] = []
            bytes.reserveCapacity(2048)
            events.withUnsafeBufferPointer { all in
                for k in i * per..<min(i * per + per, all.count) {
                    row(all[k], columns: columns, into: &bytes)
                    var c = block.cursor(room: bytes.count)
                    bytes.withUnsafeBufferPointer { c.put($0) }
                    block.commit(c)
                }
            }
        }, consume: { _, block in sink.append(block.bytes) })
        try sink.commit()
    }

    /// One event's row in `bytes` (emptied first), each cell formatted straight into the bytes
    /// (`CSVColumn.append(cellOf:to:)`). The event is passed once and read in place by every column:
    /// reading `all[k]` per column copied the whole event (its strings retained) forty times.
    @inline(never)
    private static func row(_ e: Event, columns: [CSVColumn], into bytes: inout [UInt8]) {
        bytes.removeAll(keepingCapacity: true)
        for (k, c) in columns.enumerated() {
            if k > 0 { bytes.append(0x2C) }
            c.append(cellOf: e, to: &bytes)
        }
        bytes.append(0x0A)
    }
}
