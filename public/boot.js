// Loads the wasm app; external so the page's CSP can forbid inline script.
const script = document.querySelector('script[data-wasm-js]');
const { default: init } = await import(script.dataset.wasmJs);
await init({ module_or_path: script.dataset.wasmBg });
