import type { ShareLinkNote, ShareLinkProblem } from '@playroom/protocol';
import { useT, type MessageKey, type Translate } from '../../i18n';
import { configErrorText } from '../../playground/configErrorText';
import './share-link.css';

const NOTE_TEXT: Record<ShareLinkProblem, MessageKey> = {
  unknownKey: 'app.share.note.unknownKey',
  badValue: 'app.share.note.badValue',
  pointsLeftOut: 'app.share.note.pointsLeftOut',
  unreadable: 'app.share.note.unreadable',
};

/** One part of a link that was not used, in the reader's language, as a sentence: a refused config field says its range, as a refused edit does. */
export function shareNoteText(t: Translate, note: ShareLinkNote): string {
  const known = note.problem === 'badValue' ? configErrorText(t, note.field) : null;
  return known ?? t(NOTE_TEXT[note.problem], { field: note.field });
}

/** The line that says what of the link practice mode was opened with was not used; dismissible. */
export function ShareLinkNotes({ notes, onDismiss }: { notes: ShareLinkNote[]; onDismiss: () => void }) {
  const t = useT();
  if (notes.length === 0) return null;
  const unreadable = notes.some((note) => note.problem === 'unreadable');
  return (
    <div className="share-notes" role="status" data-testid="share-notes" data-fields={notes.map((note) => note.field).join(' ')}>
      <span>
        {unreadable
          ? t('app.share.note.unreadable')
          : `${t('app.share.notes')} ${notes.map((note) => shareNoteText(t, note)).join(' ')}`}
      </span>
      <button type="button" className="button small quiet" data-testid="share-notes-dismiss" onClick={onDismiss}>
        {t('app.share.dismiss')}
      </button>
    </div>
  );
}
