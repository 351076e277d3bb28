// The console's host editor: add a host to the chosen convoy, change one, or take one out (refused while it still
// has planned or confirmed meetings). Availability is written as one daily window, on every convoy day on which
// the convoy is in the host's city, at the city's local time.
import { t } from './i18n.js';
import { h, $, $$, fill, say } from './dom.js';
import { ApiError, describe } from './api.js';
import { SECTORS, AXES } from './vocab.js';
import { zoned } from './zones.js';

let ctx = null;
let editing = null;

/**
 * @param context.call    an organizer call
 * @param context.convoy  the chosen convoy as scheduling shows it
 * @param context.changed reads the hosts again and shows them
 */
export function setupHostEditor(context) {
  ctx = context;
}

export function buildHostForm(host = null) {
  editing = host;
  const convoy = ctx.convoy();
  const form = $('#host-form');
  const field = (id, label, control) => h('div', { class: 'field' }, h('label', { for: id }, label), control);
  const first = host && host.availability && host.availability[0];
  const time = (iso, fallback) => (iso ? new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    timeZone: convoy.zone }).format(new Date(iso)) : fallback);
  fill(form,
    h('h2', { id: 'host-form-title', tabindex: '-1' }, host ? t('hf.editing', { name: host.name }) : t('hf.new')),
    field('hf-id', t('hf.id'), h('input', { id: 'hf-id', type: 'text', maxlength: 40, value: host ? host.hostId : '',
      disabled: Boolean(host), placeholder: 'port-of-houston' })),
    field('hf-name', t('hf.name'), h('input', { id: 'hf-name', type: 'text', maxlength: 120, value: host ? host.name : '' })),
    field('hf-venue', t('hf.venue'), h('input', { id: 'hf-venue', type: 'text', maxlength: 120, value: host ? host.venue.name : '' })),
    field('hf-address', t('hf.address'), h('input', { id: 'hf-address', type: 'text', maxlength: 200, value: host ? host.venue.address : '' })),
    field('hf-city', t('hf.city'), h('select', { id: 'hf-city' }, convoy.cities.map((city) =>
      h('option', { value: city.id, selected: host && host.venue.city === city.id }, city.name)))),
    field('hf-room', t('hf.room'), h('input', { id: 'hf-room', type: 'number', min: 1, max: 1000, value: host ? host.venue.roomCapacity : 20 })),
    h('fieldset', { class: 'field' }, h('legend', {}, t('con.col.sectors')), h('div', { class: 'cohort' }, SECTORS.map((v) =>
      h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'hf-sector', value: v, id: 'hf-sector-' + v,
        checked: Boolean(host && host.sectors.includes(v)) }), h('span', {}, t('sector.' + v)))))),
    h('fieldset', { class: 'field' }, h('legend', {}, t('con.col.axes')), h('div', { class: 'cohort' }, AXES.map((v) =>
      h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'hf-axis', value: v, id: 'hf-axis-' + v,
        checked: Boolean(host && host.axes.includes(v)) }), h('span', {}, t('axis.' + v)))))),
    h('div', { class: 'row' },
      field('hf-from', t('hf.from'), h('input', { id: 'hf-from', type: 'time', value: time(first && first.startsAt, '09:00') })),
      field('hf-to', t('hf.to'), h('input', { id: 'hf-to', type: 'time', value: time(first && first.endsAt, '18:00') }))),
    h('p', { class: 'hint' }, t('hf.availabilityHint')),
    h('p', { class: 'error', id: 'hf-error', role: 'alert', hidden: true }),
    h('button', { type: 'submit', id: 'hf-save' }, t(host ? 'hf.save' : 'hf.add')),
    host ? h('button', { type: 'button', class: 'secondary', id: 'hf-new', onclick: () => buildHostForm(null) }, t('hf.new')) : null);
}

/**
 * The hours of the form's from/to fields on every day the chosen convoy is in a city, in that city's zone: what a
 * host there receives delegations in. The directory's "take part" uses them too.
 */
export function dailyWindows(city) {
  const convoy = ctx.convoy();
  const from = $('#hf-from').value;
  const to = $('#hf-to').value;
  const zone = (convoy.cities.find((c) => c.id === city) || {}).zone || convoy.zone;
  return from && to ? convoy.days.filter((day) => day.cities.includes(city))
    .map((day) => ({ startsAt: zoned(day.date, from, zone), endsAt: zoned(day.date, to, zone) })) : [];
}

function body() {
  const city = $('#hf-city').value;
  const availability = dailyWindows(city);
  return {
    hostId: editing ? editing.hostId : $('#hf-id').value.trim(),
    name: $('#hf-name').value.trim(),
    venue: { name: $('#hf-venue').value.trim(), address: $('#hf-address').value.trim(), city,
      roomCapacity: Number($('#hf-room').value || 0) },
    sectors: $$('input[name=hf-sector]').filter((box) => box.checked).map((box) => box.value),
    axes: $$('input[name=hf-axis]').filter((box) => box.checked).map((box) => box.value),
    availability,
  };
}

export async function saveHost(event) {
  event.preventDefault();
  const error = $('#hf-error');
  error.hidden = true;
  const convoyId = encodeURIComponent(ctx.convoy().id);
  try {
    const saved = editing
      ? await ctx.call(`/api/scheduling/convoys/${convoyId}/hosts/${encodeURIComponent(editing.hostId)}`, { method: 'PUT', body: body() })
      : await ctx.call(`/api/scheduling/convoys/${convoyId}/hosts`, { method: 'POST', body: body() });
    say($('#hosts-status'), t(editing ? 'hf.saved' : 'hf.added', { name: saved.name }), 'ok');
    await ctx.changed();
    buildHostForm(null);
  } catch (e) {
    const fields = e instanceof ApiError ? e.fieldErrors.map((f) => `${f.field}: ${f.message}`) : [];
    error.textContent = [describe(e), ...fields].join(' ');
    error.hidden = false;
  }
}

/** Takes a host out; the first click only asks to click again, so a slip removes nothing. */
export async function removeHost(host, button) {
  if (!button.dataset.armed) {
    button.dataset.armed = 'yes';
    button.textContent = t('hf.confirmRemove', { name: host.name });
    return;
  }
  try {
    await ctx.call(`/api/scheduling/convoys/${encodeURIComponent(ctx.convoy().id)}/hosts/${encodeURIComponent(host.hostId)}`,
      { method: 'DELETE' });
    say($('#hosts-status'), t('hf.removed', { name: host.name }), 'ok');
    await ctx.changed();
  } catch (e) {
    say($('#hosts-status'), describe(e), 'error');
  }
}
