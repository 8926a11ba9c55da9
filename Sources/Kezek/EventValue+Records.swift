// The records that events nest: binary fields in order, JSON objects with the contract's names.

extension QueueKey: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("locality", locality)
        fields.write("birthYear", birthYear)
        fields.write("language", language)
        fields.write("groupType", groupType)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(
            locality: try fields.read("locality"), birthYear: try fields.read("birthYear"),
            language: try fields.read("language"), groupType: try fields.read("groupType"))
    }
}

extension KindergartenName: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("kk", kazakh)
        fields.write("ru", russian)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(kazakh: try fields.read("kk"), russian: try fields.read("ru"))
    }
}

extension SupportingDocument: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("name", name)
        fields.write("issuedOn", issuedOn)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(name: try fields.read("name"), issuedOn: try fields.read("issuedOn"))
    }
}

extension PriorityClaim: EventRecord {
    func writeFields(to fields: inout some EventFieldWriter) {
        fields.write("category", category)
        fields.write("documents", documents)
    }

    init(fields: inout some EventFieldReader, version: UInt16) throws(EventDecodingError) {
        self.init(category: try fields.read("category"), documents: try fields.read("documents"))
    }
}
