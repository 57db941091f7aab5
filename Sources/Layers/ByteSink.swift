import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// A buffered file writer that never holds more than its two buffers: bytes are appended to one
/// buffer, and when it fills, a background queue hands it to `write(2)` while the other fills (the
/// kernel's copy overlaps the formatting). Writes go to a hidden temporary file in the target's
/// folder; `commit()` renames it over the target (atomic on one file system), and a sink dropped
/// without `commit()` removes its temporary file, so a failed run never leaves a half-written file.
public final class ByteSink {
    /// The file the bytes end up in after `commit()`.
    public let path: String
    private let temporaryPath: String
    private let file: FileState
    private var buffer: UnsafeMutablePointer<UInt8>
    private var spare: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var count = 0
    private var closed = false
    private var committed = false

    /// The serial queue that performs the writes of every sink, in the order they were handed over.
    private static let queue = DispatchQueue(label: "placemap.bytesink.write")

    /// Opens a temporary file beside `path`; throws `LayersError.unwritableOutput` with the system's reason.
    /// `bufferSize` is the size in bytes of each of the two buffers.
    public init(path: String, bufferSize: Int = 1 << 20) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporaryPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
        // open(2) returns -1 and sets errno on failure.
        let fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw LayersError.unwritableOutput(path: path, message: String(cString: strerror(errno)))
        }
        file = FileState(fd: fd, path: path)
        capacity = max(bufferSize, 4096)
        buffer = .allocate(capacity: capacity)
        spare = .allocate(capacity: capacity)
    }

    deinit {
        file.idle.wait()  // the last write is done; signalled again, as libdispatch requires at disposal
        file.idle.signal()
        if !closed { close(file.fd) }
        if !committed { unlink(temporaryPath) }
        buffer.deallocate()
        spare.deallocate()
    }

    /// Makes room for at least `n` bytes (flushing when needed) and returns where to write them;
    /// the caller then calls `advance(by:)` with the number written. `n` must not exceed the buffer size.
    @inline(__always) func reserve(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if count + n > capacity { flush() }
        return buffer + count
    }

    /// Marks `n` reserved bytes as written.
    @inline(__always) func advance(by n: Int) { count += n }

    /// Appends raw bytes of any length.
    @inline(__always) public func append(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        if count + bytes.count <= capacity {
            (buffer + count).update(from: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
            count += bytes.count
            return
        }
        appendSlow(base, bytes.count)
    }

    private func appendSlow(_ base: UnsafeRawPointer, _ n: Int) {
        let bytes = UnsafeRawBufferPointer(start: base, count: n)
        if bytes.count > capacity {
            flush()
            file.idle.wait()
            file.write(base, bytes.count)
            file.idle.signal()
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

    /// Hands the filled buffer to the background writer (after the previous one is written) and
    /// continues in the other buffer.
    public func flush() {
        guard count > 0 else { return }
        file.idle.wait()
        let chunk = Chunk(base: buffer, count: count)
        swap(&buffer, &spare)
        count = 0
        let file = self.file
        Self.queue.async {
            file.write(chunk.base, chunk.count)
            file.idle.signal()
        }
    }

    /// Flushes, closes and renames the temporary file over `path`; throws `LayersError.unwritableOutput`
    /// when any write, the close or the rename failed (the temporary file is then removed).
    public func commit() throws {
        flush()
        file.idle.wait()
        defer { file.idle.signal() }
        closed = true
        // close(2) returns -1 on failure (for example a full disk reported late).
        if close(file.fd) != 0, file.failure == nil {
            file.failure = .unwritableOutput(path: path, message: String(cString: strerror(errno)))
        }
        if let failure = file.failure { throw failure }
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

/// A filled buffer on its way to the file. The sink does not touch it until `idle` is signalled.
private struct Chunk: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt8>
    let count: Int
}

/// The file descriptor and the first write error, shared with the background writer. `idle` (a
/// semaphore of one) is held while a write is in flight; `failure` is read only while holding it.
private final class FileState: @unchecked Sendable {
    let fd: Int32
    let path: String
    let idle = DispatchSemaphore(value: 1)
    var failure: LayersError?

    init(fd: Int32, path: String) { self.fd = fd; self.path = path }

    func write(_ base: UnsafeRawPointer, _ n: Int) {
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
}
