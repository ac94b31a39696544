// Parser for the four appendix grids ("Phụ lục 1" … "Phụ lục 4") printed in seed 001 (the real
// Hà Quảng plan, a Word document converted to markdown with tab-separated tables).
//
// Pure: text in, tables out. The generated seed workbook and every layout fixture are built from
// what this returns, so it keeps the text exactly as printed (X and x, wrong totals, the
// Lương Thông double mark) and only removes what the conversion added: markdown emphasis,
// `<b>` tags, stray blank lines inside tables.

export interface SeedCommuneRow {
  /** STT as printed ("1" … "21"). */
  stt: string;
  name: string;
  /** The cells after STT and name, one per leaf column, padded with '' to the table width. */
  cells: string[];
  /**
   * Stray blank lines the text had right before this row inside the table. They are not data;
   * kept only so a writer can reproduce the blank rows (LayoutOptions.blankRowsInside).
   */
  blankLinesBefore: number;
}

export interface SeedTotalRow {
  /** "Tổng toàn huyện" — printed where the STT column is, with no STT. */
  label: string;
  /** Aligned with SeedCommuneRow.cells: the printed totals ("18", "3", "KĐ", "" …), unchecked. */
  cells: string[];
}

export interface SeedTable {
  /** "Phụ lục 1" … "Phụ lục 4". */
  appendix: string;
  /**
   * [the bold title, its wrapped source lines joined by one space; the "(Kèm theo …)" line].
   * Markdown `**`, `*` and `<b>` removed.
   */
  titleLines: string[];
  /**
   * Header rows as tab-split, each padded to `width` cells. Columns 0 and 1 are STT and
   * "Tên đơn vị"; an empty cell continues the label to its left (a merged span in the original).
   */
  headerRows: string[][];
  communes: SeedCommuneRow[];
  total: SeedTotalRow;
  /** "Ghi chú: …" without markdown. */
  note: string;
  /** Number of columns including STT and name. */
  width: number;
}

const HEADING = /^(?:#{1,6}\s*)?(?:\*\*)?\s*(Phụ lục\s+\d+)\s*(?:\*\*)?\s*$/u;

function clean(text: string): string {
  return text
    .normalize('NFC')
    .replace(/<\/?b>/giu, '')
    .trim();
}

/** Removes markdown emphasis that wraps a whole line or phrase (`**…**`, `*…*`). */
function stripEmphasis(line: string): string {
  return clean(line.replace(/\*\*/gu, '').replace(/^\*+|\*+$/gu, ''));
}

function splitCells(line: string): string[] {
  return line.split('\t').map(clean);
}

const isBlank = (line: string): boolean => line.trim() === '';
const isInteger = (text: string): boolean => /^\d+$/u.test(text);

function pad(cells: string[], width: number, where: string): string[] {
  if (cells.length > width) {
    throw new Error(`${where}: ${cells.length} cells, wider than the header (${width})`);
  }
  return [...cells, ...Array<string>(width - cells.length).fill('')];
}

function parseSection(appendix: string, lines: string[]): SeedTable {
  let i = 0;
  const skipBlank = (): void => {
    while (i < lines.length && isBlank(lines[i])) i++;
  };

  // Title: a bold block that may wrap over several lines (markdown hard breaks).
  skipBlank();
  if (!lines[i]?.trimStart().startsWith('**')) {
    throw new Error(`${appendix}: expected the bold title, got ${JSON.stringify(lines[i])}`);
  }
  const titleParts: string[] = [];
  for (;;) {
    const line = lines[i];
    if (line === undefined) throw new Error(`${appendix}: unterminated bold title`);
    titleParts.push(stripEmphasis(line));
    i++;
    // The first line opens the bold run; the block ends at the line that closes it.
    const closes = line.trimEnd().endsWith('**') && (titleParts.length > 1 || line.trim().length > 4);
    if (closes) break;
  }
  const title = titleParts.filter((p) => p !== '').join(' ');

  skipBlank();
  const attachment = stripEmphasis(lines[i] ?? '');
  if (!attachment.startsWith('(Kèm theo')) {
    throw new Error(`${appendix}: expected the "(Kèm theo …)" line, got ${JSON.stringify(lines[i])}`);
  }
  i++;

  // Header: from the STT line up to the first row whose first cell is an STT number.
  skipBlank();
  if (!lines[i]?.startsWith('STT\t')) {
    throw new Error(`${appendix}: expected the header row starting with STT, got ${JSON.stringify(lines[i])}`);
  }
  const rawHeader: string[][] = [];
  for (; i < lines.length; i++) {
    if (isBlank(lines[i])) continue;
    const cells = splitCells(lines[i]);
    if (isInteger(cells[0])) break;
    rawHeader.push(cells);
  }
  const width = Math.max(...rawHeader.map((r) => r.length));
  const headerRows = rawHeader.map((r, k) => pad(r, width, `${appendix} header row ${k + 1}`));

  // Body: commune rows (first cell an integer STT), stray blank lines, then the total row —
  // the first row without an STT. Never by its wording: commune 17 is called "Tổng Cột".
  const communes: SeedCommuneRow[] = [];
  let blanks = 0;
  let total: SeedTotalRow | undefined;
  for (; i < lines.length && !total; i++) {
    if (isBlank(lines[i])) {
      blanks++;
      continue;
    }
    const cells = pad(splitCells(lines[i]), width, `${appendix} line ${JSON.stringify(lines[i])}`);
    if (isInteger(cells[0])) {
      communes.push({ stt: cells[0], name: cells[1], cells: cells.slice(2), blankLinesBefore: blanks });
    } else {
      // The label sits in the STT column here; accept it in the name column as well.
      const label = cells[0] !== '' ? cells[0] : cells[1];
      if (cells[0] !== '' && cells[1] !== '') {
        throw new Error(`${appendix}: total row has text in both STT and name columns`);
      }
      total = { label, cells: cells.slice(2) };
    }
    blanks = 0;
  }
  if (!total) throw new Error(`${appendix}: no total row after the commune rows`);

  skipBlank();
  const note = stripEmphasis(lines[i] ?? '');
  if (!note.startsWith('Ghi chú')) {
    throw new Error(`${appendix}: expected the "Ghi chú" line, got ${JSON.stringify(lines[i])}`);
  }

  return { appendix, titleLines: [title, attachment], headerRows, communes, total, note, width };
}

/** Finds the "Phụ lục N" sections of seed 001 and parses each grid. */
export function parseSeedAppendices(text: string): SeedTable[] {
  const lines = text.normalize('NFC').replace(/\r\n?/gu, '\n').split('\n');
  const starts: { appendix: string; line: number }[] = [];
  lines.forEach((line, k) => {
    const m = HEADING.exec(line.trim());
    if (m) starts.push({ appendix: m[1].replace(/\s+/gu, ' '), line: k });
  });
  return starts.map((s, k) => {
    const end = k + 1 < starts.length ? starts[k + 1].line : lines.length;
    return parseSection(s.appendix, lines.slice(s.line + 1, end));
  });
}
