// The page's strings (locales/<lng>/serve.json, English filling gaps), given by the server in a JSON data block.
const strings = JSON.parse(document.getElementById('page-strings').textContent || '{}');

/** A string with its {{placeholders}} filled in. */
export function t(key, values = {}) {
  const text = strings[key] ?? key;
  return text.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (_, name) => String(values[name] ?? ''));
}

/** An element with text and attributes: the one way these scripts make HTML, so no string is ever parsed as markup. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/** Saves bytes as a file through the browser's own download. */
export function saveFile(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** POSTs JSON to the server; answers { status, body } with the body parsed when it is JSON. */
export async function postJson(path, value, signal) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(value),
    signal,
  });
  const type = response.headers.get('Content-Type') ?? '';
  const body = type.startsWith('application/json') ? await response.json() : await response.blob();
  return { status: response.status, body };
}
