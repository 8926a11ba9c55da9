import Testing

@testable import Kezek

@Suite struct XXH64Tests {
    /// Bytes `3, 10, 17, …` (each `i * 7 + 3`, wrapping), the sample the figures below were computed on.
    static func sample(count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) } }

    /// Figures of the reference implementation (the `xxhash` Python package, which wraps it), for
    /// lengths that take every path: the tail of bytes, of four and of eight, one and more stripes of 32.
    @Test(
        arguments: [
            (0, 0xEF46_DB37_51D8_E999, 0xC434_9FC9_3C01_0000),
            (1, 0x1F25_C8D0_BC1F_4BB6, 0x7982_6BCD_749D_267A),
            (3, 0x31D2_363F_52E5_64C9, 0x78EF_D775_75E2_6575),
            (4, 0x9BB6_4B7D_66EE_9FDA, 0x6F0A_6C97_D68B_F353),
            (5, 0xC760_8EFD_DB70_51FE, 0xA677_B535_C22B_67A5),
            (7, 0x9A7B_1499_59CE_60D8, 0xD97E_DE93_C9D6_6A0D),
            (8, 0xDAB9_9D95_C6F9_0092, 0xA2F1_E284_37A7_8A1B),
            (9, 0x170B_B6BF_975B_4C02, 0x9C9A_3CD8_3532_D84F),
            (12, 0xD52E_4078_33AF_5133, 0xBCC9_F0D6_16FF_9A7B),
            (31, 0xA2AA_5F33_CC4A_6119, 0x7554_3727_1D1D_0A84),
            (32, 0x23C3_C17E_F790_FD97, 0xBF62_4B93_2C09_0428),
            (33, 0x50A7_CFC7_BA58_8784, 0x7ACE_AF1E_9D34_EA35),
            (39, 0x880B_BEEA_606E_4B37, 0xA516_4DCE_0413_0FF3),
            (63, 0x5E3E_54B4_31C7_493C, 0x2C8D_DCE5_C85D_0D9D),
            (64, 0x0EB6_4B3E_F6EE_B01F, 0x4AF3_41F1_4E3A_6FC9),
            (100, 0xA61F_8D4C_170F_E531, 0xF6D8_F65C_625A_BB4F),
            (1027, 0xC0F4_095B_E069_9C78, 0xA377_51C3_FD11_B460),
        ] as [(Int, UInt64, UInt64)])
    func referenceFigures(count: Int, unseeded: UInt64, seeded: UInt64) {
        let bytes = Self.sample(count: count)
        #expect(XXH64.hash(bytes) == unseeded)
        #expect(XXH64.hash(bytes, seed: 0x9E37_79B9_7F4A_7C15) == seeded)
    }

    @Test func aMebibyteAndAWord() {
        #expect(XXH64.hash(Self.sample(count: 1 << 20)) == 0x9895_60CE_899D_661B)
        #expect(XXH64.hash(Array("abc".utf8)) == 0x44BC_2CF5_AD77_0999)
    }

    /// Any one flipped bit of a buffer changes the hash (a damaged checkpoint is told from the saved one).
    @Test func everyFlippedBitIsSeen() {
        var bytes = Self.sample(count: 200)
        let original = XXH64.hash(bytes)
        for index in bytes.indices {
            for bit in 0..<8 {
                bytes[index] ^= 1 << bit
                #expect(XXH64.hash(bytes) != original, "byte \(index), bit \(bit)")
                bytes[index] ^= 1 << bit
            }
        }
    }

    /// A slice hashes as its own bytes, wherever it starts (the loads are unaligned).
    @Test func unalignedSlices() {
        let bytes = Self.sample(count: 300)
        for start in 0..<9 {
            let part = Array(bytes[start..<(start + 257)])
            let fromSlice = bytes.withUnsafeBytes {
                XXH64.hash(UnsafeRawBufferPointer(rebasing: $0[start..<(start + 257)]))
            }
            #expect(fromSlice == XXH64.hash(part))
        }
    }
}
