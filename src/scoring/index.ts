/**
 * `vn-egov/scoring`: a data-driven e-government scoring engine (chấm điểm chính quyền điện tử) with the
 * official criteria sets — QĐ 766/QĐ-TTg, UN EGDI, and a commune/district e-government template (QĐ 2392) —
 * typed formula primitives, explanations in Vietnamese and English, competition ranking, levels as data,
 * periods and the assessment workflow, and CSV / JSON / `.xlsx` exports. Runs in browsers (no Node APIs).
 *
 * @example
 * ```ts
 * import { criteriaSets, score, rank } from 'vn-egov/scoring';
 * const results = score(criteriaSets.qd766, units, { period: '2026-08' });
 * rank(results, { precision: 2 });
 * ```
 * @packageDocumentation
 */
export type { ScoringErrorCode } from './errors.js';
export { localizedTextSchema, languageSchema, type LocalizedText, type Language } from './localized-text.js';
export { confidenceSchema, type Confidence } from './confidence.js';
export { roundTo, formatNumber } from './rounding.js';
export {
  inputValueSchema,
  manualScoreSchema,
  assessedScoreSchema,
  unitInputsSchema,
  type InputValue,
  type ManualScore,
  type AssessedScore,
  type UnitInputs,
} from './input-value.js';
export {
  inputKeySchema,
  operandSchema,
  missingPolicySchema,
  zeroDenominatorPolicySchema,
  type Operand,
  type MissingPolicy,
  type ZeroDenominatorPolicy,
} from './formulas/operand.js';
export {
  indicatorStatusSchema,
  populationStatsSchema,
  type IndicatorStatus,
  type PopulationStats,
  type FormulaContext,
  type FormulaOutcome,
} from './formulas/outcome.js';
export { ratioFormulaSchema, evaluateRatio, type RatioFormula } from './formulas/ratio.js';
export { thresholdsFormulaSchema, evaluateThresholds, type ThresholdsFormula } from './formulas/thresholds.js';
export { booleanFormulaSchema, evaluateBoolean, type BooleanFormula } from './formulas/boolean.js';
export { countFormulaSchema, evaluateCount, type CountFormula } from './formulas/count.js';
export { linearFormulaSchema, evaluateLinear, type LinearFormula } from './formulas/linear.js';
export {
  normaliseToBestFormulaSchema,
  minMaxFormulaSchema,
  zScoreFormulaSchema,
  evaluateCrossUnit,
  populationStats,
  type NormaliseToBestFormula,
  type MinMaxFormula,
  type ZScoreFormula,
  type CrossUnitFormula,
} from './formulas/cross-unit.js';
export { manualFormulaSchema, evaluateManual, type ManualFormula } from './formulas/manual.js';
export { assessedFormulaSchema, combineRuleSchema, evaluateAssessed, type AssessedFormula, type CombineRule } from './formulas/assessed.js';
export { monitoringFormulaSchema, evaluateMonitoring, type MonitoringFormula } from './formulas/monitoring.js';
export { formulaSchema, evaluateFormula, formulaInputKeys, FORMULA_KINDS, type Formula } from './formulas/formula.js';
export {
  criteriaSetSchema,
  groupSchema,
  indicatorSchema,
  aggregateSchema,
  roundingSchema,
  defineCriteriaSet,
  criteriaSetProblems,
  type CriteriaSet,
  type Group,
  type Indicator,
  type Aggregate,
  type Rounding,
} from './criteria-set.js';
export {
  periodSchema,
  toPeriod,
  periodKey,
  formatPeriod,
  periodBounds,
  previousPeriod,
  nextPeriod,
  periodState,
  periodMonths,
  type Period,
  type PeriodInput,
} from './periods.js';
export {
  explanationSchema,
  indicatorResultSchema,
  groupResultSchema,
  scoreResultSchema,
  resultDocumentSchema,
  toResultDocument,
  parseResultDocument,
  resultJsonSchema,
  RESULT_FORMAT,
  RESULT_FORMAT_VERSION,
  type Explanation,
  type IndicatorResult,
  type GroupResult,
  type ScoreResult,
  type ResultDocument,
} from './result-schema.js';
export { explainOutcome, explanationText } from './explain.js';
export { score, scoreOptionsSchema, type ScoreOptions } from './score.js';
export { rank, rankOptionsSchema, type RankOptions, type RankEntry } from './rank.js';
export {
  levelSchemeSchema,
  defineLevelScheme,
  classify,
  compareLevels,
  levelOf,
  NOT_RANKED_LABEL,
  type LevelScheme,
  type LevelResult,
} from './levels.js';
export { criteriaSets } from './sets/index.js';
export { egdiGroups } from './sets/egdi.js';
export { caoBang2020Bands, resultLevel, RESULT_LEVEL_GROUPS } from './sets/commune-readiness.js';
export {
  assessmentSchema,
  assessmentStatusSchema,
  reviewSchema,
  historyEntrySchema,
  createAssessment,
  updateSelfAssessment,
  submitSelfAssessment,
  addReview,
  returnForRevision,
  approveAssessment,
  effectiveInputs,
  parseAssessment,
  type Assessment,
  type AssessmentStatus,
  type Review,
  type HistoryEntry,
} from './workflow.js';
export { periodDelta, scoreHistory, type ScoreDelta, type HistoryPoint } from './history.js';
export { summaryTable, groupTable, type Cell } from './table.js';
export { toCsv, csvOptionsSchema, type CsvOptions } from './export-csv.js';
export { toXlsx, columnName, sheetName, type XlsxOptions } from './export-xlsx.js';
export {
  statisticsRowSchema,
  statisticsReportSchema,
  statisticsRowProblems,
  parseStatisticsReport,
  type StatisticsRow,
  type StatisticsReport,
} from './statistics-report.js';
export { qd766InputsFromStatistics, type Qd766StatisticsInputs, type Qd766StatisticsSource } from './qd766-inputs-from-statistics.js';
