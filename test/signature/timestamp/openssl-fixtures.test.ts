/**
 * Time-stamp fixtures made by `openssl ts` (make-fixtures.sh): our verdicts, and a differential test — verifyTimestamp
 * gives TOTAL_PASSED ⇔ `openssl ts -verify` succeeds, on every genuine and tampered token. The openssl half is
 * skipped (not passed) when openssl is absent or VN_EGOV_NO_OPENSSL=1.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import { afterAll, describe, expect, it } from 'vitest';
import { createTrustStore, verifyCms, verifyTimestamp, type TimestampVerificationReport } from '../../../src/signature/index.js';

const dir = join(import.meta.dirname, '../../fixtures/signature/timestamp');
const bin = (f: string): Uint8Array => new Uint8Array(readFileSync(join(dir, f)));
const text = (f: string): string => readFileSync(join(dir, f), 'utf8');
const at = new Date(Date.parse(text('GENERATED_AT.txt').trim()) + 86_400_000);
const trustStore = createTrustStore({ anchors: [{ certificate: text('root.pem'), id: 'tsa-test-root' }] });
const crls = [bin('root.crl')];
const data = bin('data.bin');
const hasOpenssl = (() => {
  if (process.env.VN_EGOV_NO_OPENSSL === '1') return false;
  try {
    execFileSync('openssl', ['version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
})();

function indexOf(hay: Uint8Array, needle: number[], from = 0): number {
  outer: for (let i = from; i <= hay.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
/** Flips the last digit of genTime inside the TSTInfo (still DER, the signed digest no longer matches). */
function alterTstInfo(token: Uint8Array): Uint8Array {
  const out = token.slice();
  const i = indexOf(out, [0x18, 0x0f]);
  out[i + 2 + 13]! ^= 0x01;
  return out;
}
/** Flips a byte of the TSA's signature value (the last OCTET STRING of the token). */
function alterSignature(token: Uint8Array): Uint8Array {
  const out = token.slice();
  out[out.length - 20]! ^= 0x01;
  return out;
}
type Block = asn1js.BaseBlock & { valueBlock: { value: Block[]; valueHexView: Uint8Array } };
/** The signature value and the signature time-stamp token of the first signer of a CAdES-T signature. */
function cadesParts(der: Uint8Array): { signature: Uint8Array; token: Uint8Array } {
  const root = asn1js.fromBER(der.slice().buffer).result as Block;
  const sd = root.valueBlock.value[1]!.valueBlock.value[0]!;
  const si = sd.valueBlock.value.at(-1)!.valueBlock.value[0]!;
  const sig = si.valueBlock.value.find((n) => n.idBlock.tagClass === 1 && n.idBlock.tagNumber === 4)!;
  const unsigned = si.valueBlock.value.find((n) => n.idBlock.tagClass === 3 && n.idBlock.tagNumber === 1)!;
  const token = unsigned.valueBlock.value[0]!.valueBlock.value[1]!.valueBlock.value[0]!;
  return { signature: sig.valueBlock.valueHexView.slice(), token: new Uint8Array(token.valueBeforeDecodeView) };
}

interface Case { name: string; token: Uint8Array; isToken: boolean; data: Uint8Array; expected: TimestampVerificationReport['indication']; sub?: string }
const foreign = cadesParts(bin('cades-t-foreign.der'));
const cadesT = cadesParts(bin('cades-t.der'));
const cases: Case[] = [
  { name: 'good.tsr', token: bin('good.tsr'), isToken: false, data, expected: 'TOTAL_PASSED' },
  { name: 'good.tst', token: bin('good.tst'), isToken: true, data, expected: 'TOTAL_PASSED' },
  { name: 'fractional.tsr', token: bin('fractional.tsr'), isToken: false, data, expected: 'TOTAL_PASSED' },
  { name: 'cades-t token over its signature value', token: cadesT.token, isToken: true, data: cadesT.signature, expected: 'TOTAL_PASSED' },
  { name: 'good-sha512.tsr (no TSA certificate in the token)', token: bin('good-sha512.tsr'), isToken: false, data, expected: 'INDETERMINATE', sub: 'NO_SIGNING_CERTIFICATE_FOUND' },
  { name: 'good.tsr over other data (wrong imprint)', token: bin('good.tsr'), isToken: false, data: bin('other.bin'), expected: 'TOTAL_FAILED', sub: 'HASH_FAILURE' },
  { name: 'good.tst with an altered TSTInfo byte', token: alterTstInfo(bin('good.tst')), isToken: true, data, expected: 'TOTAL_FAILED', sub: 'HASH_FAILURE' },
  { name: 'good.tst with an altered signature byte', token: alterSignature(bin('good.tst')), isToken: true, data, expected: 'TOTAL_FAILED', sub: 'SIG_CRYPTO_FAILURE' },
  { name: 'TSA certificate with a non-critical EKU', token: bin('tsa-noncritical.tst'), isToken: true, data, expected: 'INDETERMINATE', sub: 'CHAIN_CONSTRAINTS_FAILURE' },
  { name: 'TSA certificate without EKU', token: bin('tsa-noeku.tst'), isToken: true, data, expected: 'INDETERMINATE', sub: 'CHAIN_CONSTRAINTS_FAILURE' },
  { name: 'untrusted TSA (rogue root)', token: bin('rogue.tsr'), isToken: false, data, expected: 'INDETERMINATE', sub: 'NO_CERTIFICATE_CHAIN_FOUND' },
  { name: 'token for another signature', token: foreign.token, isToken: true, data: foreign.signature, expected: 'TOTAL_FAILED', sub: 'HASH_FAILURE' },
];

