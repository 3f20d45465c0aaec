// The one error whose message goes to the operator as it is. Lower layers that only detect a
// problem return a code; the layer that knows who is reading (the app or the CLI) words it and
// throws this.

/** An error whose message is meant for the operator as it is (what happened, what to do). */
export class UserError extends Error {
  override name = 'UserError';
  constructor(
    message: string,
    /** What the caller can act on without reading the message, e.g. `schedule_passed`. */
    readonly code = 'user_error',
  ) {
    super(message);
  }
}
