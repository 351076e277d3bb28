// /checkin?convoy=…&meeting=…: the venue's desk checks attendees in by scanning the QR code of their pass (with the
// camera, where the browser can read QR codes) or by typing its short code, and sees who arrived. Organizers use their
// console session (this tab's). A host's desk (…&desk=host, linked from the host page) uses the host contact's session
// of this tab: it checks in visitors of its own organization's meetings and says who arrived; the attendance list and
// the no-shows stay with the organizers.
import { initLanguage, t, lang, onLangChange } from './i18n.js';
import { h, $, fill, show, say } from './dom.js';
import { api, ApiError, describe } from './api.js';
import { excuseControl, renderNoShows } from './attendance.js';

initLanguage();

const params = new URLSearchParams(location.search);
const convoyId = params.get('convoy');
const meetingId = params.get('meeting');
const hostDesk = params.get('desk') === 'host';
const status = $('#chk-status');
const base = `/api/scheduling/convoys/${encodeURIComponent(convoyId || '')}/meetings/${encodeURIComponent(meetingId || '')}`;
let attendance = null;
let noShows = null;
let lastArrival = null;
let visit = null;

function session() {
  try {
    const saved = JSON.parse(sessionStorage.getItem('convoy.session') || 'null');
    return saved && saved.expiresAt > Date.now() ? saved : null;
  } catch (e) {
    return null;
  }
}

function hostSession() {
  return sessionStorage.getItem('convoy.host.session');
}

async function call(path, options = {}) {
  if (hostDesk) {
    const current = hostSession();
    if (!current) {
      throw new ApiError(401, { title: t('chk.hostLink') });
    }
    return api(path, { ...options, headers: { 'X-Host-Token': current } });
  }
  const current = session();
  if (!current) {
    throw new ApiError(401, { title: t('chk.login') });
  }
  return api(path, { ...options, token: current.token });
}

function time(iso, zone) {
  return new Intl.DateTimeFormat(lang() === 'es' ? 'es-MX' : 'en-US', { timeZone: zone, hour: '2-digit', minute: '2-digit',
    hour12: false }).format(new Date(iso));
}

function day(iso, zone) {
  return new Intl.DateTimeFormat(lang() === 'es' ? 'es-MX' : 'en-US', { timeZone: zone, weekday: 'long', day: 'numeric',
    month: 'long' }).format(new Date(iso));
}

function describeMeeting(m) {
  fill($('#chk-meeting'), `${m.hostName}${m.title ? ' — ' + m.title : ''} · ${day(m.startsAt, m.zone)}, `
    + `${time(m.startsAt, m.zone)}–${time(m.endsAt, m.zone)} (${m.zone})`);
}

function renderMeeting() {
  if (hostDesk && visit) {
    describeMeeting(visit);
  }
  if (!attendance) {
    return;
  }
  const m = attendance.meeting;
  describeMeeting(m);
  fill($('#chk-counts'), t('chk.counts', { arrived: attendance.arrived, expected: attendance.expected + attendance.noShows,
    excused: attendance.excused }));
  fill($('#chk-list'), attendance.attendees.map((a) => h('li', { class: 'attendee ' + a.presence, dataset: { delegateId: a.delegateId } },
    h('span', { class: 'badge badge-' + a.presence }, t('chk.presence.' + a.presence)), ' ',
    h('strong', {}, a.name || t('chk.erased')), a.municipality ? ' · ' + a.municipality : '',
    a.checkedInAt ? ' · ' + time(a.checkedInAt, m.zone) : '', a.excuse ? ' · ' + a.excuse : '',
    a.presence === 'EXPECTED' || a.presence === 'NO_SHOW' ? [' ', excuseControl(a, (reason) => excuse(a, reason))] : null)));
  show($('#chk-list-box'));
  if (noShows) {
    renderNoShows($('#chk-no-shows'), noShows, (s) => `${s.hostName} · ${day(s.startsAt, s.zone)}, ${time(s.startsAt, s.zone)}`);
  }
}

async function loadAttendance() {
  if (hostDesk) {
    const page = await call('/api/scheduling/host-page');
    const found = page.visits.find((v) => v.convoyId === convoyId && v.meetingId === meetingId);
    visit = found ? { ...found, hostName: page.organization } : null;
    renderMeeting();
    return;
  }
  attendance = await call(base + '/attendance');
  noShows = await call(`/api/scheduling/convoys/${encodeURIComponent(convoyId)}/no-shows`);
  renderMeeting();
}

async function excuse(attendee, reason) {
  try {
    attendance = await call(`${base}/attendance/${encodeURIComponent(attendee.delegateId)}/excuse`,
      { method: 'POST', body: { reason } });
    say(status, t('att.excused', { who: attendee.name || t('chk.erased') }), 'ok');
    await loadAttendance();
  } catch (error) {
    say(status, describe(error), 'error');
  }
}

function sayArrival() {
  if (!lastArrival) {
    return;
  }
  const a = lastArrival;
  const who = [a.name || t('chk.erased'), a.municipality].filter(Boolean).join(', ');
  say(status, t(a.alreadyCheckedIn ? 'chk.again' : 'chk.done', { who, time: time(a.checkedInAt, a.meeting.zone),
    zone: a.meeting.zone }), 'ok');
}

async function checkIn(body) {
  try {
    const path = hostDesk ? `/api/scheduling/host-page/convoys/${encodeURIComponent(convoyId)}/meetings/`
      + `${encodeURIComponent(meetingId)}/check-ins` : base + '/check-ins';
    lastArrival = await call(path, { method: 'POST', body });
    sayArrival();
    $('#chk-code').value = '';
    await loadAttendance();
  } catch (error) {
    lastArrival = null;
    const field = error instanceof ApiError ? error.fieldErrors[0] : null;
    say(status, field ? t(field.field === 'code' ? 'chk.badCode' : 'chk.badToken') : describe(error), 'error');
  }
  $('#chk-code').focus();
}

$('#chk-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const code = $('#chk-code').value.trim();
  if (!code) {
    say(status, t('err.required') + ' — ' + t('chk.code'), 'error');
    $('#chk-code').focus();
    return;
  }
  checkIn({ code });
});

// Camera scanning where the browser reads QR codes itself; the typed code works everywhere.
async function scan() {
  const video = $('#chk-video');
  try {
    const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    show(video);
    await video.play();
    let seen = null;
    const look = async () => {
      if (!video.srcObject) {
        return;
      }
      const codes = await detector.detect(video).catch(() => []);
      const token = codes.length ? codes[0].rawValue : null;
      if (token && token !== seen) {
        seen = token;
        await checkIn({ token });
      }
      requestAnimationFrame(look);
    };
    look();
  } catch (error) {
    say(status, t('chk.noCamera'), 'error');
  }
}

async function start() {
  if (!convoyId || !meetingId) {
    say(status, t('chk.noMeeting'), 'error');
    return;
  }
  if (hostDesk ? !hostSession() : !session()) {
    say(status, t(hostDesk ? 'chk.hostLink' : 'chk.login'), 'error');
    return;
  }
  try {
    await loadAttendance();
    show($('#chk-desk'));
    if ('BarcodeDetector' in window && navigator.mediaDevices) {
      show($('#chk-camera'));
      $('#chk-camera').addEventListener('click', scan, { once: true });
    }
    $('#chk-code').focus();
  } catch (error) {
    say(status, describe(error), 'error');
  }
}

onLangChange(() => {
  renderMeeting();
  sayArrival();
});

start();
