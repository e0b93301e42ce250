import { el } from './strings.js';

/**
 * The notice picker: one radio button per template or packet, each with a
 * thumbnail of its first page (the server renders it for a sample business
 * with the real engine) and the manifest's short description. Arrow keys
 * move between them, as in any radio group.
 */
export class NoticePicker {
  constructor(onChange) {
    this.box = document.getElementById('notice-cards');
    this.onChange = onChange;
  }

  get value() {
    return this.box.querySelector('input[name="notice"]:checked')?.value ?? '';
  }

  set value(id) {
    const input = this.box.querySelector(`input[name="notice"][value="${CSS.escape(id)}"]`);
    if (input) input.checked = true;
  }

  /** Shows `notices`, keeping the choice when it is among them, else choosing the first. */
  show(notices) {
    const keep = this.value;
    // Titles and descriptions come from the manifests, in English.
    this.box.replaceChildren(...notices.map((notice) => card(notice, () => this.onChange())));
    this.value = notices.some((notice) => notice.id === keep) ? keep : (notices[0]?.id ?? '');
    void this.loadThumbnails();
  }

  /**
   * Fetches the thumbnails one after another, not all at once: a browser
   * opens only six connections to a server, and a dozen thumbnails waiting
   * their turn to render would hold up a preview or an upload behind them.
   */
  async loadThumbnails() {
    for (const image of this.box.querySelectorAll('img[data-src]')) {
      const source = image.dataset.src;
      image.removeAttribute('data-src');
      try {
        const response = await fetch(source);
        if (response.ok) image.src = URL.createObjectURL(await response.blob());
      } catch {
        // No thumbnail: the title and description still say what the notice is.
      }
    }
  }
}

function card(notice, changed) {
  const id = `notice-${notice.id}`;
  const input = el('input', { type: 'radio', name: 'notice', id, value: notice.id, 'aria-describedby': `${id}-description` });
  input.addEventListener('change', changed);
  const image = el('img', { 'data-src': `/api/thumbnail/${encodeURIComponent(notice.id)}.png`, alt: '', width: 120, height: 155 });
  // The title names the radio button; the description describes it (read after the name, not as part of it).
  return el(
    'div',
    { class: 'notice-card' },
    input,
    el('label', { for: id }, image, el('span', { class: 'notice-title', lang: 'en', dir: 'ltr', text: notice.title })),
    el('p', { class: 'help', id: `${id}-description`, lang: 'en', dir: 'ltr', text: notice.description }),
  );
}
