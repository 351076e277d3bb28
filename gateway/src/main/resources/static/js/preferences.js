// /preferences#token=…: a delegate chooses which routine notices reach her, and on which of her channels. A table has
// a row per kind of routine notice and a column per channel; its first row turns a whole channel's routine notices on
// or off. What she must know (her link, decisions on her registration, her meetings and their changes) arrives
// regardless, so it is not in the table.
import { initLanguage, onLangChange, t, has } from './i18n.js';
import { h, $, fill, show, say } from './dom.js';
import { api, ApiError, describe } from './api.js';

initLanguage();

const match = /(?:^|[#&])token=([^&]+)/.exec(location.hash);
const token = match ? decodeURIComponent(match[1]) : null;
if (token) {
  history.replaceState(null, '', location.pathname);
}
const path = token ? '/api/notifications/preferences/' + encodeURIComponent(token) : null;
const status = $('#pref-status');

// What the service answered: the channels that reach her, the kinds she may turn off, and what she turned off
// ("CHANNEL" for every routine notice on a channel, "CHANNEL:kind" for one kind). The boxes change optOuts.
let channels = [];
let kinds = [];
let optOuts = new Set();
let loaded = false;

function kindName(kind) {
  return has('pref.kind.' + kind) ? t('pref.kind.' + kind) : kind;
}

function channelName(channel) {
  return has('channel.' + channel) ? t('channel.' + channel) : channel;
}

function box(id, label, checked, disabled, onchange) {
  return h('label', { class: 'check cell-check' },
    h('input', { type: 'checkbox', id, checked, disabled, onchange }),
    h('span', { class: 'visually-hidden' }, label));
}

/** The column's cells follow its first row: off there means nothing routine on that channel. */
function wholeChannel(channel, on) {
  if (on) optOuts.delete(channel);
  else optOuts.add(channel);
  for (const kind of kinds) {
    document.getElementById(`pref-${channel}-${kind}`).disabled = !on;
  }
}

function oneKind(channel, kind, on) {
  if (on) optOuts.delete(`${channel}:${kind}`);
  else optOuts.add(`${channel}:${kind}`);
}

function render() {
  if (channels.length === 0) {
    fill($('#pref-table'));
    show($('#pref-save'), false);
    say(status, t('pref.noChannels'), 'info');
    return;
  }
  show($('#pref-save'));
  const allRow = h('tr', { class: 'pref-all' }, h('th', { scope: 'row' }, t('pref.all')),
    channels.map((channel) => h('td', {}, box(`pref-${channel}`, t('pref.cell', { kind: t('pref.all'), channel: channelName(channel) }),
      !optOuts.has(channel), false, (event) => wholeChannel(channel, event.target.checked)))));
  const kindRows = kinds.map((kind) => h('tr', { dataset: { kind } }, h('th', { scope: 'row' }, kindName(kind)),
    channels.map((channel) => h('td', {}, box(`pref-${channel}-${kind}`, t('pref.cell', { kind: kindName(kind), channel: channelName(channel) }),
      !optOuts.has(`${channel}:${kind}`), optOuts.has(channel), (event) => oneKind(channel, kind, event.target.checked))))));
  fill($('#pref-table'),
    h('caption', {}, t('pref.caption')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('pref.col.notice')),
      channels.map((channel) => h('th', { scope: 'col', dataset: { channel } }, channelName(channel))))),
    h('tbody', {}, allRow, kindRows));
}

function take(preferences) {
  channels = Array.isArray(preferences.channels) ? preferences.channels : [];
  kinds = Array.isArray(preferences.kinds) ? preferences.kinds : [];
  optOuts = new Set(Array.isArray(preferences.optOuts) ? preferences.optOuts : []);
  loaded = true;
  render();
}

/**
 * The opt-outs the boxes say, in the table's order; any the page does not show (a channel that no longer reaches her)
 * are kept as they were. A kind turned off on a channel that is off altogether stays off when she turns it on again.
 */
function chosenOptOuts() {
  const shown = [];
  for (const channel of channels) {
    if (optOuts.has(channel)) shown.push(channel);
    for (const kind of kinds) {
      if (optOuts.has(`${channel}:${kind}`)) shown.push(`${channel}:${kind}`);
    }
  }
  return [...shown, ...[...optOuts].filter((optOut) => !shown.includes(optOut))];
}

async function load() {
  if (!path) {
    say(status, t('pref.badLink'), 'error');
    return;
  }
  try {
    take(await api(path));
    show($('#pref-form'));
  } catch (error) {
    say(status, error instanceof ApiError && error.status === 404 ? t('pref.badLink') : describe(error), 'error');
  }
}

$('#pref-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const save = $('#pref-save');
  save.disabled = true;
  try {
    take(await api(path, { method: 'PUT', body: { optOuts: chosenOptOuts() } }));
    say(status, t('pref.saved'), 'ok');
  } catch (error) {
    say(status, describe(error), 'error');
  } finally {
    save.disabled = false;
  }
});

// The boxes keep what she ticked when she switches language; only the words change.
onLangChange(() => {
  if (loaded) render();
});

load();
