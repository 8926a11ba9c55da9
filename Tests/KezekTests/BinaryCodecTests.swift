import KezekDomainTestSupport
import Testing

@testable import Kezek

@Suite struct BinaryCodecTests {
    @Test func fixedWidthIntegersAreBigEndian() throws {
        var writer = BinaryWriter()
        writer.write(UInt8(0xAB))
        writer.write(UInt16(0x0102))
        writer.write(UInt32(0x0304_0506))
        writer.write(UInt64(0x0708_090A_0B0C_0D0E))
        #expect(writer.bytes == [0xAB, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14])
        try BinaryReader.withReader(writer.bytes) { (reader: inout BinaryReader) throws(BinaryDecodingError) in
            #expect(try reader.readUInt8() == 0xAB)
            #expect(try reader.readUInt16() == 0x0102)
            #expect(try reader.readUInt32() == 0x0304_0506)
            #expect(try reader.readUInt64() == 0x0708_090A_0B0C_0D0E)
            try reader.expectEnd()
        }
    }

    static let varints: [(UInt64, [UInt8])] = [
        (0, [0]),
        (127, [0x7F]),
        (128, [0x80, 0x01]),
        (300, [0xAC, 0x02]),
        (.max, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
    ]

    @Test(arguments: varints)
    func varintLayout(value: UInt64, bytes: [UInt8]) throws {
        var writer = BinaryWriter()
        writer.writeVarint(value)
        #expect(writer.bytes == bytes)
        let decoded = try BinaryReader.withReader(bytes) { (reader: inout BinaryReader) throws(BinaryDecodingError) in
            try reader.readVarint()
        }
        #expect(decoded == value)
    }

    @Test(arguments: [(Int64(0), UInt8(0)), (-1, 1), (1, 2), (-2, 3), (63, 126), (-64, 127)])
    func zigzagLayout(value: Int64, byte: UInt8) {
        var writer = BinaryWriter()
        writer.writeZigzag(value)
        #expect(writer.bytes == [byte])
    }

    @Test func randomValuesRoundTrip() throws {
        var generator = SeededGenerator(seed: 42)
        var writer = BinaryWriter()
        var expected: [(UInt64, Int64, String, Bool)] = []
        for _ in 0..<1_000 {
            let unsigned =
                UInt64.random(in: 0 ... .max, using: &generator) >> UInt64.random(in: 0..<64, using: &generator)
            let signed =
                Int64.random(in: .min ... .max, using: &generator) >> Int64.random(in: 0..<64, using: &generator)
            let string = JSONValueTests.randomString(using: &generator)
            let flag = Bool.random(using: &generator)
            expected.append((unsigned, signed, string, flag))
            writer.writeVarint(unsigned)
            writer.writeZigzag(signed)
            writer.write(string)
            writer.write(flag)
        }
        try BinaryReader.withReader(writer.bytes) { (reader: inout BinaryReader) throws(BinaryDecodingError) in
            for (unsigned, signed, string, flag) in expected {
                #expect(try reader.readVarint() == unsigned)
                #expect(try reader.readZigzag() == signed)
                #expect(try reader.readString() == string)
                #expect(try reader.readBool() == flag)
            }
            try reader.expectEnd()
        }
    }

    /// The error of `read` on `bytes`, after skipping the first byte (so offsets are not trivially 0).
    private func failure(_ bytes: [UInt8], _ read: (inout BinaryReader) throws -> Void) -> BinaryDecodingError? {
        do {
            try BinaryReader.withReader(bytes) { (reader: inout BinaryReader) throws in
                _ = try reader.readUInt8()
                try read(&reader)
            }
            return nil
        } catch {
            return error as? BinaryDecodingError
        }
    }

    @Test func readsAreBoundsChecked() {
        #expect(
            failure([0, 1]) { _ = try $0.readUInt16() }
                == BinaryDecodingError(offset: 1, reason: .truncated(needed: 2, available: 1)))
        #expect(failure([0, 1, 2, 3]) { _ = try $0.readUInt64() }?.reason == .truncated(needed: 8, available: 3))
        #expect(
            failure([0, 0x80, 0x80]) { _ = try $0.readVarint() }
                == BinaryDecodingError(offset: 1, reason: .truncated(needed: 3, available: 2)))
        #expect(
            failure([0, 5, 0x61]) { _ = try $0.readString() }
                == BinaryDecodingError(offset: 2, reason: .truncated(needed: 5, available: 1)))
        #expect(
            failure([0, 2]) { _ = try $0.readBool() } == BinaryDecodingError(offset: 1, reason: .invalidBoolean(2)))
        #expect(
            failure([0, 1, 0xFF]) { _ = try $0.readString() } == BinaryDecodingError(offset: 1, reason: .invalidUTF8))
        #expect(failure([0, 7]) { try $0.expectEnd() } == BinaryDecodingError(offset: 1, reason: .trailingBytes(1)))
    }

    @Test func rejectsOverlongVarints() {
        let elevenBytes: [UInt8] = [0] + Array(repeating: 0xFF, count: 10) + [0x01]
        #expect(
            failure(elevenBytes) { _ = try $0.readVarint() } == BinaryDecodingError(offset: 1, reason: .varintOverflow))
        let tooBig: [UInt8] = [0] + Array(repeating: 0xFF, count: 9) + [0x02]
        #expect(failure(tooBig) { _ = try $0.readVarint() }?.reason == .varintOverflow)
    }
}
