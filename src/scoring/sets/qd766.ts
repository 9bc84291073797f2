import { defineCriteriaSet, type CriteriaSet, type Indicator } from '../criteria-set.js';

/** Legal source of the whole set. */
const QD766 = 'QĐ 766/QĐ-TTg (23/6/2022), Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp';
/** Where the per-indicator formulas and maxima come from (third-party transcription of the official documents). */
const FORMULA_SRC = `${QD766}; formula per "Mô tả công thức tính chỉ số 766.docx" as transcribed in public repository ChippedTopaz/qd766 (formula-document.js); maximum per its docs/metrics.m0.json (sheet METRICS of "Công thức 766.xlsx") [secondary]`;
const VERIFIED = 'reproduced from published portal raw fields and scores (specs/scoring.md §1.8)';
const PROVISIONAL = 'provisional: not reproduced from published portal data (specs/scoring.md §1.3)';

const ratio = (
  numerator: string | { op: 'sum' | 'max' | 'difference'; of: string[] },
  denominator: string | { op: 'sum' | 'max' | 'difference'; of: string[] },
  zeroDenominator: 'null' | 'zero' | 'full',
  extra: { target?: number; cap?: boolean } = {},
): Indicator['formula'] => ({ kind: 'ratio', numerator, denominator, zeroDenominator, ...extra });

const transparency: Indicator[] = [
  {
    id: 'publish-on-time',
    number: '1.1',
    code: 'PUBLISH_ON_TIME',
    name: { vi: 'Tỷ lệ thủ tục hành chính công bố đúng hạn', en: 'Procedures whose publication decision is on time' },
    maxPoints: 6,
    formula: ratio('proceduresPublishedOnTime', 'proceduresPublished', 'null'),
    source: FORMULA_SRC,
    confidence: 'unverified',
    note: `${PROVISIONAL}. On time: decision date ≤ effective date of the legal basis − 20 working days (ministry) or − 5 (province); a procedure in several decisions counts once and is late if any is late. Zero-denominator policy not stated in the sources: null.`,
    dataSource: 'Cơ sở dữ liệu quốc gia về TTHC',
  },
  {
    id: 'public-update-on-time',
    number: '1.2',
    code: 'PUBLIC_UPDATE_ON_TIME',
    name: { vi: 'Tỷ lệ thủ tục hành chính được cập nhật, công khai đúng hạn', en: 'Procedures updated and made public on time' },
    maxPoints: 4,
    formula: ratio('proceduresMadePublicOnTime', 'proceduresToMakePublic', 'null'),
    source: `${FORMULA_SRC}; maximum 4/18 [confirmed] baocaotaichinh.vn`,
    confidence: 'unverified',
    note: `${PROVISIONAL}. On time: the "publish" action ≤ decision date + 10 working days (ministry) or + 5 (province). Zero-denominator policy not stated: null.`,
    dataSource: 'Cơ sở dữ liệu quốc gia về TTHC',
  },
  {
    id: 'public-content-full',
    number: '1.3',
    code: 'PUBLIC_CONTENT_FULL',
    name: {
      vi: 'Tỷ lệ thủ tục hành chính được công khai có đầy đủ các nội dung quy định về các bộ phận tạo thành của thủ tục hành chính',
      en: 'Procedures published with all the components required by law',
    },
    maxPoints: 2,
    formula: ratio('proceduresWithFullContent', 'proceduresPublished', 'null'),
    source: `${FORMULA_SRC}; the 7 components of khoản 2 Điều 8 NĐ 63/2010/NĐ-CP`,
    confidence: 'unverified',
    note: `${PROVISIONAL}. Taken at the current moment, not per period. Zero-denominator policy not stated: null.`,
    dataSource: 'Cơ sở dữ liệu quốc gia về TTHC',
  },
  {
    id: 'dossier-sync',
    number: '1.4',
    code: 'DOSSIER_SYNC',
    name: { vi: 'Tỷ lệ hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia', en: 'Dossiers synchronised to the national public-service portal' },
    maxPoints: 6,
    formula: {
      kind: 'ratio',
      numerator: 'syncedDossiers',
      denominator: { op: 'max', of: ['receivedDossiersBcqg', 'receivedDossiersPortal'] },
      denominatorFallback: { input: 'receivedDossiersPreviousYear' },
      zeroDenominator: 'zero',
    },
    source: FORMULA_SRC,
    confidence: 'unverified',
    note: `${PROVISIONAL}. Denominator: the larger of the received counts in the national reporting system (BCQG) and on the portal; if both are 0 or null, last year's total ÷ 12 (month), ÷ 4 (quarter) or × 1 (year); with no prior year the ratio is 0.`,
  },
];

