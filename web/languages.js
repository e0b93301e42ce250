import { el, t } from './strings.js';

/**
 * The language picker: a search box that finds a language by code, English
 * name or its own name, and the chosen languages in the order they print,
 * each movable with buttons (so a keyboard alone does everything).
 */
export class LanguagePicker {
  constructor(languages, onChange) {
    this.languages = languages;
    this.chosen = [];
    this.onChange = onChange;
    this.search = document.getElementById('lang-search');
    this.results = document.getElementById('lang-results');
    this.list = document.getElementById('lang-chosen');
    this.none = document.getElementById('lang-none');
    this.search.addEventListener('input', () => this.showResults());
    this.search.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      const first = this.matches()[0];
      if (first) this.add(first.code);
    });
    this.showResults();
    this.showChosen();
  }

  byCode(code) {
    return this.languages.find((language) => language.code === code);
  }

  label(language) {
    const names = language.name === language.english_name ? language.name : `${language.name} (${language.english_name})`;
    return `${names} · ${language.code} · ${t(language.status === 'reviewed' ? 'lang_reviewed' : 'lang_draft')}`;
  }

  /** Languages whose code, English name or own name starts with (or, for names, contains) what was typed. */
  matches() {
    const query = this.search.value.trim().toLocaleLowerCase();
    if (query === '') return [];
    const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
    const wanted = fold(query);
    return this.languages.filter(
      (language) =>
        !this.chosen.includes(language.code) &&
        (language.code.toLocaleLowerCase() === query ||
          language.code.toLocaleLowerCase().startsWith(query) ||
          fold(language.english_name).includes(wanted) ||
          fold(language.name).includes(wanted)),
    );
  }

  showResults() {
    const found = this.matches();
    this.results.replaceChildren(
      ...found.map((language) => {
        const button = el('button', { type: 'button', class: 'quiet', text: t('lang_add') });
        button.setAttribute('aria-label', `${t('lang_add')}: ${language.name} (${language.english_name})`);
        button.addEventListener('click', () => this.add(language.code));
        return el('li', {}, el('span', { lang: language.code, dir: 'auto', text: this.label(language) }), button);
      }),
    );
    if (found.length === 0 && this.search.value.trim() !== '') this.results.append(el('li', { text: t('lang_no_match') }));
  }

  add(code) {
    if (!this.chosen.includes(code)) this.chosen.push(code);
    this.search.value = '';
    this.showResults();
    this.showChosen();
    this.search.focus();
    this.onChange();
  }

  move(index, by) {
    const [code] = this.chosen.splice(index, 1);
    this.chosen.splice(index + by, 0, code);
    this.showChosen(code, by < 0 ? 'up' : 'down');
    this.onChange();
  }

  remove(index) {
    this.chosen.splice(index, 1);
    this.showChosen();
    this.search.focus();
    this.onChange();
  }

  /** Redraws the chosen list; `focus` keeps the keyboard on the button just used. */
  showChosen(focusCode, focusWhich) {
    this.none.hidden = this.chosen.length > 0;
    this.list.replaceChildren(
      ...this.chosen.map((code, index) => {
        const language = this.byCode(code);
        const item = el('li', { 'data-code': code }, el('span', { lang: code, dir: 'auto', text: this.label(language) }));
        const name = `${language.name} (${language.english_name})`;
        const buttons = [
          ['up', index > 0, () => this.move(index, -1)],
          ['down', index < this.chosen.length - 1, () => this.move(index, 1)],
          ['remove', true, () => this.remove(index)],
        ];
        for (const [which, enabled, action] of buttons) {
          if (!enabled) continue;
          const button = el('button', { type: 'button', class: 'quiet', text: t(`lang_${which}`), 'data-action': which });
          button.setAttribute('aria-label', `${t(`lang_${which}`)}: ${name}`);
          button.addEventListener('click', action);
          item.append(button);
        }
        return item;
      }),
    );
    if (focusCode) {
      const item = this.list.querySelector(`li[data-code="${CSS.escape(focusCode)}"]`);
      (item?.querySelector(`[data-action="${focusWhich}"]`) ?? item?.querySelector('button'))?.focus();
    }
  }
}
