import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHARED } from '../helpers/shared-data.js';
import { isVnEgovError } from '../../src/errors/index.js';
import {
  addTrustAnchors, createTrustStore, defineValidationPolicy, removeTrustAnchors, extractVnIdentifiers, parseCertificate, parseCertificates, validateCertificatePath,
  vietnameseEgovPolicy, vietnameseTrustAnchors,
} from '../../src/signature/index.js';

const certsDir = join(SHARED, 'data/certs');
const read = (f: string): string => readFileSync(join(certsDir, f), 'utf8');
const sources = read('SOURCES.txt');

describe('bundled Vietnamese trust anchors', () => {
  it('pins each certificate to the SHA-256 listed in SOURCES.txt and names its source', () => {
    expect(vietnameseTrustAnchors.map((a) => a.id)).toEqual([
      'neac-vietnam-national-root-ca', 'vnpt-ca-sha2', 'bcy-rootca-chuyen-dung-chinh-phu-g2', 'bcy-ca-phuc-vu-co-quan-nha-nuoc-g2',
    ]);
    for (const a of vietnameseTrustAnchors) {
      expect(sources).toContain(a.sha256);
      expect(sources).toContain(a.source.blob);
      expect(parseCertificate(a.pem).fingerprints.sha256).toBe(a.sha256);
      const original = parseCertificate(readFileSync(join(SHARED, a.source.file)));
      expect(original.fingerprints.sha256).toBe(a.sha256);
    }
  });

  it('makes only roots anchors; intermediates go to path building', () => {
    const store = createTrustStore({ anchors: vietnameseTrustAnchors });
    expect(store.anchors.map((a) => a.id)).toEqual(['neac-vietnam-national-root-ca', 'bcy-rootca-chuyen-dung-chinh-phu-g2']);
    expect(store.intermediates).toHaveLength(2);
  });

  it('adds and removes anchors without changing the original store', () => {
    const store = createTrustStore({ anchors: vietnameseTrustAnchors });
    const onlyBcy = removeTrustAnchors(store, ['neac-vietnam-national-root-ca']);
    expect(onlyBcy.anchors.map((a) => a.id)).toEqual(['bcy-rootca-chuyen-dung-chinh-phu-g2']);
    expect(store.anchors).toHaveLength(2);
    const neacPem = read('neac-vietnam-national-root-ca-sha256.pem');
    const back = addTrustAnchors(onlyBcy, [{ certificate: neacPem, sha256: 'BA:C8:BF:60:9A:B4:20:A8:EE:17:80:D7:4F:4D:E5:C7:F7:18:49:59:D2:A7:37:5B:0A:75:E4:C2:9F:09:08:E7', id: 'neac' }]);
    expect(back.anchors.map((a) => a.id)).toEqual(['bcy-rootca-chuyen-dung-chinh-phu-g2', 'neac']);
    expect(addTrustAnchors(back, [neacPem]).anchors).toHaveLength(2); // same fingerprint kept once
    expect(removeTrustAnchors(back, ['BAC8BF609AB420A8EE1780D74F4DE5C7F7184959D2A7375B0A75E4C29F0908E7']).anchors).toHaveLength(1);
  });

  it('throws on a pinned fingerprint mismatch', () => {
    expect(() => createTrustStore({ anchors: [{ certificate: read('vnpt-ca-sha2.pem'), sha256: '00'.repeat(32) }] })).toThrowError(
      expect.objectContaining({ code: 'TRUST_ANCHOR_FINGERPRINT_MISMATCH' }),
    );
  });

  const noRevocation = defineValidationPolicy({ ...vietnameseEgovPolicy, name: 'no-revocation', revocation: { required: 'NONE' } });
  const at = '2026-06-01T00:00:00Z';

  it('chains VNPT-CA SHA2 to the NEAC root and the BCY issuing CA to its root', async () => {
    const store = createTrustStore({ anchors: vietnameseTrustAnchors });
    const vnpt = await validateCertificatePath({ certificate: read('vnpt-ca-sha2.pem'), trustStore: store, at, policy: noRevocation });
    expect(vnpt.indication).toBe('TOTAL_PASSED');
    expect(vnpt.path[0]!.trustAnchorId).toBe('neac-vietnam-national-root-ca');
    expect(vnpt.checks.find((c) => c.id === 'TARGET_NOT_CA')?.status).toBe('WARNING');
    const bcy = await validateCertificatePath({ certificate: read('bcy-ca-phuc-vu-co-quan-nha-nuoc-g2.pem'), trustStore: store, at, policy: noRevocation });
    expect(bcy.indication).toBe('TOTAL_PASSED');
    expect(bcy.path[0]!.trustAnchorId).toBe('bcy-rootca-chuyen-dung-chinh-phu-g2');
    expect(bcy.validPolicies).toEqual(['2.16.704.1.1.1.1.1']);
  });

  it('does not cross hierarchies, and trusts nothing implicitly', async () => {
    const onlyNeac = createTrustStore({ anchors: vietnameseTrustAnchors.filter((a) => a.hierarchy === 'neac-public') });
    const r = await validateCertificatePath({ certificate: read('bcy-ca-phuc-vu-co-quan-nha-nuoc-g2.pem'), trustStore: onlyNeac, at, policy: noRevocation });
    expect(r.indication).toBe('INDETERMINATE');
    expect(r.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    expect(r.message.vi.length).toBeGreaterThan(0);
    const empty = await validateCertificatePath({ certificate: read('vnpt-ca-sha2.pem'), trustStore: createTrustStore(), at, policy: noRevocation });
    expect(empty.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
  });

  it('asks for revocation under the default policy (offline, no CRL given) and reports expiry', async () => {
    const store = createTrustStore({ anchors: vietnameseTrustAnchors });
    const r = await validateCertificatePath({ certificate: read('vnpt-ca-sha2.pem'), trustStore: store, at });
    expect(r.indication).toBe('INDETERMINATE');
    expect(r.subIndication).toBe('TRY_LATER');
    const late = await validateCertificatePath({ certificate: read('vnpt-ca-sha2.pem'), trustStore: store, at: '2030-01-01T00:00:00Z', policy: noRevocation });
    expect(late.indication).toBe('TOTAL_FAILED');
    expect(late.subIndication).toBe('EXPIRED');
  });
});

describe('parseCertificate', () => {
  it('decodes Vietnamese UTF8String names, extensions and the hierarchy', () => {
    const c = parseCertificate(read('bcy-ca-phuc-vu-co-quan-nha-nuoc-g2.pem'));
    expect(c.subject.attributes['CN']).toEqual(['CA phục vụ các cơ quan Nhà nước G2']);
    expect(c.subject.attributes['O']).toEqual(['Ban Cơ yếu Chính phủ']);
    expect(c.extensions.basicConstraints).toEqual({ critical: true, ca: true, pathLength: 0 });
    expect(c.extensions.certificatePolicies?.policies.map((p) => p.oid)).toEqual(['2.16.704.1.1.1.1.1']);
    expect(c.extensions.authorityInfoAccess?.ocsp).toEqual(['http://ocsp.ca.gov.vn/']);
    expect(c.publicKey).toMatchObject({ algorithm: 'RSA', keySize: 4096 });
    expect(c.validity).toEqual({ notBefore: '2018-08-22T08:06:36.000Z', notAfter: expect.stringMatching(/^2048-08-14T/) });
    expect(c.vn.hierarchy).toBe('bcy-government');
    const v = parseCertificate(read('vnpt-ca-sha2.pem'));
    expect(v.vn.hierarchy).toBe('neac-public');
    expect(v.extensions.crlDistributionPoints?.points[0]?.fullName?.[0]?.value).toBe('https://rootca.gov.vn/crl/vnrca256.crl');
  });

  it('reads DER and PEM the same, and bundles', () => {
    const der = readFileSync(join(certsDir, 'neac-vietnam-national-root-ca-sha256.der.crt'));
    const pem = read('neac-vietnam-national-root-ca-sha256.pem');
    expect(parseCertificate(der).fingerprints).toEqual(parseCertificate(pem).fingerprints);
    expect(parseCertificate(der).fingerprints.sha256).toBe('BAC8BF609AB420A8EE1780D74F4DE5C7F7184959D2A7375B0A75E4C29F0908E7');
    const bundle = pem + '\n' + read('vnpt-ca-sha2.pem') + pem;
    expect(parseCertificates(bundle).map((c) => c.subject.attributes['CN']![0])).toEqual(['Vietnam National Root CA', 'VNPT-CA SHA2']);
    expect(() => parseCertificate(bundle)).toThrowError(expect.objectContaining({ code: 'INVALID_CERTIFICATE' }));
  });

  it('extracts MST (with branch), CCCD, CMND and MNS from UID attributes', () => {
    const uid = (value: string) => [{ oid: '0.9.2342.19200300.100.1.1', value, stringType: 'UTF8String' }];
    const vn = extractVnIdentifiers({
      rdns: [uid('MST:0100686209-199'), uid('CCCD:025199009534'), uid('CMND:079073009'), uid('MNS:1047665'), uid('MST:12'), uid('XYZ:1')],
    });
    expect(vn).toMatchObject({ mst: '0100686209', mstBranch: '199', cccd: '025199009534', cmnd: '079073009', mns: '1047665', confidence: 'unverified' });
    expect(vn.other).toEqual([{ prefix: 'MST', value: '12' }, { prefix: 'XYZ', value: '1' }]);
  });

  it('insists on DER: non-minimal lengths, indefinite lengths and trailing bytes are refused', () => {
    const der = new Uint8Array(readFileSync(join(certsDir, 'neac-vietnam-national-root-ca-sha256.der.crt')));
    expect(der[0]).toBe(0x30);
    expect(der[1]).toBe(0x82);
    const nonMinimal = new Uint8Array([0x30, 0x83, 0x00, der[2]!, der[3]!, ...der.subarray(4)]);
    expect(() => parseCertificate(nonMinimal)).toThrowError(/non-minimal length/);
    const indefinite = new Uint8Array([0x30, 0x80, ...der.subarray(4), 0x00, 0x00]);
    expect(() => parseCertificate(indefinite)).toThrowError(/indefinite length/);
    expect(() => parseCertificate(new Uint8Array([...der, 0x00]))).toThrowError(/trailing bytes/);
  });

  it('throws only VnEgovError on fuzzed DER (truncations, bit flips), and never hangs', () => {
    const der = new Uint8Array(readFileSync(join(certsDir, 'neac-vietnam-national-root-ca-sha256.der.crt')));
    fc.assert(
      fc.property(fc.nat(der.length - 1), fc.nat(7), fc.boolean(), (pos, bitIndex, truncate) => {
        const mutated = truncate ? der.slice(0, pos) : der.slice();
        if (!truncate) mutated[pos]! ^= 1 << bitIndex;
        try {
          parseCertificate(mutated);
        } catch (e) {
          expect(isVnEgovError(e)).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe('browser safety', () => {
  it('src/signature uses no node:* imports, Buffer or process', () => {
    const dir = join(import.meta.dirname, '../../src/signature');
    for (const f of readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text, f).not.toMatch(/from ['"]node:|\bBuffer\b|\bprocess\./);
    }
  });
});