const progress: Indicator[] = [
  {
    id: 'processed-on-time',
    number: '2.1',
    name: { vi: 'Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn', en: 'Dossiers processed early or on time' },
    maxPoints: 20,
    formula: ratio('totalOnTime', 'totalReceived', 'null'),
    source: `${FORMULA_SRC}; "xử lý hồ sơ đúng hạn … tối đa 20 điểm" [confirmed] baocaotaichinh.vn`,
    confidence: 'secondary',
    note: `${VERIFIED}: 20 × totalOnTime ÷ totalReceived. totalOnTime = finished early or on time + in progress within the deadline; time under a supplementation request is paused, more than one request counts as overdue (specs/procedures.md §5.6). Zero-denominator policy not stated: null.`,
  },
  {
    id: 'average-processing-time',
    number: '2.2',
    name: { vi: 'Thời gian giải quyết TTHC trung bình theo từng TTHC', en: 'Average processing time per procedure' },
    maxPoints: 0,
    formula: { kind: 'monitoring', inputs: ['totalProcessingDays', 'completedDossiers'] },
    source: FORMULA_SRC,
    confidence: 'not-found',
    note: 'Shown only for a single procedure; no points found in the sources: monitoring only.',
  },
];

const onlineService: Indicator[] = [
  {
    id: 'online-service-provision',
    number: '3.1',
    name: { vi: 'Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến', en: 'Procedures offered as online public services' },
    maxPoints: 2,
    formula: ratio('onlineProcedures', 'proceduresUnderAuthority', 'null', { target: 0.8 }),
    source: `${FORMULA_SRC}; the 2 + 4 + 6 split of the 12 points is a third-party profile "qd766-online-v1" [secondary]`,
    confidence: 'unverified',
    note: `${PROVISIONAL}. Full at ≥ 80 %. The split of the 12 online-service points was not found in the decision; the portal's METRICS sheet instead declares one 12-point "toàn trình" metric whose formula is unknown.`,
  },
  {
    id: 'online-services-with-dossiers',
    number: '3.2',
    name: { vi: 'Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ', en: 'Online services that received at least one online dossier' },
    maxPoints: 4,
    formula: ratio('onlineServicesWithDossiers', 'onlineServices', 'null', { target: 1 }),
    source: `${FORMULA_SRC}; split and target 100 % from the third-party profile "qd766-online-v1" [secondary]`,
    confidence: 'unverified',
    note: `${PROVISIONAL}. Points rule not found in the decision.`,
  },
  {
    id: 'online-submission',
    number: '3.3',
    name: { vi: 'Tỷ lệ hồ sơ TTHC theo hình thức nộp hồ sơ trực tuyến', en: 'Share of dossiers submitted online' },
    maxPoints: 6,
    formula: { kind: 'ratio', ratio: 'onlineSubmissionRatio', target: 0.5, zeroDenominator: 'null' },
    source: `${FORMULA_SRC}; split from the third-party profile "qd766-online-v1" [secondary]`,
    confidence: 'unverified',
    note: `${PROVISIONAL}. Full at ≥ 50 %. Input onlineSubmissionRatio (0–1) = online dossiers (with an electronic result where a paper result is required) ÷ dossiers received × the synchronisation rate; computed upstream.`,
  },
];

