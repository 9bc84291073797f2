import { describe, expect, it } from 'vitest';
import { isVnEgovError } from '../../src/errors/index.js';
import { nodeContentDigest } from '../../src/node/index.js';
import { signPdf, verifyCms, verifyPdf, type ContentDigest } from '../../src/signature/index.js';
import { createEdxmlPackage, createTestPki, signCms } from '../../src/testing/index.js';

const pki = await createTestPki({ seed: 'content-digest', now: '2026-03-10T03:00:00Z' });
const options = { trustStore: pki.trustStore(), at: pki.now, crls: (await pki.crls()).map((c) => c.der) };
const content = new Uint8Array(300_000).map((_, i) => (i * 2654435761) >>> 24);
const p7s = await signCms({ signer: pki.neac.person, content, chain: [pki.neac.ca], signingTime: pki.now });

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return isVnEgovError(e) ? e.code : `not a VnEgovError: ${String(e)}`;
  }
}

describe('contentDigest: a caller-supplied content digest (vn-egov/node nodeContentDigest)', () => {
  it('hashes like WebCrypto for every supported hash', async () => {
    for (const hash of ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'] as const) {
      const web = new Uint8Array(await crypto.subtle.digest(hash, content));
      expect(nodeContentDigest(hash, content)).toEqual(web);
    }
  });

  it('gives the same verdicts as the WebCrypto path, genuine and tampered', async () => {
    const web = await verifyCms(p7s, { ...options, content });
    const node = await verifyCms(p7s, { ...options, content, contentDigest: nodeContentDigest });
    expect(node.indication).toBe('TOTAL_PASSED');
    expect(node.signers[0]!.checks).toEqual(web.signers[0]!.checks);
    const changed = content.slice();
    changed[1234] = changed[1234]! ^ 1;
    const bad = await verifyCms(p7s, { ...options, content: changed, contentDigest: nodeContentDigest });
    expect([bad.indication, bad.subIndication]).toEqual(['TOTAL_FAILED', 'HASH_FAILURE']);
  });

  it('is used for PDF signatures too', async () => {
    const pkg = await createEdxmlPackage({ seed: 5, attachments: 1 });
    const pdf = await signPdf(pkg.attachments[0]!.data as Uint8Array, { key: pki.neac.person.keys.privateKey, certificate: pki.neac.person.der, chain: [pki.neac.ca.der], signingTime: pki.now });
    let calls = 0;
    const counting: ContentDigest = (hash, data) => {
      calls++;
      return nodeContentDigest(hash, data);
    };
    const r = await verifyPdf(pdf, { ...options, contentDigest: counting });
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(calls).toBe(1);
  });

  it('cannot make a changed content pass unless the hook itself lies, and a malformed hook is an error', async () => {
    const wrongLength: ContentDigest = () => new Uint8Array(16);
    expect(await codeOf(verifyCms(p7s, { ...options, content, contentDigest: wrongLength }))).toBe('CMS_INVALID_OPTIONS');
    const notBytes = (() => 'abc') as unknown as ContentDigest;
    expect(await codeOf(verifyCms(p7s, { ...options, content, contentDigest: notBytes }))).toBe('CMS_INVALID_OPTIONS');
    expect(await codeOf(verifyCms(p7s, { ...options, content, contentDigest: 42 as unknown as ContentDigest }))).toBe('CMS_INVALID_OPTIONS');
    const zeros: ContentDigest = () => new Uint8Array(32);
    const r = await verifyCms(p7s, { ...options, content, contentDigest: zeros });
    expect(r.subIndication).toBe('HASH_FAILURE');
    expect(await codeOf(Promise.resolve().then(() => nodeContentDigest('MD5' as never, content)))).toBe('INVALID_ARGUMENT');
  });
});
