/**
 * `vn-egov/procedures`: administrative procedures (thủ tục hành chính) and one-stop dossiers (hồ sơ một cửa):
 * the procedure record and the national-portal model, CPSV-AP export, procedure and dossier codes, online service
 * levels, the dossier lifecycle with its deadline rules (NĐ 61/2018 before 01/07/2025, NĐ 118/2025 from then),
 * the statistics report Biểu 06, catalog search and postal transit times.
 *
 * @example
 * ```ts
 * import { fromNationalPortal, toCpsvAp } from 'vn-egov/procedures';
 * const { procedure } = fromNationalPortal(json);
 * toCpsvAp(procedure)['@type']; // 'cpsv:PublicService'
 * ```
 * @packageDocumentation
 */
export type { ProceduresErrorCode } from './errors.js';
export { confidenceSchema, legalSourceSchema, type Confidence, type LegalSource } from './legal-source.js';
export { formatExtendedProcedureCode, isProcedureCode, parseProcedureCode, type ProcedureCode } from './procedure-code.js';
export {
  CHANNELS,
  IMPLEMENTATION_LEVEL_NAMES,
  channelOfferSchema,
  channelSchema,
  codedRefSchema,
  dossierComponentSchema,
  feeSchema,
  implementationLevelSchema,
  onlineServiceFormSchema,
  parseProcedure,
  procedureCaseSchema,
  procedureKindSchema,
  procedureSchema,
  processingTimeOf,
  processingTimeSchema,
  timeUnitSchema,
  uniqueLegalBases,
  type Channel,
  type ChannelOffer,
  type CodedRef,
  type DossierComponent,
  type Fee,
  type ImplementationLevel,
  type OnlineServiceForm,
  type Procedure,
  type ProcedureCase,
  type ProcedureInput,
  type ProcedureKind,
  type ProcessingTime,
  type TimeUnit,
} from './procedure.js';
export { fromNationalIndexRecord, fromNationalPortal, type NationalIndexRecord, type NationalPortalImport } from './national-portal.js';
export { CPSV_AP_CONTEXT, toCpsvAp, type CpsvApOptions, type JsonLdNode } from './cpsv-ap.js';
export {
  DOSSIER_STATUSES,
  dossierStatusCodeSchema,
  getDossierStatus,
  isTerminalStatus,
  type DossierStatus,
  type DossierStatusCode,
} from './dossier-status.js';
export { ONE_STOP_REGIMES, oneStopRegimeAt, type OneStopRegime, type OneStopRegimeId } from './one-stop-regime.js';
export {
  ONLINE_AFTER_HOURS_POLICY,
  SUPPLEMENTATION_POLICIES,
  computeDueDate,
  computeStartDay,
  processingDeadline,
  startDayOptionsSchema,
  supplementationPolicySchema,
  type DueDate,
  type StartDay,
  type StartDayOptions,
  type SupplementationPolicy,
} from './deadline-policy.js';
export {
  DOSSIER_TRANSITIONS,
  allowedDossierEvents,
  applyDossierEvent,
  createDossier,
  dossierEventSchema,
  dossierInitSchema,
  dossierOutcomeSchema,
  dossierSchema,
  foldDossierEvents,
  isDossierClosed,
  supplementDeadline,
  type Dossier,
  type DossierEvent,
  type DossierEventType,
  type DossierInit,
  type DossierOptions,
  type DossierOutcome,
} from './dossier-machine.js';
export {
  TIMING_LABELS,
  controlSlip,
  dossierTiming,
  type ControlSlipRow,
  type DossierTiming,
  type TimingLabel,
  type TimingOptions,
} from './timing-label.js';
export {
  LEGACY_SERVICE_LEVELS,
  ONLINE_SERVICE_FORMS,
  SERVICE_LEVEL_REGIMES,
  formToLegacyLevel,
  legacyLevelToForm,
  legacyServiceLevelSchema,
  serviceLevelRegimeAt,
  type LegacyServiceLevel,
  type ServiceLevelDefinition,
  type ServiceLevelMapping,
  type ServiceLevelRegime,
} from './service-levels.js';
export {
  checkBieu06Invariants,
  statisticsGroupBySchema,
  statisticsOptionsSchema,
  summarizeDossiers,
  toStatisticsRecord,
  type Bieu06Report,
  type Bieu06Row,
  type StatisticsGroupBy,
  type StatisticsOptions,
  type StatisticsRecord,
} from './statistics.js';
export { catalogQuerySchema, createProcedureCatalog, type CatalogHit, type CatalogQuery, type ProcedureCatalog } from './catalog.js';
export {
  DOSSIER_CODE_NOTATIONS,
  dossierCodeNotationSchema,
  dossierSequenceStateSchema,
  formatDossierCode,
  nextDossierCode,
  parseDossierCode,
  type DossierCode,
  type DossierCodeNotation,
  type DossierSequenceState,
} from './dossier-code.js';
export {
  POSTAL_TRANSIT_SOURCE,
  POSTAL_TRANSIT_TARGETS,
  postalRouteSchema,
  postalTransitDeadline,
  postalTransitOptionsSchema,
  type PostalRoute,
  type PostalTransit,
} from './postal.js';
export {
  DEFAULT_OFFICE_HOURS,
  ONLINE_RECEIPT_RULE,
  officeHoursSchema,
  onlineReceiptDeadline,
  type OfficeHours,
  type OnlineReceiptDeadline,
} from './online-receipt.js';