const onlinePayment: Indicator[] = [
  {
    id: 'fee-procedures-integrated',
    number: '3.5a',
    name: {
      vi: 'Tỷ lệ TTHC có yêu cầu nghĩa vụ tài chính được tích hợp thanh toán trực tuyến trên Cổng DVCQG',
      en: 'Procedures with fees integrated with online payment on the national portal',
    },
    maxPoints: 2,
    formula: ratio('totalFeeDossierFormality', 'totalFeeFormality', 'null', { target: 0.8, cap: false }),
    source: `${FORMULA_SRC}; fitted 2.5 × C by a third party [secondary]`,
    confidence: 'unverified',
    note: `${PROVISIONAL}: the fitted term 2.5 × C is kept uncapped as fitted, so it exceeds 2 points when C > 0.8 [unverified].`,
  },
  {
    id: 'procedures-with-online-payment',
    number: '3.5b',
    name: { vi: 'Tỷ lệ TTHC có giao dịch thanh toán trực tuyến', en: 'Procedures with at least one online payment' },
    maxPoints: 2,
    formula: ratio('totalDossierOnlineFormalityPaymentSuccess', 'totalFeeFormality', 'null', { target: 0.8 }),
    source: FORMULA_SRC,
    confidence: 'secondary',
    note: `${VERIFIED}: min(2, 2.5 × B). Zero-denominator policy not stated: null.`,
  },
  {
    id: 'dossiers-paid-online',
    number: '3.6',
    name: { vi: 'Tỷ lệ hồ sơ thanh toán trực tuyến', en: 'Dossiers paid online' },
    maxPoints: 6,
    formula: ratio('totalDossierOnlinePaymentSuccess', 'totalDossierFinancialObligation', 'null'),
    source: FORMULA_SRC,
    confidence: 'secondary',
    note: `${VERIFIED}: 6 × A. Zero-denominator policy not stated: null.`,
  },
];

