/**
 * Campaign dates as people pick them: whole days in Brussels. A campaign opens at 00:00 of its
 * first day and closes at 00:00 of the day after its last day (the server treats `closesAt` as
 * the first moment it is closed), so the last day chosen is a full day of answering.
 */
const ZONE = "Europe/Brussels";
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

function brusselsParts(at: number) {
  const parts = partsFormat.formatToParts(new Date(at));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

/** How far Brussels clocks are ahead of UTC at an instant, in milliseconds. */
function brusselsOffset(at: number): number {
  const p = brusselsParts(at);
  const wholeSeconds = Math.floor(at / 1000) * 1000;
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - wholeSeconds;
}

/** 00:00 in Brussels on a day given as YYYY-MM-DD, or null for anything else. */
function brusselsMidnight(day: string, addDays = 0): Date | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const utcMidnight = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  if (Number.isNaN(utcMidnight)) return null;
  // Twice: the offset at the first guess may differ from the one at the answer near a DST switch.
  const guess = utcMidnight - brusselsOffset(utcMidnight);
  return new Date(utcMidnight - brusselsOffset(guess));
}

/** The ISO moment a campaign opens for a first day (YYYY-MM-DD); "" when no day is given. */
export function opensAtFor(firstDay: string): string {
  return brusselsMidnight(firstDay)?.toISOString() ?? "";
}

/** The ISO moment a campaign closes for an inclusive last day: 00:00 the day after. */
export function closesAtFor(lastDay: string): string {
  return brusselsMidnight(lastDay, 1)?.toISOString() ?? "";
}

/** The Brussels day (YYYY-MM-DD) of a moment, as an `<input type="date">` takes it. */
export function dayOf(iso: string): string {
  const p = brusselsParts(new Date(iso).getTime());
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The last day a campaign is open: the day of the moment just before it closes. */
export function lastDayOf(closesAt: string): string {
  return dayOf(new Date(new Date(closesAt).getTime() - 1).toISOString());
}

/** The moment just before `closesAt`, to show the last open day with a date formatter. */
export function lastMomentBefore(closesAt: string): string {
  return new Date(new Date(closesAt).getTime() - 1).toISOString();
}

/** Whether a moment is 00:00 in Brussels (a whole-day boundary rather than a button press). */
export function isBrusselsMidnight(iso: string): boolean {
  const p = brusselsParts(new Date(iso).getTime());
  return p.hour === 0 && p.minute === 0 && p.second === 0;
}
