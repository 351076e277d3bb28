// The console's System tab: for each service, the events it recorded that Kafka has not taken yet (its outbox) and
// what it could not do (its dead letters); notification's newest dead letters, each replayed with one button; and its
// notices that failed for good, which open the Notices tab where they are sent again.
import { t, lang } from './i18n.js';
import { h, $, fill, say } from './dom.js';
import { ApiError, describe } from './api.js';

const SERVICES = [
  ['registration-service', '/api/registrations/system'],
  ['scheduling-service', '/api/scheduling/system'],
  ['notification-service', '/api/notifications/system'],
];
const LETTERS_SHOWN = 5;

let context = null;

/**
 * Draws the tab from what each service answers now; a service that does not answer is shown as unreachable and the
 * others as they are. context: call(path, options) for organizer calls, openNotices(status) to show the Notices tab
 * filtered to a status.
 */
export async function showSystem(next) {
  context = next;
  const panel = $('#panel-system');
  if (panel.dataset.built !== lang()) {
    panel.dataset.built = lang();
    fill(panel,
      h('p', { class: 'hint' }, t('sys.hint')),
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'system-refresh', class: 'secondary', onclick: () => reload(null) }, t('con.refresh')),
        h('p', { id: 'system-checked', class: 'hint' })),
      h('div', { id: 'system-status', class: 'status', role: 'status', 'aria-live': 'polite', hidden: true }),
      h('ul', { id: 'system-services', class: 'services' }),
      h('section', { 'aria-labelledby': 'dead-letters-title' },
        h('h2', { id: 'dead-letters-title' }, t('sys.letters.title')),
        h('p', { class: 'hint' }, t('sys.letters.hint', { n: LETTERS_SHOWN })),
        h('div', { class: 'table-wrap' }, h('table', { id: 'dead-letters' }))));
  }
  const [answers, letters] = await Promise.all([
    Promise.allSettled(SERVICES.map(([, path]) => context.call(path))),
    context.call(`/api/notifications/dead-letters?status=DEAD&limit=${LETTERS_SHOWN}`).then((list) => ({ list }), (error) => ({ error })),
  ]);
  const refused = answers.filter((a) => a.status === 'rejected' && a.reason instanceof ApiError && a.reason.status === 403);
  if (refused.length === SERVICES.length) {
    say($('#system-status'), t('sys.everyConvoy'), 'info');
    fill($('#system-services'));
    fill($('#dead-letters'));
    return;
  }
  $('#system-checked').textContent = t('sys.checked', { time: new Date().toLocaleTimeString(lang()) });
  fill($('#system-services'), SERVICES.map(([name], i) => serviceCard(name, answers[i])));
  renderLetters(letters);
}

function serviceCard(name, answer) {
  const title = h('h3', {}, t('sys.service.' + name));
  if (answer.status === 'rejected') {
    if (answer.reason instanceof ApiError && answer.reason.status === 401) {
      throw answer.reason; // the session ended: the console asks her to log in again
    }
    return h('li', { dataset: { service: name, state: 'unreachable' } }, title,
      h('p', { class: 'error' }, t('sys.unreachable')), h('p', { class: 'hint' }, describe(answer.reason)));
  }
  const status = answer.value;
  const letters = status.deadLetters || {};
  const notices = (status.counts || {}).notices;
  const failedNotices = notices ? (notices.FAILED || 0) + (notices.DEAD || 0) : 0;
  const waiting = status.outbox.pending > 0 || (letters.waiting || 0) > 0 || failedNotices > 0;
  return h('li', { dataset: { service: name, state: waiting ? 'waiting' : 'ok' } }, title,
    h('p', { class: waiting ? 'sys-summary' : 'sys-summary ok-note' }, t(waiting ? 'sys.attention' : 'sys.allWell')),
    h('dl', {},
      h('dt', {}, t('sys.backlog')),
      h('dd', { class: 'backlog' }, status.outbox.pending === 0 ? t('sys.backlog.none')
        : t('sys.backlog.some', { n: status.outbox.pending, s: status.outbox.oldestPendingSeconds })),
      h('dt', {}, t('sys.deadLetters')),
      h('dd', { class: 'dead-letters' }, deadLetterText(letters)),
      notices ? [
        h('dt', {}, t('sys.notices')),
        h('dd', { class: 'failed-notices' }, failedNotices === 0 ? t('sys.notices.none') : ['FAILED', 'DEAD'].map((s) =>
          h('button', { type: 'button', class: 'small secondary', dataset: { status: s }, onclick: () => context.openNotices(s) },
            t('sys.notices.open', { status: t('notice.status.' + s), n: notices[s] || 0 })))),
      ] : null));
}

function deadLetterText(letters) {
  if (letters.unavailable || letters.waiting === null || letters.waiting === undefined) {
    return t('sys.deadLetters.unknown');
  }
  if (letters.waiting === 0) {
    return t('sys.deadLetters.none');
  }
  if (letters.kept === 'KAFKA') {
    return [t('sys.deadLetters.onTopics', { n: letters.waiting }),
      h('ul', {}, Object.entries(letters.by || {}).filter(([, n]) => n > 0).map(([topic, n]) => h('li', {}, h('code', {}, topic), ': ' + n)))];
  }
  return t('sys.deadLetters.kept', { n: letters.waiting });
}

function renderLetters({ list, error }) {
  const table = $('#dead-letters');
  if (error) {
    if (error instanceof ApiError && error.status === 401) {
      throw error;
    }
    fill(table, h('tbody', {}, h('tr', {}, h('td', { class: 'error' }, t('sys.unreachable') + ' ' + describe(error)))));
    return;
  }
  const when = (iso) => (iso ? new Date(iso).toLocaleString(lang() === 'es' ? 'es-MX' : 'en-US', { dateStyle: 'short', timeStyle: 'medium' }) : '');
  fill(table,
    h('thead', {}, h('tr', {}, ['con.col.time', 'sys.col.what', 'sys.col.topic', 'sys.col.key', 'con.col.error', 'con.replay']
      .map((key) => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, list.length === 0 ? h('tr', {}, h('td', { colspan: 6 }, t('sys.letters.none'))) : list.map((letter) =>
      h('tr', { dataset: { deadLetterId: letter.id } },
        h('td', {}, when(letter.receivedAt)),
        h('td', {}, letter.kind === 'NOTICE' ? t('sys.letter.notice') : (letter.eventType || t('sys.letter.event'))),
        h('td', {}, letter.originalTopic || ''),
        h('td', {}, h('code', {}, letter.key || '')),
        h('td', {}, letter.error || ''),
        h('td', {}, h('button', { type: 'button', class: 'small', onclick: () => replay(letter) }, t('con.replay')))))));
}

async function replay(letter) {
  try {
    await context.call(`/api/notifications/dead-letters/${encodeURIComponent(letter.id)}/replay`, { method: 'POST' });
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) {
      say($('#system-status'), describe(error), 'error');
      await reload(undefined);
    }
    return;
  }
  await reload(t(letter.kind === 'NOTICE' ? 'sys.replayed.notice' : 'sys.replayed.event'));
}

/** Reads every service again; message: what to say once done (null clears the last one, undefined keeps it). */
async function reload(message) {
  try {
    await showSystem(context);
    if (message !== undefined) {
      say($('#system-status'), message || '', 'ok');
    }
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) {
      say($('#system-status'), describe(error), 'error');
    }
  }
}