const DIGITISED_NULL = 'A zero denominator gives ratio null and score null on the portal, left out of the group total [secondary].';
const digitisation: Indicator[] = [
  {
    id: 'electronic-result',
    number: '4.1',
    code: 'ORIGINAL_RESULT_AVAILABLE',
    name: {
      vi: 'Tỷ lệ hồ sơ thủ tục hành chính có cấp kết quả giải quyết thủ tục hành chính điện tử',
      en: 'Dossiers with an electronic result',
    },
    maxPoints: 6,
    formula: ratio('dossiersWithElectronicResult', 'dossiersRequiringResult', 'null'),
    source: FORMULA_SRC,
    confidence: 'secondary',
    note: `${VERIFIED}: max × ratio, capped at max. ${DIGITISED_NULL}`,
  },
  {
    id: 'digitised-dossiers',
    number: '4.2',
    code: 'SO_HOA_GIAY_TO_GIAI_QUYET',
    name: { vi: 'Tỷ lệ hồ sơ thủ tục hành chính thực hiện số hóa hồ sơ', en: 'Dossiers digitised' },
    maxPoints: 4,
    formula: ratio('digitisedDossiers', 'totalReceived', 'null'),
    source: FORMULA_SRC,
    confidence: 'secondary',
    note: `${VERIFIED} as max × ratio (portal behaviour); the docx says "full at ≥ 80 %". ${DIGITISED_NULL}`,
  },
  {
    id: 'electronic-certified-copy',
    number: '4.x',
    code: 'ELECTRONIC_CERTIFIED_COPY',
    name: {
      vi: 'Tỷ lệ cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính',
      en: 'Electronic certified copies from originals offered',
    },
    maxPoints: 2,
    formula: { kind: 'ratio', ratio: 'certifiedCopyRatio', zeroDenominator: 'null' },
    source: FORMULA_SRC,
    confidence: 'unverified',
    note: `${PROVISIONAL}: communes offering electronic certified copies ÷ communes; the portal returned ratio 100 and 2 points with a null numerator and denominator, so the input is the published ratio (0–1).`,
  },
  {
    id: 'reused-digitised-data',
    number: '4.3',
    code: 'REUSED_DIGITIZED_DATA',
    name: { vi: 'Tỷ lệ hồ sơ khai thác, sử dụng lại thông tin, dữ liệu số hóa', en: 'Dossiers reusing digitised data' },
    maxPoints: 2,
    formula: ratio('reusedDataDossiers', 'totalReceived', 'null', { target: 0.8 }),
    source: FORMULA_SRC,
    confidence: 'secondary',
    note: `${VERIFIED}: min(2, 2 × ratio ÷ 80 %). ${DIGITISED_NULL}`,
  },
  {
    id: 'personal-storage-sync',
    number: '4.4',
    code: 'SYNCED_WITH_DVCQG_PERSONAL_STORAGE',
    name: {
      vi: 'Tỷ lệ hồ sơ TTHC được số hóa có kết nối, chia sẻ dữ liệu phục vụ tái sử dụng',
      en: "Digitised dossiers linked to the citizen's personal storage for reuse",
    },
    maxPoints: 4,
    formula: ratio('personalStorageDossiers', 'totalReceived', 'null'),
    source: FORMULA_SRC,
    confidence: 'unverified',
    note: `${PROVISIONAL}: only seen at 0 %, so the coefficient (max × ratio) is unconfirmed. ${DIGITISED_NULL}`,
  },
  {
    id: 'citizen-data-procedures',
    number: '4.5a',
    code: 'CITIZEN_DATA_CONNECTED_FORMALITY',
    name: {
      vi: 'Tỷ lệ TTHC triển khai kết nối, chia sẻ dữ liệu dân cư phục vụ GQ TTHC',
      en: 'Procedures connected to population data',
    },
    maxPoints: 2,
    formula: ratio('citizenDataProcedures', 'citizenProcedures', 'null'),
    source: FORMULA_SRC,
    confidence: 'secondary',
    note: `${VERIFIED}. ${DIGITISED_NULL}`,
  },
  {
    id: 'citizen-data-dossiers',
    number: '4.5b',
    code: 'CITIZEN_DATA_CONNECTED_DOSSIER',
    name: { vi: 'Tỷ lệ hồ sơ TTHC có sử dụng thông tin, dữ liệu dân cư', en: 'Dossiers using population data' },
    maxPoints: 2,
    formula: ratio('citizenDataDossiers', 'totalReceived', 'null'),
    source: FORMULA_SRC,
    confidence: 'secondary',
    note: `${VERIFIED}. ${DIGITISED_NULL}`,
  },
];

