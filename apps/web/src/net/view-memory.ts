/*
 * Which fork a tab was showing, per class, in sessionStorage: a refresh comes
 * back to the same fork, while a new tab starts on the class session.
 */

const PREFIX = 'playroom.view.';

/** Remembers the fork shown in this tab (null: the class session). */
export function rememberShownFork(code: string, forkId: string | null): void {
  try {
    if (forkId) sessionStorage.setItem(PREFIX + code, forkId);
    else sessionStorage.removeItem(PREFIX + code);
  } catch {
    // storage disabled (private mode): a refresh simply starts on the class session
  }
}

/** The fork this tab showed before a refresh, if any. */
export function shownForkBefore(code: string): string | null {
  try {
    return sessionStorage.getItem(PREFIX + code);
  } catch {
    return null;
  }
}
