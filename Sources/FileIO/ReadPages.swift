import Foundation

/// Hands back to the kernel the pages of a file's bytes that a reader has passed: a file read once from
/// start to end (a million-row CSV) then no longer holds its whole text in memory while the rows it made
/// pile up. The bytes must be a read-only mapping of the file (`Data(contentsOf:options: .alwaysMapped)`):
/// a dropped page reads back from the file if touched again.
public struct ReadPages {
    private let base: UnsafeRawPointer
    private let count: Int
    private var dropped = 0
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// The pages of `bytes`, none dropped yet.
    public init(_ bytes: UnsafeRawBufferPointer) {
        base = bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
        count = bytes.count
    }

    /// Drops the whole pages before byte `offset` that are not dropped yet. The kernel's advice is only
    /// advice: when it refuses, the pages simply stay.
    public mutating func drop(before offset: Int) {
        let page = ReadPages.pageSize
        let start = (Int(bitPattern: base) + page - 1) / page * page
        let end = (Int(bitPattern: base) + min(offset, count)) / page * page
        let from = max(start, Int(bitPattern: base) + dropped)
        guard end > from else { return }
        _ = madvise(UnsafeMutableRawPointer(bitPattern: from), end - from, Int32(MADV_DONTNEED))
        dropped = end - Int(bitPattern: base)
    }
}
