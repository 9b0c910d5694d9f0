import type { FieldDef } from '../schema/shape.ts';

/**
 * Guarantee-insurance fields (보증보험-001…003). The notes give only names that insurance (보험) already
 * defines with the same meaning (insu_num, insu_type, insu_status, face_amt, insured_name, pay_due, pay_amt,
 * paid_amt), so they come from fields/insu.ts; none is redefined here. Note that guarantee insurers use their
 * own `insu_type` codes (이행보증, 신원보증, 전세금보장 …), which is why insu_type enforces no values.
 */
export const GINSU_FIELDS = {} as const satisfies Record<string, FieldDef>;
