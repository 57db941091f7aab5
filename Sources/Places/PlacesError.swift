/// Errors of the gazetteer: malformed data files, unknown names, missing data.
public enum PlacesError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A data file is malformed at a 1-based line (0 when the whole file is at fault).
    case malformed(file: String, line: Int, message: String)
    /// No place has this name; `suggestions` are the nearest spellings in the gazetteer.
    case unknownPlace(name: String, suggestions: [String])
    /// Something needed is missing (a folder, a file, an id).
    case notFound(String)

    /// One line for people: "FILE:LINE: message", "unknown place 'X': did you mean ...?".
    public var description: String {
        switch self {
        case .malformed(let file, let line, let message):
            return line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
        case .unknownPlace(let name, let suggestions):
            let tail = suggestions.isEmpty ? "no similar name" :
                "did you mean " + suggestions.map { "'\($0)'" }.joined(separator: ", ") + "?"
            return "unknown place '\(name)': \(tail)"
        case .notFound(let what):
            return what
        }
    }
}
