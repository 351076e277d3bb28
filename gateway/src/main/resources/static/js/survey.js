// /survey#pass=…: after a meeting, an attendee who checked in rates it (1 to 5), says whether she would follow up and
// may leave a comment. The survey pass of her email is the credential; she may change her answer for a week.
import { initLanguage, t, lang, onLangChange } from './i18n.js';
import { $, fill, show, say } from './dom.js';
import { api, ApiError, describe } from './api.js';

initLanguage();

const MAX_COMMENT = 1000;
const match = /(?:^|[#&])pass=([^&]+)/.exec(location.hash);
const pass = match ? decodeURIComponent(match[1]) : null;
const path = pass ? '/api/scheduling/surveys/' + encodeURIComponent(pass) : null;
const status = $('#srv-status');
const form = $('#srv-form');
let survey = null;
let refusal = null;
let saved = false;

function format(iso, zone, options) {
  return new Intl.DateTimeFormat(lang() === 'es' ? 'es-MX' : 'en-US', { timeZone: zone, ...options })
    .format(new Date(iso));
}

function when(iso, zone) {
  return format(iso, zone, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit',
    hour12: false }) + ' (' + zone + ')';
}

function render() {
  fill($('#srv-comment-hint'), t('srv.comment.hint', { n: MAX_COMMENT - $('#srv-comment').value.length }));
  if (!survey) {
    return;
  }
  const m = survey.meeting;
  fill($('#srv-meeting'), t('srv.meeting', { host: m.hostName, venue: m.venue,
    when: format(m.startsAt, m.zone, { weekday: 'long', day: 'numeric', month: 'long' }) + ', '
      + format(m.startsAt, m.zone, { hour: '2-digit', minute: '2-digit', hour12: false }) + '–'
      + format(m.endsAt, m.zone, { hour: '2-digit', minute: '2-digit', hour12: false }) + ' (' + m.zone + ')' }));
  fill($('#srv-until'), t('srv.until', { when: when(survey.editableUntil, m.zone) }));
}

/** The refusal of the survey service, in the attendee's language: not over yet, closed, not there, not valid. */
function explain(error) {
  if (!(error instanceof ApiError)) {
    return describe(error);
  }
  const m = survey && survey.meeting;
  switch (error.status) {
    case 401: return t('srv.badLink');
    case 403: return t('srv.notThere');
    case 409: return m ? t('srv.notOver', { when: when(m.endsAt, m.zone) }) : describe(error);
    case 410: return survey ? t('srv.closed', { when: when(survey.editableUntil, m.zone) }) : describe(error);
    default: return describe(error);
  }
}

function sayState() {
  if (refusal) {
    say(status, explain(refusal), 'error');
  } else if (saved) {
    say(status, t('srv.saved', { n: survey.revision }), 'ok');
  } else if (survey && survey.revision) {
    say(status, t('srv.answered'), 'info');
  }
}

function fillAnswer() {
  form.querySelectorAll('input[name=rating]').forEach((input) => {
    input.checked = survey.rating != null && Number(input.value) === survey.rating;
  });
  form.querySelectorAll('input[name=followUp]').forEach((input) => {
    input.checked = survey.followUp != null && input.value === String(survey.followUp);
  });
  $('#srv-comment').value = survey.comment || '';
}

function invalid(id, on) {
  const field = $('#' + id);
  field.classList.toggle('invalid', on);
  field.querySelectorAll('input, textarea').forEach((input) => input.setAttribute('aria-invalid', String(on)));
}

async function load() {
  if (!path) {
    say(status, t('srv.badLink'), 'error');
    return;
  }
  try {
    survey = await api(path);
    fillAnswer();
    render();
    show(form);
    sayState();
  } catch (error) {
    refusal = error;
    sayState();
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const rating = form.querySelector('input[name=rating]:checked');
  const followUp = form.querySelector('input[name=followUp]:checked');
  const comment = $('#srv-comment').value;
  invalid('srv-rating-field', !rating);
  invalid('srv-followUp-field', !followUp);
  invalid('srv-comment-field', comment.length > MAX_COMMENT);
  if (!rating || !followUp || comment.length > MAX_COMMENT) {
    refusal = null;
    saved = false;
    say(status, t(!rating || !followUp ? 'srv.missing' : 'err.tooLong'), 'error');
    return;
  }
  $('#srv-submit').disabled = true;
  try {
    survey = await api(path, { method: 'PUT', body: { rating: Number(rating.value), followUp: followUp.value === 'true',
      comment: comment.trim() || null } });
    refusal = null;
    saved = true;
    render();
  } catch (error) {
    refusal = error;
    saved = false;
    for (const field of error instanceof ApiError ? error.fieldErrors : []) {
      invalid('srv-' + field.field + '-field', true);
    }
  } finally {
    $('#srv-submit').disabled = false;
  }
  sayState();
});

$('#srv-comment').addEventListener('input', render);

onLangChange(() => {
  render();
  sayState();
});

if (pass) {
  history.replaceState(null, '', location.pathname);
}
load();
