import CTLS
import Synchronization

/// OpenSSL's client context, one per trust store for the life of the process: loading the
/// system's certificates costs about 10 ms and 1 MiB a fetch otherwise (BENCHMARKS.md).
// @unchecked Sendable: `pointer` is set once in `init`, fully configured there, and afterwards
// only passed to `SSL_new`, which OpenSSL allows from any number of threads on a context that is
// no longer changed. The context is never freed (each `SSL` holds a reference of its own too).
final class TLSClientContext: @unchecked Sendable {
    let pointer: OpaquePointer

    private init(authorityFile: String?) throws(TLSSetupFailure) {
        ERR_clear_error()
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw TLSSetupFailure(TLSConnection.lastReason()) }
        let loaded: Int32
        if let authorityFile {
            loaded = SSL_CTX_load_verify_locations(context, authorityFile, nil)
        } else {
            loaded = SSL_CTX_set_default_verify_paths(context)
        }
        guard loaded == 1, cwarren_tls_configure_client(context) == 1 else {
            SSL_CTX_free(context)
            throw TLSSetupFailure("cannot load the trusted certificates: \(TLSConnection.lastReason())")
        }
        SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nil)
        pointer = context
    }

    private static let contexts = Mutex<[String: TLSClientContext]>([:])

    /// The context for `authorityFile` (nil: OpenSSL's default paths), made on first use. One
    /// that could not be made is tried again next time (the file may have been fixed).
    static func shared(authorityFile: String?) throws(TLSSetupFailure) -> TLSClientContext {
        let key = authorityFile ?? ""
        if let known = contexts.withLock({ $0[key] }) { return known }
        let made = try TLSClientContext(authorityFile: authorityFile)
        return contexts.withLock { contexts in
            if let raced = contexts[key] { return raced }  // another worker made it meanwhile; that one stays
            contexts[key] = made
            return made
        }
    }
}
