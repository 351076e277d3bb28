// The console's Accounts tab: an organizer changes her own password; an administrator sees every account, disables
// and enables organizers, limits them to some convoys and removes them, and creates new ones.
import { t, lang } from './i18n.js';
import { h, $, fill, say } from './dom.js';
import { api, ApiError, describe } from './api.js';

const CONVOY_ID = /^[a-z0-9][a-z0-9-]{2,59}$/;
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;

let context = null;

/**
 * Draws the tab. context: call(path, options) for organizer calls, session ({user, roles, token, …}),
 * saveSession(next) to keep a renewed session.
 */
export async function showAccounts(next) {
  context = next;
  const admin = (context.session.roles || []).includes('ADMIN');
  fill($('#panel-accounts'),
    h('div', { id: 'accounts-status', class: 'status', role: 'status', 'aria-live': 'polite', hidden: true }),
    passwordForm(),
    admin ? h('section', { 'aria-labelledby': 'accounts-title' },
      h('h2', { id: 'accounts-title' }, t('acc.list.title')),
      h('p', { class: 'hint' }, t('acc.list.hint')),
      h('div', { class: 'table-wrap' }, h('table', { id: 'accounts' })),
      createForm()) : null);
  if (admin) {
    await loadAccounts();
  }
}

// ---------------------------------------------------------------- her own password

function passwordForm() {
  const field = (id, key, autocomplete) => h('div', { class: 'field' },
    h('label', { for: id }, t(key)),
    h('input', { id, type: 'password', autocomplete, required: true, maxlength: 72 }));
  return h('section', { class: 'panel', 'aria-labelledby': 'password-title' },
    h('h2', { id: 'password-title' }, t('acc.password.title')),
    h('p', { class: 'hint' }, t('acc.password.hint')),
    h('form', { id: 'password-form', novalidate: true, onsubmit: changePassword },
      field('current-password', 'acc.password.current', 'current-password'),
      field('new-password', 'acc.password.new', 'new-password'),
      field('repeat-password', 'acc.password.repeat', 'new-password'),
      h('div', { id: 'password-error', class: 'status status-error', role: 'alert', hidden: true }),
      h('button', { type: 'submit', id: 'change-password' }, t('acc.password.submit'))));
}

async function changePassword(event) {
  event.preventDefault();
  const error = $('#password-error');
  say(error, '');
  const currentPassword = $('#current-password').value;
  const newPassword = $('#new-password').value;
  const problem = !currentPassword || !newPassword ? t('err.required')
    : newPassword.length < 12 || newPassword.length > 72 || newPassword === currentPassword ? t('acc.password.rules')
      : newPassword !== $('#repeat-password').value ? t('acc.password.mismatch') : null;
  if (problem) {
    say(error, problem, 'error');
    return;
  }
  try {
    await context.call('/api/auth/password', { method: 'PUT', body: { currentPassword, newPassword } });
  } catch (e) {
    const field = e instanceof ApiError ? (e.fieldErrors[0] || {}).field : null;
    say(error, field === 'currentPassword' ? t('acc.password.wrongCurrent')
      : field === 'newPassword' ? t('acc.password.rules') : describe(e), 'error');
    return;
  }
  ['#current-password', '#new-password', '#repeat-password'].forEach((id) => { $(id).value = ''; });
  // Every token she held has ended, this one too: she is logged in again with the new password.
  try {
    const answer = await api('/api/auth/login', { method: 'POST',
      body: { username: context.session.user, password: newPassword } });
    context.saveSession({ ...context.session, token: answer.accessToken, roles: answer.roles || [],
      expiresAt: Date.now() + (answer.expiresIn || 900) * 1000 });
    say($('#accounts-status'), t('acc.password.changed'), 'ok');
  } catch (e) {
    say($('#accounts-status'), t('acc.password.loginAgain'), 'info');
  }
}

// ---------------------------------------------------------------- accounts (administrators)

