import Foundation

/// The output folder of a map run, written through a staging folder: every layer is first written
/// into `OUT/.placemap-staging-PID/` and moved into place only when all succeeded, so that an error
/// leaves the earlier output as it was. Each file is moved by `rename(2)` (atomic); the `days/`
/// folder is replaced as a whole, so no day of an earlier run lingers.
public final class OutputFolder {
    /// The output folder.
    public let path: String
    /// Where the layers are written before they are moved into place.
    public let staging: String
    private var published = false

    /// Creates the output folder when missing, and the staging folder inside it. Throws
    /// `FileIOError.unwritable` with the system's reason (a file in the way, no permission).
    public init(path: String) throws {
        self.path = path
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue {
            throw FileIOError.unwritable(path: path, message: "a file of that name is in the way")
        }
        staging = URL(fileURLWithPath: path).appendingPathComponent(".placemap-staging-\(getpid())").path
        do {
            try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
            try? fm.removeItem(atPath: staging)
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw FileIOError.unwritable(path: path, message: OutputFolder.reason(error))
        }
    }

    deinit {
        if !published { try? FileManager.default.removeItem(atPath: staging) }
    }

    /// The staging path of `relative` (such as "days/2020-02-06.geojson"), creating its folder.
    public func stagingPath(_ relative: String) throws -> String {
        let url = URL(fileURLWithPath: staging).appendingPathComponent(relative)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw FileIOError.unwritable(path: path, message: OutputFolder.reason(error))
        }
        return url.path
    }

    /// Moves everything staged into the output folder: files one by one, folders as a whole (the old
    /// folder is removed after the new one is in place). Throws `FileIOError.unwritable`.
    public func publish() throws {
        let fm = FileManager.default
        let names = try fm.contentsOfDirectory(atPath: staging).sorted()
        for name in names {
            let from = (staging as NSString).appendingPathComponent(name)
            let to = (path as NSString).appendingPathComponent(name)
            var isDir: ObjCBool = false
            _ = fm.fileExists(atPath: from, isDirectory: &isDir)
            if isDir.boolValue {
                let old = (staging as NSString).appendingPathComponent(".old-\(name)")
                if fm.fileExists(atPath: to) { try move(to, old) }
                try move(from, to)
            } else {
                try move(from, to)
            }
        }
        published = true
        try? fm.removeItem(atPath: staging)
    }

    private func move(_ from: String, _ to: String) throws {
        // rename(2) returns -1 and sets errno on failure.
        guard rename(from, to) == 0 else {
            throw FileIOError.unwritable(path: to, message: String(cString: strerror(errno)))
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
