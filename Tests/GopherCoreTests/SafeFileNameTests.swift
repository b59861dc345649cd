import GopherCore
import Testing

private func suggested(_ selector: String, _ type: Character = "9") -> String {
    SafeFileName.suggested(forSelector: Array(selector.utf8), type: ItemType(type))
}

private func suggested(bytes: [UInt8], _ type: Character = "9") -> String {
    SafeFileName.suggested(forSelector: bytes, type: ItemType(type))
}

/// Selectors a hostile or broken server might send, as bytes.
private let hostileSelectors: [[UInt8]] = [
    "/../../x", "..", ".", "", "/", "//", "a/", "..\\..\\x", "%2F..", "%2e%2e", "%2E%2E/", "%2e", "..%2f..%2fetc%2fpasswd",
    "/files/%2F", "/files/%5C..", "-rf", "--help", ".bashrc", "/home/.ssh", "a\nb", "\r\n", "x\u{0}y", "%00",
    "\u{1B}[31mred\u{1B}[0m", "\u{1B}]2;title\u{07}", "%1B%5B2J", "tab\there", "del\u{7F}", "%C2%9Bc1", " ", "   .  ",
    ". ", " ..", "\u{202E}gpj.exe", "~", "*", "$(rm -rf ~)", "name\u{0}.txt",
    String(repeating: "a", count: 300), String(repeating: "é", count: 200) + ".tar.gz",
    String(repeating: "%2e", count: 100),
].map { Array($0.utf8) } + [
    [0xFF, 0xFE, 0x2F, 0x2E, 0x2E],  // invalid UTF-8, then /..
    [0x2E, 0x2E, 0x9B, 0x2E],  // ..<C1 CSI in Latin-1>.
    Array(repeating: 0x80, count: 400),
]

@Suite struct SafeFileNameTests {
    @Test func lastPathComponentIsTheName() {
        #expect(suggested("/pub/files/report.pdf") == "report.pdf")
        #expect(suggested("/phlog/2024/") == "2024")
        #expect(suggested("a/") == "a")
        #expect(suggested("/../../x") == "x")
        #expect(suggested("..\\..\\x") == "x")
        #expect(suggested("C:\\games\\doom.zip") == "doom.zip")
        #expect(suggested("plain") == "plain")
    }

    @Test func percentEscapesAreDecoded() {
        #expect(suggested("/files/my%20report.txt") == "my report.txt")
        #expect(suggested("/caf%C3%A9.txt") == "café.txt")
        // Invalid or short escapes stay as they are.
        #expect(suggested("/100%.txt") == "100%.txt")
        #expect(suggested("/a%zz%2") == "a%zz%2")
        // A decoded separator is not a separator any more.
        #expect(suggested("%2F..") == "_..")
        #expect(suggested("/a%2Fb%5Cc") == "a_b_c")
        #expect(suggested("..%2f..%2fetc%2fpasswd") == "_.._.._etc_passwd")
    }

    @Test func aServersRootMenuIsNamedForItsHost() throws {
        #expect(SafeFileName.suggested(for: try GopherURL(parsing: "gopher://example.org/")) == "example.org.gph")
        #expect(SafeFileName.suggested(for: try GopherURL(parsing: "gopher://example.org/1/")) == "example.org.gph")
        #expect(SafeFileName.suggested(for: try GopherURL(parsing: "gopher://example.org/1/phlog")) == "phlog")
        #expect(SafeFileName.suggested(for: try GopherURL(parsing: "gopher://example.org/1/..")) == "download.gph")
    }

    @Test func dotNamesAndEmptyBecomeDownloadWithAGuessedExtension() {
        #expect(suggested("..", "9") == "download")
        #expect(suggested(".", "0") == "download.txt")
        #expect(suggested("", "1") == "download.gph")
        #expect(suggested("/", "7") == "download.gph")
        #expect(suggested("%2e%2e", "g") == "download.gif")
        #expect(suggested("%2e", "h") == "download.html")
        #expect(suggested("   ", "I") == "download")
        #expect(suggested("\u{1B}", "5") == "download")
        // A real name is never given a guessed extension.
        #expect(suggested("/download", "0") == "download")
        #expect(suggested("/about", "0") == "about")
    }

    @Test func hiddenAndOptionLikeNamesArePrefixed() {
        #expect(suggested(".bashrc") == "_.bashrc")
        #expect(suggested("/home/.ssh") == "_.ssh")
        #expect(suggested("-rf") == "_-rf")
        #expect(suggested("--help") == "_--help")
        #expect(suggested("...") == "_...")
        // After trimming, not before.
        #expect(suggested("  .profile  ") == "_.profile")
    }

