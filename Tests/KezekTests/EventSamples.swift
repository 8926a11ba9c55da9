import KezekDomainTestSupport

@testable import Kezek

/// Random instances of every event type, for the codec property tests.
enum EventSamples {
    typealias S = DomainSamples

    static func event(of type: EventType, using g: inout SeededGenerator) -> Event {
        switch type {
        case .kindergartenRegistered:
            return .kindergartenRegistered(
                .init(
                    id: S.kindergarten(using: &g), name: S.name(using: &g), locality: S.locality(using: &g),
                    languages: S.languages(using: &g), groupTypes: S.groupTypes(using: &g),
                    capacity: Int.random(in: 1...600, using: &g)))
        case .applicantRegistered:
            return .applicantRegistered(.init(applicant: S.iin(using: &g), phone: S.phone(using: &g)))
        case .childAdded:
            let sex = Sex.allCases.randomElement(using: &g)!
            return .childAdded(.init(applicant: S.iin(using: &g), child: S.iin(using: &g, sex: sex), gender: sex))
        case .applicationSubmitted:
            return .applicationSubmitted(
                .init(
                    application: S.application(using: &g), applicant: S.iin(using: &g), child: S.iin(using: &g),
                    key: key(using: &g), submittedAt: S.time(using: &g), tier: S.tier(using: &g),
                    priority: S.optionalClaim(using: &g), policy: policy(using: &g),
                    kindergartens: S.kindergartens(using: &g)))
        case .priorityVerified:
            return .priorityVerified(
                .init(
                    application: S.application(using: &g), category: S.category(using: &g),
                    reason: S.optionalText(using: &g), policy: policy(using: &g)))
        case .priorityRejected:
            return .priorityRejected(
                .init(
                    application: S.application(using: &g), category: S.category(using: &g),
                    reason: S.optionalText(using: &g), tier: .general, policy: policy(using: &g)))
        case .interestConfirmed:
            return .interestConfirmed(
                .init(application: S.application(using: &g), validUntil: S.time(using: &g), policy: policy(using: &g)))
        case .interestLapsed:
            return .interestLapsed(
                .init(
                    application: S.application(using: &g), restorableUntil: S.time(using: &g),
                    policy: policy(using: &g)))
        case .applicationRestored:
            return .applicationRestored(
                .init(application: S.application(using: &g), validUntil: S.time(using: &g), policy: policy(using: &g)))
        case .applicationWithdrawn:
            return .applicationWithdrawn(.init(application: S.application(using: &g)))
        case .applicationAnnulled:
            return .applicationAnnulled(
                .init(
                    application: S.application(using: &g), reason: AnnulmentReason.allCases.randomElement(using: &g)!,
                    policy: policy(using: &g)))
        case .stopListed:
            return .stopListed(
                .init(
                    application: S.application(using: &g), until: S.time(using: &g), reason: .priorityRejected,
                    policy: policy(using: &g)))
        case .bulletinPublished:
            let opensAt = S.time(using: &g)
            return .bulletinPublished(
                .init(
                    bulletin: S.bulletin(using: &g), kindergarten: S.kindergarten(using: &g), key: key(using: &g),
                    seats: Int.random(in: 1...40, using: &g), opensAt: opensAt,
                    closesAt: opensAt.adding(days: Int.random(in: 1...14, using: &g))))
        case .bulletinApplied:
            return .bulletinApplied(.init(application: S.application(using: &g), bulletin: S.bulletin(using: &g)))
        case .bulletinClosed:
            let admitted = (0..<Int.random(in: 0...30, using: &g)).map { _ in S.application(using: &g) }
            let cutOff =
                admitted.last.map {
                    AllocationCutOff(
                        queueNumber: Int.random(in: 1...5_000, using: &g), tier: S.tier(using: &g),
                        submittedAt: S.time(using: &g), application: $0)
                }
            let passedOver = (0..<Int.random(in: 0...5, using: &g)).map { _ in
                PassedOver(
                    application: S.application(using: &g), reason: PassOverReason.allCases.randomElement(using: &g)!)
            }
            return .bulletinClosed(
                .init(
                    bulletin: S.bulletin(using: &g), admitted: admitted, cutOff: cutOff,
                    unfilledSeats: Int.random(in: 0...10, using: &g), passedOver: passedOver, policy: policy(using: &g),
                    algorithm: AllocationAlgorithm.allCases.randomElement(using: &g)!,
                    inputDigest: Bool.random(using: &g)
                        ? SHA256Hasher.hash((0..<8).map { _ in UInt8.random(in: 0...255, using: &g) }) : nil,
                    siblingPriority: admitted.filter { _ in Int.random(in: 0..<4, using: &g) == 0 }))
        case .referralIssued:
            let issuedAt = S.time(using: &g)
            return .referralIssued(
                .init(
                    referral: S.referral(using: &g), application: S.application(using: &g),
                    bulletin: S.bulletin(using: &g), kindergarten: S.kindergarten(using: &g), issuedAt: issuedAt,
                    confirmBy: issuedAt.adding(days: 2), policy: policy(using: &g)))
        case .referralConfirmed:
            return .referralConfirmed(
                .init(referral: S.referral(using: &g), registerBy: S.time(using: &g), policy: policy(using: &g)))
        case .referralRefused:
            return .referralRefused(.init(referral: S.referral(using: &g), application: S.application(using: &g)))
        case .referralExpired:
            return .referralExpired(
                .init(
                    referral: S.referral(using: &g), application: S.application(using: &g),
                    deadline: ReferralDeadline.allCases.randomElement(using: &g)!, dueAt: S.time(using: &g),
                    policy: policy(using: &g), restorableUntil: Bool.random(using: &g) ? S.time(using: &g) : nil))
        case .referralExtended:
            return .referralExtended(
                .init(
                    referral: S.referral(using: &g), days: Int.random(in: 1...30, using: &g),
                    registerBy: S.time(using: &g), policy: policy(using: &g)))
        case .enrollmentRegistered:
            return .enrollmentRegistered(.init(referral: S.referral(using: &g)))
        case .admissionConfirmed:
            return .admissionConfirmed(
                .init(
                    referral: S.referral(using: &g), application: S.application(using: &g), child: S.iin(using: &g),
                    kindergarten: S.kindergarten(using: &g)))
        case .referralCancelled:
            return .referralCancelled(
                .init(
                    referral: S.referral(using: &g), application: S.application(using: &g),
                    reason: ReferralCancellationReason.allCases.randomElement(using: &g)!, policy: policy(using: &g)))
        case .queueRefreshed:
            return .queueRefreshed(
                .init(
                    year: Int.random(in: 2020...2040, using: &g),
                    agedOut: (0..<Int.random(in: 0...20, using: &g)).map { _ in S.application(using: &g) },
                    tierChanges: (0..<Int.random(in: 0...3, using: &g)).map { _ in
                        TierChange(application: S.application(using: &g), from: S.tier(using: &g), to: .general)
                    },
                    policy: policy(using: &g)))
        }
    }

    static func key(using g: inout SeededGenerator) -> QueueKey {
        QueueKey(
            locality: S.locality(using: &g), birthYear: S.birthYear(using: &g), language: S.language(using: &g),
            groupType: S.groupType(using: &g))
    }

    static func policy(using g: inout SeededGenerator) -> PolicyVersion {
        [Policy.v2019.version, Policy.v2024.version].randomElement(using: &g)!
    }
}
