#!/usr/bin/env bash
# The local traceability network as native processes on 127.0.0.1: one Raft orderer, one peer for each of the four
# organisations (manufacturer, distributor, pharmacy, regulator), all with TLS, and the traceability chaincode as a
# service (one Java process every peer dials). No Docker.
#
#   network/fabric.sh up              create the network (first time) or start what is not running; idempotent
#   network/fabric.sh down [--purge]  stop every process; --purge also deletes crypto material and ledgers
#   network/fabric.sh status          what runs, exit 3 when not everything does
#   network/fabric.sh stop NODE       stop one node: orderer | manufacturer | distributor | pharmacy | regulator | chaincode
#   network/fabric.sh start NODE      start one node again (it keeps its ledger and catches up)
#   network/fabric.sh kill NODE       SIGKILL one node (crash tests)
#   network/fabric.sh registry prefix COMPANY_PREFIX MSP_ID   the regulator registers who owns a GS1 company prefix
#   network/fabric.sh registry party PARTY_ID MSP_ID          ... which organisation a PGLN/SGLN stands for
#
# Environment (all optional):
#   FABRIC_HOME        the Fabric install: bin/{peer,orderer,configtxgen,cryptogen,osnadmin}, ccaas/bin/{build,detect,
#                      release}, config/{core.yaml,orderer.yaml}; default .tools/fabric/v3.1.5 (network/install.sh)
#   NETWORK_RUN_DIR    crypto, ledgers, logs and pids; default network/.run
#   CHAINCODE_JAR      the chaincode server jar; default chaincode/target/traceability-chaincode-*-server.jar
#   FABRIC_START_TIMEOUT  seconds to wait for each node, default 60
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/stack/processes.sh"

fabric_home="${FABRIC_HOME:-$root/.tools/fabric/v3.1.5}"
run="${NETWORK_RUN_DIR:-$root/network/.run}"
start_timeout="${FABRIC_START_TIMEOUT:-60}"
channel=traceability
chaincode_name=traceability
chaincode_version=1.0
chaincode_sequence=1
chaincode_address=127.0.0.1:7099
# recordEvents needs two organisations' peers to agree: no member alone decides what its peer computed.
endorsement_policy="OutOf(2,'ManufacturerMSP.peer','DistributorMSP.peer','PharmacyMSP.peer','RegulatorMSP.peer')"

orgs=(manufacturer distributor pharmacy regulator)
declare -A MSP=([manufacturer]=ManufacturerMSP [distributor]=DistributorMSP [pharmacy]=PharmacyMSP [regulator]=RegulatorMSP)
declare -A PEER_PORT=([manufacturer]=7051 [distributor]=7061 [pharmacy]=7071 [regulator]=7081)
declare -A OPS_PORT=([manufacturer]=7444 [distributor]=7445 [pharmacy]=7446 [regulator]=7447)
orderer_port=7050
orderer_admin_port=7053
orderer_ops_port=7443

crypto="$run/crypto"
orderer_dir="$crypto/ordererOrganizations/orderer.pharmatrace.test"
orderer_node="$orderer_dir/orderers/orderer0.orderer.pharmatrace.test"
orderer_ca="$orderer_node/tls/ca.crt"
block="$run/$channel.block"

export PATH="$fabric_home/bin:$PATH"
export FABRIC_CFG_PATH="$run/config"

say() { echo "[fabric] $*"; }
die() { echo "fabric.sh: $*" >&2; exit 1; }

org_dir() { echo "$crypto/peerOrganizations/$1.pharmatrace.test"; }
peer_host() { echo "peer0.$1.pharmatrace.test"; }
pid_file() { echo "$run/pids/$1.pid"; }
log_file() { echo "$run/logs/$1.log"; }

running() {
  local pid
  pid="$(cat "$(pid_file "$1")" 2>/dev/null)" || return 1
  kill -0 "$pid" 2>/dev/null
}

