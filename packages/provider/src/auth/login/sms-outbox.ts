/** One simulated text message: the one-time code of an authorization request. */
export interface SmsMessage {
  readonly orgCode: string;
  readonly requestId: string;
  readonly phone: string;
  readonly text: string;
  readonly code: string;
  readonly sentAt: number;
}

/**
 * Where "SMS" goes: Hannun has no gateway, so the one-time codes are kept here, shown on the page in a box
 * labelled 데모 문자 (when enabled) and readable by the test hooks. Bounded: the oldest are forgotten.
 */
export interface SmsOutbox {
  send(message: SmsMessage): void;
  /** The last message sent for an authorization request. */
  latest(requestId: string): SmsMessage | undefined;
  /** The latest messages of an institution, newest first. */
  list(orgCode: string, limit?: number): SmsMessage[];
}

export function createSmsOutbox(capacity = 1000): SmsOutbox {
  const messages: SmsMessage[] = [];
  return {
    send(message) {
      messages.push(message);
      if (messages.length > capacity) messages.splice(0, messages.length - capacity);
    },
    latest(requestId) {
      for (let i = messages.length - 1; i >= 0; i--) if (messages[i]!.requestId === requestId) return messages[i];
      return undefined;
    },
    list(orgCode, limit = 20) {
      const out: SmsMessage[] = [];
      for (let i = messages.length - 1; i >= 0 && out.length < limit; i--) {
        if (messages[i]!.orgCode === orgCode) out.push(messages[i]!);
      }
      return out;
    },
  };
}
