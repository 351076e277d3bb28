// The console's Report tab: a convoy's report for its municipalities and sponsors. Scheduling tells of delegates,
// meetings and what happened at them; notification of the notices sent. Every table downloads as CSV; the ones a
// person would rather look at also get a chart, drawn by Chart.js, which the gateway serves from its WebJar.
import { t, lang, onLangChange } from './i18n.js';
import { h, $, fill, say } from './dom.js';
import { describe } from './api.js';
import { stateName } from './vocab.js';

const CHART_JS = '/webjars/chart.js/4.4.1/dist/chart.umd.js';

/** The report's sections, each from one service, with its tables in the order shown. */
const SECTIONS = [
  { key: 'delegates', source: 'scheduling',
    tables: ['summary', 'delegatesByStatus', 'delegatesByRole', 'delegatesByState', 'delegatesBySector'] },
  { key: 'meetings', source: 'scheduling', tables: ['meetingsByHost', 'meetingsBySector', 'meetingsByAxis'] },
  { key: 'outcomes', source: 'scheduling', tables: ['attendanceByHost', 'surveyByHost', 'attendance'] },
  { key: 'notices', source: 'notification', tables: ['noticesByChannel', 'noticesByStatus', 'noticesByKind'] },
];

/** The tables drawn as a chart: which column labels the bars or slices, and which columns give their sizes. */
const CHARTS = {
  delegatesByStatus: { type: 'doughnut', label: 'status', values: ['delegates'] },
  delegatesByState: { type: 'bar', label: 'state', values: ['delegates', 'approved'], horizontal: true },
  meetingsBySector: { type: 'bar', label: 'sector', values: ['meetings', 'attendees'] },
  meetingsByAxis: { type: 'doughnut', label: 'axis', values: ['meetings'] },
  attendanceByHost: { type: 'bar', label: 'host', values: ['attendance_rate', 'no_show_rate'], percent: true },
  surveyByHost: { type: 'bar', label: 'host', values: ['average_score'], max: 5 },
  noticesByChannel: { type: 'bar', label: 'channel', values: ['sent', 'waiting', 'failed', 'dead', 'skipped'],
    stacked: true },
};

/** Colours that keep 3:1 against white and apart from each other. */
const COLOURS = ['#0b5d3b', '#1f5fa8', '#b35c00', '#a4161a', '#6b4c9a', '#00707a', '#7a6300', '#4a4a4a'];

/** How a cell of each column reads. */
const CELLS = {
  status: (value, table) => t((table === 'noticesByStatus' ? 'notice.status.' : 'status.') + value),
  role: (value) => t('role.' + value),
  state: (value) => stateName(value),
  sector: (value) => t('sector.' + value),
  axis: (value) => t('axis.' + value),
  channel: (value) => t('channel.' + value),
  measure: (value) => t('rep.measure.' + value),
};

let context = null;
let shown = null;
let charts = [];
let chartLibrary = null;

/**
 * Draws the tab for a convoy. next: call(path, options) for organizer calls and convoyId, the convoy shown.
 */
export async function showReport(next) {
  context = next;
  const panel = $('#panel-report');
  fill(panel, h('p', { class: 'hint' }, t('rep.loading')));
  const id = encodeURIComponent(context.convoyId);
  const [scheduling, notification] = await Promise.all([
    read(`/api/scheduling/convoys/${id}/report`),
    read(`/api/notifications/report?convoyId=${id}`),
  ]);
  shown = { convoyId: context.convoyId, reports: { scheduling, notification } };
  await draw();
}

async function read(path) {
  try {
    return { path, report: await context.call(path) };
  } catch (error) {
    return { path, error };
  }
}

onLangChange(() => {
  if (shown && !$('#panel-report').hidden) {
    draw();
  }
});

async function draw() {
  charts.forEach((chart) => chart.destroy());
  charts = [];
  const panel = $('#panel-report');
  const Chart = await library();
  const pending = [];
  fill(panel,
    h('div', { id: 'report-status', class: 'status', role: 'status', 'aria-live': 'polite', hidden: true }),
    h('p', { class: 'hint' }, t('rep.intro')),
    SECTIONS.map((section) => {
      const { report, error, path } = shown.reports[section.source];
      return h('section', { class: 'report-section', 'aria-labelledby': 'rep-' + section.key },
        h('h2', { id: 'rep-' + section.key }, t('rep.section.' + section.key)),
        error ? h('p', { class: 'status status-error' }, describe(error))
          : section.tables.map((name) => report.tables.find((table) => table.name === name))
            .filter(Boolean).map((table) => tableBlock(table, path, Chart, pending)));
    }));
  if (!Chart) {
    say($('#report-status'), t('rep.noCharts'), 'info');
  }
  // Charts measure their boxes, so they are drawn once the boxes are in the page.
  pending.forEach((drawChart) => drawChart());
}

