/** A min-heap of timed events; equal times pop in insertion order so a run is deterministic. */
export class EventQueue<E> {
  private heap: { at: number; n: number; e: E }[] = [];
  private n = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Schedules `e` at simulated minute `at`. */
  push(at: number, e: E): void {
    const h = this.heap;
    h.push({ at, n: (this.n += 1), e });
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  /** The earliest event, or undefined when none is left. */
  pop(): { at: number; e: E } | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined) return undefined;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return { at: top.at, e: top.e };
  }

  private less(a: { at: number; n: number }, b: { at: number; n: number }): boolean {
    return a.at < b.at || (a.at === b.at && a.n < b.n);
  }
}
