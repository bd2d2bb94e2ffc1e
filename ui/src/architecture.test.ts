import { describe, expect, it } from 'vitest';

// Only src/lib/ipc/ may talk to Tauri. Everything else goes through commands.ts.
const sources = import.meta.glob<string>(['/src/**/*.ts', '/src/**/*.svelte', '!/src/**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('architecture', () => {
  it('finds the source files', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(5);
  });

  it('imports @tauri-apps/api only from src/lib/ipc/', () => {
    const offenders = Object.entries(sources)
      .filter(([path]) => !path.startsWith('/src/lib/ipc/'))
      .filter(([, text]) => /@tauri-apps\/api/.test(text))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });

  it('fetches nothing from the network', () => {
    const offenders = Object.entries(sources)
      .filter(([, text]) => /https?:\/\//.test(text) || /\bfetch\(/.test(text))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });
});
