import Glibc

/// The handlers Warren uses where config.toml sets none, if the program is on this machine:
/// web: `$BROWSER`, else `xdg-open` (with a display); telnet: `telnet -l {user} {host} {port}`;
/// tn3270: `x3270` (with a display) or `c3270`; images, sounds, videos and documents:
/// `xdg-open` with a display. Binaries have none: Enter offers to save them, as `d` does.
extension HandlerTable {
    /// Browsers that run in the terminal, so `$BROWSER` set to one runs there.
    static let terminalBrowsers: Set<String> = ["lynx", "w3m", "links", "links2", "elinks", "browsh", "amfora", "chawan"]

    /// This table with defaults for the kinds it leaves out. `exists` says whether a program is
    /// on the machine (by default: executable, by its path or on `PATH`).
    public func withDefaults(
        environment: [String: String], exists: ((String) -> Bool)? = nil, mailcap: [Mailcap.Entry] = []
    ) -> HandlerTable {
        var table = self
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let hasDisplay = !(environment["DISPLAY"] ?? "").isEmpty || !(environment["WAYLAND_DISPLAY"] ?? "").isEmpty
        let exists = exists ?? { program in
            if program.contains("/") { return access(program, X_OK) == 0 }
            return path.split(separator: ":").contains { access("\($0)/\(program)", X_OK) == 0 }
        }
        func setDefault(_ kind: HandlerKind, _ handler: Handler?) {
            guard table.byKind[kind] == nil, let handler else { return }
            table.fallback[kind] = handler
        }
        // mailcap's entries for the media types Warren meets, each checked as it would run.
        let types = Set(HandlerKind.mediaTypes.values).union(["image/*", "audio/*", "video/*"])
        for type in types {
            if let handler = Mailcap.handler(for: type, in: mailcap, hasDisplay: hasDisplay, exists: exists),
                let program = handler.command.first, exists(program)
            {
                table.byMediaType[type] = handler
            }
        }
        // $BROWSER may list several, colon-separated: the first that exists.
        let browser = (environment["BROWSER"] ?? "").split(separator: ":").map(String.init).first(where: exists)
        if let browser {
            let name = String(browser.split(separator: "/").last ?? Substring(browser))
            setDefault(.web, Handler(command: [browser, "{url}"], terminal: Self.terminalBrowsers.contains(name) || !hasDisplay))
        } else if hasDisplay, exists("xdg-open") {
            setDefault(.web, Handler(command: ["xdg-open", "{url}"]))
        }
        if exists("telnet") { setDefault(.telnet, Handler(command: ["telnet", "-l", "{user}", "{host}", "{port}"], terminal: true)) }
        if hasDisplay, exists("x3270") {
            setDefault(.tn3270, Handler(command: ["x3270", "{host}:{port}"]))
        } else if exists("c3270") {
            setDefault(.tn3270, Handler(command: ["c3270", "{host}:{port}"], terminal: true))
        }
        if hasDisplay, exists("xdg-open") {
            for kind in [HandlerKind.image, .sound, .video, .document] { setDefault(kind, Handler(command: ["xdg-open", "{file}"])) }
        }
        return table
    }
}
