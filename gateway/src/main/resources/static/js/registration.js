// /registration: the public registration form, or, opened with the emailed link (#code=…), the delegate's own page:
// status, agenda, changes and withdrawal.
import { initLanguage, t, lang, onLangChange, applyI18n, useLanguageUnlessChosen } from './i18n.js';
import { h, $, $$, fill, show, say } from './dom.js';
import { api, ApiError, describe } from './api.js';
import { qrCode } from './passes.js';
import { field, checked, value, clearErrors, setError, showServerErrors, focusFirstError, checkPerson } from './forms.js';
import { ROLES, SECTORS, AXES, CHANNELS, LANGUAGES, STATES, stateName } from './vocab.js';

const LINK_KEY = 'convoy.link';
const MAX_COMPANIONS = 10;

let openConvoys = [];
let chosenConvoy = null;

initLanguage();

const opts = (values, prefix) => values.map((v) => [v, prefix + v]);
const languageOptions = () => LANGUAGES.map((v) => [v, 'lang.' + v]);

// ---------------------------------------------------------------- public registration

function personFields(prefix, { lead }) {
  const fields = [
    field({ name: prefix + 'givenName', label: 'field.givenName', required: true, max: 100, autocomplete: lead ? 'given-name' : 'off' }),
    field({ name: prefix + 'familyName', label: 'field.familyName', required: true, max: 100, autocomplete: lead ? 'family-name' : 'off' }),
    field({ name: prefix + 'email', label: 'field.email', type: 'email', required: true, max: 254, autocomplete: lead ? 'email' : 'off', inputmode: 'email' }),
    field({ name: prefix + 'phone', label: 'field.phone', type: 'tel', max: 24, autocomplete: lead ? 'tel' : 'off', hint: 'field.phone.hint' }),
    field({ name: prefix + 'preferredLanguage', label: 'field.preferredLanguage', type: 'select', required: true, options: languageOptions(), value: lang() }),
    field({ name: prefix + 'role', label: 'field.role', type: 'select', required: true, placeholder: lead, options: opts(ROLES, 'role.'), value: lead ? '' : 'STAFF' }),
  ];
  if (lead) {
    fields.push(
      field({ name: 'state', label: 'field.state', type: 'select', required: true, placeholder: true, options: STATES.map(([code]) => [code, null]), autocomplete: 'address-level1' }),
      field({ name: 'municipality', label: 'field.municipality', max: 150, autocomplete: 'address-level2' }),
      field({ name: 'organization', label: 'field.organization', required: true, max: 150, autocomplete: 'organization' }));
  }
  fields.push(field({ name: prefix + 'position', label: 'field.position', max: 150, autocomplete: lead ? 'organization-title' : 'off' }));
  fields.push(field({ name: prefix + 'channels', label: 'field.channels', type: 'checks', required: true, options: opts(CHANNELS, 'channel.'), value: ['EMAIL'] }));
  return fields;
}

function stateSelectLabels(form) {
  // State names are proper names: the same in both languages, so they are set once as text.
  const select = form.elements.namedItem('state');
  [...select.options].slice(1).forEach((option, i) => { option.textContent = STATES[i][1]; });
}

