'use strict';
// The dashboard reads only aggregate reports. Every string from the server reaches the page as text
// (textContent, chart text), never as markup; the page runs under a CSP without inline script or style.
// A count from 1 to 4 arrives as "<5" and reads "<5"; a count withheld so that a small one cannot be
// worked out arrives as "suppressed" and reads "–" (it may be any size, so "<5" would misstate it).
// Neither is ever drawn or written as a number, 0 least of all: in a chart its bar has no height and
// carries the marker as its label (and tooltip); in a table its cell reads the marker.
// The chart library writes an SVG text's font as a style attribute, which the page's CSP refuses (no
// inline style). The same declarations set through the CSSOM are not inline markup and are allowed, so
// SVG elements take a style attribute that way; nothing else on the page sets one.
const setSvgAttribute = SVGElement.prototype.setAttribute;
SVGElement.prototype.setAttribute = function (name, value) {
  if (name === 'style') { this.style.cssText = value; return; }
  setSvgAttribute.call(this, name, value);
};
const LABELS = {
  fi: { title: 'Perhekeskuksen tilannekuva', token: 'Kirjautumistunniste (JWT)', tokenHint: 'Paikallisesti: ./run token --roles ANALYST',
        signIn: 'Kirjaudu', municipality: 'Kunta', from: 'Alkaen', to: 'Päättyen', refresh: 'Päivitä',
        referralFlow: 'Palveluohjaukset kuukausittain', reach: 'Tavoitetut perheet suunnitelmaan nähden', feedback: 'Palaute',
        programme: 'Ryhmä', made: 'Tehty', accepted: 'Hyväksytty', declined: 'Hylätty', redirected: 'Ohjattu eteenpäin',
        completed: 'Päättynyt', planned: 'Suunniteltu', enrolled: 'Ilmoittautunut', YES: 'Kyllä', PARTLY: 'Osittain', NO: 'Ei',
        timingSuited: 'Ajankohta sopi', contentMetNeeds: 'Sisältö vastasi tarpeita', infoMatchedChildAge: 'Tieto vastasi lapsen ikää',
        suppression: 'Alle viiden lukumäärät näytetään muodossa <5; – on lukumäärä, joka on jätetty pois, ettei pientä lukua voi laskea muista.', unauthorized: 'Tunniste puuttuu tai ei kelpaa.',
        scorecard: 'Vuoden tuloskortti', organizer: 'Järjestäjä', year: 'Vuosi', plan: 'Vuoden suunnitelma ja toteuma',
        service: 'Palvelu', plannedSeries: 'Suunnitellut sarjat', plannedFamilies: 'Suunnitellut perheet',
        scheduledSeries: 'Aikataulutetut sarjat', heldSeries: 'Pidetyt sarjat', enrolledFamilies: 'Ilmoittautuneet perheet',
        all: 'kaikki', agencies: 'Toimijat', referralsMade: 'Tehdyt ohjaukset', referralsReceived: 'Vastaanotetut ohjaukset',
        referralsAccepted: 'Hyväksytyt ohjaukset', referralsCompleted: 'Päättyneet ohjaukset', referralsEscalated: 'Eskaloidut ohjaukset',
        acceptanceRate: 'Hyväksymisosuus', medianHoursToAccept: 'Mediaaniaika hyväksyntään (h)', programmes: 'Ryhmät',
        reachRate: 'Tavoitettu osuus', sessionsHeld: 'Pidetyt tapaamiset', fathersAtSessions: 'Isiä tapaamisissa',
        networkMeetings: 'Verkostotapaamiset', openPlaceFamilies: 'Kohtaamispaikkojen perheet', openPlaceAdults: 'Kohtaamispaikkojen aikuiset',
        openPlaceChildren: 'Kohtaamispaikkojen lapset' },
  sv: { title: 'Familjecentrets lägesbild', token: 'Inloggningsnyckel (JWT)', tokenHint: 'Lokalt: ./run token --roles ANALYST',
        signIn: 'Logga in', municipality: 'Kommun', from: 'Från', to: 'Till', refresh: 'Uppdatera',
        referralFlow: 'Hänvisningar per månad', reach: 'Nådda familjer jämfört med planen', feedback: 'Respons',
        programme: 'Grupp', made: 'Gjorda', accepted: 'Godkända', declined: 'Avböjda', redirected: 'Vidarehänvisade',
        completed: 'Avslutade', planned: 'Planerat', enrolled: 'Anmälda', YES: 'Ja', PARTLY: 'Delvis', NO: 'Nej',
        timingSuited: 'Tidpunkten passade', contentMetNeeds: 'Innehållet motsvarade behoven', infoMatchedChildAge: 'Informationen passade barnets ålder',
        suppression: 'Antal under fem visas som <5; – är ett antal som har utelämnats så att ett litet antal inte kan räknas ut av de andra.', unauthorized: 'Nyckeln saknas eller är ogiltig.',
        scorecard: 'Årets resultatkort', organizer: 'Anordnare', year: 'År', plan: 'Årets plan och utfall',
        service: 'Tjänst', plannedSeries: 'Planerade serier', plannedFamilies: 'Planerade familjer',
        scheduledSeries: 'Schemalagda serier', heldSeries: 'Hållna serier', enrolledFamilies: 'Anmälda familjer',
        all: 'alla', agencies: 'Aktörer', referralsMade: 'Gjorda hänvisningar', referralsReceived: 'Mottagna hänvisningar',
        referralsAccepted: 'Godkända hänvisningar', referralsCompleted: 'Avslutade hänvisningar', referralsEscalated: 'Eskalerade hänvisningar',
        acceptanceRate: 'Andel godkända', medianHoursToAccept: 'Mediantid till godkännande (h)', programmes: 'Grupper',
        reachRate: 'Nådd andel', sessionsHeld: 'Hållna träffar', fathersAtSessions: 'Pappor på träffar',
        networkMeetings: 'Nätverksmöten', openPlaceFamilies: 'Familjer på mötesplatser', openPlaceAdults: 'Vuxna på mötesplatser',
        openPlaceChildren: 'Barn på mötesplatser' },
  en: { title: 'Family centre dashboard', token: 'Sign-in token (JWT)', tokenHint: 'Locally: ./run token --roles ANALYST',
        signIn: 'Sign in', municipality: 'Municipality', from: 'From', to: 'To', refresh: 'Refresh',
        referralFlow: 'Referrals per month', reach: 'Families reached against plan', feedback: 'Feedback',
        programme: 'Programme', made: 'Made', accepted: 'Accepted', declined: 'Declined', redirected: 'Redirected',
        completed: 'Completed', planned: 'Planned', enrolled: 'Enrolled', YES: 'Yes', PARTLY: 'Partly', NO: 'No',
        timingSuited: 'Timing suited', contentMetNeeds: 'Content met needs', infoMatchedChildAge: 'Information matched the child\'s age',
        suppression: 'Counts under five are shown as <5; – is a count withheld so that a small count cannot be worked out from the others.', unauthorized: 'The token is missing or not valid.',
        scorecard: 'Yearly scorecard', organizer: 'Organizer', year: 'Year', plan: 'The year\'s plan and what came of it',
        service: 'Service', plannedSeries: 'Series planned', plannedFamilies: 'Families planned',
        scheduledSeries: 'Series scheduled', heldSeries: 'Series held', enrolledFamilies: 'Families enrolled',
        all: 'all', agencies: 'Agencies', referralsMade: 'Referrals made', referralsReceived: 'Referrals received',
        referralsAccepted: 'Referrals accepted', referralsCompleted: 'Referrals completed', referralsEscalated: 'Referrals escalated',
        acceptanceRate: 'Acceptance rate', medianHoursToAccept: 'Median hours to accept', programmes: 'Programmes',
        reachRate: 'Reach rate', sessionsHeld: 'Sessions held', fathersAtSessions: 'Fathers at sessions',
        networkMeetings: 'Network meetings', openPlaceFamilies: 'Open-place families', openPlaceAdults: 'Open-place adults',
        openPlaceChildren: 'Open-place children' }
};
let lang = sessionStorage.getItem('lang') || 'fi';
const charts = {};
const state = { referrals: [], programmes: [], programme: null, scorecard: null };
const CARD = ['agencies', 'referralsMade', 'referralsReceived', 'referralsAccepted', 'referralsCompleted',
  'referralsEscalated', 'acceptanceRate', 'medianHoursToAccept', 'programmes', 'plannedFamilies', 'enrolledFamilies',
  'reachRate', 'sessionsHeld', 'fathersAtSessions', 'networkMeetings', 'openPlaceFamilies', 'openPlaceAdults',
  'openPlaceChildren'];
