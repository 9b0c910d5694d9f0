import { useEffect, useState } from 'react';

export interface Reason {
  readonly code: string;
  readonly ko: string;
  readonly en: string;
}

/** What the app knows of one institution right now, from the `connect` and `collect` events. */
export interface InstitutionProgress {
  readonly orgCode: string;
  readonly connect?: { readonly stage: string; readonly reason?: Reason };
  readonly collect?: {
    readonly type: string;
    readonly phase?: string;
    readonly counts?: { readonly done: number; readonly total: number; readonly assets: number; readonly rows: number };
    readonly reason?: Reason;
    readonly failedUnits?: number;
  };
}

type Progress = ReadonlyMap<string, InstitutionProgress>;

/** The person's live progress over server-sent events (`/api/progress`), per institution. */
export function useLiveProgress(): { readonly progress: Progress; readonly open: boolean } {
  const [progress, setProgress] = useState<Progress>(new Map());
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const source = new EventSource('/api/progress');
    const update = (orgCode: string, patch: Partial<InstitutionProgress>) =>
      setProgress((prev) => {
        const next = new Map(prev);
        next.set(orgCode, { ...(prev.get(orgCode) ?? { orgCode }), ...patch, orgCode });
        return next;
      });
    source.onopen = () => setOpen(true);
    source.addEventListener('connect', (e) => {
      const d = JSON.parse((e as MessageEvent<string>).data) as { orgCode?: string; stage: string; reason?: Reason };
      if (d.orgCode) update(d.orgCode, { connect: { stage: d.stage, ...(d.reason ? { reason: d.reason } : {}) } });
    });
    source.addEventListener('collect', (e) => {
      const d = JSON.parse((e as MessageEvent<string>).data) as { orgCode: string } & NonNullable<
        InstitutionProgress['collect']
      >;
      update(d.orgCode, {
        collect: {
          type: d.type,
          ...(d.phase ? { phase: d.phase } : {}),
          ...(d.counts ? { counts: d.counts } : {}),
          ...(d.reason ? { reason: d.reason } : {}),
          ...(d.failedUnits !== undefined ? { failedUnits: d.failedUnits } : {}),
        },
      });
    });
    return () => source.close();
  }, []);
  return { progress, open };
}