wait_for_port() {
  local node="$1" port="$2"
  for _ in $(seq 1 $((start_timeout * 5))); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    running "$node" || die "$node exited while starting; last lines of $(log_file "$node"):
$(tail -n 20 "$(log_file "$node")")"
    sleep 0.2
  done
  die "$node did not listen on 127.0.0.1:$port within ${start_timeout}s; see $(log_file "$node")"
}

check_install() {
  local missing=()
  for tool in peer orderer configtxgen cryptogen osnadmin; do [ -x "$fabric_home/bin/$tool" ] || missing+=("bin/$tool"); done
  for tool in build detect release; do [ -x "$fabric_home/ccaas/bin/$tool" ] || missing+=("ccaas/bin/$tool"); done
  for file in core.yaml orderer.yaml; do [ -f "$fabric_home/config/$file" ] || missing+=("config/$file"); done
  if [ "${#missing[@]}" -gt 0 ]; then
    die "Fabric is not installed in $fabric_home (missing: ${missing[*]}). Run network/install.sh, or point
FABRIC_HOME at a Fabric v3.1.5 build with bin/, ccaas/bin/ and config/ (see network/README.md)."
  fi
}

chaincode_jar() {
  if [ -n "${CHAINCODE_JAR:-}" ]; then echo "$CHAINCODE_JAR"; return; fi
  local jar
  jar="$(ls "$root"/chaincode/target/traceability-chaincode-*-server.jar 2>/dev/null | head -n 1)"
  if [ -z "$jar" ]; then
    say "building the chaincode server jar (mvn -f chaincode/pom.xml package)..." >&2
    mvn -q -B -f "$root/chaincode/pom.xml" package -DskipTests >&2 || die "cannot build the chaincode"
    jar="$(ls "$root"/chaincode/target/traceability-chaincode-*-server.jar | head -n 1)"
  fi
  echo "$jar"
}

# ------------------------------------------------------------------------------------------------ artefacts

create_artefacts() {
  say "generating identities (cryptogen) and the channel genesis block (configtxgen) in $run"
  mkdir -p "$run"/{pids,logs,data,config}
  cryptogen generate --config="$root/network/config/crypto-config.yaml" --output="$crypto" >/dev/null
  "$root/network/attribute-identity.sh" "$(org_dir regulator)" Inspector regulator '{"attrs":{"role":"regulator"}}'
  cp "$root/network/config/configtx.yaml" "$run/configtx.yaml"
  FABRIC_CFG_PATH="$run" configtxgen -profile TraceabilityChannel -outputBlock "$block" -channelID "$channel" \
    >"$run/logs/configtxgen.log" 2>&1 || die "configtxgen failed: $(tail -n 5 "$run/logs/configtxgen.log")"
  # Fabric's own defaults, with the chaincode-as-a-service builder where this install keeps it.
  sed "s#path: /opt/hyperledger/ccaas_builder#path: $fabric_home/ccaas#" "$fabric_home/config/core.yaml" >"$run/config/core.yaml"
  cp "$fabric_home/config/orderer.yaml" "$run/config/orderer.yaml"
}

# ------------------------------------------------------------------------------------------------ nodes