function buildRegistrationForm(form) {
  fill(form,
    h('fieldset', { class: 'group' }, h('legend', { 'data-i18n': 'reg.section.you' }, t('reg.section.you')), personFields('', { lead: true })),
    h('fieldset', { class: 'group' }, h('legend', { 'data-i18n': 'reg.section.interests' }, t('reg.section.interests')),
      field({ name: 'sectors', label: 'field.sectors', type: 'checks', options: opts(SECTORS, 'sector.') }),
      field({ name: 'axes', label: 'field.axes', type: 'checks', options: opts(AXES, 'axis.') })),
    h('fieldset', { class: 'group', id: 'companions' },
      h('legend', { 'data-i18n': 'reg.section.companions' }, t('reg.section.companions')),
      h('p', { class: 'hint', 'data-i18n': 'reg.companions.hint' }, t('reg.companions.hint')),
      h('div', { id: 'companion-list' }),
      h('button', { type: 'button', id: 'add-companion', class: 'secondary', 'data-i18n': 'reg.companion.add', onclick: addCompanion }, t('reg.companion.add')),
      h('p', { class: 'hint', id: 'companion-max', role: 'status', hidden: true, 'data-i18n': 'reg.companions.max' }, t('reg.companions.max'))),
    h('fieldset', { class: 'group consent' },
      h('legend', { 'data-i18n': 'reg.consent.title' }, t('reg.consent.title')),
      h('p', { id: 'consent-text', 'data-i18n': 'reg.consent.text' }, t('reg.consent.text')),
      field({ name: 'privacyConsent', label: 'reg.consent.label', type: 'checkbox', required: true }),
      field({ name: 'shareWithHosts', label: 'reg.share.label', type: 'checkbox' })),
    h('button', { type: 'submit', id: 'submit', 'data-i18n': 'reg.submit' }, t('reg.submit')));
  stateSelectLabels(form);
  form.addEventListener('change', (event) => {
    if (event.target.name && event.target.name.endsWith('preferredLanguage')) event.target.dataset.chosen = 'yes';
  });
  form.elements.namedItem('privacyConsent').setAttribute('aria-describedby', 'consent-text e-privacyConsent');
  form.addEventListener('submit', submitRegistration);
}

function companionCount() {
  return $$('.companion', $('#companion-list')).length;
}

function addCompanion() {
  const list = $('#companion-list');
  if (companionCount() >= MAX_COMPANIONS) {
    show($('#companion-max'));
    return;
  }
  const box = h('fieldset', { class: 'companion' });
  list.append(box);
  renumberCompanions(true);
  box.querySelector('input')?.focus();
}

function removeCompanion(box) {
  box.remove();
  show($('#companion-max'), false);
  renumberCompanions(false);
  $('#add-companion').focus();
}

/** Companions are numbered by position, so field names always match the server's companions[i] paths. */
function renumberCompanions(addedLast) {
  const boxes = $$('.companion', $('#companion-list'));
  boxes.forEach((box, i) => {
    const keep = {};
    $$('input, select', box).forEach((el) => {
      const name = el.name.replace(/^companions\[\d+\]\./, '');
      if (el.type === 'checkbox') {
        (keep[name] ||= []).push(...(el.checked ? [el.value] : []));
      } else {
        keep[name] = el.value;
      }
    });
    const fresh = addedLast && i === boxes.length - 1;
    const prefix = `companions[${i}].`;
    fill(box,
      h('legend', {}, t('reg.companion', { n: i + 1 })),
      personFields(prefix, { lead: false }),
      h('button', { type: 'button', class: 'secondary remove', onclick: () => removeCompanion(box) }, t('reg.companion.remove', { n: i + 1 })));
    if (!fresh) {
      $$('input, select', box).forEach((el) => {
        const name = el.name.slice(prefix.length);
        if (el.type === 'checkbox') {
          el.checked = (keep[name] || []).includes(el.value);
        } else if (name in keep) {
          el.value = keep[name];
        }
      });
    }
  });
}

function registrationBody(form) {
  const optional = (name) => value(form, name) || null;
  const companions = $$('.companion', form).map((box, i) => {
    const p = `companions[${i}].`;
    return {
      givenName: value(form, p + 'givenName'), familyName: value(form, p + 'familyName'), email: value(form, p + 'email'),
      phone: optional(p + 'phone'), preferredLanguage: value(form, p + 'preferredLanguage'), role: value(form, p + 'role'),
      position: optional(p + 'position'), channels: checked(form, p + 'channels'),
    };
  });
  return {
    convoyId: chosenConvoy && chosenConvoy.id,
    givenName: value(form, 'givenName'), familyName: value(form, 'familyName'), email: value(form, 'email'),
    phone: optional('phone'), preferredLanguage: value(form, 'preferredLanguage'), role: value(form, 'role'),
    state: value(form, 'state'), municipality: optional('municipality'), organization: value(form, 'organization'),
    position: optional('position'), sectors: checked(form, 'sectors'), axes: checked(form, 'axes'),
    channels: checked(form, 'channels'), companions, privacyConsent: form.elements.namedItem('privacyConsent').checked,
    shareWithHosts: form.elements.namedItem('shareWithHosts').checked,
  };
}