const work = mkdtempSync(join(tmpdir(), 'vn-egov-ts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
writeFileSync(join(work, 'root.pem'), text('root.pem'));

function opensslVerifies(c: Case, k: number): boolean {
  writeFileSync(join(work, `${k}.in`), c.token);
  writeFileSync(join(work, `${k}.data`), c.data);
  const r = spawnSync('openssl', ['ts', '-verify', ...(c.isToken ? ['-token_in'] : []), '-in', join(work, `${k}.in`), '-data', join(work, `${k}.data`),
    '-CAfile', join(work, 'root.pem'), '-attime', String(Math.floor(at.getTime() / 1000))], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('Verification: OK');
}

describe('time-stamp fixtures made by openssl ts', () => {
  for (const c of cases) {
    it(`${c.name}: ${c.expected}${c.sub ? ` ${c.sub}` : ''}`, async () => {
      const r = await verifyTimestamp(c.token, { data: c.data, trustStore, at, crls });
      expect(r.indication, `${r.message.en} ${JSON.stringify(r.checks.filter((x) => x.status === 'FAILED').map((x) => x.id))}`).toBe(c.expected);
      if (c.sub) expect(r.subIndication).toBe(c.sub);
    });
  }

  it('reads every TSTInfo field written by openssl (policy, serial, nonce, accuracy, ordering, tsa name, fractional genTime)', async () => {
    const r = await verifyTimestamp(bin('fractional.tsr'), { data, trustStore, at, crls });
    expect(r.genTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/);
    expect(r.policy).toBe('2.999.704.9.1');
    expect(r.accuracy).toEqual({ seconds: 1, millis: 500, micros: 100 });
    expect(r.ordering).toBe(true);
    expect(r.nonce).toMatch(/^[0-9A-F]+$/);
    expect(r.tsaName).toContain('Máy chủ cấp dấu thời gian thử nghiệm (tsa)');
    expect(r.checks.find((c) => c.id === 'TST_TSA_NAME')?.status).toBe('PASSED');
    expect(r.tsa?.commonName).toBe('Máy chủ cấp dấu thời gian thử nghiệm (tsa)');
    expect(r.imprint).toMatchObject({ algorithm: 'SHA-256', matches: true });
    const s512 = await verifyTimestamp(bin('good-sha512.tst'), { data, trustStore, at, crls });
    expect(s512.imprint).toMatchObject({ algorithm: 'SHA-512', matches: true });
    expect(s512.nonce).toBeUndefined();
    // the token of a request without certReq carries no certificate: the caller supplies the TSA's
    expect(s512.indication).toBe('INDETERMINATE');
    const supplied = await verifyTimestamp(bin('good-sha512.tst'), { data, trustStore, at, crls, certificates: [text('tsa.pem')] });
    expect(supplied.indication, supplied.message.en).toBe('TOTAL_PASSED');
  });

  it('CAdES-T made with signCms + openssl ts: verifyCms verifies the signature time-stamp', async () => {
    const r = await verifyCms(bin('cades-t.der'), { content: data, trustStore, at, crls });
    expect(r.indication, r.message.en).toBe('TOTAL_PASSED');
    expect(r.signers[0]!.timestamps).toHaveLength(1);
    expect(r.signers[0]!.timestamps[0]!.indication).toBe('TOTAL_PASSED');
    const f = await verifyCms(bin('cades-t-foreign.der'), { content: data, trustStore, at, crls });
    expect(f.indication, f.message.en).toBe('TOTAL_PASSED');
    expect(f.signers[0]!.timestamps[0]!.subIndication).toBe('HASH_FAILURE');
    expect(f.signers[0]!.checks.find((c) => c.id === 'CMS_SIGNATURE_TIMESTAMP')?.status).toBe('WARNING');
  });

  it.skipIf(!hasOpenssl)(`agrees with openssl ts -verify on all ${cases.length} tokens (genuine and tampered)`, async () => {
    let agreed = 0;
    for (const [k, c] of cases.entries()) {
      const ours = (await verifyTimestamp(c.token, { data: c.data, trustStore, at, crls })).indication === 'TOTAL_PASSED';
      expect(ours, c.name).toBe(opensslVerifies(c, k));
      agreed++;
    }
    expect(agreed).toBe(cases.length);
  });

  it.skipIf(!hasOpenssl)('openssl cms -verify accepts the CAdES-T signature', () => {
    writeFileSync(join(work, 'cades-t.der'), bin('cades-t.der'));
    writeFileSync(join(work, 'data.bin'), data);
    const r = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(work, 'cades-t.der'), '-content', join(work, 'data.bin'),
      '-CAfile', join(work, 'root.pem'), '-purpose', 'any', '-attime', String(Math.floor(at.getTime() / 1000)), '-out', '/dev/null'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });
});
