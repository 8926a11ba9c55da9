import Kezek

extension Event {
    /// What the event decided about `application`, and why, in plain words: the rule, its inputs and the
    /// policy version it used.
    func auditReason(for application: ApplicationNumber) -> String {
        switch self {
        case .applicationSubmitted(let e):
            let claim = e.priority.map { ", with a \($0.category.rawValue) claim counted until verified" } ?? ""
            return "submitted to the queue in the \(e.tier) tier at \(e.submittedAt)\(claim) (policy \(e.policy))"
        case .priorityVerified(let e):
            return
                "priority claim (\(e.category.rawValue)) verified by an operator\(note(e.reason)) (policy \(e.policy))"
        case .priorityRejected(let e):
            return "priority claim (\(e.category.rawValue)) found false\(note(e.reason)): now in the \(e.tier) tier "
                + "at its original time (policy \(e.policy))"
        case .stopListed(let e):
            return "stop-listed until \(e.until) (\(e.reason.rawValue)): allocations skip it (policy \(e.policy))"
        case .interestConfirmed(let e):
            return "interest confirmed; the next confirmation is due by \(e.validUntil) (policy \(e.policy))"
        case .interestLapsed(let e):
            return "interest not confirmed in time: inactive at its place, restorable until \(e.restorableUntil) "
                + "(policy \(e.policy))"
        case .applicationRestored(let e):
            return "restored to the queue at its original place; interest valid until \(e.validUntil) "
                + "(policy \(e.policy))"
        case .applicationWithdrawn:
            return "withdrawn by the family"
        case .applicationAnnulled(let e):
            return "annulled: \(annulment(e.reason)) (policy \(e.policy))"
        case .bulletinApplied(let e):
            return "applied to bulletin \(e.bulletin)"
        case .bulletinClosed(let e):
            return closing(e, for: application)
        case .referralIssued(let e):
            return "won a seat at \(e.kindergarten) from bulletin \(e.bulletin): referral \(e.referral), "
                + "to confirm or refuse by \(e.confirmBy) (policy \(e.policy))"
        case .referralConfirmed(let e):
            return "referral \(e.referral) confirmed; documents are due by \(e.registerBy) (policy \(e.policy))"
        case .referralRefused(let e):
            return "referral \(e.referral) refused by the family; the seat is free for the next round"
        case .referralExpired(let e):
            let window = e.restorableUntil.map { ", restorable until \($0)" } ?? ""
            return "referral \(e.referral) expired: its \(e.deadline.rawValue) deadline \(e.dueAt) passed; the "
                + "seat is free and the application is inactive at its place\(window) (policy \(e.policy))"
        case .referralExtended(let e):
            return "referral \(e.referral) extended by \(e.days) days; documents are due by \(e.registerBy) "
                + "(policy \(e.policy))"
        case .enrollmentRegistered(let e):
            return "documents handed in for referral \(e.referral) (electronic registration)"
        case .admissionConfirmed(let e):
            return "admission confirmed at \(e.kindergarten) on referral \(e.referral): the child is enrolled"
        case .referralCancelled(let e):
            let why =
                e.reason == .priorityRejected ? "its priority claim was found false" : "the application was withdrawn"
            return "referral \(e.referral) cancelled: \(why) (policy \(e.policy))"
        case .queueRefreshed(let e):
            if e.agedOut.contains(application) { return "aged out at the \(e.year) queue refresh" }
            let change = e.tierChanges.first { $0.application == application }
            return change.map { "moved from the \($0.from) to the \($0.to) tier at the \(e.year) queue refresh" }
                ?? "queue refreshed for \(e.year)"
        case .kindergartenRegistered, .applicantRegistered, .childAdded, .bulletinPublished:
            return type.name
        }
    }

    private func note(_ reason: String?) -> String {
        reason.map { " (\"\($0)\")" } ?? ""
    }

    private func annulment(_ reason: AnnulmentReason) -> String {
        switch reason {
        case .referralRefused: "the family refused its referral"
        case .agedOut: "the child aged out of the queue"
        case .restorationExpired: "it was not restored within its window"
        }
    }

    private func closing(_ e: Event.BulletinClosed, for application: ApplicationNumber) -> String {
        let outcome = ClosingOutcome(of: application, in: e)
        let policy = " (policy \(e.policy))"
        switch outcome {
        case .admitted:
            return "bulletin \(e.bulletin) closed: admitted, a seat was left at its turn in queue order" + policy
        case .passedOver(let reason):
            return "bulletin \(e.bulletin) closed: a seat was left at its turn, but \(reason.explanation)" + policy
        case .notReached:
            guard let cutOff = e.cutOff else { return "bulletin \(e.bulletin) closed: no seat was left at its turn" }
            return "bulletin \(e.bulletin) closed: the seats were gone before its turn; the last went to application "
                + "\(cutOff.application) (queue number \(cutOff.queueNumber), \(cutOff.tier) tier, applied at "
                + "\(cutOff.submittedAt))" + policy
        }
    }
}