start_orderer() {
  running orderer && return 0
  say "starting the orderer on 127.0.0.1:$orderer_port (admin $orderer_admin_port)"
  (
    export FABRIC_LOGGING_SPEC=warning:orderer.consensus.etcdraft=info
    export ORDERER_GENERAL_LISTENADDRESS=127.0.0.1 ORDERER_GENERAL_LISTENPORT=$orderer_port
    export ORDERER_GENERAL_LOCALMSPID=OrdererMSP ORDERER_GENERAL_LOCALMSPDIR="$orderer_node/msp"
    export ORDERER_GENERAL_TLS_ENABLED=true ORDERER_GENERAL_TLS_PRIVATEKEY="$orderer_node/tls/server.key"
    export ORDERER_GENERAL_TLS_CERTIFICATE="$orderer_node/tls/server.crt" ORDERER_GENERAL_TLS_ROOTCAS="[$orderer_ca]"
    export ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE="$orderer_node/tls/server.crt"
    export ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY="$orderer_node/tls/server.key"
    export ORDERER_GENERAL_BOOTSTRAPMETHOD=none ORDERER_CHANNELPARTICIPATION_ENABLED=true
    export ORDERER_FILELEDGER_LOCATION="$run/data/orderer"
    export ORDERER_CONSENSUS_WALDIR="$run/data/orderer/etcdraft/wal" ORDERER_CONSENSUS_SNAPDIR="$run/data/orderer/etcdraft/snap"
    export ORDERER_OPERATIONS_LISTENADDRESS=127.0.0.1:$orderer_ops_port
    export ORDERER_ADMIN_LISTENADDRESS=127.0.0.1:$orderer_admin_port ORDERER_ADMIN_TLS_ENABLED=true
    export ORDERER_ADMIN_TLS_CERTIFICATE="$orderer_node/tls/server.crt" ORDERER_ADMIN_TLS_PRIVATEKEY="$orderer_node/tls/server.key"
    export ORDERER_ADMIN_TLS_ROOTCAS="[$orderer_ca]" ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED=true
    export ORDERER_ADMIN_TLS_CLIENTROOTCAS="[$orderer_ca]"
    nohup orderer >>"$(log_file orderer)" 2>&1 &
    echo $! >"$(pid_file orderer)"
  )
  wait_for_port orderer "$orderer_admin_port"
  wait_for_port orderer "$orderer_port"
}

start_peer() {
  local org="$1" port="${PEER_PORT[$1]}" host dir
  running "$org" && return 0
  host="$(peer_host "$org")"; dir="$(org_dir "$org")/peers/$host"
  say "starting $host (${MSP[$org]}) on 127.0.0.1:$port"
  (
    export FABRIC_LOGGING_SPEC=warning:gateway,chaincode=info
    export CORE_PEER_ID="$host" CORE_PEER_LOCALMSPID="${MSP[$org]}" CORE_PEER_MSPCONFIGPATH="$dir/msp"
    export CORE_PEER_ADDRESS=127.0.0.1:$port CORE_PEER_LISTENADDRESS=127.0.0.1:$port
    export CORE_PEER_CHAINCODEADDRESS=127.0.0.1:$((port + 1)) CORE_PEER_CHAINCODELISTENADDRESS=127.0.0.1:$((port + 1))
    export CORE_PEER_GOSSIP_BOOTSTRAP=127.0.0.1:$port CORE_PEER_GOSSIP_EXTERNALENDPOINT=127.0.0.1:$port
    # Anchor peers that had not joined yet are tried again every 2 s instead of 25 s, so the gateway's discovery
    # knows every organisation's peer soon after start.
    export CORE_PEER_GOSSIP_RECONNECTINTERVAL=2s CORE_METRICS_PROVIDER=prometheus
    export CORE_PEER_TLS_ENABLED=true CORE_PEER_TLS_CERT_FILE="$dir/tls/server.crt"
    export CORE_PEER_TLS_KEY_FILE="$dir/tls/server.key" CORE_PEER_TLS_ROOTCERT_FILE="$dir/tls/ca.crt"
    export CORE_OPERATIONS_LISTENADDRESS=127.0.0.1:${OPS_PORT[$org]}
    export CORE_PEER_FILESYSTEMPATH="$run/data/$host" CORE_LEDGER_SNAPSHOTS_ROOTDIR="$run/data/$host/snapshots"
    # A batch of a few thousand events runs for seconds; Fabric's 30 s defaults are for small transactions.
    export CORE_CHAINCODE_EXECUTETIMEOUT=300s CORE_PEER_GATEWAY_ENDORSEMENTTIMEOUT=300s
    export CORE_PEER_GATEWAY_BROADCASTTIMEOUT=60s
    nohup peer node start >>"$(log_file "$org")" 2>&1 &
    echo $! >"$(pid_file "$org")"
  )
  wait_for_port "$org" "$port"
}

