# Sourced by the scripts: the pinned tools on PATH, trunk kept off the network, and the
# wasm build flags.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER=/usr/bin/chromedriver
# erase_components: every Leptos component returns AnyView, which makes the bundle smaller.
# remap-path-prefix: panic locations name crates, not this machine's paths (and are shorter).
wasm_flags="--cfg erase_components --remap-path-prefix=$PWD/="
for dir in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  [ -d "$dir" ] && wasm_flags="$wasm_flags --remap-path-prefix=$dir="
done
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$wasm_flags"
unset wasm_flags
