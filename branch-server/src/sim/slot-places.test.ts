import { describe, expect, it } from 'vitest';
import { counter } from '../domain/test-fixtures';
import { createSlotPlaces } from './slot-places';

describe('simulated calendar places', () => {
  it('gives a visit its main-skill counter first, so a flexible counter stays for another service', () => {
    const places = createSlotPlaces([counter(1, { a: 3 }), counter(2, { a: 1, b: 3 })], 3);
    expect(places.book('a', 0)).toBe(0);
    expect(places.book('b', 0)).toBe(0);
  });

  it('sends a request for a full slot to the nearest slot with a place, later first', () => {
    const places = createSlotPlaces([counter(1, { a: 1 })], 3);
    expect(places.book('a', 1)).toBe(1);
    expect(places.book('a', 1)).toBe(2);
    expect(places.book('a', 1)).toBe(0);
  });

  it('refuses when no slot has a counter with the skill free: never beyond capacity', () => {
    const places = createSlotPlaces([counter(1, { a: 1 }), counter(2, { b: 1 })], 2);
    expect([places.book('a', 0), places.book('a', 0)]).toEqual([0, 1]);
    expect(places.book('a', 1)).toBeUndefined();
    expect(places.book('c', 0)).toBeUndefined();
    expect(places.book('b', 1)).toBe(1);
  });
});
