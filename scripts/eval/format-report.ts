/**
 * The evaluation as text for a terminal: a table per page set, then every false positive and false
 * negative in its context, grouped by page, so a wrong rule shows as a run of similar lines.
 */
import type { Evaluation, PageResult, Score } from './evaluate-pages';
import { COMPANIES } from './read-page';
import type { Finding } from './score-page';

/** Lays out rows as columns, the first left-aligned and the others right-aligned. */
function table(rows: readonly (readonly string[])[], indent = '  '): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  const cell = (text: string, column: number) =>
    column === 0 ? text.padEnd(widths[column] ?? 0) : text.padStart(widths[column] ?? 0);
  return rows.map((row) => indent + row.map(cell).join('  ')).join('\n');
}

const percent = (value: number | null) => (value === null ? '-' : (value * 100).toFixed(1) + '%');

/** Precision and recall per company, one table per page set. */
export function formatTotals(evaluation: Evaluation): string {
  return Object.entries(evaluation.totals)
    .map(([set, byCompany]) => {
      const pages = evaluation.pages.filter((p) => p.page.startsWith(`${set}/`));
      const candidates = pages.reduce((sum, p) => sum + p.candidates, 0);
      const rows = [['company', 'TP', 'FP', 'FN', 'precision', 'recall']];
      for (const company of COMPANIES) rows.push(scoreRow(company, byCompany[company]));
      return `${set}: ${pages.length} pages, ${candidates} candidates\n${table(rows)}`;
    })
    .join('\n\n');
}

const scoreRow = (name: string, s: Score) => [
  name,
  String(s.tp),
  String(s.fp),
  String(s.fn),
  percent(s.precision),
  percent(s.recall),
];

/** TP/FP/FN of each company on each page that has any. */
function formatPages(pages: readonly PageResult[]): string {
  const rows = [['page', 'candidates', ...COMPANIES.map((c) => `${c} TP/FP/FN`)]];
  for (const page of pages) {
    const counts = COMPANIES.map((c) => page.counts[c]);
    if (page.candidates === 0 && counts.every((c) => c.fp === 0)) continue;
    rows.push([page.page, String(page.candidates), ...counts.map((c) => `${c.tp}/${c.fp}/${c.fn}`)]);
  }
  return table(rows);
}

/** Every false positive and false negative, grouped by page, each in its context and with its label. */
function formatFindings(title: string, findings: readonly Finding[]): string {
  if (findings.length === 0) return `${title}: none`;
  const lines = [`${title} (${findings.length}):`];
  let page = '';
  for (const finding of findings) {
    if (finding.page !== page) lines.push(`  ${(page = finding.page)}`);
    const where = finding.where ? ` [in ${finding.where}]` : '';
    lines.push(`    ${finding.entity.padEnd(9)} ${finding.context}`, `              ${finding.label}${where}`);
  }
  return lines.join('\n');
}

/** The whole report: tables, findings, and the notes a labeller should look at. */
export function formatReport(evaluation: Evaluation, options: { byPage?: boolean } = {}): string {
  const { pages } = evaluation;
  const sections = [formatTotals(evaluation)];
  if (options.byPage) sections.push(`By page:\n${formatPages(pages)}`);
  sections.push(
    formatFindings(
      'False positives',
      pages.flatMap((p) => p.falsePositives),
    ),
  );
  sections.push(
    formatFindings(
      'False negatives',
      pages.flatMap((p) => p.falseNegatives),
    ),
  );
  const spans = pages.flatMap((p) => p.spanNotes);
  if (spans.length > 0) {
    sections.push(
      [
        `Right start, other end (${spans.length}; counted as found):`,
        ...spans.map(
          (s) =>
            `  ${s.page}  ${s.entity}: highlighted ${JSON.stringify(s.detected)}, labelled ${JSON.stringify(s.labelled)}`,
        ),
      ].join('\n'),
    );
  }
  const notes = pages.flatMap((p) => [
    ...(p.unpainted > 0
      ? [`${p.page}: ${p.unpainted} names found but not painted (text not rendered, or the paint budget)`]
      : []),
    ...p.unmapped.map((u) => `${p.page}: a highlight outside the body text, ${u}`),
    ...p.drifted.map((d) => `${p.page}: label context drifted; now ${d.now}`),
  ]);
  if (notes.length > 0) sections.push(['Notes:', ...notes.map((n) => `  ${n}`)].join('\n'));
  return sections.join('\n\n');
}