start_chaincode() {
  running chaincode && return 0
  local package_id jar
  package_id="$(cat "$run/chaincode/package-id")"
  jar="$(chaincode_jar)"
  say "starting the traceability chaincode server on $chaincode_address ($package_id)"
  CHAINCODE_ID="$package_id" CHAINCODE_SERVER_ADDRESS="$chaincode_address" \
    nohup java ${CHAINCODE_JAVA_OPTS:--Xmx512m} -jar "$jar" >>"$(log_file chaincode)" 2>&1 &
  echo $! >"$(pid_file chaincode)"
  wait_for_port chaincode "${chaincode_address##*:}"
}

# ------------------------------------------------------------------------------------------------ admin calls

# as_admin ORG: the peer CLI environment of the organisation's admin against its own peer.
as_admin() {
  local org="$1" host
  host="$(peer_host "$org")"
  export CORE_PEER_LOCALMSPID="${MSP[$org]}" CORE_PEER_ADDRESS=127.0.0.1:${PEER_PORT[$org]}
  export CORE_PEER_TLS_ENABLED=true CORE_PEER_TLS_ROOTCERT_FILE="$(org_dir "$org")/peers/$host/tls/ca.crt"
  export CORE_PEER_MSPCONFIGPATH="$(org_dir "$org")/users/Admin@$org.pharmatrace.test/msp"
  export FABRIC_LOGGING_SPEC=warning
}

peer_targets() {
  local args=()
  for org in "$@"; do
    args+=(--peerAddresses "127.0.0.1:${PEER_PORT[$org]}" --tlsRootCertFiles "$(org_dir "$org")/peers/$(peer_host "$org")/tls/ca.crt")
  done
  echo "${args[@]}"
}

orderer_args() { echo -o 127.0.0.1:$orderer_port --tls --cafile "$orderer_ca"; }

join_channel() {
  say "the orderer joins channel '$channel'"
  osnadmin channel join --channelID "$channel" --config-block "$block" -o 127.0.0.1:$orderer_admin_port \
    --ca-file "$orderer_ca" --client-cert "$orderer_node/tls/server.crt" --client-key "$orderer_node/tls/server.key" \
    >"$run/logs/osnadmin.log" 2>&1 || die "osnadmin channel join failed: $(cat "$run/logs/osnadmin.log")"
  for org in "${orgs[@]}"; do
    say "$(peer_host "$org") joins channel '$channel'"
    (as_admin "$org"; retry 10 peer channel join -b "$block") >>"$run/logs/admin.log" 2>&1 \
      || die "$(peer_host "$org") cannot join $channel: $(tail -n 5 "$run/logs/admin.log")"
  done
}

retry() {
  local attempts="$1"; shift
  for i in $(seq 1 "$attempts"); do
    "$@" && return 0
    [ "$i" -lt "$attempts" ] && sleep 1
  done
  return 1
}

