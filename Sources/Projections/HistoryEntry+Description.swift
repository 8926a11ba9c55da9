import Kezek

extension HistoryEntry {
    /// The `code` of a `queueRefreshed` line for an application that aged out (else the new tier).
    static let agedOutCode: UInt8 = .max

    /// The small code of a case of a closed enum: its index among `allCases`.
    static func code<T: CaseIterable & Equatable>(_ value: T) -> UInt8 {
        UInt8(T.allCases.firstIndex(of: value).map { T.allCases.distance(from: T.allCases.startIndex, to: $0) } ?? 0)
    }

    /// The case of a closed enum a code names (the first case for an unknown code).
    static func value<T: CaseIterable>(_ code: UInt8, as type: T.Type = T.self) -> T {
        let cases = Array(T.allCases)
        return Int(code) < cases.count ? cases[Int(code)] : cases[0]
    }

    /// The line in plain words, made from the type, the detail and the code.
    var description: String {
        let time = Timestamp(millisecondsSinceEpoch: Int64(bitPattern: detail))
        let tier = Tier(rawValue: Int(code)) ?? .general
        switch type {
        case .applicationSubmitted: return "submitted to the queue in the \(tier) tier"
        case .priorityVerified:
            return "priority claim verified (\(Self.value(code, as: PriorityCategory.self)))"
        case .priorityRejected: return "priority claim rejected: now in the \(tier) tier at the original time"
        case .interestConfirmed: return "interest confirmed until \(time)"
        case .interestLapsed: return "interest lapsed: inactive, restorable until \(time)"
        case .applicationRestored: return "restored to the queue, interest valid until \(time)"
        case .applicationWithdrawn: return "withdrawn by the family"
        case .applicationAnnulled: return "annulled (\(Self.value(code, as: AnnulmentReason.self).rawValue))"
        case .stopListed: return "stop-listed until \(time)"
        case .bulletinApplied: return "applied to bulletin \(detail)"
        case .bulletinClosed:
            return "no seat at bulletin \(detail) (\(Self.value(code, as: PassOverReason.self).rawValue))"
        case .referralIssued: return "referral \(detail) issued"
        case .referralConfirmed: return "referral \(detail) confirmed"
        case .referralRefused: return "referral \(detail) refused"
        case .referralExpired:
            return "referral \(detail) expired (\(Self.value(code, as: ReferralDeadline.self).rawValue) deadline)"
        case .referralExtended: return "referral \(detail) extended by \(code) days"
        case .enrollmentRegistered: return "documents handed in for referral \(detail)"
        case .admissionConfirmed: return "admission confirmed on referral \(detail): the child is enrolled"
        case .referralCancelled:
            return "referral \(detail) cancelled (\(Self.value(code, as: ReferralCancellationReason.self).rawValue))"
        case .queueRefreshed:
            return code == Self.agedOutCode
                ? "aged out at the \(detail) queue refresh" : "moved to the \(tier) tier at the \(detail) queue refresh"
        case .kindergartenRegistered, .applicantRegistered, .childAdded, .bulletinPublished:
            return type.name
        }
    }
}
