#!/usr/bin/env bash
# (in progress)
set -euo pipefail
echo "eval: not yet written"
