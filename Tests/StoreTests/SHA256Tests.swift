import Store
import XCTest

/// SHA-256 against the examples of FIPS 180-4 (and NIST's million-"a" message).
final class SHA256Tests: XCTestCase {
    func testTheFIPSExamplesHashToTheirPublishedDigests() {
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testBytesFedInPiecesHashAsOneMessage() {
        let message = (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        var s = SHA256()
        for chunk in stride(from: 0, to: message.count, by: 37) { s.update(Array(message[chunk..<min(chunk + 37, message.count)])) }
        XCTAssertEqual(s.hexDigest(), SHA256.hex(message))
    }
}
