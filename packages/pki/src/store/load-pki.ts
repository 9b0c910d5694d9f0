import { pkiLayout } from './layout.ts';
import { makePki, manifestOf, orgCredentials } from './org-credentials.ts';
import { type OrgCredentials, type Pki, PkiNotFoundError } from './pki.ts';
import { describeStored, readOrg, readRoot, storedOrgIds } from './read-store.ts';

/**
 * Read the PKI without changing anything (no lock, no writes): for a service started after `ensurePki`
 * ran, e.g. by the CLI. Throws `PkiNotFoundError` when there is no usable root; unusable organisations are
 * listed in `problems`. It does not renew: a long-running deployment calls `ensurePki` at start instead.
 */
export async function loadPki(options: { readonly dataDir: string }): Promise<Pki> {
  const layout = pkiLayout(options.dataDir);
  const root = await readRoot(layout);
  if (root.kind !== 'present') {
    throw new PkiNotFoundError(
      `no usable root CA in ${layout.dir}${root.kind === 'broken' ? ` (${root.problem})` : ''}; run ensurePki first`,
    );
  }
  const orgs = new Map<string, OrgCredentials>();
  const problems: string[] = [];
  for (const id of await storedOrgIds(layout)) {
    const { spec, tls, signing } = await readOrg(layout, id);
    if (spec.kind === 'present' && tls.kind === 'present' && signing.kind !== 'broken') {
      const signingKey = signing.kind === 'present' ? signing.value : null;
      orgs.set(id, orgCredentials(spec.value, tls.value, signingKey, root.value.certPem));
    } else {
      const why = [
        spec.kind === 'present' ? null : `org.json ${describeStored(spec)}`,
        tls.kind === 'present' ? null : `TLS pair ${describeStored(tls)}`,
        signing.kind === 'broken' ? `signing key ${describeStored(signing)}` : null,
      ];
      problems.push(`orgs/${id} is unusable: ${why.filter((w) => w !== null).join('; ')}`);
    }
  }
  return makePki(layout, root.value.certPem, orgs, manifestOf(layout, root.value.certPem, orgs.values()), [], problems);
}
