import Foundation
import XCTest

/// Where the project and its neighbours live, for tests.
public enum ProjectPaths {
    /// The package root (the folder holding Package.swift).
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// `../shared/` beside the clone, or an XCTSkip saying it is absent (a user's own clone).
    public static func shared(_ sub: String = "") throws -> URL {
        let url = root.deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(sub)
        guard FileManager.default.fileExists(atPath: url.path) else {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                XCTFail("../shared/\(sub) is missing, and CI must have it")
            }
            throw XCTSkip("../shared/\(sub) is not beside this clone: this test runs in CI, where it is present")
        }
        return url
    }

    /// The built `placemap` executable of this test run.
    public static var placemap: URL {
        let runner = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).resolvingSymlinksInPath()
        let beside = runner.deletingLastPathComponent().appendingPathComponent("placemap")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return root.appendingPathComponent(".build/debug/placemap")
    }
}

/// The result of running a program.
public struct ProcessResult {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs programs for tests.
public enum Run {
    /// Runs `executable` with `arguments`, feeding `input` on stdin; `environment` adds to (or replaces
    /// entries of) the test's own environment.
    @discardableResult
    public static func program(_ executable: URL, _ arguments: [String], input: String? = nil,
                               cwd: URL? = nil, environment: [String: String] = [:]) throws -> ProcessResult {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        if let cwd { p.currentDirectoryURL = cwd }
        if !environment.isEmpty {
            p.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let input { inp.fileHandleForWriting.write(Data(input.utf8)) }
        try? inp.fileHandleForWriting.close()
        // Read both pipes concurrently so that neither fills up.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return ProcessResult(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs the built `placemap` with `arguments` (and `environment` added to the test's own).
    @discardableResult
    public static func placemap(_ arguments: [String], input: String? = nil, cwd: URL? = nil,
                                environment: [String: String] = [:]) throws -> ProcessResult {
        try program(ProjectPaths.placemap, arguments, input: input, cwd: cwd ?? ProjectPaths.root, environment: environment)
    }

    /// A copy of the project's `Gazetteer/` in a temporary folder, for tests that break one of its files.
    public static func gazetteerCopy() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("placemap-gazetteer-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: ProjectPaths.root.appendingPathComponent("Gazetteer"), to: dir)
        return dir
    }

    /// The full path of a program on PATH, or nil.
    public static func which(_ name: String) -> URL? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let url = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// A program on PATH, or an XCTSkip outside CI (a failure in CI, where `make test` installs it).
    public static func require(_ name: String, installedBy hint: String) throws -> URL {
        if let url = which(name) { return url }
        if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("\(name) is missing in CI (\(hint))") }
        throw XCTSkip("\(name) is not installed (\(hint)); `make test` installs it")
    }
}

/// An independent checker in Python (geographiclib, shapely, pyproj), never used by placemap itself.
public enum Python {
    /// Runs a Python script with `input` on stdin and returns its stdout. Skips outside CI when python3
    /// or one of `modules` is missing; fails in CI, where `make test` installs them.
    public static func run(_ script: String, input: String = "", modules: [String]) throws -> String {
        let python = try Run.require("python3", installedBy: "Debian python3")
        let probe = try Run.program(python, ["-c", modules.map { "import \($0)" }.joined(separator: "; ")])
        if probe.status != 0 {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                XCTFail("python modules \(modules) are missing in CI: \(probe.stderr)")
            }
            throw XCTSkip("python modules \(modules) are not installed; `make test` installs them")
        }
        let r = try Run.program(python, ["-c", script], input: input)
        guard r.status == 0 else {
            XCTFail("python checker failed: \(r.stderr)")
            return ""
        }
        return r.stdout
    }
}

/// A fresh temporary folder, removed by the caller's `addTeardownBlock` if wanted.
public func temporaryDirectory(_ name: String = "placemap-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
