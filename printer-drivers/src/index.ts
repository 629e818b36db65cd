// Public surface of @skr/printer-drivers: pure encoders, model data, transports, driver.
export {
  encodeQueueTicket,
  encodeCheckInTicket,
  encodeReceipt,
  encodeOutOfService,
  receiptQr,
} from './tickets';
export { encodeBookingSlip } from './booking-slip';
export { encodeAnswerLetter } from './answer-letter';
export {
  MAX_TICKET_BYTES,
  MAX_RECEIPT_BYTES,
  formatLocalDateTime,
  storedLogoCommand,
} from './layout-base';
export { printerModels, type PrinterModelId } from './models';
export { printLabels, type PrintLabels } from './labels';
export type { PrinterTransport } from './transport';
export { tcpTransport, type TcpTransportOptions } from './tcp-transport';
export { serialTransport, type SerialTransportOptions } from './serial-transport';
export { deviceFileTransport, type DeviceFileTransportOptions } from './device-file-transport';
export { createPrinter, statusError, type Printer, type PrinterOptions } from './printer';
export { parseStatus, isHealthy, STATUS_QUERY, PAPER_BARRIER } from './status-bytes';
