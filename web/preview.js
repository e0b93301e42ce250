import { el, postJson, saveFile, t } from './strings.js';

const DEBOUNCE_MS = 600;

/** Turns the PDF's base64 into a Blob. */
export function pdfBlob(base64) {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return new Blob([bytes], { type: 'application/pdf' });
}

/**
 * The live preview: after typing stops, the server renders the real PDF
 * (the same call as Download), and the page shows it with every problem and
 * warning next to its field. A newer request cancels an older one.
 */
export class Preview {
  constructor(form) {
    this.form = form;
    this.status = document.getElementById('preview-status');
    this.messages = document.getElementById('form-messages');
    this.frame = document.getElementById('preview');
    this.open = document.getElementById('preview-open');
    this.timer = undefined;
    this.controller = undefined;
    this.url = undefined;
    this.generation = 0;
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), DEBOUNCE_MS);
  }

  async update() {
    const request = this.form.request();
    if (!request.fields.name) {
      this.status.textContent = t('preview_waiting');
      return;
    }
    this.controller?.abort();
    this.controller = new AbortController();
    const generation = ++this.generation;
    this.status.textContent = t('preview_working');
    try {
      const { status, body } = await postJson('/api/render', request, this.controller.signal);
      if (generation !== this.generation) return;
      if (status === 429 || status === 503) {
        this.status.textContent = t('preview_busy');
        this.timer = setTimeout(() => void this.update(), 3000);
        return;
      }
      this.show(status, body);
    } catch (error) {
      if (error.name === 'AbortError') return;
      this.status.textContent = t('preview_failed', { message: error.message });
    }
  }

  /** Shows a render result: the PDF when there is one, and the messages in any case. Answers the PDF's Blob or undefined. */
  show(status, body) {
    this.form.fields.clearMessages();
    this.form.clearMessages();
    if (status !== 200) {
      this.status.textContent = t('preview_failed', { message: body.error ?? String(status) });
      return undefined;
    }
    const general = [];
    for (const problem of body.problems ?? []) if (!this.form.place(problem, 'problem')) general.push([problem, 'problem']);
    for (const warning of body.warnings ?? []) if (!this.form.place(warning, 'warning')) general.push([warning, 'warning']);
    const list = el('ul');
    for (const [message, kind] of general) {
      list.append(el('li', { class: kind, text: message.field ? `${message.field}: ${message.message}` : message.message }));
    }
    const heading = body.ok ? (general.length > 0 ? t('preview_warnings') : '') : t('preview_problems');
    this.messages.replaceChildren(
      ...(heading ? [el('p', { class: body.ok ? 'warning' : 'problem', text: heading })] : []),
      ...(general.length ? [list] : []),
    );
    if (!body.ok) {
      this.status.textContent = t('preview_problems');
      return undefined;
    }
    const blob = pdfBlob(body.pdf);
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = URL.createObjectURL(blob);
    this.frame.src = this.url;
    this.frame.hidden = false;
    this.frame.dataset.pages = String(body.pageCount);
    this.frame.dataset.generation = String(this.generation);
    this.open.href = this.url;
    this.open.hidden = false;
    this.status.textContent = t('preview_ready', { pages: body.pageCount });
    return blob;
  }

  /** Download: renders now (never an old preview) and saves the PDF, or shows why it cannot be made. */
  async download() {
    clearTimeout(this.timer);
    this.controller?.abort();
    const generation = ++this.generation;
    this.status.textContent = t('preview_working');
    const request = this.form.request();
    let answer;
    try {
      answer = await postJson('/api/render', request);
    } catch (error) {
      this.status.textContent = t('preview_failed', { message: error.message });
      return;
    }
    if (generation !== this.generation) return;
    const blob = this.show(answer.status, answer.body);
    if (blob) saveFile(blob, `${request.notice}.pdf`);
    else this.form.focusFirstProblem();
  }
}
