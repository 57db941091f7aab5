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
            let data = try EventFiles.bytes(of: file)
            if EventFiles.format(of: file, bytes: data) == .csv {
                if countOnly { return Answer(hits: [], count: try CSVNearScan.count(file: file, query: query)) }
                let hits = try CSVNearScan.hits(file: file, query: query)
                return Answer(hits: hits, count: hits.count)
            }
            // JSON Lines and GeoJSON: one event at a time, keeping only the hits.
            var hits: [NearHit] = []
            var count = 0
            try EventStream.forEach(file: file, bytes: data, sidecars: !countOnly) { e in
                guard let hit = query.hit(e) else { return }
                count += 1
                if !countOnly { hits.append(hit) }
            }
            return Answer(hits: NearQuery.sorted(hits), count: count)
        }
        let hits = query.run(try EventFiles.load(path: path))
        return Answer(hits: countOnly ? [] : hits, count: hits.count)
    }
}
