import Foundation

/// Work that runs on a thread of its own while the caller goes on (the map job writes its CSV files
/// while it writes the GeoJSON layers): `wait()` gives its result or throws its error.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    /// Set once by the work's thread before `finished` is signalled; read only after.
    private var result: Result<Value, any Error>?
    private var joined = false

    /// Starts `work` on a new thread.
    init(_ work: @escaping @Sendable () throws -> Value) {
        Thread { [self] in
            result = Result { try work() }
            finished.signal()
        }.start()
    }

    /// Waits for the work to end; returns its value or throws its error.
    func wait() throws -> Value {
        join()
        return try result!.get()
    }

    /// Waits for the work to end without asking how it went: for a caller that is already failing
    /// with an error of its own, so that the work does not outlive the folder it writes into.
    func join() {
        guard !joined else { return }
        finished.wait()
        joined = true
    }
}
