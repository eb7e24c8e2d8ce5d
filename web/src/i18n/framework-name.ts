import { pickName } from './pick-name.js';

export interface FrameworkNaming {
  frameworkTitleZh: string;
  frameworkTitleEn: string;
  frameworkLabel: string;
}

/** A framework version as people know it: its title in the UI language and its version label, never its key. */
export function frameworkName(framework: FrameworkNaming, language: string): string {
  const title = pickName(framework.frameworkTitleZh, framework.frameworkTitleEn, language);
  return framework.frameworkLabel ? `${title} ${framework.frameworkLabel}` : title;
}
