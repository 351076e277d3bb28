// /console: organizers log in, watch registrations arrive, approve or reject them, browse hosts and their best-fit
// delegates, plan a day's meetings (drafts with their conflicts, confirm, move, cancel), replay failed notices and
// read the convoy's report (js/report.js), see what waits in each service (the System tab) and read the texts and
// WhatsApp messages the local platform kept instead of sending them (the Local messages tab, js/phone.js).
import { initLanguage, t, lang, onLangChange } from './i18n.js';
import { h, $, $$, fill, show, say } from './dom.js';
import { api, ApiError, describe } from './api.js';
import { ROLES, SECTORS, AXES, STATUSES, STATES, stateName } from './vocab.js';
import { zoned } from './zones.js';
import { setupConvoys, loadConvoysPanel, saveConvoy, convoyName } from './convoys.js';
import { setupHostEditor, buildHostForm, saveHost, removeHost } from './hosts.js';
import { setupDirectory, showDirectory } from './directory.js';
import { showAccounts } from './accounts.js';
import { hostAnswerLine } from './hostlinks.js';
import { showReport } from './report.js';
import { showSystem } from './system.js';
import { showPhone } from './phone.js';

const SESSION_KEY = 'convoy.session';
const POLL_SECONDS = 5;
const CONVOY_KEY = 'convoy.console.convoy';
const TABS = ['dashboard', 'delegates', 'hosts', 'planner', 'notices', 'report', 'convoys', 'system', 'phone', 'accounts'];

initLanguage();

let session = loadSession();
let activeTab = 'dashboard';
let pollTimer = null;
let lastTotal = null;
let convoyId = null;
let C = '';
let convoys = [];
let convoy = null;
let hosts = [];
let delegates = [];
const selected = new Set();
const rendered = new Map();

/**
 * Whether a region must be drawn again: polling redraws only what changed, so a table an organizer is reading (or a
 * box she is about to tick, or where a screen reader stands) is not replaced every few seconds by an identical one.
 */
function changed(region, ...data) {
  const signature = lang() + JSON.stringify(data);
  if (rendered.get(region) === signature) {
    return false;
  }
  rendered.set(region, signature);
  return true;
}

// ---------------------------------------------------------------- session

function loadSession() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
    return saved && saved.expiresAt > Date.now() ? saved : null;
  } catch (e) {
    return null;
  }
}

function saveSession(value) {
  session = value;
  try {
    if (value) sessionStorage.setItem(SESSION_KEY, JSON.stringify(value));
    else sessionStorage.removeItem(SESSION_KEY);
  } catch (e) {
    // kept in memory only
  }
}

/** An organizer call; an ended session sends the organizer back to the login form. */
async function call(path, options = {}) {
  if (!session || session.expiresAt <= Date.now()) {
    endSession('con.expired');
    throw new ApiError(401, { title: t('con.expired') });
  }
  try {
    return await api(path, { ...options, token: session.token });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      endSession('con.expired');
    }
    throw error;
  }
}

function endSession(messageKey) {
  saveSession(null);
  clearTimeout(pollTimer);
  show($('#app-view'), false);
  show($('#login-view'));
  if (messageKey) {
    say($('#login-error'), t(messageKey), 'error');
  }
}

$('#login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const error = $('#login-error');
  say(error, '');
  const username = $('#username').value.trim();
  const password = $('#password').value;
  if (!username || !password) {
    say(error, t('err.required'), 'error');
    (username ? $('#password') : $('#username')).focus();
    return;
  }
  try {
    const answer = await api('/api/auth/login', { method: 'POST', body: { username, password } });
    saveSession({ token: answer.accessToken, user: username, roles: answer.roles || [],
      expiresAt: Date.now() + (answer.expiresIn || 900) * 1000 });
    $('#password').value = '';
    startApp();
  } catch (e) {
    say(error, e instanceof ApiError && e.status === 401 ? t('con.badLogin') : describe(e), 'error');
    $('#password').focus();
  }
});

$('#logout').addEventListener('click', async () => {
  try {
    await api('/api/auth/logout', { method: 'POST', token: session?.token });
  } catch (e) {
    // the token ends anyway when it expires; the page forgets it now
  }
  endSession(null);
  $('#username').focus();
});

// ---------------------------------------------------------------- tabs and live updates

