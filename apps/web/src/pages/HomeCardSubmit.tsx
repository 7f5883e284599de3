import { useT } from '../i18n';

interface HomeCardSubmitProps {
  /** why the last submit failed, or null */
  error: string | null;
  /** test handles: `${testId}-error` for the error, `${testId}-class` for the button */
  testId: 'start' | 'join';
  busy: boolean;
  label: string;
}

/** A home card's footer: the reason the last submit failed, then the submit button, which says it is busy while waiting. */
export function HomeCardSubmit({ error, testId, busy, label }: HomeCardSubmitProps) {
  const t = useT();
  return (
    <>
      {error && (
        <p className="form-error" role="alert" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
      <button type="submit" className="button primary" disabled={busy} data-testid={`${testId}-class`}>
        {busy ? t('app.home.busy') : label}
      </button>
    </>
  );
}
