import {
  isSkrError,
  type KioskBookRequest,
  type KioskBookResult,
  type KioskLateBookRequest,
  type KioskRebookRequest,
  type KioskRebookResult,
  type Lang,
} from '@skr/protocol';
import type { VisitSummary } from '@skr/protocol/calendar';
import type { BranchClient } from './branch-client';
import type { PrinterService } from './printer-service';

/** Options of {@link createBookingService}. */
interface BookingServiceOptions {
  branch: BranchClient;
  printer: PrinterService;
  branchName: string;
  /** The branch's street address for the slip; left off the slip when unknown. */
  branchAddress?: string;
  /** Reads the PESEL of the ID card in the reader (absent: this kiosk has no reader). */
  readCardPesel?: () => Promise<string>;
}

/** Books visits at the kiosk ("Umów wizytę") and prints their slips. */
interface BookingService {
  book(req: KioskBookRequest): Promise<KioskBookResult>;
  /** Moves a visit (code + PESEL) to another slot and prints the new slip. */
  rebook(req: KioskRebookRequest): Promise<KioskRebookResult>;
  /** Books a late client at the slot offered today (code or ID card) and prints the slip. */
  bookLate(req: KioskLateBookRequest): Promise<KioskBookResult>;
}

/** Creates the booking service. */
export function createBookingService(opts: BookingServiceOptions): BookingService {
  const { branch, printer } = opts;

  // The confirmation SMS is a courtesy on top of the slip: a branch with SMS off (503) or a
  // failing gateway never undoes a booking that is already made.
  async function confirm(code: string, phone: string | undefined, lang: Lang) {
    if (!phone) return 'none' as const;
    try {
      await branch.call('putBookingContact', {
        params: { code },
        body: { channel: 'sms', address: phone, lang },
      });
      return 'queued' as const;
    } catch (e) {
      if (isSkrError(e, 'INVALID')) throw e;
      return 'off' as const;
    }
  }

  // The same slip for a booking and a rebooking: the new code, day, hour, service and QR.
  function printSlip(visit: VisitSummary, serviceName: string, lang: Lang) {
    return printer.print({
      kind: 'booking',
      doc: {
        branchName: opts.branchName,
        ...(opts.branchAddress ? { address: opts.branchAddress } : {}),
        serviceName,
        start: visit.start,
        bookingCode: visit.code,
        lang,
      },
    });
  }

  return {
    async bookLate(req) {
      let body: { bookingCode: string } | { bookingPesel: string };
      if (req.card) {
        if (!opts.readCardPesel) throw new Error('this kiosk has no card reader');
        body = { bookingPesel: await opts.readCardPesel() };
      } else body = { bookingCode: req.bookingCode! };
      const { visit } = await branch.call('bookLateArrival', {
        body: { ...body, start: req.start },
      });
      const out = await printSlip(visit, req.serviceName, req.lang);
      return {
        visit,
        printed: out.printed,
        ...(out.error ? { printError: out.error } : {}),
        confirmation: 'none' as const,
      };
    },
    async rebook(req) {
      // The PESEL goes to the branch only (its keyed hash is compared), never back to the page.
      const { cancelled, visit } = await branch.call('rebookVisit', {
        params: { code: req.code },
        body: { pesel: req.pesel, start: req.start },
      });
      const out = await printSlip(visit, req.serviceName, req.lang);
      return {
        cancelled,
        visit,
        printed: out.printed,
        ...(out.error ? { printError: out.error } : {}),
      };
    },
    async book(req) {
      const id = req.identity;
      let pesel: string;
      if (id.by === 'card') {
        if (!opts.readCardPesel) throw new Error('this kiosk has no card reader');
        pesel = await opts.readCardPesel();
      } else pesel = id.pesel;
      // The PESEL goes to the branch only, which keeps a keyed hash of it; never to the page.
      const { visit } = await branch.call('bookVisit', {
        body: { serviceId: req.serviceId, start: req.start, pesel },
      });
      const confirmation = await confirm(visit.code, id.phone, req.lang);
      const out = await printSlip(visit, req.serviceName, req.lang);
      return {
        visit,
        printed: out.printed,
        ...(out.error ? { printError: out.error } : {}),
        confirmation,
      };
    },
  };
}
