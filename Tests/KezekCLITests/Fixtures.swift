/// Command files for the end-to-end tests.
enum Fixtures {
    /// A kindergarten, a family with three children, three applications (two in one queue, one of them
    /// with a priority claim), a malformed line, a bulletin, an allocation, a confirmed referral and an
    /// unknown command: 15 lines.
    static let cycle = """
        {"type":"registerKindergarten","at":"2026-06-18T08:00:00+05:00","id":"kg-1","name":{"kk":"Балапан","ru":"Балапан"},"locality":"751110000","languages":["kk","ru"],"groupTypes":["general"],"capacity":30}
        {"type":"registerApplicant","at":"2026-06-18T08:10:00+05:00","iin":"850612304561","phone":"+7 701 123 45 67"}
        {"type":"addChild","at":"2026-06-18T08:20:00+05:00","applicant":"850612304561","child":"230704601230","gender":"female"}
        {"type":"addChild","at":"2026-06-18T08:21:00+05:00","applicant":"850612304561","child":"210315500019","gender":"male"}
        {"type":"addChild","at":"2026-06-18T08:22:00+05:00","applicant":"850612304561","child":"210315501807","gender":"male"}
        {"type":"submitApplication","at":"2026-06-18T08:33:20+05:00","applicant":"850612304561","child":"230704601230","locality":"751110000","language":"kk","groupType":"general","kindergartens":["kg-1"],"consent":true}
        this is not JSON
        {"type":"submitApplication","at":"2026-06-18T09:00:00+05:00","applicant":"850612304561","child":"210315500019","locality":"751110000","language":"kk","groupType":"general","consent":true}
        {"type":"submitApplication","at":"2026-06-18T09:30:00+05:00","applicant":"850612304561","child":"210315501807","locality":"751110000","language":"kk","groupType":"general","priority":{"category":"largeFamily","documents":[{"name":"certificate","issuedOn":"2026-06-10"}]},"consent":true}
        {"type":"verifyPriority","at":"2026-06-18T10:00:00+05:00","application":3,"verdict":"confirmed","reason":"audit-marker-7f3a9c"}
        {"type":"publishBulletin","at":"2026-06-19T09:00:00+05:00","kindergarten":"kg-1","birthYear":2023,"language":"kk","groupType":"general","seats":1,"opensAt":"2026-06-19T09:00:00+05:00","closesAt":"2026-06-20T09:00:00+05:00"}
        {"type":"applyToBulletin","at":"2026-06-19T10:00:00+05:00","application":1,"bulletin":1}
        {"type":"tick","at":"2026-06-20T09:00:00+05:00"}
        {"type":"confirmReferral","at":"2026-06-20T10:00:00+05:00","referral":1}
        {"type":"frobnicate","at":"2026-06-20T11:00:00+05:00"}
        """

    /// The marker in the priority verification's reason: it is stored only in the log's record.
    static let auditMarker = "audit-marker-7f3a9c"

    /// A person registry that knows the parent and one child only.
    static let registry = """
        {"iin":"850612304561","surname":"Ахметова","name":"Айгерим","birthDate":"1985-06-12"}
        {"iin":"230704601230","surname":"Ахметова","name":"Дана","birthDate":"2023-07-04"}
        """
}
