/// Byte counts in the units the status bar and messages use: `512 B`, `1.4 KB`, `38.0 MB`
/// (powers of 1000, one decimal).
public enum ByteCountFormatter {
    public static func string(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes) B" }
        let units = ["KB", "MB", "GB", "TB"]
        var value = Double(bytes) / 1000
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }
}
