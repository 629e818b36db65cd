import { describe, expect, it } from 'vitest';
import { commandFor, type KeyPress } from './shortcuts';

const press = (over: Partial<KeyPress>): KeyPress => ({
  key: '',
  code: '',
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  targetTag: 'BODY',
  targetEditable: false,
  ...over,
});

describe('keyboard shortcuts', () => {
  it('maps the letters by physical key, whatever the layout types', () => {
    expect(commandFor(press({ key: 'r', code: 'KeyR' }))).toBe('recall');
    // Ukrainian layout: the R key types "к".
    expect(commandFor(press({ key: 'к', code: 'KeyR' }))).toBe('recall');
    expect(commandFor(press({ key: 'S', code: 'KeyS' }))).toBe('start');
    expect(commandFor(press({ code: 'KeyF' }))).toBe('finish');
    expect(commandFor(press({ code: 'KeyN' }))).toBe('no-show');
    expect(commandFor(press({ code: 'KeyP' }))).toBe('park');
    expect(commandFor(press({ code: 'KeyT' }))).toBe('transfer');
    expect(commandFor(press({ code: 'KeyB' }))).toBe('pause');
    expect(commandFor(press({ code: 'KeyX' }))).toBeUndefined();
  });

  it('calls the next client with F2 anywhere, even while typing', () => {
    expect(commandFor(press({ key: 'F2', code: 'F2' }))).toBe('call-next');
    expect(
      commandFor(press({ key: 'F2', code: 'F2', targetTag: 'INPUT', targetEditable: true })),
    ).toBe('call-next');
  });

  it('calls with Space only when no button has focus (Space presses a focused button)', () => {
    expect(commandFor(press({ key: ' ', code: 'Space' }))).toBe('call-next');
    expect(commandFor(press({ key: ' ', code: 'Space', targetTag: 'BUTTON' }))).toBeUndefined();
    expect(commandFor(press({ key: ' ', code: 'Space', targetTag: 'A' }))).toBeUndefined();
  });

  it('ignores letters while typing and any key with a modifier', () => {
    expect(
      commandFor(press({ code: 'KeyR', targetTag: 'INPUT', targetEditable: true })),
    ).toBeUndefined();
    expect(commandFor(press({ code: 'KeyR', ctrlKey: true }))).toBeUndefined();
    expect(commandFor(press({ code: 'KeyF', altKey: true }))).toBeUndefined();
    expect(commandFor(press({ key: 'F2', code: 'F2', metaKey: true }))).toBeUndefined();
  });
});
