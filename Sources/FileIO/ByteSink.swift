import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// A buffered file writer: bytes gather in one buffer that `write(2)` empties (up to an aligned file
/// offset) when it fills, and runs of bytes larger than the buffer go to `write(2)` directly, so that
/// memory stays at one buffer. (Large
/// outputs overlap formatting and writing through `FormatPipeline`, whose caller owns the sink.)
/// Writes go to a hidden temporary file in the target's folder; `commit()` renames it over the target
/// (atomic on one file system), and a sink dropped without `commit()` removes its temporary file, so a
/// failed run never leaves a half-written file.
public final class ByteSink {
    /// The file the bytes end up in after `commit()`.
    public let path: String
    private let temporaryPath: String
    private let fd: Int32
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    /// A power of two of at most half the buffer: the file offsets that writes end on.
    private let alignment: Int
    private var count = 0
    /// Bytes written to the file so far (the file offset of `buffer[0]`).
    private var written = 0
    private var failure: FileIOError?
    private var closed = false
    private var committed = false

    /// Opens a temporary file beside `path`; throws `FileIOError.unwritable` with the system's reason.
    /// `bufferSize` is the size of the buffer in bytes.
    public init(path: String, bufferSize: Int = 1 << 20) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporaryPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
        // open(2) returns -1 and sets errno on failure.
        fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw FileIOError.unwritable(path: path, message: String(cString: strerror(errno)))
        }
        capacity = max(bufferSize, 4096)
        alignment = 1 << (Int.bitWidth - (capacity / 2).leadingZeroBitCount - 1)
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        if !closed { close(fd) }
        if !committed { unlink(temporaryPath) }
        buffer.deallocate()
    }

    /// Appends raw bytes of any length.
    @inline(__always) public func append(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        if count + bytes.count <= capacity {
            (buffer + count).update(from: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
            count += bytes.count
        } else {
            appendSlow(bytes)
        }
    }

    private func appendSlow(_ bytes: UnsafeRawBufferPointer) {
        if bytes.count >= capacity {
            flush()
            writeAll(bytes)
            return
        }
        makeRoom(bytes.count)
        (buffer + count).update(from: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: bytes.count)
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
        if count == capacity { makeRoom(1) }
        buffer[count] = b
        count += 1
    }

    /// A cursor with room for `maxCount` bytes (flushing first when needed), to hand back to `commit`;
    /// nil when `maxCount` exceeds the buffer.
    @inline(__always) public func cursor(room maxCount: Int) -> ByteCursor? {
        guard maxCount <= capacity else { return nil }
        if count + maxCount > capacity { makeRoom(maxCount) }
        return ByteCursor(buffer + count)
    }

    /// Keeps the bytes written through `c`, a cursor from `cursor(room:)`, and returns those written
    /// from `start` on, valid until the next call on this sink.
    @discardableResult @inline(__always)
    public func commit(_ c: ByteCursor, from start: UnsafeMutablePointer<UInt8>) -> UnsafeRawBufferPointer {
        let end = c.p - buffer
        precondition(end >= count && end <= capacity, "formatter wrote past its bound")
        count = end
        return UnsafeRawBufferPointer(start: start, count: c.p - start)
    }

    /// Writes the buffered bytes to the file.
    public func flush() {
        guard count > 0 else { return }
        writeAll(UnsafeRawBufferPointer(start: buffer, count: count))
        written += count
        count = 0
    }

    /// Frees room for `n` bytes (at most the buffer size) by writing the buffered bytes up to a file
    /// offset that is a multiple of `alignment` and keeping the rest: the kernel then fills whole large
    /// page-cache folios, much cheaper than pages when many files are written in small runs.
    private func makeRoom(_ n: Int) {
        let end = (written + count) & ~(alignment - 1)
        let head = end - written
        guard head > 0, count - head + n <= capacity else { flush(); return }
        writeAll(UnsafeRawBufferPointer(start: buffer, count: head))
        written += head
        count -= head
        UnsafeMutableRawPointer(buffer).copyMemory(from: buffer + head, byteCount: count)  // memmove: may overlap
    }

    /// `write(2)` until all of `bytes` is written; the first failure is kept for `commit()`.
    private func writeAll(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, var base = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            // write(2) returns -1 and sets errno on failure; it may write fewer bytes than asked.
            let w = systemWrite(fd, base, left)
            if w < 0 {
                if errno == EINTR { continue }
                failure = .unwritable(path: path, message: String(cString: strerror(errno)))
                return
            }
            base += w
            left -= w
        }
    }

    /// Flushes, closes and renames the temporary file over `path`; throws `FileIOError.unwritable`
    /// when any write, the close or the rename failed (the temporary file is then removed).
    public func commit() throws {
        flush()
        closed = true
        // close(2) returns -1 on failure (for example a full disk reported late).
        if close(fd) != 0, failure == nil {
            failure = .unwritable(path: path, message: String(cString: strerror(errno)))
        }
        if let failure { throw failure }
        // rename(2) returns -1 and sets errno on failure.
        guard rename(temporaryPath, path) == 0 else {
            throw FileIOError.unwritable(path: path, message: String(cString: strerror(errno)))
        }
        committed = true
    }

    /// Writes `bytes` to `path` through a temporary file and a rename.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let sink = try ByteSink(path: path, bufferSize: 4096)
        sink.append(bytes)
        try sink.commit()
    }

    /// Writes `text` as UTF-8 to `path` through a temporary file and a rename.
    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }
}
