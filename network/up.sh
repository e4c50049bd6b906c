#!/usr/bin/env bash
# Starts the local traceability network (creating it the first time). See network/fabric.sh.
exec "$(dirname "${BASH_SOURCE[0]}")/fabric.sh" up "$@"