async function library() {
  if (!chartLibrary) {
    chartLibrary = import(CHART_JS).then(() => globalThis.Chart).catch(() => null);
  }
  return chartLibrary;
}

function tableBlock(table, path, Chart, pending) {
  const title = t('rep.table.' + table.name);
  const spec = CHARTS[table.name];
  const drawn = Chart && spec && hasValues(table, spec);
  let canvas = null;
  if (drawn) {
    canvas = h('canvas', { id: 'chart-' + table.name, role: 'img', 'aria-label': t('rep.chartOf', { table: title }) });
    pending.push(() => charts.push(new Chart(canvas, chartConfig(table, spec))));
  }
  return h('article', { class: 'report-table', id: 'report-' + table.name },
    h('div', { class: 'report-head' },
      h('h3', {}, title),
      h('button', { type: 'button', class: 'secondary csv', 'aria-label': t('rep.csvOf', { table: title }),
        dataset: { csv: csvPath(path, table.name) }, onclick: (event) => download(event.currentTarget, table.name) },
      t('rep.csv'))),
    table.note ? h('p', { class: 'status status-info' }, t('rep.note.' + table.note)) : null,
    drawn ? h('div', { class: 'chart-box' + (spec.horizontal ? ' tall' : '') }, canvas) : null,
    table.rows.length === 0 ? h('p', { class: 'hint' }, t('con.empty')) : h('div', { class: 'table-wrap' },
      h('table', {},
        h('thead', {}, h('tr', {}, table.columns.map((column) => h('th', { scope: 'col' }, t('rep.col.' + column))))),
        h('tbody', {}, table.rows.map((row) => h('tr', {}, row.map((cell, i) => h('td', {},
          cellText(table, table.columns[i], cell, row)))))))));
}

function csvPath(path, table) {
  return `${path}${path.includes('?') ? '&' : '?'}format=csv&table=${encodeURIComponent(table)}`;
}

function cellText(table, column, value, row = []) {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  if (CELLS[column]) {
    return CELLS[column](value, table.name);
  }
  if (column.endsWith('_rate') || (table.name === 'summary' && String(row[0]).endsWith('_rate'))) {
    return percent(value);
  }
  return typeof value === 'number' ? new Intl.NumberFormat(lang()).format(value) : String(value);
}

function percent(value) {
  return new Intl.NumberFormat(lang(), { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

function hasValues(table, spec) {
  return table.rows.some((row) => spec.values.some((column) => Number(row[table.columns.indexOf(column)]) > 0));
}

function chartConfig(table, spec) {
  const at = (column) => table.columns.indexOf(column);
  const labels = table.rows.map((row) => cellText(table, spec.label, row[at(spec.label)]));
  const single = spec.type === 'doughnut';
  const datasets = spec.values.map((column, i) => ({
    label: t('rep.col.' + column),
    data: table.rows.map((row) => row[at(column)] ?? 0),
    backgroundColor: single ? labels.map((label, j) => COLOURS[j % COLOURS.length]) : COLOURS[i % COLOURS.length],
    borderColor: '#ffffff',
    borderWidth: single ? 2 : 0,
  }));
  const tick = spec.percent ? { callback: (value) => percent(value) } : { precision: 0 };
  const valueAxis = { beginAtZero: true, stacked: !!spec.stacked, max: spec.percent ? 1 : spec.max, ticks: tick };
  const labelAxis = { stacked: !!spec.stacked };
  return {
    type: spec.type,
    data: { labels, datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      locale: lang(),
      indexAxis: spec.horizontal ? 'y' : 'x',
      plugins: { legend: { display: single || datasets.length > 1, position: single ? 'right' : 'top' } },
      scales: single ? {} : (spec.horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis }),
    },
  };
}

/** Downloads one table as CSV: the call carries the organizer's token, so the file comes through the script. */
async function download(button, table) {
  try {
    const response = await context.call(button.dataset.csv, { raw: true, headers: { Accept: 'text/csv' } });
    const url = URL.createObjectURL(await response.blob());
    const link = h('a', { href: url, download: `${shown.convoyId}-${table}.csv`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (error) {
    say($('#report-status'), describe(error), 'error');
  }
}
