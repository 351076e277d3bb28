// The console's Local messages tab: the texts and WhatsApp messages the local platform kept instead of sending them,
// newest first, as bubbles with their number, time and text. A list whose endpoint answers 404 is sent through a real
// provider, which keeps nothing here.
import { t, lang } from './i18n.js';
import { h, $, fill, say } from './dom.js';
import { ApiError, describe } from './api.js';

const LISTS = [
  ['sms', '/api/notifications/local-sms', 'channel.SMS'],
  ['whatsapp', '/api/notifications/local-whatsapp', 'channel.WHATSAPP'],
];

let context = null;
let answers = {};

/** Draws the tab and reads both lists again. context: call(path, options) for organizer calls. */
export async function showPhone(next) {
  context = next;
  const panel = $('#panel-phone');
  if (panel.dataset.built !== lang()) {
    const filter = panel.dataset.built ? $('#phone-filter').value : '';
    panel.dataset.built = lang();
    fill(panel,
      h('p', { class: 'hint' }, t('ph.hint')),
      h('div', { class: 'actions' },
        h('div', { class: 'field' },
          h('label', { for: 'phone-filter' }, t('ph.filter')),
          h('input', { id: 'phone-filter', type: 'search', inputmode: 'tel', autocomplete: 'off', value: filter,
            'aria-describedby': 'phone-filter-hint', oninput: render }),
          h('p', { id: 'phone-filter-hint', class: 'hint' }, t('ph.filter.hint'))),
        h('button', { type: 'button', id: 'phone-refresh', class: 'secondary', onclick: reload }, t('con.refresh'))),
      h('div', { id: 'phone-status', class: 'status', role: 'status', 'aria-live': 'polite', hidden: true }),
      h('p', { id: 'phone-checked', class: 'hint' }),
      h('div', { class: 'phone-lists' }, LISTS.map(([name, , title]) =>
        h('section', { 'aria-labelledby': `phone-${name}-title` },
          h('h2', { id: `phone-${name}-title` }, t(title), ' ', h('span', { id: `phone-${name}-count`, class: 'badge', hidden: true })),
          h('ol', { id: `phone-${name}`, class: 'phone-list', 'aria-labelledby': `phone-${name}-title` })))));
  }
  const settled = await Promise.allSettled(LISTS.map(([, path]) => context.call(path)));
  const ended = settled.find((a) => a.status === 'rejected' && a.reason instanceof ApiError && a.reason.status === 401);
  if (ended) {
    throw ended.reason; // the session ended: the console asks her to log in again
  }
  answers = Object.fromEntries(LISTS.map(([name], i) => [name, settled[i]]));
  $('#phone-checked').textContent = t('sys.checked', { time: new Date().toLocaleTimeString(lang()) });
  render();
}

/** The digits of a number, so "+52 33 1234" finds "+523312345678". */
function digits(text) {
  return String(text || '').replace(/\D/g, '');
}

function matches(message, filter) {
  const wanted = digits(filter);
  if (!filter.trim()) return true;
  return wanted ? digits(message.to).includes(wanted) : String(message.to || '').toLowerCase().includes(filter.trim().toLowerCase());
}

function render() {
  const filter = $('#phone-filter').value || '';
  for (const [name] of LISTS) {
    const list = $(`#phone-${name}`);
    const count = $(`#phone-${name}-count`);
    const answer = answers[name];
    if (!answer) continue;
    count.hidden = answer.status === 'rejected';
    if (answer.status === 'rejected') {
      const provider = answer.reason instanceof ApiError && answer.reason.status === 404;
      fill(list, h('li', { class: provider ? 'phone-note' : 'phone-note error', dataset: { state: provider ? 'provider' : 'unreachable' } },
        provider ? t('ph.provider') : describe(answer.reason)));
      continue;
    }
    const all = Array.isArray(answer.value) ? answer.value : [];
    const shown = all.filter((message) => matches(message, filter));
    count.textContent = t('ph.count', { shown: shown.length, n: all.length });
    fill(list, shown.length === 0
      ? h('li', { class: 'phone-note' }, t(all.length === 0 ? 'ph.none' : 'ph.noneMatch'))
      : shown.map(bubble));
  }
}

function bubble(message) {
  const sent = message.sentAt ? new Date(message.sentAt) : null;
  const when = sent && !Number.isNaN(sent.getTime())
    ? sent.toLocaleString(lang() === 'es' ? 'es-MX' : 'en-US', { dateStyle: 'short', timeStyle: 'medium' }) : '';
  return h('li', { class: 'phone-message', dataset: { messageId: message._id, to: message.to } },
    h('p', { class: 'phone-meta' },
      h('span', { class: 'phone-to' }, t('ph.to', { to: message.to || '' })),
      sent ? h('time', { datetime: message.sentAt }, when) : null),
    h('p', { class: 'phone-text' }, message.text || ''),
    message.template ? h('p', { class: 'hint phone-template' },
      t('ph.template', { template: message.template, language: message.language || '' })) : null);
}

async function reload() {
  const button = $('#phone-refresh');
  button.disabled = true;
  try {
    await showPhone(context);
    say($('#phone-status'), '');
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) {
      say($('#phone-status'), describe(error), 'error');
    }
  } finally {
    button.disabled = false;
  }
}
