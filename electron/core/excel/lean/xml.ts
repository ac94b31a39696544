// Scanning the narrow, regular XML that spreadsheet writers produce for the parts a grid lives
// in. A general XML parser (saxes, which exceljs uses) builds an event per node and is what makes
// a full load slow; these helpers look only for the few elements and attributes the reader needs.
// Anything outside what they understand makes the lean reader give up (`Unsure`), and exceljs
// reads the file instead: the scan may be narrow, never wrong.

/** Thrown when a part holds something the lean reader does not handle; exceljs takes over. */
export class Unsure extends Error {}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text content or an attribute value with its entities replaced. */
export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    name ? NAMED[name] : String.fromCodePoint(parseInt(hex ?? dec!, hex ? 16 : 10)),
  );
}

/** An attribute of a start tag's text (what lies between the name and the closing bracket). */
export function attr(tag: string, name: string): string | undefined {
  const at = tag.indexOf(` ${name}=`);
  if (at < 0) return undefined;
  const q = tag[at + name.length + 2];
  if (q !== '"' && q !== "'") throw new Unsure(`attribute ${name}`);
  const start = at + name.length + 3;
  const end = tag.indexOf(q, start);
  if (end < 0) throw new Unsure(`attribute ${name}`);
  return decodeXml(tag.slice(start, end));
}

/** The text between `<name …>` and `</name>` of the first such element, or '' when absent. */
export function section(xml: string, name: string): string {
  const open = xml.indexOf(`<${name}`);
  if (open < 0) return '';
  const close = xml.indexOf(`</${name}>`, open);
  return close < 0 ? '' : xml.slice(open, close);
}

/**
 * Each `<name …/>` or `<name …>…</name>` in xml, as its start tag's attributes text and its body
 * (null when self-closed). Elements of this name must not nest (true of every one asked for).
 * An array: callers take the first one, map them, or loop over them.
 */
export function elements(xml: string, name: string): { tag: string; body: string | null }[] {
  const out: { tag: string; body: string | null }[] = [];
  const open = `<${name}`;
  const close = `</${name}>`;
  for (let i = xml.indexOf(open); i >= 0; i = xml.indexOf(open, i)) {
    const after = xml.charCodeAt(i + open.length);
    // `<c` must not match `<cols` or `<cfRule`: the name ends at a space, '/' or '>'.
    if (after !== 32 && after !== 47 && after !== 62 && after !== 9 && after !== 10 && after !== 13) {
      i += open.length;
      continue;
    }
    const gt = xml.indexOf('>', i);
    if (gt < 0) throw new Unsure(`<${name}> not closed`);
    const tag = xml.slice(i + open.length, xml.charCodeAt(gt - 1) === 47 ? gt - 1 : gt);
    // attr() finds an attribute by its leading space: other white space is for exceljs.
    if (/[\t\n\r]/.test(tag)) throw new Unsure(`white space in <${name}>`);
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push({ tag, body: null });
      i = gt + 1;
      continue;
    }
    const end = xml.indexOf(close, gt);
    if (end < 0) throw new Unsure(`</${name}> missing`);
    out.push({ tag, body: xml.slice(gt + 1, end) });
    i = end + close.length;
  }
  return out;
}

/** The text of an element's `<t>` runs, phonetic guides excluded (they are refused upstream). */
export function runsText(body: string): string {
  let out = '';
  for (const t of elements(body, 't')) if (t.body !== null) out += decodeXml(t.body);
  return out;
}
