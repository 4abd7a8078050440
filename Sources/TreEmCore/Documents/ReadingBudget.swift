import Foundation

/// What reading one uploaded file may cost: a deadline, a cap on the bytes inflated out of
/// its ZIP, and a switch another thread can throw (a request that went away) to stop it.
/// A reader calls `check()` as it goes, so a crafted file stops where the budget runs out
/// instead of holding a core or the memory of the server.
public final class ReadingBudget: @unchecked Sendable {
    /// Total bytes all entries of one archive may inflate to (the archive's size also caps it).
    public let maximumInflatedBytes: Int
    /// The time allowed, as given (for messages).
    public let seconds: Double
    private let deadline: ContinuousClock.Instant
    // `cancelled` is the only mutable state; the lock makes `cancel()` safe from any thread.
    private let lock = NSLock()
    private var cancelled = false

    public init(seconds: Double = 5, maximumInflatedBytes: Int = 40 << 20) {
        // A NaN or infinite time would trap in Duration; a year is "no limit" here.
        let allowed = seconds.isNaN ? 0 : min(max(seconds, 0), 365 * 86_400)
        self.seconds = allowed
        self.maximumInflatedBytes = max(0, maximumInflatedBytes)
        deadline = ContinuousClock.now.advanced(by: .milliseconds(Int64(allowed * 1000)))
    }

    public func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    /// Throws once the reading was cancelled or its time is up.
    public func check() throws(DOCXText.Failure) {
        if isCancelled { throw .cancelled }
        if ContinuousClock.now >= deadline { throw .tooSlow(seconds: seconds) }
    }
}