function validateRegistration(form) {
  let problems = checkPerson(form, '', { needsOrganization: true });
  for (const name of ['role', 'state']) {
    if (!value(form, name)) {
      problems += 1;
      setError(form, name, 'err.choose');
    }
  }
  const emails = new Set([value(form, 'email').toLowerCase()]);
  $$('.companion', form).forEach((box, i) => {
    const p = `companions[${i}].`;
    problems += checkPerson(form, p);
    const email = value(form, p + 'email').toLowerCase();
    if (email && emails.has(email)) {
      problems += 1;
      setError(form, p + 'email', 'err.emailTwice');
    }
    emails.add(email);
  });
  if (!form.elements.namedItem('privacyConsent').checked) {
    problems += 1;
    setError(form, 'privacyConsent', 'err.consent');
  }
  return problems;
}

async function submitRegistration(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const alert = $('#form-alert');
  clearErrors(form);
  say(alert, '');
  const problems = validateRegistration(form);
  if (problems > 0) {
    say(alert, t('reg.fixErrors', { n: problems }), 'error');
    focusFirstError(form);
    return;
  }
  const button = $('#submit');
  button.disabled = true;
  button.textContent = t('reg.sending');
  try {
    const submission = await api('/api/registrations', { method: 'POST', body: registrationBody(form),
      headers: { 'Idempotency-Key': idempotencyKey(form) } });
    showDone(submission);
  } catch (error) {
    handleRegistrationError(form, alert, error);
  } finally {
    button.disabled = false;
    button.textContent = t('reg.submit');
  }
}

/** One key per filled-in form, so a double click or a retry after a lost answer registers nobody twice. */
function idempotencyKey(form) {
  const body = JSON.stringify(registrationBody(form));
  if (form.dataset.keyFor !== body) {
    form.dataset.keyFor = body;
    form.dataset.key = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(36).slice(2);
  }
  return form.dataset.key;
}

function handleRegistrationError(form, alert, error) {
  if (error instanceof ApiError && error.status === 409 && !error.fieldErrors.length) {
    setError(form, 'email', 'reg.alreadyRegistered');
    say(alert, t('reg.alreadyRegistered'), 'error');
    $('#link-email').value = value(form, 'email');
    show($('#link-view'));
    focusFirstError(form);
    return;
  }
  if (error instanceof ApiError && error.fieldErrors.length) {
    const unplaced = showServerErrors(form, error.fieldErrors);
    const count = error.fieldErrors.length;
    say(alert, [t('reg.fixErrors', { n: count }), ...unplaced].join(' '), 'error');
    focusFirstError(form);
    return;
  }
  say(alert, describe(error), 'error');
}

function showDone(submission) {
  show($('#register-view'), false);
  show($('#link-view'), false);
  const done = $('#done-view');
  const status = submission.status === 'WAITLISTED' ? 'WAITLISTED' : 'SUBMITTED';
  const statusLine = $('#done-status');
  statusLine.dataset.i18n = 'reg.done.' + status;
  statusLine.textContent = t('reg.done.' + status);
  fill($('#done-members'), (submission.members || []).map((member) => h('li', {},
    member.givenName + ' ' + member.familyName + ' — ',
    h('span', { class: 'badge badge-' + member.status, 'data-i18n': 'status.' + member.status }, t('status.' + member.status)))));
  show(done);
  done.focus();
  window.scrollTo(0, 0);
}

