import { describe, expect, it } from 'vitest';
import { setupSingleInstance, type FocusableWindow } from './single-instance';

// A fake `app` at the thin boundary: one lock per "machine", handlers recorded like Electron's.
function fakeMachine() {
  let held = false;
  const instance = () => {
    const handlers = new Map<string, () => void>();
    const state = { quit: false, handlers };
    const app = {
      requestSingleInstanceLock: () => (held ? false : (held = true)),
      quit: () => {
        state.quit = true;
      },
      on: ((ev: string, cb: () => void) => {
        handlers.set(ev, cb);
        return app;
      }) as never,
    };
    return { app, state };
  };
  return { instance };
}

function fakeWindow(minimized: boolean) {
  const calls: string[] = [];
  const win: FocusableWindow = {
    isMinimized: () => minimized,
    restore: () => void calls.push('restore'),
    show: () => void calls.push('show'),
    focus: () => void calls.push('focus'),
  };
  return { win, calls };
}

describe('single kiosk instance', () => {
  it('the first start takes the lock and keeps running', () => {
    const first = fakeMachine().instance();
    expect(setupSingleInstance(first.app, () => null)).toBe(true);
    expect(first.state.quit).toBe(false);
  });

  it('a second start quits at once and the first brings its window back to the front', () => {
    const machine = fakeMachine();
    const first = machine.instance();
    const w = fakeWindow(true);
    expect(setupSingleInstance(first.app, () => w.win)).toBe(true);
    const second = machine.instance();
    expect(setupSingleInstance(second.app, () => null)).toBe(false);
    expect(second.state.quit).toBe(true);
    expect(second.state.handlers.has('second-instance')).toBe(false);
    first.state.handlers.get('second-instance')!();
    expect(w.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('a second start before the window exists changes nothing in the first', () => {
    const machine = fakeMachine();
    const first = machine.instance();
    setupSingleInstance(first.app, () => null);
    expect(() => first.state.handlers.get('second-instance')!()).not.toThrow();
    const w = fakeWindow(false);
    const later = machine.instance();
    expect(setupSingleInstance(later.app, () => w.win)).toBe(false);
    expect(w.calls).toEqual([]);
  });
});
