// The admin's documents panel: candidates, uploads with live ingestion progress, stored documents.
// Uses api(), el(), $(), key and loadCandidates() from chat.js.
(() => {
  // Browsers open at most six connections per host; the chat stream and an upload need two of them.
  const MAX_PROGRESS_STREAMS = 3;
  const waiting = []; // progress streams queued for a free connection
  let open = 0;
  const candidate = () => $('candidate').value;

  document.addEventListener('protostar:connected', (e) => {
    $('documents').hidden = e.detail.role !== 'ADMIN';
    if (!$('documents').hidden) refresh();
  });
  $('candidate').addEventListener('change', () => { if (!$('documents').hidden) refresh(); });

  $('new-candidate').onsubmit = async (event) => {
    event.preventDefault();
    try {
      const created = await api('/api/v1/candidates', {
        method: 'POST', body: JSON.stringify({ name: $('candidate-name').value.trim() }),
      });
      $('candidate-name').value = '';
      await loadCandidates(created.candidateId);
      status(`Created ${created.name}.`);
    } catch (e) { status(e.message); }
  };

  const drop = $('drop');
  $('files').onchange = () => { uploadAll([...$('files').files]); $('files').value = ''; };
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    uploadAll([...e.dataTransfer.files]);
  });

  // One file at a time on the wire; each one's ingestion progress streams while the next uploads.
  async function uploadAll(files) {
    const cid = candidate();
    if (!cid) { status('Create or pick a candidate first.'); return; }
    const rows = files.map((file) => ({ file, row: progressRow(file.name) }));
    for (const { file, row } of rows) {
      try {
        const accepted = await upload(cid, file, row);
        row.show('uploaded', 'waiting for the ingestion service…');
        follow(accepted.ingestionId, row);
      } catch (e) {
        row.fail(e.message);
      }
    }
  }

  // XMLHttpRequest, not fetch: it reports upload progress, which matters for a 20 MB portfolio.
  function upload(candidateId, file, row) {
    return new Promise((resolve, reject) => {
      const form = new FormData();
      form.append('file', file, file.name);
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `/api/v1/candidates/${candidateId}/documents`);
      xhr.setRequestHeader('Authorization', `Bearer ${key}`);
      xhr.upload.onprogress = (e) => { if (e.lengthComputable) row.show('uploading', '', e.loaded, e.total); };
      xhr.onload = () => {
        let body = {};
        try { body = JSON.parse(xhr.responseText || '{}'); } catch { /* not JSON: a proxy's page */ }
        if (xhr.status === 202) resolve(body);
        else reject(new Error(body.detail || `upload answered ${xhr.status}`));
      };
      xhr.onerror = () => reject(new Error('the upload did not reach the server'));
      xhr.send(form);
    });
  }

  function follow(ingestionId, row) {
    if (open >= MAX_PROGRESS_STREAMS) { waiting.push(() => follow(ingestionId, row)); return; }
    open++;
    // EventSource resumes with Last-Event-ID by itself; the stream ends after stored or failed.
    const events = new EventSource(`/api/v1/ingestions/${ingestionId}/events?access_token=${encodeURIComponent(key)}`);
    const finish = () => {
      events.close();
      open--;
      if (waiting.length) waiting.shift()();
      refresh();
    };
    const on = (stage, handler) => events.addEventListener(stage, (e) => handler(JSON.parse(e.data)));
    on('received', () => row.show('received', 'reading the file…'));
    // A scan is read by OCR page by page: parsed n of m until its last page.
    on('parsed', (p) => (p.done < p.total
      ? row.show('reading', `OCR page ${p.done + 1} of ${p.total}`, p.done, p.total)
      : row.show('parsed', 'text extracted')));
    on('chunked', (p) => row.show('chunked', `${p.total} passages`));
    on('embedded', (p) => row.show('embedding', `${p.done} of ${p.total}`, p.done, p.total));
    on('stored', (p) => { row.done(`stored, ${p.total} passages`); finish(); });
    on('failed', (p) => { row.fail(p.reason || 'the file could not be ingested'); finish(); });
  }

  function progressRow(name) {
    const item = el('li');
    const stage = el('span', 'stage', 'queued');
    const detail = el('span', 'detail');
    const bar = el('progress');
    item.append(el('span', 'name', name), stage, bar, detail);
    $('uploads').prepend(item);
    return {
      show(label, text, done, total) {
        stage.textContent = label;
        detail.textContent = text;
        if (total) { bar.max = total; bar.value = done; } else bar.removeAttribute('value');
      },
      done(text) { item.className = 'stored'; stage.textContent = 'stored'; detail.textContent = text; bar.max = 1; bar.value = 1; },
      fail(reason) { item.className = 'failed'; stage.textContent = 'failed'; detail.textContent = reason; bar.style.visibility = 'hidden'; },
    };
  }

  async function refresh() {
    const cid = candidate();
    if (!cid) { $('document-list').tBodies[0].replaceChildren(); $('ingestion-list').replaceChildren(); return; }
    try {
      const [documents, ingestions] = await Promise.all([
        api(`/api/v1/candidates/${cid}/documents`), api(`/api/v1/candidates/${cid}/ingestions`)]);
      $('document-list').tBodies[0].replaceChildren(...documents.map((d) => documentRow(cid, d)));
      $('ingestion-list').replaceChildren(...ingestions.map((i) => {
        const item = el('li', i.stage === 'failed' ? 'failed' : '');
        item.append(el('span', 'name', i.fileName), el('span', 'stage', i.stage),
          el('span', 'detail', i.reason || (i.stage === 'embedded' ? `${i.done} of ${i.total}` : '')));
        return item;
      }));
    } catch (e) { status(e.message); }
  }

  function documentRow(cid, d) {
    const row = el('tr');
    const remove = el('button', 'delete', 'Delete');
    remove.onclick = async () => {
      if (!confirm(`Delete ${d.name}? Answers will no longer use it.`)) return;
      try {
        await api(`/api/v1/candidates/${cid}/documents/${d.documentId}`, { method: 'DELETE' });
        refresh();
      } catch (e) { status(e.message); }
    };
    const name = el('td');
    name.append(el('div', '', d.title), el('small', '', d.name));
    row.append(name, el('td', '', d.format), el('td', '', size(d.sizeBytes)), el('td', '', String(d.chunkCount)),
      el('td', '', new Date(d.storedAt).toLocaleString()), el('td'));
    row.lastChild.append(remove);
    return row;
  }

  function size(bytes) {
    if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1)} MB`;
    if (bytes >= 1 << 10) return `${Math.round(bytes / (1 << 10))} KB`;
    return `${bytes} B`;
  }
})();
