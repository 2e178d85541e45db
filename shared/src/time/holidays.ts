/**
 * China's statutory public holidays and the weekend days worked in exchange (调休), as the
 * General Office of the State Council publishes them each year. Working-day arithmetic (request
 * SLAs, escalation) uses this table; a year not listed falls back to plain Monday–Friday, so add
 * each year's notice here when it is published (usually in November of the year before).
 */
export interface HolidayYear {
  /** Days off that would otherwise be working days, YYYY-MM-DD. */
  off: readonly string[];
  /** Weekend days that are working days (调休上班), YYYY-MM-DD. */
  work: readonly string[];
}

function span(from: string, to: string): string[] {
  const out: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  while (d <= end) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

export const HOLIDAYS: Record<number, HolidayYear> = {
  // 国办发明电〔2024〕12号
  2025: {
    off: [
      '2025-01-01',
      ...span('2025-01-28', '2025-02-04'),
      ...span('2025-04-04', '2025-04-06'),
      ...span('2025-05-01', '2025-05-05'),
      ...span('2025-05-31', '2025-06-02'),
      ...span('2025-10-01', '2025-10-08'),
    ],
    work: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  // 国务院办公厅关于2026年部分节假日安排的通知
  2026: {
    off: [
      ...span('2026-01-01', '2026-01-03'),
      ...span('2026-02-15', '2026-02-23'),
      ...span('2026-04-04', '2026-04-06'),
      ...span('2026-05-01', '2026-05-05'),
      ...span('2026-06-19', '2026-06-21'),
      ...span('2026-09-25', '2026-09-27'),
      ...span('2026-10-01', '2026-10-07'),
    ],
    work: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};
