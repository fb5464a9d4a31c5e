#!/usr/bin/env bash
# (in progress)
set -euo pipefail
echo "eval-smoke: not yet written"
