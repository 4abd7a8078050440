import Foundation
import TreEmServer
import Vapor

@main
enum Entrypoint {
    static func main() async throws {
        var env = try Environment.detect()
        // The log is messages, not results: all of it goes to standard error.
        let logConsole = CommandConsole(everythingToStandardError: true)
        try LoggingSystem.bootstrap(from: &env) { level in
            { label in ConsoleLogger(label: label, console: logConsole, level: level) }
        }
        if CommandLine.arguments.dropFirst().first.map({ ["--help", "-h"].contains($0) }) ?? false {
            print(CommandConsole.exitStatuses + "\n")
        }
        let settings: Settings
        do {
            settings = try Settings.fromEnvironment()
        } catch {
            FileHandle.standardError.write(Data("Cấu hình sai (invalid configuration):\n\(error)\n".utf8))
            exit(2)
        }
        let app = try await Application.make(env)
        app.console = CommandConsole()
        do {
            try await configure(app, settings: settings)
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            exit(1)
        }
        // `serve` (also the default command) needs the templates; the other commands do not.
        let command = CommandLine.arguments.dropFirst().first { !$0.hasPrefix("-") } ?? "serve"
        if command == "serve", let missing = missingResources(app) {
            FileHandle.standardError.write(Data((missing + "\n").utf8))
            try? await app.asyncShutdown()
            exit(2)
        }
        do {
            try await app.startup()
            try await app.running?.onStop.get()
        } catch {
            let status = TreEmServer.report(error, on: app)
            try? await app.asyncShutdown()
            exit(status)
        }
        try await app.asyncShutdown()
    }
}
