/// A version of the administrative classifier: the units an application or kindergarten may name.
///
/// A value: build one from the official classifier, or use ``standard``, the embedded fixture (the 20
/// first-level units and a few districts and localities of each).
public struct KATORegistry: Hashable, Sendable {
    /// The level of an administrative unit.
    public enum Level: String, CaseIterable, Hashable, Sendable {
        /// A region (облыс / область).
        case region
        /// A city: of republican significance (Astana, Almaty, Shymkent) or of regional significance.
        case city
        /// A district (аудан / район), rural or within a city.
        case district
        /// A town or village (елді мекен / населённый пункт).
        case settlement

        /// 0 for regions, then deeper levels.
        var depth: Int {
            switch self {
            case .region: 0
            case .city: 1
            case .district: 2
            case .settlement: 3
            }
        }
    }

    /// One administrative unit.
    public struct Unit: Hashable, Sendable {
        /// Its code.
        public let code: KATOCode
        /// The unit containing it, `nil` for first-level units.
        public let parent: KATOCode?
        /// Its level.
        public let level: Level
        /// Its name in Kazakh.
        public let nameKazakh: String
        /// Its name in Russian.
        public let nameRussian: String

        /// Describes a unit.
        public init(code: KATOCode, parent: KATOCode?, level: Level, nameKazakh: String, nameRussian: String) {
            self.code = code
            self.parent = parent
            self.level = level
            self.nameKazakh = nameKazakh
            self.nameRussian = nameRussian
        }
    }

    /// The classifier version, such as `2026-1`; decisions record it.
    public let version: String
    private let unitsByCode: [KATOCode: Unit]
    private let childrenByParent: [KATOCode: [KATOCode]]

    /// Builds a registry, checking that codes are unique, every parent exists, is of a higher level and
    /// its significant digits prefix the child's code.
    public init(version: String, units: [Unit]) throws(KATORegistryError) {
        var byCode: [KATOCode: Unit] = [:]
        for unit in units {
            guard byCode.updateValue(unit, forKey: unit.code) == nil else { throw .duplicateCode(unit.code) }
        }
        var children: [KATOCode: [KATOCode]] = [:]
        for unit in units {
            guard let parentCode = unit.parent else {
                guard unit.code.isRegion else { throw .missingParent(unit.code) }
                continue
            }
            guard let parent = byCode[parentCode] else { throw .unknownParent(unit.code, parent: parentCode) }
            guard parent.level.depth < unit.level.depth, parentCode != unit.code,
                unit.code.description.hasPrefix(parentCode.significantDigits)
            else {
                throw .inconsistentParent(unit.code, parent: parentCode)
            }
            children[parentCode, default: []].append(unit.code)
        }
        self.version = version
        self.unitsByCode = byCode
        self.childrenByParent = children.mapValues { $0.sorted() }
    }

    /// The unit with `code`, or `nil`.
    public func unit(_ code: KATOCode) -> Unit? { unitsByCode[code] }

    /// Whether the registry has a unit with `code`.
    public func contains(_ code: KATOCode) -> Bool { unitsByCode[code] != nil }

    /// The units directly inside `code`, by code.
    public func children(of code: KATOCode) -> [Unit] {
        (childrenByParent[code] ?? []).map { unitsByCode[$0]! }
    }

    /// The first-level units (regions and cities of republican significance), by code.
    public var regions: [Unit] { units.filter { $0.parent == nil } }

    /// Every unit, by code.
    public var units: [Unit] { unitsByCode.values.sorted { $0.code < $1.code } }

    /// The chain of units from the first-level unit down to `code`, or empty when unknown.
    public func path(to code: KATOCode) -> [Unit] {
        var chain: [Unit] = []
        var next: KATOCode? = code
        while let current = next, let unit = unitsByCode[current] {
            chain.append(unit)
            next = unit.parent
        }
        return chain.reversed()
    }

    /// Parses 9 digits and checks the code is in this registry.
    public func parse(_ text: String) throws(KATOError) -> KATOCode {
        let code = try KATOCode(parsing: text)
        guard contains(code) else { throw .unknown(code, registryVersion: version) }
        return code
    }
}

/// Why a classifier could not be built from a list of units.
public enum KATORegistryError: DomainValueError {
    /// Two units have the same code.
    case duplicateCode(KATOCode)
    /// A unit below the first level has no parent.
    case missingParent(KATOCode)
    /// A unit's parent is not in the list.
    case unknownParent(KATOCode, parent: KATOCode)
    /// A unit's parent is not of a higher level, or its code is not under the parent's code.
    case inconsistentParent(KATOCode, parent: KATOCode)

    /// Always `invalidRegistry`.
    public var code: String { "invalidRegistry" }

    /// Names the bad unit.
    public var message: String {
        switch self {
        case .duplicateCode(let code): "KATO code \(code) appears twice"
        case .missingParent(let code): "KATO unit \(code) is not a region but has no parent"
        case .unknownParent(let code, let parent): "KATO unit \(code) names parent \(parent), which is not listed"
        case .inconsistentParent(let code, let parent):
            "KATO unit \(code) cannot be inside \(parent): the parent must be of a higher level and prefix the code"
        }
    }
}
