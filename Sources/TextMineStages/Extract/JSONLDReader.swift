import Foundation

/// Reads article metadata from a page's JSON-LD scripts (schema.org `NewsArticle`, `Article`,
/// `BlogPosting`… directly, in arrays or in `@graph`).
struct JSONLDReader: Sendable {
    /// The schema.org types that describe an article.
    private static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "techarticle",
        "scholarlyarticle", "socialmediaposting", "liveblogposting", "webpage", "report",
    ]

    /// Fields found in JSON-LD: title, authors, date, site, description, url, language.
    struct Fields: Sendable {
        var title: String?
        var authors: [String] = []
        var date: String?
        var site: String?
        var description: String?
        var url: String?
        var language: String?
        /// The `articleBody` of an article object, and the index of the script that holds it.
        var articleBody: (text: String, script: Int)?
    }

    /// The fields of the first article object among the scripts (a `WebPage` only when no article).
    func read(_ scripts: [String]) -> Fields {
        var objects: [[String: Any]] = []
        var scriptOfObject: [Int] = []
        for (index, script) in scripts.enumerated() {
            guard let data = script.data(using: .utf8),
                let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            else { continue }
            collect(json, into: &objects, depth: 0)
            scriptOfObject += Array(repeating: index, count: objects.count - scriptOfObject.count)
        }
        let articleIndexes = objects.indices.filter { types(of: objects[$0]).contains { Self.articleTypes.contains($0) && $0 != "webpage" } }
        let articles = articleIndexes.map { objects[$0] }
        let pages = objects.filter { types(of: $0).contains("webpage") }
        var fields = Fields()
        for object in articles + pages {
            fields.title = fields.title ?? string(object["headline"]) ?? string(object["name"])
            if fields.authors.isEmpty { fields.authors = names(object["author"]) }
            fields.date = fields.date ?? string(object["datePublished"]) ?? string(object["dateCreated"])
            fields.site = fields.site ?? names(object["publisher"]).first
            fields.description = fields.description ?? string(object["description"])
            fields.url = fields.url ?? string(object["url"]) ?? string(object["mainEntityOfPage"])
            fields.language = fields.language ?? string(object["inLanguage"])
        }
        for index in articleIndexes {
            if let body = string(objects[index]["articleBody"]), body.utf8.count > fields.articleBody?.text.utf8.count ?? 0 {
                fields.articleBody = (body, scriptOfObject[index])
            }
        }
        if fields.site == nil {
            fields.site = objects.first { types(of: $0).contains("website") }.flatMap { string($0["name"]) }
        }
        return fields
    }

    /// Gathers every object with an `@type`, through arrays and `@graph` (depth-limited).
    private func collect(_ json: Any, into objects: inout [[String: Any]], depth: Int) {
        guard depth < 8 else { return }
        if let array = json as? [Any] {
            for item in array { collect(item, into: &objects, depth: depth + 1) }
        } else if let object = json as? [String: Any] {
            if object["@type"] != nil { objects.append(object) }
            if let graph = object["@graph"] { collect(graph, into: &objects, depth: depth + 1) }
        }
    }

    private func types(of object: [String: Any]) -> [String] {
        if let type = object["@type"] as? String { return [type.lowercased()] }
        if let types = object["@type"] as? [Any] { return types.compactMap { ($0 as? String)?.lowercased() } }
        return []
    }

    private func string(_ value: Any?) -> String? {
        if let string = value as? String {
            let trimmed = WhitespaceTrimming.trimmed(string)
            return trimmed.isEmpty ? nil : trimmed
        }
        if let object = value as? [String: Any] { return string(object["@id"]) ?? string(object["url"]) }
        return nil
    }

    /// Names of a person or organisation value: a string, an object with `name`, or a list.
    private func names(_ value: Any?) -> [String] {
        if let name = value as? String { return name.isEmpty ? [] : [name] }
        if let object = value as? [String: Any], let name = string(object["name"]) { return [name] }
        if let array = value as? [Any] { return array.flatMap { names($0) } }
        return []
    }
}
