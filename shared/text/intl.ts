// The vi-VN formatters of Intl, each made when first used. The first Intl object a page makes
// loads ICU's data for the locale: 33–49 ms in a fresh Chromium page on this machine kind,
// against under a millisecond for each one after. Made at a module's top level, that cost fell
// before the window's first screen, where nothing needs Intl (whole counts are grouped by hand,
// rates written from whole numbers: counts/arith.ts).

export function viNumber(options?: Intl.NumberFormatOptions): () => Intl.NumberFormat {
  let made: Intl.NumberFormat | undefined;
  return () => (made ??= new Intl.NumberFormat('vi-VN', options));
}

export function viDateTime(options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let made: Intl.DateTimeFormat | undefined;
  return () => (made ??= new Intl.DateTimeFormat('vi-VN', options));
}
