import EventModel
import FileIO
import Foundation
import GeoModel

/// `near` as a job: the cheapest way to answer one query over an events file. A CSV is filtered while it
/// is parsed (memory-mapped, no index, `CSVNearScan`); other files are read whole and scanned.
public enum NearJob {
    /// The answer: the hits, nearest first (empty when only counting), and their number.
    public struct Answer: Sendable {
        public var hits: [NearHit]
        public var count: Int

        /// An answer: the hits (nearest first) and their number.
        public init(hits: [NearHit], count: Int) { self.hits = hits; self.count = count }
    }

    /// Runs `query` over the events at `path` (a file, a folder written by `map`, or `-`).
    /// - Throws: `EventFileError` naming the file and line of the first problem.
    public static func run(_ query: NearQuery, events path: String, countOnly: Bool) throws -> Answer {
        if path != "-" {
            let file = try EventFiles.resolve(path: path)
            if EventFiles.format(of: file, bytes: try EventFiles.bytes(of: file)) == .csv {
                if countOnly { return Answer(hits: [], count: try CSVNearScan.count(file: file, query: query)) }
                let hits = try CSVNearScan.hits(file: file, query: query)
                return Answer(hits: hits, count: hits.count)
            }
        }
        let hits = query.run(try EventFiles.load(path: path))
        return Answer(hits: countOnly ? [] : hits, count: hits.count)
    }
}
