// Warren — the system's OpenSSL 3 as Swift sees it.
//
// Only GopherNet imports this module, for gophers://. Every helper here is prefixed `cwarren_tls_`
// and exists because Swift cannot use the C original directly: the calls below are function-like
// macros in OpenSSL's headers (SSL_set_tlsext_host_name, SSL_CTX_set_min_proto_version,
// OPENSSL_free), or need a memory BIO that is easier to drive from C.
#ifndef CWARREN_TLS_SHIM_H
#define CWARREN_TLS_SHIM_H

#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/evp.h>
#include <string.h>
#include <time.h>

// SNI: the host name the client asks for, so a server with several names picks the right one.
static inline int cwarren_tls_set_server_name(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}

// The client settings Warren uses, set through macros Swift cannot call:
// - TLS 1.0 and 1.1 are refused: OpenSSL 3 refuses them at its default security level anyway,
//   and saying so here keeps that true whatever the system's openssl.cnf says.
// - Gopher has no length: the response ends when the server closes. Many gopher TLS servers
//   (stunnel in front of a plain server among them) close without a close_notify, which
//   OpenSSL 3 otherwise reports as an error after the whole response has arrived.
// - A write retried after SSL_ERROR_WANT_WRITE may come from a moved Swift buffer.
// Returns 1 on success.
static inline int cwarren_tls_configure_client(SSL_CTX *context) {
    if (SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION) != 1) return 0;
    SSL_CTX_set_options(context, SSL_OP_IGNORE_UNEXPECTED_EOF);
    SSL_CTX_set_mode(context, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    return 1;
}

// A certificate name (subject or issuer) as one line, RFC 2253 order ("CN=localhost,O=Warren"),
// UTF-8, into `buffer`. Returns the length written, or -1.
static inline int cwarren_tls_name_text(const X509_NAME *name, char *buffer, int capacity) {
    BIO *bio = BIO_new(BIO_s_mem());
    if (bio == NULL || capacity <= 0) { BIO_free(bio); return -1; }
    unsigned long flags = XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB;
    int ok = X509_NAME_print_ex(bio, name, 0, flags);
    int length = ok >= 0 ? BIO_read(bio, buffer, capacity - 1) : -1;
    BIO_free(bio);
    if (length < 0) return -1;
    buffer[length] = 0;
    return length;
}

// The end of a certificate's validity as seconds since 1970 (UTC), or -1.
static inline long long cwarren_tls_not_after(const X509 *certificate) {
    struct tm parts;
    memset(&parts, 0, sizeof parts);
    if (!ASN1_TIME_to_tm(X509_get0_notAfter(certificate), &parts)) return -1;
    return (long long)timegm(&parts);
}

// -1 when the certificate is not valid yet, 1 when it has expired, 0 when now is inside its
// validity, 2 when its dates cannot be read.
static inline int cwarren_tls_validity(const X509 *certificate) {
    int before = X509_cmp_current_time(X509_get0_notBefore(certificate));
    int after = X509_cmp_current_time(X509_get0_notAfter(certificate));
    if (before == 0 || after == 0) return 2;
    if (before > 0) return -1;
    if (after < 0) return 1;
    return 0;
}

#endif
