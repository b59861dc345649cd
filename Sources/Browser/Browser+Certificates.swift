import GopherCore

/// A `gophers://` load that stopped at a certificate the user may choose to trust.
extension Browser {
    /// The load failed as `message` says, at a certificate no authority vouches for, or one that
    /// differs from its pin: the question takes the screen, with the status bar asking it.
    public mutating func loadStoppedAtCertificate(id: Int, message: String, question: CertificateQuestion) {
        guard let current = loading, current.id == id else { return }
        loadFailed(id: id, message: message)
        let view = CertificateView(question, location: current.location, title: current.title)
        // Under a prompt being typed in, so that keys meant for it never answer the question.
        if let typing = views.firstIndex(where: \.isLineView) {
            views.insert(.certificate(view), at: typing)
        } else {
            push(.certificate(view))
        }
        say(view.prompt, error: isChangeQuestion(question))
    }

    private func isChangeQuestion(_ question: CertificateQuestion) -> Bool {
        if case .changed = question.reason { return true }
        return false
    }
}
