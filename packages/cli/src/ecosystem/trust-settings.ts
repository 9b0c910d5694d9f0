import { type ConfigSchema, setting } from '@hannun/infra';

/** Settings of the trust layer that `hannun up` and `hannun provider` read. */
export const TRUST_SETTINGS = {
  HANNUN_INSECURE_NO_MTLS: setting.boolean({
    default: false,
    description:
      'DEVELOPMENT ONLY: serve the provider over plain HTTP without client certificates (no mutual TLS, so 40103 is never answered); logged as a loud warning at every start',
  }),
} satisfies ConfigSchema;
