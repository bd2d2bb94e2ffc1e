// Tests for noteSearch.ts, the pure helpers beside it.
import { describe, expect, it } from 'vitest';
import { NOTE_SEARCH_DELAY_MS, noteFoundWords, noteResultsWords, noteSearchReady } from './noteSearch';

describe('searching session notes', () => {
  it('waits for three characters', () => {
    expect(noteSearchReady('ho')).toBe(false);
    expect(noteSearchReady(' h o ')).toBe(false);
    expect(noteSearchReady('hou')).toBe(true);
    expect(noteSearchReady('ho*')).toBe(true);
    expect(NOTE_SEARCH_DELAY_MS).toBe(250);
  });

  it('names the client and the session', () => {
    expect(noteFoundWords({ givenName: 'Dana', familyName: 'Whitlock', heldOn: '2026-03-16' })).toEqual({
      name: 'Dana Whitlock',
      when: 'Session of Monday 16 March 2026',
    });
  });

  it('counts what it found', () => {
    expect(noteResultsWords(0)).toBe('No session notes you can read match.');
    expect(noteResultsWords(1)).toMatch(/^1 session record\./);
    expect(noteResultsWords(4)).toMatch(/^4 session records\./);
  });
});
