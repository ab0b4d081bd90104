import Foundation
import Testing
import TextMineCore
@testable import TextMineStages

@Suite("NER model training and files")
struct NERModelFileTests {
    private func read(_ bytes: [UInt8]) throws -> NERModel {
        try NERModelFile.read(bytes, file: "m.tmner") { _ in Gazetteer() }
    }

    @Test("a trained model learns its corpus and survives a round trip through its file")
    func roundTrip() throws {
        let model = TinyCorpus.model()
        var scratch = NERModel.Scratch()
        let tokens = ["Le", "président", "Jean", "Dupont", "est", "à", "Paris", "."]
        let tags = model.tags(for: tokens, scratch: &scratch)
        #expect(tags == ["O", "O", "B-PER", "I-PER", "O", "O", "B-LOC", "O"])
        let loaded = try read(Array(try NERModelFile.data(of: model)))
        #expect(loaded.tags(for: tokens, scratch: &scratch) == tags)
        #expect(loaded.header == model.header)
        #expect(loaded.header.provenance.trainedOn.first?.sentences == 3)
    }

    @Test("training is deterministic given a seed")
    func deterministic() throws {
        #expect(try NERModelFile.data(of: TinyCorpus.model(seed: 3)) == NERModelFile.data(of: TinyCorpus.model(seed: 3)))
    }

    @Test("averaging several runs keeps training deterministic and is recorded in the model")
    func averagedRuns() throws {
        let model = TinyCorpus.model(seed: 3, runs: 3)
        #expect(model.header.provenance.runs == 3)
        #expect(try NERModelFile.data(of: model) == NERModelFile.data(of: TinyCorpus.model(seed: 3, runs: 3)))
        #expect(try NERModelFile.data(of: model) != NERModelFile.data(of: TinyCorpus.model(seed: 3, runs: 1)))
        var scratch = NERModel.Scratch()
        #expect(model.tags(for: ["Le", "président", "Jean", "Dupont", "est", "à", "Paris", "."], scratch: &scratch)
            == ["O", "O", "B-PER", "I-PER", "O", "O", "B-LOC", "O"])
    }

    @Test("a truncated file is an error that says so, wherever it is cut")
    func truncated() throws {
        let bytes = Array(try NERModelFile.data(of: TinyCorpus.model()))
        for length in [9, 14, 40, bytes.count / 2, bytes.count - 9, bytes.count - 1] {
            #expect {
                try read(Array(bytes[0..<length]))
            } throws: { error in
                (error as? Diagnostic)?.message.contains("truncated") == true
            }
        }
    }

    @Test("a file of another format version is refused with the versions named")
    func otherVersion() throws {
        var bytes = Array(try NERModelFile.data(of: TinyCorpus.model()))
        bytes[8] = 1
        #expect {
            try read(bytes)
        } throws: { error in
            (error as? Diagnostic)?.message == "model format version 1 is not supported (this build reads version 2)"
        }
    }

    @Test("a file that is not a model, or a corrupt one, is refused")
    func notAModel() throws {
        #expect(throws: Diagnostic.self) { try read(Array("Jean\tB-PER\n".utf8)) }
        var bytes = Array(try NERModelFile.data(of: TinyCorpus.model()))
        bytes[bytes.count - 20] ^= 0xFF
        #expect {
            try read(bytes)
        } throws: { error in
            (error as? Diagnostic)?.message.contains("checksum") == true
        }
    }
}
