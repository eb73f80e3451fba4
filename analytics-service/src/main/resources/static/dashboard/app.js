import { report, signIn, signOut, token, Unauthorized } from './api.js';

const $ = (id) => document.getElementById(id);
const root = $('dashboard');
const charts = {};

function setState(state) {
  root.dataset.state = state;
}

function showError(message) {
  const error = $('error');
  error.textContent = message || '';
  error.hidden = !message;
}

function showLogin(message) {
  setState('login');
  $('login').hidden = false;
  $('content').hidden = true;
  $('controls').hidden = true;
  const error = $('login-error');
  error.textContent = message || '';
  error.hidden = !message;
}

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

function period() {
  const days = Number($('period-select').value);
  const to = new Date();
  const from = new Date(to.getTime() - (days - 1) * 86400000);
  return { from: isoDay(from), to: isoDay(to), currency: $('currency-select').value };
}

function money(minor, currency) {
  const format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits;
  return format.format(Number(minor) / 10 ** digits);
}

const percent = (ratio) => `${(Number(ratio) * 100).toFixed(1)} %`;

function fillTile(id, text) {
  const tile = $(id);
  tile.querySelector('.value').textContent = text;
  tile.dataset.state = 'ready';
}

function fillTable(id, rows) {
  const table = $(id);
  const body = table.querySelector('tbody');
  body.replaceChildren();
  for (const cells of rows) {
    const tr = document.createElement('tr');
    for (const cell of cells) {
      const td = document.createElement('td');
      td.textContent = cell;
      tr.append(td);
    }
    body.append(tr);
  }
  if (rows.length === 0) {
    const tr = document.createElement('tr');
    const td = document.createElement('td');
    td.colSpan = table.querySelectorAll('thead th').length || 1;
    td.className = 'muted';
    td.textContent = 'Nothing to show';
    tr.append(td);
    body.append(tr);
  }
  table.dataset.rows = String(rows.length);
  table.dataset.state = 'ready';
}

function drawChart(id, config) {
  charts[id]?.destroy();
  const canvas = $(id);
  charts[id] = new window.Chart(canvas, { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options } });
  canvas.dataset.state = 'ready';
}

async function loadKpis(p) {
  const k = await report('kpis', p);
  fillTile('kpi-gmv', money(k.gmv, p.currency));
  fillTile('kpi-net-revenue', money(k.netRevenue, p.currency));
  fillTile('kpi-orders', String(k.orders));
  fillTile('kpi-aov', money(k.averageOrderValue, p.currency));
  fillTile('kpi-units', String(k.units));
  fillTile('kpi-refund-rate', percent(k.refundRate));
  fillTile('kpi-conversion', percent(k.conversionRate));
}

async function loadSales(p) {
  // the forecast learns from whole days only: its history ends yesterday, so today is forecast too
  const yesterday = isoDay(new Date(Date.parse(p.to) - 86400000));
  const [sales, forecast] = await Promise.all([
    report('sales', { ...p, granularity: 'day' }),
    report('forecast', { days: 8, to: yesterday, currency: p.currency }),
  ]);
  const labels = sales.items.map((i) => i.period);
  const ahead = forecast.forecast.map((d) => d.day).filter((day) => !labels.includes(day));
  const predicted = new Map(forecast.forecast.map((d) => [d.day, Number(d.value) / 100]));
  const all = [...labels, ...ahead];
  const error = forecast.holdout.mape == null ? '' : `, holdout MAPE ${forecast.holdout.mape.toFixed(1)} %`;
  $('forecast-method').textContent = `forecast: ${forecast.method}${error}`;
  drawChart('sales-chart', {
    type: 'line',
    data: {
      labels: all,
      datasets: [
        { label: `Revenue (${p.currency})`, data: sales.items.map((i) => Number(i.revenue) / 100), borderColor: '#2563eb', backgroundColor: '#93c5fd', fill: true, tension: 0.2 },
        { label: 'Forecast', data: all.map((day) => predicted.get(day) ?? null), borderColor: '#f59e0b', borderDash: [6, 4] },
      ],
    },
  });
}

