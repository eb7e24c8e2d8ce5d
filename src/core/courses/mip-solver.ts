/**
 * A mixed-integer programme in the solver-neutral form the course planner builds, and the solver it is handed
 * (HiGHS in `src/solvers/highs-solver.ts`). Core stays pure: it only builds models and reads solutions.
 */
export interface MipColumn {
  lower: number;
  upper: number;
  cost: number;
  integer: boolean;
}

/** `lower ≤ Σ values[k] · x[indices[k]] ≤ upper`; ±Infinity for an open side. */
export interface MipRow {
  lower: number;
  upper: number;
  indices: number[];
  values: number[];
}

/** Always minimised. */
export interface MipModel {
  columns: MipColumn[];
  rows: MipRow[];
}

export type MipStatus = 'optimal' | 'feasible' | 'infeasible' | 'no-solution';

export interface MipSolution {
  /** `feasible`: a solution within the time limit that is not proven optimal (see `gap`). */
  status: MipStatus;
  values: readonly number[];
  objective: number;
  /** Relative gap between the solution and the best bound (0 when proven optimal); null without a solution. */
  gap: number | null;
}

export interface MipSolveOptions {
  /** Wall-clock bound: a safety net for a slow machine. A solve it stops depends on the machine's speed. */
  timeLimitSeconds: number;
  /**
   * Branch-and-bound nodes explored at most: a bound on the work that stops the same model at the same point on
   * every machine, so the same input gives the same plan. Without it, only the time limit stops the search.
   */
  nodeLimit?: number;
  /** A known feasible point (one value per column) the solver may begin from; ignored when infeasible. */
  start?: readonly number[];
}

export interface MipSolver {
  readonly name: string;
  solve(model: MipModel, options: MipSolveOptions): MipSolution;
}

/** Builds a model column by column and row by row. */
export class MipBuilder {
  readonly columns: MipColumn[] = [];
  readonly rows: MipRow[] = [];

  binary(cost = 0): number {
    this.columns.push({ lower: 0, upper: 1, cost, integer: true });
    return this.columns.length - 1;
  }

  integer(lower: number, upper: number, cost = 0): number {
    this.columns.push({ lower, upper, cost, integer: true });
    return this.columns.length - 1;
  }

  continuous(lower: number, upper: number, cost = 0): number {
    this.columns.push({ lower, upper, cost, integer: false });
    return this.columns.length - 1;
  }

  row(terms: readonly (readonly [number, number])[], lower: number, upper: number): void {
    const merged = new Map<number, number>();
    for (const [index, value] of terms) merged.set(index, (merged.get(index) ?? 0) + value);
    const entries = [...merged].filter(([, value]) => value !== 0).sort((a, b) => a[0] - b[0]);
    this.rows.push({ lower, upper, indices: entries.map(([index]) => index), values: entries.map(([, v]) => v) });
  }

  model(): MipModel {
    return { columns: this.columns, rows: this.rows };
  }
}
