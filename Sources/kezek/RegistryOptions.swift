import ArgumentParser
import Foundation
import Kezek

/// The `--registry FILE` option of `apply` and `demo`, and how to load what it names.
struct RegistryOptions: ParsableArguments {
    @Option(name: .long, help: "The person registry, JSON Lines of {iin, surname, name, patronymic?, birthDate}.")
    var registry: String?

    /// The registry named by `--registry`, or the open development registry (said once on stderr).
    func load() throws(ToolFailure) -> any PersonRegistry {
        guard let registry else {
            Terminal.error(
                "kezek: no --registry given: using the open development registry (every valid IIN is known, no names)")
            return OpenPersonRegistry()
        }
        guard let bytes = FileManager.default.contents(atPath: registry) else {
            throw .usage("kezek: cannot read the registry \(registry)")
        }
        do {
            return try InMemoryPersonRegistry(jsonLines: bytes)
        } catch {
            throw .usage("kezek: the registry \(registry) is not valid: \(error.message)")
        }
    }
}
