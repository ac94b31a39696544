// The key a heading, label or title line is compared by (DOMAIN.md §9.1): "Tỉ lệ (%)",
// "Tỷ lệ %" and "TỈ LỆ" all give `ti le`; "Độ tuổi 15–25" gives `do tuoi 15 25`.

import { memoText } from '../text/memo';

/** Remembered: a batch's forms repeat the same headings and titles in every file. */
export const headingKey = memoText(keyOf, 20_000);

function keyOf(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/(^| )ty(?= |$)/g, '$1ti');
}