const t = key => LABELS[lang][key] || key;
const SMALL = '<5';
const WITHHELD = 'suppressed';
// How a figure reads: a number as itself, "<5" as "<5", a withheld count as "–"; never a marker as 0.
const shown = value => (value === SMALL ? SMALL : typeof value === 'number' ? String(value) : '–');
// A chart point: a number is its bar; a suppressed figure is a bar without height labelled with its marker.
const point = (value, unit, position) => (typeof value === 'number'
  ? { value, shown: unit ? value + unit : String(value) }
  : { value: 0, shown: shown(value), suppressed: true,
      label: { show: true, position: position || 'top', formatter: shown(value) } });
const tooltip = { trigger: 'item', renderMode: 'richText', formatter: p => p.seriesName + ' ' + p.name + ': ' + p.data.shown };

function applyLanguage() {
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-lang]').forEach(b => b.classList.toggle('active', b.dataset.lang === lang));
  document.title = t('title');
  draw();
}

async function api(path) {
  const response = await fetch(path, { headers: { Authorization: 'Bearer ' + sessionStorage.getItem('token') } });
  if (response.status === 401 || response.status === 403) { throw new Error(t('unauthorized')); }
  if (!response.ok) { throw new Error(response.status + ' ' + path); }
  return response.json();
}

