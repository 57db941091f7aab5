import Foundation
import Layers

/// The map job's progress as one line rewritten in place (`\r`): stage, events done and rate, at most
/// one update every `interval` seconds. The CLI makes one only when standard error is a terminal and
/// `--quiet` is not given; the clock and the output are injected, so the line is tested without either.
final class ProgressLine: MapProgress {
    /// Seconds on a monotonic clock.
    private let clock: () -> Double
    /// Where the text goes (standard error in the CLI).
    private let write: (String) -> Void
    /// The least time between two updates, in seconds.
    let interval: Double
    private var lastDrawn: Double?
    private var stage: MapStage?
    private var stageStart = 0.0
    private var shownWidth = 0

    /// A line drawn through `write`, timed by `clock`, at most once every `interval` seconds.
    init(interval: Double = 0.1, clock: @escaping () -> Double, write: @escaping (String) -> Void) {
        self.interval = interval; self.clock = clock; self.write = write
    }

    /// A line on standard error timed by the system's monotonic clock.
    static func standardError() -> ProgressLine {
        ProgressLine(clock: { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 },
                     write: { FileHandle.standardError.write(Data($0.utf8)) })
    }

    /// Draws the line when `interval` has passed since the last drawing; a new stage restarts the rate.
    func update(_ stage: MapStage, done: Int, total: Int?) {
        let now = clock()
        if stage != self.stage { self.stage = stage; stageStart = now }
        if let lastDrawn, now - lastDrawn < interval { return }
        lastDrawn = now
        let text = Self.text(stage, done: done, total: total, seconds: now - stageStart)
        // Spaces cover the end of a longer earlier line.
        write("\r" + text + String(repeating: " ", count: max(0, shownWidth - text.count)))
        shownWidth = text.count
    }

    /// Blanks the line drawn, if any, and puts the cursor back at its start.
    func finish() {
        guard shownWidth > 0 else { return }
        write("\r" + String(repeating: " ", count: shownWidth) + "\r")
        shownWidth = 0
    }

    /// "map: day layers 250,000/1,000,000 events, 125,000 events/s": the rate is left out until time has passed.
    static func text(_ stage: MapStage, done: Int, total: Int?, seconds: Double) -> String {
        var s = "map: \(stage.rawValue) \(grouped(done))"
        if let total { s += "/\(grouped(total))" }
        s += " events"
        if seconds > 0 { s += ", \(grouped(Int((Double(done) / seconds).rounded()))) events/s" }
        return s
    }

    /// 1234567 → "1,234,567".
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n.magnitude))
        var out = ""
        for (k, d) in digits.enumerated() {
            if k > 0 && (digits.count - k) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return n < 0 ? "-" + out : out
    }
}
