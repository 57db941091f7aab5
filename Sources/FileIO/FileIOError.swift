/// Errors of reading and writing files, each one line for the command line.
public enum FileIOError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file or folder that cannot be read; `message` is the system's reason.
    case unreadable(path: String, message: String)
    /// A file or folder that cannot be written; `message` is the system's reason.
    case unwritable(path: String, message: String)
    /// Another run is writing the output folder `path` (it holds the lock file `lock`).
    case busy(path: String, lock: String)

    public var description: String {
        switch self {
        case .unreadable(let p, let m): return "cannot read \(p): \(m)"
        case .unwritable(let p, let m): return "cannot write to \(p): \(m)"
        case .busy(let p, let l): return "another placemap run is writing \(p) (it holds \(l)); try again when it has ended"
        }
    }
}
