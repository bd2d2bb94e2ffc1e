// Tests for syncEvents.ts, the pure helpers beside it.
import { describe, expect, it, vi } from 'vitest';
import { announceConnected, announceReceived, onConnected, onReceived } from './syncEvents';

describe('sync events', () => {
  it('tell listeners of a connection and of received changes, until they stop listening', () => {
    const connected = vi.fn();
    const received = vi.fn();
    const stopConnected = onConnected(connected);
    const stopReceived = onReceived(received);
    announceConnected();
    announceReceived(0);
    announceReceived(3);
    expect(connected).toHaveBeenCalledTimes(1);
    expect(received).toHaveBeenCalledTimes(1);
    stopConnected();
    stopReceived();
    announceConnected();
    announceReceived(2);
    expect(connected).toHaveBeenCalledTimes(1);
    expect(received).toHaveBeenCalledTimes(1);
  });
});
