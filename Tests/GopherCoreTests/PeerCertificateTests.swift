import Testing

@testable import GopherCore

@Suite struct PeerCertificateTests {
    @Test func expiryIsAUTCDateAndTime() {
        func expiry(_ seconds: Int64?) -> String {
            PeerCertificate(subject: "", issuer: "", fingerprint: "", notAfter: seconds).expiryText
        }
        #expect(expiry(0) == "1970-01-01 00:00 UTC")
        #expect(expiry(951_782_400) == "2000-02-29 00:00 UTC")
        #expect(expiry(1_827_000_000) == "2027-11-23 20:00 UTC")
        #expect(expiry(-1) == "1969-12-31 23:59 UTC")
        #expect(expiry(nil) == "unknown")
    }

    @Test func aFingerprintTakesTwoLinesOf16PairsUnderItsLabel() {
        let fingerprint = (0..<32).map { String(format: "%02X", $0) }.joined(separator: ":")
        #expect(PeerCertificate.fingerprintLines("SHA-256", fingerprint) == [
            "SHA-256    00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:",
            "           10:11:12:13:14:15:16:17:18:19:1A:1B:1C:1D:1E:1F",
        ])
        #expect(PeerCertificate.fingerprintLines("SHA-256", "AB:CD") == ["SHA-256    AB:CD"])
    }

    @Test func aNarrowWidthTakesFewerPairsALineInGroupsOfFour() {
        let fingerprint = (0..<32).map { String(format: "%02X", $0) }.joined(separator: ":")
        let lines = PeerCertificate.fingerprintLines("SHA-256", fingerprint, width: 40)
        #expect(lines == [
            "SHA-256    00:01:02:03:04:05:06:07:",
            "           08:09:0A:0B:0C:0D:0E:0F:",
            "           10:11:12:13:14:15:16:17:",
            "           18:19:1A:1B:1C:1D:1E:1F",
        ])
        #expect(PeerCertificate.fingerprintLines("SHA-256", fingerprint, width: 20).allSatisfy { $0.count <= 20 })
    }

    @Test func pinsAreKeptPerEndpointWhateverTheCaseOfTheHost() {
        var pins = CertificatePins(["Gopher.Example:70": "AA"])
        #expect(pins["gopher.example:70"] == "AA")
        pins["GOPHER.example:70"] = "BB"
        #expect(pins.fingerprints == ["gopher.example:70": "BB"])
    }
}
