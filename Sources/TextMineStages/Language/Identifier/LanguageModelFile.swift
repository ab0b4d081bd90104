import Foundation
import TextMineCore

/// The `.tmlid` file of a ``LanguageModel``:
///
/// | bytes | content |
/// |---|---|
/// | 8 | magic `TMLID01\n` |
/// | 4 | header length *h*, little-endian |
/// | *h* | header: ``LanguageModel/Header`` as JSON |
/// | 2^rowBits × classes | costs, one byte per row and class (the languages, then the others) |
/// | 8192 | one bit per scalar below U+10000 that the training text used |
extension LanguageModel {
    static let magic = Array("TMLID01\n".utf8)

    /// The file's bytes.
    public func fileData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let header = try encoder.encode(header)
        var data = Data(Self.magic)
        withUnsafeBytes(of: UInt32(header.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(header)
        let count = self.header.classCount
        var rows = [UInt8](repeating: 0, count: (1 << self.header.rowBits) * count)
        for row in 0..<(1 << self.header.rowBits) {
            for index in 0..<count { rows[row * count + index] = table.cost(row: row, class: index) }
        }
        data.append(contentsOf: rows)
        for index in 0..<1024 { withUnsafeBytes(of: table.known[index].littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    /// Reads a model file.
    /// - Throws: ``StageError`` saying what is wrong with the file.
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StageError("cannot read the language model '\(path)'")
        }
        let bytes = [UInt8](data)
        func bad(_ why: String) -> StageError { StageError("'\(path)' is not a language model (.tmlid): \(why)") }
        guard bytes.count > 12, Array(bytes[0..<8]) == Self.magic else { throw bad("wrong magic") }
        let length = Int(UInt32(bytes[8]) | UInt32(bytes[9]) << 8 | UInt32(bytes[10]) << 16 | UInt32(bytes[11]) << 24)
        guard 12 + length <= bytes.count else { throw bad("truncated header") }
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: Data(bytes[12..<(12 + length)]))
        } catch {
            throw bad("unreadable header (\(error))")
        }
        let count = header.classCount
        guard header.languages.count >= 2, count <= 64, (10...24).contains(header.rowBits), (1...NgramFeatures.longestOrder).contains(header.maxOrder),
              header.typicalCost.count == count, header.costSpread.count == count, header.scale > 0,
              (header.marginFloor == nil) == (header.surpriseCeiling == nil),
              header.marginFloor.map({ $0.count == header.languages.count }) ?? true,
              header.surpriseCeiling.map({ $0.count == header.languages.count }) ?? true
        else { throw bad("inconsistent header") }
        let rowsStart = 12 + length
        let rowsEnd = rowsStart + (1 << header.rowBits) * count
        guard rowsEnd + 8192 == bytes.count else { throw bad("\(bytes.count) bytes where \(rowsEnd + 8192) were expected") }
        var known = [UInt64](repeating: 0, count: 1024)
        for index in 0..<1024 {
            var word: UInt64 = 0
            for byte in 0..<8 { word |= UInt64(bytes[rowsEnd + index * 8 + byte]) << (8 * UInt64(byte)) }
            known[index] = word
        }
        self.init(header: header, costs: Array(bytes[rowsStart..<rowsEnd]), knownScalars: known)
    }

    /// The file name of the model shipped with TextMine.
    static let builtInFileName = "langid.tmlid"

    /// The model shipped with TextMine (nine languages), loaded once.
    public static func builtIn() throws -> LanguageModel {
        try builtInModel.get()
    }

    private static let builtInModel: Result<LanguageModel, any Error> = Result {
        try LanguageModel(contentsOf: EntityResources.path(of: builtInFileName, stage: "language"))
    }
}
