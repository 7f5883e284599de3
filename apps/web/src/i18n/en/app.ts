/** English strings of the app shell (home, join, class, forks, connection). */
export const app = {
  'app.title': 'Playroom',
  'app.language': 'Language',
} as const;