function startApp() {
  show($('#login-view'), false);
  show($('#app-view'));
  say($('#login-error'), '');
  fill($('#whoami'), t('con.signedInAs', { user: session.user }));
  buildFilters();
  buildNoticeFilters();
  loadConvoyChoice().then(() => selectTab(activeTab)).catch((error) => {
    if (!(error instanceof ApiError && error.status === 401)) {
      say($('#console-status'), describe(error), 'error');
    }
  });
}

// ---------------------------------------------------------------- the convoy the tabs show

async function readConvoys() {
  convoys = await call('/api/scheduling/convoys');
  return convoys;
}

/** Every convoy, to choose from; the last one chosen in this tab, or the first open for registration. */
async function loadConvoyChoice() {
  await readConvoys();
  let remembered = null;
  try {
    remembered = sessionStorage.getItem(CONVOY_KEY);
  } catch (e) {
    // chosen again on the next visit
  }
  const fallback = convoys.find((c) => c.status === 'OPEN') || convoys[0];
  const id = convoys.some((c) => c.id === (convoyId || remembered)) ? (convoyId || remembered) : fallback && fallback.id;
  renderConvoyChoice(id);
  useConvoy(id);
}

function renderConvoyChoice(id) {
  fill($('#convoy-select'), convoys.map((c) => h('option', { value: c.id, selected: c.id === id },
    `${convoyName(c)} — ${t('cv.status.' + c.status)}`)));
}

function useConvoy(id) {
  if (id === convoyId) {
    return;
  }
  convoyId = id || null;
  C = encodeURIComponent(id || '');
  convoy = null;
  hosts = [];
  lastTotal = null;
  selected.clear();
  rendered.clear();
  fill($('#suggestions'));
  try {
    sessionStorage.setItem(CONVOY_KEY, id || '');
  } catch (e) {
    // kept in memory only
  }
}

/** Shows another convoy in every tab. */
function chooseConvoy(id) {
  useConvoy(id);
  renderConvoyChoice(id);
  if (activeTab !== 'convoys') {
    refresh(true);
  }
}

$('#convoy-select').addEventListener('change', (event) => chooseConvoy(event.target.value));

setupConvoys({
  call,
  convoys: async () => {
    await readConvoys();
    renderConvoyChoice(convoyId);
    return convoys;
  },
  chosen: chooseConvoy,
});
$('#cv-form').addEventListener('submit', saveConvoy);

setupHostEditor({ call, convoy: () => convoy, changed: loadHosts });
$('#host-form').addEventListener('submit', saveHost);
setupDirectory({ call, convoy: () => convoy, hosts: () => hosts, changed: loadHosts });

TABS.forEach((name, i) => {
  const tab = $('#tab-' + name);
  tab.addEventListener('click', () => selectTab(name));
  tab.addEventListener('keydown', (event) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (step) {
      const next = TABS[(i + step + TABS.length) % TABS.length];
      selectTab(next);
      $('#tab-' + next).focus();
    }
  });
});

function selectTab(name) {
  activeTab = name;
  say($('#arrivals'), '');
  say($('#console-status'), '');
  TABS.forEach((other) => {
    const tab = $('#tab-' + other);
    tab.setAttribute('aria-selected', String(other === name));
    tab.tabIndex = other === name ? 0 : -1;
    show($('#panel-' + other), other === name);
  });
  refresh(true);
}

async function refresh(first = false) {
  clearTimeout(pollTimer);
  try {
    if (activeTab === 'convoys') {
      if (first) await loadConvoysPanel();
    } else if (activeTab === 'accounts') {
      if (first) await showAccounts({ call, session, saveSession });
    } else if (activeTab === 'system') {
      if (first) await showSystem({ call, openNotices });
    } else if (activeTab === 'phone') {
      if (first) await showPhone({ call });
    } else if (!convoyId) {
      say($('#console-status'), t('cv.none'), 'info');
    } else if (activeTab === 'dashboard' || activeTab === 'delegates') {
      await loadDelegates();
    } else if (activeTab === 'hosts' && first) {
      await loadHosts();
    } else if (activeTab === 'planner' && first) {
      await loadPlanner();
    } else if (activeTab === 'notices') {
      await loadNotices();
    } else if (activeTab === 'report' && first) {
      await showReport({ call, convoyId });
    }
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) {
      say($('#console-status'), describe(error), 'error');
    }
  }
  const polling = session && ['dashboard', 'delegates', 'notices'].includes(activeTab);
  show($('#live'), Boolean(polling));
  $('#live').textContent = polling ? t('con.live', { s: POLL_SECONDS, time: new Date().toLocaleTimeString(lang()) }) : '';
  if (polling) {
    pollTimer = setTimeout(() => refresh(), POLL_SECONDS * 1000);
  }
}

