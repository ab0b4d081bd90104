import Foundation
import TextMineCore

/// Page metadata with the rule that found each value: title, authors, date, site, language, url
/// (canonical) and description, from Open Graph, JSON-LD, `<meta>`, `<link>`, `<title>`, `<time>`
/// and the visible byline. The first rule that gives a value wins; rules are tried from the most
/// to the least reliable.
struct PageMetadata: Sendable {
    /// A found value and the rule that found it (`og:title`, `json-ld`, `meta[name=author]`…).
    struct Value: Sendable, Equatable {
        var value: JSONValue
        var rule: String
    }

    /// Values by field name.
    private(set) var fields: [String: Value] = [:]
    /// The JSON-LD `articleBody` (the article's text as the page declares it), with the index of
    /// its script in `ParsedPage.jsonLDSources`.
    private(set) var articleBody: (text: String, script: Int)?

    init(page: ParsedPage) {
        let jsonLD = JSONLDReader().read(page.jsonLD)
        articleBody = jsonLD.articleBody
        var metas: [String: (content: String, rule: String)] = [:]
        for meta in page.metas where metas[meta.key] == nil {
            let content = WhitespaceTrimming.trimmed(meta.content)
            if !content.isEmpty { metas[meta.key] = (content, "meta[\(meta.attribute)=\(meta.key)]") }
        }
        func meta(_ keys: String...) -> Value? {
            for key in keys { if let found = metas[key] { return Value(value: .string(found.content), rule: found.rule) } }
            return nil
        }
        func value(_ string: String?, _ rule: String) -> Value? { string.map { Value(value: .string($0), rule: rule) } }

        fields["title"] = meta("og:title") ?? value(jsonLD.title, "json-ld") ?? meta("twitter:title")
            ?? value(page.title, "title")
        fields["description"] = meta("og:description") ?? meta("description") ?? value(jsonLD.description, "json-ld")
            ?? meta("twitter:description")
        fields["site"] = meta("og:site_name") ?? value(jsonLD.site, "json-ld") ?? meta("application-name")
        fields["url"] = value(page.canonical, "link[rel=canonical]") ?? meta("og:url") ?? value(jsonLD.url, "json-ld")
        fields["date"] = value(jsonLD.date, "json-ld")
            ?? meta("article:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date",
                    "dc.date", "dc.date.issued", "dcterms.date", "sailthru.date", "parsely-pub-date", "og:published_time")
            ?? page.times.first(where: \.published).map { Value(value: .string($0.value), rule: "time[pubdate]") }
            ?? page.times.first.map { Value(value: .string($0.value), rule: "time[datetime]") }
        fields["language"] = value(page.htmlLanguage.flatMap(Self.languageCode), "html[lang]")
            ?? meta("content-language").flatMap { Self.languageCode($0.value.stringValue ?? "").map { Value(value: .string($0), rule: "meta[http-equiv=content-language]") } }
            ?? value(jsonLD.language.flatMap(Self.languageCode), "json-ld")
            ?? meta("og:locale").flatMap { Self.languageCode($0.value.stringValue ?? "").map { Value(value: .string($0), rule: "og:locale") } }
        if !jsonLD.authors.isEmpty {
            fields["authors"] = Value(value: .array(Self.unique(jsonLD.authors).map(JSONValue.string)), rule: "json-ld")
        } else if let author = metas["author"] ?? metas["article:author"] ?? metas["dc.creator"] ?? metas["parsely-author"],
            !author.content.hasPrefix("http")
        {
            let names = Self.splitAuthors(author.content)
            fields["authors"] = Value(value: .array(names.map(JSONValue.string)), rule: author.rule)
        } else if let byline = page.bylines.lazy.compactMap(Self.byline).first {
            fields["authors"] = Value(value: .array(byline.map(JSONValue.string)), rule: "byline")
        }
        // Open Graph keys are rules of their own, named by the property (`og:title`).
        for (name, found) in fields where found.rule.hasPrefix("meta[property=og:") {
            fields[name]?.rule = String(found.rule.dropFirst("meta[property=".count).dropLast())
        }
    }

    /// A page's language tag as a normalised code (`fr-FR` → `fr`, see ``LanguageCode``), or nil.
    static func languageCode(_ value: String) -> String? { LanguageCode(value)?.code }

    /// Author names from a visible byline (`By Jane Doe and John Smith`, `Par Jean Dupont`).
    static func byline(_ text: String) -> [String]? {
        var rest = WhitespaceTrimming.trimmed(text)
        for prefix in ["by ", "par ", "von ", "por ", "di ", "door ", "av ", "af "] where rest.lowercased().hasPrefix(prefix) {
            rest = String(rest.dropFirst(prefix.count))
            break
        }
        let names = splitAuthors(rest).filter { name in
            let words = name.split(separator: " ")
            return (1...5).contains(words.count) && name.count <= 60 && !name.contains(where: \.isNumber)
        }
        return names.isEmpty ? nil : names
    }

    /// Splits `A, B and C` / `A et B` / `A & B` into names.
    static func splitAuthors(_ text: String) -> [String] {
        var parts = [text]
        for separator in [",", " and ", " et ", " und ", " y ", " & ", ";", "|"] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return unique(parts.map(WhitespaceTrimming.trimmed).filter { !$0.isEmpty })
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}
