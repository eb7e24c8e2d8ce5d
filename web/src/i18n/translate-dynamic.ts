import type { TFunction } from 'i18next';

/** Translates a key that is only known at run time (e.g. a dashboard figure), falling back to `fallback`. */
export function translateDynamic(t: TFunction, key: string, fallback: string): string {
  return (t as unknown as (key: string, options: { defaultValue: string }) => string)(key, { defaultValue: fallback });
}
