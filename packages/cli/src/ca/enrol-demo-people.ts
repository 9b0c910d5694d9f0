import type { CaControls } from '@hannun/ca';
import type { Logger } from '@hannun/infra';
import { kstDate, systemClock } from '@hannun/provider';
import type { DemoPerson } from '../ecosystem/demo-file.ts';
import { demoPeople } from '../ecosystem/demo-people.ts';

/**
 * Enrol the demo's featured people at the CA (key pair, personal certificate, hashed PIN) on first start;
 * on later starts they are already there and nothing is written. Returns them as demo.json lists them.
 */
export async function enrolDemoPeople(ca: CaControls, logger: Logger): Promise<DemoPerson[]> {
  const people = demoPeople(kstDate(systemClock.nowMs()));
  let enrolled = 0;
  for (const p of people) {
    if (await ca.person(p.ci)) continue;
    await ca.enrol({ ci: p.ci, name: p.name, phone: p.providerLogin.phone, birthDate: p.birthDate, pin: p.caPin });
    enrolled++;
  }
  if (enrolled > 0) logger.info({ enrolled }, 'demo people enrolled at the CA');
  return people.map((p) => ({
    login: null,
    password: null,
    ci: p.ci,
    name: p.name,
    role: p.role,
    caPin: p.caPin,
    providerLogin: p.providerLogin,
    institutions: p.institutions,
  }));
}
