import { setting } from '@hannun/infra';
import { OPERATOR_KEY_SETTINGS } from '@hannun/operator';
import { STORE_SETTINGS } from '@hannun/store';
import { TRUST_SETTINGS } from '../ecosystem/trust-settings.ts';
import { REGISTRY_SYNC_SETTINGS } from '../portal/portal-settings.ts';

/** Settings of the operator in `hannun up` (besides PORT, its app API). */
export const OPERATOR_SETTINGS = {
  ...TRUST_SETTINGS,
  ...STORE_SETTINGS,
  ...REGISTRY_SYNC_SETTINGS,
  ...OPERATOR_KEY_SETTINGS,
  OPERATOR_SUPPORT_PORT: setting.port({
    default: 4300,
    description: "Port of the operator's support APIs for the portal (지원-101, 103, 104; mutual TLS 1.3 on HOST)",
  }),
  OPERATOR_SECURE_COOKIES: setting.boolean({
    default: false,
    description:
      'Mark the app’s cookies Secure (set it when the app is reached over https, e.g. behind a TLS proxy; the demo is plain http on loopback)',
  }),
  OPERATOR_DEMO: setting.boolean({
    default: true,
    description:
      'On first start, sign the demo people up and connect the first to every institution holding their products (the CA approval is given programmatically with their PIN: demo only)',
  }),
};
