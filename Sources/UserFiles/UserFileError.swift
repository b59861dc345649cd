import GopherCore
import SystemPackage

/// Why one of the user's own files (config, bookmarks, history…) could not be read or written:
/// what was being done, the system's reason, and the file. Its words start with `save`, the
/// status-bar word for disk failures: `save failed: No space left on device (/home/ada/…)`.
public struct UserFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Code: Hashable, Sendable {
        let name: String
        /// Writing, replacing or appending to the file.
        public static let write = Code(name: "write")
        /// Making the folder the file goes in (or the download folder).
        public static let makeFolder = Code(name: "make folder")
    }

    public let code: Code
    public let errno: Errno
    /// The file or folder, as the caller named it.
    public let path: String

    public init(_ code: Code, _ errno: Errno, path: String) {
        self.code = code
        self.errno = errno
        self.path = path
    }

    public var description: String { "save failed: \(errno) (\(Sanitizer.clean(path)))" }
}
