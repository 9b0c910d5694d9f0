/** The standard requires TLS 1.3 between all participants; 1.2 is refused, not tolerated. */
export const TLS_VERSION = 'TLSv1.3' as const;
