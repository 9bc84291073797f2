#!/usr/bin/env bash
# Generates the CMS / PKCS#7 fixtures of test/fixtures/signature/cms with openssl (run from the repository root):
#   bash scripts/signature-cms-make-fixtures.sh
# Output is committed so tests run offline. Keys are test-only; only signer-rsa.key is kept (tests re-sign patched
# signed attributes with it to build forgeries openssl cannot produce, e.g. a wrong ESS signing-certificate-v2 hash).
# A small PKI (root → issuing CA → RSA and ECDSA P-256 signers, plus an untrusted "rogue" root and signer) and
# SignedData made by `openssl cms -sign`: detached / attached, RSA PKCS#1 v1.5, RSA-PSS, ECDSA, SHA-1, two signers,
# SKI signer identifier, CAdES (ESS signing-certificate-v2), streamed BER, no signed attributes, PEM output, and a signer outside the trust store.
set -euo pipefail
OUT=test/fixtures/signature/cms
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
rm -f "$OUT"/*.pem "$OUT"/*.der "$OUT"/*.bin "$OUT"/*.crl "$OUT"/*.txt "$OUT"/*.key
mkdir -p "$OUT"

ca_conf() { # $1 = dir
  mkdir -p "$1/new"; : > "$1/index.txt"; echo 2000 > "$1/serial"; echo 2000 > "$1/crlnumber"
  cat > "$1/ca.cnf" <<CNF
[ ca ]
default_ca = CA_default
[ CA_default ]
dir = $1
database = \$dir/index.txt
new_certs_dir = \$dir/new
serial = \$dir/serial
crlnumber = \$dir/crlnumber
default_md = sha256
default_days = 3650
default_crl_days = 3650
policy = pol
unique_subject = no
copy_extensions = none
utf8 = yes
string_mask = utf8only
preserve = yes
[ pol ]
countryName = optional
organizationName = optional
commonName = optional
UID = optional
[ crl_ext ]
authorityKeyIdentifier = keyid:always
[ v3_root ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ v3_int ]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[ v3_leaf ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = emailProtection, 1.3.6.1.5.5.7.3.36
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
CNF
}
key() { openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$W/$1.key" 2>/dev/null; }
eckey() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$W/$1.key" 2>/dev/null; }
csr() { openssl req -new -utf8 -key "$W/$1.key" -subj "$2" -multivalue-rdn -out "$W/$1.csr" 2>/dev/null; }
issue() { # name cadir cacert cakey ext
  openssl ca -batch -notext -config "$2/ca.cnf" -cert "$3" -keyfile "$4" -extensions "$5" -in "$W/$1.csr" -out "$W/$1.pem" 2>/dev/null
  openssl x509 -in "$W/$1.pem" -out "$OUT/$1.pem"
}
selfsign() { # name dir
  openssl ca -batch -notext -selfsign -config "$2/ca.cnf" -keyfile "$W/$1.key" -extensions v3_root \
    -startdate 20200101000000Z -enddate 20450101000000Z -in "$W/$1.csr" -out "$W/$1.pem" 2>/dev/null
  openssl x509 -in "$W/$1.pem" -out "$OUT/$1.pem"
}

key root; ca_conf "$W/rootca"; csr root "/C=VN/O=Bộ Nội vụ (thử nghiệm)/CN=vn-egov CMS Test Root"; selfsign root "$W/rootca"
key issuing; csr issuing "/C=VN/O=Bộ Nội vụ (thử nghiệm)/CN=CA ký số CMS thử nghiệm"
issue issuing "$W/rootca" "$OUT/root.pem" "$W/root.key" v3_int; ca_conf "$W/issuingca"
key signer-rsa; csr signer-rsa "/C=VN/O=Bộ Nội vụ (thử nghiệm)/UID=MST:0104359717-001/UID=CCCD:025199009534/CN=Nguyễn Văn A"
issue signer-rsa "$W/issuingca" "$OUT/issuing.pem" "$W/issuing.key" v3_leaf
eckey signer-ec; csr signer-ec "/C=VN/O=Sở Y tế (thử nghiệm)/UID=MST:0400260612/CN=Sở Y tế Đà Nẵng"
issue signer-ec "$W/issuingca" "$OUT/issuing.pem" "$W/issuing.key" v3_leaf
key rogue-root; ca_conf "$W/rogueca"; csr rogue-root "/C=VN/CN=CA giả mạo"; selfsign rogue-root "$W/rogueca"
key rogue; csr rogue "/C=VN/UID=CCCD:001099000001/CN=Kẻ giả mạo"
issue rogue "$W/rogueca" "$OUT/rogue-root.pem" "$W/rogue-root.key" v3_leaf
openssl ca -gencrl -config "$W/rootca/ca.cnf" -cert "$OUT/root.pem" -keyfile "$W/root.key" -out "$W/root.crl" 2>/dev/null
openssl ca -gencrl -config "$W/issuingca/ca.cnf" -cert "$OUT/issuing.pem" -keyfile "$W/issuing.key" -out "$W/issuing.crl" 2>/dev/null
openssl crl -in "$W/root.crl" -outform DER -out "$OUT/root.crl"
openssl crl -in "$W/issuing.crl" -outform DER -out "$OUT/issuing.crl"

printf 'CÔNG VĂN số 123/BNV-VP\r\nV/v thử nghiệm chữ ký số CMS.\r\n' > "$OUT/content.bin"
head -c 4096 /dev/zero | tr '\0' 'x' >> "$OUT/content.bin"
printf 'CÔNG VĂN số 124/BNV-VP\r\nV/v thử nghiệm chữ ký số CMS.\r\n' > "$OUT/content-tampered.bin"
head -c 4096 /dev/zero | tr '\0' 'x' >> "$OUT/content-tampered.bin"

C="$OUT/content.bin"
RSA=(-signer "$OUT/signer-rsa.pem" -inkey "$W/signer-rsa.key")
EC=(-signer "$OUT/signer-ec.pem" -inkey "$W/signer-ec.key")
sign() { local out=$1; shift; openssl cms -sign -binary -in "$C" -outform DER -md sha256 -certfile "$OUT/issuing.pem" "$@" -out "$OUT/$out"; }
sign detached-rsa.der "${RSA[@]}"
sign attached-rsa.der "${RSA[@]}" -nodetach
sign detached-pss.der "${RSA[@]}" -keyopt rsa_padding_mode:pss
sign detached-ecdsa.der "${EC[@]}"
sign attached-ecdsa.der "${EC[@]}" -nodetach
sign detached-sha1.der "${RSA[@]}" -md sha1
sign detached-sha224.der "${RSA[@]}" -md sha224 # not in WebCrypto: INDETERMINATE, never passed
sign detached-two-signers.der "${RSA[@]}" "${EC[@]}"
sign detached-ski.der "${RSA[@]}" -keyid
sign detached-cades.der "${RSA[@]}" -cades
sign detached-noattr.der "${RSA[@]}" -noattr # no signed attributes: the signature covers the content itself
sign attached-ber.der "${RSA[@]}" -nodetach -stream # indefinite-length BER, content in constructed OCTET STRING chunks
openssl cms -sign -binary -in "$C" -outform PEM -md sha256 -certfile "$OUT/issuing.pem" "${RSA[@]}" -out "$OUT/detached-rsa.pem"
openssl cms -sign -binary -in "$C" -outform DER -md sha256 -signer "$OUT/rogue.pem" -inkey "$W/rogue.key" -out "$OUT/detached-rogue.der"
openssl pkey -in "$W/signer-rsa.key" -out "$OUT/signer-rsa.key"
date -u +%Y-%m-%dT%H:%M:%SZ > "$OUT/GENERATED_AT.txt"
echo "CMS fixtures written to $OUT"
