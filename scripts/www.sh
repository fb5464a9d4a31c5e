#!/usr/bin/env bash
# (in progress)
set -euo pipefail
echo "www: not yet written"
