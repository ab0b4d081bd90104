import Testing
import TextMineStages

@Suite("entity-level scoring (seqeval conventions)")
struct NERScoreTests {
    @Test("an entity counts only with its exact type and boundaries")
    func exactMatch() throws {
        var score = NERScore()
        // Gold: Jean Dupont (PER), Paris (LOC). Predicted: Jean (PER, wrong boundary), Paris (LOC).
        score.add(gold: ["B-PER", "I-PER", "O", "B-LOC"], predicted: ["B-PER", "O", "O", "B-LOC"])
        // Gold: ONU (ORG). Predicted: ONU as LOC.
        score.add(gold: ["B-ORG"], predicted: ["B-LOC"])
        let per = try #require(score.counts(of: "PER"))
        #expect(per.truePositives == 0 && per.predicted == 1 && per.gold == 1)
        let loc = try #require(score.counts(of: "LOC"))
        #expect(loc.truePositives == 1 && loc.predicted == 2 && loc.gold == 1)
        #expect(loc.precision == 0.5 && loc.recall == 1)
        let overall = score.overall
        #expect(overall.truePositives == 1 && overall.predicted == 3 && overall.gold == 3)
        #expect(abs(overall.f1 - 1.0 / 3.0) < 1e-9)
    }

    @Test("predicted labels absent from the gold data are not scored")
    func onlyGoldLabels() {
        var score = NERScore()
        score.add(gold: ["B-PER", "O", "O"], predicted: ["B-PER", "O", "B-MISC"])
        #expect(score.types == ["PER"])
        #expect(score.overall.f1 == 1)
    }

    @Test("an I- tag after O starts an entity, as seqeval reads it")
    func looseInside() {
        let chunks = EntityChunk.chunks(of: ["O", "I-PER", "I-PER", "I-LOC", "B-LOC", "I-LOC"])
        #expect(chunks == [EntityChunk(type: "PER", tokens: 1..<3), EntityChunk(type: "LOC", tokens: 3..<4),
                           EntityChunk(type: "LOC", tokens: 4..<6)])
    }
}
