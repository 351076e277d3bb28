// The console's Convoys tab: the list of convoys, and the form that creates one (from scratch or copied from an
// earlier convoy), edits it while it is a draft or open, and moves it through its statuses.
import { t, lang } from './i18n.js';
import { h, $, $$, fill, say } from './dom.js';
import { ApiError, describe } from './api.js';
import { ROLES } from './vocab.js';
import { zoned, nextDate, datesBetween } from './zones.js';
import { remindersFieldset, currentReminders } from './reminders.js';

let ctx = null;
let editing = null;   // the convoy being edited, or null when creating one
let copyFrom = null;  // the convoy the new one starts from
let venueLegs = [];   // kept from the convoy copied or edited; not edited here

/** The convoy's name in the page's language. */
export function convoyName(convoy) {
  const names = convoy.names || {};
  return names[lang()] || names.es || convoy.id;
}

/**
 * @param context.call     an organizer call (the console's)
 * @param context.convoys  reads every convoy again and returns them
 * @param context.chosen   chooses the convoy the other tabs show
 */
export function setupConvoys(context) {
  ctx = context;
}

export async function loadConvoysPanel() {
  const convoys = await ctx.convoys();
  renderList(convoys);
  if (!$('#cv-form').dataset.built) {
    startNew(null);
  }
}

function renderList(convoys) {
  fill($('#convoy-list'),
    h('thead', {}, h('tr', {}, ['cv.col.name', 'cv.col.dates', 'cv.col.cities', 'cv.col.places', 'cv.col.status', 'cv.col.actions']
      .map((key) => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, convoys.map((convoy) => h('tr', { dataset: { convoyId: convoy.id } },
      h('th', { scope: 'row' }, convoyName(convoy)),
      h('td', {}, `${convoy.startsOn} — ${convoy.endsOn}`),
      h('td', {}, convoy.cities.map((city) => city.name).join(', ')),
      h('td', {}, convoy.places ? convoy.places.total : ''),
      h('td', {}, h('span', { class: 'badge badge-' + convoy.status }, t('cv.status.' + convoy.status))),
      h('td', {},
        h('button', { type: 'button', class: 'secondary small', id: 'cv-edit-' + convoy.id, onclick: () => startEdit(convoy) },
          t(editable(convoy) ? 'cv.edit' : 'cv.view')),
        h('button', { type: 'button', class: 'secondary small', id: 'cv-copy-' + convoy.id,
          onclick: () => { startNew(convoy); $('#cv-heading').focus(); } }, t('cv.copy')))))));
}

function editable(convoy) {
  return convoy.status === 'DRAFT' || convoy.status === 'OPEN';
}

/** A new convoy: empty, or starting from an earlier one's cities, travel times, places and hosts. */
function startNew(source) {
  editing = null;
  copyFrom = source ? source.id : null;
  venueLegs = source ? (source.travel.venueLegs || []) : [];
  const draft = source ? { ...source, id: '', names: { es: '', en: '' } } : {
    id: '', names: { es: '', en: '' }, startsOn: '', endsOn: '', cities: [{ id: '', name: '', zone: '' }], days: [],
    travel: { withinCityMinutes: 40, betweenCitiesMinutes: 300, cityLegs: [] },
    places: { total: 0, byRole: {} }, registration: null, retainUntil: '',
  };
  buildForm(draft, source ? t('cv.newFrom', { name: convoyName(source) }) : t('cv.new'));
  say($('#convoys-status'), '');
}

function startEdit(convoy, keepStatus = false) {
  editing = convoy;
  copyFrom = null;
  venueLegs = convoy.travel.venueLegs || [];
  buildForm(convoy, t('cv.editing', { name: convoyName(convoy) }));
  if (!keepStatus) {
    say($('#convoys-status'), '');
    $('#cv-heading').focus();
  }
}

function field(id, label, control, hint) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hint ? h('p', { class: 'hint' }, hint) : null);
}

