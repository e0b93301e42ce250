import { el, postJson, t } from './strings.js';

const POLL_MS = 700;

/**
 * A spreadsheet in the browser: upload it, see how each column is read,
 * start the real batch runner on the server, follow its progress, then
 * download the ZIP and read the rows that had problems.
 */
export class BatchPanel {
  constructor(form) {
    this.form = form;
    this.file = document.getElementById('batch-file');
    this.status = document.getElementById('batch-status');
    this.columns = document.getElementById('batch-columns');
    this.progressBox = document.getElementById('batch-progress-box');
    this.progress = document.getElementById('batch-progress');
    this.download = document.getElementById('batch-download');
    this.problems = document.getElementById('batch-problems');
    this.id = undefined;
    document.getElementById('batch-form').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.upload();
    });
    document.getElementById('batch-start').addEventListener('click', () => void this.start());
  }

  async upload() {
    const file = this.file.files?.[0];
    if (!file) {
      this.file.focus();
      return;
    }
    this.reset();
    const limit = this.form.catalog.limits?.uploadBytes;
    if (limit && file.size > limit) {
      // Said before sending: the server would refuse it unread, and a browser may report that only as a lost connection.
      this.status.textContent = t('batch_failed', { message: `the file is larger than ${Math.round(limit / (1024 * 1024))} MB` });
      return;
    }
    this.status.textContent = t('batch_reading');
    const query = new URLSearchParams({ name: file.name, notice: this.form.notice.value });
    let response;
    let body;
    try {
      response = await fetch(`/api/batch?${query}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: file,
      });
      body = await response.json();
    } catch (error) {
      this.status.textContent = t('batch_failed', { message: error.message });
      return;
    }
    if (!response.ok) {
      this.status.textContent = t('batch_failed', { message: body.error });
      return;
    }
    this.id = body.id;
    this.status.textContent = '';
    this.columns.querySelector('tbody').replaceChildren(...body.columns.map((match, index) => this.columnRow(match, index, body.fields)));
    this.columns.hidden = false;
    document.getElementById('batch-start').focus();
  }

  /**
   * One column of the upload: its header labels a list of the notice's fields
   * (and "not used"), preset to the field the batch matched, so the user can fix the match.
   */
  columnRow(match, index, fields) {
    const id = `batch-map-${index}`;
    const select = el('select', { id, 'data-column': match.column }, el('option', { value: '', text: t('batch_ignored') }));
    const names = fields.map((field) => field.name);
    if (match.field && !names.includes(match.field)) names.push(match.field); // a per-language column such as private_areas.es
    for (const name of names) {
      const required = fields.some((field) => field.name === name && field.required);
      select.append(el('option', { value: name, text: required ? `${name} *` : name }));
    }
    select.value = match.field ?? '';
    return el('tr', {}, el('td', {}, el('label', { for: id, dir: 'auto', text: match.column })), el('td', {}, select));
  }

  async start() {
    if (!this.id) return;
    const request = this.form.request();
    const columns = [...this.columns.querySelectorAll('select')].map((select) => ({
      column: select.dataset.column,
      field: select.value === '' ? null : select.value,
    }));
    const { status, body } = await postJson(`/api/batch/${this.id}/start`, {
      notice: request.notice,
      ...(request.size ? { size: request.size } : {}),
      ...(request.arrange ? { arrange: request.arrange } : {}),
      columns,
    });
    if (status !== 202) {
      this.status.textContent = t('batch_failed', { message: body.error ?? String(status) });
      return;
    }
    this.columns.hidden = true;
    this.progressBox.hidden = false;
    this.show(body);
    void this.poll();
  }

  async poll() {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      let response;
      let body;
      try {
        response = await fetch(`/api/batch/${this.id}`);
        body = await response.json();
      } catch {
        continue; // the server did not answer this time; ask again
      }
      if (!response.ok) {
        this.status.textContent = t('batch_failed', { message: body.error });
        return;
      }
      this.show(body);
      if (body.state !== 'running') return;
    }
  }

  show(job) {
    const done = job.made + job.failed;
    this.progress.max = Math.max(job.total, 1);
    this.progress.value = done;
    if (job.state === 'running') this.status.textContent = t('batch_running', { done, total: job.total });
    if (job.state === 'failed') this.status.textContent = t('batch_failed', { message: job.message ?? '' });
    if (job.state === 'done') {
      this.progress.value = this.progress.max;
      this.status.textContent = t('batch_done', { made: job.made, failed: job.failed });
      this.download.href = `/api/batch/${job.id}/zip`;
      this.download.hidden = false;
    }
    if (job.problems.length > 0) {
      this.problems
        .querySelector('tbody')
        .replaceChildren(
          ...job.problems.map((problem) =>
            el(
              'tr',
              {},
              el('td', { text: String(problem.row) }),
              el('td', { text: problem.field ?? '' }),
              el('td', { dir: 'auto', text: problem.reason }),
            ),
          ),
        );
      this.problems.hidden = false;
    }
  }

  reset() {
    this.id = undefined;
    this.columns.hidden = true;
    this.progressBox.hidden = true;
    this.download.hidden = true;
    this.problems.hidden = true;
  }
}
