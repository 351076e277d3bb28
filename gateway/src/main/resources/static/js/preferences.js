// /preferences#token=…: a delegate chooses whether routine notices reach them by email and by SMS. What they must
// know (their link, decisions on their registration, their meetings) arrives regardless.
import { initLanguage, t } from './i18n.js';
import { $, show, say } from './dom.js';
import { api, ApiError, describe } from './api.js';

initLanguage();

const match = /(?:^|[#&])token=([^&]+)/.exec(location.hash);
const token = match ? decodeURIComponent(match[1]) : null;
if (token) {
  history.replaceState(null, '', location.pathname);
}
const path = token ? '/api/notifications/preferences/' + encodeURIComponent(token) : null;
const status = $('#pref-status');

async function load() {
  if (!path) {
    say(status, t('pref.badLink'), 'error');
    return;
  }
  try {
    const preferences = await api(path);
    $('#routine-email').checked = preferences.routineEmail;
    $('#routine-sms').checked = preferences.routineSms;
    show($('#pref-form'));
  } catch (error) {
    say(status, error instanceof ApiError && error.status === 404 ? t('pref.badLink') : describe(error), 'error');
  }
}

$('#pref-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await api(path, { method: 'PUT', body: { routineEmail: $('#routine-email').checked, routineSms: $('#routine-sms').checked } });
    say(status, t('pref.saved'), 'ok');
  } catch (error) {
    say(status, describe(error), 'error');
  }
});

load();
