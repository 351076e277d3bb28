// Attendance for organizers, beside the check-in desk: excusing an attendee's absence (with a reason) and the
// convoy's no-shows per delegate, most first. Both read and change scheduling's attendance through the given call.
import { t } from './i18n.js';
import { h, fill, show } from './dom.js';

/**
 * An "excuse" button for an attendee who has not arrived; it opens a one-line reason and sends it.
 * excuse(reason) records it and re-renders; refusals are shown by the caller's status line.
 */
export function excuseControl(attendee, excuse) {
  const box = h('span', { class: 'excuse' });
  const open = h('button', { type: 'button', class: 'secondary small', dataset: { excuse: attendee.delegateId } },
    t('att.excuse'));
  open.addEventListener('click', () => {
    const reason = h('input', { type: 'text', maxlength: '300', 'aria-label': t('att.reason', { who: attendee.name || '' }),
      placeholder: t('att.reason.placeholder') });
    const save = h('button', { type: 'submit', class: 'small' }, t('att.save'));
    const form = h('form', { class: 'excuse-form', novalidate: true }, reason, save);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!reason.value.trim()) {
        reason.setAttribute('aria-invalid', 'true');
        reason.focus();
        return;
      }
      save.disabled = true;
      try {
        await excuse(reason.value.trim());
      } finally {
        save.disabled = false;
      }
    });
    fill(box, form);
    reason.focus();
  });
  return fill(box, open);
}

/** The convoy's delegates with no-shows (meetings that ended without them and without an excuse), as a table. */
export function renderNoShows(box, rows, meetingLabel) {
  if (!rows.length) {
    fill(box, h('p', { class: 'hint' }, t('att.noShows.none')));
  } else {
    fill(box, h('div', { class: 'table-wrap' }, h('table', { id: 'no-shows' },
      h('thead', {}, h('tr', {}, ...['att.col.delegate', 'att.col.municipality', 'att.col.count', 'att.col.meetings']
        .map((key) => h('th', { scope: 'col' }, t(key))))),
      h('tbody', {}, ...rows.map((row) => h('tr', { dataset: { delegateId: row.delegateId } },
        h('th', { scope: 'row' }, row.name || t('chk.erased')), h('td', {}, row.municipality || ''),
        h('td', { class: 'n' }, String(row.noShows)), h('td', {}, row.meetings.map(meetingLabel).join('; '))))))));
  }
  show(box);
}
