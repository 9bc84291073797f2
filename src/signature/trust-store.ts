/**
 * Trust stores (kho tin cậy): the explicit set of trust anchors a validation may end at, plus known intermediates
 * for path building. Nothing is trusted implicitly: an empty store trusts nothing. Stores are plain, immutable data.
 */
import * as z from 'zod/mini';
import { loadCertificate, type CertificateInput, type ParsedCertificate } from './certificate.js';
import { signatureError } from './errors.js';
import type { BundledTrustAnchor } from './trust-anchors.js';

/**
 * One trust anchor (điểm tin cậy) in a store.
 * @example
 * ```ts
 * createTrustStore({ anchors: vietnameseTrustAnchors }).anchors.map((a: TrustAnchorEntry) => a.id);
 * ```
 */
export interface TrustAnchorEntry {
  /** Caller-chosen or bundled id; defaults to the SHA-256 fingerprint. */
  id: string;
  certificate: ParsedCertificate;
  /** Where it came from (free text or the bundled provenance). */
  source?: string;
}

/**
 * A trust store: anchors and known (untrusted) intermediates.
 * @example
 * ```ts
 * const store: TrustStore = createTrustStore({ anchors: vietnameseTrustAnchors });
 * ```
 */
export interface TrustStore {
  readonly anchors: readonly TrustAnchorEntry[];
  readonly intermediates: readonly ParsedCertificate[];
}

/**
 * A trust anchor given as a certificate, optionally pinned to a SHA-256 fingerprint.
 * @example
 * ```ts
 * const pinned: TrustAnchorInput = { certificate: rootPem, sha256: 'BAC8BF60…', id: 'neac' };
 * ```
 */
export interface TrustAnchorInput {
  certificate: CertificateInput;
  /** Expected SHA-256 of the DER (hex, any case, colons allowed); a mismatch throws. */
  sha256?: string;
  id?: string;
  source?: string;
}

/**
 * Options of {@link createTrustStore}.
 * @example
 * ```ts
 * const options: TrustStoreOptions = { anchors: vietnameseTrustAnchors, intermediates: [partnerCaPem] };
 * ```
 */
export interface TrustStoreOptions {
  /** Anchors: certificates, pinned inputs, or bundled entries (`kind: 'intermediate'` entries go to `intermediates`). */
  anchors?: readonly (CertificateInput | TrustAnchorInput | BundledTrustAnchor)[];
  /** Untrusted CA certificates offered to path building. */
  intermediates?: readonly CertificateInput[];
}

const fingerprintSchema = z.string().check(z.regex(/^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/));

function isBundled(x: unknown): x is BundledTrustAnchor {
  return typeof x === 'object' && x !== null && 'pem' in x && 'kind' in x && 'sha256' in x;
}
function isPinned(x: unknown): x is TrustAnchorInput {
  return typeof x === 'object' && x !== null && 'certificate' in x;
}

function pinned(input: CertificateInput, expected: string | undefined, id: string | undefined): ParsedCertificate {
  const cert = loadCertificate(input).view;
  if (expected !== undefined) {
    const r = fingerprintSchema.safeParse(expected);
    if (!r.success) {
      throw signatureError('INVALID_TRUST_STORE', 'Dấu vân tay SHA-256 không hợp lệ', `invalid SHA-256 fingerprint for ${id ?? 'anchor'}`);
    }
    const want = expected.replace(/:/g, '').toUpperCase();
    if (cert.fingerprints.sha256 !== want) {
      throw signatureError(
        'TRUST_ANCHOR_FINGERPRINT_MISMATCH',
        `Dấu vân tay của điểm tin cậy ${id ?? ''} không khớp`,
        `trust anchor ${id ?? ''} has SHA-256 ${cert.fingerprints.sha256}, pinned ${want}`,
        { issues: [{ code: 'fingerprint_mismatch', path: [id ?? 'anchor'], message: cert.fingerprints.sha256 }] },
      );
    }
  }
  return cert;
}

