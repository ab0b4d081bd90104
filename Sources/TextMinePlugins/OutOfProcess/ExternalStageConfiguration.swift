import Foundation
import TextMineCore

/// Everything needed to run an external program as a stage, as a manifest (or an inline
/// declaration) gives it.
public struct ExternalStageConfiguration: Sendable, Hashable {
    /// The stage id (`use:`).
    public var id: StageID
    /// The stage's own version, shown in its documentation (`textmine stages ID`).
    public var version: String
    /// One line that says what the stage does (`abstract:` in the manifest).
    public var abstract: String
    public var documentation: String
    /// How to start the program.
    public var command: PluginCommand
    /// The options the program accepts; the host validates them before starting it. Nil for a stage
    /// declared inline in a step, whose options go to the program unchecked.
    public var options: OptionSchema?
    public var requires: Set<Capability>
    public var produces: Set<Capability>
    /// Seconds the program may take per article before it is stopped and the article fails.
    public var timeout: Double
    /// Seconds the program may take to start and answer the handshake.
    public var startupTimeout: Double
    /// How many copies of the program run at most (one per concurrent article).
    public var processes: Int
    /// How many times a program that crashed, hung or broke the protocol is replaced before the
    /// stage gives up (and fails every further article with the reason).
    public var restarts: Int
    /// The list fields whose returned list replaces the article's; a returned list of any other
    /// appendable field (``ArticlePatch/AppendableField``) is appended to the article's.
    public var replaces: Set<ArticlePatch.AppendableField>
    /// The file the stage was declared in (a manifest or a pipeline), for messages.
    public var declaredIn: String

    public init(id: StageID, version: String = "0", abstract: String = "", documentation: String = "",
                command: PluginCommand, options: OptionSchema? = OptionSchema(), requires: Set<Capability> = [],
                produces: Set<Capability> = [], timeout: Double = Self.defaultTimeout,
                startupTimeout: Double = Self.defaultStartupTimeout, processes: Int = Self.defaultProcesses,
                restarts: Int = Self.defaultRestarts, replaces: Set<ArticlePatch.AppendableField> = [],
                declaredIn: String) {
        self.id = id
        self.version = version
        self.abstract = abstract
        self.documentation = documentation
        self.command = command
        self.options = options
        self.requires = requires
        self.produces = produces
        self.timeout = timeout
        self.startupTimeout = startupTimeout
        self.processes = processes
        self.restarts = restarts
        self.replaces = replaces
        self.declaredIn = declaredIn
    }

    public static let defaultTimeout = 30.0
    public static let defaultStartupTimeout = 10.0
    public static var defaultProcesses: Int { ProcessInfo.processInfo.activeProcessorCount }
    public static let defaultRestarts = 3

    /// The stage as the registry lists it: `use: <id>` builds an ``ExternalStage`` running the program.
    public var descriptor: StageDescriptor {
        let configuration = self
        let about = "Version \(version), run out of process by `\(command.display)` (declared in \(declaredIn))."
        let description = StageDescription(
            id: id, abstract: abstract.isEmpty ? "External program '\(command.display)'." : abstract,
            documentation: documentation.isEmpty ? about
                : documentation.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n" + about,
            options: options ?? OptionSchema(), requires: requires, produces: produces)
        return StageDescriptor(description, origin: .process(manifest: declaredIn)) {
            try ExternalStage(configuration, options: $0.values)
        }
    }
}
