import FileIO
import Foundation

/// The inputs of `placemap map` and `placemap extract`: reports (`.txt`) and event files (`.jsonl`,
/// `.ndjson`, `.csv`, `.geojson`), given one by one or as folders (read in name order, not descending into
/// subfolders; sidecars `NAME.meta.json` and other files are passed over). A folder written by
/// `placemap map` (it holds `index.html` and `events.geojson`) stands for its `events.geojson`.
public struct InputFiles: Equatable, Sendable {
    /// Report files, in the order given (folders' files in name order).
    public var reports: [String] = []
    /// Event files, in the same order.
    public var eventFiles: [String] = []

    /// The extensions read as event files.
    public static let eventExtensions: Set<String> = ["jsonl", "ndjson", "csv", "geojson"]

    /// Sorts `paths` into reports and event files (`placemap map`).
    /// - Throws: `EventFileError.unreadable` for a path that does not exist or cannot be listed,
    ///   `.emptyFolder` for a folder with nothing to read, `.unknownInput` for a named file of another kind.
    public static func collect(_ paths: [String]) throws -> InputFiles {
        var files = InputFiles()
        for path in paths {
            if path == "-" {
                // Standard input: a report's text, as for `extract`.
                files.reports.append(path)
                continue
            }
            if try isFolder(path) {
                let found = try folder(path)
                if found.count == 0 { throw EventFileError.emptyFolder(path: path) }
                files.reports += found.reports
                files.eventFiles += found.eventFiles
                continue
            }
            switch kind(of: path) {
            case .report: files.reports.append(path)
            case .events: files.eventFiles.append(path)
            case nil: throw EventFileError.unknownInput(path: path)
            }
        }
        return files
    }

    /// The reports of `placemap extract`: a file (of any name) or `-` (standard input) as given, a folder
    /// as its reports (`.txt`, in name order).
    /// - Throws: `EventFileError.unreadable` for a path that does not exist or cannot be listed,
    ///   `.emptyFolder` for a folder without a report.
    public static func reports(_ paths: [String]) throws -> [String] {
        var out: [String] = []
        for path in paths {
            guard path != "-", try isFolder(path) else { out.append(path); continue }
            let found = try folder(path).reports
            if found.isEmpty { throw EventFileError.emptyFolder(path: path) }
            out += found
        }
        return out
    }

    /// True for a folder, false for a readable file. Throws `EventFileError.unreadable` for anything else.
    static func isFolder(_ path: String) throws -> Bool {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
            throw EventFileError.unreadable(file: path, message: "no such file or folder")
        }
        if !isDir.boolValue, !fm.isReadableFile(atPath: path) {
            throw EventFileError.unreadable(file: path, message: "permission denied")
        }
        return isDir.boolValue
    }

    /// The reports and event files of one folder, in name order (possibly none).
    static func folder(_ path: String) throws -> InputFiles {
        let fm = FileManager.default
        var files = InputFiles()
        let names: [String]
        do { names = try fm.contentsOfDirectory(atPath: path).sorted() } catch {
            throw EventFileError.unreadable(file: path, message: "cannot list the folder (\((error as NSError).localizedDescription))")
        }
        if names.contains("index.html") && names.contains("events.geojson") {
            files.eventFiles.append((path as NSString).appendingPathComponent("events.geojson"))
            return files
        }
        for name in names where !name.hasPrefix(".") {
            let full = (path as NSString).appendingPathComponent(name)
            var sub: ObjCBool = false
            guard fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue else { continue }
            switch kind(of: full) {
            case .report: files.reports.append(full)
            case .events: files.eventFiles.append(full)
            case nil: continue
            }
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
