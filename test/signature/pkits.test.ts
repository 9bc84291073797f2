/**
 * NIST PKITS (2011) through validateCertificatePath: every applicable case runs with NIST's expected outcome; the
 * not-applicable ones are listed with their reason and counted separately. Data: ../shared/data/pkits/pkits.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SHARED } from '../helpers/shared-data.js';
import { createTrustStore, defineValidationPolicy, validateCertificatePath, vietnameseEgovPolicy } from '../../src/signature/index.js';

interface PkitsCase {
  id: string; name: string; expected: 'valid' | 'invalid';
  trustAnchor: string; intermediates: string[]; leaf: string; crls: string[];
  settings: { initialPolicySet: string[]; initialExplicitPolicy: boolean; initialPolicyMappingInhibit: boolean; initialInhibitPolicy: boolean };
}
const data = JSON.parse(readFileSync(join(SHARED, 'data/pkits/pkits.json'), 'utf8')) as { cases: PkitsCase[] };
const b64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));

/** Cases this validator cannot run, with the reason. */
const PKITS_NOT_APPLICABLE: Record<string, string> = {
  '4.1.4': 'DSA signatures: WebCrypto has no DSA, so the validator answers INDETERMINATE (unsupported algorithm)',
  '4.1.5': 'DSA parameter inheritance: WebCrypto has no DSA',
  '4.1.6': 'DSA signatures: WebCrypto has no DSA (an invalid DSA signature cannot be told from an unsupported one)',
};

/** PKITS settings → policy: pure RFC 5280 §6 (profile checks off), revocation for every certificate, PKITS keys are RSA-2048 / SHA-256. */
function policyFor(c: PkitsCase) {
  return defineValidationPolicy({
    ...vietnameseEgovPolicy,
    name: 'pkits',
    levels: Object.fromEntries(
      ['PROFILE_AUTHORITY_KEY_ID', 'PROFILE_SUBJECT_KEY_ID', 'PROFILE_BASIC_CONSTRAINTS_CRITICAL', 'PROFILE_SERIAL_NUMBER', 'PROFILE_EMPTY_NAME',
        'PROFILE_SUBJECT_ALT_NAME', 'PROFILE_EXTENSION_CRITICALITY', 'PROFILE_NAME_CONSTRAINTS', 'PROFILE_KEY_USAGE_CONSISTENCY', 'PROFILE_VERSION', 'PROFILE_DER', 'TARGET_NOT_CA']
        .map((k) => [k, 'IGNORE']),
    ),
    initialPolicySet: c.settings.initialPolicySet,
    initialExplicitPolicy: c.settings.initialExplicitPolicy,
    initialPolicyMappingInhibit: c.settings.initialPolicyMappingInhibit,
    initialAnyPolicyInhibit: c.settings.initialInhibitPolicy,
  });
}

const counts = { passed: 0, failed: 0, notApplicable: 0 };
const failures: string[] = [];

describe('NIST PKITS', () => {
  for (const c of data.cases) {
    const base = c.id.replace(/-\d+$/, '');
    const na = PKITS_NOT_APPLICABLE[base];
    if (na) {
      it(`${c.id} ${c.name} — not applicable, never TOTAL_PASSED`, async () => {
        counts.notApplicable++;
        const r = await run(c);
        // safety: an unsupported algorithm must never validate
        expect(r.indication).not.toBe('TOTAL_PASSED');
      });
      continue;
    }
    it(`${c.id} ${c.name} → ${c.expected}`, async () => {
      const r = await run(c);
      const got = r.indication === 'TOTAL_PASSED' ? 'valid' : 'invalid';
      if (got === c.expected) counts.passed++;
      else {
        counts.failed++;
        failures.push(`${c.id} ${c.name}: expected ${c.expected}, got ${r.indication}/${r.subIndication ?? ''} ${r.checks.filter((x) => x.status === 'FAILED').map((x) => `${x.id}@${x.certificateIndex}:${x.message.en}`).join(' | ')}`);
      }
      expect(got, `${c.id}: ${r.subIndication ?? ''} ${r.checks.filter((x) => x.status === 'FAILED').map((x) => x.message.en).join('; ')}`).toBe(c.expected);
    });
  }
  afterAll(() => {
    console.log(`PKITS: ${counts.passed} passed, ${counts.failed} failed, ${counts.notApplicable} not applicable (of ${data.cases.length})`);
    for (const [id, why] of Object.entries(PKITS_NOT_APPLICABLE)) console.log(`  n/a ${id}: ${why}`);
    for (const f of failures) console.log(`  FAIL ${f}`);
  });
});

function run(c: PkitsCase) {
  return validateCertificatePath({
    certificate: b64(c.leaf),
    intermediates: c.intermediates.map(b64),
    trustStore: createTrustStore({ anchors: [{ certificate: b64(c.trustAnchor), id: 'pkits-trust-anchor' }] }),
    crls: c.crls.map(b64),
    at: '2021-01-01T00:00:00Z',
    policy: policyFor(c),
  });
}
