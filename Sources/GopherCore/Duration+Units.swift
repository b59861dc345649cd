/// The few conversions Warren needs from `Duration`, in one place: to poll's milliseconds,
/// Dispatch's nanoseconds, a rate's seconds, and the words the status bar and page info use.
extension Duration {
    /// Whole nanoseconds, saturating (a `Duration` can hold more than `Int64` nanoseconds).
    public var wholeNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        return scaled.addingReportingOverflow(attoseconds / 1_000_000_000).overflow
            ? .max : scaled + attoseconds / 1_000_000_000
    }

    /// Whole milliseconds, saturating.
    public var wholeMilliseconds: Int64 { wholeNanoseconds / 1_000_000 }

    /// Seconds as a floating-point number, for rates.
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }

    /// `30` or `2.5`: whole seconds and tenths, as timeouts are said.
    public var secondsText: String {
        let (seconds, attoseconds) = components
        let tenths = attoseconds / 100_000_000_000_000_000
        return tenths == 0 ? "\(seconds)" : "\(seconds).\(tenths)"
    }

    /// `12.3 ms`: milliseconds and tenths, as the page-info view shows stage times.
    public var millisecondsText: String {
        let microseconds = wholeNanoseconds / 1000
        return "\(microseconds / 1000).\(microseconds % 1000 / 100) ms"
    }
}
