const SERIAL_LENGTH = 14;
const PREFIX = /^[A-Z0-9]{1,6}$/;
const ORG_CODE = /^[A-Z0-9]{10}$/;

/**
 * Distinct `x-api-tran-id`s for a load run, cheaper than random ones: org_code, `M`, then a prefix (pick a
 * random one per run, so two runs against one server never meet) and a base-36 counter filling the 14
 * characters (from `first`). A provider refuses a tran id seen before the same day (40002), so every request needs its own.
 */
export function tranIdSequence(orgCode: string, prefix: string, first = 0): () => string {
  if (!ORG_CODE.test(orgCode)) throw new RangeError(`org_code must be 10 upper-case letters or digits: ${orgCode}`);
  if (!PREFIX.test(prefix)) throw new RangeError(`the prefix must be 1 to 6 upper-case letters or digits: ${prefix}`);
  const head = `${orgCode}M${prefix}`;
  const width = SERIAL_LENGTH - prefix.length;
  const max = 36 ** width;
  let n = first;
  return () => {
    if (n >= max) throw new RangeError('tran id sequence exhausted');
    return head + (n++).toString(36).toUpperCase().padStart(width, '0');
  };
}

/** A random prefix of `length` base-36 characters. */
export function randomPrefix(length = 4, random: () => number = Math.random): string {
  let out = '';
  for (let i = 0; i < length; i++) out += Math.floor(random() * 36).toString(36);
  return out.toUpperCase();
}
