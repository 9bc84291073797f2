/**
 * x509-limbo (snapshot 2023-12-02, ../shared/data/x509-limbo) through validateCertificatePath with the strict RFC 5280
 * profile policy, revocation off (the snapshot has no CRL cases). Hostname matching is out of scope: the
 * webpki::san cases are not applicable and listed with the reason; the online:: chains run as path-validation
 * cases without their hostname. Priority: zero wrong accepts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SHARED } from '../helpers/shared-data.js';
import { isVnEgovError } from '../../src/errors/index.js';
import {
  createTrustStore, defineValidationPolicy, EXTENDED_KEY_USAGES, strictRfc5280Policy, validateCertificatePath, type KeyUsageName,
} from '../../src/signature/index.js';

interface LimboCase {
  id: string; features?: string[]; description: string; trusted_certs: string[]; untrusted_intermediates: string[];
  peer_certificate: string; validation_time: string | null; expected_result: 'SUCCESS' | 'FAILURE';
  key_usage: string[] | null; extended_key_usage: string[] | null; max_chain_depth: number | null;
}
const limbo = JSON.parse(readFileSync(join(SHARED, 'data/x509-limbo/limbo.json'), 'utf8')) as { testcases: LimboCase[] };

/** Why a case is not applicable to a document-signing validator (or to this snapshot). */
function notApplicable(c: LimboCase): string | undefined {
  if (c.id.startsWith('webpki::san::')) return 'server-name (SAN / hostname) matching is out of scope for document signatures';
  if (c.id === 'webpki::nc::permitted-dns-match-noncritical') return 'conflicts with rfc5280::nc::permitted-dns-match-noncritical (we follow RFC 5280: nameConstraints must be critical)';
  if (c.id === 'webpki::eku::ee-without-eku') return 'webpki requires serverAuth in every TLS leaf; document signing has no implicit EKU';
  if (c.features?.includes('pedantic-webpki-eku')) return 'webpki-only EKU profile (anyEKU, critical EKU, EKU in roots); RFC 5280 §4.2.1.12 allows these';
  return undefined;
}

const EKU: Record<string, string> = {
  serverAuth: EXTENDED_KEY_USAGES.serverAuth, clientAuth: EXTENDED_KEY_USAGES.clientAuth, codeSigning: EXTENDED_KEY_USAGES.codeSigning,
  emailProtection: EXTENDED_KEY_USAGES.emailProtection, timeStamping: EXTENDED_KEY_USAGES.timeStamping, OCSPSigning: EXTENDED_KEY_USAGES.ocspSigning,
  anyExtendedKeyUsage: EXTENDED_KEY_USAGES.anyExtendedKeyUsage,
};

const counts = { right: 0, wrongAccept: 0, wrongReject: 0, notApplicable: 0 };
const lines: string[] = [];

async function run(c: LimboCase): Promise<'SUCCESS' | 'FAILURE'> {
  try {
    const policy = defineValidationPolicy({
      ...strictRfc5280Policy,
      revocation: { required: 'NONE' },
      maxPathLength: c.max_chain_depth === null ? strictRfc5280Policy.maxPathLength : Math.min(32, c.max_chain_depth + 1),
      acceptAnyExtendedKeyUsage: false,
    });
    const r = await validateCertificatePath({
      certificate: c.peer_certificate,
      intermediates: c.untrusted_intermediates,
      trustStore: createTrustStore({ anchors: c.trusted_certs }),
      at: c.validation_time ?? '2024-06-01T00:00:00Z',
      policy,
      ...(c.key_usage ? { keyUsage: c.key_usage as KeyUsageName[] } : {}),
      ...(c.extended_key_usage ? { extendedKeyUsage: c.extended_key_usage.map((e) => EKU[e] ?? e) } : {}),
    });
    if (r.indication !== 'TOTAL_PASSED') lines.push(`    ${c.id}: ${r.indication}/${r.subIndication ?? ''} ${r.checks.filter((x) => x.status === 'FAILED').map((x) => x.id).join(',')}`);
    return r.indication === 'TOTAL_PASSED' ? 'SUCCESS' : 'FAILURE';
  } catch (e) {
    if (!isVnEgovError(e)) throw e;
    lines.push(`    ${c.id}: throws ${e.code}`);
    return 'FAILURE';
  }
}

describe('x509-limbo', () => {
  for (const c of limbo.testcases) {
    const na = notApplicable(c);
    if (na) {
      it(`${c.id} — not applicable`, () => {
        counts.notApplicable++;
        lines.push(`  n/a ${c.id}: ${na}`);
        expect(na.length).toBeGreaterThan(0);
      });
      continue;
    }
    it(`${c.id} → ${c.expected_result}`, async () => {
      const got = await run(c);
      if (got === c.expected_result) counts.right++;
      else if (got === 'SUCCESS') {
        counts.wrongAccept++;
        lines.push(`  WRONG ACCEPT ${c.id}: ${c.description}`);
      } else {
        counts.wrongReject++;
        lines.push(`  wrong reject ${c.id}`);
      }
      // zero wrong accepts is a hard requirement; wrong rejects are counted and listed
      if (c.expected_result === 'FAILURE') expect(got).toBe('FAILURE');
    });
  }
  afterAll(() => {
    const applicable = counts.right + counts.wrongAccept + counts.wrongReject;
    console.log(`x509-limbo: ${counts.right}/${applicable} right (${((100 * counts.right) / applicable).toFixed(1)}%), ${counts.wrongAccept} wrong accepts, ${counts.wrongReject} wrong rejects, ${counts.notApplicable} not applicable (of ${limbo.testcases.length})`);
    for (const l of lines) if (!l.startsWith('    ')) console.log(l);
    // per-case reasons of every rejection: LIMBO_VERBOSE=1 npx vitest run test/signature/x509-limbo.test.ts
    if (process.env['LIMBO_VERBOSE']) for (const l of lines) if (l.startsWith('    ')) console.log(l);
  });
});
