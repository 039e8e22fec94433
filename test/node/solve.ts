/** Solving self-hosted captcha puzzles in Node, as the widget does: for tests and the soak script. */
import { solutionMeetsDifficulty } from '../../src/server/puzzle.js';

/** The puzzle bytes of a puzzle string `signature.base64`. */
export const puzzleBytes = (puzzle: string) => new Uint8Array(Buffer.from(puzzle.split('.')[1] ?? '', 'base64'));

/**
 * Solves a puzzle the way the widget does and answers its solution string
 * `signature.puzzle.solutions.diagnostics`: solution i is i and a counter, so all differ.
 */
export function solve(puzzle: string): string {
  const bytes = puzzleBytes(puzzle);
  const count = bytes[14] ?? 0;
  const difficulty = bytes[15] ?? 0;
  const solutions = new Uint8Array(count * 8);
  for (let i = 0; i < count; i++) {
    const solution = solutions.subarray(i * 8, i * 8 + 8);
    const view = new DataView(solution.buffer, solution.byteOffset, 8);
    view.setUint32(0, i);
    for (let n = 0; !solutionMeetsDifficulty(bytes, solution, difficulty); n++) view.setUint32(4, n);
  }
  const diagnostics = Buffer.alloc(3).toString('base64');
  return `${puzzle}.${Buffer.from(solutions).toString('base64')}.${diagnostics}`;
}