function buildForm(convoy, heading) {
  const form = $('#cv-form');
  form.dataset.built = 'yes';
  const locked = editing !== null && !editable(editing);
  const zone = (convoy.cities[0] || {}).zone;
  const opensOn = convoy.registration ? String(convoy.registration.opensAt).slice(0, 10) : '';
  const closesOn = convoy.registration ? previousDay(String(convoy.registration.closesAt)) : '';
  fill(form,
    h('h2', { id: 'cv-heading', tabindex: '-1' }, heading),
    field('cv-id', t('cv.id'), h('input', { id: 'cv-id', type: 'text', maxlength: 60, value: convoy.id, disabled: editing !== null,
      placeholder: 'texas-2027' })),
    field('cv-name-es', t('cv.nameEs'), h('input', { id: 'cv-name-es', type: 'text', maxlength: 200, value: convoy.names.es || '', lang: 'es' })),
    field('cv-name-en', t('cv.nameEn'), h('input', { id: 'cv-name-en', type: 'text', maxlength: 200, value: convoy.names.en || '', lang: 'en' })),
    h('div', { class: 'row' },
      field('cv-starts', t('cv.startsOn'), h('input', { id: 'cv-starts', type: 'date', value: convoy.startsOn || '', onchange: redrawDays })),
      field('cv-ends', t('cv.endsOn'), h('input', { id: 'cv-ends', type: 'date', value: convoy.endsOn || '', onchange: redrawDays }))),
    h('fieldset', { class: 'field' }, h('legend', {}, t('cv.cities')),
      h('div', { id: 'cv-cities' }, convoy.cities.map((city, i) => cityRow(city, i))),
      h('button', { type: 'button', class: 'secondary small', id: 'cv-city-add', onclick: () => {
        $('#cv-cities').append(cityRow({ id: '', name: '', zone: zone || '' }, $$('#cv-cities .city-row').length));
        redrawDays();
      } }, t('cv.addCity'))),
    h('fieldset', { class: 'field' }, h('legend', {}, t('cv.days')), h('p', { class: 'hint' }, t('cv.daysHint')),
      h('div', { id: 'cv-days' })),
    h('fieldset', { class: 'field' }, h('legend', {}, t('cv.travel')),
      h('div', { class: 'row' },
        field('cv-within', t('cv.within'), h('input', { id: 'cv-within', type: 'number', min: 0, max: 1440, value: convoy.travel.withinCityMinutes })),
        field('cv-between', t('cv.between'), h('input', { id: 'cv-between', type: 'number', min: 0, max: 2880, value: convoy.travel.betweenCitiesMinutes }))),
      h('div', { id: 'cv-legs' }),
      venueLegs.length ? h('p', { class: 'hint' }, t('cv.venueLegs', { n: venueLegs.length })) : null),
    remindersFieldset(convoy.reminders),
    h('fieldset', { class: 'field' }, h('legend', {}, t('cv.places')),
      h('div', { class: 'row' }, ROLES.map((role) => field('cv-places-' + role, t('role.' + role),
        h('input', { id: 'cv-places-' + role, type: 'number', min: 0, max: 10000, value: (convoy.places.byRole || {})[role] || 0,
          oninput: showTotal })))),
      h('p', { id: 'cv-places-total', class: 'hint' })),
    h('div', { class: 'row' },
      field('cv-opens', t('cv.opensOn'), h('input', { id: 'cv-opens', type: 'date', value: opensOn })),
      field('cv-closes', t('cv.closesOn'), h('input', { id: 'cv-closes', type: 'date', value: closesOn })),
      field('cv-retain', t('cv.retainUntil'), h('input', { id: 'cv-retain', type: 'date', value: convoy.retainUntil || '' }))),
    h('p', { class: 'error', id: 'cv-error', role: 'alert', hidden: true }),
    locked ? h('p', { class: 'hint' }, t('cv.locked', { status: t('cv.status.' + editing.status) }))
      : h('button', { type: 'submit', id: 'cv-save' }, t(editing ? 'cv.save' : 'cv.create')),
    editing ? h('div', { class: 'actions', id: 'cv-statuses' }, (editing.nextStatuses || []).map((status) =>
      h('button', { type: 'button', class: 'secondary', id: 'cv-status-' + status, onclick: () => move(status) },
        t('cv.to.' + status)))) : null);
  drawDays(convoy.days);
  drawLegs(convoy.travel.cityLegs || []);
  showTotal();
  $$('input, select', form).forEach((control) => { if (locked) control.disabled = true; });
}

function previousDay(iso) {
  const date = iso.slice(0, 10);
  return iso.slice(11, 16) === '00:00' ? nextDate(date, -1) : date;
}

function cityRow(city, i) {
  return h('div', { class: 'row city-row' },
    field('cv-city-id-' + i, t('cv.cityId'), h('input', { id: 'cv-city-id-' + i, type: 'text', maxlength: 40, value: city.id,
      placeholder: 'SAN_ANTONIO', onchange: () => { redrawDays(); redrawLegs(); } })),
    field('cv-city-name-' + i, t('cv.cityName'), h('input', { id: 'cv-city-name-' + i, type: 'text', maxlength: 80, value: city.name,
      onchange: () => { redrawDays(); redrawLegs(); } })),
    field('cv-city-zone-' + i, t('cv.cityZone'), h('input', { id: 'cv-city-zone-' + i, type: 'text', maxlength: 60, value: city.zone,
      placeholder: 'America/Chicago' })),
    h('button', { type: 'button', class: 'secondary small', 'aria-label': t('cv.removeCity'), onclick: (event) => {
      event.target.closest('.city-row').remove();
      redrawDays();
      redrawLegs();
    } }, t('cv.removeCity')));
}

function cities() {
  return $$('#cv-cities .city-row').map((row) => {
    const inputs = $$('input', row);
    return { id: inputs[0].value.trim().toUpperCase(), name: inputs[1].value.trim(), zone: inputs[2].value.trim() };
  }).filter((city) => city.id || city.name || city.zone);
}

function currentDays() {
  return $$('#cv-days .day-row').map((row) => ({ date: row.dataset.date,
    cities: $$('select', row).map((select) => select.value).filter(Boolean) }));
}

