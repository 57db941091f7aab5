import GeoModel
import EventModel
/// Stable event ids: FNV-1a (64-bit) of the event's provenance, written as 16 hex digits.
///
/// An extracted event's id hashes `report name | sentence offset | place id (or name) | sub-event type`, so
/// the same input gives the same ids on every run and machine (no random seeds, no dictionary order).
public enum StableID {
    /// FNV-1a 64 of the UTF-8 bytes of `text`.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// The id of an event told in `report` by the sentence at `offset`, at `place`, of `subType`.
    public static func event(report: String, offset: Int, place: String, subType: String) -> String {
        hex(fnv1a64("\(report)|\(offset)|\(place)|\(subType)"))
    }

    /// 16 lower-case hex digits.
    public static func hex(_ x: UInt64) -> String {
        let s = String(x, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
