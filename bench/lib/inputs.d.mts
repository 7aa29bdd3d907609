/** Types of inputs.mjs, for the tests that use its generated answers files. */
export interface Section {
  id: string;
  when?: string;
  statements: string[];
}
export function loadSections(root: string): Section[];
export function makeAnswers(i: number, sections: Section[]): Record<string, unknown>;
export function answersText(i: number, sections: Section[]): string;
export function writeAnswersFiles(dir: string, count: number, root: string): string[];
