import GopherCore

/// A question on the bottom row that one key answers: `notes.txt exists; replace it? (y/N)`.
/// Each answer is a key and the actions it stands for; any other key gives `otherwise`. The
/// view closes on any key.
public struct QuestionView: Sendable, Equatable {
    public var label: String
    var answers: [Character: [ViewAction]]
    var otherwise: [ViewAction]

    init(_ label: String, answers: [Character: [ViewAction]], otherwise: [ViewAction]) {
        self.label = label
        self.answers = answers
        self.otherwise = otherwise
    }

    /// Replace an existing file in the download folder? `y` or `Y` replaces; anything else keeps it.
    static func replace(_ fileName: String, downloading url: GopherURL) -> QuestionView {
        let replace: [ViewAction] = [.download(url, fileName: fileName, overwrite: true)]
        return QuestionView(
            "\(fileName) exists; replace it? (y/N) ", answers: ["y": replace, "Y": replace],
            otherwise: [.say("not saved: \(fileName) exists", isError: false)])
    }

    /// `q` while a download runs: `y` cancels it and quits; anything else goes on.
    static func quitDuring(_ fileName: String) -> QuestionView {
        let quit: [ViewAction] = [.emit(.quit)]
        return QuestionView(
            "\(fileName) still downloading; cancel and quit? (y/N) ", answers: ["y": quit, "Y": quit],
            otherwise: [.say("downloads go on", isError: false)])
    }

    func handle(_ key: Key) -> [ViewAction] {
        if case .character(let character) = key, let chosen = answers[character] { return [.close] + chosen }
        return [.close] + otherwise
    }

    func row(context: ViewContext) -> (ScreenRow, column: Int) {
        let label = Sanitizer.clean(self.label)
        let row = ScreenRow([Span(context.columns.fit(label), .prompt)], fill: .prompt)
        return (row, min(DisplayWidth.columns(of: label), context.width - 1))
    }
}
