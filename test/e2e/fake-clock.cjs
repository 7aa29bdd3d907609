'use strict';
// Loaded with `node --require` by determinism.test.ts: the clock reads CSQ_TEST_SHIFT_DAYS days
// later (or earlier, if negative) than it is. Date.now() and `new Date()` move; a date made from
// a given value does not, as with a real clock on another day.
const shift = Number(process.env.CSQ_TEST_SHIFT_DAYS || 0) * 24 * 60 * 60 * 1000;
const RealDate = Date;

class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + shift);
    else super(...args);
  }
  static now() {
    return RealDate.now() + shift;
  }
}
globalThis.Date = ShiftedDate;