async function loadFunnel(p) {
  const funnel = await report('funnel', { from: p.from, to: p.to });
  const names = { cart_add: 'Cart add', checkout_started: 'Checkout started', order_placed: 'Order placed', order_confirmed: 'Order confirmed' };
  drawChart('funnel-chart', {
    type: 'bar',
    data: { labels: funnel.stages.map((s) => names[s.stage] || s.stage), datasets: [{ label: 'Carts / orders', data: funnel.stages.map((s) => s.count), backgroundColor: '#10b981' }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } } },
  });
  fillTable('funnel', funnel.stages.map((s) => [names[s.stage] || s.stage, String(s.count), percent(s.fromPrevious)]));
}

async function loadTopProducts(p) {
  const top = await report('top-products', { ...p, limit: 10 });
  fillTable('top-products', top.items.map((i) => [i.key, i.label, String(i.units), money(i.revenue, p.currency)]));
}

async function loadCustomers(p) {
  const c = await report('customers', { from: p.from, to: p.to });
  $('customers-summary').textContent = `${c.customers} customers: ${c.newCustomers} new, ${c.returningCustomers} returning; repeat rate ${percent(c.repeatRate)}`;
  const months = Math.max(1, ...c.cohorts.map((row) => row.retention.length));
  const head = document.createElement('tr');
  for (const title of ['Cohort', 'Customers', ...Array.from({ length: months }, (_, m) => `M${m}`)]) {
    const th = document.createElement('th');
    th.textContent = title;
    head.append(th);
  }
  $('cohorts').querySelector('thead').replaceChildren(head);
  fillTable('cohorts', c.cohorts.map((row) => [row.cohort, String(row.size), ...row.retention.map(percent)]));
}

async function loadLowStock() {
  const low = await report('low-stock', { limit: 20 });
  fillTable('low-stock', low.items.map((i) => [i.sku, i.warehouse, String(i.available), String(i.reorderPoint)]));
}

async function loadRecentOrders() {
  const recent = await report('recent-orders', { limit: 10 });
  fillTable('recent-orders', recent.items.map((o) => [o.orderId.slice(0, 8), o.status, o.currency ? money(o.total, o.currency) : String(o.total), new Date(o.placedAt).toLocaleString()]));
}

async function load() {
  const p = period();
  setState('loading');
  showError('');
  $('login').hidden = true;
  $('content').hidden = false;
  $('controls').hidden = false;
  $('period-label').textContent = `${p.from} – ${p.to} (UTC), ${p.currency}`;
  for (const el of root.querySelectorAll('[data-state="ready"]:not(#dashboard)')) {
    el.dataset.state = 'loading';
  }
  const results = await Promise.allSettled([loadKpis(p), loadSales(p), loadFunnel(p), loadTopProducts(p), loadCustomers(p), loadLowStock(), loadRecentOrders()]);
  const failed = results.filter((r) => r.status === 'rejected').map((r) => r.reason);
  if (failed.some((e) => e instanceof Unauthorized)) {
    signOut();
    showLogin(failed.find((e) => e instanceof Unauthorized).message);
    return;
  }
  if (failed.length > 0) {
    showError(failed.map((e) => e.message).join('; '));
    setState('error');
    return;
  }
  setState('ready');
}

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('login-submit').disabled = true;
  try {
    await signIn($('login-email').value, $('login-password').value);
    $('login-password').value = '';
    await load();
  } catch (e) {
    showLogin(e.message);
  } finally {
    $('login-submit').disabled = false;
  }
});

$('period-select').addEventListener('change', load);
$('currency-select').addEventListener('change', load);
$('refresh').addEventListener('click', load);
$('logout').addEventListener('click', () => {
  signOut();
  showLogin('');
});

function start() {
  if (token()) {
    load();
  } else {
    showLogin('');
  }
}

// Chart.js is a classic deferred script; module scripts run after it, but be safe on slow loads.
if (window.Chart) {
  start();
} else {
  window.addEventListener('load', start);
}