async function loadAccounts() {
  const accounts = await context.call('/api/auth/users');
  const when = (iso) => (iso ? new Date(iso).toLocaleDateString(lang() === 'es' ? 'es-MX' : 'en-US', { dateStyle: 'medium' }) : '');
  fill($('#accounts'),
    h('thead', {}, h('tr', {}, ['acc.col.user', 'acc.col.roles', 'acc.col.state', 'acc.col.convoys', 'acc.col.created', 'acc.col.actions']
      .map((key) => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, accounts.map((account) => accountRow(account, when))));
}

function accountRow(account, when) {
  const self = account.username === context.session.user;
  const admin = (account.roles || []).includes('ADMIN');
  const actions = h('td', {});
  const row = h('tr', { dataset: { username: account.username } },
    h('th', { scope: 'row' }, account.username, self ? h('span', { class: 'hint' }, ' ' + t('acc.you')) : null),
    h('td', {}, (account.roles || []).map((role) => t('acc.role.' + role)).join(', ')),
    h('td', {}, h('span', { class: 'badge ' + (account.enabled ? 'badge-ENABLED' : 'badge-DISABLED') },
      account.enabled ? t('acc.enabled') : t('acc.disabled'))),
    h('td', {}, admin ? t('acc.convoys.every') : convoysForm(account)),
    h('td', {}, when(account.createdAt)),
    actions);
  if (!self) {
    fill(actions,
      h('button', { type: 'button', class: 'secondary small',
        'aria-label': account.enabled ? t('acc.disableUser', { user: account.username }) : t('acc.enableUser', { user: account.username }),
        onclick: () => change(account, { enabled: !account.enabled, convoys: account.convoys || [] },
          account.enabled ? t('acc.disabledDone', { user: account.username }) : t('acc.enabledDone', { user: account.username })) },
      account.enabled ? t('acc.disable') : t('acc.enable')),
      h('button', { type: 'button', class: 'danger small', 'aria-label': t('acc.removeUser', { user: account.username }),
        onclick: () => confirmRemoval(account, actions) }, t('acc.remove')));
  }
  return row;
}

function convoysForm(account) {
  const id = 'convoys-' + account.username;
  return h('form', { class: 'inline-form', novalidate: true, onsubmit: (event) => {
    event.preventDefault();
    const convoys = $('#' + CSS.escape(id)).value.split(/[\s,]+/).map((v) => v.trim().toLowerCase()).filter(Boolean);
    const wrong = convoys.find((convoy) => !CONVOY_ID.test(convoy));
    if (wrong) {
      say($('#accounts-status'), t('acc.convoys.invalid', { convoy: wrong }), 'error');
      $('#' + CSS.escape(id)).focus();
      return;
    }
    change(account, { enabled: account.enabled, convoys }, convoys.length
      ? t('acc.convoys.saved', { user: account.username, convoys: convoys.join(', ') })
      : t('acc.convoys.savedEvery', { user: account.username }));
  } },
  h('div', {}, h('label', { for: id, class: 'visually-hidden' }, t('acc.convoys.label', { user: account.username })),
    h('input', { id, type: 'text', class: 'convoys', value: (account.convoys || []).join(', '), placeholder: t('acc.convoys.every'), maxlength: 2000 })),
  h('button', { type: 'submit', class: 'secondary small' }, t('acc.convoys.save')));
}

async function change(account, body, done) {
  const status = $('#accounts-status');
  try {
    await context.call('/api/auth/users/' + encodeURIComponent(account.username), { method: 'PUT', body });
    say(status, done, 'ok');
  } catch (error) {
    say(status, refusal(error), 'error');
  }
  await reload();
}

function confirmRemoval(account, cell) {
  const keep = h('button', { type: 'button', class: 'secondary small', onclick: () => reload() }, t('acc.remove.keep'));
  fill(cell, h('div', { class: 'confirm', role: 'alert' },
    h('p', {}, t('acc.remove.confirm', { user: account.username })),
    h('button', { type: 'button', class: 'danger small', onclick: async () => {
      try {
        await context.call('/api/auth/users/' + encodeURIComponent(account.username), { method: 'DELETE' });
        say($('#accounts-status'), t('acc.removed', { user: account.username }), 'ok');
      } catch (error) {
        say($('#accounts-status'), refusal(error), 'error');
      }
      await reload();
    } }, t('acc.remove.yes')),
    keep));
  keep.focus();
}

// ---------------------------------------------------------------- new organizers (administrators)

function createForm() {
  return h('section', { class: 'panel', 'aria-labelledby': 'create-title' },
    h('h2', { id: 'create-title' }, t('acc.create.title')),
    h('form', { id: 'create-form', novalidate: true, onsubmit: createOrganizer },
      h('div', { class: 'field' }, h('label', { for: 'new-username' }, t('con.username')),
        h('p', { class: 'hint', id: 'new-username-hint' }, t('acc.create.usernameRule')),
        h('input', { id: 'new-username', type: 'text', autocomplete: 'off', required: true, maxlength: 40, 'aria-describedby': 'new-username-hint' })),
      h('div', { class: 'field' }, h('label', { for: 'new-user-password' }, t('con.password')),
        h('p', { class: 'hint', id: 'new-user-password-hint' }, t('acc.create.passwordRule')),
        h('input', { id: 'new-user-password', type: 'password', autocomplete: 'new-password', required: true, maxlength: 72, 'aria-describedby': 'new-user-password-hint' })),
      h('div', { id: 'create-error', class: 'status status-error', role: 'alert', hidden: true }),
      h('button', { type: 'submit', id: 'create-user' }, t('acc.create.submit'))));
}

async function createOrganizer(event) {
  event.preventDefault();
  const error = $('#create-error');
  say(error, '');
  const username = $('#new-username').value.trim().toLowerCase();
  const password = $('#new-user-password').value;
  const problem = !USERNAME.test(username) ? t('acc.create.usernameRule')
    : password.length < 12 || password.length > 72 ? t('acc.create.passwordRule') : null;
  if (problem) {
    say(error, problem, 'error');
    return;
  }
  try {
    await context.call('/api/auth/users', { method: 'POST', body: { username, password } });
  } catch (e) {
    const field = e instanceof ApiError ? (e.fieldErrors[0] || {}).field : null;
    say(error, e instanceof ApiError && e.status === 409 ? t('acc.create.taken')
      : field === 'username' ? t('acc.create.usernameRule')
        : field === 'password' ? t('acc.create.passwordRule') : describe(e), 'error');
    return;
  }
  $('#new-username').value = '';
  $('#new-user-password').value = '';
  say($('#accounts-status'), t('acc.created', { user: username }), 'ok');
  await reload();
}

async function reload() {
  try {
    await loadAccounts();
  } catch (error) {
    say($('#accounts-status'), describe(error), 'error');
  }
}

/** A refusal of an account change, in the administrator's language. */
function refusal(error) {
  if (!(error instanceof ApiError)) {
    return describe(error);
  }
  const title = error.problem.title;
  if (error.status === 409) {
    return title === 'Not your own account' ? t('acc.conflict.self')
      : title === 'Last administrator' ? t('acc.conflict.last') : t('acc.conflict.adminScope');
  }
  if (error.status === 404) {
    return t('acc.gone');
  }
  if (error.fieldErrors.some((f) => String(f.field).startsWith('convoys'))) {
    return t('acc.convoys.rule');
  }
  return describe(error);
}
