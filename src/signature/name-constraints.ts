/**
 * Name constraints (ràng buộc tên), RFC 5280 §4.2.1.10 and §6.1.3 (b)(c), §6.1.4 (g): permitted subtrees are
 * intersected (kept as one set per certificate, a name must fit every set that constrains its form), excluded
 * subtrees are united. Supported forms: dNSName, rfc822Name, uniformResourceIdentifier, iPAddress, directoryName;
 * a name of another form under a constraint of that form cannot be checked and fails.
 */
import type { GeneralName, GeneralNameType, NameAttribute } from './asn1.js';
import type { GeneralSubtree } from './certificate.js';

/** The name-constraint state carried along a path. */
export interface NameConstraintState {
  permittedSets: GeneralSubtree[][];
  excluded: GeneralSubtree[];
}

export function initialNameConstraints(): NameConstraintState {
  return { permittedSets: [], excluded: [] };
}

/** §6.1.4 (g): folds a certificate's nameConstraints into the state (returns a new state). */
export function addNameConstraints(
  state: NameConstraintState,
  nc: { permitted?: GeneralSubtree[]; excluded?: GeneralSubtree[] },
): NameConstraintState {
  return {
    permittedSets: nc.permitted ? [...state.permittedSets, nc.permitted] : state.permittedSets,
    excluded: nc.excluded ? [...state.excluded, ...nc.excluded] : state.excluded,
  };
}

const SUPPORTED: ReadonlySet<GeneralNameType> = new Set(['dNSName', 'rfc822Name', 'uniformResourceIdentifier', 'iPAddress', 'directoryName']);

const DNS_LABEL = /^[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/;

function validDnsName(name: string, allowWildcard: boolean): boolean {
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.split('.');
  return labels.every((l, i) => DNS_LABEL.test(l) || (allowWildcard && i === 0 && l === '*' && labels.length > 2));
}

function validDnsConstraint(c: string): boolean {
  if (c === '') return true;
  const body = c.startsWith('.') ? c.slice(1) : c;
  return validDnsName(body, false);
}

function dnsMatches(name: string, constraint: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, '');
  const c = constraint.toLowerCase().replace(/\.$/, '');
  if (c === '') return true;
  if (c.startsWith('.')) return n.endsWith(c);
  return n === c || n.endsWith('.' + c);
}

function hostMatches(host: string, constraint: string): boolean {
  const h = host.toLowerCase();
  const c = constraint.toLowerCase();
  if (c.startsWith('.')) return h.endsWith(c);
  return h === c;
}

function emailMatches(mailbox: string, constraint: string): boolean {
  const at = mailbox.lastIndexOf('@');
  if (at < 0) return false;
  if (constraint.includes('@')) {
    const ca = constraint.lastIndexOf('@');
    return mailbox.slice(0, at) === constraint.slice(0, ca) && mailbox.slice(at + 1).toLowerCase() === constraint.slice(ca + 1).toLowerCase();
  }
  return hostMatches(mailbox.slice(at + 1), constraint);
}

function uriHost(uri: string): string | undefined {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/.exec(uri);
  const host = m?.[1];
  return host === undefined || host === '' ? undefined : host;
}

function ipConstraintValid(b: Uint8Array | undefined): boolean {
  if (!b || (b.length !== 8 && b.length !== 32)) return false;
  const mask = b.subarray(b.length / 2);
  let seenZero = false;
  for (const byte of mask) {
    for (let k = 7; k >= 0; k--) {
      const one = (byte & (1 << k)) !== 0;
      if (one && seenZero) return false;
      if (!one) seenZero = true;
    }
  }
  return true;
}

function ipMatches(ip: Uint8Array, c: Uint8Array): boolean {
  const half = c.length / 2;
  if (ip.length !== half) return false;
  for (let i = 0; i < half; i++) if ((ip[i]! & c[half + i]!) !== (c[i]! & c[half + i]!)) return false;
  return true;
}

function rdnKey(rdn: NameAttribute[]): string {
  return rdn
    .map((a) => `${a.oid}=${a.stringType === 'other' ? a.value : a.value.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ')}`)
    .sort()
    .join('+');
}

function dnMatches(name: NameAttribute[][], base: NameAttribute[][]): boolean {
  if (base.length > name.length) return false;
  for (let i = 0; i < base.length; i++) if (rdnKey(base[i]!) !== rdnKey(name[i]!)) return false;
  return true;
}

/** Result of checking one certificate's names. */
export type NameCheck = { ok: true } | { ok: false; reason: string; name: string };

function matches(name: GeneralName, subtree: GeneralSubtree): boolean | 'malformed' {
  const base = subtree.base;
  switch (name.type) {
    case 'dNSName':
      if (!validDnsConstraint(base.value)) return 'malformed';
      return dnsMatches(name.value, base.value);
    case 'rfc822Name':
      return emailMatches(name.value, base.value);
    case 'uniformResourceIdentifier': {
      const host = uriHost(name.value);
      if (host === undefined) return 'malformed';
      return hostMatches(host, base.value);
    }
    case 'iPAddress':
      if (!ipConstraintValid(base.ipBytes)) return 'malformed';
      return ipMatches(name.ipBytes!, base.ipBytes!);
    case 'directoryName':
      return dnMatches(name.directoryName!.rdns, base.directoryName!.rdns);
    default:
      return false;
  }
}

/**
 * §6.1.3 (b)(c): checks a certificate's subject name, its emailAddress attributes and its subjectAltName entries
 * against the state.
 */
export function checkNames(
  state: NameConstraintState,
  subject: { rdns: NameAttribute[][] },
  san: GeneralName[] | undefined,
): NameCheck {
  if (state.permittedSets.length === 0 && state.excluded.length === 0) return { ok: true };
  const names: GeneralName[] = [];
  if (subject.rdns.length > 0) names.push({ type: 'directoryName', value: '', directoryName: { rdns: subject.rdns, key: '' } });
  for (const rdn of subject.rdns) for (const a of rdn) if (a.oid === '1.2.840.113549.1.9.1') names.push({ type: 'rfc822Name', value: a.value });
  for (const n of san ?? []) names.push(n);
  const constrainedTypes = new Set<GeneralNameType>([...state.permittedSets.flat(), ...state.excluded].map((s) => s.base.type));
  for (const name of names) {
    if (!constrainedTypes.has(name.type)) continue;
    const label = `${name.type}:${name.value || '(subject)'}`;
    if (!SUPPORTED.has(name.type)) return { ok: false, reason: 'unsupported name form under a constraint', name: label };
    if (name.type === 'iPAddress' && name.ipBytes?.length !== 4 && name.ipBytes?.length !== 16) {
      return { ok: false, reason: 'malformed iPAddress', name: label };
    }
    if (name.type === 'dNSName' && !validDnsName(name.value, true)) return { ok: false, reason: 'malformed dNSName', name: label };
    for (const ex of state.excluded) {
      if (ex.base.type !== name.type) continue;
      const m = matches(name, ex);
      if (m === 'malformed') return { ok: false, reason: 'malformed constraint or name', name: label };
      if (m) return { ok: false, reason: 'name in an excluded subtree', name: label };
    }
    for (const set of state.permittedSets) {
      const ofType = set.filter((s) => s.base.type === name.type);
      if (ofType.length === 0) continue;
      let ok = false;
      for (const p of ofType) {
        const m = matches(name, p);
        if (m === 'malformed') return { ok: false, reason: 'malformed constraint or name', name: label };
        if (m) ok = true;
      }
      if (!ok) return { ok: false, reason: 'name outside the permitted subtrees', name: label };
    }
  }
  return { ok: true };
}
