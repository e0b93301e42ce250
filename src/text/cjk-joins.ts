/** Punctuation of full width: the CJK block (、。「」…), full-width forms (：，！（）…) and the katakana middle dot. */
const FULL_WIDTH = /[\u3000-\u303f\u30fb\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;
/** Languages written in Han or kana, which put no space beside full-width punctuation. */
const CJK_LANG = /^(zh|ja|yue|wuu|hak|nan|gan|hsn|cmn)(-|$)/i;

interface Part {
  readonly text: string;
  readonly isolate?: boolean;
}

/**
 * Chinese and Japanese put no Latin space after "：" or "。", nor before
 * "（": a template that joins a label and its value, or two sentences, with
 * a space gets that space dropped here, in Han/kana sections only. Business
 * data (isolated parts) is left as typed. Returns new parts.
 */
export function withoutCjkSpaces<T extends Part>(parts: readonly T[], lang: string): T[] {
  if (!CJK_LANG.test(lang)) return [...parts];
  const text = parts.map((part) => part.text).join('');
  let offset = 0;
  return parts.map((part) => {
    const start = offset;
    offset += part.text.length;
    if (part.isolate || !part.text.includes(' ')) return part;
    let kept = '';
    for (let i = 0; i < part.text.length; i++) {
      const at = start + i;
      if (part.text[i] === ' ' && besideFullWidth(text, at)) continue;
      kept += part.text[i];
    }
    return kept === part.text ? part : { ...part, text: kept };
  });
}

/** Whether the space at `at` (with any spaces around it) touches full-width punctuation. */
function besideFullWidth(text: string, at: number): boolean {
  let before = at - 1;
  while (before >= 0 && text[before] === ' ') before--;
  let after = at + 1;
  while (after < text.length && text[after] === ' ') after++;
  return (before >= 0 && FULL_WIDTH.test(text[before]!)) || (after < text.length && FULL_WIDTH.test(text[after]!));
}
