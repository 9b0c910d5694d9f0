// The public entry of @hannun/registry: who is who in the ecosystem.
export * from './registry.ts';
export * from './create-registry.ts';
export * from './client-secret.ts';
export * from './live-registry.ts';
export * from './sync/portal-records.ts';
export * from './sync/support-client.ts';
export * from './sync/sync-registry.ts';
export * from './credential-overlay.ts';
export * from './sync/portal-statistics-client.ts';
