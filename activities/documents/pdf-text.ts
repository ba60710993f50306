import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';

const require = createRequire(import.meta.url);
/** Noto Sans (Google Fonts' TTF, full Vietnamese coverage), installed by npm from @expo-google-fonts/noto-sans. */
const fontFiles = {
  regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
};
let fontBytes: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;
const loadFonts = () =>
  (fontBytes ??= Promise.all([readFile(fontFiles.regular), readFile(fontFiles.bold)]).then(([regular, bold]) => ({ regular, bold })));

/**
 * Glyph composition (ccmp) would draw "ị" as "i" plus a combining dot, and a reader would extract
 * it as two characters: precomposed Vietnamese letters are drawn as the single glyphs the font has.
 */
const shaping = { ccmp: false, locl: false, mark: false, mkmk: false } as const;

/** Embeds the regular and bold Noto Sans in a PDF (subset), for every MotCua document and report. */
export async function embedVietnameseFonts(document: PDFDocument): Promise<{ regular: PDFFont; bold: PDFFont }> {
  document.registerFontkit(fontkit);
  const fonts = await loadFonts();
  return {
    regular: await document.embedFont(fonts.regular, { subset: true, features: shaping }),
    bold: await document.embedFont(fonts.bold, { subset: true, features: shaping }),
  };
}

/** Splits text into lines no wider than `width` at `size`, breaking between words. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

/** Draws text centred on `centre`. */
export function centred(page: PDFPage, text: string, font: PDFFont, size: number, centre: number, y: number): void {
  page.drawText(text, { x: centre - font.widthOfTextAtSize(text, size) / 2, y, size, font });
}