deploy_chaincode() {
  local pkg="$run/chaincode/$chaincode_name.tar.gz" package_id
  mkdir -p "$run/chaincode/pkg"
  # A chaincode-as-a-service package holds only where the chaincode listens; the ccaas builder hands it to the peer.
  printf '{"address":"%s","dial_timeout":"10s","tls_required":false}\n' "$chaincode_address" >"$run/chaincode/pkg/connection.json"
  printf '{"type":"ccaas","label":"%s_%s"}\n' "$chaincode_name" "$chaincode_version" >"$run/chaincode/pkg/metadata.json"
  tar -C "$run/chaincode/pkg" -czf "$run/chaincode/pkg/code.tar.gz" connection.json
  tar -C "$run/chaincode/pkg" -czf "$pkg" metadata.json code.tar.gz
  package_id="$(peer lifecycle chaincode calculatepackageid "$pkg")"
  echo "$package_id" >"$run/chaincode/package-id"
  for org in "${orgs[@]}"; do
    say "installing $package_id on $(peer_host "$org")"
    (as_admin "$org"; peer lifecycle chaincode install "$pkg") >>"$run/logs/admin.log" 2>&1 \
      || die "install on $(peer_host "$org") failed: $(tail -n 5 "$run/logs/admin.log")"
  done
  start_chaincode
  for org in "${orgs[@]}"; do
    say "${MSP[$org]} approves $chaincode_name $chaincode_version"
    (as_admin "$org"; retry 5 peer lifecycle chaincode approveformyorg $(orderer_args) --channelID "$channel" \
        --name "$chaincode_name" --version "$chaincode_version" --package-id "$package_id" \
        --sequence "$chaincode_sequence" --signature-policy "$endorsement_policy" --waitForEvent) \
      >>"$run/logs/admin.log" 2>&1 || die "approval by ${MSP[$org]} failed: $(tail -n 5 "$run/logs/admin.log")"
  done
  say "committing the chaincode definition"
  (as_admin manufacturer; retry 5 peer lifecycle chaincode commit $(orderer_args) --channelID "$channel" \
      --name "$chaincode_name" --version "$chaincode_version" --sequence "$chaincode_sequence" \
      --signature-policy "$endorsement_policy" $(peer_targets "${orgs[@]}") --waitForEvent) \
    >>"$run/logs/admin.log" 2>&1 || die "commit failed: $(tail -n 5 "$run/logs/admin.log")"
  say "initialising the contract: RegulatorMSP is the regulator"
  (as_admin regulator
   export CORE_PEER_MSPCONFIGPATH="$(org_dir regulator)/users/Inspector@regulator.pharmatrace.test/msp"
   retry 10 peer chaincode invoke $(orderer_args) -C "$channel" -n "$chaincode_name" \
     $(peer_targets manufacturer regulator) -c '{"function":"init","Args":["RegulatorMSP"]}' --waitForEvent) \
    >>"$run/logs/admin.log" 2>&1 || die "init failed: $(tail -n 5 "$run/logs/admin.log")"
}

# The gateway finds endorsers through gossip membership: wait until every peer knows the other organisations' peers.
wait_for_membership() {
  local others=$(( ${#orgs[@]} - 1 )) known
  for org in "${orgs[@]}"; do
    for _ in $(seq 1 $((start_timeout * 2))); do
      known="$(curl -sf "http://127.0.0.1:${OPS_PORT[$org]}/metrics" 2>/dev/null \
        | sed -n "s/^gossip_membership_total_peers_known{channel=\"$channel\"} \([0-9]*\).*/\1/p")"
      [ "${known:-0}" -ge "$others" ] && break
      sleep 0.5
    done
    [ "${known:-0}" -ge "$others" ] || die "$(peer_host "$org") knows ${known:-0} of the $others other peers after ${start_timeout}s; see $(log_file "$org")"
  done
  say "every peer knows the other organisations' peers"
}

# The regulator's registry: only the owner of a company prefix commissions under it, and shipments to a party go
# to the organisation registered for it. Idempotent: registering the same owner again changes nothing.
registry() {
  local kind="$1" key="$2" msp="$3" function
  case "$kind" in
    prefix) function=registerCompanyPrefix ;;
    party) function=registerParty ;;
    *) die "registry: 'prefix' or 'party', not '$kind'" ;;
  esac
  [ -f "$run/chaincode/package-id" ] || die "no network in $run: run network/fabric.sh up first"
  (as_admin regulator
   export CORE_PEER_MSPCONFIGPATH="$(org_dir regulator)/users/Inspector@regulator.pharmatrace.test/msp"
   retry 5 peer chaincode invoke $(orderer_args) -C "$channel" -n "$chaincode_name" \
     $(peer_targets manufacturer regulator) -c "{\"function\":\"$function\",\"Args\":[\"$key\",\"$msp\"]}" \
     --waitForEvent) >>"$run/logs/admin.log" 2>&1 || die "registering $kind $key for $msp failed: $(tail -n 3 "$run/logs/admin.log")"
  say "registered $kind $key -> $msp"
}

# ------------------------------------------------------------------------------------------------ the hub's view

