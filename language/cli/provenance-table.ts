import type { Lang } from '../i18n/locale.js';
import { BALANCE_KINDS, type BalanceRow } from '../provenance/herkomst-balance.js';
import { cliMessages } from './cli-messages.js';

const columns = ['guide', 'source', 'reconstructed', 'illustrative', 'unmarked', 'total'] as const;

/**
 * The balance of `check --herkomst` as a text table: one row per kind of content, a column per
 * kind of herkomst, and a total row. Only numbers and our own words: nothing from a `.hrk` file.
 */
export function balanceTable(rows: readonly BalanceRow[], lang: Lang): string[] {
    const t = cliMessages(lang);
    const total: BalanceRow = { kind: BALANCE_KINDS[0], guide: 0, source: 0, reconstructed: 0, illustrative: 0, unmarked: 0, total: 0 };
    for (const row of rows) for (const column of columns) total[column] += row[column];
    const body = rows.map(row => [t.balanceKinds[row.kind] ?? row.kind, ...columns.map(c => String(row[c]))]);
    const table = [[...t.balanceHeader], ...body, [t.balanceTotal, ...columns.map(c => String(total[c]))]];
    const widths = table[0].map((_, i) => Math.max(...table.map(cells => cells[i].length)));
    const line = (cells: string[]) => cells.map((cell, i) => i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])).join('  ').trimEnd();
    const rule = widths.map(w => '-'.repeat(w)).join('  ');
    return [t.balanceTitle, line(table[0]), rule, ...table.slice(1, -1).map(line), rule, line(table[table.length - 1])];
}
