import Foundation
import TextMineCore

/// The binary model file format (`.tmner`), little-endian:
///
/// | bytes | content |
/// |---|---|
/// | 8 | magic `TMNER\0\r\n` |
/// | 4 | format version (``version``) |
/// | 4 | header length *h* |
/// | *h* | header: ``NERModel/Header`` as JSON (tags, language, feature signature, provenance) |
/// | 4 + 4·L·L + 4·L | tag count L, transition weights, start weights (`Int32`) |
/// | 4 + 8·v | lowercase vocabulary: count, sorted word hashes |
/// | 4 + K | word classes: fine class count K, the coarse class of each (`UInt8`) |
/// | 4 + 10·w | classed words: count, ascending word hashes (`UInt64`), then their fine classes (`UInt16`) |
/// | 2^rowBits / 8 | bitmap of the non-zero weight rows |
/// | 2·L per set bit | the non-zero rows' emission weights (`Int16`) |
/// | 8 | FNV-1a checksum of everything before |
///
/// Reading checks each part in turn and reports a truncated, corrupt or foreign file as a
/// ``Diagnostic`` naming the file, never by crashing.
package enum NERModelFile {
    /// The first bytes of every model file.
    static let magic: [UInt8] = Array("TMNER".utf8) + [0, 0x0D, 0x0A]
    /// The format version this build reads and writes.
    package static let version: UInt32 = 2

    /// Serialises a model.
    package static func data(of model: NERModel) throws -> Data {
        var out = ByteWriter()
        out.bytes(magic)
        out.u32(version)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let header = try encoder.encode(model.header)
        out.u32(UInt32(header.count))
        out.bytes(Array(header))
        let weights = model.weights
        let L = weights.labels.count
        out.u32(UInt32(L))
        for w in weights.transitions { out.u32(UInt32(bitPattern: w)) }
        for w in weights.start { out.u32(UInt32(bitPattern: w)) }
        let vocabulary = model.features.lowercaseVocabulary.sorted()
        out.u32(UInt32(vocabulary.count))
        for h in vocabulary { out.u64(h) }
        let clusters = model.features.clusters
        out.u32(UInt32(clusters.fineCount))
        out.bytes(clusters.coarse)
        out.u32(UInt32(clusters.words.count))
        for h in clusters.words { out.u64(h) }
        for c in clusters.classes { out.u16(c) }
        let rows = 1 << weights.rowBits
        var bitmap = [UInt8](repeating: 0, count: rows / 8)
        for row in 0..<rows where (0..<L).contains(where: { weights.emission[row * L + $0] != 0 }) {
            bitmap[row >> 3] |= 1 << UInt8(row & 7)
        }
        out.bytes(bitmap)
        for row in 0..<rows where bitmap[row >> 3] & (1 << UInt8(row & 7)) != 0 {
            for t in 0..<L { out.u16(UInt16(bitPattern: weights.emission[row * L + t])) }
        }
        out.u64(checksum(out.buffer[...]))
        return Data(out.buffer)
    }

    /// Writes a model file.
    package static func write(_ model: NERModel, to path: String) throws {
        try data(of: model).write(to: URL(fileURLWithPath: path))
    }

    /// Reads a model file; `gazetteer` provides the gazetteer features (the built-in one of the
    /// model's language, possibly extended by the user).
    package static func read(contentsOf path: String, gazetteer: (String) throws -> Gazetteer) throws -> NERModel {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw Diagnostic(file: path, message: "cannot read model: \(error.localizedDescription)")
        }
        return try read(Array(data), file: path, gazetteer: gazetteer)
    }

    /// Parses model bytes; `file` names them in errors.
    package static func read(_ bytes: [UInt8], file: String, gazetteer: (String) throws -> Gazetteer) throws -> NERModel {
        var input = ByteReader(bytes: bytes, file: file)
        guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else {
            throw Diagnostic(file: file, message: "not a TextMine NER model (the file does not start with the .tmner magic bytes)",
                             hint: "train one with 'textmine train ner' or use the built-in model")
        }
        input.offset = magic.count
        let fileVersion = try input.u32("format version")
        guard fileVersion == version else {
            throw Diagnostic(file: file, message: "model format version \(fileVersion) is not supported (this build reads version \(version))",
                             hint: "retrain the model with this version of 'textmine train ner'")
        }
        let headerLength = Int(try input.u32("header length"))
        let headerBytes = try input.bytes(headerLength, "header")
        let header: NERModel.Header
        do {
            header = try JSONDecoder().decode(NERModel.Header.self, from: Data(headerBytes))
        } catch {
            throw Diagnostic(file: file, message: "model header is not valid: \(error)")
        }
        guard header.featureSignature == FeatureSet.signature else {
            throw Diagnostic(file: file, message: "model was trained with feature set '\(header.featureSignature)'; this build computes '\(FeatureSet.signature)'",
                             hint: "retrain the model with this version of 'textmine train ner'")
        }
        guard (10...24).contains(header.rowBits) else {
            throw Diagnostic(file: file, message: "model header has an invalid row count 2^\(header.rowBits)")
        }
        let labels = BIOLabels(types: header.tags.compactMap { $0.hasPrefix("B-") ? String($0.dropFirst(2)) : nil })
        guard labels.tags == header.tags else {
            throw Diagnostic(file: file, message: "model tags \(header.tags) are not a BIO tag set")
        }
        let L = Int(try input.u32("tag count"))
        guard L == labels.count else {
            throw Diagnostic(file: file, message: "model has \(L) tag weights for \(labels.count) tags")
        }
        var transitions: [Int32] = []
        for _ in 0..<(L * L) { transitions.append(Int32(bitPattern: try input.u32("transition weights"))) }
        var start: [Int32] = []
        for _ in 0..<L { start.append(Int32(bitPattern: try input.u32("start weights"))) }
        let vocabularyCount = Int(try input.u32("vocabulary size"))
        guard vocabularyCount <= bytes.count / 8 else { throw input.truncated("vocabulary") }
        var vocabulary = Set<UInt64>(minimumCapacity: vocabularyCount)
        for _ in 0..<vocabularyCount { vocabulary.insert(try input.u64("vocabulary")) }
        let clusters = try readClusters(&input)
        let rows = 1 << header.rowBits
        let bitmap = Array(try input.bytes(rows / 8, "row bitmap"))
        var setRows = 0
        for byte in bitmap { setRows += byte.nonzeroBitCount }
        let weightBytes = try input.bytes(setRows * L * 2, "emission weights")
        var emission = [Int16](repeating: 0, count: rows * L)
        emission.withUnsafeMutableBufferPointer { emission in
            var offset = weightBytes.startIndex
            for row in 0..<rows where bitmap[row >> 3] & (1 << UInt8(row & 7)) != 0 {
                for t in 0..<L {
                    emission[row * L + t] = Int16(bitPattern: UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8)
                    offset += 2
                }
            }
        }
        let expected = checksum(bytes[0..<input.offset])
        let stored = try input.u64("checksum")
        guard input.offset == bytes.count else {
            throw Diagnostic(file: file, message: "model has \(bytes.count - input.offset) unexpected bytes after its checksum")
        }
        guard stored == expected else {
            throw Diagnostic(file: file, message: "model checksum does not match: the file is corrupt")
        }
        let weights = TaggerWeights(labels: labels, rowBits: header.rowBits, emission: emission,
                                    transitions: transitions, start: start, scale: header.scale)
        let features = FeatureSet(rowBits: header.rowBits, gazetteer: try gazetteer(header.language), lowercaseVocabulary: vocabulary,
                                  clusters: clusters)
        return NERModel(header: header, weights: weights, features: features)
    }

    private static func readClusters(_ input: inout ByteReader) throws -> WordClusters {
        let fineCount = Int(try input.u32("word class count"))
        guard fineCount <= Int(WordClusters.unknown) else {
            throw Diagnostic(file: input.file, message: "model has \(fineCount) word classes; at most \(WordClusters.unknown) are possible")
        }
        let coarse = Array(try input.bytes(fineCount, "word classes"))
        let wordCount = Int(try input.u32("classed word count"))
        guard wordCount <= input.bytes.count / 10 else { throw input.truncated("classed words") }
        var words: [UInt64] = []
        words.reserveCapacity(wordCount)
        for _ in 0..<wordCount { words.append(try input.u64("classed words")) }
        var classes: [UInt16] = []
        classes.reserveCapacity(wordCount)
        for _ in 0..<wordCount {
            let fine = try input.u16("classed words")
            guard Int(fine) < fineCount else {
                throw Diagnostic(file: input.file, message: "model has a word in class \(fine) of \(fineCount): the file is corrupt")
            }
            classes.append(fine)
        }
        return WordClusters(coarse: coarse, words: words, classes: classes)
    }

    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h = FeatureHash.empty
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}

