// The console's host directory, on the Hosts tab: every host organization organizers work with, kept from one convoy
// to the next, with its contacts and one venue per city. Organizers add or change one here, and make one that is
// not in the chosen convoy take part in it, in one of its venues' cities, with the hours of the host form above.
import { t } from './i18n.js';
import { h, $, $$, fill, say } from './dom.js';
import { ApiError, describe } from './api.js';
import { SECTORS, AXES, LANGUAGES } from './vocab.js';
import { field, checked, clearErrors, showServerErrors, focusFirstError } from './forms.js';
import { dailyWindows } from './hosts.js';
import { linkButtons } from './hostlinks.js';

const BASE = '/api/scheduling/hosts';
const EMPTY_CONTACT = { name: '', email: '', phone: '', language: 'es' };
const EMPTY_VENUE = { city: '', name: '', address: '', roomCapacity: 20 };

let ctx = null;
let directory = [];
let editing = null;
let draft = null;

/**
 * @param context.call    an organizer call
 * @param context.convoy  the chosen convoy as scheduling shows it
 * @param context.hosts   the chosen convoy's hosts
 * @param context.changed reads the convoy's hosts again and shows them (and this directory)
 */
export function setupDirectory(context) {
  ctx = context;
}

/** Reads the directory and shows it, with the form (as it was left, in the page's language). */
export async function showDirectory() {
  const box = $('#directory');
  if (!box.dataset.built) {
    box.dataset.built = 'yes';
    fill(box,
      h('h2', { id: 'directory-title' }, t('dir.title')),
      h('p', { class: 'hint', id: 'directory-intro' }, t('dir.intro')),
      h('div', { id: 'directory-status', class: 'status', role: 'status', 'aria-live': 'polite', hidden: true }),
      h('div', { class: 'table-wrap' }, h('table', { id: 'directory-list' })),
      h('form', { id: 'directory-form', class: 'panel', novalidate: true, onsubmit: save }));
  }
  fill($('#directory-title'), t('dir.title'));
  fill($('#directory-intro'), t('dir.intro'));
  directory = await ctx.call(BASE);
  renderList();
  renderForm();
}

