import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// SIGINT and SIGTERM during a map run: the staging folders being written are removed before the process
/// ends (with status 128 + the signal's number and one line on stderr), so an interrupted run leaves the
/// output folder as it was and no staging folder behind. The signals are taken by a `DispatchSource`, so
/// the work happens on a queue of its own, not inside a signal handler; `whileHeld` keeps that work from
/// running in the middle of the swap that publishes a folder.
final class StagingSignals: @unchecked Sendable {
    /// The one instance: signals are process-wide.
    static let shared = StagingSignals()
    private let mutex = NSLock()
    private var folders = Set<String>()
    private var sources: [DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "placemap.staging-signals")

    /// Removes `folder` on SIGINT or SIGTERM from now on (the handlers are installed on the first call).
    func watch(_ folder: String) {
        mutex.lock(); defer { mutex.unlock() }
        folders.insert(folder)
        guard sources.isEmpty else { return }
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [unowned self] in self.interrupted(by: number) }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops watching `folder` (it was published or removed).
    func forget(_ folder: String) {
        mutex.lock(); defer { mutex.unlock() }
        folders.remove(folder)
    }

    /// Runs `body` with no signal cleanup in between (a signal that comes meanwhile is handled after it).
    func whileHeld<T>(_ body: () throws -> T) rethrows -> T {
        mutex.lock(); defer { mutex.unlock() }
        return try body()
    }

    /// Returns at once, unless a signal is being handled: then it never returns (the process ends), so
    /// that the writer makes no new folder in the staging folder being removed and does not end the process
    /// (after an error of its own) before the removal is done.
    func checkpoint() {
        mutex.lock(); mutex.unlock()
    }

    /// Removes the watched folders and ends the process. The mutex is never released: nothing may publish
    /// after this. The writer may still be adding files to a folder, so its removal is tried a few times.
    private func interrupted(by number: Int32) {
        mutex.lock()
        let fm = FileManager.default
        var left: [String] = []
        for folder in folders.sorted() {
            for _ in 0..<200 where fm.fileExists(atPath: folder) {
                do { try fm.removeItem(atPath: folder) } catch { usleep(5_000) }
            }
            if fm.fileExists(atPath: folder) { left.append(folder) }
        }
        let name = number == SIGINT ? "SIGINT" : "SIGTERM"
        let line = folders.isEmpty ? nil
            : left.isEmpty ? "placemap: interrupted by \(name); the unfinished output was removed and the output folder left as it was\n"
            : "placemap: interrupted by \(name); could not remove \(left.joined(separator: ", ")) (the next run removes it)\n"
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
        _exit(128 + number)
    }
}
