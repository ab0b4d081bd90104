/// An error a stage reports to users: what went wrong, and for configuration errors the option.
public struct StageError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, as a sentence a user can act on.
    public var message: String
    /// The option at fault, when the error is about configuration.
    public var option: String?

    public init(_ message: String, option: String? = nil) {
        self.message = message
        self.option = option
    }

    public var description: String { message }
}
