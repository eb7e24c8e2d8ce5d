import type { Highs } from 'highs';
import type { MipModel, MipSolution, MipSolveOptions, MipSolver } from '../core/courses/mip-solver.js';

/**
 * Imported on first use, so commands that never plan (serve, import, ...) do not parse the solver at start-up.
 * The package is CommonJS to TypeScript and ESM at run time; both namespaces carry the loader as `default`.
 */
async function loadHighs(): Promise<Highs> {
  const module = (await import('highs')) as unknown as { default: () => Promise<Highs> };
  return module.default();
}

let loading: Promise<Highs> | undefined;

/**
 * HiGHS (compiled to WebAssembly, MIT) behind the core's `MipSolver`: the structured sparse model API (CSR), one
 * model per solve, disposed afterwards. The runtime loads once per process.
 */
export async function loadHighsSolver(): Promise<MipSolver> {
  loading ??= loadHighs();
  const highs = await loading;
  return { name: `HiGHS ${highs.version.string}`, solve: (model, options) => solve(highs, model, options) };
}

function solve(highs: Highs, model: MipModel, options: MipSolveOptions): MipSolution {
  const infinity = highs.infinity;
  const bound = (value: number) => (value === Infinity ? infinity : value === -Infinity ? -infinity : value);
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of model.rows) {
    indices.push(...row.indices);
    values.push(...row.values);
    starts.push(indices.length);
  }
  const data = {
    numCols: model.columns.length,
    numRows: model.rows.length,
    colCost: model.columns.map((column) => column.cost),
    colLower: model.columns.map((column) => bound(column.lower)),
    colUpper: model.columns.map((column) => bound(column.upper)),
    rowLower: model.rows.map((row) => bound(row.lower)),
    rowUpper: model.rows.map((row) => bound(row.upper)),
    matrix: {
      format: 'csr' as const,
      numRows: model.rows.length,
      numCols: model.columns.length,
      starts,
      indices,
      values,
    },
    integrality: model.columns.map((column) =>
      column.integer ? highs.constants.variableType.integer : highs.constants.variableType.continuous,
    ),
  };
  return highs.withModel(data, (instance): MipSolution => {
    // HiGHS is deterministic (one thread here, fixed random seed) until the time limit cuts a search short; the node
    // limit stops it at the same node on any machine.
    instance.options.set({
      output_flag: false,
      time_limit: options.timeLimitSeconds,
      mip_rel_gap: 1e-6,
      ...(options.nodeLimit !== undefined ? { mip_max_nodes: options.nodeLimit } : {}),
    });
    if (options.start && options.start.length === model.columns.length)
      instance.setSolution({ colValue: [...options.start] });
    instance.run();
    const status = instance.getModelStatus();
    const codes = highs.constants.modelStatus;
    if (status === codes.infeasible) return { status: 'infeasible' as const, values: [], objective: NaN, gap: null };
    const hasSolution = Number(instance.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
    if (!hasSolution) return { status: 'no-solution' as const, values: [], objective: NaN, gap: null };
    const gap = Number(instance.info.get('mip_gap'));
    return {
      status: status === codes.optimal ? ('optimal' as const) : ('feasible' as const),
      values: Array.from(instance.getSolution().colValue),
      objective: instance.getObjectiveValue(),
      gap: Number.isFinite(gap) ? Math.max(0, gap) : null,
    };
  });
}
