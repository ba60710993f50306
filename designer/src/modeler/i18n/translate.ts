/**
 * bpmn-js's own texts (palette, context pad, replace menu, bpmn-js's groups of the properties panel)
 * in Vietnamese when the app is: its `translate` service, with the strings a reformer meets.
 */
import type { MotcuaConfig } from '../motcua-config.js';

const vietnamese: Record<string, string> = {
  'Activate hand tool': 'Công cụ kéo màn hình',
  'Activate lasso tool': 'Công cụ chọn vùng',
  'Activate create/remove space tool': 'Công cụ thêm/bớt khoảng trống',
  'Activate global connect tool': 'Công cụ nối',
  'Create start event': 'Tạo sự kiện bắt đầu',
  'Create end event': 'Tạo sự kiện kết thúc',
  'Create gateway': 'Tạo cổng rẽ nhánh',
  'Create parallel gateway': 'Tạo cổng song song',
  'Create timer event': 'Tạo sự kiện hẹn giờ',
  'Create user task': 'Tạo bước do cán bộ thực hiện',
  'Create service task': 'Tạo bước tự động',
  'Create expanded sub-process': 'Tạo quy trình con',
  'Create pool/participant': 'Tạo bể (cơ quan)',
  'Create data object reference': 'Tạo đối tượng dữ liệu',
  'Create data store reference': 'Tạo kho dữ liệu',
  'Create group': 'Tạo nhóm',
  'Append end event': 'Nối sự kiện kết thúc',
  'Append gateway': 'Nối cổng rẽ nhánh',
  'Append user task': 'Nối bước do cán bộ thực hiện',
  'Append text annotation': 'Nối ghi chú',
  'Change element': 'Đổi loại phần tử',
  'Change type': 'Đổi loại',
  'Connect using sequence flow': 'Nối bằng luồng',
  'Connect to other element': 'Nối tới phần tử khác',
  Delete: 'Xóa',
  Remove: 'Xóa',
  'Add text annotation': 'Thêm ghi chú',
  General: 'Thông tin chung',
  Name: 'Tên',
  ID: 'Mã phần tử',
  Documentation: 'Mô tả',
  'Element documentation': 'Mô tả phần tử',
  'Process documentation': 'Mô tả quy trình',
  Executable: 'Thực thi được',
  Timer: 'Hẹn giờ',
  Type: 'Loại',
  Value: 'Giá trị',
  Duration: 'Khoảng thời gian',
  Date: 'Ngày',
  Cycle: 'Chu kỳ',
  '<none>': '<không>',
  Message: 'Thông điệp',
  Error: 'Lỗi',
  Escalation: 'Chuyển cấp',
  'Multi-instance': 'Nhiều lần thực hiện',
  'Loop cardinality': 'Số lần lặp',
  'Completion condition': 'Điều kiện hoàn thành',
  'Global message reference': 'Thông điệp',
  'Create new ...': 'Tạo mới…',
  'Unparsable FEEL expression.': 'Biểu thức FEEL không phân tích được.',
  'Opened in editor': 'Đang mở trong trình soạn thảo',
  'Search in diagram': 'Tìm trong sơ đồ',
  'Open minimap': 'Mở bản đồ thu nhỏ',
  'Close minimap': 'Đóng bản đồ thu nhỏ',
  'Toggle token simulation': 'Bật/tắt chạy thử',
  'Token Simulation': 'Chạy thử hồ sơ',
  'Play/Pause Simulation': 'Chạy/tạm dừng',
  'Reset Simulation': 'Đặt lại',
  'Exclusive Gateway': 'Cổng rẽ nhánh loại trừ',
  'Parallel Gateway': 'Cổng song song',
  'Inclusive Gateway': 'Cổng rẽ nhánh bao hàm',
  'Event-based Gateway': 'Cổng theo sự kiện',
  'User task': 'Bước do cán bộ thực hiện',
  'Service task': 'Bước tự động',
  'Send task': 'Bước gửi',
  'Receive task': 'Bước chờ nhận',
  'Call activity': 'Gọi thủ tục khác',
  'Sub-process (collapsed)': 'Quy trình con (thu gọn)',
  'Sub-process (expanded)': 'Quy trình con (mở rộng)',
  'Start event': 'Sự kiện bắt đầu',
  'End event': 'Sự kiện kết thúc',
  'Message start event': 'Bắt đầu khi nhận thông điệp',
  'Terminate end event': 'Kết thúc toàn bộ',
  'Error end event': 'Kết thúc với lỗi',
  'Escalation end event': 'Kết thúc chuyển cấp',
  'Message intermediate catch event': 'Chờ thông điệp',
  'Timer intermediate catch event': 'Chờ hẹn giờ',
  'Sequence flow': 'Luồng',
  'Default flow': 'Luồng mặc định',
  'Conditional flow': 'Luồng có điều kiện',
  'Parallel multi-instance': 'Nhiều lần song song',
  'Sequential multi-instance': 'Nhiều lần tuần tự',
};

function fill(template: string, replacements: Record<string, string> = {}): string {
  return template.replace(/{([^}]+)}/g, (whole, key: string) => replacements[key] ?? whole);
}

export function translateFactory(config: MotcuaConfig) {
  return (template: string, replacements?: Record<string, string>) =>
    fill(config.locale() === 'vi' ? (vietnamese[template] ?? template) : template, replacements);
}
translateFactory.$inject = ['config.motcua'];

export const TranslateModule = { translate: ['factory', translateFactory] };
