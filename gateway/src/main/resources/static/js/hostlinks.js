// The console's part of hosts in the loop: per contact of a host in the directory, send her a personal link to the
// host page or withdraw it; on a meeting card in the planner, what the host answered about the meeting.
import { t } from './i18n.js';
import { h, say } from './dom.js';
import { describe } from './api.js';

/**
 * The buttons for a contact as stored (with her id); none for one typed but not saved yet.
 *
 * @param call   an organizer call
 * @param host   the host as the directory last gave it
 * @param email  the contact's address as the form shows it
 * @param status where to say what happened
 */
export function linkButtons(call, host, email, status) {
  const saved = host && (host.contacts || []).find((contact) => contact.id
    && contact.email.toLowerCase() === String(email || '').toLowerCase());
  if (!saved) {
    return null;
  }
  const path = `/api/scheduling/hosts/${encodeURIComponent(host.hostId)}/contacts/${saved.id}/link`;
  const act = async (method, doneKey) => {
    try {
      await call(path, { method });
      say(status, t(doneKey, { name: saved.name }), 'ok');
    } catch (error) {
      say(status, describe(error), 'error');
    }
  };
  return h('div', { class: 'actions' },
    h('button', { type: 'button', class: 'secondary small hl-send', dataset: { contactId: saved.id },
      onclick: () => act('POST', 'hl.sent') }, t('hl.send', { name: saved.name })),
    h('button', { type: 'button', class: 'secondary small hl-revoke', dataset: { contactId: saved.id },
      onclick: () => act('DELETE', 'hl.revoked') }, t('hl.revoke', { name: saved.name })));
}

/** What the host answered about a meeting at its current time, or nothing. */
export function hostAnswerLine(meeting, clock) {
  const answer = meeting.hostAnswer;
  if (!answer) {
    return null;
  }
  return h('p', { class: 'host-answer', dataset: { answer: answer.kind } },
    h('strong', {}, t('hl.answer.' + answer.kind, { name: answer.contactName, at: clock(answer.at) })),
    answer.message ? ' ' + answer.message : '');
}