function redrawDays() {
  drawDays(currentDays());
}

/** One row per date of the range, keeping each position's cities as they were (a copy's days, shifted). */
function drawDays(previous) {
  const dates = datesBetween($('#cv-starts').value, $('#cv-ends').value);
  const known = cities();
  const options = (chosen, optional) => [optional ? h('option', { value: '' }, t('cv.noSecondCity')) : null,
    ...known.map((city) => h('option', { value: city.id, selected: city.id === chosen }, city.name || city.id))];
  fill($('#cv-days'), dates.map((date, i) => {
    const before = (previous || [])[i] || { cities: [] };
    const first = known.some((city) => city.id === before.cities[0]) ? before.cities[0] : (known[0] || {}).id;
    const second = known.some((city) => city.id === before.cities[1]) ? before.cities[1] : '';
    return h('div', { class: 'row day-row', dataset: { date } },
      field('cv-day-' + date, date, h('select', { id: 'cv-day-' + date }, options(first, false))),
      field('cv-day-' + date + '-then', t('cv.then'), h('select', { id: 'cv-day-' + date + '-then' }, options(second, true))));
  }));
}

function redrawLegs() {
  drawLegs(currentLegs());
}

/** One travel time per pair of cities; empty means the general time between cities. */
function drawLegs(legs) {
  const known = cities();
  const pairs = [];
  known.forEach((from, i) => known.slice(i + 1).forEach((to) => pairs.push([from, to])));
  fill($('#cv-legs'), pairs.map(([from, to]) => {
    const leg = legs.find((l) => (l.from === from.id && l.to === to.id) || (l.from === to.id && l.to === from.id));
    const id = `cv-leg-${from.id}-${to.id}`;
    return field(id, t('cv.leg', { from: from.name || from.id, to: to.name || to.id }), h('input', { id, type: 'number', min: 0,
      max: 2880, value: leg ? leg.minutes : '', dataset: { from: from.id, to: to.id } }));
  }));
}

function currentLegs() {
  return $$('#cv-legs input').filter((input) => input.value !== '')
    .map((input) => ({ from: input.dataset.from, to: input.dataset.to, minutes: Number(input.value) }));
}

function showTotal() {
  const total = ROLES.reduce((sum, role) => sum + Number($('#cv-places-' + role).value || 0), 0);
  $('#cv-places-total').textContent = t('cv.total', { n: total });
}

function request() {
  const known = cities();
  const zone = (known[0] || {}).zone || 'UTC';
  const byRole = Object.fromEntries(ROLES.map((role) => [role, Number($('#cv-places-' + role).value || 0)]));
  const opens = $('#cv-opens').value;
  const closes = $('#cv-closes').value;
  const body = {
    names: { es: $('#cv-name-es').value.trim(), en: $('#cv-name-en').value.trim() },
    startsOn: $('#cv-starts').value || null,
    endsOn: $('#cv-ends').value || null,
    cities: known,
    days: currentDays(),
    travel: { withinCityMinutes: Number($('#cv-within').value || 0), betweenCitiesMinutes: Number($('#cv-between').value || 0),
      cityLegs: currentLegs(), venueLegs },
    places: { total: Object.values(byRole).reduce((a, b) => a + b, 0), byRole },
    registration: opens && closes ? { opensAt: zoned(opens, '00:00', zone), closesAt: zoned(nextDate(closes), '00:00', zone) } : null,
    retainUntil: $('#cv-retain').value || null,
    reminders: currentReminders(),
  };
  if (!editing) {
    body.id = $('#cv-id').value.trim();
    if (copyFrom) body.copyFrom = copyFrom;
  }
  return body;
}

export async function saveConvoy(event) {
  event.preventDefault();
  const error = $('#cv-error');
  error.hidden = true;
  try {
    const saved = editing
      ? await ctx.call(`/api/scheduling/convoys/${encodeURIComponent(editing.id)}`, { method: 'PUT', body: request() })
      : await ctx.call('/api/scheduling/convoys', { method: 'POST', body: request() });
    say($('#convoys-status'), t(editing ? 'cv.saved' : 'cv.created', { name: convoyName(saved) }), 'ok');
    await afterChange(saved);
  } catch (e) {
    const fields = e instanceof ApiError ? e.fieldErrors.map((f) => `${f.field}: ${f.message}`) : [];
    error.textContent = [describe(e), ...fields].join(' ');
    error.hidden = false;
  }
}

async function move(status) {
  try {
    const moved = await ctx.call(`/api/scheduling/convoys/${encodeURIComponent(editing.id)}/status`, { method: 'POST', body: { status } });
    say($('#convoys-status'), t('cv.moved', { name: convoyName(moved), status: t('cv.status.' + moved.status) }), 'ok');
    await afterChange(moved);
  } catch (e) {
    say($('#convoys-status'), describe(e), 'error');
  }
}

async function afterChange(convoy) {
  const convoys = await ctx.convoys();
  renderList(convoys);
  ctx.chosen(convoy.id);
  startEdit(convoys.find((c) => c.id === convoy.id) || convoy, true);
}
