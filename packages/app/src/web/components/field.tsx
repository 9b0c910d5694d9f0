import { type InputHTMLAttributes, useId } from 'react';

/** A labelled input with its error read out with it (aria-describedby, aria-invalid). */
export function Field({
  label,
  error,
  ...input
}: { readonly label: string; readonly error?: string | undefined } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...input}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
