import { parseWith } from '../errors/index.js';
import { IMPLEMENTATION_LEVEL_NAMES, procedureSchema, uniqueLegalBases, type CodedRef, type Procedure, type ProcessingTime } from './procedure.js';

/**
 * The JSON-LD context used by {@link toCpsvAp}: the CPSV (`cpsv:`), Core Vocabularies (`cv:`), Dublin Core
 * (`dct:`), ELI (`eli:`) and SKOS namespaces as in the CPSV-AP releases (specs/procedures.md §10 [secondary]),
 * and `vnx:` (a URN, not a published vocabulary) for what CPSV-AP does not model: originals/copies counts,
 * processing time in working days per channel, implementing levels.
 *
 * @example
 * ```ts
 * CPSV_AP_CONTEXT.cpsv; // 'http://purl.org/vocab/cpsv#'
 * ```
 */
export const CPSV_AP_CONTEXT = Object.freeze({
  cpsv: 'http://purl.org/vocab/cpsv#',
  cv: 'http://data.europa.eu/m8g/',
  dct: 'http://purl.org/dc/terms/',
  eli: 'http://data.europa.eu/eli/ontology#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  vnx: 'urn:vn-egov:cpsv-ap-extension#',
});

/** A JSON-LD node (plain JSON). @example `const n: JsonLdNode = { '@type': 'cv:Cost' };` */
export type JsonLdNode = { readonly [key: string]: unknown };

/** Options of {@link toCpsvAp}. @example `const o: CpsvApOptions = { baseIri: 'https://example.gov.vn/tthc/' };` */
export interface CpsvApOptions {
  /** Prefix of node identifiers; default `urn:vn-egov:procedure:` (the procedure code is appended). */
  readonly baseIri?: string;
}

const vi = (value: string) => ({ '@language': 'vi', '@value': value });
const CURRENCY_VND = 'http://publications.europa.eu/resource/authority/currency/VND';
const CHANNEL_NAMES = { direct: 'Trực tiếp', online: 'Trực tuyến', postal: 'Qua bưu chính công ích' } as const;

function org(ref: CodedRef, role: string): JsonLdNode {
  return {
    '@type': 'cv:PublicOrganisation',
    'skos:prefLabel': vi(ref.name),
    ...(ref.code === undefined ? {} : { 'dct:identifier': ref.code }),
    'vnx:role': role,
  };
}

function time(t: ProcessingTime | null): JsonLdNode | undefined {
  if (t === null) return undefined;
  return { '@type': 'vnx:ProcessingTime', 'vnx:value': t.value, 'vnx:unit': t.unit, ...(t.unit === 'day' ? { 'cv:processingTime': { '@type': 'xsd:duration', '@value': `P${t.value}D` } } : {}) };
}

/**
 * Exports a procedure as JSON-LD following the EU CPSV-AP model (specs/procedures.md §10 mapping):
 * TTHC → `cpsv:PublicService`; competent / executing agencies → `cv:PublicOrganisation` via
 * `cv:hasCompetentAuthority` (competent agencies, else the executing ones; the others are listed with
 * `vnx:role`); dossier components → `cv:Evidence` via `cpsv:hasInput` with `vnx:originals` / `vnx:copies`; results
 * → `cv:Output` via `cpsv:produces`; fees → `cv:Cost` (`cv:currency` VND) tied to their channel; channels →
 * `cv:Channel` with the per-channel processing time as `vnx:processingTime` (CPSV-AP has none per channel); steps
 * → `cpsv:Rule` via `cpsv:follows`; legal bases (de-duplicated) → `eli:LegalResource` via `cv:hasLegalResource`;
 * requirements → `cv:Requirement` via `cv:holdsRequirement`; subjects → `dct:audience`; sectors → `cv:sector`.
 * Plain JSON, no I/O; text is tagged `@language: vi`.
 *
 * @throws VnEgovError `INVALID_PROCEDURE` when the input is not a valid {@link Procedure}.
 * @example
 * ```ts
 * const doc = toCpsvAp(procedure);
 * doc['@type']; // 'cpsv:PublicService'
 * doc['dct:identifier']; // '1.000358'
 * ```
 */
