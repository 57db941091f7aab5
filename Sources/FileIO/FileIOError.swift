/// Errors of reading and writing files, each one line for the command line.
public enum FileIOError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file or folder that cannot be read; `message` is the system's reason.
    case unreadable(path: String, message: String)
    /// A file or folder that cannot be written; `message` is the system's reason.
    case unwritable(path: String, message: String)

    public var description: String {
        switch self {
        case .unreadable(let p, let m): return "cannot read \(p): \(m)"
        case .unwritable(let p, let m): return "cannot write to \(p): \(m)"
        }
    }
}
