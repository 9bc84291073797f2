/** Shared helpers of the CMS tests: fixture loading and byte-level patching of openssl's SignedData. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPrivateKey, sign } from 'node:crypto';
import * as asn1js from 'asn1js';
import { createTrustStore } from '../../../src/signature/index.js';

export const dir = join(import.meta.dirname, '../../fixtures/signature/cms');
export const bin = (f: string): Uint8Array => new Uint8Array(readFileSync(join(dir, f)));
export const text = (f: string): string => readFileSync(join(dir, f), 'utf8');
export const generatedAt = Date.parse(text('GENERATED_AT.txt').trim());
export const at = new Date(generatedAt + 86_400_000);
export const trustStore = createTrustStore({ anchors: [{ certificate: text('root.pem'), id: 'cms-test-root' }] });
export const crls = [bin('root.crl'), bin('issuing.crl')];
export const content = bin('content.bin');

export function hex(s: string): Uint8Array {
  return Uint8Array.from(s.match(/../g)!.map((b) => parseInt(b, 16)));
}

export function indexOf(hay: Uint8Array, needle: Uint8Array, from = 0): number {
  outer: for (let i = from; i <= hay.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

type Block = asn1js.BaseBlock & { valueBlock: { value: Block[]; valueHexView: Uint8Array } };

/** Offsets of the first SignerInfo's signedAttrs ([0] IMPLICIT) and signature value in a DER SignedData. */
export function locate(der: Uint8Array): { attrs: [number, number]; sig: [number, number] } {
  const res = asn1js.fromBER(der);
  const root = res.result as Block;
  const sd = root.valueBlock.value[1]!.valueBlock.value[0]!;
  const si = sd.valueBlock.value.at(-1)!.valueBlock.value[0]!;
  const attrs = si.valueBlock.value.find((n) => n.idBlock.tagClass === 3 && n.idBlock.tagNumber === 0)!;
  const sigNode = si.valueBlock.value.find((n) => n.idBlock.tagClass === 1 && n.idBlock.tagNumber === 4)!;
  const a = attrs.valueBeforeDecodeView;
  const s = sigNode.valueBlock.valueHexView;
  return { attrs: [a.byteOffset - der.byteOffset, a.byteLength], sig: [s.byteOffset - der.byteOffset, s.byteLength] };
}

/** Re-signs the (patched) signed attributes of the first signer with the test RSA key (PKCS#1 v1.5, SHA-256). */
export function resign(der: Uint8Array): Uint8Array {
  const out = der.slice();
  const { attrs, sig } = locate(out);
  const set = out.slice(attrs[0], attrs[0] + attrs[1]);
  set[0] = 0x31;
  const key = createPrivateKey(text('signer-rsa.key'));
  const value = new Uint8Array(sign('sha256', set, key));
  if (value.length !== sig[1]) throw new Error('signature length changed');
  out.set(value, sig[0]);
  return out;
}