// ---------------------------------------------------------------- link request

$('#link-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  clearErrors(form);
  const email = $('#link-email').value.trim();
  const error = $('#e-link-email');
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    error.textContent = t(email ? 'err.email' : 'err.required');
    error.hidden = false;
    $('#link-email').setAttribute('aria-invalid', 'true');
    $('#link-email').focus();
    return;
  }
  try {
    await api('/api/registrations/link-requests', { method: 'POST', body: { convoyId: chosenConvoy && chosenConvoy.id, email } });
    say($('#link-status'), t('reg.linkSent'), 'ok');
  } catch (e) {
    say($('#link-status'), describe(e), 'error');
  }
});

// ---------------------------------------------------------------- the delegate's own page

/**
 * The emailed link carries a one-time code (#code=…): it is exchanged once for a session, kept in this tab only.
 * Reloading the page keeps the session; opening the link again, or an older link, asks for a new one.
 */
async function personalSession() {
  const match = /(?:^|[#&])code=([^&]+)/.exec(location.hash);
  const legacy = /(?:^|[#&])token=/.test(location.hash);
  if (match || legacy) {
    // The code stays out of the address bar, history and screen shares once read.
    history.replaceState(null, '', location.pathname + location.search);
  }
  if (legacy) {
    return { expired: true };
  }
  if (match) {
    try {
      const session = await api('/api/registrations/sessions', { method: 'POST', body: { code: decodeURIComponent(match[1]) } });
      try {
        sessionStorage.setItem(LINK_KEY, session.token);
      } catch (e) {
        // kept in memory only
      }
      return { token: session.token };
    } catch (error) {
      return { expired: true };
    }
  }
  try {
    const kept = sessionStorage.getItem(LINK_KEY);
    return kept ? { token: kept } : null;
  } catch (e) {
    return null;
  }
}

let me = null;
let link = null;

async function openSelf(token) {
  link = token;
  show($('#self-view'));
  const status = $('#page-status');
  say(status, t('self.loading'));
  try {
    me = await api('/api/registrations/self', { link });
    say(status, '');
    useLanguageUnlessChosen(me.profile.preferredLanguage);
    renderSelf();
    buildEditForm();
    loadAgenda();
  } catch (error) {
    show($('#self-view'), false);
    if (error instanceof ApiError && (error.status === 401 || error.status === 404)) {
      try { sessionStorage.removeItem(LINK_KEY); } catch (e) { /* nothing kept */ }
      say(status, t('self.badLink'), 'error');
      show($('#link-view'));
    } else {
      say(status, describe(error), 'error');
    }
  }
}

function renderSelf() {
  const p = me.profile;
  const active = !['WITHDRAWN', 'REJECTED', 'ERASED'].includes(me.status);
  fill($('#self-summary'),
    h('div', { class: 'panel summary' },
      h('p', { id: 'self-convoy', class: 'convoy-name' }, (me.convoyNames || {})[lang()] || (me.convoyNames || {}).es || ''),
      h('p', { class: 'who' }, p.givenName + ' ' + p.familyName),
      h('p', {}, [p.position, p.organization].filter(Boolean).join(', ')),
      h('p', {}, [p.municipality, stateName(p.state)].filter(Boolean).join(', ')),
      h('p', {}, h('span', { 'data-i18n': 'self.status' }, t('self.status')), ': ',
        h('strong', { id: 'self-status', class: 'badge badge-' + me.status, 'data-i18n': 'status.' + me.status }, t('status.' + me.status))),
      h('p', { 'data-i18n': 'self.status.' + me.status }, t('self.status.' + me.status)),
      me.reason ? h('p', {}, h('span', { 'data-i18n': 'self.reason' }, t('self.reason')), ': ', me.reason) : null,
      me.mayManageGroup && me.group.length > 1 ? h('div', {},
        h('h2', { 'data-i18n': 'self.group' }, t('self.group')),
        h('ul', { class: 'plain' }, me.group.map((m) => h('li', {}, m.givenName + ' ' + m.familyName + ' — ',
          h('span', { class: 'badge badge-' + m.status, 'data-i18n': 'status.' + m.status }, t('status.' + m.status)))))) : null));
  show($('#edit-panel'), active);
  show($('#withdraw-panel'), active);
}

function buildEditForm() {
  const form = $('#edit-form');
  const p = me.profile;
  fill(form,
    field({ name: 'givenName', label: 'field.givenName', required: true, max: 100, value: p.givenName, autocomplete: 'given-name' }),
    field({ name: 'familyName', label: 'field.familyName', required: true, max: 100, value: p.familyName, autocomplete: 'family-name' }),
    field({ name: 'phone', label: 'field.phone', type: 'tel', max: 24, value: p.phone || '', hint: 'field.phone.hint', autocomplete: 'tel' }),
    field({ name: 'preferredLanguage', label: 'field.preferredLanguage', type: 'select', required: true, options: languageOptions(), value: p.preferredLanguage }),
    field({ name: 'municipality', label: 'field.municipality', max: 150, value: p.municipality || '' }),
    field({ name: 'organization', label: 'field.organization', required: true, max: 150, value: p.organization, autocomplete: 'organization' }),
    field({ name: 'position', label: 'field.position', max: 150, value: p.position || '', autocomplete: 'organization-title' }),
    field({ name: 'sectors', label: 'field.sectors', type: 'checks', options: opts(SECTORS, 'sector.'), value: p.sectors || [] }),
    field({ name: 'axes', label: 'field.axes', type: 'checks', options: opts(AXES, 'axis.'), value: p.axes || [] }),
    field({ name: 'channels', label: 'field.channels', type: 'checks', required: true, options: opts(CHANNELS, 'channel.'), value: p.channels || [] }),
    field({ name: 'shareWithHosts', label: 'reg.share.label', type: 'checkbox', value: p.shareWithHosts === true }),
    h('button', { type: 'submit', id: 'save', 'data-i18n': 'self.save' }, t('self.save')));
  if (!form.dataset.wired) {
    form.dataset.wired = 'yes';
    form.addEventListener('submit', saveChanges);
  }
}

async function saveChanges(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const status = $('#edit-status');
  clearErrors(form);
  say(status, '');
  const problems = checkPerson(form, '', { needsEmail: false, needsOrganization: true });
  if (problems) {
    say(status, t('reg.fixErrors', { n: problems }), 'error');
    focusFirstError(form);
    return;
  }
  const optional = (name) => value(form, name) || null;
  try {
    me = await api('/api/registrations/self', { method: 'PUT', link, body: {
      givenName: value(form, 'givenName'), familyName: value(form, 'familyName'), phone: optional('phone'),
      preferredLanguage: value(form, 'preferredLanguage'), municipality: optional('municipality'),
      organization: value(form, 'organization'), position: optional('position'), sectors: checked(form, 'sectors'),
      axes: checked(form, 'axes'), channels: checked(form, 'channels'),
      shareWithHosts: form.elements.namedItem('shareWithHosts').checked } });
    renderSelf();
    say(status, t('self.saved'), 'ok');
  } catch (error) {
    if (error instanceof ApiError && error.fieldErrors.length) {
      const unplaced = showServerErrors(form, error.fieldErrors);
      say(status, [t('reg.fixErrors', { n: error.fieldErrors.length }), ...unplaced].join(' '), 'error');
      focusFirstError(form);
    } else {
      say(status, describe(error), 'error');
    }
  }
}

$('#withdraw').addEventListener('click', () => {
  show($('#withdraw-confirm'));
  $('#withdraw-no').focus();
});
$('#withdraw-no').addEventListener('click', () => {
  show($('#withdraw-confirm'), false);
  $('#withdraw').focus();
});
$('#withdraw-yes').addEventListener('click', async () => {
  const status = $('#page-status');
  try {
    me = await api('/api/registrations/self/withdrawal', { method: 'POST', link, body: {} });
    show($('#withdraw-confirm'), false);
    renderSelf();
    say(status, t('self.withdrawn'), 'ok');
    loadAgenda();
    $('#main').focus();
  } catch (error) {
    say(status, describe(error), 'error');
  }
});

let agenda = null;

async function loadAgenda() {
  const box = $('#agenda');
  try {
    agenda = await api(`/api/scheduling/convoys/${encodeURIComponent(me.convoyId)}/delegates/${encodeURIComponent(me.delegateId)}/agenda`, { link });
  } catch (error) {
    agenda = null;
    fill(box, h('p', { 'data-i18n': 'agenda.notYet' }, error instanceof ApiError && error.status === 404 ? t('agenda.notYet') : describe(error)));
    return;
  }
  renderAgenda();
}

function formatDay(date) {
  const text = new Intl.DateTimeFormat(lang() === 'es' ? 'es-MX' : 'en-US', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' })
    .format(new Date(date + 'T12:00:00Z'));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function formatTime(iso, zone) {
  return new Intl.DateTimeFormat(lang() === 'es' ? 'es-MX' : 'en-US', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone })
    .format(new Date(iso));
}

function zoneName(iso, zone) {
  const parts = new Intl.DateTimeFormat(lang() === 'es' ? 'es-MX' : 'en-US', { timeZone: zone, timeZoneName: 'long' })
    .formatToParts(new Date(iso));
  return (parts.find((part) => part.type === 'timeZoneName') || {}).value || zone;
}

function renderAgenda() {
  const box = $('#agenda');
  if (!agenda) {
    return;
  }
  const zone = agenda.zone;
  const meetings = agenda.days.flatMap((day) => day.meetings);
  const feed = me.calendarFeed;
  const anyTime = meetings[0] ? meetings[0].startsAt : agenda.days[0]?.date + 'T12:00:00Z';
  fill(box,
    h('p', { class: 'hint' }, t('agenda.zone', { zone: zoneName(anyTime, zone) + ', ' + zone })),
    meetings.length === 0 ? h('p', { id: 'agenda-empty' }, t('agenda.none')) : null,
    h('ol', { class: 'days' }, agenda.days.filter((day) => day.meetings.length > 0).map((day) => h('li', { class: 'day' },
      h('h3', {}, formatDay(day.date), ' — ', day.cities.join(' → ')),
      h('ul', { class: 'meetings' }, day.meetings.map((m) => h('li', { class: 'meeting', dataset: { meetingId: m.meetingId } },
        h('p', { class: 'when' }, formatTime(m.startsAt, zone), ' – ', formatTime(m.endsAt, zone)),
        h('p', { class: 'host' }, m.hostName, m.title ? ' — ' + m.title : ''),
        h('p', {}, m.venue, ', ', m.address, ' (', m.cityName, ')'),
        h('p', { class: 'hint' }, m.sector ? t('sector.' + m.sector) : '', m.axis ? ' · ' + t('axis.' + m.axis) : '',
          ' · ', t('agenda.attendees', { n: m.attendees })),
        m.checkIn ? h('div', { class: 'pass' }, qrCode(m.checkIn.qr, t('pass.qr', { host: m.hostName })),
          h('p', {}, t('pass.title'), h('br'), t('pass.code'), ' ', h('span', { class: 'pass-code' }, m.checkIn.code))) : null)))))),
    h('p', {}, h('a', { class: 'button secondary', id: 'ics-download', href: feed, download: 'convoy-agenda.ics' }, t('agenda.ics'))),
    h('label', { for: 'ics-url' }, t('agenda.subscribe')),
    h('input', { id: 'ics-url', type: 'text', readonly: true, value: feed, 'aria-label': t('agenda.subscribe.label') }));
}

onLangChange((now) => {
  // Notices come in the page's language unless the delegate chose otherwise.
  $$('select[name$="preferredLanguage"]', $('#registration-form')).forEach((select) => {
    if (!select.dataset.chosen) select.value = now;
  });
  if ($('#companion-list')) {
    renumberCompanions(false);
  }
  if (me && agenda) {
    renderAgenda();
  }
});

// ---------------------------------------------------------------- which convoy

function convoyTitle(convoy) {
  const names = convoy.names || {};
  return names[lang()] || names.es || convoy.id;
}

function longDate(iso) {
  return new Intl.DateTimeFormat(lang() === 'es' ? 'es-MX' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' })
    .format(new Date(iso.slice(0, 10) + 'T12:00:00Z'));
}

/** When registration opens or closes, as people at the convoy read it (its own zone, shown by name). */
function moment(iso) {
  return longDate(iso) + ' ' + iso.slice(11, 16);
}

function windowText(convoy) {
  if (convoy.registration === 'OPEN') return t('reg.convoy.openUntil', { when: moment(convoy.closesAt) });
  if (convoy.registration === 'NOT_YET_OPEN') return t('reg.convoy.opensOn', { when: moment(convoy.opensAt) });
  return t('reg.convoy.closed', { when: moment(convoy.closesAt) });
}

/** The convoys open for registration, to choose one; the one asked for in the address, or the first taking people. */
async function loadOpenConvoys() {
  openConvoys = await api('/api/registrations/convoys');
  const asked = new URLSearchParams(location.search).get('convoy');
  chosenConvoy = openConvoys.find((c) => c.id === asked) || openConvoys.find((c) => c.registration === 'OPEN')
    || openConvoys[0] || null;
  renderConvoyChoice();
}

function renderConvoyChoice() {
  const box = $('#convoy-choice');
  if (openConvoys.length === 0) {
    fill(box, h('p', { class: 'status status-info' }, t('reg.convoy.none')));
    show($('#registration-form'), false);
    return;
  }
  fill(box, h('fieldset', { class: 'group' }, h('legend', {}, t('reg.convoy.choose')),
    openConvoys.map((convoy) => h('label', { class: 'convoy-option' },
      h('input', { type: 'radio', name: 'convoyId', value: convoy.id, id: 'convoy-' + convoy.id,
        checked: chosenConvoy && convoy.id === chosenConvoy.id, onchange: () => { chosenConvoy = convoy; renderConvoyChoice(); } }),
      h('span', {}, h('strong', {}, convoyTitle(convoy)), h('br'),
        t('reg.convoy.when', { cities: convoy.cities.join(', '), from: longDate(convoy.startsOn), to: longDate(convoy.endsOn) }),
        h('br'), h('span', { class: 'hint', id: 'window-' + convoy.id }, windowText(convoy)))))));
  const taking = chosenConvoy && chosenConvoy.registration === 'OPEN';
  show($('#registration-form'), Boolean(taking));
  say($('#convoy-window'), taking ? '' : windowText(chosenConvoy), 'info');
}

// ---------------------------------------------------------------- start

// A link pasted into this tab while the page is open changes only the fragment, which loads nothing: read it afresh.
window.addEventListener('hashchange', () => {
  if (/(?:^|[#&])(?:code|token)=/.test(location.hash)) {
    location.reload();
  }
});

const session = await personalSession();
if (session && session.token) {
  openSelf(session.token);
} else if (session && session.expired) {
  show($('#self-view'), false);
  say($('#page-status'), t('self.badLink'), 'error');
  show($('#link-view'));
} else {
  const form = $('#registration-form');
  buildRegistrationForm(form);
  applyI18n();
  show($('#register-view'));
  try {
    await loadOpenConvoys();
  } catch (e) {
    say($('#page-status'), describe(e), 'error');
  }
  onLangChange(() => renderConvoyChoice());
}
