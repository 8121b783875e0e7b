// The web chat: the same HTTP contract any client uses (sessions, messages, resumable SSE).
const $ = (id) => document.getElementById(id);
let key = sessionStorage.getItem('protostar-key') || '';
let sessionId = null;
let source = null;
const turns = new Map(); // requestId -> {answer, meta}

$('key').value = key;

async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: { 'Authorization': `Bearer ${key}`, 'Content-Type': 'application/json', ...(options.headers || {}) },
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const wait = response.headers.get('Retry-After');
    throw new Error((body.detail || response.statusText) + (wait ? ` (retry in ${wait} s)` : ''));
  }
  return body;
}

function status(text) { $('status').textContent = text; }

$('connect').onclick = async () => {
  key = $('key').value.trim();
  sessionStorage.setItem('protostar-key', key);
  try {
    const candidates = await api('/api/v1/candidates');
    $('candidate').replaceChildren(...candidates.map((c) => new Option(c.name, c.candidateId)));
    $('candidate').disabled = $('start').disabled = candidates.length === 0;
    status(candidates.length ? `${candidates.length} candidate(s)` : 'No candidates yet: an admin creates them.');
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
  on('started', (e) => turn(e.requestId).meta.textContent = e.attempt > 1 ? `attempt ${e.attempt}` : '');
  on('reset', (e) => { turn(e.requestId).answer.textContent = ''; });
  on('delta', (e) => { turn(e.requestId).answer.textContent += e.text; });
  on('done', (e) => {
    const t = turn(e.requestId);
    t.answer.classList.toggle('refused', e.refused);
    t.meta.textContent = `${e.refused ? 'the documents do not say · ' : ''}first token ${e.timings.ttftMs} ms · `
      + `${e.timings.totalMs} ms · ${e.usage.inputTokens}→${e.usage.outputTokens} tokens`;
  });
  on('error', (e) => {
    const t = turn(e.requestId);
    t.answer.classList.add('error');
    t.meta.textContent = `${e.code}: ${e.message}`;
  });
  source.onerror = () => status('Connection interrupted; reconnecting…');
  source.onopen = () => status('');
}

function turn(requestId, question) {
  if (!turns.has(requestId)) {
    const element = document.createElement('div');
    element.className = 'turn';
    const q = Object.assign(document.createElement('div'), { className: 'question', textContent: question || '' });
    const answer = Object.assign(document.createElement('div'), { className: 'answer' });
    const meta = Object.assign(document.createElement('div'), { className: 'meta' });
    element.append(q, answer, meta);
    $('log').append(element);
    turns.set(requestId, { q, answer, meta });
  } else if (question) {
    turns.get(requestId).q.textContent = question;
  }
  return turns.get(requestId);
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
