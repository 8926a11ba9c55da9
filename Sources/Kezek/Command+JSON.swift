extension CommandEnvelope {
    /// The `apply` line for this command: `{"type": ..., "at": ..., ...fields}` with the contract's field
    /// names; `Command.decode` reads it back to an equal envelope.
    public var json: JSONValue {
        var object: JSONObject = ["type": .string(command.type.rawValue), "at": .string(at.description)]
        command.addFields(to: &object)
        return .object(object)
    }
}

extension Command {
    fileprivate func addFields(to object: inout JSONObject) {
        switch self {
        case .registerKindergarten(let payload):
            object["id"] = .string(payload.id.rawValue)
            object["name"] = .object(["kk": .string(payload.name.kazakh), "ru": .string(payload.name.russian)])
            object["locality"] = .string(payload.locality.description)
            object["languages"] = .array(payload.languages.map { .string($0.rawValue) })
            object["groupTypes"] = .array(payload.groupTypes.map { .string($0.rawValue) })
            object["capacity"] = .integer(Int64(payload.capacity))
        case .registerApplicant(let payload):
            object["iin"] = .string(payload.applicant.rawValue)
            object["phone"] = .string(payload.phone.rawValue)
        case .addChild(let payload):
            object["applicant"] = .string(payload.applicant.rawValue)
            object["child"] = .string(payload.child.rawValue)
            object["gender"] = .string(payload.gender.rawValue)
            if let nationality = payload.nationality {
                object["nationality"] = .string(nationality)
            }
        case .submitApplication(let payload):
            object["applicant"] = .string(payload.applicant.rawValue)
            object["child"] = .string(payload.child.rawValue)
            object["locality"] = .string(payload.locality.description)
            object["language"] = .string(payload.language.rawValue)
            object["groupType"] = .string(payload.groupType.rawValue)
            object["kindergartens"] = .array(payload.kindergartens.map { .string($0.rawValue) })
            if let priority = payload.priority {
                object["priority"] = priority.json
            }
            object["consent"] = .bool(true)
        case .verifyPriority(let payload):
            object["application"] = .integer(Int64(payload.application.rawValue))
            object["verdict"] = .string(payload.verdict.rawValue)
            if let reason = payload.reason {
                object["reason"] = .string(reason)
            }
        case .confirmInterest(let application), .withdrawApplication(let application):
            object["application"] = .integer(Int64(application.rawValue))
        case .publishBulletin(let payload):
            object["kindergarten"] = .string(payload.kindergarten.rawValue)
            object["birthYear"] = .integer(Int64(payload.birthYear))
            object["language"] = .string(payload.language.rawValue)
            object["groupType"] = .string(payload.groupType.rawValue)
            object["seats"] = .integer(Int64(payload.seats))
            object["opensAt"] = .string(payload.opensAt.description)
            object["closesAt"] = .string(payload.closesAt.description)
        case .applyToBulletin(let payload):
            object["application"] = .integer(Int64(payload.application.rawValue))
            object["bulletin"] = .integer(Int64(payload.bulletin.rawValue))
        case .tick:
            break
        case .confirmReferral(let referral), .refuseReferral(let referral), .registerEnrollment(let referral),
            .confirmAdmission(let referral):
            object["referral"] = .integer(Int64(referral.rawValue))
        case .extendReferral(let payload):
            object["referral"] = .integer(Int64(payload.referral.rawValue))
            object["days"] = .integer(Int64(payload.days))
        case .refreshQueue(let year):
            object["year"] = .integer(Int64(year))
        }
    }
}

extension PriorityClaim {
    /// `{"category": ..., "documents": [{"name": ..., "issuedOn": "YYYY-MM-DD"}]}`.
    public var json: JSONValue {
        .object([
            "category": .string(category.rawValue),
            "documents": .array(
                documents.map { .object(["name": .string($0.name), "issuedOn": .string($0.issuedOn.description)]) }),
        ])
    }
}
