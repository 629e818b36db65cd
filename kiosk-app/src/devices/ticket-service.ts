import {
  type IssueTicketRequest,
  type KioskCheckInRequest,
  type KioskIssueRequest,
  type KioskTicketOutcome,
  type Lang,
  type Service,
} from '@skr/protocol';
import type { BranchClient } from './branch-client';
import type { KioskPrintJob, PrinterService } from './printer-service';

/** How a booking is found at check-in: by its code or by the ID card's PESEL. */
type CheckInBody = Pick<IssueTicketRequest, 'bookingCode' | 'bookingPesel' | 'acceptLate'>;

/** Options of {@link createTicketService}. */
interface TicketServiceOptions {
  branch: BranchClient;
  printer: PrinterService;
  branchName: string;
  /** Origin phones reach the branch at; relative follow URLs are made absolute with it. */
  publicOrigin: string;
}

/** Issues tickets at the branch and prints them; the outcome always carries the number. */
interface TicketService {
  issue(req: KioskIssueRequest): Promise<KioskTicketOutcome>;
  checkIn(req: KioskCheckInRequest): Promise<KioskTicketOutcome>;
  /** Check-in with a booking found by other means (the ID card): same printing. */
  checkInWith(body: CheckInBody, lang: Lang): Promise<KioskTicketOutcome>;
}

/** Creates the ticket service. */
export function createTicketService(opts: TicketServiceOptions): TicketService {
  const { branch, printer } = opts;
  let services: Service[] | null = null;

  async function nameOf(id: string, lang: Lang): Promise<string> {
    try {
      services ??= (await branch.call('listServices')).services;
    } catch {
      return id; // the ticket still prints; the name is a courtesy
    }
    return services.find((s) => s.id === id)?.names[lang].slice(0, 60) ?? id;
  }

  const absolute = (u: string) => new URL(u, opts.publicOrigin).toString();

  /** Prints `job(followUrl)`; the outcome carries the number even when printing fails. */
  async function printFor(
    ticket: KioskTicketOutcome['ticket'],
    job: (followUrl: string) => KioskPrintJob,
  ): Promise<KioskTicketOutcome> {
    const followUrl = absolute(ticket.followUrl);
    const out = await printer.print(job(followUrl));
    return {
      ticket,
      followUrl,
      printed: out.printed,
      ...(out.error ? { printError: out.error } : {}),
    };
  }

  /** The walk-in ticket's slip: number, wait and the QR to follow the line. */
  function queueJob(
    ticket: KioskTicketOutcome['ticket'],
    followUrl: string,
    serviceName: string,
    lang: Lang,
    priority = false,
  ): KioskPrintJob {
    return {
      kind: 'queue',
      doc: {
        branchName: opts.branchName,
        number: ticket.number,
        serviceName,
        issuedAt: ticket.issuedAt,
        peopleAhead: ticket.peopleAhead,
        estimatedWaitMinutes: ticket.estimatedWaitMinutes,
        followUrl,
        lang,
        priority,
      },
    };
  }

  async function checkInWith(body: CheckInBody, lang: Lang) {
    // The number exists once the branch committed it; the client gets it on screen even if
    // the printer fails below.
    const ticket = await branch.call('issueTicket', { body: { ...body, lang } });
    const serviceName = await nameOf(ticket.serviceId, lang);
    // Past the check-in window the client waits in line as a walk-in: the slip says so (the
    // wait, not a booked hour that no longer holds).
    if (ticket.lateArrival)
      return printFor(ticket, (followUrl) => queueJob(ticket, followUrl, serviceName, lang));
    return printFor(ticket, (followUrl) => ({
      kind: 'check-in',
      doc: {
        branchName: opts.branchName,
        number: ticket.number,
        serviceName,
        bookedFor: ticket.bookedFor ?? ticket.issuedAt,
        bookingCode: String(body.bookingCode ?? '—'),
        lang,
        peopleAhead: ticket.peopleAhead,
        ...(followUrl.length <= 96 ? { followUrl } : {}),
      },
    }));
  }

  return {
    async issue(req) {
      const ticket = await branch.call('issueTicket', {
        body: {
          serviceId: req.serviceId,
          lang: req.lang,
          ...(req.priority ? { priority: req.priority } : {}),
        },
      });
      return printFor(ticket, (followUrl) =>
        queueJob(ticket, followUrl, req.serviceName, req.lang, req.priority !== undefined),
      );
    },
    checkIn: (req) =>
      checkInWith({ bookingCode: req.bookingCode, acceptLate: req.acceptLate }, req.lang),
    checkInWith,
  };
}
