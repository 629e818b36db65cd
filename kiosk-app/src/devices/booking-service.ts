import { isSkrError, type KioskBookRequest, type KioskBookResult, type Lang } from '@skr/protocol';
import type { BranchClient } from './branch-client';
import type { PrinterService } from './printer-service';

/** Options of {@link createBookingService}. */
export interface BookingServiceOptions {
  branch: BranchClient;
  printer: PrinterService;
  branchName: string;
  /** The branch's street address for the slip; left off the slip when unknown. */
  branchAddress?: string;
  /** Reads the PESEL of the ID card in the reader (absent: this kiosk has no reader). */
  readCardPesel?: () => Promise<string>;
}

/** Books visits at the kiosk ("Umów wizytę") and prints their slips. */
export interface BookingService {
  book(req: KioskBookRequest): Promise<KioskBookResult>;
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

  return {
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
      const out = await printer.print({
        kind: 'booking',
        doc: {
          branchName: opts.branchName,
          ...(opts.branchAddress ? { address: opts.branchAddress } : {}),
          serviceName: req.serviceName,
          start: visit.start,
          bookingCode: visit.code,
          lang: req.lang,
        },
      });
      return {
        visit,
        printed: out.printed,
        ...(out.error ? { printError: out.error } : {}),
        confirmation,
      };
    },
  };
}
