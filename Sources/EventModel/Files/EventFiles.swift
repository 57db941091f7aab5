import FileIO
import Foundation

/// The formats of event files.
public enum EventFileFormat: String, Sendable, CaseIterable {
    /// One event JSON object per line (`.jsonl`, `.ndjson`).
    case jsonLines = "jsonl"
    /// ACLED-style or minimal CSV (`.csv`).
    case csv
    /// A GeoJSON FeatureCollection of Points (`.geojson`).
    case geoJSON = "geojson"
}

/// Reading events from a file or from a folder written by `placemap map`.
public enum EventFiles {
    /// The files looked for, in order, in a folder written by `placemap map`.
    public static let folderCandidates = ["events.geojson", "events.csv", "events.jsonl"]

    /// The file holding the events at `path`: the path itself for a file, else the first of
    /// `folderCandidates` found in the folder. Throws `EventFileError.unreadable` when there is none.
    public static func resolve(path: String) throws -> String {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw EventFileError.unreadable(file: path, message: "no such file or folder")
        }
        guard isDir.boolValue else { return path }
        for name in folderCandidates {
            let p = (path as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: p) { return p }
        }
        throw EventFileError.unreadable(
            file: path, message: "the folder holds no \(folderCandidates.joined(separator: ", ")) (write one with `placemap map`)")
    }

    /// The file's bytes, memory-mapped when possible; throws `EventFileError.unreadable`.
    public static func bytes(of file: String) throws -> Data {
        do { return try Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped) } catch {
            throw EventFileError.unreadable(file: file, message: "cannot be read (\(error.localizedDescription))")
        }
    }

    /// The format of a file: from its extension (`.jsonl`/`.ndjson`, `.csv`, `.geojson`), else from its
    /// content (a JSON object holding `"FeatureCollection"` → GeoJSON, other JSON → JSON Lines, else CSV).
    public static func format(of file: String, bytes: Data) -> EventFileFormat {
        switch (file as NSString).pathExtension.lowercased() {
        case "jsonl", "ndjson": return .jsonLines
        case "csv": return .csv
        case "geojson": return .geoJSON
        default: break
        }
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        let trimmed = head.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        guard trimmed.first == "{" else { return .csv }
        let firstLine = trimmed.prefix { $0 != "\n" }
        if head.contains("\"FeatureCollection\"") || head.contains("\"Feature\"") {
            // A JSON Lines file of events has no "type": "Feature..." member on its first line.
            return firstLine.contains("\"Feature") ? .geoJSON : .jsonLines
        }
        return .jsonLines
    }

    /// The events at `path`: a `.jsonl`, `.csv` or `.geojson` file, a folder written by `placemap map` (its
    /// events.geojson with sources.csv, else events.csv, else events.jsonl), or `-` for standard input. Throws `EventFileError`
    /// naming the file (and line or feature) of the first problem.
    public static func load(path: String) throws -> [Event] {
        if path == "-" { return try load(bytes: try TextFile.bytes("-"), file: "stdin", sidecars: false) }
        let file = try resolve(path: path)
        return try load(bytes: try bytes(of: file), file: file, sidecars: true, mapped: true)
    }

    /// The events of `data` read as the file `file` (format from its name, else its content); `sources.csv`
    /// beside a GeoJSON file is read when `sidecars`. When `mapped` (`data` maps the file, `bytes(of:)`),
    /// the pages of the CSV rows read go back to the kernel as the reading goes.
    static func load(bytes data: Data, file: String, sidecars: Bool, mapped: Bool = false) throws -> [Event] {
        switch format(of: file, bytes: data) {
        case .csv:
            return try data.withUnsafeBytes { raw in
                var pages = ReadPages(raw)
                return try EventCSV.decode(bytes: raw.bindMemory(to: UInt8.self), file: file,
                                           passed: mapped ? { pages.drop(before: $0) } : nil)
            }
        case .jsonLines, .geoJSON:
            // A line or a feature at a time (EventStream): the events, not the file's JSON tree, stay in memory.
            var events: [Event] = []
            try EventStream.forEach(file: file, bytes: data, sidecars: sidecars) { events.append($0) }
            return events
        }
    }

    /// The full sources of a flat layer: `sources.csv` in the same folder, or nil when there is none.
    static func sidecarSources(of file: String) throws -> [String: [EventSource]]? {
        let path = ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent("sources.csv")
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data = try bytes(of: path)
        return try data.withUnsafeBytes { try SourcesCSV.decode(bytes: $0.bindMemory(to: UInt8.self), file: path) }
    }

    /// UTF-8 text without a byte-order mark, with CRLF line ends made LF.
    static func text(_ data: Data, file: String) throws -> String {
        do { return try TextFile.decode(data, path: file) } catch let e as FileIOError {
            if case .unreadable(_, let m) = e { throw EventFileError.unreadable(file: file, message: m) }
            throw e
        }
    }
}
