import Synchronization

/// The body of an article as a `String`, as UTF-8 bytes with offset tables (``ScalarText``), or both.
///
/// Its value never changes: whichever form is missing is derived from the other on first use and
/// kept, so copies of an article share it safely. Stages read the bytes and edit through
/// ``Article/applyEdits(_:step:)``, which makes the bytes of the edited text directly; the `String`
/// (a UTF-8 validation pass) is then made only when someone reads ``Article/text``, usually once,
/// when the article is written out, however many stages edited it.
final class ArticleText: Sendable, Equatable {
    private let forms: Mutex<(string: String?, view: ScalarText?)>

    init(_ string: String) { forms = Mutex((string, nil)) }

    init(_ view: ScalarText) { forms = Mutex((nil, view)) }

    var string: String {
        forms.withLock { forms in
            if let string = forms.string { return string }
            let string = String(decoding: forms.view!.utf8, as: UTF8.self)  // one of the two is set
            forms.string = string
            return string
        }
    }

    var view: ScalarText {
        forms.withLock { forms in
            if let view = forms.view { return view }
            let view = ScalarText(forms.string!)  // one of the two is set
            forms.view = view
            return view
        }
    }

    /// Whether the text is empty or only white space, read from whichever form is there.
    var isBlank: Bool {
        forms.withLock { forms in
            if let string = forms.string { return WhiteSpace.isBlank(string.utf8) }
            return WhiteSpace.isBlank(forms.view!.utf8)  // one of the two is set
        }
    }

    /// Two bodies are equal when they hold the same text, byte for byte.
    static func == (lhs: ArticleText, rhs: ArticleText) -> Bool {
        lhs === rhs || lhs.view.utf8 == rhs.view.utf8
    }
}
