import KezekDomainTestSupport
import Testing

@testable import Kezek

/// The numbered table behaves as the dictionary it replaces, whatever numbers it is given, and orders
/// its records by number.
@Suite struct NumberedTableTests {
    @Test("random sets, changes, updates and removals match a dictionary", arguments: [1, 2, 3, 4] as [UInt64])
    func matchesDictionary(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        var table = NumberedTable<ApplicationNumber, Int>()
        var reference: [ApplicationNumber: Int] = [:]
        let gap = NumberedTable<ApplicationNumber, Int>.gap
        for step in 0..<4_000 {
            // Mostly dense numbers, some far ahead, the odd zero and maximum.
            let number: UInt64 =
                switch Int.random(in: 0..<20, using: &g) {
                case 0: gap * UInt64.random(in: 1...4, using: &g) + UInt64.random(in: 0...3, using: &g)
                case 1: [0, UInt64.max, UInt64.max - 1].randomElement(using: &g)!
                default: UInt64.random(in: 1...UInt64(600 + step / 4), using: &g)
                }
            let key = ApplicationNumber(rawValue: number)
            switch Int.random(in: 0..<10, using: &g) {
            case 0..<5:
                table[key] = step
                reference[key] = step
            case 5..<7:
                table[key]? += 1
                reference[key]? += 1
            case 7:
                // The in-place change: the new value comes back, nothing is added for a key without one.
                let changed = table.update(key) { value in
                    value += 2
                    return value
                }
                reference[key]? += 2
                #expect(changed == reference[key])
            default:
                table[key] = nil
                reference[key] = nil
            }
            #expect(table[key] == reference[key])
        }
        #expect(table.count == reference.count)
        #expect(table.keys == reference.keys.sorted())
        #expect(Array(table.values) == reference.keys.sorted().map { reference[$0]! })
        #expect(table.map(\.key) == reference.keys.sorted())
        for (key, value) in reference { #expect(table[key] == value) }
    }

    @Test("a copy keeps its records, in the array and beside it, when the original changes")
    func copiesStayApart() {
        let far = NumberedTable<ApplicationNumber, [Int]>.gap * 2
        var table = NumberedTable<ApplicationNumber, [Int]>()
        for number in [1, 2, far, far + 5] as [UInt64] { table[ApplicationNumber(rawValue: number)] = [Int(number)] }
        let copy = table
        table[ApplicationNumber(rawValue: 2)]?.append(0)
        table[ApplicationNumber(rawValue: far)]?.append(0)
        table[ApplicationNumber(rawValue: far + 5)] = nil
        table[ApplicationNumber(rawValue: far + 9)] = [9]
        #expect(copy[ApplicationNumber(rawValue: 2)] == [2])
        #expect(copy[ApplicationNumber(rawValue: far)] == [Int(far)])
        #expect(copy[ApplicationNumber(rawValue: far + 5)] == [Int(far) + 5])
        #expect(copy[ApplicationNumber(rawValue: far + 9)] == nil)
        #expect(copy.count == 4 && table.count == 4)
        #expect(table[ApplicationNumber(rawValue: far)] == [Int(far), 0])
        #expect(table[ApplicationNumber(rawValue: far + 5)] == nil)
        #expect(table[ApplicationNumber(rawValue: far + 1)] == nil)
        #expect(table.keys.map(\.rawValue) == [1, 2, far, far + 9])
    }

    @Test("tables with the same records are equal and hash alike, whatever order they were filled in")
    func equalityIgnoresStorage() {
        let far = NumberedTable<BulletinNumber, String>.gap * 3
        let numbers: [UInt64] = [1, 2, 5, far, far + 1, 9, 3]
        var forwards = NumberedTable<BulletinNumber, String>()
        for number in numbers { forwards[BulletinNumber(rawValue: number)] = "\(number)" }
        // Backwards: the far numbers come first, so they start in the dictionary beside the array.
        var backwards = NumberedTable<BulletinNumber, String>()
        for number in numbers.reversed() { backwards[BulletinNumber(rawValue: number)] = "\(number)" }
        #expect(forwards == backwards)
        #expect(forwards.hashValue == backwards.hashValue)
        #expect(forwards.keys.map(\.rawValue) == numbers.sorted())
        backwards[BulletinNumber(rawValue: 9)] = "nine"
        #expect(forwards != backwards)
        backwards[BulletinNumber(rawValue: 9)] = nil
        #expect(forwards != backwards)
        #expect(backwards.count == numbers.count - 1)
    }

    @Test("a dense array that grows over numbers first stored beside it takes them in")
    func growingOverSparseNumbers() {
        let gap = NumberedTable<ReferralNumber, Int>.gap
        var table = NumberedTable<ReferralNumber, Int>()
        table[ReferralNumber(rawValue: gap + 10)] = 1
        // Filling the numbers below brings the far one within the array's reach.
        for number in 1...(gap + 20) where number != gap + 10 { table[ReferralNumber(rawValue: number)] = 0 }
        #expect(table.count == Int(gap + 20))
        #expect(table[ReferralNumber(rawValue: gap + 10)] == 1)
        #expect(table.keys.map(\.rawValue) == Array(1...(gap + 20)))
        table[ReferralNumber(rawValue: gap + 10)]? += 1
        #expect(table[ReferralNumber(rawValue: gap + 10)] == 2)
    }
}
