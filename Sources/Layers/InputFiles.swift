import Foundation

/// The inputs of `placemap map`: reports (`.txt`) and event files (`.jsonl`, `.ndjson`, `.csv`,
/// `.geojson`), given one by one or as folders (read in name order, not descending into subfolders;
/// sidecars `NAME.meta.json` and other files are passed over). A folder written by `placemap map`
/// (it holds `index.html` and `events.geojson`) stands for its `events.geojson`.
public struct InputFiles: Equatable, Sendable {
    /// Report files, in the order given (folders' files in name order).
    public var reports: [String] = []
    /// Event files, in the same order.
    public var eventFiles: [String] = []

    /// The extensions read as event files.
    public static let eventExtensions: Set<String> = ["jsonl", "ndjson", "csv", "geojson"]

    /// Sorts `paths` into reports and event files. Throws `LayersError.unreadableInput` for a path that
    /// does not exist or cannot be listed, `.emptyFolder` for a folder with nothing to read, and
    /// `.unknownInput` for a named file of another kind.
    public static func collect(_ paths: [String]) throws -> InputFiles {
        var files = InputFiles()
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                throw LayersError.unreadableInput(path: path, message: "no such file or folder")
            }
            if !isDir.boolValue {
                guard fm.isReadableFile(atPath: path) else {
                    throw LayersError.unreadableInput(path: path, message: "permission denied")
                }
                switch kind(of: path) {
                case .report: files.reports.append(path)
                case .events: files.eventFiles.append(path)
                case nil: throw LayersError.unknownInput(path: path)
                }
                continue
            }
            let names: [String]
            do { names = try fm.contentsOfDirectory(atPath: path).sorted() } catch {
                throw LayersError.unreadableInput(path: path, message: OutputFolder.reason(error))
            }
            if names.contains("index.html") && names.contains("events.geojson") {
                files.eventFiles.append((path as NSString).appendingPathComponent("events.geojson"))
                continue
            }
            var found = false
            for name in names where !name.hasPrefix(".") {
                let full = (path as NSString).appendingPathComponent(name)
                var sub: ObjCBool = false
                guard fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue else { continue }
                switch kind(of: full) {
                case .report: files.reports.append(full); found = true
                case .events: files.eventFiles.append(full); found = true
                case nil: continue
                }
            }
            if !found { throw LayersError.emptyFolder(path: path) }
        }
        return files
    }

    enum Kind { case report, events }

    static func kind(of path: String) -> Kind? {
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "txt" { return .report }
        if eventExtensions.contains(ext) { return .events }
        return nil
    }

    /// How many files in all.
    public var count: Int { reports.count + eventFiles.count }
}
