/// `count` HTML paragraphs of sentences starting with `prefix`: enough prose for a page's content.
func paragraphs(_ prefix: String, _ count: Int) -> String {
    (1...count).map { "<p>\(prefix) \($0) is a full sentence that goes on long enough to count as real content for the page.</p>" }
        .joined(separator: "\n")
}
