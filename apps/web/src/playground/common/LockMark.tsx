import { useT } from '../../i18n';
import { LockIcon } from './icons';
import { InfoTip } from './InfoTip';

/** The padlock beside a control the teacher locked for the lesson; hover, focus or a tap says so, also on a phone. */
export function LockMark() {
  const t = useT();
  return <InfoTip text={t('pg.lesson.locked')} mark={<LockIcon />} className="pg-lock" testId="lock-mark" />;
}
