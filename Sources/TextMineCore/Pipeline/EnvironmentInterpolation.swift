/// Replaces `${VAR}` and `${VAR:-default}` in pipeline values with environment variables.
///
/// - `${VAR}`: the variable's value; an error when it is not set.
/// - `${VAR:-default}`: the value, or `default` when the variable is unset or empty.
/// - `$${` writes a literal `${`.
/// Names are letters, digits and `_`, not starting with a digit.
struct EnvironmentInterpolation {
    let environment: [String: String]

    /// What went wrong in one value.
    enum Problem: Error, Equatable {
        case undefined(String)
        case unterminated
        case invalidName(String)
    }

    /// The value with variables replaced, or the first problem.
    func interpolate(_ text: String) -> Result<String, Problem> {
        guard text.utf8.contains(UInt8(ascii: "$")), text.contains("${") else { return .success(text) }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            if start.lowerBound > rest.startIndex, rest[rest.index(before: start.lowerBound)] == "$" {
                result += rest[..<rest.index(before: start.lowerBound)] + "${"
                rest = rest[start.upperBound...]
                continue
            }
            result += rest[..<start.lowerBound]
            guard let close = rest[start.upperBound...].firstIndex(of: "}") else { return .failure(.unterminated) }
            let body = rest[start.upperBound..<close]
            let name: Substring
            let fallback: Substring?
            if let separator = body.range(of: ":-") {
                name = body[..<separator.lowerBound]
                fallback = body[separator.upperBound...]
            } else {
                name = body
                fallback = nil
            }
            guard Self.isValidName(name) else { return .failure(.invalidName(String(name))) }
            if let fallback {
                let value = environment[String(name)] ?? ""
                result += value.isEmpty ? String(fallback) : value
            } else {
                guard let value = environment[String(name)] else { return .failure(.undefined(String(name))) }
                result += value
            }
            rest = rest[rest.index(after: close)...]
        }
        return .success(result + rest)
    }

    private static func isValidName(_ name: Substring) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }
}
