import KezekDomainTestSupport
import Testing

@testable import Kezek

@Suite struct SHA256HasherTests {
    /// The examples of FIPS 180-4 (and its companion examples document) for SHA-256.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ])
    func fipsExamples(message: String, digest: String) {
        #expect(SHA256Hasher.hash(Array(message.utf8)).hex == digest)
    }

    @Test func aMillionAs() {
        var hasher = SHA256Hasher()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 10_000)
        for _ in 0..<100 { hasher.update(chunk) }
        #expect(hasher.finalize().hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Lengths around the padding boundaries: the message length no longer fits the last block at 56.
    @Test(arguments: [
        (55, "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59"),
        (56, "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562"),
        (63, "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488"),
        (64, "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108"),
        (65, "4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781"),
        (119, "da18797ed7c3a777f0847f429724a2d8cd5138e6ed2895c3fa1a6d39d18f7ec6"),
        (120, "f52b23db1fbb6ded89ef42a23ce0c8922c45f25c50b568a93bf1c075420bbb7c"),
        (1000, "4e4c294b331f7a2099a379bec34b9f9fc03dc46ab465d998f4d683da53487e6d"),
    ])
    func paddingBoundaries(length: Int, digest: String) {
        #expect(SHA256Hasher.hash((0..<length).map { UInt8($0 % 251) }).hex == digest)
    }

    @Test func feedingInPiecesGivesTheSameDigest() {
        var g = SeededGenerator(seed: 91)
        for _ in 0..<50 {
            let message = (0..<Int.random(in: 0...700, using: &g)).map { _ in UInt8.random(in: 0...255, using: &g) }
            var hasher = SHA256Hasher()
            var offset = 0
            while offset < message.count {
                let end = min(message.count, offset + Int.random(in: 0...130, using: &g))
                hasher.update(message[offset..<end])
                offset = end
            }
            #expect(hasher.finalize() == SHA256Hasher.hash(message))
        }
    }

    @Test func digestsReadTheirHexAndBytes() {
        let digest = SHA256Hasher.hash(Array("abc".utf8))
        #expect(Digest256(hex: digest.hex) == digest)
        #expect(Digest256(hex: digest.hex.uppercased()) == digest)
        #expect(Digest256(bytes: digest.bytes) == digest)
        #expect(digest.bytes.count == 32)
        #expect(Digest256(hex: "abc") == nil)
        #expect(Digest256(hex: String(repeating: "g", count: 64)) == nil)
        #expect(Digest256(bytes: [1, 2, 3]) == nil)
    }
}
