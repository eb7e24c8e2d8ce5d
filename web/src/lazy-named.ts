import { lazy, type ComponentType } from 'react';

/** `React.lazy` for a module with named exports only (the house style has no default exports). */
export function lazyNamed<Name extends string, Props extends object>(
  load: () => Promise<Record<Name, ComponentType<Props>>>,
  name: Name,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}
