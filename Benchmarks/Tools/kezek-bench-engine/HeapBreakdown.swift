import CMalloc
import Engine
import Kezek
import Projections

/// How many bytes of the heap each part of a model holds: measured by releasing the parts one by one
/// and reading the allocator's count of bytes in use (`mallinfo2`) after each.
enum HeapBreakdown {
    /// Bytes the allocator has handed out and not had back (all arenas, mapped blocks included).
    static func bytesInUse() -> Int {
        let info = mallinfo2()
        return Int(info.uordblks) + Int(info.hblkhd)
    }

    /// Consumes `model` and returns the heap bytes of the state and of each read model, in megabytes.
    static func measure(_ model: consuming EngineModel) -> [String: Double] {
        let (state, projections) = model.parts()
        // Boxes, so that each part is released exactly when its box is emptied.
        // The whole state goes first: what it frees is what the boxed fields after it do not hold.
        let parts: [(String, Box)] = [
            ("state (other fields)", Box(state)), ("state.applications", Box(state.applications)),
            ("state.children", Box(state.children)),
            ("state.applicants", Box(state.applicants)), ("state.bulletins", Box(state.bulletins)),
            ("state.referrals", Box(state.referrals)), ("state.applicationsByKey", Box(state.applicationsByKey)),
            ("state.deadlines", Box(state.deadlines)), ("queues", Box(projections.queues)),
            ("applications", Box(projections.applications)), ("offers", Box(projections.offers)),
            ("statistics", Box(projections.statistics)),
        ]
        _ = consume projections
        _ = consume state
        var result: [String: Double] = [:]
        var before = bytesInUse()
        for (name, box) in parts {
            box.value = nil
            let now = bytesInUse()
            result[name] = Measure.megabytes(before - now)
            before = now
        }
        return result
    }

    /// One part of the model, held until emptied.
    final class Box {
        var value: Any?
        init(_ value: Any) { self.value = value }
    }
}