async function load() {
  const error = document.getElementById('error');
  error.textContent = '';
  try {
    const params = new URLSearchParams({ groupBy: 'MONTH' });
    ['municipality', 'from', 'to'].forEach(id => { const v = document.getElementById(id).value; if (v) params.set(id, v); });
    state.referrals = await api('/api/v1/reports/referrals?' + params);
    state.programmes = await api('/api/v1/reports/programmes');
    const select = document.getElementById('programme');
    const chosen = select.value || (state.programmes[0] && state.programmes[0].programmeId);
    select.replaceChildren(...state.programmes.map(p => {
      const option = document.createElement('option');
      option.value = p.programmeId;
      option.textContent = p.name;
      return option;
    }));
    if (chosen) { select.value = chosen; state.programme = await api('/api/v1/reports/programmes/' + chosen); }
    const agencies = await api('/api/v1/reports/agencies');
    document.getElementById('organizers').replaceChildren(...[...new Set(agencies.map(a => a.organizerName))].sort()
      .map(name => { const option = document.createElement('option'); option.value = name; return option; }));
    const card = new URLSearchParams();
    const year = document.getElementById('year');
    if (!year.value) { year.value = new Date().getUTCFullYear(); }
    card.set('year', year.value);
    const organizer = document.getElementById('organizer').value;
    if (organizer) { card.set('organizer', organizer); }
    state.scorecard = await api('/api/v1/reports/scorecard?' + card);
    draw();
  } catch (e) {
    error.textContent = e.message;
  }
}

function chart(id, option) {
  const el = document.getElementById(id);
  charts[id] = charts[id] || echarts.init(el, null, { renderer: 'svg' });
  charts[id].off('finished');
  charts[id].on('finished', () => { el.dataset.rendered = 'true'; });
  // No animation: the figures are the point, and a finished render is then immediate.
  charts[id].setOption(Object.assign({ animation: false }, option), true);
  if (el.querySelector('svg')) { el.dataset.rendered = 'true'; }
}

