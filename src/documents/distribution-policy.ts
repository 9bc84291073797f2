import * as z from 'zod/mini';
import { issuesFromZod, VnEgovError } from '../errors/index.js';
import { type DocumentTypeId, findDocumentType, getDocumentType } from './document-types.js';
import { fail, issue } from './errors.js';
import { confidenceSchema } from './provenance.js';
import { useEnglishZodMessages } from './zod-messages.js';

useEnglishZodMessages();

/**
 * How a document type is sent (hình thức gửi): `electronic-only` (chỉ gửi điện tử) or `electronic-and-paper`
 * (gửi song song điện tử và giấy).
 *
 * @example
 * ```ts
 * distributionChannelSchema.parse('electronic-only');
 * ```
 */
export const distributionChannelSchema = z.enum(['electronic-only', 'electronic-and-paper']);

/**
 * A distribution channel; see {@link distributionChannelSchema}.
 *
 * @example
 * ```ts
 * const c: DistributionChannel = 'electronic-and-paper';
 * ```
 */
export type DistributionChannel = z.infer<typeof distributionChannelSchema>;

/**
 * A body's policy on which document types go electronically only and which also on paper. This is the caller's
 * configuration, not law: each body decides. `rules` list types (identifier, abbreviation or name) with their
 * channel; every other type uses `defaultChannel`.
 *
 * @example
 * ```ts
 * const p = createDistributionPolicy({ name: 'Sở X', defaultChannel: 'electronic-only', rules: [{ documentTypes: ['QĐ'], channel: 'electronic-and-paper' }] });
 * ```
 */
export const distributionPolicySchema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  defaultChannel: distributionChannelSchema,
  rules: z._default(
    z
      .array(
        z.object({
          documentTypes: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
          channel: distributionChannelSchema,
        }),
      )
      .check(z.maxLength(100)),
    [],
  ),
  source: z.optional(z.string().check(z.maxLength(500))),
  confidence: z.optional(confidenceSchema),
});

/**
 * A distribution policy as given by the caller; see {@link distributionPolicySchema}.
 *
 * @example
 * ```ts
 * const input: DistributionPolicyInput = { name: 'Sở X', defaultChannel: 'electronic-only' };
 * ```
 */
export type DistributionPolicyInput = z.input<typeof distributionPolicySchema>;

/**
 * A checked distribution policy: types resolved to identifiers.
 *
 * @example
 * ```ts
 * const p: DistributionPolicy = giaoThuyDistributionPolicy2019;
 * p.rules[0].documentTypes; // ['quyet-dinh', 'to-trinh']
 * ```
 */
export interface DistributionPolicy {
  readonly name: string;
  readonly defaultChannel: DistributionChannel;
  readonly rules: readonly { readonly documentTypes: readonly DocumentTypeId[]; readonly channel: DistributionChannel }[];
  readonly source?: string;
  readonly confidence?: z.infer<typeof confidenceSchema>;
}

/**
 * Checks a policy and resolves its document types (by identifier, abbreviation or name).
 *
 * @throws VnEgovError `INVALID_DISTRIBUTION_POLICY` for a bad shape, an unknown type, or a type listed twice.
 * @example
 * ```ts
 * createDistributionPolicy({ name: 'Sở X', defaultChannel: 'electronic-only', rules: [{ documentTypes: ['Tờ trình'], channel: 'electronic-and-paper' }] });
 * ```
 */
export function createDistributionPolicy(input: DistributionPolicyInput): DistributionPolicy {
  const r = distributionPolicySchema.safeParse(input);
  if (!r.success) {
    throw new VnEgovError('INVALID_DISTRIBUTION_POLICY', 'Chính sách gửi văn bản không hợp lệ / invalid distribution policy', {
      issues: issuesFromZod(r.error),
      cause: r.error,
    });
  }
  const seen = new Map<DocumentTypeId, string>();
  const rules = r.data.rules.map((rule, i) => ({
    channel: rule.channel,
    documentTypes: rule.documentTypes.map((q, j) => {
      const t = findDocumentType(q);
      if (t === undefined) {
        fail('INVALID_DISTRIBUTION_POLICY', `Không có loại văn bản / unknown document type "${q}" in the policy`, [
          issue('unknown_document_type', ['rules', i, 'documentTypes', j], 'an identifier, abbreviation or name of NĐ 30/2020'),
        ]);
      }
      if (seen.has(t.id)) {
        fail('INVALID_DISTRIBUTION_POLICY', `Loại văn bản lặp / ${t.name} is listed twice`, [
          issue('duplicate_document_type', ['rules', i, 'documentTypes', j], `already listed at ${seen.get(t.id)}`),
        ]);
      }
      seen.set(t.id, `rules.${i}.documentTypes.${j}`);
      return t.id;
    }),
  }));
  return {
    name: r.data.name,
    defaultChannel: r.data.defaultChannel,
    rules,
    ...(r.data.source === undefined ? {} : { source: r.data.source }),
    ...(r.data.confidence === undefined ? {} : { confidence: r.data.confidence }),
  };
}

/**
 * The channel a policy gives a document type.
 *
 * @throws VnEgovError `UNKNOWN_DOCUMENT_TYPE` for an unknown type; `INVALID_DISTRIBUTION_POLICY` for a bad policy.
 * @example
 * ```ts
 * distributionChannelFor(giaoThuyDistributionPolicy2019, 'Quyết định'); // 'electronic-and-paper'
 * distributionChannelFor(giaoThuyDistributionPolicy2019, 'cong van');   // 'electronic-only'
 * ```
 */
export function distributionChannelFor(policy: DistributionPolicy, documentType: string): DistributionChannel {
  const p = createDistributionPolicy(policy as DistributionPolicyInput);
  const id = getDocumentType(documentType).id;
  return p.rules.find((r) => r.documentTypes.includes(id))?.channel ?? p.defaultChannel;
}

/**
 * Example policy: Ủy ban nhân dân huyện Giao Thủy (tỉnh Nam Định) announced in 2019 that it sends Quyết định and
 * Tờ trình both electronically and on paper, and every other type electronically only. Source: as reported in
 * issue 3 of this project; the announcement itself was not read here (`secondary`). It is shipped as an example of
 * the configuration, not as a rule for other bodies.
 *
 * @example
 * ```ts
 * distributionChannelFor(giaoThuyDistributionPolicy2019, 'TTr'); // 'electronic-and-paper'
 * ```
 */
export const giaoThuyDistributionPolicy2019: DistributionPolicy = Object.freeze(
  createDistributionPolicy({
    name: 'Ủy ban nhân dân huyện Giao Thủy, tỉnh Nam Định (2019)',
    defaultChannel: 'electronic-only',
    rules: [{ documentTypes: ['quyet-dinh', 'to-trinh'], channel: 'electronic-and-paper' }],
    source: 'Announcement of UBND huyện Giao Thủy (Nam Định), 2019, as reported in issue 3; not read in the original',
    confidence: 'secondary',
  }),
);