// ---------------------------------------------------------------- dashboard and delegates

function optionList(values, prefix, allKey = 'con.filter.all') {
  return [h('option', { value: '' }, t(allKey)), ...values.map((v) => h('option', { value: v }, prefix ? t(prefix + v) : v))];
}

function buildFilters() {
  const form = $('#filters');
  const select = (id, key, options) => h('div', {}, h('label', { for: id }, t(key)), h('select', { id, name: id.slice(2) }, options));
  const current = Object.fromEntries(new FormData(form));
  fill(form,
    select('f-status', 'con.filter.status', optionList(STATUSES, 'status.')),
    select('f-role', 'con.filter.role', optionList(ROLES, 'role.')),
    select('f-state', 'con.filter.state', [h('option', { value: '' }, t('con.filter.all')), ...STATES.map(([code, name]) => h('option', { value: code }, name))]),
    select('f-sector', 'con.filter.sector', optionList(SECTORS, 'sector.')),
    select('f-axis', 'con.filter.axis', optionList(AXES, 'axis.')),
    h('button', { type: 'submit', class: 'secondary' }, t('con.filter.apply')));
  for (const [name, value] of Object.entries(current)) {
    if (form.elements.namedItem(name)) form.elements.namedItem(name).value = value;
  }
  if (!form.dataset.wired) {
    form.dataset.wired = 'yes';
    form.addEventListener('submit', (event) => { event.preventDefault(); selected.clear(); refresh(); });
  }
}

async function loadDelegates() {
  const asked = convoyId;
  const all = await call(`/api/registrations?convoyId=${C}&size=500`);
  if (asked !== convoyId) {
    return; // another convoy was chosen meanwhile: this answer is not about it
  }
  const total = all.total;
  if (lastTotal !== null && total > lastTotal) {
    say($('#arrivals'), t('con.newArrivals', { n: total - lastTotal }), 'info');
  }
  lastTotal = total;
  renderCounts(all.items, total);
  if (activeTab !== 'delegates') {
    return;
  }
  const params = new URLSearchParams({ convoyId, size: '500' });
  for (const [name, value] of new FormData($('#filters'))) {
    if (value) params.set(name, value);
  }
  const page = await call('/api/registrations?' + params);
  if (asked === convoyId) {
    renderDelegates(page.items, page.total);
  }
}

function renderCounts(items, total) {
  $('#count-status').dataset.convoy = convoyId;
  if (!changed('counts', total, items.map((row) => [row.status, row.role]))) {
    return;
  }
  const count = (key) => items.reduce((acc, row) => acc.set(row[key], (acc.get(row[key]) || 0) + 1), new Map());
  const byStatus = count('status');
  const byRole = count('role');
  fill($('#count-status'),
    h('li', {}, h('span', { class: 'n', id: 'count-total' }, total), t('con.dash.total')),
    STATUSES.map((s) => h('li', {}, h('span', { class: 'n', id: 'count-' + s }, byStatus.get(s) || 0), t('status.' + s))));
  fill($('#count-role'), ROLES.map((r) => h('li', {}, h('span', { class: 'n' }, byRole.get(r) || 0), t('role.' + r))));
}

