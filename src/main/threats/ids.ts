// A new threat's id, in the style of its election's other threats: after lk27-001 … lk27-034 comes
// lk27-035. An election without numbered threats starts its own series from its id: lakeshore-2027-001.

const NUMBERED = /^(.*?)(\d+)$/;

export function nextThreatId(
  existing: readonly string[],
  electionId: string,
  taken: (id: string) => boolean,
): string {
  // The most common prefix among the election's numbered ids, and the widest number seen with it.
  const series = new Map<string, { count: number; max: number; width: number }>();
  for (const id of existing) {
    const m = NUMBERED.exec(id);
    if (!m) continue;
    const [, prefix = '', digits = ''] = m;
    const s = series.get(prefix) ?? { count: 0, max: 0, width: 0 };
    series.set(prefix, {
      count: s.count + 1,
      max: Math.max(s.max, Number(digits)),
      width: Math.max(s.width, digits.length),
    });
  }
  const [prefix, s] = [...series.entries()].sort((a, b) => b[1].count - a[1].count)[0] ?? [
    `${electionId}-`,
    { count: 0, max: 0, width: 3 },
  ];
  for (let n = s.max + 1; ; n++) {
    const id = `${prefix}${String(n).padStart(s.width, '0')}`;
    if (!taken(id)) return id;
  }
}
