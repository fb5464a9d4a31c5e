#!/usr/bin/env bash
# (in progress)
set -euo pipefail
echo "test-www: not yet written"
