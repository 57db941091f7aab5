import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock(2)` on a lock file beside an output folder, held while one run writes and publishes
/// that folder, so that a second run into the same folder refuses at once instead of mixing their files.
/// The kernel releases it when the process ends, however it ends; the lock file itself stays (removing it
/// would let two runs lock two different files of one name).
final class OutputLock {
    private let fd: Int32

    /// Takes the lock on `path` (created when missing) for the output folder `output`. Throws
    /// `FileIOError.busy` when another process holds it, `.unwritable` when the file cannot be opened.
    init(path: String, output: String) throws {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileIOError.unwritable(path: path, message: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(fd)
            if code == EWOULDBLOCK { throw FileIOError.busy(path: output, lock: path) }
            throw FileIOError.unwritable(path: path, message: String(cString: strerror(code)))
        }
        self.fd = fd
    }

    deinit { close(fd) }
}
