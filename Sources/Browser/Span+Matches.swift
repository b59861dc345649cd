/// Find matches drawn in the `.match` style: each occurrence of the text, case-insensitively.
/// The views call it on the spans that hold page text, never on a link number or a type tag.
/// A match that a wrap splits over two rows is not drawn.
extension Span {
    /// The span cut at each match of `needle`, or itself when there is none (or no needle).
    func highlightingMatches(of needle: String?) -> [Span] {
        guard let needle, !needle.isEmpty else { return [self] }
        return splitAtMatches(of: needle.map { $0.lowercased() })
    }

    /// `needle` is lowered character by character, as the find itself compares.
    private func splitAtMatches(of needle: [String]) -> [Span] {
        let characters = Array(text)
        let lowered = characters.map { $0.lowercased() }
        var pieces: [Span] = []
        var plainStart = 0
        var index = 0
        while index + needle.count <= characters.count {
            guard lowered[index..<index + needle.count].elementsEqual(needle) else {
                index += 1
                continue
            }
            if plainStart < index { pieces.append(Span(String(characters[plainStart..<index]), style)) }
            pieces.append(Span(String(characters[index..<index + needle.count]), .match))
            index += needle.count
            plainStart = index
        }
        guard !pieces.isEmpty else { return [self] }
        if plainStart < characters.count { pieces.append(Span(String(characters[plainStart...]), style)) }
        return pieces
    }
}
