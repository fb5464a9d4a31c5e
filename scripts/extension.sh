#!/usr/bin/env bash
# (in progress)
set -euo pipefail
echo "extension: not yet written"
