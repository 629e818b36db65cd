// Issue 12: after a transfer to another service, "served" was counted under the new service but
// "issued" stayed under the old one, so a service could show more served than issued. A ticket
// now counts where it ends: a change of service moves its "issued" (and "booked") along. The
// total is unchanged. Tickets transferred before this step keep their old rows (the original
// service is not stored, so they cannot be moved afterwards).
const moveIssued = (service: 'OLD' | 'NEW', sign: '+' | '-') => `
    INSERT INTO stats_daily (day, service_id, counter_id, clerk, issued, booked)
      VALUES (NEW.day, ${service}.service_id, 0, '', ${sign}1, ${sign}(NEW.booking_code IS NOT NULL))
      ON CONFLICT DO UPDATE SET issued = issued + excluded.issued, booked = booked + excluded.booked;`;

/** Step 10: "issued" follows a ticket's service through transfers (served ≤ issued per service). */
export const issuedByFinalService = `
  CREATE TRIGGER stats_transfer_service AFTER UPDATE OF service_id ON tickets
    WHEN NEW.service_id <> OLD.service_id BEGIN
    ${moveIssued('OLD', '-')}
    ${moveIssued('NEW', '+')}
  END;
  `;
