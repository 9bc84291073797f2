/**
 * Candidate path building (dựng đường dẫn chứng thư), RFC 4158 style: depth-first from the target towards any trust
 * anchor over unordered intermediates, matching issuer to subject names (RFC 5280 §7.1), preferring key-identifier
 * matches, anchors and currently valid certificates. Loops are cut (a subject name + key pair appears once per
 * path) and the work is bounded (depth, number of paths, number of steps), so cycles and huge inputs terminate.
 */
import type { CertificateRecord } from './certificate.js';

/** A candidate path: the anchor, then certificates from the one it issued down to the target. */
export interface CandidatePath {
  anchor: CertificateRecord;
  anchorId: string;
  /** Issued by the anchor first, target last. */
  certificates: CertificateRecord[];
}

/** Bounds of the search. */
export interface PathBuildingLimits {
  /** Longest path below the anchor: the target plus non-self-issued intermediates (self-issued ones are capped separately). */
  maxLength: number;
  maxPaths: number;
  maxSteps: number;
}

export const DEFAULT_LIMITS: PathBuildingLimits = { maxLength: 8, maxPaths: 16, maxSteps: 2_000 };

/** Result of the search. */
export interface PathBuildingResult {
  paths: CandidatePath[];
  /** True when a bound stopped the search early. */
  truncated: boolean;
}

function score(child: CertificateRecord, issuer: CertificateRecord, at: number, isAnchor: boolean): number {
  let s = 0;
  const aki = child.view.extensions.authorityKeyIdentifier?.keyIdentifier;
  const ski = issuer.view.extensions.subjectKeyIdentifier?.keyIdentifier;
  if (aki !== undefined && ski !== undefined) s += aki === ski ? 4 : -4;
  if (isAnchor) s += 2;
  if (issuer.notBefore <= at && at <= issuer.notAfter) s += 1;
  return s;
}

/**
 * Builds candidate paths from `target` to any of `anchors`, ordered best first.
 */
export function buildCandidatePaths(
  target: CertificateRecord,
  intermediates: readonly CertificateRecord[],
  anchors: readonly { id: string; record: CertificateRecord }[],
  at: number,
  limits: PathBuildingLimits = DEFAULT_LIMITS,
): PathBuildingResult {
  const bySubject = new Map<string, CertificateRecord[]>();
  const seenPool = new Set<string>();
  for (const c of intermediates) {
    if (seenPool.has(c.sha256)) continue;
    seenPool.add(c.sha256);
    (bySubject.get(c.subjectKey) ?? bySubject.set(c.subjectKey, []).get(c.subjectKey)!).push(c);
  }
  const anchorsBySubject = new Map<string, { id: string; record: CertificateRecord }[]>();
  for (const a of anchors) (anchorsBySubject.get(a.record.subjectKey) ?? anchorsBySubject.set(a.record.subjectKey, []).get(a.record.subjectKey)!).push(a);

  const paths: CandidatePath[] = [];
  let steps = 0;
  let truncated = false;
  const chain: CertificateRecord[] = [target];
  const used = new Set<string>([`${target.subjectKey}|${target.sha256}`]);
  const usedKeys = new Set<string>([`${target.subjectKey}|${keyOf(target)}`]);

  /** Certificates counted against `maxLength`: the target and every non-self-issued intermediate. */
  let logical = 1;
  const hardCap = limits.maxLength * 2 + 2;
  const visit = (current: CertificateRecord): void => {
    if (paths.length >= limits.maxPaths || steps >= limits.maxSteps) {
      truncated = true;
      return;
    }
    steps++;
    type Option = { rec: CertificateRecord; anchorId?: string; s: number };
    const options: Option[] = [];
    for (const a of anchorsBySubject.get(current.issuerKey) ?? []) {
      options.push({ rec: a.record, anchorId: a.id, s: score(current, a.record, at, true) });
    }
    if (chain.length < hardCap) {
      for (const c of bySubject.get(current.issuerKey) ?? []) {
        if (c === current || used.has(`${c.subjectKey}|${c.sha256}`) || usedKeys.has(`${c.subjectKey}|${keyOf(c)}`)) continue;
        if (anchors.some((a) => a.record.sha256 === c.sha256)) continue;
        if (!c.view.selfIssued && logical >= limits.maxLength) continue;
        options.push({ rec: c, s: score(current, c, at, false) });
      }
    }
    options.sort((x, y) => y.s - x.s);
    for (const o of options) {
      if (paths.length >= limits.maxPaths || steps >= limits.maxSteps) {
        truncated = true;
        return;
      }
      if (o.anchorId !== undefined) {
        paths.push({ anchor: o.rec, anchorId: o.anchorId, certificates: [...chain].reverse() });
        continue;
      }
      chain.push(o.rec);
      if (!o.rec.view.selfIssued) logical++;
      used.add(`${o.rec.subjectKey}|${o.rec.sha256}`);
      usedKeys.add(`${o.rec.subjectKey}|${keyOf(o.rec)}`);
      visit(o.rec);
      chain.pop();
      if (!o.rec.view.selfIssued) logical--;
      used.delete(`${o.rec.subjectKey}|${o.rec.sha256}`);
      usedKeys.delete(`${o.rec.subjectKey}|${keyOf(o.rec)}`);
    }
  };
  visit(target);
  // shortest first, keeping the preference order among equals (stable sort)
  paths.sort((a, b) => a.certificates.length - b.certificates.length);
  return { paths, truncated };
}

function keyOf(c: CertificateRecord): string {
  return c.spkiSha256;
}