function renderDelegates(items, total) {
  const ids = new Set(items.map((row) => row.delegateId));
  [...selected].forEach((id) => { if (!ids.has(id)) selected.delete(id); });
  if (!changed('delegates', total, items, [...selected])) {
    return;
  }
  $('#delegate-count').textContent = t('con.count', { n: total });
  const all = h('input', { type: 'checkbox', id: 'select-all', 'aria-label': t('con.selectAll'),
    checked: items.length > 0 && items.every((row) => selected.has(row.delegateId)),
    onchange: (event) => {
      items.forEach((row) => (event.target.checked ? selected.add(row.delegateId) : selected.delete(row.delegateId)));
      $$('input[data-delegate-id]').forEach((box) => { box.checked = event.target.checked; });
    } });
  const when = (iso) => new Date(iso).toLocaleString(lang() === 'es' ? 'es-MX' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' });
  fill($('#delegates'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, all),
      ['con.col.name', 'con.col.organization', 'con.col.state', 'con.col.role', 'con.col.status', 'con.col.submitted']
        .map((key) => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, items.length === 0 ? h('tr', {}, h('td', { colspan: 7 }, t('con.empty'))) : items.map((row) => {
      const name = row.givenName + ' ' + row.familyName;
      return h('tr', { dataset: { delegateId: row.delegateId } },
        h('td', {}, h('input', { type: 'checkbox', 'aria-label': t('con.select', { name }), dataset: { delegateId: row.delegateId },
          checked: selected.has(row.delegateId),
          onchange: (event) => (event.target.checked ? selected.add(row.delegateId) : selected.delete(row.delegateId)) })),
        h('th', { scope: 'row' }, name, h('br'), h('span', { class: 'hint' }, row.email)),
        h('td', {}, row.organization, row.position ? h('br') : null, row.position ? h('span', { class: 'hint' }, row.position) : null),
        h('td', {}, stateName(row.state), row.municipality ? h('br') : null, row.municipality || null),
        h('td', {}, t('role.' + row.role)),
        h('td', {}, h('span', { class: 'badge badge-' + row.status }, t('status.' + row.status)), row.reason ? h('br') : null, row.reason || null),
        h('td', {}, when(row.submittedAt)));
    })));
}

async function decide(kind) {
  const status = $('#delegates-status');
  if (selected.size === 0) {
    say(status, t('con.noneSelected'), 'error');
    return;
  }
  const reason = $('#reject-reason').value.trim();
  if (kind === 'rejections' && !reason) {
    say(status, t('err.required') + ' — ' + t('con.rejectReason'), 'error');
    $('#reject-reason').focus();
    return;
  }
  try {
    const outcomes = await call('/api/registrations/' + kind, { method: 'POST',
      body: kind === 'approvals' ? { delegateIds: [...selected] } : { delegateIds: [...selected], reason } });
    const tally = (o) => outcomes.filter((x) => x.result === o).length;
    say(status, t('con.outcome', { done: tally('DONE'), refused: tally('REFUSED'), missing: tally('NOT_FOUND') }), 'ok');
    selected.clear();
    $('#reject-reason').value = '';
    await refresh();
  } catch (error) {
    say(status, describe(error), 'error');
  }
}

$('#approve').addEventListener('click', () => decide('approvals'));
$('#reject').addEventListener('click', () => decide('rejections'));
$('#export').addEventListener('click', async () => {
  try {
    const response = await call(`/api/registrations/export.csv?convoyId=${C}`, { raw: true, headers: { Accept: 'text/csv' } });
    const url = URL.createObjectURL(await response.blob());
    const link = h('a', { href: url, download: `delegates-${convoyId}.csv`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (error) {
    say($('#delegates-status'), describe(error), 'error');
  }
});

// ---------------------------------------------------------------- hosts and suggestions

async function loadConvoyAndHosts() {
  if (!convoy) {
    convoy = await call(`/api/scheduling/convoys/${C}`);
  }
  hosts = await call(`/api/scheduling/convoys/${C}/hosts`);
}

async function loadHosts() {
  await loadConvoyAndHosts();
  const list = (values, prefix) => (values || []).map((v) => t(prefix + v)).join(', ');
  fill($('#hosts'),
    h('thead', {}, h('tr', {}, ['con.col.host', 'con.col.city', 'con.col.venue', 'con.col.capacity', 'con.col.sectors', 'con.col.axes', 'con.suggestions', 'hf.actions']
      .map((key) => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, hosts.map((host) => h('tr', {},
      h('th', { scope: 'row' }, host.name),
      h('td', {}, host.cityName),
      h('td', {}, host.venue.name, h('br'), h('span', { class: 'hint' }, host.venue.address)),
      h('td', {}, host.venue.roomCapacity),
      h('td', {}, list(host.sectors, 'sector.')),
      h('td', {}, list(host.axes, 'axis.')),
      h('td', {}, h('button', { type: 'button', class: 'secondary small', dataset: { hostId: host.hostId },
        'aria-label': t('con.suggestionsFor', { host: host.name }),
        onclick: () => showSuggestions(host) }, t('con.suggestions'))),
      h('td', {},
        h('button', { type: 'button', class: 'secondary small', id: 'hf-edit-' + host.hostId,
          onclick: () => { buildHostForm(host); $('#host-form-title').focus(); } }, t('hf.edit')),
        h('button', { type: 'button', class: 'danger small', id: 'hf-remove-' + host.hostId,
          onclick: (event) => removeHost(host, event.currentTarget) }, t('hf.remove')))))));
  if (!$('#host-form').dataset.convoy || $('#host-form').dataset.convoy !== convoyId) {
    $('#host-form').dataset.convoy = convoyId;
    buildHostForm(null);
  }
  await showDirectory();
}

async function showSuggestions(host) {
  const box = $('#suggestions');
  try {
    const suggestions = await call(`/api/scheduling/convoys/${C}/hosts/${encodeURIComponent(host.hostId)}/suggestions`);
    fill(box, h('h2', { tabindex: '-1', id: 'suggestions-title' }, t('con.suggestionsFor', { host: host.name })),
      suggestions.length === 0 ? h('p', {}, t('con.empty')) : h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, ['con.col.name', 'con.col.organization', 'con.col.role', 'con.col.score', 'con.col.sectors', 'con.col.axes']
          .map((key) => h('th', { scope: 'col' }, t(key))))),
        h('tbody', {}, suggestions.map((s) => h('tr', {},
          h('th', { scope: 'row' }, s.name), h('td', {}, s.organization || ''), h('td', {}, s.role ? t('role.' + s.role) : ''),
          h('td', {}, s.score), h('td', {}, (s.sharedSectors || []).map((v) => t('sector.' + v)).join(', ')),
          h('td', {}, (s.sharedAxes || []).map((v) => t('axis.' + v)).join(', '))))))));
    $('#suggestions-title').focus();
  } catch (error) {
    fill(box, h('p', { class: 'status status-error' }, describe(error)));
  }
}

// ---------------------------------------------------------------- day planner

function clock(iso, zone) {
  return new Intl.DateTimeFormat(lang() === 'es' ? 'es-MX' : 'en-US', { hour: '2-digit', minute: '2-digit', timeZone: zone, hourCycle: 'h23' })
    .format(new Date(iso));
}

function dayLabel(day) {
  const name = new Intl.DateTimeFormat(lang() === 'es' ? 'es-MX' : 'en-US', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })
    .format(new Date(day.date + 'T12:00:00Z'));
  return name + ' — ' + day.cities.map((id) => (convoy.cities.find((c) => c.id === id) || {}).name || id).join(', ');
}

async function loadPlanner() {
  await loadConvoyAndHosts();
  const all = await call(`/api/scheduling/delegates?convoyId=${C}`);
  delegates = all.filter((d) => d.status === 'APPROVED');
  const daySelect = $('#day');
  const chosen = daySelect.value || convoy.days[0].date;
  fill(daySelect, convoy.days.map((day) => h('option', { value: day.date }, dayLabel(day))));
  daySelect.value = chosen;
  buildMeetingForm();
  await loadDay();
}

$('#day').addEventListener('change', () => { buildMeetingForm(); loadDay(); });

function currentDay() {
  return convoy.days.find((day) => day.date === $('#day').value) || convoy.days[0];
}

function buildMeetingForm() {
  const form = $('#meeting-form');
  const day = currentDay();
  const dayHosts = hosts.filter((host) => day.cities.includes(host.venue.city));
  const labelled = (id, key, control) => h('div', { class: 'field' }, h('label', { for: id }, t(key)), control);
  fill(form,
    labelled('m-host', 'con.host', h('select', { id: 'm-host', required: true },
      dayHosts.map((host) => h('option', { value: host.hostId }, `${host.name} — ${host.cityName}`)))),
    labelled('m-start', 'con.start', h('input', { id: 'm-start', type: 'time', required: true, value: '10:00', step: 300 })),
    labelled('m-duration', 'con.duration', h('input', { id: 'm-duration', type: 'number', min: 15, max: 480, step: 15, value: 60, required: true })),
    labelled('m-axis', 'con.axis', h('select', { id: 'm-axis' }, AXES.map((v) => h('option', { value: v }, t('axis.' + v))))),
    labelled('m-sector', 'con.sector', h('select', { id: 'm-sector' }, SECTORS.map((v) => h('option', { value: v }, t('sector.' + v))))),
    labelled('m-title', 'con.meetingTitle', h('input', { id: 'm-title', type: 'text', maxlength: 200 })),
    h('fieldset', { class: 'field' }, h('legend', {}, t('con.cohort')),
      h('button', { type: 'button', class: 'secondary small', id: 'm-suggest', onclick: tickSuggestions }, t('con.cohort.suggest')),
      h('div', { class: 'cohort', id: 'm-cohort' }, delegates.length === 0 ? h('p', {}, t('con.cohort.none'))
        : delegates.map((d) => h('label', { class: 'check' },
          h('input', { type: 'checkbox', name: 'attendee', value: d.id }),
          h('span', {}, `${d.givenName} ${d.familyName}`, d.organization ? h('span', { class: 'hint' }, ' — ' + d.organization) : null))))),
    h('p', { class: 'error', id: 'm-error', role: 'alert', hidden: true }),
    h('button', { type: 'submit', id: 'm-draft' }, t('con.draft')));
  const host = dayHosts[0];
  if (host) {
    $('#m-axis').value = (host.axes || [])[0] || AXES[0];
    $('#m-sector').value = (host.sectors || [])[0] || SECTORS[0];
  }
  $('#m-host').addEventListener('change', () => {
    const chosen = hosts.find((h2) => h2.hostId === $('#m-host').value);
    if (chosen) {
      $('#m-axis').value = (chosen.axes || [])[0] || $('#m-axis').value;
      $('#m-sector').value = (chosen.sectors || [])[0] || $('#m-sector').value;
    }
  });
}

/** The zone of the chosen host's city: a convoy may cross zones, and a meeting keeps its venue's time. */
function hostZone() {
  const host = hosts.find((candidate) => candidate.hostId === $('#m-host').value);
  return (host && host.zone) || convoy.zone;
}

function plannedTimes() {
  const zone = hostZone();
  const startsAt = zoned(currentDay().date, $('#m-start').value, zone);
  const endsAt = new Date(Date.parse(startsAt) + Number($('#m-duration').value) * 60000).toISOString();
  return { startsAt, endsAt };
}

async function tickSuggestions() {
  const hostId = $('#m-host').value;
  if (!hostId || !$('#m-start').value) {
    return;
  }
  const { startsAt, endsAt } = plannedTimes();
  try {
    const suggestions = await call(`/api/scheduling/convoys/${C}/hosts/${encodeURIComponent(hostId)}/suggestions?`
      + new URLSearchParams({ startsAt, endsAt }));
    const room = (hosts.find((host) => host.hostId === hostId) || { venue: { roomCapacity: 15 } }).venue.roomCapacity;
    const fitting = new Set(suggestions.filter((s) => s.available && s.score > 0).slice(0, room).map((s) => s.delegateId));
    $$('input[name=attendee]').forEach((box) => { box.checked = fitting.has(box.value); });
  } catch (error) {
    say($('#planner-status'), describe(error), 'error');
  }
}

$('#meeting-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const error = $('#m-error');
  error.hidden = true;
  const attendeeIds = $$('input[name=attendee]').filter((box) => box.checked).map((box) => box.value);
  const problem = !$('#m-host').value ? t('err.choose') + ' — ' + t('con.host')
    : !$('#m-start').value ? t('err.required') + ' — ' + t('con.start')
      : attendeeIds.length === 0 ? t('err.choose') + ' — ' + t('con.cohort') : null;
  if (problem) {
    error.textContent = problem;
    error.hidden = false;
    return;
  }
  const { startsAt, endsAt } = plannedTimes();
  try {
    const draft = await call(`/api/scheduling/convoys/${C}/meetings`, { method: 'POST', body: {
      hostId: $('#m-host').value, startsAt, endsAt, axis: $('#m-axis').value, sector: $('#m-sector').value,
      title: $('#m-title').value.trim() || null, attendeeIds } });
    say($('#planner-status'), t('con.drafted'), 'ok');
    await loadDay(draft.id);
  } catch (e) {
    const fields = e instanceof ApiError ? e.fieldErrors.map((f) => `${f.field}: ${f.message}`) : [];
    error.textContent = [describe(e), ...fields].join(' ');
    error.hidden = false;
  }
});

