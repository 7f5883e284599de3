/** The same keys as the English messages, every value a string. */
export type MessagesOf<T> = { [K in keyof T]: string };

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
