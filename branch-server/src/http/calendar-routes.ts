import type { Principal } from '@skr/protocol';
import type { BookingChannel } from '@skr/protocol/calendar';
import { branchApi } from '@skr/protocol/routes';
import type { FastifyInstance } from 'fastify';
import { serve } from './api-route';
import type { ApiContext } from './context';

/** The channel a booking came through, from who made it. */
function channelOf(principal: Principal): BookingChannel {
  if (principal === 'kiosk') return 'kiosk';
  if (principal === 'clerk') return 'desk';
  return 'manager';
}

/** The calendar: the manager's plan, free slots and booking at the branch (issue 14). */
export async function calendarRoutes(app: FastifyInstance, ctx: ApiContext): Promise<void> {
  const { calendar, calendarViews } = ctx.branch;
  serve(app, 'getCalendarPlan', branchApi.getCalendarPlan, () => ({ plan: calendar.plan() }));
  serve(app, 'putCalendarPlan', branchApi.putCalendarPlan, (req, _reply, caller) =>
    calendar.savePlan(req.body.plan, req.body.acceptStranded, caller.subject),
  );
  serve(app, 'getCalendarDay', branchApi.getCalendarDay, (req) => ({
    day: req.query.day,
    slots: calendarViews.day(req.query.day),
    publicHoliday: calendarViews.publicHolidayOn(req.query.day),
  }));
  serve(app, 'findVisit', branchApi.findVisit, (req, _reply, caller) => ({
    visit: calendarViews.find(req.params.code, req.body, channelOf(caller.principal)),
  }));
  serve(app, 'listCalendarSlots', branchApi.listCalendarSlots, (req) => ({
    slots: calendar.slots(req.query),
  }));
  serve(app, 'bookVisit', branchApi.bookVisit, (req, reply, caller) =>
    reply
      .status(201)
      .send({ visit: calendar.book(req.body, channelOf(caller.principal), caller.subject) }),
  );
  serve(app, 'cancelVisit', branchApi.cancelVisit, (req, _reply, caller) => ({
    visit: calendar.cancel(req.params.code, req.body, channelOf(caller.principal), caller.subject),
  }));
  serve(app, 'bookLateArrival', branchApi.bookLateArrival, (req, reply, caller) =>
    reply.status(201).send({
      visit: ctx.branch.lateArrivals.book(req.body, channelOf(caller.principal), caller.subject),
    }),
  );
  serve(app, 'rebookVisit', branchApi.rebookVisit, (req, _reply, caller) =>
    calendar.rebook(req.params.code, req.body, channelOf(caller.principal), caller.subject),
  );
}