$('#draft-day').addEventListener('click', async () => {
  const day = currentDay();
  try {
    const result = await call(`/api/scheduling/convoys/${C}/days/${day.date}/draft-agenda`, { method: 'POST', body: {} });
    if (result.drafts.length === 0) {
      const reasons = (result.reasons || []).map((reason) => t('draft.reason.' + reason.code));
      say($('#planner-status'), [t('con.draftDay.nothing'), ...reasons].join(' '), 'info');
    } else {
      say($('#planner-status'), t('con.draftDay.done', { n: result.drafts.length, placed: result.delegatesPlaced, approved: result.approvedDelegates }), 'ok');
    }
    await loadDay();
  } catch (error) {
    say($('#planner-status'), describe(error), 'error');
  }
});

async function loadDay(focusId) {
  const day = currentDay();
  const meetings = await call(`/api/scheduling/convoys/${C}/meetings?date=${day.date}`);
  const zones = [...new Set(day.cities.map((id) => (convoy.cities.find((c) => c.id === id) || {}).zone || convoy.zone))];
  $('#day-zone').textContent = t('con.times', { zone: zones.join(', ') });
  fill($('#day-meetings'), meetings.length === 0 ? h('p', {}, t('con.noMeetings'))
    : meetings.map((m) => meetingCard(m, m.zone || convoy.zone)));
  if (focusId) {
    const card = $(`[data-meeting-id="${focusId}"]`);
    if (card) {
      card.focus();
    }
  }
}