const PAKN_FULL = 'With no PAKN the portal gives full points (6 + 6); the METRICS text says the points are split evenly between two indicators [secondary].';
const satisfaction: Indicator[] = [
  {
    id: 'petition-classification-procedures',
    number: '5.1a',
    code: 'PETITION_CLASSIFICATION_TTHC',
    name: { vi: 'Tỷ lệ phản ánh, kiến nghị theo phân loại (về TTHC)', en: 'Petitions by type (about procedures)' },
    maxPoints: 0,
    formula: { kind: 'monitoring', inputs: ['petitionsAboutProcedures', 'petitions'] },
    source: FORMULA_SRC,
    confidence: 'secondary',
    note: 'Monitoring only: maxScore 0, score null on the portal.',
  },
  {
    id: 'petition-classification-staff',
    number: '5.1b',
    code: 'PETITION_CLASSIFICATION_STAFF',
    name: { vi: 'Tỷ lệ phản ánh, kiến nghị theo phân loại (về cán bộ)', en: 'Petitions by type (about staff)' },
    maxPoints: 0,
    formula: { kind: 'monitoring', inputs: ['petitionsAboutStaff', 'petitions'] },
    source: FORMULA_SRC,
    confidence: 'secondary',
    note: 'Monitoring only: maxScore 0, score null on the portal.',
  },
  {
    id: 'petitions-on-time',
    number: '5.2',
    code: 'PETITION_PROCESSING_ON_TIME',
    name: { vi: 'Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn', en: 'Petitions handled on time' },
    maxPoints: 6,
    formula: ratio('petitionsOnTime', 'petitions', 'full'),
    source: `${FORMULA_SRC}; the three ratios of the group [confirmed] vietjack.me`,
    confidence: 'secondary',
    note: `${VERIFIED}: 6 × ratio. Deadlines: handle within 15 working days, reject within 2, request supplements within 5, publish within 2. ${PAKN_FULL}`,
  },
  {
    id: 'petition-satisfaction',
    number: '5.3',
    code: 'PETITION_HANDLING_SATISFACTION',
    name: { vi: 'Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị', en: 'Satisfaction with petition handling' },
    maxPoints: 6,
    formula: ratio('petitionsSatisfied', 'petitions', 'full'),
    source: `${FORMULA_SRC}; the three ratios of the group [confirmed] vietjack.me`,
    confidence: 'secondary',
    note: `${VERIFIED}: 6 × ratio; petitionsSatisfied = PAKN − those marked unsatisfied, followed up or overdue. ${PAKN_FULL}`,
  },
  {
    id: 'dossier-satisfaction',
    number: '5.4',
    code: 'DOSSIER_RECEIVING_SATISFACTION',
    name: { vi: 'Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC', en: 'Satisfaction with receiving and resolving procedures' },
    maxPoints: 6,
    formula: ratio('satisfiedDossiers', 'totalReceived', 'zero', { target: 0.9 }),
    source: `${FORMULA_SRC}; 6/18 points tied to the targets of Nghị quyết 76/NQ-CP [confirmed] baocaotaichinh.vn`,
    confidence: 'secondary',
    note: `${VERIFIED}: full at ≥ 90 %, else 6 × ratio ÷ 90 %; 0 if the denominator is 0. satisfiedDossiers = dossiers − (overdue + with a complaint or a "dislike").`,
  },
];

/**
 * QĐ 766/QĐ-TTg (23/6/2022): the index of service quality in administrative procedures and online public services
 * (Bộ chỉ số 766), 100 points in the six groups of the national portal (18 + 20 + 12 + 10 + 22 + 18). Every
 * indicator names its source; formulas reproduced from published portal data have `confidence: 'secondary'`
 * (third-party transcription, verified), provisional ones `'unverified'`, and the one with no points
 * `'not-found'`. No official classification bands exist (not found), so the set has no levels.
 *
 * Input keys (counts for the period unless noted): `totalReceived`, `totalOnTime`, `proceduresPublished`,
 * `proceduresPublishedOnTime`, `proceduresToMakePublic`, `proceduresMadePublicOnTime`,
 * `proceduresWithFullContent`, `syncedDossiers`, `receivedDossiersBcqg`, `receivedDossiersPortal`,
 * `receivedDossiersPreviousYear`, `totalProcessingDays`, `completedDossiers`, `onlineProcedures`,
 * `proceduresUnderAuthority`, `onlineServicesWithDossiers`, `onlineServices`, `onlineSubmissionRatio` (0–1),
 * `totalFeeDossierFormality`, `totalFeeFormality`, `totalDossierOnlineFormalityPaymentSuccess`,
 * `totalDossierOnlinePaymentSuccess`, `totalDossierFinancialObligation`, `dossiersWithElectronicResult`,
 * `dossiersRequiringResult`, `digitisedDossiers`, `certifiedCopyRatio` (0–1), `reusedDataDossiers`,
 * `personalStorageDossiers`, `citizenDataProcedures`, `citizenProcedures`, `citizenDataDossiers`,
 * `petitions`, `petitionsAboutProcedures`, `petitionsAboutStaff`, `petitionsOnTime`, `petitionsSatisfied`,
 * `satisfiedDossiers`.
 *
 * @example
 * ```ts
 * import { criteriaSets, score } from 'vn-egov/scoring';
 * score(criteriaSets.qd766, { unitId: 'x', values: { totalReceived: 184513, totalOnTime: 144625 } },
 *   { period: '2026-08' }).groups[1].points; // 15.68
 * ```
 */
