import Testing
@testable import TextMineStages

@Suite("in-article entity linking")
struct EntityLinkerTests {
    private func linker(known: [(String, Gazetteer.Category)] = []) -> EntityLinker {
        var gazetteer = Gazetteer()
        for (name, category) in known { gazetteer.add(name, category) }
        return EntityLinker(functionWords: Set(CommonWords.french.map(EntityLinker.fold)), gazetteer: gazetteer)
    }

    private func canonicals(_ mentions: [(String, String)], known: [(String, Gazetteer.Category)] = []) -> [String] {
        linker(known: known).link(mentions.map { EntityLinker.Mention(text: $0.0, label: $0.1, confidence: 0.9) }).map(\.canonical)
    }

    @Test("a surname links to the full name before it")
    func surnames() {
        #expect(canonicals([("Vladimir Poutine", "PER"), ("Poutine", "PER"), ("Lavrov", "PER")])
                == ["Vladimir Poutine", "Vladimir Poutine", "Lavrov"])
    }

    @Test("acronyms link to their expansions, elided articles and function words left out")
    func acronyms() {
        #expect(canonicals([("OTAN", "ORG"), ("Organisation du Traité de l’Atlantique Nord", "ORG"), ("UE", "ORG"),
                            ("Union européenne", "ORG")])
                == ["Organisation du Traité de l’Atlantique Nord", "Organisation du Traité de l’Atlantique Nord",
                    "Union européenne", "Union européenne"])
    }

    @Test("spelling variants share the accented form")
    func variants() {
        #expect(canonicals([("Etats-Unis", "LOC"), ("États-Unis", "LOC")]) == ["États-Unis", "États-Unis"])
    }

    @Test("typos link to a stronger name one edit away, but known names are never typos")
    func typos() {
        #expect(canonicals([("Antony Blinken", "PER"), ("Bliken", "PER"), ("Karen Donfried", "PER"), ("Donfred", "LOC")])
                == ["Antony Blinken", "Antony Blinken", "Karen Donfried", "Karen Donfried"])
        #expect(canonicals([("Irak", "LOC"), ("Irak", "LOC"), ("Iranx", "LOC")], known: [("Iranx", .location)])
                == ["Irak", "Irak", "Iranx"])
    }

    @Test("names of nine letters or more are two edits away at most, letters the stronger name lacks included")
    func twoEdits() {
        #expect(canonicals([("Mohammed ben Salmane", "PER"), ("Mohamed ben Salman", "PER"), ("Volodymyr Zelensky", "PER"),
                            ("Zelenskiy", "PER"), ("Zelenskyxq", "PER")])
                == ["Mohammed ben Salmane", "Mohammed ben Salmane", "Volodymyr Zelensky", "Volodymyr Zelensky", "Volodymyr Zelensky"])
        #expect(canonicals([("Karen Donfried", "PER"), ("Donfxqz", "PER"), ("Dznfriqd", "PER")])
                == ["Karen Donfried", "Donfxqz", "Dznfriqd"])
    }

    @Test("a linked mention takes its entity's label; a group's label is its majority")
    func labels() {
        let links = linker().link([("Karen Donfried", "PER"), ("Donfred", "LOC"), ("Washington", "LOC"), ("Washington", "LOC"),
                                   ("Washington", "PER")].map { EntityLinker.Mention(text: $0.0, label: $0.1, confidence: 0.8) })
        #expect(links.map(\.label) == ["PER", "PER", "LOC", "LOC", "LOC"])
    }
}