/// Appends little-endian integers to a byte buffer.
private struct ByteWriter {
    var buffer: [UInt8] = []
    mutating func bytes(_ b: [UInt8]) { buffer.append(contentsOf: b) }
    mutating func u16(_ v: UInt16) { buffer.append(UInt8(v & 0xFF)); buffer.append(UInt8(v >> 8)) }
    mutating func u32(_ v: UInt32) { for k in 0..<4 { buffer.append(UInt8((v >> (8 * UInt32(k))) & 0xFF)) } }
    mutating func u64(_ v: UInt64) { for k in 0..<8 { buffer.append(UInt8((v >> (8 * UInt64(k))) & 0xFF)) } }
}

/// Reads little-endian integers, reporting a short file as truncated.
private struct ByteReader {
    let bytes: [UInt8]
    let file: String
    var offset = 0

    func truncated(_ what: String) -> Diagnostic {
        Diagnostic(file: file, message: "model file is truncated (\(bytes.count) bytes; it ends inside the \(what))",
                   hint: "copy or download the model again")
    }

    mutating func bytes(_ count: Int, _ what: String) throws -> ArraySlice<UInt8> {
        guard count >= 0, offset + count <= bytes.count else { throw truncated(what) }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func u16(_ what: String) throws -> UInt16 {
        let b = try bytes(2, what)
        return UInt16(b[b.startIndex]) | UInt16(b[b.startIndex + 1]) << 8
    }

    mutating func u32(_ what: String) throws -> UInt32 {
        var v: UInt32 = 0
        for (k, byte) in try bytes(4, what).enumerated() { v |= UInt32(byte) << (8 * UInt32(k)) }
        return v
    }

    mutating func u64(_ what: String) throws -> UInt64 {
        var v: UInt64 = 0
        for (k, byte) in try bytes(8, what).enumerated() { v |= UInt64(byte) << (8 * UInt64(k)) }
        return v
    }
}
