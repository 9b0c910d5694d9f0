// `@hannun/operator/testing`: the operator's in-process test app and the people it is tested with, for suites
// outside the package (the security suite in packages/cli).
export { personWithCard } from '../../analysis/testing/analysis-fixtures.ts';
export { bankDraft, signUpInput } from '../../testing/operator-test-kit.ts';
export * from './app-kit.ts';
