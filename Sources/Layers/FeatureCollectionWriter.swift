import FileIO
import EventModel
import GeoModel

/// Streams one GeoJSON FeatureCollection into a file: the members that sort before `features`
/// (`attribution`, `bbox`, ...), then each feature as it comes, then the rest (`name`, `type`).
/// Memory stays at one buffer whatever the number of features. Events go through a specialised
/// formatter that writes the same bytes as `GeoJSON.encode(EventGeoJSON.feature)`; other
/// features through the general encoder. The result equals `GeoJSON.encode` of the whole collection.
public final class FeatureCollectionWriter {
    private let sink: ByteSink
    private var first = true
    private var tail: [UInt8] = []

    /// Starts a collection at `path` (through a temporary file) with a `bbox` (omitted when nil)
    /// and the foreign `members` (for example `attribution`, `name`); throws `LayersError.unwritableOutput`.
    public init(path: String, bbox: BoundingBox?, members: [String: JSONValue], bufferSize: Int = 1 << 20) throws {
        sink = try ByteSink(path: path, bufferSize: bufferSize)
        // Every member but `features`, rendered as `"key":value`, in the general encoder's sorted order.
        let reserved: Set<String> = ["type", "features", "bbox", "geometry", "properties", "id", "coordinates", "geometries"]
        var rendered: [(key: String, bytes: [UInt8])] = members.filter { !reserved.contains($0.key) }.map { key, value in
            var w = JSONWriter()
            w.write(string: key)
            w.raw(byte: UInt8(ascii: ":"))
            w.write(value)
            return (key, w.bytes)
        }
        rendered.append(("type", Array("\"type\":\"FeatureCollection\"".utf8)))
        if let bbox {
            var w = JSONWriter()
            w.raw("\"bbox\":[")
            for (k, x) in bbox.values.enumerated() {
                if k > 0 { w.raw(byte: UInt8(ascii: ",")) }
                w.write(fixed: x, decimals: GeoJSON.decimals)
            }
            w.raw(byte: UInt8(ascii: "]"))
            rendered.append(("bbox", w.bytes))
        }
        rendered.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        let before = rendered.filter { $0.key.utf8.lexicographicallyPrecedes("features".utf8) }
        let after = rendered.filter { !$0.key.utf8.lexicographicallyPrecedes("features".utf8) }
        var head: [UInt8] = [UInt8(ascii: "{")]
        for m in before { head += m.bytes + [UInt8(ascii: ",")] }
        head += Array("\"features\":[".utf8)
        sink.append(head)
        tail = [UInt8(ascii: "]")]
        for m in after { tail += [UInt8(ascii: ",")] + m.bytes }
        tail.append(UInt8(ascii: "}"))
    }

    /// Appends one event as a Feature (the fast formatter).
    public func write(event e: Event) { writeEvent(e) }

    /// Appends one event as a Feature and returns its bytes (without the separator), valid until the next
    /// write to this writer; nil for a Feature larger than the buffer (written all the same).
    @discardableResult func writeEvent(_ e: Event) -> UnsafeRawBufferPointer? {
        if !first { sink.append(byte: UInt8(ascii: ",")) }
        first = false
        return EventFeatureFormat.write(e, to: sink, before: nil, after: nil)
    }

    /// Appends the events at `indices` (all when nil), in order: formatted on worker threads while this
    /// thread writes (`FormatPipeline.events`). `done` is told the events written so far, at each block.
    func write(events: [Event], indices: [Int32]?, done: (Int) -> Void = { _ in }) {
        let n = indices?.count ?? events.count
        guard n > 0 else { return }
        var written = 0
        FormatPipeline.events(events, indices: indices, framing: EventFraming(before: UInt8(ascii: ","), firstBare: first)) {
            sink.append($0.bytes)
            written = min(written + FormatPipeline.eventsPerBlock, n)
            done(written)
        }
        first = false
    }

    /// Appends one event's Feature bytes, formatted elsewhere.
    @inline(__always) func appendFeature(bytes: UnsafeRawBufferPointer) {
        if !first { sink.append(byte: UInt8(ascii: ",")) }
        first = false
        sink.append(bytes)
    }

    /// Appends one Feature (the general encoder).
    public func write(feature f: Feature) {
        if !first { sink.append(byte: UInt8(ascii: ",")) }
        first = false
        sink.append(GeoJSON.encode(f))
    }

    /// Closes the collection and renames the file into place; throws `LayersError.unwritableOutput`.
    public func finish() throws {
        sink.append(tail)
        try sink.commit()
    }
}

/// RFC 8142 GeoJSON text sequences: each feature preceded by RS (0x1E) and followed by LF.
public final class FeatureSequenceWriter {
    private let sink: ByteSink

    /// Starts a sequence at `path` (through a temporary file); throws `LayersError.unwritableOutput`.
    public init(path: String, bufferSize: Int = 1 << 20) throws { sink = try ByteSink(path: path, bufferSize: bufferSize) }

    /// Appends one event as a Feature.
    public func write(event e: Event) {
        EventFeatureFormat.write(e, to: sink, before: 0x1E, after: 0x0A)
    }

    /// Appends the events, in order: formatted on worker threads while this thread writes.
    func write(events: [Event]) {
        FormatPipeline.events(events, indices: nil, framing: EventFraming(before: 0x1E, after: 0x0A)) {
            sink.append($0.bytes)
        }
    }

    /// Renames the file into place; throws `LayersError.unwritableOutput`.
    public func finish() throws { try sink.commit() }
}
