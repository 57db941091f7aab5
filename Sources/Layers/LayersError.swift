/// Errors from building and writing map layers; each carries one clear line for the command line.
public enum LayersError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An input path that does not exist or cannot be read.
    case unreadableInput(path: String, message: String)
    /// A folder given as input that holds no report or event file.
    case emptyFolder(path: String)
    /// An input file whose kind PlaceMap does not know.
    case unknownInput(path: String)
    /// The output folder (or a file in it) cannot be written; `message` is the system's reason.
    case unwritableOutput(path: String, message: String)
    /// Input that could be read but not turned into events (the reader's own message, naming the file).
    case input(String)
    /// A base layer of the gazetteer that cannot be read.
    case baseLayer(path: String, message: String)
    /// PROJ could not project the map.
    case projection(String)

    public var description: String {
        switch self {
        case .unreadableInput(let p, let m): return "cannot read \(p): \(m)"
        case .emptyFolder(let p): return "\(p) holds no report (.txt) or event file (.jsonl, .csv, .geojson)"
        case .unknownInput(let p):
            return "\(p) is neither a report (.txt) nor an event file (.jsonl, .ndjson, .csv, .geojson)"
        case .unwritableOutput(let p, let m): return "cannot write to \(p): \(m)"
        case .input(let m): return m
        case .baseLayer(let p, let m): return "cannot read base layer \(p): \(m)"
        case .projection(let m): return "cannot project the map: \(m)"
        }
    }
}
