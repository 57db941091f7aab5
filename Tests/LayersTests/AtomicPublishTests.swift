import FileIO
import Foundation
import TestSupport
import XCTest

/// Issue 15, reproducers P1–P5 (`Tests/Fuzz/cases/publish-*`; the kill test `Tests/Fuzz/killtest.py` kills
/// real runs): the output folder is swapped whole, a second writer refuses, stale staging folders go.
final class AtomicPublishTests: XCTestCase {
    func write(_ text: String, _ path: String) throws { try text.write(toFile: path, atomically: false, encoding: .utf8) }
    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
    func beside(_ out: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path).filter { $0.contains("placemap-staging") }
    }

    func testPublishReplacesTheWholeFolderAndKeepsOnlyFilesItDidNotWrite() throws {
        let out = try temporaryDirectory().appendingPathComponent("out")
        try FileManager.default.createDirectory(atPath: out.path + "/days/2001-01-01", withIntermediateDirectories: true)
        try write("old", out.path + "/events.csv")
        try write("old day", out.path + "/days/2001-01-01/events.geojson")
        try write("mine", out.path + "/notes.txt")
        do {
            let folder = try OutputFolder(path: out.path)
            XCTAssertFalse(folder.staging.hasPrefix(out.path + "/"), "staging is beside --out, not inside: \(folder.staging)")
            try write("new", folder.stagingPath("events.csv"))
            try write("new day", folder.stagingPath("days/2020-02-06/events.geojson"))
            XCTAssertEqual(try read(out.path + "/events.csv"), "old", "nothing published before publish()")
            try folder.publish()
        }
        XCTAssertEqual(try read(out.path + "/events.csv"), "new")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path + "/days"), ["2020-02-06"])
        XCTAssertEqual(try read(out.path + "/notes.txt"), "mine")
        XCTAssertEqual(try beside(out), [])
    }

    func testASecondWriterOfTheSameFolderRefusesWithOneLine() throws {
        let out = try temporaryDirectory().appendingPathComponent("out").path
        do {
            let first = try OutputFolder(path: out)
            XCTAssertThrowsError(try OutputFolder(path: out)) { error in
                guard case FileIOError.busy = error else { return XCTFail("\(error)") }
                XCTAssertFalse("\(error)".contains("\n"))
            }
            try first.publish()
        }
        XCTAssertNoThrow(try OutputFolder(path: out), "the lock goes with the first writer")
    }

    func testStagingFoldersOfEndedRunsAreRemovedAndAnUnpublishedOneGoesToo() throws {
        let dir = try temporaryDirectory()
        let out = dir.appendingPathComponent("out")
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let stale = dir.appendingPathComponent(".out.placemap-staging-\(ended.processIdentifier)").path
        try FileManager.default.createDirectory(atPath: stale + "/days", withIntermediateDirectories: true)
        let alive = dir.appendingPathComponent(".out.placemap-staging-1").path  // init: never gone
        try FileManager.default.createDirectory(atPath: alive, withIntermediateDirectories: true)
        do {
            let folder = try OutputFolder(path: out.path)
            try write("x", folder.stagingPath("events.csv"))
            XCTAssertFalse(FileManager.default.fileExists(atPath: stale))
        }  // not published: its staging folder is removed
        XCTAssertEqual(try beside(out), [".out.placemap-staging-1"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing published")
    }
}
