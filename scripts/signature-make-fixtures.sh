#!/usr/bin/env bash
# Generates the openssl test PKI of test/fixtures/signature (run from the repository root):
#   bash scripts/signature-make-fixtures.sh
# Output is committed so tests run offline. Keys are test-only. Requires OpenSSL 3.
# Chains: a root and an issuing CA with Vietnamese UTF-8 names, good RSA and ECDSA leaves with UID=MST:/CCCD:,
# and one leaf per defect (expired, not yet valid, revoked, SHA-1, RSA-1024, unknown critical extension,
# issued by a non-CA, pathLen violation, name-constraint violation), CRLs, OCSP responses (CA-signed, delegated,
# unauthorised responder), a .p7b bundle, and a CA valid only in 2020 for the chain model.
set -euo pipefail
OUT=test/fixtures/signature
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
rm -rf "$OUT"/*.pem "$OUT"/*.der "$OUT"/*.p7b "$OUT"/*.crl "$OUT"/*.ocsp
mkdir -p "$OUT"

ca_conf() { # $1 = dir, $2 = policy extras
  mkdir -p "$1/new"; : > "$1/index.txt"; echo 1000 > "$1/serial"; echo 1000 > "$1/crlnumber"
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
organizationalUnitName = optional
commonName = optional
emailAddress = optional
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
crlDistributionPoints = URI:http://ca.test.vn/root.crl
[ v3_int_nopath ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[ v3_int_nc ]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
nameConstraints = critical, permitted;email:.noivu.gov.vn
[ v3_leaf ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = emailProtection, 1.3.6.1.5.5.7.3.36
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
certificatePolicies = 2.16.704.1.1.1.1.1
crlDistributionPoints = URI:http://ca.test.vn/issuing.crl
authorityInfoAccess = OCSP;URI:http://ocsp.ca.test.vn/, caIssuers;URI:http://ca.test.vn/issuing.crt
[ v3_leaf_email_bad ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
subjectAltName = email:nguyenvana@example.com
[ v3_leaf_email_ok ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
subjectAltName = email:nguyenvana@vanthu.noivu.gov.vn
[ v3_leaf_critical ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
1.2.3.4.5.6.7 = critical, ASN1:NULL
[ v3_ocsp ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = OCSPSigning
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
CNF
}

key() { openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:"${2:-2048}" -out "$W/$1.key" 2>/dev/null; }
eckey() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$W/$1.key" 2>/dev/null; }
csr() { openssl req -new -utf8 -key "$W/$1.key" -subj "$2" -multivalue-rdn -out "$W/$1.csr" 2>/dev/null; }
issue() { # name cadir cacert cakey ext [extra ca args]
  local name=$1 dir=$2 cacert=$3 cakey=$4 ext=$5; shift 5
  openssl ca -batch -notext -config "$dir/ca.cnf" -cert "$cacert" -keyfile "$cakey" -extensions "$ext" -in "$W/$name.csr" -out "$W/$name.pem" "$@" 2>/dev/null
  openssl x509 -in "$W/$name.pem" -out "$OUT/$name.pem"
}

# Root (self-signed, valid 2019-2046 so that the 2020 CA of the chain-model case sits inside it)
key root 3072
ca_conf "$W/rootca"
csr root "/C=VN/O=Bộ Nội vụ (thử nghiệm)/CN=vn-egov Test Root CA"
openssl ca -batch -notext -selfsign -config "$W/rootca/ca.cnf" -keyfile "$W/root.key" -extensions v3_root \
  -startdate 20190101000000Z -enddate 20460101000000Z -in "$W/root.csr" -out "$W/root.pem" 2>/dev/null
openssl x509 -in "$W/root.pem" -out "$W/root.pem"
cp "$W/root.pem" "$OUT/root.pem"

# Issuing CA (pathlen:0)
key issuing; csr issuing "/C=VN/O=Bộ Nội vụ (thử nghiệm)/CN=CA phục vụ thử nghiệm G1"
issue issuing "$W/rootca" "$W/root.pem" "$W/root.key" v3_int
ca_conf "$W/issuingca"

# Leaves
key leaf-good; csr leaf-good "/C=VN/O=Bộ Nội vụ (thử nghiệm)/UID=MST:0104359717-001/UID=CCCD:025199009534/CN=Nguyễn Văn A"
issue leaf-good "$W/issuingca" "$W/issuing.pem" "$W/issuing.key" v3_leaf
eckey leaf-ecdsa; csr leaf-ecdsa "/C=VN/O=Sở Y tế (thử nghiệm)/UID=MST:0400260612/UID=MNS:1047665/CN=Sở Y tế Đà Nẵng"
issue leaf-ecdsa "$W/issuingca" "$W/issuing.pem" "$W/issuing.key" v3_leaf
key leaf-expired; csr leaf-expired "/C=VN/CN=Chứng thư hết hạn"
issue leaf-expired "$W/issuingca" "$W/issuing.pem" "$W/issuing.key" v3_leaf -startdate 20200101000000Z -enddate 20210101000000Z
key leaf-future; csr leaf-future "/C=VN/CN=Chứng thư chưa hiệu lực"
issue leaf-future "$W/issuingca" "$W/issuing.pem" "$W/issuing.key" v3_leaf -startdate 20400101000000Z -enddate 20410101000000Z
key leaf-revoked; csr leaf-revoked "/C=VN/CN=Chứng thư bị thu hồi"
issue leaf-revoked "$W/issuingca" "$W/issuing.pem" "$W/issuing.key" v3_leaf
key leaf-sha1; csr leaf-sha1 "/C=VN/CN=Chứng thư SHA-1"
issue leaf-sha1 "$W/issuingca" "$W/issuing.pem" "$W/issuing.key" v3_leaf -md sha1
key leaf-rsa1024 1024; csr leaf-rsa1024 "/C=VN/CN=Khóa RSA 1024"
issue leaf-rsa1024 "$W/issuingca" "$W/issuing.pem" "$W/issuing.key" v3_leaf
key leaf-critical; csr leaf-critical "/C=VN/CN=Phần mở rộng lạ"
issue leaf-critical "$W/issuingca" "$W/issuing.pem" "$W/issuing.key" v3_leaf_critical
# A leaf misused as an issuer
ca_conf "$W/leafca"
key leaf-by-leaf; csr leaf-by-leaf "/C=VN/CN=Cấp bởi chứng thư thuê bao"
issue leaf-by-leaf "$W/leafca" "$W/leaf-good.pem" "$W/leaf-good.key" v3_leaf
# pathLen violation: issuing (pathlen:0) -> sub CA -> leaf
key subca; csr subca "/C=VN/O=Bộ Nội vụ (thử nghiệm)/CN=CA cấp dưới vi phạm pathLen"
issue subca "$W/issuingca" "$W/issuing.pem" "$W/issuing.key" v3_int_nopath
ca_conf "$W/subca"
key leaf-pathlen; csr leaf-pathlen "/C=VN/CN=Vi phạm pathLen"
issue leaf-pathlen "$W/subca" "$W/subca.pem" "$W/subca.key" v3_leaf
# Name constraints: a CA limited to .noivu.gov.vn e-mail addresses
key nc-ca; csr nc-ca "/C=VN/O=Bộ Nội vụ (thử nghiệm)/CN=CA ràng buộc tên"
issue nc-ca "$W/rootca" "$W/root.pem" "$W/root.key" v3_int_nc
ca_conf "$W/ncca"
key leaf-nc-ok; csr leaf-nc-ok "/C=VN/CN=Văn thư Bộ Nội vụ"
issue leaf-nc-ok "$W/ncca" "$W/nc-ca.pem" "$W/nc-ca.key" v3_leaf_email_ok
key leaf-nc-bad; csr leaf-nc-bad "/C=VN/CN=Địa chỉ ngoài phạm vi"
issue leaf-nc-bad "$W/ncca" "$W/nc-ca.pem" "$W/nc-ca.key" v3_leaf_email_bad
# Chain model: a CA valid only during 2020 that issued a long-lived leaf
key ca-2020; csr ca-2020 "/C=VN/O=Bộ Nội vụ (thử nghiệm)/CN=CA hết hạn 2021"
issue ca-2020 "$W/rootca" "$W/root.pem" "$W/root.key" v3_int -startdate 20200101000000Z -enddate 20210101000000Z
ca_conf "$W/ca2020"
key leaf-chain-model; csr leaf-chain-model "/C=VN/CN=Ký năm 2020"
issue leaf-chain-model "$W/ca2020" "$W/ca-2020.pem" "$W/ca-2020.key" v3_leaf -startdate 20200601000000Z -enddate 20300101000000Z
# OCSP responders: delegated (EKU OCSPSigning) and unauthorised (no EKU)
key ocsp-responder; csr ocsp-responder "/C=VN/CN=OCSP thử nghiệm"
issue ocsp-responder "$W/issuingca" "$W/issuing.pem" "$W/issuing.key" v3_ocsp
key ocsp-rogue; csr ocsp-rogue "/C=VN/CN=OCSP không được ủy quyền"
issue ocsp-rogue "$W/issuingca" "$W/issuing.pem" "$W/issuing.key" v3_leaf

# Revocation: leaf-revoked (keyCompromise) on the issuing CA's CRL; the root's CRL revokes nothing
openssl ca -batch -config "$W/issuingca/ca.cnf" -cert "$W/issuing.pem" -keyfile "$W/issuing.key" -revoke "$W/leaf-revoked.pem" -crl_reason keyCompromise 2>/dev/null
openssl ca -batch -gencrl -config "$W/issuingca/ca.cnf" -cert "$W/issuing.pem" -keyfile "$W/issuing.key" -crlexts crl_ext -out "$W/issuing.crl" 2>/dev/null
openssl crl -in "$W/issuing.crl" -outform DER -out "$OUT/issuing.crl"
# the same CRL signed with SHA-1 (past its sunset: unusable under the default policy)
openssl ca -batch -gencrl -md sha1 -config "$W/issuingca/ca.cnf" -cert "$W/issuing.pem" -keyfile "$W/issuing.key" -crlexts crl_ext -out "$W/issuing-sha1.crl" 2>/dev/null
openssl crl -in "$W/issuing-sha1.crl" -outform DER -out "$OUT/issuing-sha1.crl"
openssl ca -batch -gencrl -config "$W/rootca/ca.cnf" -cert "$W/root.pem" -keyfile "$W/root.key" -crlexts crl_ext -out "$W/root.crl" 2>/dev/null
openssl crl -in "$W/root.crl" -outform DER -out "$OUT/root.crl"

# OCSP responses (DER): good and revoked by the delegated responder, with a nonce; CA-signed; rogue-signed
ocsp() { # name cert signer signerkey [extra]
  local name=$1 cert=$2 signer=$3 skey=$4; shift 4
  openssl ocsp -issuer "$W/issuing.pem" -cert "$W/$cert.pem" -reqout "$W/$name.req" -no_nonce 2>/dev/null
  openssl ocsp -index "$W/issuingca/index.txt" -rsigner "$W/$signer.pem" -rkey "$W/$skey.key" -CA "$W/issuing.pem" \
    -reqin "$W/$name.req" -respout "$OUT/$name.ocsp" -ndays 3650 "$@" 2>/dev/null
}
ocsp ocsp-good leaf-good ocsp-responder ocsp-responder
ocsp ocsp-revoked leaf-revoked ocsp-responder ocsp-responder
ocsp ocsp-by-ca leaf-good issuing issuing
ocsp ocsp-rogue leaf-good ocsp-rogue ocsp-rogue
ocsp ocsp-good-sha1 leaf-good ocsp-responder ocsp-responder -rmd sha1
# with a nonce: request carries a nonce, the response echoes it
openssl ocsp -issuer "$W/issuing.pem" -cert "$W/leaf-good.pem" -reqout "$W/nonce.req" 2>/dev/null
openssl ocsp -reqin "$W/nonce.req" -req_text 2>/dev/null | sed -n 's/^ *\(\([0-9A-F][0-9A-F]\)\{16,\}\)$/\1/p' | head -1 | sed 's/^0410//' > "$OUT/ocsp-nonce.hex" || true  # inner nonce octets (outer OCTET STRING header dropped)
openssl ocsp -index "$W/issuingca/index.txt" -rsigner "$W/ocsp-responder.pem" -rkey "$W/ocsp-responder.key" -CA "$W/issuing.pem" \
  -reqin "$W/nonce.req" -respout "$OUT/ocsp-good-nonce.ocsp" -ndays 3650 2>/dev/null
openssl ocsp -reqin "$W/nonce.req" -req_text > "$OUT/ocsp-nonce-request.txt" 2>/dev/null

# A .p7b bag of the chain
cat "$W/issuing.pem" "$W/root.pem" > "$W/chain.pem"
openssl crl2pkcs7 -nocrl -certfile "$W/chain.pem" -outform DER -out "$OUT/chain.p7b"

openssl verify -CAfile "$W/root.pem" -untrusted "$W/issuing.pem" "$W/leaf-good.pem" > /dev/null
date -u +%Y-%m-%dT%H:%M:%SZ > "$OUT/GENERATED_AT.txt"
echo "fixtures written to $OUT"
