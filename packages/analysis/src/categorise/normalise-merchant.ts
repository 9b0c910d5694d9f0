/**
 * Merchant names as statements write them → one comparable form: payment-gateway prefixes
 * (`카카오페이_`, `NHN KCP*`, `KG이니시스 `), the legal form ((주), 주식회사, ㈜, (유)), branch suffixes
 * (`강남역점`, `2호점`, `역삼1호점`, a trailing `점`), 주유소 station names, card-statement noise (`*`, numbers
 * of terminals) and spacing and case are removed. "스타벅스 강남역점" and "(주)스타벅스코리아" are not
 * made equal here (that is the dictionary's alias work), but "카카오페이_스타벅스 강남역점" and
 * "스타벅스 강남역점" are.
 */
const GATEWAY =
  /^(?:[가-힣A-Za-z0-9]{1,10}페이[_\s*]+|(?:NHN\s*KCP|KCP|KG\s*이니시스|이니시스|토스페이먼츠|나이스페이|NICEPAY|다날|KSNET|PAYCO|PG)[_\s*]+)/i;
const LEGAL = /\(주\)|㈜|\(유\)|\(재\)|\(사\)|주식회사|유한회사|\bCO\.,?\s*LTD\.?|\bINC\.?$|\bLTD\.?$/gi;
/** A trailing branch: "강남역점", "2호점", "역삼1호점", "본점", "직영점", "강남 점". */
const BRANCH = /\s+[가-힣A-Za-z0-9·]{1,12}(?:점|지점|센터)$/;
const BRANCH_GLUED = /(?:[0-9]+호점|본점|직영점)$/;
const STATION = /\s+[가-힣A-Za-z0-9]{1,12}주유소$/;

export function normaliseMerchant(raw: string): string {
  let s = raw.normalize('NFC').trim();
  for (let i = 0; i < 2; i++) s = s.replace(GATEWAY, '');
  s = s.replace(LEGAL, ' ');
  s = s.replace(/[*#]+/g, ' ').replace(/\s+/g, ' ').trim();
  s = s.replace(/\s+[0-9]{3,}$/, '');
  if (STATION.test(s)) s = s.replace(STATION, '');
  else if (BRANCH.test(s)) s = s.replace(BRANCH, '');
  s = s.replace(BRANCH_GLUED, '');
  return s.replace(/\s+/g, '').toLowerCase();
}

/** The gateway a name came through, when it names one (카카오페이_…): the payment method, not the merchant. */
export function gatewayOf(raw: string): string | null {
  const m = GATEWAY.exec(raw.trim());
  return m ? m[0].replace(/[_\s*]+$/, '') : null;
}
