import EventLog
import Kezek
import Projections

/// The engine's checkpoint: the whole model saved beside the log, so that a start reads only the log's
/// tail. Layout: `kezek-engine` (ASCII), the format byte, the model's digest (32 bytes), the position
/// (8 bytes), the length of the state's part (8 bytes), the XXH64 checksums of the state's part and of
/// the projections' part (8 bytes each, big-endian), then the state's image (`KezekState.image`, laid out
/// to load without rebuilding its indexes) and the projections' checkpoint.
///
/// Loading checks each part against its checksum and decodes the parts on five threads: the state's
/// image, its people's part, each half of its applications, and the projections' part followed by the
/// checksum of the state's part (a state whose bytes prove not to be the ones saved is thrown away).
/// The model's digest is not recomputed (the checksums show the bytes are the ones saved, and the tests
/// prove that saving and loading give back the same model). Any doubt means a full replay.
///
/// The checksums catch damage, at several gigabytes a second; they do not stop someone who can write the
/// data file from forging a checkpoint, and neither would an unkeyed SHA-256, which the same person could
/// recompute. What an auditor trusts is the log's hash chain, which `audit verify` checks and a replay
/// folds without any checkpoint.
enum EngineCheckpoint {
    /// The name the checkpoint is saved under.
    static let name = "engine"
    /// The first bytes of every engine checkpoint.
    static let magic = Array("kezek-engine".utf8)
    /// The layout version written now; bumped whenever the layout, the state's image format or the
    /// projections' checkpoint format changes.
    static let format: UInt8 = 9
    /// The bytes before the state's part.
    static let headerSize = magic.count + 1 + 32 + 8 + 8 + 8 + 8

    /// Why a checkpoint was not used.
    enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        case missing
        case oldFormat(found: UInt8)
        case damaged(String)
        case ahead(checkpoint: Position, head: Position)

        var description: String {
            switch self {
            case .missing: "no checkpoint was saved"
            case .oldFormat(let found): "the checkpoint has format \(found), this build writes \(format)"
            case .damaged(let reason): "the checkpoint is damaged (\(reason))"
            case .ahead(let checkpoint, let head):
                "the checkpoint is at position \(checkpoint), past the log's head \(head)"
            }
        }
    }

    /// The bytes that save `model`. The state's image is written in place (its length and hash are
    /// filled in after it), so that saving holds one copy of it, not two.
    static func encode(_ model: EngineModel) -> [UInt8] {
        let projections = model.projections.encodeCheckpoint()
        var writer = BinaryWriter(
            capacity: headerSize + model.state.applications.count * 160 + model.state.children.count * 80
                + projections.count)
        writer.writeRaw(magic)
        writer.write(format)
        writer.writeRaw(model.digest.bytes)
        writer.write(model.position.rawValue)
        let lengthOffset = writer.bytes.count
        writer.write(UInt64(0))
        let checksumsOffset = writer.bytes.count
        writer.write(UInt64(0))
        writer.write(UInt64(0))
        model.state.image(into: &writer)
        let stateEnd = writer.bytes.count
        writer.writeRaw(projections)
        writer.overwrite(UInt64(stateEnd - headerSize), at: lengthOffset)
        let stateChecksum = writer.bytes.withUnsafeBytes { bytes in
            XXH64.hash(UnsafeRawBufferPointer(rebasing: bytes[headerSize..<stateEnd]))
        }
        writer.overwrite(stateChecksum, at: checksumsOffset)
        writer.overwrite(XXH64.hash(projections), at: checksumsOffset + 8)
        return writer.bytes
    }

    /// Saves `model`, which must be durable in `log` (its position at or before the head).
    static func save(_ model: EngineModel, in log: EventLog) throws(EngineError) {
        do {
            try log.saveCheckpoint(named: name, at: model.position, bytes: encode(model))
        } catch {
            throw .log(error)
        }
    }

    /// The model saved in `log`, or why there is none that can be trusted. Decodes straight from the
    /// log's map.
    static func load(from log: EventLog) -> Result<EngineModel, Problem> {
        let head = log.head.position
        do {
            return try log.withCheckpoint(named: name) { stored in
                guard let stored else { return .failure(.missing) }
                return Result { () throws(Problem) in try decode(stored.bytes, savedAt: stored.position, head: head) }
            }
        } catch {
            return .failure(.damaged(error.message))
        }
    }

    /// The model in the checkpoint `bytes`, saved at `position`, for a log whose head is `head`.
    static func decode(_ bytes: UnsafeRawBufferPointer, savedAt position: Position, head: Position) throws(Problem)
        -> EngineModel
    {
        guard bytes.count > magic.count, bytes.starts(with: magic) else {
            throw .damaged("it is not an engine checkpoint")
        }
        let found = bytes[magic.count]
        guard found == format else { throw .oldFormat(found: found) }
        guard bytes.count >= headerSize else { throw .damaged("it is shorter than its header") }
        guard position <= head else { throw .ahead(checkpoint: position, head: head) }
        let header = (
            position: UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: magic.count + 33, as: UInt64.self)),
            stateLength: UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: magic.count + 41, as: UInt64.self))
        )
        guard Position(header.position) == position else {
            throw .damaged("it says position \(header.position) but was saved at \(position)")
        }
        guard header.stateLength <= UInt64(bytes.count - headerSize) else {
            throw .damaged("its state part runs past its end")
        }
        let stateEnd = headerSize + Int(header.stateLength)
        // A second thread checks and decodes the projections' part, then checks the state's part, while
        // this one decodes the state's part (reading damaged bytes only fails, with a typed error; a
        // state whose bytes then prove not to be the ones saved is thrown away).
        // The bytes outlive the second thread: `wait()` below returns only when it is done.
        nonisolated(unsafe) let shared = bytes
        let second = BackgroundWork { () -> (projections: Result<Projections, Problem>, stateMatches: Bool) in
            let part = UnsafeRawBufferPointer(rebasing: shared[stateEnd...])
            let projections = Result { () throws(Problem) -> Projections in
                guard matches(part, shared, at: headerSize - 8) else { throw .damaged("projections checksum mismatch") }
                do throws(CheckpointError) {
                    return try Projections(checkpoint: part)
                } catch {
                    throw .damaged(error.message)
                }
            }
            let statePart = UnsafeRawBufferPointer(rebasing: shared[headerSize..<stateEnd])
            return (projections, matches(statePart, shared, at: headerSize - 16))
        }
        let state = { () -> Result<KezekState, Problem> in
            var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: bytes[headerSize..<stateEnd]))
            do throws(BinaryDecodingError) {
                // The people's tables and the two halves of the applications are decoded on three more
                // threads.
                let state = try KezekState(image: &reader) { work in
                    let part = BackgroundWork(work)
                    return { part.wait() }
                }
                try reader.expectEnd()
                return .success(state)
            } catch {
                return .failure(.damaged(error.message))
            }
        }()
        let checked = second.wait()
        guard checked.stateMatches else { throw .damaged("state checksum mismatch") }
        return EngineModel(state: try state.get(), projections: try checked.projections.get(), position: position)
    }

    /// Whether the XXH64 of `part` equals the big-endian number in `bytes` at `offset`.
    private static func matches(_ part: UnsafeRawBufferPointer, _ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool
    {
        XXH64.hash(part) == UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
}
