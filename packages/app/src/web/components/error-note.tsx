import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api.ts';

/** A refused call in the person's words, announced to screen readers. */
export function ErrorNote({ error, onRetry }: { readonly error: unknown; readonly onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const text = error instanceof ApiError ? error.text(i18n.language) : t('common.error');
  return (
    <div className="note error" role="alert">
      <p>{text}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}

/** The message of an error for a form field's description. */
export function errorText(error: unknown, lang: string): string | undefined {
  if (!error) return undefined;
  return error instanceof ApiError ? error.text(lang) : String(error);
}
