import ArgumentParser
import TextMineCore

/// `--language fr-FR` on the command line, normalised like everywhere else (``LanguageCode``).
extension LanguageCode: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
    public var defaultValueDescription: String { code }
}