function draw() {
  drawScorecard();
  if (!state.referrals.length && !state.programmes.length) { return; }
  const months = state.referrals.map(r => r.group);
  chart('referral-chart', {
    tooltip, legend: {}, xAxis: { type: 'category', data: months }, yAxis: { type: 'value' },
    series: ['made', 'accepted', 'declined', 'redirected', 'completed'].map(key => ({
      name: t(key), type: 'bar', data: state.referrals.map(r => point(r[key])) }))
  });
  chart('reach-chart', {
    tooltip, legend: {}, xAxis: { type: 'category', data: state.programmes.map(p => p.name) },
    yAxis: { type: 'value' },
    series: [{ name: t('planned'), type: 'bar', data: state.programmes.map(p => point(p.plannedFamilies)) },
             { name: t('enrolled'), type: 'bar', data: state.programmes.map(p => point(p.enrolledFamilies)) }]
  });
  if (state.programme) {
    const questions = ['timingSuited', 'contentMetNeeds', 'infoMatchedChildAge'];
    chart('feedback-chart', {
      tooltip, legend: {}, grid: { containLabel: true, left: 8 },
      yAxis: { type: 'category', data: questions.map(t) },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      // A withheld percent belongs to a suppressed count: its segment is labelled with the count's marker.
      series: ['YES', 'PARTLY', 'NO'].map(answer => ({
        name: t(answer), type: 'bar', stack: 'answers', label: { show: true, formatter: p => p.data.shown },
        data: questions.map(q => {
          const share = state.programme.feedback[q][answer];
          return typeof share.percent === 'number' ? point(share.percent, ' %')
            : point(typeof share.count === 'number' ? null : share.count, '', 'inside');
        }) }))
    });
  }
}

// A table cell: its text set as text, a figure right-aligned; a suppressed count reads as its marker.
function cell(row, text, figure) {
  const td = document.createElement(figure ? 'td' : 'th');
  td.textContent = text;
  if (figure) { td.className = 'figure'; }
  row.appendChild(td);
}

function drawScorecard() {
  const card = state.scorecard;
  if (!card) { return; }
  const body = document.querySelector('#scorecard tbody');
  body.replaceChildren(...CARD.map(key => {
    const row = document.createElement('tr');
    cell(row, t(key), false);
    cell(row, shown(card[key]), true);
    return row;
  }));
  const plan = card.plan || [];
  document.querySelector('#plan tbody').replaceChildren(...plan.map(p => {
    const row = document.createElement('tr');
    cell(row, p.service || p.serviceId, false);
    // A service without a plan has no planned figures: "–", not 0.
    ['plannedSeries', 'plannedFamilies', 'scheduledSeries', 'heldSeries', 'enrolledFamilies']
      .forEach(key => cell(row, shown(p[key]), true));
    return row;
  }));
  chart('plan-chart', {
    tooltip, legend: {}, xAxis: { type: 'category', data: plan.map(p => p.service || p.serviceId) },
    yAxis: { type: 'value' },
    series: [{ name: t('plannedFamilies'), type: 'bar', data: plan.map(p => point(p.plannedFamilies)) },
             { name: t('enrolledFamilies'), type: 'bar', data: plan.map(p => point(p.enrolledFamilies)) }]
  });
}

document.querySelectorAll('[data-lang]').forEach(b => b.addEventListener('click', () => {
  lang = b.dataset.lang; sessionStorage.setItem('lang', lang); applyLanguage();
}));
document.getElementById('signin-button').addEventListener('click', () => {
  sessionStorage.setItem('token', document.getElementById('token').value.trim()); load();
});
document.getElementById('refresh').addEventListener('click', load);
document.getElementById('programme').addEventListener('change', load);
document.getElementById('year').addEventListener('change', load);
document.getElementById('organizer').addEventListener('change', load);
const fromHash = new URLSearchParams(location.hash.slice(1));
if (fromHash.get('token')) { sessionStorage.setItem('token', fromHash.get('token')); history.replaceState(null, '', '/'); }
if (fromHash.get('lang')) { lang = fromHash.get('lang'); }
applyLanguage();
if (sessionStorage.getItem('token')) { load(); }
