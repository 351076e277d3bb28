// The reminders of a convoy, in the console's convoy form: how many hours before each meeting its attendees are
// reminded, and on which channel (email, or a text to those who chose texts).
import { t } from './i18n.js';
import { h, $, $$ } from './dom.js';

const CHANNELS = ['EMAIL', 'SMS'];
const DEFAULTS = [{ hours: 24, channel: 'EMAIL' }, { hours: 2, channel: 'SMS' }];
const MAX_HOURS = 336;
const MAX_REMINDERS = 6;
let rowsMade = 0;   // gives each row's controls ids of their own

/** The reminders' part of the form; a convoy that names none has the default ones. */
export function remindersFieldset(reminders) {
  const rows = h('div', { id: 'cv-reminders' });
  (reminders || DEFAULTS).forEach((reminder) => rows.append(reminderRow(reminder)));
  return h('fieldset', { class: 'field' }, h('legend', {}, t('rm.legend')), h('p', { class: 'hint' }, t('rm.hint')),
    rows,
    h('button', { type: 'button', class: 'secondary small', id: 'cv-reminder-add', onclick: () => {
      if ($$('#cv-reminders .reminder-row').length < MAX_REMINDERS) {
        $('#cv-reminders').append(reminderRow({ hours: 1, channel: 'SMS' }));
      }
    } }, t('rm.add')));
}

function reminderRow(reminder) {
  const n = rowsMade++;
  const hours = `cv-reminder-hours-${n}`;
  const channel = `cv-reminder-channel-${n}`;
  const row = h('div', { class: 'row reminder-row' },
    h('div', { class: 'field' }, h('label', { for: hours }, t('rm.hours')),
      h('input', { id: hours, class: 'reminder-hours', type: 'number', min: 1, max: MAX_HOURS, required: true,
        value: reminder.hours })),
    h('div', { class: 'field' }, h('label', { for: channel }, t('rm.channel')),
      h('select', { id: channel, class: 'reminder-channel' }, CHANNELS.map((c) =>
        h('option', { value: c, selected: c === reminder.channel }, t('rm.' + c))))),
    h('button', { type: 'button', class: 'secondary small', onclick: () => row.remove() }, t('rm.remove')));
  return row;
}

/** The reminders as the form now says; the service refuses zero, negative and repeated ones, naming the field. */
export function currentReminders() {
  return $$('#cv-reminders .reminder-row').map((row) => ({
    hours: Number($('.reminder-hours', row).value),
    channel: $('.reminder-channel', row).value,
  }));
}
