import Foundation
import TreEmCore

/// Configuration read from the environment, with safe embedded defaults.
public struct Settings: Sendable {
    public enum Database: Sendable, Equatable {
        case sqliteFile(path: String)
        case sqliteMemory(identifier: String)
        /// `searchPath` lets tests give every case its own schema in one throwaway server.
        case postgres(url: String, searchPath: String?)
    }

    public var database: Database
    /// `TREEM_SECURE_COOKIES=1` behind TLS.
    public var secureCookies: Bool
    /// A session ends after this long without a request (`TREEM_IDLE_TIMEOUT_MINUTES`, default 60).
    public var idleTimeout: TimeInterval
    /// `TREEM_INITIAL_ADMIN_PASSWORD`: the first administrator's password for scripted deployments.
    public var initialAdminPassword: String?
    /// bcrypt cost; 12 in production, lowered by tests only.
    public var bcryptCost: Int
    /// `TREEM_BEHIND_PROXY=1` behind nginx: the client's address is the rightmost entry of
    /// `X-Forwarded-For` that is not one of `trustedProxies`, so sign-in throttling counts
    /// people, not the proxy, and a client cannot choose its own address.
    public var behindProxy: Bool
    /// `TREEM_TRUSTED_PROXIES`: the proxies' addresses, comma-separated CIDR (default loopback).
    public var trustedProxies: [AddressRange]
    /// `TREEM_SMTP_URL`: notifications also go out by e-mail through this server.
    public var smtpURL: String?
    /// `TREEM_RESOURCES`: the folder holding `Resources/` and `Public/` when TreEm is installed
    /// away from its checkout (unset: the working folder, else the folders above the executable).
    public var resourcesDirectory: String?

    public init(
        database: Database, secureCookies: Bool = false, idleTimeout: TimeInterval = 3600,
        initialAdminPassword: String? = nil, bcryptCost: Int = 12, behindProxy: Bool = false,
        trustedProxies: [AddressRange] = ClientAddress.defaultTrustedProxies, smtpURL: String? = nil,
        resourcesDirectory: String? = nil
    ) {
        self.database = database
        self.secureCookies = secureCookies
        self.idleTimeout = idleTimeout
        self.initialAdminPassword = initialAdminPassword
        self.bcryptCost = bcryptCost
        self.behindProxy = behindProxy
        self.trustedProxies = trustedProxies
        self.smtpURL = smtpURL
        self.resourcesDirectory = resourcesDirectory
    }

    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> Settings
    {
        var problems: [String] = []
        let database: Database
        if let url = env["DATABASE_URL"], !url.isEmpty {
            if !(url.hasPrefix("postgres://") || url.hasPrefix("postgresql://")) {
                problems.append(
                    "DATABASE_URL phải bắt đầu bằng postgres:// (must start with postgres://), nhận được: \(url.prefix(20))…"
                )
            }
            database = .postgres(url: url, searchPath: env["TREEM_DATABASE_SCHEMA"])
        } else {
            database = .sqliteFile(path: env["TREEM_DATABASE"].flatMap { $0.isEmpty ? nil : $0 } ?? "treem.sqlite")
        }
        var idle: TimeInterval = 3600
        if let text = env["TREEM_IDLE_TIMEOUT_MINUTES"] {
            if let minutes = Double(text), minutes > 0 {
                idle = minutes * 60
            } else {
                problems.append(
                    "TREEM_IDLE_TIMEOUT_MINUTES phải là số phút dương (a positive number of minutes), nhận được: \(text)"
                )
            }
        }
        var cost = 12
        if let text = env["TREEM_BCRYPT_COST"] {
            if let value = Int(text), (4...31).contains(value) {
                cost = value
            } else {
                problems.append("TREEM_BCRYPT_COST phải từ 4 đến 31 (must be 4…31), nhận được: \(text)")
            }
        }
        let password = env["TREEM_INITIAL_ADMIN_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        if let password, let problem = PasswordPolicy.problem(password: password, username: "admin") {
            problems.append("TREEM_INITIAL_ADMIN_PASSWORD: \(problem.vi) (\(problem.en))")
        }
        let smtp = env["TREEM_SMTP_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if let smtp, Mailer(url: smtp) == nil {
            problems.append(
                "TREEM_SMTP_URL phải có dạng smtp://người-dùng:mật-khẩu@máy:cổng?from=địa-chỉ (must look like smtp://user:pass@host:port?from=address)"
            )
        }
        var trusted = ClientAddress.defaultTrustedProxies
        if let text = env["TREEM_TRUSTED_PROXIES"], !text.isEmpty {
            let entries = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let ranges = entries.compactMap(AddressRange.init)
            if ranges.count == entries.count {
                trusted = ranges
            } else {
                let bad = entries.filter { AddressRange($0) == nil }.joined(separator: ", ")
                problems.append(
                    "TREEM_TRUSTED_PROXIES phải là danh sách địa chỉ IP hoặc dải CIDR cách nhau bởi dấu phẩy (comma-separated IP addresses or CIDR ranges); sai: \(bad)"
                )
            }
        }
        let resources = env["TREEM_RESOURCES"].flatMap { $0.isEmpty ? nil : $0 }
        if let resources {
            let missing = InstallDirectory.missing(in: resources)
            if !missing.isEmpty {
                problems.append(
                    "TREEM_RESOURCES=\(resources) thiếu (lacks) \(missing.joined(separator: ", ")): cần thư mục chứa Resources/ và Public/ của TreEm (the folder holding TreEm's Resources/ and Public/)"
                )
            }
        }
        guard problems.isEmpty else { throw Invalid(description: problems.joined(separator: "\n")) }
        return Settings(
            database: database, secureCookies: env["TREEM_SECURE_COOKIES"] == "1",
            idleTimeout: idle, initialAdminPassword: password, bcryptCost: cost,
            behindProxy: env["TREEM_BEHIND_PROXY"] == "1", trustedProxies: trusted, smtpURL: smtp,
            resourcesDirectory: resources)
    }
}
