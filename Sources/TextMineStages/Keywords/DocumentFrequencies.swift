import Foundation
import TextMineCore

/// How many documents of a corpus contain each term: what the `keywords` stage's
/// `document-frequencies` option reads, so that words common across the corpus weigh less.
///
/// `textmine frequencies` counts them on one machine; `textmine_spark` counts them per partition and
/// adds the counts up (the counts are whole numbers, so the merged file is the same bytes as one
/// machine's). The file is UTF-8 text, tab-separated:
///
/// ```
/// # textmine document frequencies: key, documents with the term, one way it is written
/// documents	8000
/// 00a3f1c2d4e5b6a7	12	sécurité
/// ```
///
/// A term is the keywords stage's term key (lowercase, accents folded, light plural strip, 16 hex
/// digits); its form is the smallest of the ways it was written, for people reading the file.
package struct DocumentFrequencies: Sendable, Equatable {
    /// Documents counted.
    package private(set) var documents = 0
    /// Documents containing each term, and the smallest form seen.
    private(set) var terms: [UInt64: (count: Int, form: String)] = [:]

    package init() {}

    package static func == (left: Self, right: Self) -> Bool {
        left.documents == right.documents && left.terms.count == right.terms.count
            && left.terms.allSatisfy { key, value in right.terms[key].map { $0 == value } ?? false }
    }

    /// Counts one document's distinct terms (key and form).
    package mutating func add(document: [UInt64: String]) {
        documents += 1
        for (key, form) in document { add(key, count: 1, form: form) }
    }

    /// Adds another count (of another part of the corpus) to this one.
    package mutating func merge(_ other: DocumentFrequencies) {
        documents += other.documents
        for (key, value) in other.terms { add(key, count: value.count, form: value.form) }
    }

    private mutating func add(_ key: UInt64, count: Int, form: String) {
        if let old = terms[key] {
            terms[key] = (old.count + count, min(old.form, form))
        } else {
            terms[key] = (count, form)
        }
    }

    /// The inverse document frequency of a term, `ln((1 + N) / (1 + df)) + 1` (at least 1; a term the
    /// corpus never had gets the highest).
    func inverseFrequency(of key: UInt64) -> Double {
        let count = terms[key]?.count ?? 0
        return log(Double(1 + documents) / Double(1 + count)) + 1
    }

    // MARK: - The file

    static let header = "# textmine document frequencies: key, documents with the term, one way it is written\n"

    /// The file's text: the header, the document count, then the terms by key.
    package var fileText: String {
        var text = Self.header + "documents\t\(documents)\n"
        for key in terms.keys.sorted() {
            let value = terms[key]!
            text += Self.hex(key) + "\t\(value.count)\t\(value.form)\n"
        }
        return text
    }

    private static func hex(_ key: UInt64) -> String {
        let digits = String(key, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Reads a file written by ``fileText``.
    /// - Throws: ``StageError`` naming `path:line` for a line that is not `key<TAB>count<TAB>form`.
    package init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw StageError("cannot read document frequencies from '\(path)'", option: "document-frequencies")
        }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            if fields.count == 2, fields[0] == "documents", let count = Int(fields[1]), count >= 0 {
                documents += count
            } else if fields.count == 3, fields[0].count == 16, let key = UInt64(fields[0], radix: 16),
                      let count = Int(fields[1]), count >= 0 {
                add(key, count: count, form: String(fields[2]))
            } else {
                throw StageError("\(path):\(index + 1): expected 'documents<TAB>N' or 'KEY<TAB>COUNT<TAB>FORM' "
                                 + "(a file written by `textmine frequencies`)", option: "document-frequencies")
            }
        }
    }
}
