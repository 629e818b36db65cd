import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

/** The fewest tiles a page shows, even on a panel too short for two rows. */
const MIN_TILES = 2;

/**
 * How many tiles of `grid` fit the panel without scrolling: whole rows between the grid's top and
 * the panel's bottom, less what comes under the grid (its page line, "Back", the padding), at most
 * `max` and at least two.
 *
 * Measured, not read off the viewport size: what stands above the grid (a refusal, the choice
 * line, the keypad help, the printer banner), how tall a tile is and how many columns there are
 * all change with the panel, the language and large text; a rule by panel size and text size
 * would have to guess them (a refusal put eight hours 149 px below 1280×1024 in large text).
 * The count depends on where the grid starts and how tall a row is, not on how many tiles are
 * shown, so measuring again gives the same count: re-rendered with fewer tiles (a page line
 * appearing), it settles in a pass or two, before the panel is painted. It is measured after
 * every render (a refusal or a language above the grid), when the grid's size changes (large
 * text) and when the panel does.
 */
export function useTilesThatFit(grid: RefObject<HTMLElement | null>, max: number): number {
  const [fit, setFit] = useState(max);
  const measure = useCallback(() => {
    const el = grid.current;
    if (!el) return;
    const tiles = [...el.children];
    const screen = el.parentElement;
    const main = el.closest('main');
    if (!tiles.length || !screen || !main) return;
    const style = getComputedStyle(el);
    const columns = style.gridTemplateColumns.split(' ').filter(Boolean).length || 1;
    const gap = parseFloat(style.rowGap) || 0;
    const row = Math.max(...tiles.map((t) => t.getBoundingClientRect().height));
    const box = el.getBoundingClientRect();
    // The screen stretches to the panel; its content ends at its last child's margin.
    const end = Math.max(
      ...[...screen.children].map(
        (c) => c.getBoundingClientRect().bottom + parseFloat(getComputedStyle(c).marginBottom),
      ),
    );
    const under = end - box.bottom + parseFloat(getComputedStyle(main).paddingBottom);
    // A pixel spare: fractional sizes round up into a scroll.
    const room = document.documentElement.clientHeight - box.top - under - 1;
    const rows = Math.floor((room + gap) / (row + gap));
    setFit(Math.max(MIN_TILES, Math.min(max, rows * columns)));
  }, [grid, max]);
  useLayoutEffect(measure);
  useLayoutEffect(() => {
    const el = grid.current;
    const observer = new ResizeObserver(measure);
    if (el) observer.observe(el);
    addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      removeEventListener('resize', measure);
    };
  }, [grid, measure]);
  return fit;
}
