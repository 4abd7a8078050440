import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A local SMTP catcher for the tests: listens on 127.0.0.1 only, answers every command with
/// success and keeps each message it receives. Never a real mail server.
final class SMTPCatcher: @unchecked Sendable {
    private let socketFD: Int32
    let port: Int
    private let lock = NSLock()
    private var received: [String] = []

    var messages: [String] { lock.withLock { received } }

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 8) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        socketFD = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    private let finished = DispatchSemaphore(value: 0)

    /// Stops listening and returns once the accept loop has ended and closed the socket. The
    /// socket is closed by that loop, never here: closing it under a loop about to call accept()
    /// would let the number go to another test's socket, and this catcher would take its mail.
    func stop() {
        shutdown(socketFD, Int32(SHUT_RDWR))
        finished.wait()
    }

    /// Waits up to `seconds` for `count` messages.
    func waitFor(_ count: Int, seconds: Double = 10) async -> [String] {
        let deadline = Date().addingTimeInterval(seconds)
        while messages.count < count, Date() < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        return messages
    }

    private func acceptLoop() {
        while true {
            let client = accept(socketFD, nil, nil)
            guard client >= 0 else { break }
            serve(client)
            close(client)
        }
        close(socketFD)
        finished.signal()
    }

    private func serve(_ client: Int32) {
        func say(_ text: String) { _ = text.withCString { send(client, $0, strlen($0), 0) } }
        var buffer = [UInt8]()
        func readLine() -> String? {
            while true {
                if let index = buffer.firstIndex(of: 0x0A) {
                    let line = String(decoding: buffer[..<index], as: UTF8.self).trimmingCharacters(in: ["\r"])
                    buffer.removeSubrange(...index)
                    return line
                }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let n = recv(client, &chunk, chunk.count, 0)
                guard n > 0 else { return nil }
                buffer += chunk[0..<n]
            }
        }
        say("220 treem-test catcher\r\n")
        while let line = readLine() {
            let command = line.uppercased()
            if command.hasPrefix("EHLO") {
                say("250-catcher\r\n250 8BITMIME\r\n")
            } else if command.hasPrefix("DATA") {
                say("354 go on\r\n")
                var lines: [String] = []
                while let dataLine = readLine(), dataLine != "." { lines.append(dataLine) }
                lock.withLock { received.append(lines.joined(separator: "\n")) }
                say("250 kept\r\n")
            } else if command.hasPrefix("QUIT") {
                say("221 bye\r\n"); return
            } else {
                say("250 OK\r\n")
            }
        }
    }
}
