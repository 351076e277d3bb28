// /host#code=…: a host contact's page, opened with the personal link the organizers sent her. The one-time code is
// exchanged for a session kept in this tab only; the page lists her organization's upcoming visits with the time in
// the venue's zone (named), the visitor list for the security desk (names, and organization and position only for
// delegates who agreed to share them), and lets her confirm each visit or ask for another time with a message. Each
// visit links to its check-in page for the desk, which uses this tab's session.
import { initLanguage, t, lang, onLangChange, useLanguageUnlessChosen } from './i18n.js';
import { h, $, fill, say } from './dom.js';
import { api, ApiError, describe } from './api.js';

const SESSION_KEY = 'convoy.host.session';
const HEADER = 'X-Host-Token';

initLanguage();

const status = $('#host-status');
let session = sessionStorage.getItem(SESSION_KEY);
let page = null;

const match = /(?:^|[#&])code=([^&]+)/.exec(location.hash);
const code = match ? decodeURIComponent(match[1]) : null;
if (code) {
  history.replaceState(null, '', location.pathname);
}

function call(path, options = {}) {
  return api(path, { ...options, headers: { [HEADER]: session || '' } });
}

function when(visit) {
  const format = (iso, options) => new Intl.DateTimeFormat(lang(), { timeZone: visit.zone, ...options })
    .format(new Date(iso));
  const day = format(visit.startsAt, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const clock = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  const zoneName = (new Intl.DateTimeFormat(lang(), { timeZone: visit.zone, timeZoneName: 'long' })
    .formatToParts(new Date(visit.startsAt)).find((part) => part.type === 'timeZoneName') || {}).value || visit.zone;
  return t('hp.when', { day, from: format(visit.startsAt, clock), to: format(visit.endsAt, clock),
    zone: `${zoneName} (${visit.zone})` });
}

function visitCard(visit) {
  const messageId = 'hp-msg-' + visit.meetingId;
  const answer = async (kind) => {
    const message = $('#' + CSS.escape(messageId)).value.trim();
    try {
      await call('/api/scheduling/host-page/answers', { method: 'POST', body: { convoyId: visit.convoyId,
        meetingId: visit.meetingId, sequence: visit.sequence, answer: kind, message: message || null } });
      await load();
      say(status, t(kind === 'CONFIRMED' ? 'hp.confirmed' : 'hp.proposed'), 'ok');
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors.map((f) => t('hp.field.' + f.field)) : [];
      say(status, [describe(error), ...fields].join(' '), 'error');
      if (error instanceof ApiError && error.status === 409) {
        await load();
      }
    }
  };
  return h('article', { class: 'meeting-card', dataset: { meetingId: visit.meetingId } },
    h('h2', {}, when(visit)),
    h('p', {}, visit.venue, ', ', visit.address, visit.title ? ' — ' + visit.title : ''),
    visit.answer ? h('p', { class: 'ok-note hp-answer' }, t('hp.answer.' + visit.answer.kind, { name: visit.answer.contactName }),
      visit.answer.message ? ' «' + visit.answer.message + '»' : '') : null,
    h('p', {}, h('a', { class: 'check-in', href: `/checkin?convoy=${encodeURIComponent(visit.convoyId)}`
      + `&meeting=${encodeURIComponent(visit.meetingId)}&desk=host` }, t('hp.checkin'))),
    h('h3', {}, t('hp.visitors', { count: visit.visitors.length })),
    h('ul', { class: 'hp-visitors' }, visit.visitors.map((visitor) => h('li', {}, visitor.name,
      visitor.profileShared ? ` — ${[visitor.position, visitor.organization].filter(Boolean).join(', ')}` : ''))),
    h('div', { class: 'field' }, h('label', { for: messageId }, t('hp.message')),
      h('textarea', { id: messageId, maxlength: 1000, rows: 2 })),
    h('button', { type: 'button', class: 'small hp-confirm', onclick: () => answer('CONFIRMED') }, t('hp.confirm')),
    h('button', { type: 'button', class: 'secondary small hp-propose', onclick: () => answer('ANOTHER_TIME') },
      t('hp.propose')));
}

function render() {
  if (!page) {
    return;
  }
  fill($('#host-who'), t('hp.who', { name: page.contactName, organization: page.organization }));
  fill($('#host-visits'), page.visits.length === 0 ? h('p', {}, t('hp.none')) : page.visits.map(visitCard));
}

async function load() {
  page = await call('/api/scheduling/host-page');
  render();
}

async function start() {
  try {
    if (code) {
      const opened = await api('/api/scheduling/host-sessions', { method: 'POST', body: { code } });
      session = opened.session;
      sessionStorage.setItem(SESSION_KEY, session);
      useLanguageUnlessChosen(opened.language);
    }
    if (!session) {
      say(status, t('hp.noLink'), 'error');
      return;
    }
    await load();
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 410)) {
      sessionStorage.removeItem(SESSION_KEY);
      say(status, t(error.status === 410 ? 'hp.linkUsed' : 'hp.noLink'), 'error');
    } else {
      say(status, describe(error), 'error');
    }
  }
}

onLangChange(render);
start();
