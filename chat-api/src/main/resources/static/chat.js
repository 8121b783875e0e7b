// The web chat: the same HTTP contract any client uses (sessions, messages, resumable SSE).
const $ = (id) => document.getElementById(id);
const el = (tag, className, text) => Object.assign(document.createElement(tag), className ? { className } : {},
  text !== undefined ? { textContent: text } : {});
let key = sessionStorage.getItem('protostar-key') || '';
let sessionId = null;
let source = null;
const turns = new Map(); // requestId -> {q, answer, sources, meta, text, citations}

$('key').value = key;

async function api(path, options = {}) {
  const headers = { 'Authorization': `Bearer ${key}`, ...(options.headers || {}) };
  if (typeof options.body === 'string') headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { ...options, headers });
  const body = response.status === 204 ? {} : await response.json().catch(() => ({}));
  if (!response.ok) {
    const wait = response.headers.get('Retry-After');
    throw new Error((body.detail || response.statusText) + (wait ? ` (retry in ${wait} s)` : ''));
  }
  return body;
}

function status(text) { $('status').textContent = text; }

// Fills the candidate picker; keeps the current choice (or selects `select`) when it is still there.
async function loadCandidates(select) {
  const current = select || $('candidate').value;
  const candidates = await api('/api/v1/candidates');
  $('candidate').replaceChildren(...candidates.map((c) => new Option(c.name, c.candidateId)));
  if (candidates.some((c) => c.candidateId === current)) $('candidate').value = current;
  $('candidate').disabled = $('start').disabled = candidates.length === 0;
  $('candidate').dispatchEvent(new Event('change'));
  return candidates;
}

$('connect').onclick = async () => {
  key = $('key').value.trim();
  sessionStorage.setItem('protostar-key', key);
  try {
    const me = await api('/api/v1/me');
    const candidates = await loadCandidates();
    status(candidates.length ? `${candidates.length} candidate(s)`
      : me.role === 'ADMIN' ? 'No candidates yet: create one below.' : 'No candidates yet: an admin creates them.');
    document.dispatchEvent(new CustomEvent('protostar:connected', { detail: me }));
  } catch (e) { status(e.message); }
};

$('start').onclick = async () => {
  try {
    const session = await api('/api/v1/chat/sessions', {
      method: 'POST', body: JSON.stringify({ candidateId: $('candidate').value }),
    });
    sessionId = session.sessionId;
    $('log').replaceChildren();
    turns.clear();
    listen();
    $('ask').hidden = false;
    $('question').focus();
    status('Conversation started.');
  } catch (e) { status(e.message); }
};

// EventSource reconnects by itself and sends Last-Event-ID, so a dropped connection loses nothing.
function listen() {
  if (source) source.close();
  source = new EventSource(`/api/v1/chat/sessions/${sessionId}/events?access_token=${encodeURIComponent(key)}`);
  const on = (name, handler) => source.addEventListener(name, (e) => handler(JSON.parse(e.data)));
  on('started', (e) => { turn(e.requestId).meta.textContent = e.attempt > 1 ? `attempt ${e.attempt}` : ''; });
  on('reset', (e) => {
    const t = turn(e.requestId);
    t.text = '';
    t.citations.clear();
    render(t);
  });
  on('delta', (e) => {
    const t = turn(e.requestId);
    t.text += e.text;
    render(t);
  });
  on('citations', (e) => {
    const t = turn(e.requestId);
    e.citations.forEach((c) => t.citations.set(c.n, c));
    render(t);
  });
  on('done', (e) => {
    const t = turn(e.requestId);
    t.element.classList.toggle('refused', e.refused);
    t.meta.textContent = `first token ${e.timings.ttftMs} ms · ${e.timings.totalMs} ms · `
      + `${e.usage.inputTokens}→${e.usage.outputTokens} tokens`;
  });
  on('error', (e) => {
    const t = turn(e.requestId);
    t.element.classList.add('error');
    t.meta.textContent = `${e.code}: ${e.message}`;
  });
  source.onerror = () => status('Connection interrupted; reconnecting…');
  source.onopen = () => status('');
}

function turn(requestId, question) {
  if (!turns.has(requestId)) {
    const element = el('div', 'turn');
    const q = el('div', 'question', question || '');
    const verdict = el('div', 'verdict', 'Not in the documents: the candidate\'s documents do not say.');
    const answer = el('div', 'answer');
    const sources = el('ol', 'sources');
    const meta = el('div', 'meta');
    element.append(q, verdict, answer, sources, meta);
    $('log').append(element);
    turns.set(requestId, { element, q, answer, sources, meta, requestId, text: '', citations: new Map() });
  } else if (question) {
    turns.get(requestId).q.textContent = question;
  }
  return turns.get(requestId);
}

// The answer with its [n] marks linked to the numbered sources below it; text only, never HTML.
function render(t) {
  const parts = [];
  let last = 0;
  for (const match of t.text.matchAll(/\[(\d+)\]/g)) {
    parts.push(document.createTextNode(t.text.slice(last, match.index)));
    const citation = t.citations.get(Number(match[1]));
    if (citation) {
      const link = el('a', 'cite', match[0]);
      link.href = `#source-${t.requestId}-${citation.n}`;
      link.title = `${citation.title}${citation.section ? ' › ' + citation.section : ''}`;
      parts.push(link);
    } else {
      parts.push(document.createTextNode(match[0]));
    }
    last = match.index + match[0].length;
  }
  parts.push(document.createTextNode(t.text.slice(last)));
  t.answer.replaceChildren(...parts);
  t.sources.replaceChildren(...[...t.citations.values()].sort((a, b) => a.n - b.n).map((c) => {
    const item = el('li');
    item.id = `source-${t.requestId}-${c.n}`;
    item.value = c.n;
    const where = el('div', 'where');
    where.append(el('strong', '', c.title), c.section ? ` › ${c.section}` : '');
    // OCR may misread a character: say the quoted text was recognised from a scan, not copied from the file.
    if (c.ocr) where.append(el('span', 'ocr', 'text recognised from a scan'));
    item.append(where, el('blockquote', '', c.snippet));
    return item;
  }));
}

$('ask').onsubmit = async (event) => {
  event.preventDefault();
  const text = $('question').value.trim();
  if (!text) return;
  try {
    const accepted = await api(`/api/v1/chat/sessions/${sessionId}/messages`, {
      method: 'POST', body: JSON.stringify({ text }),
    });
    turn(accepted.requestId, text);
    $('question').value = '';
  } catch (e) { status(e.message); }
};
