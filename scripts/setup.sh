#!/usr/bin/env bash
# (in progress)
set -euo pipefail
echo "setup: not yet written"
