export type ImportProblem = {
  file: string;
  /** Which feature: its index in the file and whatever names it (id, name). */
  feature?: string;
  message: string;
};

/** An import that cannot go on. Nothing was written: the previous data is intact. */
export class ImportError extends Error {
  constructor(
    readonly problems: ImportProblem[],
    summary = 'Import stopped; the previous data is unchanged.',
  ) {
    super(`${summary}\n${problems.map(formatProblem).join('\n')}`);
  }
}

export function formatProblem(p: ImportProblem): string {
  return `  - ${p.file}${p.feature ? `, ${p.feature}` : ''}: ${p.message}`;
}
