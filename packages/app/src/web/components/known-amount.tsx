import type { Known } from '@hannun/analysis';
import { useTranslation } from 'react-i18next';
import { formatWon } from '../format.ts';

/** A Known amount: the won, or "unknown" with its reason (never zero). */
export function KnownAmount({ value, lang }: { readonly value: Known<number>; readonly lang: 'ko' | 'en' }) {
  const { t } = useTranslation();
  if (value.known) return <>{formatWon(value.value, lang)}</>;
  return (
    <span className="unknown">
      {t('dashboard.unknown')} <small>({value.reason[lang]})</small>
    </span>
  );
}
