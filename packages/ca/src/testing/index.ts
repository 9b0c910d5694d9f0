// @hannun/ca/testing: a small registry with PKI material, a CA on a manual clock, and inject helpers for
// 통합인증-101…104 and the approval page. Test support only; nothing here is for production code.
export * from './ca-fixture.ts';
export * from './inject-client.ts';
