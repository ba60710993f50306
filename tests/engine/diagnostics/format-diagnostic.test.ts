import { describe, expect, it } from 'vitest';
import { createDiagnostic } from '../../../engine/diagnostics/create-diagnostic.js';
import { countDiagnostics, formatDiagnostic } from '../../../engine/diagnostics/format-diagnostic.js';

describe('diagnostics as text', () => {
  it('puts severity, element, code and message on one line and the hint on the next', () => {
    const diagnostic = createDiagnostic('missing-role', 'Task_ThamDinh');
    expect(formatDiagnostic(diagnostic, 'vi')).toBe(
      'lỗi      Task_ThamDinh  [missing-role] Bước xử lý chưa có vai trò thực hiện.\n         → Chọn vai trò (ví dụ chuyen-vien, lanh-dao) trong mc:step.',
    );
  });

  it('says where in the document a finding about the document is', () => {
    const diagnostic = createDiagnostic('xml-malformed', null, { detail: 'closing tag mismatch' }, { location: { line: 3, column: 7 } });
    expect(formatDiagnostic(diagnostic, 'en').split('\n')[0]).toBe('error    (document)  [xml-malformed] The XML is not well-formed: closing tag mismatch (line 3, column 7)');
  });

  it('counts by severity', () => {
    const diagnostics = [createDiagnostic('deadlock', 'J'), createDiagnostic('deadlock', 'K'), createDiagnostic('non-exhaustive-gateway', 'G', { uncovered: '' })];
    expect(countDiagnostics(diagnostics, 'en')).toBe('2 errors, 1 warning');
    expect(countDiagnostics(diagnostics, 'vi')).toBe('2 lỗi, 1 cảnh báo');
    expect(countDiagnostics([], 'vi')).toBe('không có vấn đề nào');
  });
});
