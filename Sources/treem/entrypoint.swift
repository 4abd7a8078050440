import Foundation
import TreEmServer
import Vapor

@main
enum Entrypoint {
    static func main() async throws {
        var env = try Environment.detect()
        try LoggingSystem.bootstrap(from: &env)
        let settings: Settings
        do {
            settings = try Settings.fromEnvironment()
        } catch {
            FileHandle.standardError.write(Data("Cấu hình sai (invalid configuration):\n\(error)\n".utf8))
            exit(2)
        }
        let app = try await Application.make(env)
        do {
            try await configure(app, settings: settings)
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            exit(1)
        }
        do {
            // `execute` reports a failing command's error itself.
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            exit(1)
        }
        try await app.asyncShutdown()
    }
}
