// @hannun/store/testing: test helpers (imports vitest; never import it from production code).
export { type DialectContext, describeEachDialect, type OpenTestStore } from './each-dialect.ts';
export { DEFAULT_TEST_PG_URL, testPgUrl } from './pg-test-url.ts';
