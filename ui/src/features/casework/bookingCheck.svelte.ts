// The check that comes before booking or moving an appointment (and before
// booking the next one from a session record): clashes, and for a home visit
// the client's safety flags. The warnings are kept with the request they were
// for, so once the form changes the check no longer stands and the form asks
// for a new one: what is booked is what was checked.
import type { BookAppointmentRequest, BookingWarningsDto } from '../../lib/ipc/bindings';

export class BookingCheck {
  #last = $state<{ request: string; warnings: BookingWarningsDto } | null>(null);

  /** The warnings, when the last check was for this very request; null when it needs checking. */
  warningsFor(request: BookAppointmentRequest): BookingWarningsDto | null {
    const last = this.#last;
    return last !== null && last.request === JSON.stringify(request) ? last.warnings : null;
  }

  /**
   * Asks `bookingWarnings` about the request as it is now, and keeps the
   * answer with it. A failure is thrown on, for the form to show.
   */
  async check(
    request: BookAppointmentRequest,
    bookingWarnings: (request: BookAppointmentRequest) => Promise<BookingWarningsDto>,
  ): Promise<void> {
    // Taken before the answer comes, so a change typed meanwhile asks for a new check.
    const asked = JSON.stringify(request);
    const warnings = await bookingWarnings(request);
    this.#last = { request: asked, warnings };
  }

  /** Forgets the last check, as when the booking is cleared. */
  forget(): void {
    this.#last = null;
  }
}