write_connection_profile() {
  local profile="$run/hub-ledger.yaml"
  {
    echo "# Written by network/fabric.sh: how the hub reaches the local network. Import with"
    echo "# --spring.config.import=optional:file:$profile"
    echo "hub:"
    echo "  ledger:"
    echo "    enabled: true"
    echo "    channel: $channel"
    echo "    chaincode: $chaincode_name"
    echo "    organisations:"
    for org in "${orgs[@]}"; do
      local user=User1 dir
      [ "$org" = regulator ] && user=Inspector
      dir="$(org_dir "$org")"
      echo "      - msp-id: ${MSP[$org]}"
      echo "        peer-endpoint: 127.0.0.1:${PEER_PORT[$org]}"
      echo "        tls-ca-certificate: $dir/peers/$(peer_host "$org")/tls/ca.crt"
      echo "        certificate: $dir/users/$user@$org.pharmatrace.test/msp/signcerts/$user@$org.pharmatrace.test-cert.pem"
      echo "        private-key: $dir/users/$user@$org.pharmatrace.test/msp/keystore/priv_sk"
    done
  } >"$profile"
}

# ------------------------------------------------------------------------------------------------ commands

up() {
  check_install
  local fresh=false
  [ -f "$run/chaincode/package-id" ] || fresh=true
  if $fresh; then
    rm -rf "$run"
    create_artefacts
  fi
  start_orderer
  for org in "${orgs[@]}"; do start_peer "$org"; done
  if $fresh; then
    join_channel
    deploy_chaincode
  else
    start_chaincode
  fi
  wait_for_membership
  write_connection_profile
  status
  say "the hub's ledger settings: $run/hub-ledger.yaml"
}

down() {
  for node in chaincode "${orgs[@]}" orderer; do stop_node "$node"; done
  if [ "${1:-}" = --purge ]; then
    rm -rf "$run"
    say "removed $run"
  fi
}

stop_node() {
  local node="$1" pid
  pid="$(cat "$(pid_file "$node")" 2>/dev/null)" || return 0
  if kill -0 "$pid" 2>/dev/null; then
    say "stopping $node (pid $pid)"
    terminate "$pid" 20 || die "$node (pid $pid) did not stop"
  fi
  rm -f "$(pid_file "$node")"
}

kill_node() {
  local node="$1" pid
  pid="$(cat "$(pid_file "$node")" 2>/dev/null)" || die "$node is not running"
  kill -KILL "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$(pid_file "$node")"
  say "killed $node (pid $pid)"
}

start_node() {
  check_install
  [ -f "$run/chaincode/package-id" ] || die "no network in $run: run network/fabric.sh up first"
  case "$1" in
    orderer) start_orderer ;;
    chaincode) start_chaincode ;;
    manufacturer|distributor|pharmacy|regulator) start_peer "$1"; wait_for_membership ;;
    *) die "unknown node '$1' (orderer, manufacturer, distributor, pharmacy, regulator, chaincode)" ;;
  esac
}

status() {
  local all=0
  for node in orderer "${orgs[@]}" chaincode; do
    if running "$node"; then
      case "$node" in
        orderer) echo "  orderer       running  127.0.0.1:$orderer_port (admin :$orderer_admin_port)" ;;
        chaincode) echo "  chaincode     running  $chaincode_address ($(cat "$run/chaincode/package-id" 2>/dev/null))" ;;
        *) printf '  %-13s running  127.0.0.1:%s (%s)\n' "$node" "${PEER_PORT[$node]}" "${MSP[$node]}" ;;
      esac
    else
      printf '  %-13s stopped\n' "$node"
      all=3
    fi
  done
  return $all
}

case "${1:-}" in
  up) up ;;
  down) down "${2:-}" ;;
  status) status ;;
  stop) stop_node "${2:?which node}" ;;
  start) start_node "${2:?which node}" ;;
  kill) kill_node "${2:?which node}" ;;
  registry) registry "${2:?prefix or party}" "${3:?the prefix or party}" "${4:?the MSP id}" ;;
  *) echo "usage: network/fabric.sh up | down [--purge] | status | stop|start|kill NODE | registry prefix|party KEY MSP" >&2; exit 2 ;;
esac
