import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// A buffered file writer that never holds more than its buffer: bytes are appended to a fixed
/// buffer and handed to `write(2)` when it fills. Writes go to a hidden temporary file in the
/// target's folder; `commit()` renames it over the target (atomic on one file system), and a sink
/// dropped without `commit()` removes its temporary file, so a failed run never leaves a
/// half-written file.
public final class ByteSink {
    /// The file the bytes end up in after `commit()`.
    public let path: String
    private let temporaryPath: String
    private var fd: Int32
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var count = 0
    private var failure: LayersError?
    private var committed = false

    /// Opens a temporary file beside `path`; throws `LayersError.unwritableOutput` with the system's reason.
    /// `bufferSize` is in bytes.
    public init(path: String, bufferSize: Int = 1 << 20) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporaryPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
        // open(2) returns -1 and sets errno on failure.
        fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw LayersError.unwritableOutput(path: path, message: String(cString: strerror(errno)))
        }
        capacity = max(bufferSize, 4096)
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        if fd >= 0 { close(fd) }
        if !committed { unlink(temporaryPath) }
        buffer.deallocate()
    }

    /// Bytes still free in the buffer before the next flush.
    @inline(__always) var free: Int { capacity - count }

    /// Makes room for at least `n` bytes (flushing when needed) and returns where to write them;
    /// the caller then calls `advance(by:)` with the number written. `n` must not exceed the buffer size.
    @inline(__always) func reserve(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if count + n > capacity { flush() }
        return buffer + count
    }

    /// Marks `n` reserved bytes as written.
    @inline(__always) func advance(by n: Int) { count += n }

    /// Appends raw bytes of any length.
    public func append(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        if bytes.count > capacity {
            flush()
            writeOut(base, bytes.count)
            return
        }
        let p = reserve(bytes.count)
        p.update(from: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        count += bytes.count
    }

    /// Appends raw bytes.
    public func append(_ bytes: [UInt8]) { bytes.withUnsafeBytes { append($0) } }

    /// Appends a string's UTF-8 bytes.
    public func append(_ s: String) {
        var s = s
        s.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends one byte.
    @inline(__always) public func append(byte b: UInt8) {
        if count == capacity { flush() }
        buffer[count] = b
        count += 1
    }

    /// Hands the buffered bytes to the file.
    public func flush() {
        if count > 0 { writeOut(buffer, count) }
        count = 0
    }

    private func writeOut(_ base: UnsafeRawPointer, _ n: Int) {
        guard failure == nil else { return }
        var done = 0
        while done < n {
            // write(2) returns -1 and sets errno on failure; it may write fewer bytes than asked.
            let w = systemWrite(fd, base.advanced(by: done), n - done)
            if w < 0 {
                if errno == EINTR { continue }
                failure = .unwritableOutput(path: path, message: String(cString: strerror(errno)))
                return
            }
            done += w
        }
    }

    /// Flushes, closes and renames the temporary file over `path`; throws `LayersError.unwritableOutput`
    /// when any write, the close or the rename failed (the temporary file is then removed).
    public func commit() throws {
        flush()
        // close(2) returns -1 on failure (for example a full disk reported late).
        if close(fd) != 0, failure == nil {
            failure = .unwritableOutput(path: path, message: String(cString: strerror(errno)))
        }
        fd = -1
        if let failure { throw failure }
        // rename(2) returns -1 and sets errno on failure.
        guard rename(temporaryPath, path) == 0 else {
            throw LayersError.unwritableOutput(path: path, message: String(cString: strerror(errno)))
        }
        committed = true
    }

    /// Writes `bytes` to `path` through a temporary file and a rename.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let sink = try ByteSink(path: path, bufferSize: min(max(bytes.count, 4096), 1 << 20))
        sink.append(bytes)
        try sink.commit()
    }

    /// Writes `text` as UTF-8 to `path` through a temporary file and a rename.
    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }
}
