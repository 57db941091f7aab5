import FileIO
import Foundation
import GeoModel

/// Events of a JSON Lines or GeoJSON file read one at a time (a line, a feature), so that a reader that keeps
/// only what it needs (a count, the hits of a query) holds one event's JSON in memory, not the whole file's
/// tree: `near --count` over a map folder of 10^6 events read `events.geojson` into a DOM of gigabytes
/// (issue 15). The errors are those of `EventFiles.load`, naming the line or the feature.
public enum EventStream {
    /// Calls `body` with each event of the JSON Lines or GeoJSON `file` (its bytes `data`), in file order;
    /// `sources.csv` beside a GeoJSON file is read when `sidecars`. A GeoJSON document that is a lone Feature
    /// or Geometry is read whole. Throws `EventFileError` naming the file and line or feature; a CSV file is
    /// `EventFileError.unknownFormat` (read it with `EventCSV.scan`).
    public static func forEach(file: String, bytes data: Data, sidecars: Bool, _ body: (Event) throws -> Void) throws {
        switch EventFiles.format(of: file, bytes: data) {
        case .csv:
            throw EventFileError.unknownFormat(file: file, message: "a CSV file is not read as a stream of JSON")
        case .jsonLines:
            try data.withUnsafeBytes { try jsonLines($0.bindMemory(to: UInt8.self), file: file, body) }
        case .geoJSON:
            let sources = sidecars ? try EventFiles.sidecarSources(of: file) : nil
            let whole = try data.withUnsafeBytes { try features($0.bindMemory(to: UInt8.self), file: file, sources: sources, body) }
            if !whole { return }
            for e in try EventGeoJSON.decode(try EventFiles.text(data, file: file), file: file, sources: sources) { try body(e) }
        }
    }

    /// The text of some bytes of `file`, with the checks of every text file in (UTF-8, no NUL, no UTF-16).
    static func text(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence, file: String) throws -> String {
        do { return try TextFile.decode(Data(bytes), path: file) } catch let FileIOError.unreadable(_, message) {
            throw EventFileError.unreadable(file: file, message: message)
        }
    }

    /// One event a line (LF, CRLF or CR ends); blank lines skipped.
    static func jsonLines(_ b: UnsafeBufferPointer<UInt8>, file: String, _ body: (Event) throws -> Void) throws {
        if b.count >= 2, (b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF) {
            throw EventFileError.unreadable(file: file, message: "the file is UTF-16; save it as UTF-8")
        }
        var start = 0, line = 1, i = 0
        while start < b.count {
            while i < b.count, b[i] != 0x0A, b[i] != 0x0D { i += 1 }
            let trimmed = try text(b[start..<i], file: file).trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty {
                let event: Event
                do { event = try EventJSON.values(of: try JSONParser.parse(trimmed)).event() } catch {
                    throw EventFileError.malformed(file: file, line: line, message: "\(error)")
                }
                try body(event)
            }
            if i < b.count, b[i] == 0x0D, i + 1 < b.count, b[i + 1] == 0x0A { i += 1 }
            i += 1; start = i; line += 1
        }
    }

    /// One event a feature of a FeatureCollection. Returns true when the document has no `features` array
    /// (a lone Feature or Geometry, or not GeoJSON: the caller reads it whole, which says which).
    static func features(_ b: UnsafeBufferPointer<UInt8>, file: String, sources: [String: [EventSource]]?,
                         _ body: (Event) throws -> Void) throws -> Bool {
        var scanner = JSONElementScanner(b)
        var index = 0
        let shape: (found: Bool, type: [UInt8]?)
        do {
            shape = try scanner.elements(of: Array("features".utf8)) { range in
                index += 1
                let event: Event
                do {
                    let feature = try GeoJSON.feature(from: try JSONParser.parse(try text(b[range], file: file)))
                    event = try EventGeoJSON.event(feature, sources: sources)
                } catch let e as EventFileError { throw e } catch {
                    throw EventFileError.malformedFeature(file: file, index: index, message: "\(error)")
                }
                try body(event)
            }
        } catch let f as JSONElementScanner.Failure {
            let line = b[..<min(f.offset, b.count)].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw EventFileError.unknownFormat(file: file, message: "not GeoJSON: line \(line): \(f.message)")
        }
        guard shape.found else { return true }
        guard shape.type == Array("FeatureCollection".utf8) else {
            throw EventFileError.unknownFormat(file: file, message: "not GeoJSON: a \"features\" array outside a FeatureCollection")
        }
        return false
    }
}
