/**
 * The life of one consent version:
 *
 *   pending ──activate──▶ active ──supersede──▶ superseded   (a change or extension became active)
 *      │                    ├──withdraw──▶ withdrawn          (철회, or the person left)
 *      │                    └──expire────▶ expired            (past its end date)
 *      └──withdraw / abandon──▶ withdrawn                    (never signed, or replaced by a newer proposal)
 *
 * superseded, withdrawn and expired are final. Per person and provider at most one version is active and
 * at most one pending (the database enforces both with partial unique indexes).
 */
export const CONSENT_STATUSES = ['pending', 'active', 'superseded', 'withdrawn', 'expired'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export type ConsentEvent = 'activate' | 'supersede' | 'withdraw' | 'abandon' | 'expire';

const TRANSITIONS: Record<ConsentStatus, Partial<Record<ConsentEvent, ConsentStatus>>> = {
  pending: { activate: 'active', withdraw: 'withdrawn', abandon: 'withdrawn' },
  active: { supersede: 'superseded', withdraw: 'withdrawn', expire: 'expired' },
  superseded: {},
  withdrawn: {},
  expired: {},
};

/** The status after `event`, or undefined when the event is not allowed from `status`. */
export function nextStatus(status: ConsentStatus, event: ConsentEvent): ConsentStatus | undefined {
  return TRANSITIONS[status][event];
}

export function isFinal(status: ConsentStatus): boolean {
  return Object.keys(TRANSITIONS[status]).length === 0;
}

export function isConsentStatus(s: string): s is ConsentStatus {
  return (CONSENT_STATUSES as readonly string[]).includes(s);
}

/** Why a version ended, kept with it. */
export type EndReason = 'changed' | 'extended' | 'withdrawn' | 'abandoned' | 'expired' | 'inactive';
