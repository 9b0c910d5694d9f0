// The public entry of @hannun/registry: who is who in the ecosystem.
export * from './registry.ts';
export * from './create-registry.ts';
export * from './client-secret.ts';
