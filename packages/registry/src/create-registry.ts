import type { Registry, RegistrySnapshot } from './registry.ts';

/**
 * Indexes a snapshot. Duplicate org_codes, serials, client_ids or ca_codes are refused: the registry is the root
 * of trust. An organisation without a certificate of its own (serialNum '', e.g. a relayed provider) is not
 * found by serial.
 */
export function createRegistry(snapshot: RegistrySnapshot): Registry {
  const byCode = new Map(snapshot.orgs.map((o) => [o.orgCode, o]));
  const withSerial = snapshot.orgs.filter((o) => o.serialNum !== '');
  const bySerial = new Map(withSerial.map((o) => [o.serialNum, o]));
  const byCa = new Map(snapshot.orgs.flatMap((o) => (o.caCode ? [[o.caCode, o] as const] : [])));
  const byClient = new Map(snapshot.services.map((s) => [s.clientId, s]));
  const byOrgClient = new Map(
    snapshot.orgs.flatMap((o) => (o.credentials ? [[o.credentials.clientId, o] as const] : [])),
  );
  const caCount = snapshot.orgs.filter((o) => o.caCode).length;
  const dup = (what: string, unique: number, all: number) => {
    if (unique !== all) throw new Error(`registry: ${all - unique} duplicate ${what}`);
  };
  dup('org_code', byCode.size, snapshot.orgs.length);
  dup('serial_num', bySerial.size, withSerial.length);
  dup('ca_code', byCa.size, caCount);
  dup('client_id', byClient.size, snapshot.services.length);
  for (const s of snapshot.services) {
    if (!byCode.has(s.orgCode)) throw new Error(`registry: service ${s.clientId} belongs to unknown org ${s.orgCode}`);
    if (s.redirectUris.length > 4) throw new Error(`registry: service ${s.clientId} has more than 4 redirect URIs`);
  }
  return {
    snapshot,
    org: (code) => byCode.get(code),
    orgBySerial: (serial) => bySerial.get(serial),
    service: (clientId) => byClient.get(clientId),
    caByCode: (caCode) => byCa.get(caCode),
    orgByClientId: (clientId) => byOrgClient.get(clientId),
  };
}
