/**
 * Catalogue search as a citizen types it: case does not matter, and every word typed must begin a word
 * of the entry. A word typed without tone marks matches with any ("dang ky" finds "Đăng ký"); one typed
 * with them matches only those ("khai tử" does not find "tuổi").
 */
export function foldVietnamese(text: string): string {
  // NFD splits a letter from its tone and vowel marks (U+0300–U+036F); đ has no decomposition.
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

const wordsOf = (text: string): string[] => text.normalize('NFC').toLowerCase().split(/[\s\-–,;:()/]+/).filter((word) => word);

export function matchesSearch(texts: Array<string | null | undefined>, query: string): boolean {
  const words = wordsOf(texts.filter((text) => text).join(' '));
  const folded = words.map(foldVietnamese);
  return wordsOf(query).every((typed) => {
    const plain = foldVietnamese(typed);
    return plain === typed ? folded.some((word) => word.startsWith(plain)) : words.some((word) => word.startsWith(typed));
  });
}