function meetingCard(m, zone) {
  const status = $('#planner-status');
  const act = async (label, path, body, doneKey) => {
    try {
      await call(`/api/scheduling/convoys/${C}/meetings/${m.id}${path}`, { method: body === 'DELETE' ? 'DELETE' : 'POST', body: body === 'DELETE' ? undefined : body });
      say(status, doneKey ? t(doneKey) : '', 'ok');
    } catch (error) {
      say(status, conflictText(error), 'error');
    }
    await loadDay(m.id);
  };
  const conflicts = (m.conflicts || []);
  const names = new Map((m.attendees || []).map((a) => [a.id, a.name || a.id]));
  const card = h('article', { class: 'meeting-card ' + m.status, tabindex: '-1', dataset: { meetingId: m.id, status: m.status } },
    h('h4', {}, `${clock(m.startsAt, zone)}–${clock(m.endsAt, zone)} · ${m.hostName}`, m.title ? ' — ' + m.title : ''),
    h('p', {}, h('span', { class: 'badge badge-' + m.status }, t('status.' + m.status)), ' ', m.venue, ', ', m.cityName,
      ' · ', t('sector.' + m.sector), ' · ', t('axis.' + m.axis)),
    h('p', {}, h('strong', {}, t('con.attendees') + ': '), (m.attendees || []).map((a) => a.name || a.id).join(', ')),
    m.cancelReason ? h('p', {}, m.cancelReason) : null,
    hostAnswerLine(m, (at) => clock(at, zone)),
    m.status === 'DRAFT' ? (conflicts.length
      ? h('div', { class: 'conflicts-box' }, h('p', { class: 'error' }, t('con.conflicts')),
        h('ul', { class: 'conflicts' }, conflicts.map((c) => h('li', { dataset: { code: c.code } },
          t('conflict.' + c.code), c.delegateId && names.get(c.delegateId) ? ` (${names.get(c.delegateId)})` : ''))))
      : h('p', { class: 'ok-note' }, t('con.noConflicts'))) : null);
  if (m.status === 'DRAFT') {
    card.append(
      h('button', { type: 'button', class: 'small confirm-meeting', onclick: () => act('confirm', '/confirmation', undefined, 'con.confirmed') }, t('con.confirm')),
      h('button', { type: 'button', class: 'secondary small', onclick: () => act('discard', '', 'DELETE', null) }, t('con.discard')));
  } else if (m.status === 'CONFIRMED') {
    const timeId = 'rs-' + m.id;
    const reasonId = 'cr-' + m.id;
    card.append(
      h('form', { class: 'inline-form', onsubmit: async (event) => {
        event.preventDefault();
        const start = zoned(m.startsAt.slice(0, 10), $('#' + CSS.escape(timeId)).value, zone);
        const length = Date.parse(m.endsAt) - Date.parse(m.startsAt);
        try {
          await call(`/api/scheduling/convoys/${C}/meetings/${m.id}`, { method: 'PUT', body: { hostId: m.hostId, startsAt: start,
            endsAt: new Date(Date.parse(start) + length).toISOString(), axis: m.axis, sector: m.sector, title: m.title,
            attendeeIds: (m.attendees || []).map((a) => a.id) } });
          say(status, t('con.rescheduled'), 'ok');
        } catch (error) {
          say(status, conflictText(error), 'error');
        }
        await loadDay(m.id);
      } },
      h('div', {}, h('label', { for: timeId }, t('con.start')), h('input', { id: timeId, type: 'time', value: clock(m.startsAt, zone), required: true })),
      h('button', { type: 'submit', class: 'secondary small' }, t('con.reschedule'))),
      h('form', { class: 'inline-form', onsubmit: (event) => {
        event.preventDefault();
        const reason = $('#' + CSS.escape(reasonId)).value.trim();
        if (!reason) {
          say(status, t('err.required') + ' — ' + t('con.cancelReason'), 'error');
          $('#' + CSS.escape(reasonId)).focus();
          return;
        }
        act('cancel', '/cancellation', { reason }, 'con.cancelled');
      } },
      h('div', {}, h('label', { for: reasonId }, t('con.cancelReason')), h('input', { id: reasonId, type: 'text', maxlength: 300 })),
      h('button', { type: 'submit', class: 'danger small' }, t('con.cancel'))),
      h('a', { class: 'button secondary small check-in', href: `/checkin?convoy=${encodeURIComponent(C)}&meeting=${encodeURIComponent(m.id)}` }, t('chk.open')));
  }
  return card;
}

