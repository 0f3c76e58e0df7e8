/** Types of test262-runner.mjs (plain JS so the forked workers and the CLI need no build). */
export declare const repoRoot: string;

export interface ScenarioDifference {
  file: string;
  scenario: string;
  plain: string;
  instr: string;
  plainMessage?: string;
  instrMessage?: string;
  stderr?: string;
}

export interface Test262Stats {
  files: number;
  scenarios: number;
  instrumentedScenarios: number;
  /** Scripts the instrumenter left byte-identical (no functions): not run a second time. */
  unchangedCode: number;
  passed: number;
  plainFail: number;
  differences: number;
  probedCalls: number;
  recordedCalls: number;
  scenariosWithCalls: number;
  anomalies: number;
  passThroughWarnings: number;
}

export interface Test262Report {
  transform: 'instrument' | 'identity';
  recorder: string;
  seconds: number;
  workerLogs: string[];
  stats: Test262Stats;
  differences: ScenarioDifference[];
  plainFails: { file: string; scenario: string; expected: string; plain: string }[];
  anomalies: { file: string; scenario: string; anomaly: string }[];
  passThrough: { file: string; scenario: string; warning: string }[];
}

export interface Test262Options {
  transform?: 'instrument' | 'identity';
  filter?: string;
  workers?: number;
  recycle?: number;
  recycleLeaky?: number;
  realRecorder?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export declare function extractTest262(root?: string): { tmp: string; testDir: string };
export declare function runTest262(opts?: Test262Options): Promise<Test262Report>;
