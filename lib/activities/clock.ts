// The clock the activity rules read (application window, recommendation deadline). Services take `now` as an
// argument; the actions take it from here, so integration tests can put the clock before or after a window.

let override: (() => Date) | null = null;

export const activityNow = (): Date => override?.() ?? new Date();

/** Tests only: fix the clock the activity actions read (null: the real clock again). */
export function setActivityClock(clock: (() => Date) | null): void {
  override = clock;
}
