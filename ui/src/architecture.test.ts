// The layout rules of the UI's source: who may talk to Tauri, the network, and where files live.
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

  it('keeps every component in a feature folder or the shared components', () => {
    const svelte = Object.keys(sources).filter((path) => path.endsWith('.svelte'));
    expect(svelte.length).toBeGreaterThan(5);
    const stray = svelte
      .filter((path) => path !== '/src/App.svelte')
      .filter((path) => !/^\/src\/features\/[a-z-]+\/[^/]+\.svelte$/.test(path))
      .filter((path) => !/^\/src\/lib\/components\/[^/]+\.svelte$/.test(path));
    expect(stray).toEqual([]);
    expect(Object.keys(sources).filter((path) => path.startsWith('/src/screens/'))).toEqual([]);
  });

  // A feature uses another feature only through its screens, panels and
  // controls (*Screen.svelte, *Panel.svelte, *Control.svelte). Its forms and
  // helpers stay its own; what two features both need lives in src/lib/.
  it('lets a feature reach into another only through its screens, panels and controls', () => {
    const featureOf = (path: string) => /^\/src\/features\/([^/]+)\//.exec(path)?.[1] ?? null;
    const offenders: string[] = [];
    for (const [path, text] of Object.entries(sources)) {
      const from = featureOf(path);
      if (!from) continue;
      const dir = path.slice(0, path.lastIndexOf('/'));
      for (const match of text.matchAll(/(?:from |import\()'(\.{1,2}\/[^']+)'/g)) {
        const target = new URL(match[1], `file://${dir}/`).pathname;
        const to = featureOf(target);
        if (to && to !== from && !/(Screen|Panel|Control)\.svelte$/.test(target)) offenders.push(`${path} → ${target}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('fetches nothing from the network', () => {
    const offenders = Object.entries(sources)
      .filter(([, text]) => /https?:\/\//.test(text) || /\bfetch\(/.test(text))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });
});