export const qd766: CriteriaSet = defineCriteriaSet({
  id: 'qd766',
  version: '2022-portal-metrics',
  name: {
    vi: 'Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi trường điện tử',
    en: 'Index of service quality to citizens and businesses in administrative procedures and public services, in real time, online',
  },
  source: `${QD766}; in force 23/6/2022; Công báo 501–502 (01/7/2022). Group structure and maxima per the national portal's METRICS sheet [secondary].`,
  publisher: 'Văn phòng Chính phủ (NĐ 118/2025/NĐ-CP Điều 30 khoản 4); Bộ Tư pháp from NĐ 309/2026/NĐ-CP [secondary]',
  effectiveFrom: '2022-06-23',
  confidence: 'secondary',
  note: 'Scores published by the portal are authoritative; this set recomputes and explains them. No official 766 classification bands were found.',
  scale: { maxPoints: 100, unit: 'points' },
  total: { kind: 'sum' },
  rounding: { decimals: 2, groupTotals: 'sum-of-rounded' },
  unitLevels: ['ministry', 'province', 'department', 'commune'],
  groups: [
    {
      id: 'transparency',
      number: '1',
      code: 'CKMB',
      name: { vi: 'Công khai, minh bạch', en: 'Publicity and transparency' },
      maxPoints: 18,
      source: `${QD766}; portal group "transparency"`,
      confidence: 'secondary',
      indicators: transparency,
    },
    {
      id: 'progress',
      number: '2',
      code: 'TDGQ',
      name: { vi: 'Tiến độ, kết quả giải quyết', en: 'Progress and results of processing' },
      maxPoints: 20,
      source: `${QD766}; portal group "dvc-progress-tree"`,
      confidence: 'confirmed',
      indicators: progress,
    },
    {
      id: 'online-service',
      number: '3',
      code: 'CLGQ',
      name: { vi: 'Cung cấp dịch vụ trực tuyến', en: 'Online public services' },
      maxPoints: 12,
      source: `${QD766}; portal group "provide-online-tree"`,
      confidence: 'secondary',
      note: 'The decision probably gives 22 points to group 3; the portal splits it into online services (12) and online payment (10) [unverified].',
      indicators: onlineService,
    },
    {
      id: 'online-payment',
      number: '3b',
      code: 'TTTT',
      name: { vi: 'Thanh toán trực tuyến', en: 'Online payment' },
      maxPoints: 10,
      source: `${QD766}; portal group "formality-online-payment-tree"`,
      confidence: 'secondary',
      indicators: onlinePayment,
    },
    {
      id: 'digitisation',
      number: '4',
      code: 'MDSH',
      name: { vi: 'Số hóa hồ sơ', en: 'Digitisation of dossiers' },
      maxPoints: 22,
      source: `${QD766}; portal group "dossier-digitized"`,
      confidence: 'secondary',
      indicators: digitisation,
    },
    {
      id: 'satisfaction',
      number: '5',
      code: 'MDHL',
      name: { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
      maxPoints: 18,
      source: `${QD766}; 18/100 [confirmed] vietjack.me; portal group "handling-satisfaction"`,
      confidence: 'confirmed',
      indicators: satisfaction,
    },
  ],
});
