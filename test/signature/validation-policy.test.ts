import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createTrustStore, defineValidationPolicy, strictRfc5280Policy, validateCertificatePath, validationPolicySchema,
  vietnameseEgovPolicy, vietnameseTrustAnchors, type ValidationPolicy,
} from '../../src/signature/index.js';
import { addNameConstraints, checkNames, initialNameConstraints } from '../../src/signature/name-constraints.js';
import type { GeneralName } from '../../src/signature/asn1.js';
import { SHARED } from '../helpers/shared-data.js';

const dir = join(import.meta.dirname, '../fixtures/signature');
const pem = (f: string): string => readFileSync(join(dir, f), 'utf8');
const at = new Date(Date.parse(pem('GENERATED_AT.txt').trim()) + 86_400_000);
const trustStore = createTrustStore({ anchors: [pem('root.pem')] });
const base: ValidationPolicy = { ...vietnameseEgovPolicy, revocation: { required: 'NONE' } };
const run = (leaf: string, policy: ValidationPolicy) =>
  validateCertificatePath({ certificate: pem(leaf), intermediates: [pem('issuing.pem')], trustStore, at, policy });

describe('validation policy', () => {
  it('the shipped policies satisfy their own schema and cite their sources', () => {
    for (const p of [vietnameseEgovPolicy, strictRfc5280Policy]) expect(validationPolicySchema.safeParse(p).success).toBe(true);
    expect(vietnameseEgovPolicy.crypto.keys.find((k) => k.algorithm === 'RSA')).toMatchObject({ minKeySize: 2048, source: expect.stringContaining('TT 15/2025') });
    expect(vietnameseEgovPolicy.crypto.digests.find((d) => d.digest === 'SHA-1')).toMatchObject({ notAfter: '2012-08-01' });
  });

  it('rejects malformed policies with VnEgovError INVALID_VALIDATION_POLICY and its issues', () => {
    try {
      defineValidationPolicy({ ...vietnameseEgovPolicy, model: 'HYBRID', levels: { NOT_A_CHECK: 'FAIL' } });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'INVALID_VALIDATION_POLICY' });
      expect((e as { issues: unknown[] }).issues.length).toBeGreaterThan(0);
    }
  });

  it('SHA-1 is refused after its sunset; a documented legacy policy can accept it', async () => {
    expect((await run('leaf-sha1.pem', base)).subIndication).toBe('CRYPTO_CONSTRAINTS_FAILURE');
    const legacy = defineValidationPolicy({
      ...base, name: 'legacy-sha1',
      crypto: { ...base.crypto, digests: base.crypto.digests.map((d) => (d.digest === 'SHA-1' ? { digest: 'SHA-1' as const, source: 'legacy policy' } : d)) },
    });
    expect((await run('leaf-sha1.pem', legacy)).indication).toBe('TOTAL_PASSED');
    // or downgrade the whole crypto block to a warning
    const warnOnly = defineValidationPolicy({ ...base, name: 'crypto-warn', crypto: { ...base.crypto, level: 'WARN' } });
    const r = await run('leaf-rsa1024.pem', warnOnly);
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.checks.find((c) => c.id === 'CRYPTO_CONSTRAINTS' && c.status === 'WARNING')?.message.en).toContain('1024 bits < 2048');
  });

  it('sunsets dated after the policy update date are only warnings (DSS AlgoExpirationDate semantics)', async () => {
    const sha256Sunset = defineValidationPolicy({
      ...base, name: 'sha256-sunset',
      crypto: {
        ...base.crypto, updateDate: '2020-01-01', levelAfterUpdate: 'WARN',
        digests: base.crypto.digests.map((d) => (d.digest === 'SHA-256' ? { ...d, notAfter: '2025-01-01' } : d)),
      },
    });
    const r = await run('leaf-good.pem', sha256Sunset);
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.checks.filter((c) => c.id === 'CRYPTO_CONSTRAINTS' && c.status === 'WARNING').length).toBeGreaterThan(0);
    const strictDate = defineValidationPolicy({ ...sha256Sunset, crypto: { ...sha256Sunset.crypto, updateDate: '2026-01-01' } });
    expect((await run('leaf-good.pem', strictDate)).subIndication).toBe('CRYPTO_CONSTRAINTS_FAILURE');
  });

  it('levels decide: IGNORE hides a check, FAIL makes it decisive', async () => {
    const vnpt = readFileSync(join(SHARED, 'data/certs/vnpt-ca-sha2.pem'), 'utf8');
    const store = createTrustStore({ anchors: vietnameseTrustAnchors });
    const atVn = '2026-06-01T00:00:00Z';
    const def = await validateCertificatePath({ certificate: vnpt, trustStore: store, at: atVn, policy: base });
    expect(def.checks.filter((c) => c.status === 'WARNING').map((c) => c.id).sort()).toEqual(['PROFILE_AUTHORITY_KEY_ID', 'TARGET_NOT_CA']);
    const quiet = defineValidationPolicy({ ...base, levels: { ...base.levels, PROFILE_AUTHORITY_KEY_ID: 'IGNORE', TARGET_NOT_CA: 'IGNORE' } });
    const q = await validateCertificatePath({ certificate: vnpt, trustStore: store, at: atVn, policy: quiet });
    expect(q.checks.some((c) => c.status === 'WARNING')).toBe(false);
    const strictTarget = defineValidationPolicy({ ...base, levels: { ...base.levels, TARGET_NOT_CA: 'FAIL' } });
    const s = await validateCertificatePath({ certificate: vnpt, trustStore: store, at: atVn, policy: strictTarget });
    expect(s).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'CHAIN_CONSTRAINTS_FAILURE' });
    // the web-PKI AKI rule of the strict profile policy rejects the real NEAC root (documented)
    const st = await validateCertificatePath({ certificate: vnpt, trustStore: store, at: atVn, policy: { ...strictRfc5280Policy, revocation: { required: 'NONE' } } });
    expect(st.indication).toBe('INDETERMINATE');
  });

  it('results do not depend on the offset used to write the validation time', async () => {
    const iso = at.toISOString();
    const plus7 = new Date(at.getTime() + 7 * 3_600_000).toISOString().replace('Z', '+07:00');
    const a = await run('leaf-good.pem', base);
    const b = await validateCertificatePath({ certificate: pem('leaf-good.pem'), intermediates: [pem('issuing.pem')], trustStore, at: plus7, policy: base });
    expect(b.validationTime).toBe(iso);
    expect(b).toEqual(a);
  });
});

