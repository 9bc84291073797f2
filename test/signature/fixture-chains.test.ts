/**
 * Chains made by scripts/signature-make-fixtures.sh (openssl), one per defect, through validateCertificatePath:
 * indications, sub-indications, bilingual messages and revocation by CRL and OCSP.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createTrustStore, createValidationCache, defineValidationPolicy, parseCertificates, parseCrl, validateCertificatePath,
  vietnameseEgovPolicy, type CertificatePathValidationOptions, type FetchRequest,
} from '../../src/signature/index.js';

const dir = join(import.meta.dirname, '../fixtures/signature');
const pem = (f: string): string => readFileSync(join(dir, f), 'utf8');
const bin = (f: string): Uint8Array => new Uint8Array(readFileSync(join(dir, f)));
const generatedAt = Date.parse(pem('GENERATED_AT.txt').trim());
const at = new Date(generatedAt + 86_400_000); // one day after the fixtures were made
const trustStore = createTrustStore({ anchors: [{ certificate: pem('root.pem'), id: 'test-root' }] });
const crls = [bin('issuing.crl'), bin('root.crl')];
const noRevocation = defineValidationPolicy({ ...vietnameseEgovPolicy, name: 'no-revocation', revocation: { required: 'NONE' } });

function validate(leaf: string, extra: Partial<CertificatePathValidationOptions> = {}) {
  return validateCertificatePath({ certificate: pem(leaf), intermediates: [pem('issuing.pem')], trustStore, crls, at, ...extra });
}

describe('openssl fixture chains', () => {
  it('accepts the good RSA leaf with CRLs, with a full report', async () => {
    const r = await validate('leaf-good.pem', { keyUsage: ['nonRepudiation'], extendedKeyUsage: ['1.3.6.1.5.5.7.3.36'] });
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.subIndication).toBeUndefined();
    expect(r.message).toEqual({ vi: 'Chứng thư số hợp lệ', en: 'The certificate is valid' });
    expect(r.path.map((p) => p.trusted)).toEqual([true, false, false]);
    expect(r.path[2]!.subject).toContain('Nguyễn Văn A');
    expect(r.revocation.map((s) => [s.certificateIndex, s.status, s.source])).toEqual([[1, 'good', 'CRL'], [2, 'good', 'CRL']]);
    // the issuing CA asserts no certificate policy: the valid_policy_tree is NULL (RFC 5280 §6.1.3 (e)), which is
    // acceptable because no explicit policy is required
    expect(r.validPolicies).toEqual([]);
    const ids = new Set(r.checks.map((c) => c.id));
    for (const id of ['CHAIN_FOUND', 'SIGNATURE', 'VALIDITY', 'REVOCATION', 'NAME_CHAINING', 'BASIC_CONSTRAINTS', 'PATH_LENGTH', 'KEY_CERT_SIGN', 'CRITICAL_EXTENSIONS', 'CRYPTO_CONSTRAINTS', 'LEAF_KEY_USAGE', 'LEAF_EXTENDED_KEY_USAGE', 'CERTIFICATE_POLICIES'] as const) {
      expect(ids.has(id), id).toBe(true);
    }
    for (const c of r.checks) {
      expect(c.status).toBe('PASSED');
      expect(c.message.vi.length).toBeGreaterThan(0);
      expect(c.message.en.length).toBeGreaterThan(0);
    }
  });

  it('accepts the ECDSA P-256 leaf and reads its Vietnamese identifiers', async () => {
    const r = await validate('leaf-ecdsa.pem');
    expect(r.indication).toBe('TOTAL_PASSED');
  });

  const cases: [string, string, string | undefined, Partial<CertificatePathValidationOptions>?][] = [
    ['leaf-expired.pem', 'TOTAL_FAILED', 'EXPIRED'],
    ['leaf-future.pem', 'TOTAL_FAILED', 'NOT_YET_VALID'],
    ['leaf-revoked.pem', 'TOTAL_FAILED', 'REVOKED'],
    ['leaf-sha1.pem', 'INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE'],
    ['leaf-rsa1024.pem', 'INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE'],
    ['leaf-critical.pem', 'INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE'],
    ['leaf-by-leaf.pem', 'INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE', { intermediates: [pem('issuing.pem'), pem('leaf-good.pem')], policy: noRevocation }],
    ['leaf-pathlen.pem', 'INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE', { intermediates: [pem('issuing.pem'), pem('subca.pem')], policy: noRevocation }],
    ['leaf-nc-bad.pem', 'INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE', { intermediates: [pem('nc-ca.pem')], policy: noRevocation }],
    ['leaf-nc-ok.pem', 'TOTAL_PASSED', undefined, { intermediates: [pem('nc-ca.pem')], policy: noRevocation }],
  ];
  for (const [leaf, indication, sub, extra] of cases) {
    it(`${leaf} → ${indication}${sub ? '/' + sub : ''}`, async () => {
      const r = await validate(leaf, extra);
      expect(r.indication).toBe(indication);
      expect(r.subIndication).toBe(sub);
      if (indication !== 'TOTAL_PASSED') {
        const failed = r.checks.filter((c) => c.status === 'FAILED');
        expect(failed.length).toBeGreaterThan(0);
        expect(failed[0]!.subIndication).toBe(sub);
        expect(r.message.vi).toMatch(/[Cc]hứng thư số/);
        expect(r.message.en).toMatch(/certificate/);
      }
    });
  }

  it('names the revocation date and reason of a revoked leaf', async () => {
    const r = await validate('leaf-revoked.pem');
    const s = r.revocation.find((x) => x.certificateIndex === 2)!;
    expect(s).toMatchObject({ status: 'revoked', source: 'CRL', reason: 'keyCompromise' });
    // before the revocation the same certificate was fine
    const before = await validate('leaf-revoked.pem', { at: new Date(Date.parse(s.revocationDate!) - 1000) });
    expect(before.indication).toBe('TOTAL_PASSED');
  });

  it('is INDETERMINATE/TRY_LATER without revocation data, unless the policy waives it', async () => {
    const r = await validate('leaf-good.pem', { crls: [] });
    expect(r).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'TRY_LATER' });
    const leafOnly = defineValidationPolicy({ ...vietnameseEgovPolicy, name: 'leaf-only', revocation: { required: 'END_ENTITY' } });
    expect((await validate('leaf-good.pem', { crls: [bin('issuing.crl')], policy: leafOnly })).indication).toBe('TOTAL_PASSED');
    const tooOld = defineValidationPolicy({ ...vietnameseEgovPolicy, name: 'fresh', revocation: { required: 'ALL', maxAgeSeconds: 60 } });
    expect((await validate('leaf-good.pem', { policy: tooOld })).subIndication).toBe('TRY_LATER');
  });

  it('uses OCSP: delegated responder, CA-signed, revoked, unauthorised responder, nonce', async () => {
    const endEntity = defineValidationPolicy({ ...vietnameseEgovPolicy, name: 'ee', revocation: { required: 'END_ENTITY' } });
    const run = (leaf: string, ocsp: CertificatePathValidationOptions['ocspResponses']) =>
      validate(leaf, { crls: [], ocspResponses: ocsp ?? [], policy: endEntity });
    const good = await run('leaf-good.pem', [bin('ocsp-good.ocsp')]);
    expect(good.indication).toBe('TOTAL_PASSED');
    expect(good.revocation).toEqual([{ certificateIndex: 1, status: 'not-checked' }, expect.objectContaining({ certificateIndex: 2, status: 'good', source: 'OCSP' })]);
    expect((await run('leaf-good.pem', [bin('ocsp-by-ca.ocsp')])).indication).toBe('TOTAL_PASSED');
    expect(await run('leaf-revoked.pem', [bin('ocsp-revoked.ocsp')])).toMatchObject({ indication: 'TOTAL_FAILED', subIndication: 'REVOKED' });
    const rogue = await run('leaf-good.pem', [bin('ocsp-rogue.ocsp')]);
    expect(rogue).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'TRY_LATER' });
    const revocationCheck = rogue.checks.find((c) => c.id === 'REVOCATION' && c.certificateIndex === 2)!;
    expect(revocationCheck.message.en).toContain('authorised responder');
    expect(revocationCheck.message.vi).toContain('không có thông tin thu hồi phù hợp');
    expect(rogue.checks.find((c) => c.id === 'REVOCATION' && c.certificateIndex === 1)!.message.en).toBe('The policy does not require revocation checking for this certificate');
    const nonce = Uint8Array.from(Buffer.from(pem('ocsp-nonce.hex').trim(), 'hex'));
    expect((await run('leaf-good.pem', [{ der: bin('ocsp-good-nonce.ocsp'), nonce }])).indication).toBe('TOTAL_PASSED');
    expect((await run('leaf-good.pem', [{ der: bin('ocsp-good-nonce.ocsp'), nonce: new Uint8Array(16) }])).indication).toBe('INDETERMINATE');
    // the response about another certificate does not count
    expect((await run('leaf-revoked.pem', [bin('ocsp-good.ocsp')])).indication).toBe('INDETERMINATE');
  });

  it('refuses revocation data signed with an algorithm past its sunset (SHA-1)', async () => {
    const r = await validate('leaf-good.pem', { crls: [bin('issuing-sha1.crl'), bin('root.crl')] });
    expect(r).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'TRY_LATER' });
    const endEntity = defineValidationPolicy({ ...vietnameseEgovPolicy, name: 'ee', revocation: { required: 'END_ENTITY' } });
    const o = await validate('leaf-good.pem', { crls: [], ocspResponses: [bin('ocsp-good-sha1.ocsp')], policy: endEntity });
    expect(o).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'TRY_LATER' });
    expect(o.checks.find((c) => c.id === 'REVOCATION' && c.certificateIndex === 2)!.message.en).toContain('accepted algorithm');
  });

  it('chain model accepts a leaf issued while its (now expired) CA was valid; shell model does not', async () => {
    const opts = { certificate: pem('leaf-chain-model.pem'), intermediates: [pem('ca-2020.pem')], trustStore, at };
    const shell = await validateCertificatePath({ ...opts, policy: noRevocation });
    expect(shell).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'OUT_OF_BOUNDS_NO_POE' });
    const chain = await validateCertificatePath({ ...opts, policy: defineValidationPolicy({ ...noRevocation, name: 'chain', model: 'CHAIN' }) });
    expect(chain.indication).toBe('TOTAL_PASSED');
  });

  it('fetches missing intermediates and CRLs only through the caller hook', async () => {
    const asked: FetchRequest[] = [];
    const fetch = async (req: FetchRequest) => {
      asked.push(req);
      if (req.url === 'http://ca.test.vn/issuing.crt') return bin('chain.p7b');
      if (req.url === 'http://ca.test.vn/issuing.crl') return bin('issuing.crl');
      if (req.url === 'http://ca.test.vn/root.crl') return bin('root.crl');
      return undefined;
    };
    const r = await validateCertificatePath({ certificate: pem('leaf-good.pem'), trustStore, at, fetch });
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(asked.map((a) => a.kind).sort()).toEqual(['ca-issuers', 'crl', 'crl']);
    const offline = await validateCertificatePath({ certificate: pem('leaf-good.pem'), trustStore, at });
    expect(offline.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
  });

  it('reads the .p7b bag and the CRL', () => {
    expect(parseCertificates(bin('chain.p7b')).map((c) => c.subject.attributes['CN']![0])).toEqual(['CA phục vụ thử nghiệm G1', 'vn-egov Test Root CA']);
    const crl = parseCrl(bin('issuing.crl'));
    expect(crl.entries).toHaveLength(1);
    expect(crl.entries[0]!.reason).toBe('keyCompromise');
    expect(crl.issuer.attributes['CN']).toEqual(['CA phục vụ thử nghiệm G1']);
  });

  it('gives the same report warm (with a cache) as cold', async () => {
    const cache = createValidationCache();
    const cold = await validate('leaf-good.pem', { cache });
    const warm = await validate('leaf-good.pem', { cache });
    expect(warm).toEqual(cold);
    expect(cache.signatures.size).toBeGreaterThan(0);
  });

  it('bounds path building over many useless intermediates and cycles', async () => {
    const junk = Array.from({ length: 200 }, () => pem('subca.pem'));
    const t0 = performance.now();
    const r = await validate('leaf-good.pem', { intermediates: [pem('issuing.pem'), ...junk, pem('nc-ca.pem'), pem('ca-2020.pem')] });
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('throws VnEgovError on malformed input, never a report', async () => {
    await expect(validateCertificatePath({ certificate: 'not a certificate', trustStore })).rejects.toMatchObject({ code: 'INVALID_PEM' });
    await expect(validate('leaf-good.pem', { at: 'yesterday' })).rejects.toMatchObject({ code: 'INVALID_VALIDATION_OPTIONS' });
    await expect(validate('leaf-good.pem', { crls: [new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01])] })).rejects.toMatchObject({ code: 'INVALID_CRL' });
    await expect(validate('leaf-good.pem', { policy: { ...vietnameseEgovPolicy, maxPathLength: 0 } })).rejects.toMatchObject({ code: 'INVALID_VALIDATION_POLICY' });
  });
});
