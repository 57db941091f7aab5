import GeoModel
/// Errors from building and writing map layers; each carries one clear line for the command line.
public enum LayersError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An input path that does not exist or cannot be read.
    case unreadableInput(path: String, message: String)
    /// The output folder (or a file in it) cannot be written; `message` is the system's reason.
    case unwritableOutput(path: String, message: String)
    /// Input that could be read but not turned into events (the reader's own message, naming the file).
    case input(String)
    /// A base layer of the gazetteer that cannot be read.
    case baseLayer(path: String, message: String)
    /// PROJ could not project the map.
    case projection(String)
    /// GEOS could not cut or combine a layer's geometry for the map; the text is GEOS's.
    case geometry(String)

    public var description: String {
        switch self {
        case .unreadableInput(let p, let m): return "cannot read \(p): \(m)"
        case .unwritableOutput(let p, let m): return "cannot write to \(p): \(m)"
        case .input(let m): return m
        case .baseLayer(let p, let m): return "cannot read base layer \(p): \(m)"
        case .projection(let m): return "cannot project the map: \(m)"
        case .geometry(let m): return "cannot draw the map: \(m)"
        }
    }
}
