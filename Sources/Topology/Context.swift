internal import CGEOS
import GeoModel

/// Errors from geometry operations, carrying GEOS's own message.
public enum TopologyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// GEOS reported an exception; the text is GEOS's message, prefixed by the operation.
    case geos(String)
    /// The input cannot be turned into a GEOS geometry (for example an unclosed ring).
    case invalidInput(String)

    public var description: String {
        switch self {
        case .geos(let m): return "GEOS: \(m)"
        case .invalidInput(let m): return "invalid geometry: \(m)"
        }
    }
}

/// Holds the last error and notice GEOS reported on one context.
final class GEOSMessages {
    var lastError: String?
}

/// Owns one reentrant GEOS context (`GEOS_init_r` / `GEOS_finish_r`) and collects its error messages.
/// Not shared between threads: every public operation makes its own, so C state never escapes.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    private let messages = GEOSMessages()

    init() {
        handle = GEOS_init_r()  // returns NULL only when out of memory
        // GEOS calls this with our box as userdata; the box outlives the handle (both die in deinit).
        _ = GEOSContext_setErrorMessageHandler_r(handle, { message, userdata in
            guard let message, let userdata else { return }
            Unmanaged<GEOSMessages>.fromOpaque(userdata).takeUnretainedValue().lastError = String(cString: message)
        }, Unmanaged.passUnretained(messages).toOpaque())
    }

    deinit { GEOS_finish_r(handle) }

    /// The error for a failed call to `operation`, with GEOS's message when it gave one.
    func error(_ operation: String) -> TopologyError {
        defer { messages.lastError = nil }
        return .geos("\(operation) failed: \(messages.lastError ?? "no message from GEOS")")
    }

    /// Wraps a newly created geometry pointer, or throws the context's error when it is NULL.
    func own(_ pointer: OpaquePointer?, _ operation: String) throws -> GEOSGeometryOwner {
        guard let pointer else { throw error(operation) }
        return GEOSGeometryOwner(context: self, pointer: pointer)
    }
}

/// Owns one `GEOSGeometry*`: frees it exactly once in `deinit` unless ownership was handed to
/// GEOS (a collection or polygon that took it), after which `release()` makes this owner inert.
final class GEOSGeometryOwner {
    let context: GEOSContext
    let pointer: OpaquePointer
    private var owned = true

    init(context: GEOSContext, pointer: OpaquePointer) {
        self.context = context
        self.pointer = pointer
    }

    /// Hands the pointer to a new owner (GEOS takes it); this object will no longer free it.
    func release() -> OpaquePointer {
        owned = false
        return pointer
    }

    deinit { if owned { GEOSGeom_destroy_r(context.handle, pointer) } }
}
