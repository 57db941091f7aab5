import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The output folder of a map run, published whole or not at all. Every layer is first written into a
/// staging folder beside it (`PARENT/.OUT.placemap-staging-PID/`); `publish()` then swaps the two folders
/// with one `renameat2(RENAME_EXCHANGE)` (a plain `rename` when OUT does not exist yet) and removes the old
/// one. A kill at any moment leaves OUT whole, old or new. Besides:
/// - a lock file beside OUT (`OutputLock`) makes a second run into the same OUT refuse with one line;
/// - staging folders of runs that were killed are removed when the next run starts (`StaleStaging`);
/// - SIGINT and SIGTERM remove the staging folder before the process ends (`StagingSignals`);
/// - entries of the old OUT that this run does not write (a user's notes) are carried over by hard link.
public final class OutputFolder {
    /// The output folder.
    public let path: String
    /// Where the layers are written before they are published.
    public let staging: String
    private let lock: OutputLock
    private var published = false

    /// Takes the lock, removes stale staging folders and creates this run's. Throws `FileIOError.busy`
    /// when another run holds the lock, `.unwritable` with the system's reason (a file in the way, no
    /// permission).
    public init(path: String) throws {
        self.path = path
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue {
            throw FileIOError.unwritable(path: path, message: "a file of that name is in the way")
        }
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let parent = url.deletingLastPathComponent().path, name = url.lastPathComponent
        do { try fm.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
            throw FileIOError.unwritable(path: path, message: OutputFolder.reason(error))
        }
        lock = try OutputLock(path: (parent as NSString).appendingPathComponent(".\(name).placemap-lock"), output: path)
        let prefix = ".\(name).\(StaleStaging.mark)-"
        try StaleStaging.remove(in: parent, prefix: prefix)
        try StaleStaging.remove(in: path, prefix: ".\(StaleStaging.mark)-")
        staging = (parent as NSString).appendingPathComponent(prefix + "\(getpid())")
        StagingSignals.shared.watch(staging)
        do {
            if fm.fileExists(atPath: staging) { try fm.removeItem(atPath: staging) }
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw FileIOError.unwritable(path: path, message: OutputFolder.reason(error))
        }
    }

    deinit {
        StagingSignals.shared.checkpoint()
        // An unpublished staging folder (an error on the way) goes; should that fail, the next run removes it.
        if !published, (try? FileManager.default.removeItem(atPath: staging)) != nil { StagingSignals.shared.forget(staging) }
    }

    /// The staging path of `relative` (such as "days/2020-02-06/events.geojson"), creating its folder.
    public func stagingPath(_ relative: String) throws -> String {
        StagingSignals.shared.checkpoint()
        let url = URL(fileURLWithPath: staging).appendingPathComponent(relative)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw FileIOError.unwritable(path: path, message: OutputFolder.reason(error))
        }
        return url.path
    }

    /// Puts the staged folder in place of the output folder in one step, then removes the old output.
    /// Throws `FileIOError.unwritable`: before the swap, the old output is left as it was; after it (the
    /// old output could not be removed), the new output is in place and the next run removes the old.
    public func publish() throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) {
            try carryOver()
            try StagingSignals.shared.whileHeld { try FolderSwap.exchange(staging, path) }
        } else {
            try StagingSignals.shared.whileHeld { try FolderSwap.move(staging, path) }
        }
        published = true
        // The staging path now holds the old output (or nothing).
        do {
            if fm.fileExists(atPath: staging) { try fm.removeItem(atPath: staging) }
        } catch {
            throw FileIOError.unwritable(path: staging, message: "the new output is in place but the old one could not "
                                         + "be removed (the next run removes it): \(OutputFolder.reason(error))")
        }
        StagingSignals.shared.forget(staging)
    }

    /// Hard-links into the staging folder the entries of the old output that this run did not write, so
    /// that the swap keeps them.
    private func carryOver() throws {
        let fm = FileManager.default
        let staged = Set(try fm.contentsOfDirectory(atPath: staging))
        let old: [String]
        do { old = try fm.contentsOfDirectory(atPath: path) } catch {
            throw FileIOError.unreadable(path: path, message: OutputFolder.reason(error))
        }
        for name in old where !staged.contains(name) && !name.contains(StaleStaging.mark) {
            try FolderSwap.linkTree((path as NSString).appendingPathComponent(name),
                                    (staging as NSString).appendingPathComponent(name))
        }
    }

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let under = ns.userInfo[NSUnderlyingErrorKey] as? NSError, under.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(under.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription
    }
}
