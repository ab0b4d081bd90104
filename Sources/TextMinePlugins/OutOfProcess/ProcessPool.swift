import Foundation
import TextMineCore

/// The running programs of one out-of-process stage step, shared by the threads that call
/// `process` concurrently.
///
/// A thread borrows an idle program (or starts one, up to ``ExternalStageConfiguration/processes``),
/// exchanges one article with it and gives it back. A program that crashes, hangs past the timeout
/// or breaks the protocol is killed and replaced on the next request, at most
/// ``ExternalStageConfiguration/restarts`` times; after that the stage fails every further article
/// at once with the reason, so a broken plugin costs no time and loses no article.
final class ProcessPool: @unchecked Sendable {
    private let configuration: ExternalStageConfiguration
    private let options: [String: JSONValue]
    /// Guards every property below.
    private let condition = NSCondition()
    private var idle: [PluginProcess] = []
    private var live = 0
    private var failures = 0
    private var brokenBecause: String?
    /// The number of the last article sent (`seq` in the protocol).
    private var sent = 0

    /// Starts the first program and checks its handshake, so that a stage that cannot start fails
    /// when the pipeline is built rather than on every article.
    init(configuration: ExternalStageConfiguration, options: [String: JSONValue]) throws {
        self.configuration = configuration
        self.options = options
        let first = try Self.start(configuration, options: options)
        idle = [first.process]
        live = 1
        receives = first.receives
    }

    /// The article fields the program asked for in its handshake.
    let receives: Set<ArticleField>

    deinit {
        for process in idle { process.stop() }
    }

    /// Sends one article to a program and returns its result line, already decoded.
    func exchange(_ article: Article) throws -> ArticlePatch {
        let (process, seq) = try borrow()
        let request = PluginProtocol.article(article, seq: seq, fields: receives)
        do {
            let line = try process.exchange(request, deadline: .now + .seconds(configuration.timeout))
            let result = try PluginProtocol.result(line, seq: seq)
            giveBack(process, failure: nil)
            return result
        } catch let failure as PluginFailure {
            let reason = Self.describe(failure, process: process, configuration)
            giveBack(process, failure: reason)
            throw StageError(reason)
        } catch {
            // A well-formed error message about this article: the program is fine.
            giveBack(process, failure: nil)
            throw error
        }
    }

    /// An idle program (or a new one) and the number of the next article.
    private func borrow() throws -> (PluginProcess, Int) {
        condition.lock()
        sent += 1
        let seq = sent
        while true {
            if let reason = brokenBecause {
                condition.unlock()
                throw StageError(reason)
            }
            if let process = idle.popLast() {
                condition.unlock()
                return (process, seq)
            }
            if live < configuration.processes {
                live += 1
                condition.unlock()
                do {
                    return (try Self.start(configuration, options: options).process, seq)
                } catch {
                    record(failure: "\(error)")
                    throw error
                }
            }
            condition.wait()
        }
    }

    private func giveBack(_ process: PluginProcess, failure: String?) {
        guard let failure else {
            condition.lock()
            idle.append(process)
            condition.signal()
            condition.unlock()
            return
        }
        process.terminate()
        record(failure: failure)
    }

    /// Counts a program lost; past the restart budget the stage is broken for good.
    private func record(failure: String) {
        condition.lock()
        live -= 1
        failures += 1
        if failures > configuration.restarts && brokenBecause == nil {
            brokenBecause = "stage '\(configuration.id)' was stopped after its program failed \(failures) times "
                + "(restarts: \(configuration.restarts)); last failure: \(failure)"
        }
        condition.broadcast()
        condition.unlock()
    }

    /// Starts a program and performs the handshake.
    private static func start(_ configuration: ExternalStageConfiguration, options: [String: JSONValue])
        throws -> (process: PluginProcess, receives: Set<ArticleField>)
    {
        let process: PluginProcess
        do {
            process = try PluginProcess(configuration.command)
        } catch let failure {
            throw StageError("stage '\(configuration.id)' did not start: \(describe(failure, process: nil, configuration))")
        }
        do {
            let hello = PluginProtocol.hello(stage: configuration.id, options: options)
            let line = try process.exchange(hello, deadline: .now + .seconds(configuration.startupTimeout))
            return (process, try PluginProtocol.handshake(line))
        } catch let failure as PluginFailure {
            let reason = describe(failure, process: process, configuration)
            process.terminate()
            throw StageError("stage '\(configuration.id)' did not start: \(reason)")
        } catch {
            process.terminate()
            throw StageError("stage '\(configuration.id)' did not start: \(error)")
        }
    }

    private static func describe(_ failure: PluginFailure, process: PluginProcess?,
                                 _ configuration: ExternalStageConfiguration) -> String {
        let program = "'\(configuration.command.display)'"
        var message: String
        switch failure {
        case .couldNotStart(let reason): message = reason
        case .timedOut: message = "the program \(program) did not answer within \(configuration.timeout) s and was stopped"
        case .ended(let how): message = "the program \(program) \(how)"
        case .protocolViolation(let what): message = "the program \(program) broke the protocol: \(what)"
        }
        if let errors = process?.recentErrors, !errors.isEmpty {
            message += "; its last error output: \(errors.replacingOccurrences(of: "\n", with: " | "))"
        }
        return message
    }
}
