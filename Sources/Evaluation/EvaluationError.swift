import GeoModel
/// Errors of evaluation inputs: each names the file and, where it applies, the 1-based line.
public enum EvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file cannot be read or is not UTF-8 text.
    case unreadable(file: String, message: String)
    /// A row or the header is wrong: a missing column, a bad value, a duplicate row.
    case malformed(file: String, line: Int, message: String)
    /// Two articles given share a file name, so gold rows (keyed by file name) cannot tell them apart.
    case duplicateArticle(name: String, first: String, second: String)

    public var description: String {
        switch self {
        case .unreadable(let f, let m): return "\(f): \(m)"
        case .malformed(let f, let l, let m): return "\(f):\(l): \(m)"
        case .duplicateArticle(let n, let a, let b):
            return "\(b): an article named \(n) is already given (\(a)); gold rows are keyed by file name"
        }
    }
}
