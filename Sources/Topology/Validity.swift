internal import CGEOS
import GeoModel

extension Geometry {
    /// True when the geometry is valid in the OGC sense (`GEOSisValid_r`). Throws `TopologyError`.
    public func isValid() throws -> Bool {
        try withGEOS { ctx in
            let a = try ctx.make(self)
            switch GEOSisValid_r(ctx.handle, a.pointer) {  // returns 2 on exception
            case 1: return true
            case 0: return false
            default: throw ctx.error("validity check")
            }
        }
    }

    /// Why the geometry is invalid, or "Valid Geometry" (`GEOSisValidReason_r`). Throws `TopologyError`.
    public func validityReason() throws -> String {
        try withGEOS { ctx in
            let a = try ctx.make(self)
            guard let text = GEOSisValidReason_r(ctx.handle, a.pointer) else { throw ctx.error("validity reason") }  // NULL on exception
            defer { GEOSFree_r(ctx.handle, text) }  // caller frees
            return String(cString: text)
        }
    }
}
