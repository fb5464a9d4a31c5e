#!/usr/bin/env bash
# (in progress)
set -euo pipefail
echo "package: not yet written"
