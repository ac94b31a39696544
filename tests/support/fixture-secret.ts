// The form secret of the fixture databases: the committed forms of tests/fixtures (batch/
// ha-quang-forms, batch/two-hundred, forms/) were signed by a database holding it. A test (or a
// fixture script) that rebuilds that database — the seed or district-200.xlsx imported into an
// empty one — gives it this secret (Store.adoptFormSecret) before importing or issuing forms, so
// the forms verify as that database's own. Not the app's: every real database makes its own.
export const FIXTURE_FORM_SECRET = Buffer.from('84d8cf3b02c23de7581a7c259c35fb25d6fd41fccbb3e4eea35951d544b51dc8', 'hex');
