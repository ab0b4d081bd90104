import Foundation

/// Expands input paths: a file stays itself, a directory gives its files recursively, a glob its
/// matches; always in sorted order, hidden files and folders skipped unless named explicitly.
enum PathExpansion {
    /// A file found, with its size.
    struct File: Hashable {
        var path: String
        var byteCount: Int
    }

    /// Whether a path has glob characters (`*`, `?`, `[`).
    static func isGlob(_ path: String) -> Bool { path.contains { $0 == "*" || $0 == "?" || $0 == "[" } }

    /// The files a path names.
    static func files(matching path: String) -> [File] {
        guard isGlob(path) else { return expand(path) }
        var matches: [File] = []
        let components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        walk(path.hasPrefix("/") ? "/" : "", components[...], into: &matches)
        var seen: Set<String> = []
        return matches.filter { seen.insert($0.path).inserted }
    }

    /// A file itself, or a directory's files recursively.
    private static func expand(_ path: String) -> [File] {
        guard let info = status(path) else { return [] }
        if !info.isDirectory { return [File(path: path, byteCount: info.size)] }
        return children(of: path).flatMap { child in expand(child) }
    }

    /// Matches the remaining glob components below `directory` ("" is the current directory).
    private static func walk(_ directory: String, _ components: ArraySlice<String>, into matches: inout [File]) {
        guard let component = components.first else {
            matches.append(contentsOf: expand(directory))
            return
        }
        let rest = components.dropFirst()
        if component == "**" {
            walk(directory, rest, into: &matches)
            for child in children(of: directory) where status(child)?.isDirectory == true {
                walk(child, components, into: &matches)
            }
        } else if isGlob(component) {
            for child in children(of: directory, includingHidden: component.hasPrefix("."))
            where fnmatch(component, name(of: child), 0) == 0 {
                walk(child, rest, into: &matches)
            }
        } else {
            let next = join(directory, component)
            if status(next) != nil { walk(next, rest, into: &matches) }
        }
    }

    /// A directory's entries, sorted, as paths; hidden ones left out unless asked for.
    private static func children(of directory: String, includingHidden: Bool = false) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        return names.filter { includingHidden || !$0.hasPrefix(".") }
            .sorted()
            .map { join(directory, $0) }
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty ? name : directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    private static func name(of path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }

    private static func status(_ path: String) -> (isDirectory: Bool, size: Int)? {
        var info = stat()
        guard stat(path.isEmpty ? "." : path, &info) == 0 else { return nil }
        return ((info.st_mode & S_IFMT) == S_IFDIR, Int(info.st_size))
    }
}
