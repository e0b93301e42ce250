import { BatchPanel } from './batch.js';
import { BusinessFields } from './form.js';
import { LanguagePicker } from './languages.js';
import { NoticePicker } from './notice-picker.js';
import { Preview } from './preview.js';
import { el, postJson, saveFile, t } from './strings.js';

/** The one-notice form: audience, notice, languages, paper and details, read into the request the server renders. */
class NoticeForm {
  constructor(catalog) {
    this.catalog = catalog;
    this.size = document.getElementById('size');
    this.arrange = document.getElementById('arrange');
    this.preview = new Preview(this);
    const changed = () => this.preview.schedule();
    this.notice = new NoticePicker(() => {
      this.showNotice();
      changed();
    });
    this.fields = new BusinessFields(document.getElementById('business-fields'), catalog, changed);
    this.languages = new LanguagePicker(catalog.languages, () => {
      this.showFields();
      changed();
    });
    // The question is asked only when there is a choice: notices for homes and for businesses.
    document.getElementById('audience').hidden = new Set(catalog.notices.map((notice) => notice.audience ?? 'business')).size < 2;
    for (const radio of document.querySelectorAll('input[name="audience"]')) {
      radio.addEventListener('change', () => {
        this.showNotices();
        changed();
      });
    }
    this.size.addEventListener('change', changed);
    this.arrange.addEventListener('change', changed);
    document.getElementById('download-pdf').addEventListener('click', () => void this.preview.download());
    document.getElementById('download-yaml').addEventListener('click', () => void this.downloadYaml());
    this.showNotices();
  }

  audience() {
    return document.querySelector('input[name="audience"]:checked')?.value ?? 'business';
  }

  current() {
    return this.catalog.notices.find((notice) => notice.id === this.notice.value);
  }

  /** The notices for the chosen audience (a manifest without `audience` is a business's). */
  showNotices() {
    const audience = this.audience();
    const notices = this.catalog.notices.filter((notice) => (notice.audience ?? 'business') === audience);
    const shown = notices.length > 0 ? notices : this.catalog.notices;
    this.notice.show(shown);
    this.showNotice();
  }

  showNotice() {
    const notice = this.current();
    if (!notice) return;
    fillSelect(this.size, notice.sizes);
    fillSelect(this.arrange, notice.arrangements);
    this.showFields();
  }

  showFields() {
    const notice = this.current();
    if (notice) this.fields.show(notice, this.languages.chosen);
  }

  request() {
    return {
      notice: this.notice.value,
      languages: [...this.languages.chosen],
      ...(this.size.value ? { size: this.size.value } : {}),
      ...(this.arrange.value ? { arrange: this.arrange.value } : {}),
      fields: this.fields.collect(),
    };
  }

  /** A message next to its field: a business field, the languages or the arrangement; false when there is no such field. */
  place(message, kind) {
    if (this.fields.place(message, kind)) return true;
    // A warning about one language (a draft translation) sits with the languages.
    const box = { languages: 'problem-languages', arrange: 'problem-arrange' }[message.field ?? (message.lang ? 'languages' : '')];
    if (!box) return false;
    document.getElementById(box).append(el('span', { class: kind, lang: 'en', dir: 'auto', text: `${message.message} ` }));
    return true;
  }

  clearMessages() {
    for (const id of ['problem-languages', 'problem-arrange']) document.getElementById(id).replaceChildren();
  }

  focusFirstProblem() {
    document.querySelector('[aria-invalid="true"]')?.focus();
  }

  async downloadYaml() {
    const { status, body } = await postJson('/api/business-yaml', this.request());
    if (status === 200) saveFile(body, 'business.yaml');
    else this.preview.status.textContent = t('error_generic', { message: body.error ?? String(status) });
  }
}

/** A size or arrangement menu: the notice's default first, then what the notice supports. */
function fillSelect(select, values) {
  const keep = select.value;
  select.replaceChildren(
    el('option', { value: '', text: t('one_default') }),
    ...values.map((value) => el('option', { value, text: value })),
  );
  if (values.includes(keep)) select.value = keep;
}

async function start() {
  const response = await fetch('/api/catalog');
  const catalog = await response.json();
  const form = new NoticeForm(catalog);
  new BatchPanel(form);
  document.documentElement.dataset.ready = 'true';
}

start().catch((error) => {
  document.getElementById('preview-status').textContent = t('error_generic', { message: error.message });
});
