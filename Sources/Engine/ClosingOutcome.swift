import Kezek

/// What a closed bulletin gave one of its applicants, as its recorded close says.
enum ClosingOutcome: Equatable {
    /// It won a seat.
    case admitted
    /// A seat was left at its turn but it could not take it, for `reason`.
    case passedOver(PassOverReason)
    /// The seats were gone before its turn.
    case notReached

    init(of application: ApplicationNumber, in closed: Event.BulletinClosed) {
        if closed.admitted.contains(application) {
            self = .admitted
        } else if let passed = closed.passedOver.first(where: { $0.application == application }) {
            self = .passedOver(passed.reason)
        } else {
            self = .notReached
        }
    }

    /// `admitted`, `passedOver` or `notReached`.
    var name: String {
        switch self {
        case .admitted: "admitted"
        case .passedOver: "passedOver"
        case .notReached: "notReached"
        }
    }
}

extension PassOverReason {
    /// Why an applicant could not take a seat left at its turn, in plain words.
    var explanation: String {
        switch self {
        case .interestLapsed: "it was inactive: its confirmation of interest had lapsed"
        case .stopListed: "it was on the stop list after a priority claim was found false"
        case .holdsReferral: "it already held a referral"
        case .notInQueue: "it had left the queue (withdrawn, annulled or enrolled)"
        case .admittedElsewhere: "it won a seat at a bulletin it prefers, closing in the same round"
        case .referralExpired: "it was inactive after an earlier referral expired"
        }
    }
}
