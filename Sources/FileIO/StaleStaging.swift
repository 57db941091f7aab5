import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Staging folders of runs that were killed (`.OUT.placemap-staging-PID` beside the output folder, and
/// `.placemap-staging-PID` inside it, where earlier versions staged): the next run into the same output
/// removes those whose process is gone.
enum StaleStaging {
    /// The mark every staging folder's name holds.
    static let mark = "placemap-staging"

    /// The process number in a staging folder's `name` after `prefix` (digits, then anything), if any.
    static func pid(of name: String, prefix: String) -> pid_t? {
        guard name.hasPrefix(prefix) else { return nil }
        return pid_t(String(name.dropFirst(prefix.count).prefix(while: \.isNumber)))
    }

    /// Whether process `pid` is gone (`kill(pid, 0)` says no such process).
    static func isGone(_ pid: pid_t) -> Bool {
        kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Removes, in `folder`, the entries named `prefix` + the number of a process that is gone. Throws
    /// `FileIOError.unwritable` when one cannot be removed (a left-over that would grow with every kill).
    static func remove(in folder: String, prefix: String) throws {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder) else { return }  // no folder: nothing left over
        for name in names.sorted() {
            guard let pid = pid(of: name, prefix: prefix), pid != getpid(), isGone(pid) else { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            do { try fm.removeItem(atPath: path) } catch {
                throw FileIOError.unwritable(path: path, message: "a staging folder of a run that ended could not be "
                                             + "removed: \(OutputFolder.reason(error))")
            }
        }
    }
}
