/**
 * `vn-egov/testing`: what applications import in their own tests — a test PKI that mimics the Vietnamese
 * hierarchies (NEAC-like and Ban Cơ yếu-like; subject `UID` with `MST:` / `CCCD:` / `CMND:` / `MNS:`), custom and
 * deliberately defective certificates, CRLs, an OCSP responder, and seeded fixture factories. WebCrypto and pkijs
 * only, so it runs in Node and in browsers.
 * @packageDocumentation
 */
export type { TestingErrorCode } from './errors.js';
export { createSeededRandom, type SeededRandom } from './seeded-random.js';
export {
  generateTestKeyPair, exportPrivateKeyPem, TEST_KEY_ALGORITHMS, type TestKeyAlgorithm, type TestHash,
} from './test-keys.js';
export type { TestName } from './test-name.js';
export { issueCertificate, type IssueCertificateOptions, type TestCertificate, type TestCaUrls } from './certificate-builder.js';
export { createCrl, type CreateCrlOptions, type TestCrl, type TestRevocation } from './crl-builder.js';
export {
  createOcspResponse, readOcspRequest, ocspErrorResponse,
  type CreateOcspResponseOptions, type OcspAnswer, type OcspCertStatus, type OcspRequestInfo,
} from './ocsp-responder.js';
export {
  createTestPki, TEST_CERTIFICATE_DEFECTS,
  type TestPki, type TestPkiOptions, type TestHierarchy, type TestCertificateDefect, type TestLeafProfile,
  type TestLeafOptions, type OcspQuery, type OcspRespondOptions,
} from './test-pki.js';
export { createPersonName, testAgencies, type TestPersonName, type TestAgency } from './fixtures/vietnamese-names.js';
export {
  createOutgoingDocuments, createIncomingDocuments, type DocumentFixtureOptions, type OutgoingDocumentFixtures,
} from './fixtures/documents.js';
export {
  createDossierFixture, createDossierFixtures, DOSSIER_SCENARIOS,
  type DossierScenario, type DossierFixtureOptions, type DossierFixture,
} from './fixtures/dossiers.js';
export { createTimestampToken, type TimestampOptions, type TimestampResult } from './timestamp.js';
export { signCms, type SignCmsOptions } from './sign-cms.js';
export { createEdxmlPackage, type EdxmlPackageFixtureOptions, type EdxmlPackageFixture } from './fixtures/edxml-packages.js';
export { createStatusMessage, type StatusMessageFixtureOptions, type StatusMessageFixture } from './fixtures/status-messages.js';
export { createScoringInputs, type ScoringInputsOptions, type ScoringInputsFixture, type ScoringInputsSet } from './fixtures/scoring-inputs.js';
