import FileIO
import Foundation

/// Leaflet and Leaflet.markercluster as Debian ships them (`libjs-leaflet`, BSD-2-Clause;
/// `libjs-leaflet.markercluster`, MIT), found at run time and copied into the page's folder with their
/// copyright files, so that the page works from `file://` without a network.
///
/// They are looked up at run time rather than embedded in PlaceMap: the project copies no other
/// project's code into its sources, and Debian keeps the packages patched. The folder is
/// `$PLACEMAP_LEAFLET` when set, else `/usr/share/javascript/leaflet`; the copyright files are
/// `/usr/share/doc/PACKAGE/copyright`, or `PACKAGE.copyright` in `$PLACEMAP_LEAFLET`.
public struct LeafletFiles: Sendable {
    /// The folder Debian installs both packages' browser files into.
    public static let debianFolder = "/usr/share/javascript/leaflet"
    /// The environment variable naming another folder of the same files.
    public static let environmentVariable = "PLACEMAP_LEAFLET"
    /// Where the files go, relative to the output folder.
    public static let target = "page/leaflet"

    /// One file to copy: where it is found, its name in `page/leaflet/`, and the package that ships it.
    public struct Item: Hashable, Sendable {
        /// The absolute path found.
        public var source: String
        /// The path below `page/leaflet/`.
        public var name: String
        /// The Debian package that ships it.
        public var package: String
    }

    /// The files found, in copy order.
    public let items: [Item]

    /// The browser files of each package (relative to the folder), and where they go.
    static let wanted: [(package: String, files: [String])] = [
        ("libjs-leaflet", ["leaflet.min.js", "leaflet.css", "images/layers.png", "images/layers-2x.png",
                           "images/marker-icon.png", "images/marker-icon-2x.png", "images/marker-shadow.png"]),
        ("libjs-leaflet.markercluster", ["leaflet.markercluster.min.js", "MarkerCluster.css", "MarkerCluster.Default.css"]),
    ]

    /// Finds every file. Throws `PageError.missingLibrary` naming the first missing file and its package.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> LeafletFiles {
        let custom = environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
        let folder = custom ?? debianFolder
        let fm = FileManager.default
        var items: [Item] = []
        for (package, files) in wanted {
            for file in files {
                let path = (folder as NSString).appendingPathComponent(file)
                guard fm.isReadableFile(atPath: path) else {
                    throw PageError.missingLibrary(path: path, package: package, custom: custom != nil)
                }
                items.append(Item(source: path, name: file, package: package))
            }
            let copyright = [custom.map { ($0 as NSString).appendingPathComponent("\(package).copyright") },
                             "/usr/share/doc/\(package)/copyright"].compactMap { $0 }
            guard let found = copyright.first(where: fm.isReadableFile(atPath:)) else {
                throw PageError.missingLibrary(path: copyright.last!, package: package, custom: custom != nil)
            }
            items.append(Item(source: found, name: "COPYRIGHT.\(package).txt", package: package))
        }
        return LeafletFiles(items: items)
    }

    /// Copies every file into `page/leaflet/` of the staging folder. Throws `PageError.missingLibrary`
    /// when a file vanished since `locate()`, `LayersError.unwritableOutput` when a copy cannot be written.
    func copy(into folder: OutputFolder) throws {
        for item in items {
            guard let data = FileManager.default.contents(atPath: item.source) else {
                throw PageError.missingLibrary(path: item.source, package: item.package, custom: false)
            }
            try ByteSink.write([UInt8](data), to: folder.stagingPath("\(Self.target)/\(item.name)"))
        }
    }
}

/// Errors of writing the page; each is one clear line for the command line.
public enum PageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file of Leaflet or its plugin is missing: the path looked for and the Debian package that ships it.
    case missingLibrary(path: String, package: String, custom: Bool)

    public var description: String {
        switch self {
        case .missingLibrary(let path, let package, let custom):
            let fix = custom ? "put it there, or unset \(LeafletFiles.environmentVariable) to use Debian's files"
                : "install Debian's \(package) (apt-get install \(package)), or set \(LeafletFiles.environmentVariable) to a folder holding its files"
            return "the page needs \(path), which is missing: \(fix)"
        }
    }
}