    @Test func controlCharactersAreRemoved() {
        #expect(suggested("a\nb") == "ab")
        #expect(suggested("x\u{0}y") == "xy")
        #expect(suggested("%00evil") == "evil")
        #expect(suggested("\u{1B}[31mred\u{1B}[0m") == "[31mred[0m")
        #expect(suggested("%1B%5B2Jclear") == "[2Jclear")
        #expect(suggested("tab\there") == "tabhere")
        #expect(suggested("del\u{7F}.txt") == "del.txt")
        // C1 controls, from UTF-8; a raw 0x9B byte is not one (it is read as CP437 text).
        #expect(suggested("%C2%9Bc1") == "c1")
        #expect(suggested("a%C2%85b") == "ab")
        #expect(suggested(bytes: [0x61, 0x9B, 0x62]) == "a¢b")
        // Bidirectional overrides that disguise an extension.
        #expect(suggested("\u{202E}gpj.exe") == "gpj.exe")
    }

    @Test func spacesAreTrimmedAtTheEnds() {
        #expect(suggested("  my file.txt  ") == "my file.txt")
        #expect(suggested("%20%20x%20") == "x")
    }

    @Test func nonUTF8SelectorsAreDecodedAsText() {
        #expect(suggested(bytes: Array("/caf".utf8) + [0xE9] + Array(".txt".utf8)) == "café.txt")
    }

    @Test func longNamesAreCutTo255BytesKeepingTheExtension() {
        let long = suggested(String(repeating: "a", count: 300) + ".tar.gz")
        #expect(long.utf8.count == 255)
        #expect(long == String(repeating: "a", count: 252) + ".gz")

        // Cut between characters: two-byte é, 255 is odd.
        let accented = suggested(String(repeating: "é", count: 200) + ".txt")
        #expect(accented.utf8.count <= 255)
        #expect(accented == String(repeating: "é", count: 125) + ".txt")

        // An extension longer than 10 bytes is not kept.
        let longExtension = suggested(String(repeating: "b", count: 300) + ".verylongext")
        #expect(longExtension == String(repeating: "b", count: 255))

        // No extension.
        #expect(suggested(String(repeating: "c", count: 256)) == String(repeating: "c", count: 255))

        // A character made of many scalars is cut between scalars rather than dropped.
        let combining = "e" + String(repeating: "\u{301}", count: 200)
        let cut = suggested(combining)
        #expect(cut.utf8.count <= 255)
        #expect(cut.unicodeScalars.first == "e")

        // Exactly 255 bytes is left alone.
        let exact = String(repeating: "d", count: 251) + ".txt"
        #expect(suggested(exact) == exact)
    }

    @Test func hostileSelectorsNeverEscapeTheFolder() {
        for selector in hostileSelectors {
            for type: Character in ["0", "1", "9", "g", "I", "h"] {
                let name = suggested(bytes: selector, type)
                let label = "selector \(selector) type \(type) gave \(name.debugDescription)"
                #expect(!name.isEmpty, Comment(rawValue: label))
                #expect(!name.contains("/"), Comment(rawValue: label))
                #expect(!name.contains("\\"), Comment(rawValue: label))
                #expect(name != "." && name != "..", Comment(rawValue: label))
                #expect(name.unicodeScalars.first != "." && name.unicodeScalars.first != "-", Comment(rawValue: label))
                #expect(name.utf8.count <= 255, Comment(rawValue: label))
                #expect(!name.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, Comment(rawValue: label))
                #expect(name.first?.isWhitespace != true && name.last?.isWhitespace != true, Comment(rawValue: label))
                #expect(SafeFileName.isSafe(name), Comment(rawValue: label))
            }
        }
    }

    @Test func isSafeAcceptsOrdinaryNames() {
        for name in ["report.pdf", "my report.txt", "café.txt", "download", "a", "_.bashrc", "x.tar.gz", "~", "*", "$(x)"] {
            #expect(SafeFileName.isSafe(name), "\(name)")
        }
        #expect(SafeFileName.isSafe(String(repeating: "a", count: 255)))
    }

    @Test func isSafeRejectsNamesThatCouldLeaveTheFolderOrHide() {
        let unsafe = [
            "", ".", "..", "/", "a/b", "../x", "/etc/passwd", "a\\b", ".bashrc", "-rf", " x", "x ", "a\nb", "a\u{0}b",
            "\u{1B}[2J", "a\u{85}b", "a\u{202E}b", String(repeating: "a", count: 256),
        ]
        for name in unsafe {
            #expect(!SafeFileName.isSafe(name), "\(name.debugDescription)")
        }
    }

    @Test func cleanMakesTypedNamesSafe() {
        #expect(SafeFileName.clean("../../etc/passwd") == "_.._.._etc_passwd")
        #expect(SafeFileName.clean("..") == "download")
        #expect(SafeFileName.clean(" notes.txt ") == "notes.txt")
        for selector in hostileSelectors {
            let text = String(decoding: selector, as: UTF8.self)
            let once = SafeFileName.clean(text)
            #expect(SafeFileName.isSafe(once))
            #expect(SafeFileName.clean(once) == once)
        }
    }
}
