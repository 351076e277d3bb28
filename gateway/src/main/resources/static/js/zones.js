// Wall-clock times in a named zone (the convoy's cities), as ISO offset date-times, with the browser's own Intl data.

/** The zone's offset at an instant, as +HH:MM. */
export function offsetAt(zone, millis) {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date(millis));
  const name = (parts.find((part) => part.type === 'timeZoneName') || {}).value || 'GMT';
  const match = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return match ? match[1] + ':' + (match[2] || '00') : '+00:00';
}

function minutes(offset) {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [hh, mm] = offset.slice(1).split(':').map(Number);
  return sign * (hh * 60 + mm);
}

/** A wall-clock time on a date, in a zone, as an ISO offset date-time. */
export function zoned(date, time, zone) {
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  let offset = offsetAt(zone, asUtc);
  offset = offsetAt(zone, asUtc - minutes(offset) * 60000);
  return `${date}T${time}:00${offset}`;
}

/** The date after an ISO date (YYYY-MM-DD). */
export function nextDate(date, days = 1) {
  return new Date(Date.parse(date + 'T12:00:00Z') + days * 86400000).toISOString().slice(0, 10);
}

/** Every date from one ISO date to another, both included (at most 31). */
export function datesBetween(from, to) {
  const dates = [];
  for (let date = from; date && to && date <= to && dates.length < 31; date = nextDate(date)) {
    dates.push(date);
  }
  return dates;
}

/** Whether a string names a zone the browser knows. */
export function knownZone(zone) {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch (e) {
    return false;
  }
}
