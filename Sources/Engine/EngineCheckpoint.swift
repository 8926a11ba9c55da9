import EventLog
import Kezek
import Projections

/// The engine's checkpoint: the whole model saved beside the log, so that a start reads only the log's
/// tail. Layout: `kezek-engine` (ASCII), the format byte, the model's digest (32 bytes), the position
/// (8 bytes), the state's canonical form (length-prefixed), then the projections' checkpoint. Loading
/// decodes both and recomputes the digest; any doubt means a full replay.
enum EngineCheckpoint {
    /// The name the checkpoint is saved under.
    static let name = "engine"
    /// The first bytes of every engine checkpoint.
    static let magic = Array("kezek-engine".utf8)
    /// The layout version written now; bumped whenever the layout, the state's canonical format or the
    /// projections' checkpoint format changes.
    static let format: UInt8 = 2

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

    /// The bytes that save `model`.
    static func encode(_ model: EngineModel) -> [UInt8] {
        var writer = BinaryWriter(capacity: 1 << 16)
        writer.writeRaw(magic)
        writer.write(format)
        writer.writeRaw(model.digest.bytes)
        writer.write(model.position.rawValue)
        writer.writeLengthPrefixed(model.state.canonicalBytes)
        writer.writeRaw(model.projections.encodeCheckpoint())
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

    /// The model saved in `log`, or why there is none that can be trusted.
    static func load(from log: EventLog) -> Result<EngineModel, Problem> {
        let stored: StoredCheckpoint?
        do {
            stored = try log.checkpoint(named: name)
        } catch {
            return .failure(.damaged(error.message))
        }
        guard let stored else { return .failure(.missing) }
        return Result { () throws(Problem) in try decode(stored, head: log.head.position) }
    }

    static func decode(_ stored: StoredCheckpoint, head: Position) throws(Problem) -> EngineModel {
        let bytes = stored.bytes
        let headerSize = magic.count + 1 + 32
        guard bytes.count > headerSize, bytes.starts(with: magic) else {
            throw .damaged("it is not an engine checkpoint")
        }
        let found = bytes[magic.count]
        guard found == format else { throw .oldFormat(found: found) }
        guard stored.position <= head else { throw .ahead(checkpoint: stored.position, head: head) }
        let body = Array(bytes[headerSize...])
        let decoded = BinaryReader.withReader(body) { reader in
            Result { () throws(BinaryDecodingError) -> (Position, KezekState, Int) in
                let position = Position(try reader.readUInt64())
                let length = try reader.readLength()
                let start = reader.offset
                let state = try KezekState(canonicalBytes: &reader)
                guard reader.offset - start == length else {
                    throw BinaryDecodingError(offset: start, reason: .invalidValue(type: "KezekState"))
                }
                return (position, state, reader.offset)
            }
        }
        let model: EngineModel
        switch decoded {
        case .success(let (position, state, end)):
            guard position == stored.position else {
                throw .damaged("it says position \(position) but was saved at \(stored.position)")
            }
            do {
                let projections = try Projections(checkpoint: Array(body[end...]))
                model = EngineModel(state: state, projections: projections, position: position)
            } catch {
                throw .damaged(error.message)
            }
        case .failure(let error):
            throw .damaged(error.message)
        }
        guard model.digest.bytes == Array(bytes[(magic.count + 1)..<headerSize]) else {
            throw .damaged("digest mismatch")
        }
        return model
    }
}