export function toCpsvAp(procedure: Procedure, options: CpsvApOptions = {}): JsonLdNode {
  const p = parseWith(procedureSchema, procedure, 'INVALID_PROCEDURE', 'Thủ tục hành chính không hợp lệ / invalid procedure record');
  const base = options.baseIri ?? 'urn:vn-egov:procedure:';
  const id = `${base}${p.code}`;
  const competent = p.agencies.competent.length > 0 ? p.agencies.competent : p.agencies.executing;
  const others = [
    ...(p.agencies.competent.length > 0 ? p.agencies.executing.map((a) => org(a, 'executing')) : []),
    ...p.agencies.authorized.map((a) => org(a, 'authorized')),
    ...p.agencies.coordinating.map((a) => org(a, 'coordinating')),
  ];
  const doc: Record<string, unknown> = {
    '@context': CPSV_AP_CONTEXT,
    '@id': id,
    '@type': 'cpsv:PublicService',
    'dct:identifier': p.code,
    'dct:title': vi(p.name),
    'dct:language': 'http://publications.europa.eu/resource/authority/language/VIE',
    'cv:hasCompetentAuthority': competent.map((a) => org(a, competent === p.agencies.competent ? 'competent' : 'executing')),
    'cpsv:hasInput': p.components.map((c) => ({
      '@type': 'cv:Evidence',
      ...(c.code === undefined ? {} : { 'dct:identifier': c.code }),
      'dct:title': vi(c.name),
      'vnx:originals': c.originals,
      'vnx:copies': c.copies,
      'vnx:required': c.required,
      ...(c.caseName === undefined ? {} : { 'vnx:case': vi(c.caseName) }),
    })),
    'cpsv:produces': p.results.map((r) => ({ '@type': 'cv:Output', ...(r.code === undefined ? {} : { 'dct:identifier': r.code }), 'dct:title': vi(r.name) })),
    'cv:hasChannel': p.channels.map((c) => ({
      '@id': `${id}#channel-${c.channel}`,
      '@type': 'cv:Channel',
      'dct:type': vi(CHANNEL_NAMES[c.channel]),
      'vnx:channel': c.channel,
      ...(time(c.processingTime) === undefined ? {} : { 'vnx:processingTime': time(c.processingTime) }),
    })),
    'cv:hasCost': p.channels.flatMap((c) =>
      c.fees.map((f) => ({
        '@type': 'cv:Cost',
        ...(f.amount === null ? {} : { 'cv:value': f.amount, 'cv:currency': CURRENCY_VND }),
        ...(f.description === undefined ? {} : { 'dct:description': vi(f.description) }),
        'vnx:feeKind': f.kind,
        'cv:ifAccessedThrough': { '@id': `${id}#channel-${c.channel}` },
      })),
    ),
    'cpsv:follows': p.steps.map((s) => ({ '@type': 'cpsv:Rule', ...(s.name === undefined ? {} : { 'dct:title': vi(s.name) }), 'dct:description': vi(s.description) })),
    'cv:hasLegalResource': uniqueLegalBases(p).map((b) => ({ '@type': 'eli:LegalResource', ...(b.code === undefined ? {} : { 'dct:identifier': b.code }), 'dct:title': vi(b.name) })),
    'dct:audience': p.subjects.map((s) => ({ '@type': 'dct:AgentClass', ...(s.code === undefined ? {} : { 'dct:identifier': s.code }), 'skos:prefLabel': vi(s.name) })),
    'cv:sector': p.sectors.map((s) => ({ '@type': 'skos:Concept', ...(s.code === undefined ? {} : { 'skos:notation': s.code }), 'skos:prefLabel': vi(s.name) })),
    'vnx:levels': p.levels.map((l) => vi(IMPLEMENTATION_LEVEL_NAMES[l])),
  };
  if (p.description !== undefined) doc['dct:description'] = vi(p.description);
  if (p.requirements !== undefined) doc['cv:holdsRequirement'] = [{ '@type': 'cv:Requirement', 'dct:description': vi(p.requirements) }];
  if (others.length > 0) doc['vnx:otherAgencies'] = others;
  if (p.cases.length > 0) doc['vnx:cases'] = p.cases.map((c) => ({ ...(c.code === undefined ? {} : { 'dct:identifier': c.code }), 'dct:title': vi(c.name), ...(time(c.processingTime) === undefined ? {} : { 'vnx:processingTime': time(c.processingTime) }) }));
  if (p.online.form !== null) doc['vnx:onlineServiceForm'] = p.online.form;
  return doc;
}