/** A 409 from confirming lists every broken rule; show each in the organizer's language. */
function conflictText(error) {
  if (error instanceof ApiError && Array.isArray(error.problem.conflicts)) {
    return t('con.conflicts') + ': ' + error.problem.conflicts.map((c) => t('conflict.' + c.code)).join(' ');
  }
  return describe(error);
}

// ---------------------------------------------------------------- notices

function buildNoticeFilters() {
  const form = $('#notice-filters');
  const value = form.elements.namedItem('status')?.value || '';
  fill(form,
    h('div', {}, h('label', { for: 'n-status' }, t('con.filter.status')),
      h('select', { id: 'n-status', name: 'status' }, h('option', { value: '' }, t('con.filter.all')),
        ['PENDING', 'DEFERRED', 'RETRYING', 'SENT', 'FAILED', 'DEAD', 'SKIPPED'].map((s) => h('option', { value: s }, t('notice.status.' + s))))),
    h('button', { type: 'submit', class: 'secondary' }, t('con.filter.apply')));
  form.elements.namedItem('status').value = value;
  if (!form.dataset.wired) {
    form.dataset.wired = 'yes';
    form.addEventListener('submit', (event) => { event.preventDefault(); refresh(); });
  }
}

/** The Notices tab with only the notices in this status (the System tab's failed notices open it). */
function openNotices(status) {
  buildNoticeFilters();
  $('#n-status').value = status;
  selectTab('notices');
  $('#tab-notices').focus();
}

