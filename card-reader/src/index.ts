// PC/SC card reader access and the e-ID session (certificate, PIN, challenge signature).
export { createPcscReaderService } from './pcsc-reader-service';
export type {
  PcscReaderService,
  PcscReaderServiceOptions,
  CardLogger,
} from './pcsc-reader-service';
export { openIdCardSession } from './id-card-session';
export type { IdCardSession, IdCardSessionOptions } from './id-card-session';
export { holderFromCertificate, maskPesel, derToPem } from './certificate-holder';
export { redactApdu } from './apdu';
export { pcscErrorCode } from './pcsc-errors';
export type { PcscCardReader, PcscContext } from './pcsc-binding';
export { acquireVirtualPcscd, pcscdRunning, VIRTUAL_READERS, PCSCD_SOCKET } from './pcscd-harness';
export type { VirtualPcscd } from './pcscd-harness';
