// The seeded generator and the domain fixtures serve every test and benchmark that uses this module.
@_exported public import KezekDomainTestSupport
