import NIOConcurrencyHelpers
import NIOPosix
import TreEmCore
import Vapor

/// Slow CPU work — bcrypt, reading an uploaded document — on threads of its own, never on an
/// event loop nor on the thread pool SQLite runs its queries on, and with a bound on how much
/// may wait. The place is claimed before the work starts, so a burst of requests cannot queue
/// without limit: past `threads + waiting` the caller is told the server is busy (429).
final class BoundedWork: Sendable {
    struct Busy: Error {}

    let capacity: Int
    private let pool: NIOThreadPool
    private let admitted = NIOLockedValueBox(0)

    init(threads: Int, waiting: Int) {
        self.capacity = threads + waiting
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
    }

    /// Runs `body` on the pool, or throws `Busy` at once when the pool is full.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        let claimed = admitted.withLockedValue { count -> Bool in
            guard count < capacity else { return false }
            count += 1
            return true
        }
        guard claimed else { throw Busy() }
        defer { admitted.withLockedValue { $0 -= 1 } }
        return try await pool.runIfActive(body)
    }

    func shutdown() async {
        try? await pool.shutdownGracefully()
    }
}

/// The two pools every TreEm process has. Two bcrypt threads keep one core free for pages even
/// in a burst of sign-ins; uploads are read one or two at a time.
struct WorkPools: Sendable {
    let passwords = BoundedWork(threads: 2, waiting: 14)
    let uploads = BoundedWork(threads: 2, waiting: 4)
}

/// Stops the pools' threads when the application shuts down.
struct WorkPoolsShutdown: LifecycleHandler {
    func shutdownAsync(_ application: Application) async {
        await application.treem.pools.passwords.shutdown()
        await application.treem.pools.uploads.shutdown()
    }
}

extension BoundedWork.Busy: AbortError {
    var status: HTTPResponseStatus { .tooManyRequests }
    var reason: String { "busy" }
    var headers: HTTPHeaders { ["Retry-After": "5"] }
}

/// Hashing and checking passwords with bcrypt on the password pool.
struct PasswordHasher: Sendable {
    let work: BoundedWork
    let cost: Int

    func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await work.run { try Bcrypt.hash(password, cost: cost) }
    }

    /// False for a password longer than bcrypt reads, which could otherwise match a different,
    /// shorter one (`PasswordPolicy.maximumBytes`); it still costs one bcrypt, as a real check does.
    func verify(_ password: String, hash: String) async throws -> Bool {
        let tooLong = password.utf8.count > PasswordPolicy.maximumBytes
        let matches = try await work.run { try Bcrypt.verify(tooLong ? "" : password, created: hash) }
        return matches && !tooLong
    }
}
