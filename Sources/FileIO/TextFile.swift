import Foundation

/// Text files in: UTF-8 (with or without a byte-order mark), any line ends, `-` for standard input.
public enum TextFile {
    /// The bytes of `path`, or of standard input for `-`. Throws `FileIOError.unreadable` with the reason.
    public static func bytes(_ path: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw FileIOError.unreadable(path: path, message: reason(error))
        }
    }

    /// The text of `path` (`-`: standard input), normalised (`normalise`). Throws `FileIOError.unreadable`
    /// when the file cannot be read or is not UTF-8 (a UTF-16 file says so).
    public static func read(_ path: String) throws -> String {
        try decode(try bytes(path), path: path)
    }

    /// UTF-8 bytes as normalised text. Throws `FileIOError.unreadable` naming `path` when they are not UTF-8.
    public static func decode(_ data: Data, path: String) throws -> String {
        if data.count >= 2, (data[data.startIndex] == 0xFF && data[data.startIndex + 1] == 0xFE)
            || (data[data.startIndex] == 0xFE && data[data.startIndex + 1] == 0xFF) {
            throw FileIOError.unreadable(path: path, message: "the file is UTF-16; save it as UTF-8")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FileIOError.unreadable(path: path, message: "the file is not UTF-8 text")
        }
        if text.unicodeScalars.contains("\u{0}") {
            throw FileIOError.unreadable(path: path, message: "the file holds NUL bytes: it is not text (UTF-16 without a byte-order mark?)")
        }
        return normalise(text)
    }

    /// Drops a byte-order mark and turns CRLF and CR line ends into LF.
    public static func normalise(_ text: String) -> String {
        var t = text
        if t.unicodeScalars.first == "\u{FEFF}" { t.unicodeScalars.removeFirst() }
        if t.unicodeScalars.contains("\r") {
            t = t.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return t
    }

    /// The system's reason for a file error, in a few words.
    public static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let under = ns.userInfo[NSUnderlyingErrorKey] as? NSError, under.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(under.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadNoSuchFileError { return "no such file" }
        return ns.localizedDescription
    }
}
