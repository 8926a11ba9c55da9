import Foundation

@testable import LMDB

enum LMDBErrorProbe {
    static func error(_ code: Int32) -> LMDBError {
        LMDBError(code: code)
    }
}

func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}
