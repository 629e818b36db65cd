import {
  SkrError,
  type KioskConfig,
  type KioskEvent,
  type KioskInput,
  type KioskMethod,
  type KioskOutput,
} from '@skr/protocol';
import { createAnonDocumentService } from './anon-document-service';
import { createAnswerService } from './answer-service';
import type { BranchClient } from './branch-client';
import { createBookingService } from './booking-service';
import type { CardService } from './card-service';
import { createDocumentService } from './document-service';
import type { FileService } from './file-service';
import type { HealthReporter } from './health-reporter';
import type { PrinterService } from './printer-service';
import type { SigningService } from './signing-service';
import { createTicketService } from './ticket-service';

/** Handlers of every bridge method (input already validated by the dispatcher). */
export type KioskHandlers = {
  [M in KioskMethod]: (input: KioskInput<M>) => Promise<KioskOutput<M>>;
};

/** The kiosk's device services as Electron main and the browser host both serve them. */
export interface KioskServices {
  handlers: KioskHandlers;
  onEvent(cb: (e: KioskEvent) => void): () => void;
  close(): Promise<void>;
}

/** What the services are built from; every device arrives ready (drivers get their transport). */
interface KioskServicesOptions {
  config: KioskConfig;
  branch: BranchClient;
  printer: PrinterService;
  /** Absent when the kiosk has no card reader (ticket machine only). */
  card?: CardService;
  files: FileService;
  health: HealthReporter;
  uppWaitMs?: number;
  /** Signs drop-offs with the ID card's signature key; absent when there is no card reader. */
  signing?: SigningService;
  /** The branch's street address, printed on booking slips. */
  branchAddress?: string;
}

/** Wires the device services into bridge handlers and one event stream. */
export function createKioskServices(opts: KioskServicesOptions): KioskServices {
  const { printer, card, files, branch } = opts;
  const tickets = createTicketService({
    branch,
    printer,
    branchName: opts.config.branchName,
    publicOrigin: opts.config.publicOrigin,
  });
  const documents = createDocumentService({
    branch,
    files,
    printer,
    branchName: opts.config.branchName,
    uppWaitMs: opts.uppWaitMs,
    ...(opts.signing ? { signing: opts.signing } : {}),
  });
  const anonDocuments = createAnonDocumentService({
    branch,
    files,
    printer,
    branchName: opts.config.branchName,
    uppWaitMs: opts.uppWaitMs,
    ...(card ? { card } : {}),
  });
  const bookings = createBookingService({
    branch,
    printer,
    branchName: opts.config.branchName,
    ...(opts.branchAddress ? { branchAddress: opts.branchAddress } : {}),
    ...(card ? { readCardPesel: () => card.readPesel() } : {}),
  });
  const answers = createAnswerService({
    branch,
    printer,
    branchName: opts.config.branchName,
    ...(opts.signing ? { signing: opts.signing } : {}),
  });
  const listeners = new Set<(e: KioskEvent) => void>();
  const emit = (e: KioskEvent) => {
    for (const cb of listeners) cb(e);
  };
  const offs = [
    printer.onChange((ok, status) => emit({ type: 'printer', ok, status })),
    card?.onChange((present) => emit({ type: 'card', present })) ?? (() => undefined),
  ];
  const needCard = () => {
    if (!card) throw new SkrError('NOT_FOUND', 'this kiosk has no card reader');
    return card;
  };

  // A start is a fresh session too: scans left by a client before a crash or power cut go.
  void files.endSession();
  const handlers: KioskHandlers = {
    config: async () => ({ ...opts.config, pinpad: card?.pinpad() ?? false }),
    devices: async () => ({
      printer: printer.status(),
      printerOk: printer.ok(),
      cardReader: card?.readerPresent() ?? false,
      cardPresent: card?.cardPresent() ?? false,
    }),
    issueTicket: (req) => tickets.issue(req),
    checkIn: (req) => tickets.checkIn(req),
    checkInByCard: async (req) => {
      const pesel = await needCard().readPesel();
      // The PESEL goes only to the branch's booking lookup, never to the renderer.
      return tickets.checkInWith({ bookingPesel: pesel, acceptLate: req.acceptLate }, req.lang);
    },
    cardLogin: (req) => needCard().login(req),
    // Every end of a self-service session (sign-out, idle, card pulled) lands here: the scanner
    // folder is emptied so the next client cannot submit this client's scans.
    cardEnd: async () => {
      await files.endSession();
      return {};
    },
    listFiles: async () => ({ files: await files.list() }),
    submitDocument: (req) => documents.submit(req),
    bookVisit: (req) => bookings.book(req),
    rebookVisit: (req) => bookings.rebook(req),
    bookLateArrival: (req) => bookings.bookLate(req),
    openAnswer: (req) => answers.open(req),
    signUpdByCard: (req) => answers.signUpdByCard(req),
    // Only the holder's name and masked PESEL reach the page; the PESEL stays in the host.
    readCardHolder: async () => (await needCard().readSubmitter()).holder,
    submitAnonymous: (req) => anonDocuments.submit(req),
    lookupReceipt: (req) => anonDocuments.lookup(req),
  };
  return {
    handlers,
    onEvent(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    async close() {
      for (const off of offs) off();
      card?.close();
      opts.health.close();
      await printer.close();
    },
  };
}
