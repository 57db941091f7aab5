import Foundation

/// Independent tasks numbered 0..<count run on every core (the page's details files and day views).
enum ParallelWork {
    /// Calls `body(k)` for every `k` in `0..<count`, task k on worker k % workers (`FormatPipeline.workerCount`
    /// workers at once); each task must touch only what is its own (its own files). Throws the error of the
    /// lowest task that failed, after all workers have ended (a worker stops at its first failure).
    static func forEach(_ count: Int, _ body: @Sendable (Int) throws -> Void) throws {
        let workers = min(FormatPipeline.workerCount, count)
        guard workers > 1 else {
            for k in 0..<count { try body(k) }
            return
        }
        let failure = FirstFailure()
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var k = w
            do {
                while k < count {
                    try body(k)
                    k += workers
                }
            } catch {
                failure.record(slot: k, error)
            }
        }
        try failure.rethrow()
    }
}
