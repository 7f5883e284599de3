import type { RosterEntry } from '@playroom/protocol';
import { useT, type MessageKey, type Translate } from '../i18n';
import { useAppStore } from '../store/app-store';

/** The words of an alias (NAMES-4): 11 colours × 20 animals, coprime, so aliases 0…219 are 220 different pairs. */
export const ALIAS_COLORS = 11;
export const ALIAS_ANIMALS = 20;

/** An alias as words in the reader's language: "Blue Otter" / "蓝色水獭", then "Blue Otter 2" past 220. */
export function aliasText(t: Translate, alias: number): string {
  const color = t(`names.color.${alias % ALIAS_COLORS}` as MessageKey);
  const animal = t(`names.animal.${alias % ALIAS_ANIMALS}` as MessageKey);
  const round = Math.floor(alias / (ALIAS_COLORS * ALIAS_ANIMALS));
  return round === 0 ? t('names.alias', { color, animal }) : t('names.alias.n', { color, animal, n: round + 1 });
}

/** Who a name belongs to, as the roster and the spotlight owner say it. */
export type NamedParticipant = Pick<RosterEntry, 'name' | 'role' | 'alias'>;

/**
 * The name the class sees (NAMES-2): a student's alias while names are
 * hidden, else their name; the teacher's name is never hidden. For what the
 * class sees only: the teacher's dashboard shows real names.
 */
export function classFacingName(t: Translate, who: NamedParticipant, namesHidden: boolean): string {
  return namesHidden && who.role === 'student' ? aliasText(t, who.alias) : who.name;
}

/** `classFacingName` of a participant of this class by id, or `fallback` (a state's ownerName) when the roster does not hold them. */
export function useClassFacingName(participantId: string | null | undefined, fallback: string): string {
  const t = useT();
  const entry = useAppStore((s) => s.roster.find((r) => r.participantId === participantId));
  const hidden = useAppStore((s) => s.classStatus.namesHidden);
  return entry ? classFacingName(t, entry, hidden) : fallback;
}
