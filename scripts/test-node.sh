#!/usr/bin/env bash
# (in progress)
set -euo pipefail
echo "test-node: not yet written"
