# naqi — every entry point. See DEVELOPING.md for what each script does.
SHELL := /bin/bash
.DEFAULT_GOAL := demo

.PHONY: demo test setup lint-js test-rust test-node test-www test-extension eval-smoke \
        package www extension eval bench

## Set up on a fresh machine and extract the embedded sample page.
demo:
	bash scripts/demo.sh

## Set up and run every test (what CI runs).
test:
	bash scripts/test.sh

## Install the toolchain pieces (wasm target, wasm-bindgen-cli, wasm-pack, chromium, npm packages).
setup:
	bash scripts/setup.sh

## Biome lint and format check of the JavaScript.
lint-js:
	bash scripts/lint-js.sh

test-rust:
	bash scripts/test-rust.sh

test-node: package
	bash scripts/test-node.sh

test-www: www
	bash scripts/test-www.sh

test-extension: extension
	bash scripts/test-extension.sh

eval-smoke:
	bash scripts/eval-smoke.sh

## The npm tarball in dist/ (web, node and bundler builds).
package:
	bash scripts/package.sh

## The demo site in dist/www/.
www: package
	bash scripts/www.sh

## The unpacked extension in dist/extension/ and a zip beside it.
extension: package
	bash scripts/extension.sh

## Side-by-side accuracy and speed against peers; writes docs/benchmarks.md.
eval:
	bash scripts/eval.sh

bench:
	cargo bench --bench extract