/**
 * Creates a trust store from anchors (optionally pinned by SHA-256) and known intermediates. Duplicates (same
 * fingerprint) are kept once. Nothing is added implicitly: pass {@link vietnameseTrustAnchors} to trust the
 * Vietnamese roots.
 *
 * @throws VnEgovError `TRUST_ANCHOR_FINGERPRINT_MISMATCH`, `INVALID_TRUST_STORE`, `INVALID_CERTIFICATE`.
 * @example
 * ```ts
 * import { createTrustStore, vietnameseTrustAnchors } from 'vn-egov/signature';
 * const store = createTrustStore({ anchors: [...vietnameseTrustAnchors, { certificate: testRootPem, id: 'test-root' }] });
 * ```
 */
export function createTrustStore(options: TrustStoreOptions = {}): TrustStore {
  if (typeof options !== 'object' || options === null) {
    throw signatureError('INVALID_TRUST_STORE', 'Tùy chọn kho tin cậy không hợp lệ', 'trust store options must be an object');
  }
  const anchors: TrustAnchorEntry[] = [];
  const intermediates: ParsedCertificate[] = [];
  const seenA = new Set<string>();
  const seenI = new Set<string>();
  const addI = (c: ParsedCertificate): void => {
    if (!seenI.has(c.fingerprints.sha256)) {
      seenI.add(c.fingerprints.sha256);
      intermediates.push(c);
    }
  };
  for (const a of options.anchors ?? []) {
    let entry: TrustAnchorEntry;
    if (isBundled(a)) {
      const cert = pinned(a.pem, a.sha256, a.id);
      if (a.kind === 'intermediate') {
        addI(cert);
        continue;
      }
      entry = { id: a.id, certificate: cert, source: `${a.source.repository}@${a.source.commit}:${a.source.path}` };
    } else if (isPinned(a)) {
      const cert = pinned(a.certificate, a.sha256, a.id);
      entry = { id: a.id ?? cert.fingerprints.sha256, certificate: cert, ...(a.source !== undefined ? { source: a.source } : {}) };
    } else {
      const cert = pinned(a, undefined, undefined);
      entry = { id: cert.fingerprints.sha256, certificate: cert };
    }
    if (seenA.has(entry.certificate.fingerprints.sha256)) continue;
    seenA.add(entry.certificate.fingerprints.sha256);
    anchors.push(entry);
  }
  for (const i of options.intermediates ?? []) addI(loadCertificate(i).view);
  return { anchors, intermediates };
}

/**
 * Returns a new store with more anchors (the original is unchanged).
 *
 * @example
 * ```ts
 * const withTest = addTrustAnchors(store, [{ certificate: testRoot, sha256: 'AB…' }]);
 * ```
 */
export function addTrustAnchors(store: TrustStore, anchors: TrustStoreOptions['anchors']): TrustStore {
  const extra = createTrustStore({ anchors: anchors ?? [] });
  const have = new Set(store.anchors.map((a) => a.certificate.fingerprints.sha256));
  return {
    anchors: [...store.anchors, ...extra.anchors.filter((a) => !have.has(a.certificate.fingerprints.sha256))],
    intermediates: [...store.intermediates, ...extra.intermediates],
  };
}

/**
 * Returns a new store without the anchors whose id or SHA-256 fingerprint is given.
 *
 * @example
 * ```ts
 * const onlyBcy = removeTrustAnchors(store, ['neac-vietnam-national-root-ca']);
 * ```
 */
export function removeTrustAnchors(store: TrustStore, idsOrFingerprints: readonly string[]): TrustStore {
  const drop = new Set(idsOrFingerprints.map((s) => s.replace(/:/g, '').toUpperCase()));
  return {
    anchors: store.anchors.filter((a) => !drop.has(a.id.toUpperCase()) && !drop.has(a.certificate.fingerprints.sha256)),
    intermediates: store.intermediates,
  };
}
