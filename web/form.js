import { el, t } from './strings.js';

/** Autocomplete hints for fields that hold a business's own contact details (WCAG 1.3.5). */
const AUTOCOMPLETE = {
  name: 'organization',
  street: 'street-address',
  city: 'address-level2',
  region: 'address-level1',
  postal_code: 'postal-code',
  country: 'country-name',
  phone: 'tel',
  email: 'email',
  website: 'url',
};

const INPUT_TYPES = { link: 'url' };

/**
 * The business fields of the chosen notice, made from the catalog the
 * server builds from the one business schema: label, help, required mark
 * and limits, so the form always asks what `placard render` checks.
 * Values typed stay when the notice or languages change.
 */
export class BusinessFields {
  constructor(container, catalog, onInput) {
    this.container = container;
    this.catalog = catalog;
    this.values = new Map();
    this.onInput = onInput;
  }

  /** Draws the fields of `notice`, with a value per chosen language for the fields that take one. */
  show(notice, languages) {
    const fields = { ...notice.fields, rights_url: { type: 'link', required: false } };
    const rows = [];
    for (const [name, spec] of Object.entries(fields)) {
      rows.push(this.field(name, labelOf(name), spec, helpOf(name, spec)));
      if (!this.catalog.localized.includes(name)) continue;
      for (const code of languages) {
        if (code === 'en') continue;
        const language = this.catalog.languages.find((entry) => entry.code === code);
        const label = t('field_in_language', { field: labelOf(name), language: language ? language.name : code });
        rows.push(this.field(`${name}.${code}`, label, { ...spec, required: false }, t('field_in_language_help'), code));
      }
    }
    this.container.replaceChildren(...rows);
  }

  field(key, label, spec, help, lang) {
    const id = `field-${key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
    const labelNode = el('label', { for: id, text: label });
    if (spec.required) labelNode.append(' ', el('span', { class: 'required', text: `(${t('one_required')})` }));
    const input = el('input', {
      id,
      name: key,
      type: INPUT_TYPES[spec.type] ?? 'text',
      autocomplete: lang ? 'off' : (AUTOCOMPLETE[key] ?? 'off'),
      required: spec.required,
      'aria-required': spec.required ? 'true' : undefined,
      'aria-describedby': `${id}-help ${id}-message`,
      lang,
      dir: 'auto',
      'data-field': key,
    });
    input.value = this.values.get(key) ?? '';
    input.addEventListener('input', () => {
      this.values.set(key, input.value);
      this.onInput();
    });
    return el(
      'div',
      { class: 'field', 'data-for': key },
      labelNode,
      input,
      el('p', { class: 'help', id: `${id}-help`, text: help }),
      el('div', { id: `${id}-message`, class: 'messages' }),
    );
  }

  /** The values to send: every field shown that has something in it. */
  collect() {
    const fields = {};
    for (const input of this.container.querySelectorAll('input[data-field]')) {
      if (input.value.trim() !== '') fields[input.dataset.field] = input.value;
    }
    return fields;
  }

  /** Clears the messages next to every field. */
  clearMessages() {
    for (const box of this.container.querySelectorAll('.messages')) box.replaceChildren();
    for (const input of this.container.querySelectorAll('input[aria-invalid]')) input.removeAttribute('aria-invalid');
  }

  /** Puts a message next to its field; answers false when no field shown has that name. */
  place(message, kind) {
    if (!message.field) return false;
    const input = this.container.querySelector(`input[data-field="${CSS.escape(message.field)}"]`);
    if (!input) return false;
    // The server's messages are the CLI's, in English.
    document.getElementById(`${input.id}-message`).append(el('p', { class: kind, lang: 'en', dir: 'auto', text: message.message }));
    if (kind === 'problem') input.setAttribute('aria-invalid', 'true');
    return true;
  }
}

function labelOf(name) {
  const key = `field_${name}`;
  const label = t(key);
  return label === key ? t('field_unnamed', { name }) : label;
}

function helpOf(name, spec) {
  const key = `help_${name}`;
  const own = t(key);
  const limit =
    spec.type === 'list' && spec.max_items
      ? t('one_list_limit', { max_items: spec.max_items })
      : spec.max
        ? t('one_limit', { max: spec.max })
        : '';
  return [own === key ? '' : own, limit].filter(Boolean).join(' ');
}
