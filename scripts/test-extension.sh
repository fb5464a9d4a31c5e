#!/usr/bin/env bash
# (in progress)
set -euo pipefail
echo "test-extension: not yet written"
