/// <reference types="svelte" />
/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Build-time idle limit in seconds (for tests); unset means IDLE_MINUTES. */
  readonly VITE_CASEBOOK_IDLE_SECONDS?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
