#!/usr/bin/env bash
# Issues a client identity carrying Fabric attributes, signed by the organisation's CA that cryptogen created.
# cryptogen cannot put attributes in certificates; Fabric reads them from the extension 1.2.3.4.5.6.7.8.1, whose
# value is the JSON {"attrs":{...}} as raw bytes (as a Fabric CA would issue it).
#
#   network/attribute-identity.sh ORG_DIR NAME ORG_SHORT_NAME ATTRS_JSON
# writes ORG_DIR/users/NAME@<domain>/msp (signcerts, keystore, cacerts, tlscacerts, config.yaml)
set -euo pipefail
org_dir="$1" name="$2" attrs="$4"
domain="$(basename "$org_dir")"
user="$name@$domain"
msp="$org_dir/users/$user/msp"
ca_cert="$(ls "$org_dir"/ca/*-cert.pem)"
ca_key="$org_dir/ca/priv_sk"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$msp"/{signcerts,keystore,cacerts,tlscacerts}
openssl ecparam -name prime256v1 -genkey -noout 2>/dev/null | openssl pkcs8 -topk8 -nocrypt -out "$msp/keystore/priv_sk"
hex="$(printf '%s' "$attrs" | od -An -tx1 | tr -d ' \n')"
cat >"$work/ext.cnf" <<CNF
[ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
1.2.3.4.5.6.7.8.1 = DER:$hex
CNF
# OU=client: the organisation's NodeOU config classifies the identity as a client.
openssl req -new -key "$msp/keystore/priv_sk" -subj "/C=US/ST=California/L=San Francisco/OU=client/CN=$user" \
  -out "$work/req.csr"
openssl x509 -req -in "$work/req.csr" -CA "$ca_cert" -CAkey "$ca_key" -CAcreateserial -days 3650 -sha256 \
  -extfile "$work/ext.cnf" -extensions ext -out "$msp/signcerts/$user-cert.pem" 2>/dev/null
cp "$org_dir"/msp/cacerts/* "$msp/cacerts/"
cp "$org_dir"/msp/tlscacerts/* "$msp/tlscacerts/"
cp "$org_dir"/msp/config.yaml "$msp/config.yaml"
echo "[fabric] issued $user with attributes $attrs"
