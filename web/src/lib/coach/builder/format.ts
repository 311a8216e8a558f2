/** Due dates are days, shown without a time, in the person's locale (app/format.ts). */
export { formatDay } from '../../app/format.ts';
