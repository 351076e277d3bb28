// Form fields with their label, hint and error tied to the input, the checks the server makes, and server field
// errors shown beside the field they name.
import { h, $, $$ } from './dom.js';
import { t } from './i18n.js';
import { fieldMessageKey } from './api.js';
import { TEXT_CHANNELS } from './vocab.js';

// The server's rules (RegistrationRequest, CompanionRequest, ProfileChangeRequest, PhoneNumbers.ACCEPTED).
export const PHONE = /^\+?[0-9 ().-]{8,24}$/;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The id an input gets for a server field path: "companions[0].email" becomes "f-companions-0-email". */
export function fieldId(path) {
  return 'f-' + path.replace(/\[(\d+)\]\.?/g, '-$1-').replace(/\./g, '-').replace(/-$/, '');
}

function errorId(path) {
  return 'e' + fieldId(path).slice(1);
}

/**
 * One field. spec: {name, type: text|email|tel|select|checks|checkbox, label, required, max, options: [[value, key]],
 * hint, autocomplete}. The name is the server's field path.
 */
export function field(spec) {
  const id = fieldId(spec.name);
  const describedBy = [spec.hint ? id + '-hint' : null, errorId(spec.name)].filter(Boolean).join(' ');
  const required = spec.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null;
  let control;
  if (spec.type === 'select') {
    control = h('select', { id, name: spec.name, required: spec.required, 'aria-describedby': describedBy,
      autocomplete: spec.autocomplete },
    spec.placeholder ? h('option', { value: '', 'data-i18n': 'field.choose' }, t('field.choose')) : null,
    spec.options.map(([value, key]) => h('option', key ? { value, 'data-i18n': key } : { value },
      key ? t(key) : value)));
    if (spec.value !== undefined) {
      control.value = spec.value;
    }
  } else if (spec.type === 'checks') {
    return h('fieldset', { class: 'field checks', id, 'aria-describedby': describedBy, dataset: { field: spec.name } },
      h('legend', {}, h('span', { 'data-i18n': spec.label }, t(spec.label)), required),
      spec.hint ? h('p', { class: 'hint', id: id + '-hint', 'data-i18n': spec.hint }, t(spec.hint)) : null,
      h('div', { class: 'options' }, spec.options.map(([value, key]) => h('label', { class: 'check' },
        h('input', { type: 'checkbox', name: spec.name, value, checked: (spec.value || []).includes(value) }),
        h('span', { 'data-i18n': key }, t(key))))),
      h('p', { class: 'error', id: errorId(spec.name), hidden: true }));
  } else if (spec.type === 'checkbox') {
    return h('div', { class: 'field single-check' },
      h('label', { class: 'check' },
        h('input', { type: 'checkbox', id, name: spec.name, required: spec.required, checked: spec.value === true,
          'aria-describedby': describedBy }),
        h('span', { 'data-i18n': spec.label }, t(spec.label))),
      h('p', { class: 'error', id: errorId(spec.name), hidden: true }));
  } else {
    control = h('input', { id, name: spec.name, type: spec.type || 'text', required: spec.required,
      maxlength: spec.max, autocomplete: spec.autocomplete, inputmode: spec.inputmode,
      'aria-describedby': describedBy, value: spec.value ?? '' });
  }
  return h('div', { class: 'field' },
    h('label', { for: id }, h('span', { 'data-i18n': spec.label }, t(spec.label)), required),
    spec.hint ? h('p', { class: 'hint', id: id + '-hint', 'data-i18n': spec.hint }, t(spec.hint)) : null,
    control,
    h('p', { class: 'error', id: errorId(spec.name), hidden: true }));
}

/** The values of a checkbox group. */
export function checked(form, name) {
  return $$(`input[type=checkbox][name="${name}"]`, form).filter((box) => box.checked).map((box) => box.value);
}

export function value(form, name) {
  const el = form.elements.namedItem(name);
  return el ? el.value.trim() : '';
}

/** Marks a field as wrong. message is a dictionary key, or {text} for a message we have no translation of. */
export function setError(form, path, message) {
  const error = $('#' + cssEscape(errorId(path)), form);
  if (!error) {
    return false;
  }
  if (typeof message === 'string') {
    error.dataset.i18n = message;
    error.textContent = t(message);
    error.removeAttribute('lang');
  } else {
    delete error.dataset.i18n;
    error.textContent = t('err.serverField') + ' ' + message.text;
    error.lang = 'en';
  }
  error.hidden = false;
  const control = $('#' + cssEscape(fieldId(path)), form);
  if (control) {
    control.setAttribute('aria-invalid', 'true');
    control.closest('.field')?.classList.add('invalid');
  }
  return true;
}

export function clearErrors(form) {
  $$('.error', form).forEach((error) => { error.hidden = true; error.textContent = ''; delete error.dataset.i18n; });
  $$('[aria-invalid]', form).forEach((el) => el.removeAttribute('aria-invalid'));
  $$('.invalid', form).forEach((el) => el.classList.remove('invalid'));
}

/** Puts the server's field errors beside their fields; returns those that have no field on the form. */
export function showServerErrors(form, errors) {
  const unplaced = [];
  for (const { field: path, message } of errors) {
    const key = fieldMessageKey(message);
    if (!setError(form, path, key || { text: message })) {
      unplaced.push(path + ': ' + (key ? t(key) : message));
    }
  }
  return unplaced;
}

/** Moves focus to the first field marked wrong. */
export function focusFirstError(form) {
  const first = $('[aria-invalid="true"]', form) || $('.field.invalid input', form);
  if (first) {
    first.focus();
  }
}

/** Checks one person's text fields as the server would; returns the number of problems. */
export function checkPerson(form, prefix, { needsEmail = true, needsOrganization = false } = {}) {
  let problems = 0;
  const wrong = (name, key) => { problems += 1; setError(form, prefix + name, key); };
  for (const name of ['givenName', 'familyName']) {
    const text = value(form, prefix + name);
    if (!text) wrong(name, 'err.required');
    else if (text.length > 100) wrong(name, 'err.tooLong');
  }
  if (needsEmail) {
    const email = value(form, prefix + 'email');
    if (!email) wrong('email', 'err.required');
    else if (!EMAIL.test(email) || email.length > 254) wrong('email', 'err.email');
  }
  const phone = value(form, prefix + 'phone');
  const channels = checked(form, prefix + 'channels');
  if (phone && !PHONE.test(phone)) wrong('phone', 'err.phone');
  else if (!phone && channels.some((channel) => TEXT_CHANNELS.includes(channel))) wrong('phone', 'err.phoneForTexts');
  if (channels.length === 0) wrong('channels', 'err.channels');
  if (needsOrganization && !value(form, prefix + 'organization')) wrong('organization', 'err.required');
  return problems;
}

function cssEscape(id) {
  return window.CSS && CSS.escape ? CSS.escape(id) : id;
}
