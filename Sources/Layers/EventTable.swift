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
            var cells: [String] = []
            cells.reserveCapacity(columns.count)
            var row: [UInt8] = []
            row.reserveCapacity(2048)
            events.withUnsafeBufferPointer { all in
                for k in i * per..<min(i * per + per, all.count) {
                    cells.removeAll(keepingCapacity: true)
                    for c in columns { cells.append(c.cell(all[k])) }
                    row.removeAll(keepingCapacity: true)
                    CSVWriter.append(row: cells, to: &row)
                    var c = block.cursor(room: row.count)
                    row.withUnsafeBufferPointer { c.put($0) }
                    block.commit(c)
                }
            }
        }, consume: { _, block in sink.append(block.bytes) })
        try sink.commit()
    }
}
