/// Errors from reading event files, naming the file and line.
public enum EventFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A row that cannot be read; `line` is 1-based.
    case malformed(file: String, line: Int, message: String)
    /// A file that is not of a known events format.
    case unknownFormat(file: String, message: String)
    /// A GeoJSON feature that is not an event; `index` is 1-based.
    case malformedFeature(file: String, index: Int, message: String)
    /// A file or folder that cannot be read (missing, unreadable).
    case unreadable(file: String, message: String)
    /// A folder given as input that holds no report or event file.
    case emptyFolder(path: String)
    /// An input file whose kind PlaceMap does not know.
    case unknownInput(path: String)

    public var description: String {
        switch self {
        case .malformed(let f, let l, let m): return "\(f):\(l): \(m)"
        case .unknownFormat(let f, let m): return "\(f): \(m)"
        case .malformedFeature(let f, let i, let m): return "\(f): feature \(i): \(m)"
        case .unreadable(let f, let m): return "\(f): \(m)"
        case .emptyFolder(let p): return "\(p) holds no report (.txt) or event file (.jsonl, .csv, .geojson)"
        case .unknownInput(let p):
            return "\(p) is neither a report (.txt) nor an event file (.jsonl, .ndjson, .csv, .geojson)"
        }
    }
}