async function loadNotices() {
  const status = $('#n-status').value;
  const notices = await call('/api/notifications?limit=200' + (status ? '&status=' + encodeURIComponent(status) : ''));
  if (!changed('notices', notices)) {
    return;
  }
  const when = (iso) => (iso ? new Date(iso).toLocaleString(lang() === 'es' ? 'es-MX' : 'en-US', { dateStyle: 'short', timeStyle: 'medium' }) : '');
  fill($('#notices'),
    h('thead', {}, h('tr', {}, ['con.col.time', 'con.col.channel', 'con.col.kind', 'con.col.to', 'con.col.subject', 'con.col.status', 'con.col.attempts', 'con.col.error', 'con.replay']
      .map((key) => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, notices.length === 0 ? h('tr', {}, h('td', { colspan: 9 }, t('con.empty'))) : notices.map((n) => h('tr', {},
      h('td', {}, when(n.createdAt)), h('td', {}, n.channel), h('td', {}, n.kind), h('td', {}, n.to), h('td', {}, n.subject || ''),
      h('td', {}, h('span', { class: 'badge badge-' + n.status }, t('notice.status.' + n.status))), h('td', {}, n.attempts),
      h('td', {}, n.lastError || ''),
      h('td', {}, n.status === 'FAILED' || n.status === 'DEAD' ? h('button', { type: 'button', class: 'small', onclick: async () => {
        try {
          await call(`/api/notifications/${encodeURIComponent(n.id)}/replay`, { method: 'POST' });
          say($('#notices-status'), t('con.replayed'), 'ok');
        } catch (error) {
          say($('#notices-status'), describe(error), 'error');
        }
        refresh();
      } }, t('con.replay')) : '')))));
}

// ---------------------------------------------------------------- start

onLangChange(() => {
  if (session) {
    fill($('#whoami'), t('con.signedInAs', { user: session.user }));
    renderConvoyChoice(convoyId);
    buildFilters();
    buildNoticeFilters();
    if (activeTab === 'planner' && convoy) {
      loadPlanner();
    } else {
      refresh(true);
    }
  }
});

if (session) {
  startApp();
} else {
  show($('#login-view'));
}
