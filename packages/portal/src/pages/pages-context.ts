import type { FastifyRequest, Logger } from '@hannun/infra';
import type { AdminAccounts } from '../admins/admin-accounts.ts';
import type { RegistryAdmin } from '../registry/registry-admin.ts';
import type { ResendOutcome, ResendRequest } from '../statistics/ask-resend.ts';
import type { RegistryClock, RegistryRepository } from '../store/registry-repository.ts';
import type { StatisticsRepository } from '../store/statistics-repository.ts';
import type { StatusRepository } from '../store/status-repository.ts';
import type { AdminSession, AdminSessions } from './session/admin-sessions.ts';
import type { LoginThrottle } from './session/login-throttle.ts';

/** What the admin pages work with. */
export interface PagesContext {
  readonly admin: RegistryAdmin;
  readonly registry: RegistryRepository;
  readonly statuses: StatusRepository;
  readonly statistics: StatisticsRepository;
  readonly sessions: AdminSessions;
  readonly throttle: LoginThrottle;
  /** The admin token: what the login form asks for (scripts, first set-up). */
  readonly adminToken: string;
  /** Administrator accounts (login name + password); without them, the token only. */
  readonly accounts?: AdminAccounts;
  /** 지원-104: ask an organisation to send a week's statistics again (absent: no resend form). */
  readonly resend: ((request: ResendRequest) => Promise<ResendOutcome>) | undefined;
  readonly clock: RegistryClock;
  readonly logger: Logger;
  /** Called after every registry change. */
  readonly onChange?: () => void;
}

const SESSIONS = new WeakMap<FastifyRequest, AdminSession>();

/** The session the guard found for this request (every /admin route has one). */
export function sessionOf(request: FastifyRequest): AdminSession {
  const session = SESSIONS.get(request);
  if (!session) throw new Error('admin page without a session: the guard did not run');
  return session;
}

export function attachSession(request: FastifyRequest, session: AdminSession): void {
  SESSIONS.set(request, session);
}
