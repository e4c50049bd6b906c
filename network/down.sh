#!/usr/bin/env bash
# Stops the local traceability network; --purge also deletes its identities and ledgers. See network/fabric.sh.
exec "$(dirname "${BASH_SOURCE[0]}")/fabric.sh" down "$@"
