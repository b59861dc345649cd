import ArgumentParser
import Browser
import GopherCore
import GopherNet
import Glibc
import SystemPackage
import UserFiles

@main
struct WarrenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warren",
        abstract: "A terminal gopher browser.",
        discussion: """
            URL is gopher://host[:port]/<type><selector>, or host[/<type><selector>] without the \
            scheme. HOST SELECTOR asks HOST for SELECTOR, as the classic clients do.
            """,
        version: "warren 0.1.0")

    @Argument(help: "A gopher URL, or a host name.")
    var target: String?

    @Argument(help: "The selector to ask for, when the first argument is a host.")
    var selector: String?

    @Option(help: "The port, when the first argument is a host (default: the gopher service's).")
    var port: UInt16?

    @Option(help: "The item type to assume for HOST SELECTOR (default: 1 for an empty selector or one ending in /, else 0).")
    var type: String?

    @Flag(help: "Render the page to standard output, without the full-screen browser.")
    var dump = false

    @Flag(help: "Check a menu against RFC 1436: print each line out of spec and why, exit 1 if there is one.")
    var lint = false

    @Flag(help: "Write the response to standard output exactly as received.")
    var source = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Save the response to FILE.", valueName: "FILE"))
    var output: String?

    @Flag(help: "With --output, replace FILE if it exists.")
    var force = false

    @Option(help: ArgumentHelp("Connect and idle-receive timeout.", valueName: "SECONDS"))
    var timeout: Double?

    @Option(help: ArgumentHelp(
        "With --dump, read the page in this encoding: \(PageEncoding.allCases.map(\.name).joined(separator: ", ")).",
        valueName: "NAME"))
    var encoding: String?

    @Option(help: ArgumentHelp(
        "Connect through this SOCKS5 proxy: socks5://[user:password@]host[:port] resolves names here, socks5h:// at the proxy.",
        valueName: "URL"))
    var proxy: String?

    @Flag(help: "Connect through Tor's proxy on this machine (socks5h://127.0.0.1:9050).")
    var tor = false

    @Flag(help: "Try TLS first for gopher:// URLs too, falling back to plain gopher when the server does not speak it.")
    var tls = false

    @Flag(help: "Check every feed and print what is unread, one line an item: feed, title and URL, separated by tabs.")
    var feeds = false

    @Flag(help: "With no URL, open the home page rather than the last session.")
    var noRestore = false

    @Flag(help: "Check config.toml (or the file given as the argument), print each problem, exit 1 if any.")
    var checkConfig = false

    @Flag(help: "Print the default config.toml, every setting with its default and what it does.")
    var printDefaultConfig = false

    /// As argument-parser's, but a bad command line exits 2, as the README and the manual say
    /// (argument-parser's own status for it is 64).
    static func main() {
        do {
            var command = try parseAsRoot(nil)
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            _ = try? FileDescriptor.standardError.writeAll(Array((fullMessage(for: error) + "\n").utf8))
            Glibc.exit(2)
        }
    }

    mutating func validate() throws {
        if [dump, source, output != nil, lint, feeds].filter({ $0 }).count > 1 {
            throw ValidationError("--dump, --source, --output, --lint and --feeds do not go together.")
        }
        if let encoding, PageEncoding(name: encoding) == nil {
            throw ValidationError(
                "--encoding takes one of \(PageEncoding.allCases.map(\.name).joined(separator: ", ")), not \(encoding).")
        }
        if encoding != nil, !dump { throw ValidationError("--encoding goes with --dump.") }
        if let proxy {
            do { _ = try Proxy(parsing: proxy) } catch { throw ValidationError("--proxy: \(error)") }
            if tor { throw ValidationError("--proxy and --tor do not go together.") }
        }
        if let timeout, !(timeout > 0 && timeout <= 86_400) {
            throw ValidationError("--timeout takes a number of seconds above 0.")
        }
        if let type, type.utf8.count != 1 {
            throw ValidationError("--type takes one item-type character, such as 0 or 1.")
        }
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let environment = Self.environment()
        if printDefaultConfig {
            CommandLineOutput.write(BuiltInPages.defaultConfig, newline: false)
            CommandLineOutput.flush()
            return
        }
        if checkConfig {
            let status = Self.check(configAt: target ?? UserPaths(environment: environment).configFile)
            if status != 0 { throw ExitCode(status) }
            return
        }
        let (config, readProblems) = Self.readConfig(environment: environment)
        var options = FetchOptions()
        if let seconds = timeout ?? config.timeout {
            options = FetchOptions(timeout: .milliseconds(Int64(seconds * 1000)))
        }
        let configProblems = readProblems
        if tor {
            options.proxy = .tor
        } else if let proxy {
            options.proxy = try? Proxy(parsing: proxy)
        } else if let configured = config.proxy {
            do {
                options.proxy = try Proxy(parsing: configured)
            } catch {
                // Never silently direct: the command line stops; the browser says so and stops too.
                CommandLineOutput.fail("config.toml: proxy: \(error)")
                throw ExitCode(2)
            }
        }
        if tls || config.preferTLS == true { options.tls.mode = .prefer }
        // Every mode trusts what the user pinned; nothing else outside the authorities, so
        // `--dump` and the rest never take an unknown certificate silently.
        options.tls.pinned = KnownCertificatesFile(path: UserPaths(environment: environment).knownCertificatesFile).load()
        // `--dump` holds constant memory, and the browser keeps large pages on disk, so the
        // limit is a size cap (the browser lowers it where it cannot spool).
        options.memoryLimit = config.responseLimit ?? FetchOptions.streamingLimit
        if feeds {
            let status = CommandLineFetch.feeds(UserPaths(environment: environment).feedStore, options: options)
            if status != 0 { throw ExitCode(status) }
            return
        }
        guard dump || source || output != nil || lint else {
            try runBrowser(options: options, config: config, configProblems: configProblems, environment: environment)
        }
        guard let target else {
            CommandLineOutput.fail("a URL is needed with --dump, --source, --output or --lint")
            throw ExitCode(2)
        }
        let url: GopherURL
        do {
            url = try resolveURL(target)
        } catch {
            CommandLineOutput.fail("\(error)")
            throw ExitCode(2)
        }
        let status: Int32
        if let output {
            status = CommandLineFetch.save(url, to: output, overwrite: force, options: options)
        } else if lint {
            status = CommandLineFetch.lint(url, options: options)
        } else if source {
            status = CommandLineFetch.source(url, options: options)
        } else {
            status = CommandLineFetch.dump(url, encoding: encoding.flatMap(PageEncoding.init(name:)) ?? .auto, options: options)
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// The full-screen browser, starting at the URL given or at `about:home`.
    private func runBrowser(
        options: FetchOptions, config: Config, configProblems: [String], environment: [String: String]
    ) throws -> Never {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            CommandLineOutput.fail("the browser needs a terminal; use --dump, --source or --output")
            throw ExitCode(2)
        }
        var start = Location.about("home")
        var problems = configProblems
        if target == nil, let homePage = config.homePage {
            do {
                start = try Location(parsing: homePage, defaultPort: servicesDatabaseGopherPort())
            } catch {
                problems.append("home_page: \(error)")
            }
        }
        if let target {
            do {
                if target.lowercased().hasPrefix("about:") {
                    start = try Location(parsing: target)
                } else {
                    start = .gopher(try resolveURL(target))
                }
            } catch {
                CommandLineOutput.fail("\(error)")
                throw ExitCode(2)
            }
        }
        let startingProblems = problems.map { "config.toml \($0)" }
        // The browser runs on the main actor; `run` is called on the main thread.
        let failure: String? = MainActor.assumeIsolated {
            let session: InteractiveSession
            do {
                session = try InteractiveSession(options: options, config: config, environment: environment)
            } catch {
                return "\(error)"
            }
            // No URL: the last session comes back, unless the user says otherwise.
            let restore = !noRestore && config.restoreSession != false
            session.run(start: start, restoringSession: restore, startIsGiven: target != nil, problems: startingProblems)
        }
        CommandLineOutput.fail(failure ?? "the browser stopped")
        throw ExitCode(1)
    }

    /// `--check-config`: each problem on its own line as `FILE:LINE: …`; 0 when there is none.
    static func check(configAt path: String) -> Int32 {
        guard let bytes = UserFileStore.read(path) else {
            CommandLineOutput.fail("cannot read \(path)")
            return 2
        }
        let problems = Config.parse(String(decoding: bytes, as: UTF8.self)).problems
        for problem in problems {
            CommandLineOutput.write("\(path): \(problem)")
        }
        if problems.isEmpty { CommandLineOutput.write("\(path): no problems") }
        CommandLineOutput.flush()
        return problems.isEmpty ? 0 : 1
    }

    /// The configuration file, if there is one; a missing file is no problem.
    static func readConfig(environment: [String: String]) -> (Config, [String]) {
        let paths = UserPaths(environment: environment)
        guard let bytes = UserFileStore.read(paths.configFile) else { return (Config(), []) }
        return Config.parse(String(decoding: bytes, as: UTF8.self))
    }

    static func environment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }

    private func resolveURL(_ target: String) throws(GopherURLError) -> GopherURL {
        let servicesPort = servicesDatabaseGopherPort()
        let itemType = type.map { ItemType(UInt8($0.utf8.first!)) }
        if selector != nil || ((port != nil || type != nil) && !target.contains("/")) {
            return try GopherURL(
                host: target, selectorText: selector ?? "", port: port ?? servicesPort, type: itemType)
        }
        var url = try GopherURL(parsing: target, defaultPort: servicesPort)
        if let port { url.port = port }
        if let itemType { url.type = itemType }
        return url
    }
}