describe('name constraints (RFC 5280 §4.2.1.10)', () => {
  const dns = (value: string): GeneralName => ({ type: 'dNSName', value });
  const ip = (bytes: number[]): GeneralName => ({ type: 'iPAddress', value: '', ipBytes: Uint8Array.from(bytes) });
  const email = (value: string): GeneralName => ({ type: 'rfc822Name', value });
  const sub = (base: GeneralName) => ({ base, minimum: 0 });
  const noSubject = { rdns: [] };

  it('dNSName: subtree match by whole labels; excluded wins', () => {
    const s = addNameConstraints(initialNameConstraints(), { permitted: [sub(dns('gov.vn'))], excluded: [sub(dns('secret.gov.vn'))] });
    expect(checkNames(s, noSubject, [dns('dichvucong.gov.vn')]).ok).toBe(true);
    expect(checkNames(s, noSubject, [dns('gov.vn')]).ok).toBe(true);
    expect(checkNames(s, noSubject, [dns('evilgov.vn')]).ok).toBe(false);
    expect(checkNames(s, noSubject, [dns('a.secret.gov.vn')]).ok).toBe(false);
  });

  it('permitted sets intersect across certificates', () => {
    let s = addNameConstraints(initialNameConstraints(), { permitted: [sub(dns('gov.vn'))] });
    s = addNameConstraints(s, { permitted: [sub(dns('hanoi.gov.vn'))] });
    expect(checkNames(s, noSubject, [dns('x.hanoi.gov.vn')]).ok).toBe(true);
    expect(checkNames(s, noSubject, [dns('x.danang.gov.vn')]).ok).toBe(false);
  });

  it('iPAddress with masks; malformed masks fail closed', () => {
    const s = addNameConstraints(initialNameConstraints(), { permitted: [sub(ip([10, 0, 0, 0, 255, 0, 0, 0]))] });
    expect(checkNames(s, noSubject, [ip([10, 1, 2, 3])]).ok).toBe(true);
    expect(checkNames(s, noSubject, [ip([11, 1, 2, 3])]).ok).toBe(false);
    const bad = addNameConstraints(initialNameConstraints(), { permitted: [sub(ip([10, 0, 0, 0, 255, 0, 255, 0]))] });
    expect(checkNames(bad, noSubject, [ip([10, 0, 0, 1])]).ok).toBe(false);
  });

  it('rfc822Name: mailbox, host and domain forms, also applied to emailAddress in the subject', () => {
    const s = addNameConstraints(initialNameConstraints(), { permitted: [sub(email('.noivu.gov.vn'))] });
    expect(checkNames(s, noSubject, [email('a@vanthu.noivu.gov.vn')]).ok).toBe(true);
    expect(checkNames(s, noSubject, [email('a@noivu.gov.vn')]).ok).toBe(false);
    const subject = { rdns: [[{ oid: '1.2.840.113549.1.9.1', value: 'a@example.com', stringType: 'IA5String' }]] };
    expect(checkNames(s, subject, undefined).ok).toBe(false);
  });
});