function renderList() {
  const convoy = ctx.convoy();
  const taking = new Set(ctx.hosts().map((host) => host.hostId));
  const cityName = (code) => (convoy.cities.find((city) => city.id === code) || {}).name || code;
  fill($('#directory-list'),
    h('caption', { class: 'hint' }, t('dir.caption', { count: directory.length })),
    h('thead', {}, h('tr', {}, ['dir.col.organization', 'dir.col.cities', 'dir.col.contacts', 'dir.col.convoy', 'hf.actions']
      .map((key) => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, directory.map((host) => {
      const here = host.venues.filter((venue) => convoy.cities.some((city) => city.id === venue.city));
      let convoyCell;
      if (taking.has(host.hostId)) {
        convoyCell = t('dir.takesPart');
      } else if (!here.length) {
        convoyCell = h('span', { class: 'hint' }, t('dir.noVenueHere'));
      } else {
        convoyCell = here.map((venue) => h('button', { type: 'button', class: 'secondary small',
          id: `dir-join-${host.hostId}-${venue.city}`, onclick: () => takePart(host, venue.city) },
        t('dir.takePart', { city: cityName(venue.city) })));
      }
      return h('tr', {},
        h('th', { scope: 'row' }, host.organization),
        h('td', {}, host.venues.map((venue) => venue.city).join(', ')),
        h('td', {}, String(host.contacts.length)),
        h('td', {}, convoyCell),
        h('td', {}, h('button', { type: 'button', class: 'secondary small', id: 'dir-edit-' + host.hostId,
          'aria-label': t('dir.editing', { name: host.organization }),
          onclick: () => { edit(host); $('#directory-form-title').focus(); } }, t('hf.edit'))));
    })));
}

function edit(host) {
  editing = host;
  draft = host ? structuredClone({ ...host, contacts: host.contacts.map((c) => ({ ...c, phone: c.phone || '' })) }) : null;
  renderForm(false);
}

/** The form's values as they stand, so rows can be added or taken out, or the language changed, without losing them. */
function collect() {
  const form = $('#directory-form');
  if (!draft || !form.elements.namedItem('organization')) {
    return;
  }
  const read = (name) => {
    const el = form.elements.namedItem(name);
    return el ? el.value.trim() : '';
  };
  draft.hostId = editing ? editing.hostId : read('hostId');
  draft.organization = read('organization');
  draft.contacts = draft.contacts.map((contact, i) => ({ name: read(`contacts[${i}].name`),
    email: read(`contacts[${i}].email`), phone: read(`contacts[${i}].phone`), language: read(`contacts[${i}].language`) }));
  draft.venues = draft.venues.map((venue, i) => ({ city: read(`venues[${i}].city`).toUpperCase(),
    name: read(`venues[${i}].name`), address: read(`venues[${i}].address`),
    roomCapacity: Number(read(`venues[${i}].roomCapacity`) || 0) }));
  draft.sectors = checked(form, 'sectors');
  draft.axes = checked(form, 'axes');
}

function renderForm(keep = true) {
  const form = $('#directory-form');
  if (keep) {
    collect();
  }
  if (!draft) {
    draft = { hostId: '', organization: '', contacts: [{ ...EMPTY_CONTACT }], venues: [{ ...EMPTY_VENUE }], sectors: [], axes: [] };
  }
  const convoy = ctx.convoy();
  const rowButton = (id, key, vars, onclick, kind = 'secondary') =>
    h('button', { type: 'button', class: kind + ' small', id, onclick }, t(key, vars));
  fill(form,
    h('h3', { id: 'directory-form-title', tabindex: '-1' },
      editing ? t('dir.editing', { name: editing.organization }) : t('dir.new')),
    editing ? null : field({ name: 'hostId', label: 'hf.id', required: true, max: 40, value: draft.hostId }),
    field({ name: 'organization', label: 'hf.name', required: true, max: 120, value: draft.organization }),
    h('datalist', { id: 'dir-cities' }, convoy.cities.map((city) => h('option', { value: city.id }, city.name))),
    h('fieldset', { class: 'group' }, h('legend', {}, t('dir.contacts')),
      draft.contacts.map((contact, i) => h('fieldset', { class: 'companion' },
        h('legend', {}, t('dir.contact', { n: i + 1 })),
        h('div', { class: 'actions' },
          field({ name: `contacts[${i}].name`, label: 'dir.contact.name', required: true, max: 120, value: contact.name }),
          field({ name: `contacts[${i}].email`, type: 'email', label: 'dir.contact.email', required: true, max: 254,
            value: contact.email }),
          field({ name: `contacts[${i}].phone`, type: 'tel', label: 'dir.contact.phone', max: 16, value: contact.phone }),
          field({ name: `contacts[${i}].language`, type: 'select', label: 'dir.contact.language',
            options: LANGUAGES.map((code) => [code, 'lang.' + code]), value: contact.language })),
        rowButton(`dir-contact-remove-${i}`, 'dir.contact.remove', { n: i + 1 }, () => removeRow('contacts', i), 'danger'),
        linkButtons(ctx.call, editing, contact.email, $('#directory-status')))),
      rowButton('dir-contact-add', 'dir.contact.add', {}, () => addRow('contacts', EMPTY_CONTACT))),
    h('fieldset', { class: 'group' }, h('legend', {}, t('dir.venues')),
      draft.venues.map((venue, i) => h('fieldset', { class: 'companion' },
        h('legend', {}, t('dir.venue', { n: i + 1 })),
        h('div', { class: 'actions' },
          field({ name: `venues[${i}].city`, label: 'dir.venue.city', required: true, max: 40, value: venue.city }),
          field({ name: `venues[${i}].name`, label: 'hf.venue', required: true, max: 120, value: venue.name }),
          field({ name: `venues[${i}].address`, label: 'hf.address', required: true, max: 200, value: venue.address }),
          field({ name: `venues[${i}].roomCapacity`, label: 'hf.room', required: true, max: 4,
            inputmode: 'numeric', value: String(venue.roomCapacity) })),
        rowButton(`dir-venue-remove-${i}`, 'dir.venue.remove', { n: i + 1 }, () => removeRow('venues', i), 'danger'))),
      rowButton('dir-venue-add', 'dir.venue.add', {}, () => addRow('venues', EMPTY_VENUE))),
    field({ name: 'sectors', type: 'checks', label: 'con.col.sectors', value: draft.sectors,
      options: SECTORS.map((v) => [v, 'sector.' + v]) }),
    field({ name: 'axes', type: 'checks', label: 'con.col.axes', value: draft.axes,
      options: AXES.map((v) => [v, 'axis.' + v]) }),
    h('p', { class: 'error', id: 'dir-error', role: 'alert', hidden: true }),
    h('button', { type: 'submit', id: 'dir-save' }, t(editing ? 'dir.save' : 'dir.add')),
    editing ? h('button', { type: 'button', class: 'secondary', id: 'dir-new', onclick: () => edit(null) }, t('dir.new')) : null);
  $$('input', form).filter((input) => /^venues\[\d+\]\.city$/.test(input.name))
    .forEach((input) => input.setAttribute('list', 'dir-cities'));
}

function addRow(list, empty) {
  collect();
  draft[list].push({ ...empty });
  renderForm(false);
  const fields = $$(`[name^="${list}["]`, $('#directory-form'));
  (fields[fields.length - 4] || fields[0]).focus();
}

function removeRow(list, index) {
  collect();
  draft[list].splice(index, 1);
  renderForm(false);
  $(`#dir-${list === 'contacts' ? 'contact' : 'venue'}-add`).focus();
}

function body() {
  collect();
  return {
    hostId: draft.hostId,
    organization: draft.organization,
    contacts: draft.contacts.map((contact) => ({ ...contact, phone: contact.phone.replace(/[\s().-]/g, '') || null })),
    venues: draft.venues,
    sectors: draft.sectors,
    axes: draft.axes,
    // Someone else's change since this host was read is refused rather than overwritten.
    version: editing ? editing.version : undefined,
  };
}

async function save(event) {
  event.preventDefault();
  const form = $('#directory-form');
  const error = $('#dir-error');
  clearErrors(form);
  error.hidden = true;
  const changing = Boolean(editing);
  try {
    const saved = changing
      ? await ctx.call(`${BASE}/${encodeURIComponent(editing.hostId)}`, { method: 'PUT', body: body() })
      : await ctx.call(BASE, { method: 'POST', body: body() });
    editing = null;
    draft = null;
    await showDirectory();
    say($('#directory-status'), t(changing ? 'dir.saved' : 'dir.added', { name: saved.organization }), 'ok');
  } catch (e) {
    const unplaced = e instanceof ApiError ? showServerErrors(form, e.fieldErrors) : [];
    error.textContent = [describe(e), ...unplaced].join(' ');
    error.hidden = false;
    focusFirstError(form);
    if (e instanceof ApiError && e.status === 409) {
      // Another organizer changed it, or took the id: show the directory as it is now, the form as it was typed.
      directory = await ctx.call(BASE);
      renderList();
    }
  }
}

/** The host takes part in the chosen convoy with its venue in that city, receiving in the host form's hours. */
async function takePart(host, city) {
  const status = $('#directory-status');
  const availability = dailyWindows(city);
  try {
    await ctx.call(`/api/scheduling/convoys/${encodeURIComponent(ctx.convoy().id)}/hosts/${encodeURIComponent(host.hostId)}/participation`,
      { method: 'POST', body: { city, availability } });
    await ctx.changed();
    say(status, t('dir.joined', { name: host.organization }), 'ok');
  } catch (e) {
    const fields = e instanceof ApiError ? e.fieldErrors.map((f) => `${f.field}: ${f.message}`) : [];
    say(status, [describe(e), ...fields].join(' '), 'error');
  }
}
