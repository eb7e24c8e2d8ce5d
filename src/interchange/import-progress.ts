/** Progress of a long import, reported per phase (e.g. `skills`, `relations`); the CLI draws it as a bar. */
export interface ImportProgressEvent {
  phase: string;
  done: number;
  total: number;
}
export type ImportProgress = (event: ImportProgressEvent) => void;

export const noProgress: ImportProgress = () => {};
