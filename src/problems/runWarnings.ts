import type { Problem } from './problem';

/** A warning as the run's output says it: where, what, and the fix; no severity word (the CLI adds "Warning:"). */
const warningText = (p: Problem, file: string): string =>
  `${file}${p.field ? ` [${p.field}]` : ''}: ${p.message}\n    Fix: ${p.fix}`;

/**
 * The warnings of one run, each said once with the orgs it applies to: "View Event Log Object Data
 * is left out" for three orgs is one line naming the three, not three lines. An org's problem names
 * its org in front of its file (`prod: force-app/…`, see preflight); that prefix is what is grouped.
 */
export class RunWarnings {
  private readonly byText = new Map<string, string[]>();

  /** `org` is the label the problem's file starts with, for a problem found in one org. */
  public add(problem: Problem, org?: string): void {
    const prefix = org === undefined ? '' : `${org}: `;
    const file = prefix && problem.file.startsWith(prefix) ? problem.file.slice(prefix.length) : problem.file;
    const text = warningText(problem, file);
    const orgs = this.byText.get(text) ?? [];
    if (org !== undefined && !orgs.includes(org)) orgs.push(org);
    this.byText.set(text, orgs);
  }

  /**
   * Every warning once, in the order first made; an org warning starts with its orgs, in `order`
   * (the order the user gave them) rather than the order they finished, so the same run reads the same.
   */
  public list(order: string[] = []): string[] {
    const rank = (org: string): number => (order.includes(org) ? order.indexOf(org) : order.length);
    return [...this.byText].map(([text, orgs]) =>
      orgs.length ? `${[...orgs].sort((a, b) => rank(a) - rank(b)).join(', ')}: ${text}` : text
    );
  }
}
