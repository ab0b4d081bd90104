import Foundation
import Testing
import TextMineCore

@Suite("open sets of names")
struct StringNameTests {
    @Test("names are written and read as plain JSON strings, including names a plugin defines")
    func plainStringsInJSON() throws {
        let roles: [BlockRole] = [.body, "caption"]
        let json = try JSONEncoder().encode(roles)
        #expect(String(decoding: json, as: UTF8.self) == #"["body","caption"]"#)
        #expect(try JSONDecoder().decode([BlockRole].self, from: json) == roles)
        let capability = try JSONDecoder().decode(Capability.self, from: Data(#""entities""#.utf8))
        #expect(capability == .entities)
    }

    @Test("names sort and print by their text")
    func orderAndDescription() {
        let ids: [StageID] = ["tokens", "clean", "entities"]
        #expect(ids.sorted().map(\.description) == ["clean", "entities", "tokens"])
        #expect("\(InputFormat.html)" == "html")
    }
}
