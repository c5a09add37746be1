// Loads the wasm app; external so the page's CSP can forbid inline script. Each backend has
// its own bundle (scripts/build-dist.sh fills BUNDLES); this picks the one the app will talk
// to, the same way the app does: the host's data-backend, else config.json's backend, else
// the connection chosen on the connection screen, else the demo.
const BUNDLES = {};
const script = document.querySelector('script[data-wasm-js]');
const host = document.getElementById('pishkhan');

async function configuredBackend() {
  if (host?.dataset.backend) return host.dataset.backend;
  const url = host?.dataset.config ?? new URL('config.json', import.meta.url).href;
  if (url !== 'none') {
    try {
      const response = await fetch(url);
      if (response.ok) {
        const config = await response.json();
        if (config.backend) return config.backend;
      }
    } catch { /* a missing or broken config.json means defaults; the app reports it */ }
  }
  try {
    return JSON.parse(localStorage.getItem('pishkhan.connection.v1'))?.kind;
  } catch { return undefined; }
}

const bundle = BUNDLES[await configuredBackend()];
const at = (file) => new URL(file, import.meta.url).href;
const { default: init } = await import(bundle ? at(bundle.js) : script.dataset.wasmJs);
await init({ module_or_path: bundle ? at(bundle.wasm) : script.dataset.wasmBg });
