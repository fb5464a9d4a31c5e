#!/usr/bin/env bash
# (in progress)
set -euo pipefail
echo "demo: not yet written"
