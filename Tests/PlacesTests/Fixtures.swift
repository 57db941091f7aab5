import Foundation
import Places
import TestSupport
import XCTest

/// The project's gazetteer, loaded once for all tests.
enum Fixture {
    static let directory = ProjectPaths.root.appendingPathComponent("Gazetteer")
    static let gazetteer: Gazetteer = {
        do { return try Gazetteer.load(from: directory) } catch { fatalError("the gazetteer does not load: \(error)") }
    }()

    /// A copy of the gazetteer in a temporary folder, for tests that change files.
    static func copy() throws -> URL {
        let dir = try temporaryDirectory("placemap-gazetteer").appendingPathComponent("Gazetteer")
        try FileManager.default.copyItem(at: directory, to: dir)
        return dir
    }
}
