// The one fixture builder of the integration tests: small functions that each create one thing
// (or one common arrangement of them) in the test file's own database, composed by each test.
export * from './people'
export * from './records'
export * from './casework'
