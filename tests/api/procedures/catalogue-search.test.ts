import { describe, expect, it } from 'vitest';
import { foldVietnamese, matchesSearch } from '../../../api/procedures/catalogue-search.js';

describe('catalogue search', () => {
  it('folds case, tone marks and đ', () => {
    expect(foldVietnamese('Đăng ký KHAI SINH')).toBe('dang ky khai sinh');
    expect(foldVietnamese('Hoạt động xây dựng')).toBe('hoat dong xay dung');
  });

  it('finds an entry when every word typed begins one of its words, in any order', () => {
    const texts = ['Đăng ký khai sinh', 'dang-ky-khai-sinh', '1.001193', 'Hộ tịch', null];
    expect(matchesSearch(texts, 'khai sinh')).toBe(true);
    expect(matchesSearch(texts, '  hộ TỊCH   kha ')).toBe(true);
    expect(matchesSearch(texts, '1.001193')).toBe(true);
    expect(matchesSearch(texts, 'sinh khai')).toBe(true);
    expect(matchesSearch(texts, 'inh')).toBe(false);
    expect(matchesSearch(texts, '')).toBe(true);
  });

  it('ignores tone marks only where the citizen typed none', () => {
    const texts = ['Liên thông đăng ký khai sinh, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi'];
    expect(matchesSearch(texts, 'tu')).toBe(true);
    expect(matchesSearch(texts, 'tuổi')).toBe(true);
    expect(matchesSearch(texts, 'khai tử')).toBe(false);
    expect(matchesSearch(texts, 'ĐĂNG Ký')).toBe(true);
  });
});
