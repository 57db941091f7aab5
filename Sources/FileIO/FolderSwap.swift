import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The system calls of publishing a folder: `renameat2(RENAME_EXCHANGE)` (Linux 3.15+, glibc 2.28+; looked
/// up at run time, as Swift's Glibc module does not declare it), `rename`, and hard-linking a tree.
enum FolderSwap {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameExchange: UInt32 = 1 << 1  // RENAME_EXCHANGE of <linux/fs.h>
    private static let renameat2: RenameAt2? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2")
        .map { unsafeBitCast($0, to: RenameAt2.self) }

    /// Swaps the folders `a` and `b` atomically. Where the system or file system cannot (no renameat2,
    /// EINVAL), `b` is moved aside to `a`.old, `a` into `b`, and `a`.old back to `a`: a short window
    /// with no `b`, never a mix. Throws `FileIOError.unwritable`.
    static func exchange(_ a: String, _ b: String) throws {
        if let renameat2 {
            if renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 { return }
            guard errno == EINVAL || errno == ENOSYS || errno == ENOTSUP else {
                throw FileIOError.unwritable(path: b, message: String(cString: strerror(errno)))
            }
        }
        let aside = a + ".old"
        try move(b, aside)
        do { try move(a, b) } catch { try? move(aside, b); throw error }  // the first error is the one to tell
        try move(aside, a)
    }

    /// `rename(2)`. Throws `FileIOError.unwritable` with the system's reason.
    static func move(_ from: String, _ to: String) throws {
        guard rename(from, to) == 0 else {
            throw FileIOError.unwritable(path: to, message: String(cString: strerror(errno)))
        }
    }

    /// Recreates the tree `from` at `to` with hard links to its files (folders made anew, symbolic links
    /// copied). Throws `FileIOError.unwritable`.
    static func linkTree(_ from: String, _ to: String) throws {
        var info = stat()
        guard lstat(from, &info) == 0 else { throw FileIOError.unreadable(path: from, message: String(cString: strerror(errno))) }
        let fm = FileManager.default
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            guard mkdir(to, info.st_mode & 0o7777) == 0 else {
                throw FileIOError.unwritable(path: to, message: String(cString: strerror(errno)))
            }
            let names: [String]
            do { names = try fm.contentsOfDirectory(atPath: from) } catch {
                throw FileIOError.unreadable(path: from, message: OutputFolder.reason(error))
            }
            for n in names { try linkTree((from as NSString).appendingPathComponent(n), (to as NSString).appendingPathComponent(n)) }
        case S_IFLNK:
            do { try fm.createSymbolicLink(atPath: to, withDestinationPath: try fm.destinationOfSymbolicLink(atPath: from)) }
            catch { throw FileIOError.unwritable(path: to, message: OutputFolder.reason(error)) }
        default:
            guard link(from, to) == 0 else { throw FileIOError.unwritable(path: to, message: String(cString: strerror(errno))) }
        }
    }
}
