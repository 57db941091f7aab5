import Foundation

/// Where a store lives: a GeoPackage file, or a PostGIS database named by a `postgresql://` URL.
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    case geoPackage(path: String)
    case postGIS(url: String)

    /// The default store of a user who names none: `placemap.gpkg` in the current folder.
    public static let defaultPath = "placemap.gpkg"

    /// The store `text` names: a `postgresql://` or `postgres://` URL, else a GeoPackage path.
    public init(_ text: String) {
        let lower = text.lowercased()
        if lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://") { self = .postGIS(url: text) } else {
            self = .geoPackage(path: text)
        }
    }

    /// True when an input path names a store rather than a report or event file: a `.gpkg` file or a
    /// PostgreSQL URL.
    public static func isStore(_ text: String) -> Bool {
        switch StoreLocation(text) {
        case .postGIS: return true
        case .geoPackage(let p): return (p as NSString).pathExtension.lowercased() == "gpkg"
        }
    }

    /// The location for messages: a URL without its password.
    public var description: String {
        switch self {
        case .geoPackage(let p): return p
        case .postGIS(let url): return PostGISURL.redacted(url)
        }
    }

    /// Opens the store (creating a missing GeoPackage, or PlaceMap's tables in an empty database, when
    /// `create`). Throws `StoreError` (one line, the library's own message).
    public func open(create: Bool) throws -> any EventStore {
        switch self {
        case .geoPackage(let p): return try GeoPackageStore(path: p, create: create)
        case .postGIS(let url): return try PostGISStore(url: url, create: create)
        }
    }
}

/// PostgreSQL URLs as messages show them.
enum PostGISURL {
    /// `url` with any password replaced by `***`.
    static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        guard let at = rest.firstIndex(of: "@") else { return url }
        let userinfo = rest[..<at]
        guard let colon = userinfo.firstIndex(of: ":") else { return url }
        return String(url[..<scheme.upperBound]) + userinfo[..<colon] + ":***" + rest[at...]
    }
}
