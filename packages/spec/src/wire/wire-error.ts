import { RSP_CODES, type RspCode } from '../rsp-codes.ts';

/** Which rule a wire value broke. */
export type WireRule =
  | 'required' // absent or empty
  | 'type' // not a JSON string (or, leniently, number/boolean) where one was expected
  | 'format' // wrong characters for its data type
  | 'length' // longer than its maximum (AH counts UTF-8 bytes)
  | 'range' // a date that does not exist, digits past F(p,s)
  | 'enum' // not one of the allowed codes
  | 'count' // xxx_cnt disagrees with the length of xxx_list
  | 'unknown' // a field the API does not define (when unknown fields are rejected)
  | 'rule'; // a cross-field rule (from/to order, period limits)

export type WireLocation = 'header' | 'query' | 'body' | 'path' | 'form' | 'response';

/**
 * A precise, typed error for bad wire input: which field, which rule, which rsp_code (40002 for headers,
 * 40001 otherwise), and a message a person can act on in Korean and English.
 */
export class WireError extends Error {
  override readonly name = 'WireError';
  readonly field: string;
  readonly rule: WireRule;
  readonly location: WireLocation;
  readonly rspCode: RspCode;
  readonly messageKo: string;

  constructor(args: {
    field: string;
    rule: WireRule;
    location: WireLocation;
    en: string;
    ko: string;
    rspCode?: RspCode;
  }) {
    super(`${args.location} field '${args.field}': ${args.en}`);
    this.field = args.field;
    this.rule = args.rule;
    this.location = args.location;
    this.rspCode = args.rspCode ?? (args.location === 'header' ? '40002' : '40001');
    this.messageKo = `${args.field}: ${args.ko}`;
  }

  /** The standard's envelope for this error: rsp_code and rsp_msg (Korean message plus the field). */
  toEnvelope(): { rsp_code: RspCode; rsp_msg: string } {
    return { rsp_code: this.rspCode, rsp_msg: `${RSP_CODES[this.rspCode].ko} - ${this.messageKo}` };
  }
}
