import Testing

@testable import GopherCore

@Test func durationsConvertToTheUnitsWarrenUses() {
    let duration = Duration.milliseconds(1234) + .microseconds(567)
    #expect(duration.wholeNanoseconds == 1_234_567_000)
    #expect(duration.wholeMilliseconds == 1234)
    #expect(abs(duration.seconds - 1.234567) < 1e-9)
    #expect(duration.millisecondsText == "1234.5 ms")
    #expect(Duration.seconds(30).secondsText == "30")
    #expect(Duration.milliseconds(2500).secondsText == "2.5")
}

@Test func hugeDurationsSaturateInsteadOfOverflowing() {
    #expect(Duration.seconds(Int64.max).wholeNanoseconds == .max)
    #expect(Duration.seconds(-Int64.max).wholeNanoseconds == .min)
}
