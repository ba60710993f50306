import { legalTimeInWords } from '../duration/legal-duration-words.js';
import type { UnsupportedDurationReason } from '../duration/legal-duration.js';
import type { LocalizedText, Severity } from './localized-text.js';

interface Entry<P> {
  severity: Severity;
  message: (params: P) => LocalizedText;
  hint: (params: P) => LocalizedText;
}

function entry<P = undefined>(
  severity: Severity,
  message: (params: P) => LocalizedText,
  hint: LocalizedText | ((params: P) => LocalizedText),
): Entry<P> {
  return { severity, message, hint: typeof hint === 'function' ? hint : () => hint };
}

const megabytes = (bytes: number): string => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** Why a flow or an attachment breaks BPMN's connection rules. */
const connectionProblems = {
  'start-has-incoming': {
    vi: 'Sự kiện bắt đầu không được có luồng đi vào.',
    en: 'A start event cannot have incoming flows.',
  },
  'end-has-outgoing': {
    vi: 'Sự kiện kết thúc không được có luồng đi ra.',
    en: 'An end event cannot have outgoing flows.',
  },
  'boundary-has-incoming': {
    vi: 'Sự kiện biên không được có luồng đi vào.',
    en: 'A boundary event cannot have incoming flows.',
  },
  'boundary-host': {
    vi: 'Sự kiện biên phải gắn vào một bước (task, quy trình con hoặc call activity) cùng phạm vi.',
    en: 'A boundary event must be attached to an activity (task, subprocess or call activity) of the same scope.',
  },
  'condition-after-parallel': {
    vi: 'Luồng rời cổng song song hoặc cổng sự kiện không được mang điều kiện.',
    en: 'Flows leaving a parallel or event-based gateway cannot carry conditions.',
  },
  'condition-after-non-gateway': {
    vi: 'Chỉ luồng rời cổng loại trừ hoặc cổng bao hàm mới được mang điều kiện; hãy thêm một cổng sau phần tử này.',
    en: 'Only flows leaving an exclusive or inclusive gateway may carry conditions; add a gateway after this element.',
  },
  'default-not-outgoing': {
    vi: 'Luồng mặc định của cổng phải là một luồng đi ra của chính cổng đó.',
    en: 'A gateway’s default flow must be one of its own outgoing flows.',
  },
  'default-with-condition': {
    vi: 'Luồng mặc định không được mang điều kiện.',
    en: 'The default flow cannot carry a condition.',
  },
  'event-gateway-target': {
    vi: 'Mỗi luồng rời cổng sự kiện phải dẫn tới một sự kiện chờ hẹn giờ, chờ thông điệp hoặc một bước nhận, và đó phải là luồng vào duy nhất của nó.',
    en: 'Every flow leaving an event-based gateway must lead to a timer or message catch event or a receive task, as its only incoming flow.',
  },
  'event-gateway-outgoing': {
    vi: 'Cổng sự kiện cần ít nhất hai luồng đi ra.',
    en: 'An event-based gateway needs at least two outgoing flows.',
  },
  'crosses-scope': {
    vi: 'Luồng nối hai phần tử thuộc hai phạm vi khác nhau (ví dụ từ ngoài vào trong một quy trình con).',
    en: 'The flow connects elements of different scopes (e.g. from outside into a subprocess).',
  },
  'missing-endpoint': {
    vi: 'Luồng thiếu phần tử nguồn hoặc phần tử đích.',
    en: 'The flow lacks its source or its target.',
  },
} satisfies Record<string, LocalizedText>;

export type ConnectionProblem = keyof typeof connectionProblems;

/** What a condition compares: a variable's kind, as a phrase. */
const variableKinds = {
  string: { vi: 'một chuỗi', en: 'a text' },
  number: { vi: 'một số', en: 'a number' },
  boolean: { vi: 'một giá trị đúng/sai', en: 'a true/false value' },
} satisfies Record<string, LocalizedText>;

/** The attributes a procedure must declare on its `mc:procedure`. */
const procedureAttributeLabels: Record<string, LocalizedText> = {
  name: { vi: 'tên thủ tục (tên của quy trình)', en: 'name (the process name)' },
  code: { vi: 'mã thủ tục', en: 'procedure code' },
  agency: { vi: 'cơ quan chủ trì', en: 'lead agency' },
  legalLimit: { vi: 'thời hạn giải quyết', en: 'legal time limit' },
  extension: { vi: 'phần mở rộng mc:procedure', en: 'mc:procedure extension' },
};

const eventReferenceLabels = {
  message: { vi: 'thông điệp (message) có tên', en: 'a named message' },
  error: { vi: 'mã lỗi (error code)', en: 'an error code' },
  escalation: { vi: 'mã chuyển cấp (escalation code)', en: 'an escalation code' },
} satisfies Record<string, LocalizedText>;

export type EventReferenceKind = keyof typeof eventReferenceLabels;

const durationSyntaxHint: LocalizedText = {
  vi: 'Viết ngày làm việc là 5WD, giờ làm việc 8WH, phút làm việc 30WM, ngày theo lịch P20D, giờ PT48H, phút PT30M; giờ và phút cùng nhau PT1H30M.',
  en: 'Write working days as 5WD, working hours as 8WH, working minutes as 30WM, calendar days as P20D, hours as PT48H, minutes as PT30M; hours and minutes together as PT1H30M.',
};

const unsupportedDurationReasons: Record<UnsupportedDurationReason, LocalizedText> = {
  'months-years': { vi: 'tháng và năm không có độ dài cố định.', en: 'months and years have no fixed length.' },
  fraction: { vi: 'không tính phần lẻ của một đơn vị.', en: 'fractions of a unit are not counted.' },
};

const unsupportedDurationHints: Record<UnsupportedDurationReason, LocalizedText> = {
  'months-years': { vi: 'Viết số ngày theo lịch, ví dụ P30D thay cho P1M.', en: 'Write calendar days, e.g. P30D instead of P1M.' },
  fraction: { vi: 'Viết bằng đơn vị nhỏ hơn, ví dụ PT90M thay cho PT1.5H.', en: 'Use a smaller whole unit, e.g. PT90M instead of PT1.5H.' },
};

/**
 * Every diagnostic MotCua emits: its code, severity, message and hint in both languages. The
 * designer, the API and the CLI all show these texts; tests name the codes.
 */
export const catalogue = {
  // The document
  'input-too-large': entry<{ measure: 'bytes' | 'elements'; size: number; limit: number }>(
    'error',
    ({ measure, size, limit }) =>
      measure === 'bytes'
        ? {
            vi: `Tệp quá lớn (${megabytes(size)}); giới hạn là ${megabytes(limit)}.`,
            en: `The file is too large (${megabytes(size)}); the limit is ${megabytes(limit)}.`,
          }
        : {
            vi: `Tệp có quá nhiều phần tử (${size}); giới hạn là ${limit}.`,
            en: `The file holds too many elements (${size}); the limit is ${limit}.`,
          },
    {
      vi: 'Tách thủ tục thành các thủ tục con (call activity) hoặc bỏ nội dung thừa.',
      en: 'Split the procedure into called procedures or remove unused content.',
    },
  ),
  'xml-doctype-forbidden': entry(
    'error',
    () => ({
      vi: 'Tài liệu có khai báo DOCTYPE hoặc thực thể (entity); MotCua từ chối để loại trừ tấn công mở rộng thực thể.',
      en: 'The document declares a DOCTYPE or entities; MotCua refuses them to rule out entity-expansion attacks.',
    }),
    { vi: 'Xoá khai báo <!DOCTYPE …>; tệp BPMN không cần đến nó.', en: 'Remove the <!DOCTYPE …> declaration; BPMN files never need one.' },
  ),
  'xml-malformed': entry<{ detail: string }>(
    'error',
    ({ detail }) => ({ vi: `XML không hợp lệ: ${detail}`, en: `The XML is not well-formed: ${detail}` }),
    {
      vi: 'Sửa thẻ lỗi ở vị trí đã chỉ, hoặc mở tệp bằng trình vẽ BPMN rồi lưu lại.',
      en: 'Fix the tag at the reported position, or open the file in a BPMN modeler and save it again.',
    },
  ),
  'not-bpmn': entry<{ root: string }>(
    'error',
    ({ root }) => ({
      vi: `Tài liệu không phải BPMN 2.0 (phần tử gốc là <${root}>).`,
      en: `The document is not BPMN 2.0 (its root element is <${root}>).`,
    }),
    {
      vi: 'Tệp phải có phần tử gốc definitions thuộc không gian tên http://www.omg.org/spec/BPMN/20100524/MODEL.',
      en: 'The file must have a definitions root element in the namespace http://www.omg.org/spec/BPMN/20100524/MODEL.',
    },
  ),
  'invalid-content': entry<{ detail: string }>(
    'error',
    ({ detail }) => ({ vi: `Nội dung không đọc được nên đã bị bỏ qua: ${detail}`, en: `Unreadable content was skipped: ${detail}` }),
    {
      vi: 'Sửa hoặc xoá phần tử này; nội dung bị bỏ qua có thể làm thay đổi quy trình.',
      en: 'Fix or remove this element; skipped content may change the procedure.',
    },
  ),
  'unsupported-encoding': entry<{ encoding: string }>(
    'warning',
    ({ encoding }) => ({
      vi: `Bảng mã ${encoding} không được hỗ trợ; tệp được đọc như UTF-8.`,
      en: `The encoding ${encoding} is not supported; the file was read as UTF-8.`,
    }),
    { vi: 'Lưu tệp ở bảng mã UTF-8 để giữ đúng dấu tiếng Việt.', en: 'Save the file as UTF-8 so Vietnamese diacritics survive.' },
  ),
  'unresolved-reference': entry<{ reference: string }>(
    'error',
    ({ reference }) => ({
      vi: `Tham chiếu tới "${reference}" không trỏ tới phần tử nào.`,
      en: `The reference to "${reference}" points to no element.`,
    }),
    { vi: 'Nối lại với một phần tử có thật hoặc xoá tham chiếu.', en: 'Point it at an existing element or remove the reference.' },
  ),
  'duplicate-id': entry<{ id: string }>(
    'error',
    ({ id }) => ({
      vi: `Mã phần tử "${id}" bị dùng hai lần; phần chứa nó không đọc được.`,
      en: `The id "${id}" is used twice; the part holding it could not be read.`,
    }),
    { vi: 'Đặt cho mỗi phần tử một mã riêng.', en: 'Give every element an id of its own.' },
  ),
  'no-process': entry(
    'error',
    () => ({ vi: 'Tài liệu không có quy trình nào chứa phần tử.', en: 'The document holds no process with any elements.' }),
    {
      vi: 'Vẽ ít nhất một sự kiện bắt đầu, một bước và một sự kiện kết thúc.',
      en: 'Draw at least a start event, a step and an end event.',
    },
  ),
  'multiple-processes': entry(
    'error',
    () => ({
      vi: 'Tài liệu có nhiều quy trình; một thủ tục là một quy trình, nên quy trình này không được biên dịch.',
      en: 'The document holds several processes; a procedure is one process, so this one is not compiled.',
    }),
    {
      vi: 'Tách quy trình này thành một thủ tục riêng và gọi nó bằng call activity.',
      en: 'Make this process a procedure of its own and call it with a call activity.',
    },
  ),

  // Elements
  'unsupported-element': entry<{ element: LocalizedText }>(
    'error',
    ({ element }) => ({
      vi: `MotCua chưa hỗ trợ ${element.vi}; phần tử này không thể chạy.`,
      en: `MotCua does not support ${element.en}; this element cannot run.`,
    }),
    {
      vi: 'Thay bằng phần tử được hỗ trợ (danh sách trong engine/plan/README.md).',
      en: 'Replace it with a supported element (listed in engine/plan/README.md).',
    },
  ),
  'invalid-connection': entry<{ problem: ConnectionProblem }>(
    'error',
    ({ problem }) => connectionProblems[problem],
    { vi: 'Nối lại luồng theo quy tắc BPMN.', en: 'Reconnect the flow following BPMN’s rules.' },
  ),
  'missing-condition': entry(
    'error',
    () => ({
      vi: 'Luồng rời cổng rẽ nhánh không có điều kiện và không phải luồng mặc định.',
      en: 'A flow leaving a branching gateway has no condition and is not the default flow.',
    }),
    {
      vi: 'Thêm điều kiện FEEL (ví dụ ketQua = "dat") hoặc đặt luồng này làm luồng mặc định.',
      en: 'Add a FEEL condition (e.g. ketQua = "dat") or make this flow the default flow.',
    },
  ),
  'invalid-feel': entry<{ expression: string; column: number }>(
    'error',
    ({ expression, column }) => ({
      vi: `Biểu thức FEEL "${expression}" không hợp lệ (lỗi ở ký tự thứ ${column}).`,
      en: `The FEEL expression "${expression}" does not parse (error at character ${column}).`,
    }),
    {
      vi: 'Viết theo cú pháp FEEL, ví dụ: soTien > 1000000 and loaiHoSo = "ca-nhan".',
      en: 'Use FEEL syntax, e.g. soTien > 1000000 and loaiHoSo = "ca-nhan".',
    },
  ),
  'feel-range-iteration': entry<{ expression: string; column: number }>(
    'error',
    ({ expression, column }) => ({
      vi: `Biểu thức FEEL "${expression}" lặp trên một khoảng số (ở ký tự thứ ${column}); khoảng lớn làm hồ sơ treo.`,
      en: `The FEEL expression "${expression}" iterates over a range of numbers (at character ${column}); a large range stalls the dossier.`,
    }),
    {
      vi: 'Lặp trên danh sách của hồ sơ thay vì một khoảng số, ví dụ: some giayTo in danhSachGiayTo satisfies giayTo.hopLe.',
      en: "Iterate over the dossier's own list instead of a range, e.g. some giayTo in danhSachGiayTo satisfies giayTo.hopLe.",
    },
  ),
  'juel-condition': entry<{ expression: string; rewrite: string }>(
    'error',
    ({ expression }) => ({
      vi: `Điều kiện "${expression}" viết theo cú pháp JUEL/Groovy (==, &&, ||, !, \${…}), không phải FEEL; MotCua đánh giá điều kiện bằng FEEL nên nhánh này sẽ không bao giờ được chọn và hồ sơ có thể dừng ở cổng.`,
      en: `The condition "${expression}" is written in JUEL/Groovy (==, &&, ||, !, \${…}), not FEEL; MotCua evaluates conditions as FEEL, so this branch would never be taken and the dossier may stop at the gateway.`,
    }),
    ({ rewrite }) => ({ vi: `Viết bằng FEEL: ${rewrite}`, en: `Write it in FEEL: ${rewrite}` }),
  ),
  'unknown-condition-variable': entry<{ name: string; close: string }>(
    'error',
    ({ name }) => ({
      vi: `Điều kiện đọc "${name}", nhưng quy trình không khai báo biến nào tên như vậy (trường biểu mẫu, biến kết quả của một bước, đầu ra của tác vụ tự động).`,
      en: `The condition reads "${name}", but the procedure declares no variable of that name (a form field, a step's outcome variable, a service task's output).`,
    }),
    ({ close }) =>
      close
        ? { vi: `Có phải ý bạn là: ${close}?`, en: `Did you mean: ${close}?` }
        : {
            vi: 'Điều kiện là biểu thức FEEL trên biến của hồ sơ, ví dụ ketQua = "dat"; nhãn như "Có", "Đồng ý" đặt vào tên của luồng.',
            en: 'A condition is a FEEL expression over the dossier\'s variables, e.g. ketQua = "dat"; a label such as "Yes" or "Approved" goes in the flow\'s name.',
          },
  ),
  'condition-type-mismatch': entry<{ name: string; kind: 'string' | 'number' | 'boolean'; literal: string; values: string }>(
    'error',
    ({ name, kind, literal, values }) => ({
      vi: `"${name}" là ${variableKinds[kind].vi} nhưng được so sánh với ${literal}${values ? ', không phải một giá trị của nó' : ''}: so sánh này không bao giờ đúng.`,
      en: `"${name}" is ${variableKinds[kind].en} but is compared with ${literal}${values ? ', which is not one of its values' : ''}: the comparison is never true.`,
    }),
    ({ name, kind, values }) =>
      values
        ? { vi: `Dùng một trong các giá trị: ${values}.`, en: `Use one of its values: ${values}.` }
        : {
            string: { vi: `So sánh với một chuỗi trong dấu ngoặc kép, ví dụ ${name} = "…".`, en: `Compare it with a text in double quotes, e.g. ${name} = "…".` },
            number: { vi: `So sánh với một số, không có dấu ngoặc kép, ví dụ ${name} > 1000000.`, en: `Compare it with a number, without quotes, e.g. ${name} > 1000000.` },
            boolean: { vi: `Viết ${name} = true, ${name} = false hoặc not(${name}), không có dấu ngoặc kép.`, en: `Write ${name} = true, ${name} = false or not(${name}), without quotes.` },
          }[kind],
  ),
  'constant-condition': entry<{ expression: string }>(
    'warning',
    ({ expression }) => ({
      vi: `Điều kiện "${expression}" không đọc biến nào của hồ sơ nên luôn cho cùng một kết quả.`,
      en: `The condition "${expression}" reads none of the dossier's variables, so it always gives the same answer.`,
    }),
    {
      vi: 'Viết điều kiện trên biến của hồ sơ (ví dụ ketQua = "dat"), hoặc bỏ điều kiện và đặt luồng này làm luồng mặc định.',
      en: 'Write the condition over the dossier\'s variables (e.g. ketQua = "dat"), or drop it and make this flow the default flow.',
    },
  ),
  'non-exhaustive-gateway': entry<{ uncovered: string }>(
    'warning',
    ({ uncovered }) =>
      uncovered
        ? {
            vi: `Cổng không có luồng mặc định, và khi ${uncovered} thì không điều kiện nào đúng: hồ sơ sẽ dừng tại đây.`,
            en: `The gateway has no default flow, and when ${uncovered} no condition holds: the dossier stops here.`,
          }
        : {
            vi: 'Cổng không có luồng mặc định: khi không điều kiện nào đúng, hồ sơ sẽ dừng tại đây.',
            en: 'The gateway has no default flow: when no condition holds, the dossier stops here.',
          },
    { vi: 'Chọn một luồng đi ra làm luồng mặc định, hoặc thêm điều kiện cho giá trị đó.', en: 'Make one of its outgoing flows the default flow, or add a condition for that value.' },
  ),
  'missing-start-event': entry(
    'error',
    () => ({ vi: 'Quy trình (hoặc quy trình con) không có sự kiện bắt đầu.', en: 'The process (or subprocess) has no start event.' }),
    { vi: 'Thêm một sự kiện bắt đầu.', en: 'Add a start event.' },
  ),
  'multiple-start-events': entry(
    'error',
    () => ({
      vi: 'Có nhiều hơn một sự kiện bắt đầu; hồ sơ phải bắt đầu ở một chỗ duy nhất.',
      en: 'There is more than one start event; a dossier must start in exactly one place.',
    }),
    {
      vi: 'Giữ một sự kiện bắt đầu và dùng cổng để rẽ nhánh sau nó.',
      en: 'Keep one start event and branch with gateways after it.',
    },
  ),
  'missing-end-event': entry(
    'error',
    () => ({ vi: 'Quy trình (hoặc quy trình con) không có sự kiện kết thúc.', en: 'The process (or subprocess) has no end event.' }),
    { vi: 'Thêm một sự kiện kết thúc ở cuối mỗi nhánh.', en: 'Add an end event at the end of every branch.' },
  ),
  'unreachable-element': entry(
    'error',
    () => ({
      vi: 'Không có đường nào từ sự kiện bắt đầu tới phần tử này, nên nó không bao giờ chạy.',
      en: 'No path leads from the start event to this element, so it never runs.',
    }),
    { vi: 'Nối phần tử vào quy trình hoặc xoá nó.', en: 'Connect the element to the process or delete it.' },
  ),
  'missing-flow': entry(
    'error',
    () => ({
      vi: 'Thiếu một luồng: phần tử này không có luồng đi ra, và bước nó lẽ ra dẫn tới (phần tử liên quan đầu tiên) không có luồng đi vào, nên các bước từ đó trở đi không bao giờ chạy.',
      en: 'A flow is missing: nothing leaves this element, and the step it should lead to (the first related element) has nothing leading in, so the steps from there on never run.',
    }),
    {
      vi: 'Chọn phần tử này, bấm "Nối bằng luồng" (mũi tên) trong menu bên cạnh nó rồi kéo tới bước liên quan đầu tiên (hoặc nhấn Ctrl+Z nếu vừa xoá luồng).',
      en: 'Select this element, click "Connect using sequence flow" (the arrow) in the menu beside it and drag it to the first related step (or press Ctrl+Z if you just deleted the flow).',
    },
  ),
  'refusal-ends-as-result': entry<{ outcome: string }>(
    'warning',
    ({ outcome }) => ({
      vi: `Nhánh của kết quả "${outcome}" (từ chối) kết thúc bằng sự kiện kết thúc thường: hồ sơ bị từ chối sẽ được ghi là "Đã trả kết quả".`,
      en: 'A refusal outcome’s branch reaches a plain end event: a refused dossier would be recorded as "result returned".',
    }),
    {
      vi: 'Chọn sự kiện kết thúc này, đổi thành sự kiện kết thúc lỗi (Error end) với mã lỗi "refused" trong bảng thuộc tính.',
      en: 'Select this end event and make it an error end event with the error code "refused" in the properties panel.',
    },
  ),
  'no-path-to-end': entry(
    'error',
    () => ({
      vi: 'Từ phần tử này không có đường tới sự kiện kết thúc: hồ sơ đến đây sẽ kẹt lại.',
      en: 'No path leads from this element to an end event: a dossier reaching it gets stuck.',
    }),
    { vi: 'Nối phần tử tới bước tiếp theo hoặc tới một sự kiện kết thúc.', en: 'Connect it to the next step or to an end event.' },
  ),
  deadlock: entry(
    'error',
    () => ({
      vi: 'Bế tắc: cổng hội tụ này chờ một nhánh không bao giờ tới (ví dụ cổng song song hội tụ các nhánh của một cổng loại trừ).',
      en: 'Deadlock: this join waits for a branch that never arrives (e.g. a parallel join fed by an exclusive split).',
    }),
    {
      vi: 'Dùng cùng loại cổng để tách và hội tụ: loại trừ với loại trừ, song song với song song.',
      en: 'Split and join with the same kind of gateway: exclusive with exclusive, parallel with parallel.',
    },
  ),
  'lack-of-synchronization': entry(
    'error',
    () => ({
      vi: 'Thiếu đồng bộ: các nhánh song song gặp nhau ở đây mà không được chờ nhau, nên các bước phía sau chạy nhiều lần.',
      en: 'Lack of synchronisation: parallel branches meet here without waiting for each other, so the steps after it run more than once.',
    }),
    {
      vi: 'Hội tụ các nhánh song song bằng một cổng song song.',
      en: 'Join parallel branches with a parallel gateway.',
    },
  ),
  'cycle-without-exit': entry(
    'error',
    () => ({
      vi: 'Vòng lặp không có lối ra: hồ sơ vào đây sẽ lặp mãi mà không kết thúc.',
      en: 'A cycle without an exit: a dossier entering it loops for ever and never ends.',
    }),
    {
      vi: 'Thêm một cổng có nhánh thoát ra khỏi vòng lặp.',
      en: 'Add a gateway with a branch leaving the cycle.',
    },
  ),
  'soundness-inconclusive': entry<{ states: number }>(
    'warning',
    ({ states }) => ({
      vi: `Không kiểm tra hết được tính đúng đắn: phần không có cấu trúc của quy trình vượt quá ${states} trạng thái.`,
      en: `Soundness could not be fully checked: the unstructured part of the process exceeds ${states} states.`,
    }),
    {
      vi: 'Vẽ các nhánh theo khối: mỗi cổng tách có một cổng hội tụ cùng loại.',
      en: 'Draw branches as blocks: each split gateway with a matching join of the same kind.',
    },
  ),

  // MotCua attributes
  'missing-procedure-attribute': entry<{ attribute: string }>(
    'error',
    ({ attribute }) => {
      const label = procedureAttributeLabels[attribute] ?? { vi: attribute, en: attribute };
      return { vi: `Thủ tục thiếu ${label.vi}.`, en: `The procedure lacks its ${label.en}.` };
    },
    ({ attribute }) =>
      attribute === 'name'
        ? { vi: 'Đặt tên cho quy trình: đó là tên thủ tục người dân nhìn thấy.', en: 'Name the process: it is the procedure name citizens see.' }
        : {
            vi: 'Khai báo trong mc:procedure của quy trình: mã thủ tục (code), cơ quan (agency) và thời hạn giải quyết (legalLimit).',
            en: 'Declare them in the process’s mc:procedure: code, agency and legalLimit.',
          },
  ),
  'misplaced-extension': entry<{ extension: string; element: string; repeated: boolean }>(
    'error',
    ({ extension, element, repeated }) =>
      repeated
        ? {
            vi: `Phần mở rộng <${extension}> xuất hiện hơn một lần trên ${element}; chỉ lần đầu được dùng.`,
            en: `The extension <${extension}> appears more than once on ${element}; only the first is used.`,
          }
        : {
            vi: `Phần mở rộng <${extension}> không dùng được trên ${element} nên bị bỏ qua.`,
            en: `The extension <${extension}> does not belong on ${element} and was ignored.`,
          },
    {
      vi: 'Mỗi phần mở rộng MotCua đặt một lần, trên đúng loại phần tử (xem engine/plan/README.md).',
      en: 'Put each MotCua extension once, on the kind of element it belongs to (see engine/plan/README.md).',
    },
  ),
  'foreign-markup': entry<{ tool: string; names: string }>(
    'warning',
    ({ tool, names }) => ({
      vi: `MotCua không đọc ${names} của ${tool}: những gì chúng nói (người thực hiện, hạn, biểu mẫu, mã chạy kèm) không có hiệu lực ở đây.`,
      en: `MotCua does not read ${tool}'s ${names}: what they say (who does it, due dates, forms, code run alongside) has no effect here.`,
    }),
    {
      vi: 'Dùng Nhập BPMN trong trình thiết kế (hoặc motcua import) để chuyển chúng sang thuộc tính của MotCua, kèm báo cáo những gì cần người xử lý.',
      en: 'Use Import BPMN in the designer (or motcua import) to convert them into MotCua attributes, with a report of what needs a person.',
    },
  ),
  'missing-role': entry(
    'error',
    () => ({ vi: 'Bước xử lý chưa có vai trò thực hiện.', en: 'The step has no role to perform it.' }),
    { vi: 'Chọn vai trò (ví dụ chuyen-vien, lanh-dao) trong mc:step.', en: 'Pick a role (e.g. chuyen-vien, lanh-dao) in mc:step.' },
  ),
  'missing-unit': entry(
    'error',
    () => ({ vi: 'Bước xử lý chưa có đơn vị thực hiện.', en: 'The step has no unit to perform it.' }),
    { vi: 'Chọn đơn vị (phòng, ban) trong mc:step.', en: 'Pick a unit (office, department) in mc:step.' },
  ),
  'missing-deadline': entry(
    'error',
    () => ({ vi: 'Bước xử lý chưa có thời hạn.', en: 'The step has no deadline.' }),
    { vi: 'Đặt thời hạn của bước, ví dụ 1WD (một ngày làm việc) hoặc 4WH.', en: 'Set the step’s deadline, e.g. 1WD (one working day) or 4WH.' },
  ),
  'missing-form': entry(
    'error',
    () => ({ vi: 'Bước xử lý chưa có biểu mẫu.', en: 'The step has no form.' }),
    {
      vi: 'Thêm mc:form với các trường (mc:field) hoặc tham chiếu schemaRef tới một biểu mẫu form-js.',
      en: 'Add an mc:form with fields (mc:field) or a schemaRef to a form-js schema.',
    },
  ),
  'invalid-duration': entry<{ attribute: string; value: string }>(
    'error',
    ({ attribute, value }) => ({
      vi: `Thời hạn "${value}" (${attribute}) không đúng cú pháp.`,
      en: `The duration "${value}" (${attribute}) is not valid.`,
    }),
    durationSyntaxHint,
  ),
  'unsupported-duration': entry<{ attribute: string; value: string; reason: UnsupportedDurationReason }>(
    'error',
    ({ attribute, value, reason }) => ({
      vi: `Thời hạn "${value}" (${attribute}) đúng chuẩn ISO 8601 nhưng MotCua chưa tính được: ${unsupportedDurationReasons[reason].vi}`,
      en: `The duration "${value}" (${attribute}) is valid ISO 8601 but MotCua does not count it: ${unsupportedDurationReasons[reason].en}`,
    }),
    ({ reason }) => unsupportedDurationHints[reason],
  ),
  'invalid-attribute': entry<{ attribute: string; value: string; expected: LocalizedText }>(
    'error',
    ({ attribute, value, expected }) => ({
      vi: `Giá trị "${value}" của ${attribute} không hợp lệ: ${expected.vi}`,
      en: `The value "${value}" of ${attribute} is not valid: ${expected.en}`,
    }),
    ({ expected }) => expected,
  ),
  'invalid-timer': entry(
    'error',
    () => ({
      vi: 'Sự kiện hẹn giờ cần một khoảng thời gian (timeDuration).',
      en: 'A timer event needs a duration (timeDuration).',
    }),
    durationSyntaxHint,
  ),
  'missing-event-reference': entry<{ kind: EventReferenceKind }>(
    'error',
    ({ kind }) => ({
      vi: `Phần tử cần ${eventReferenceLabels[kind].vi}.`,
      en: `The element needs ${eventReferenceLabels[kind].en}.`,
    }),
    {
      vi: 'Chọn hoặc tạo định nghĩa tương ứng trong bảng thuộc tính.',
      en: 'Pick or create the matching definition in the properties panel.',
    },
  ),
  'missing-activity-type': entry(
    'error',
    () => ({ vi: 'Bước tự động chưa khai báo loại tác vụ.', en: 'The service task declares no activity type.' }),
    {
      vi: 'Khai báo mc:serviceCall type="…" (ví dụ gui-thong-bao, dong-bo-cong-dvc).',
      en: 'Declare mc:serviceCall type="…" (e.g. gui-thong-bao, dong-bo-cong-dvc).',
    },
  ),
  'unknown-activity-type': entry<{ type: string; known: string }>(
    'error',
    ({ type }) => ({
      vi: `Loại tác vụ tự động "${type}" không có trong danh mục của MotCua.`,
      en: `The service task type "${type}" is not in MotCua's catalogue.`,
    }),
    ({ known }) => ({ vi: `Chọn một loại trong danh mục: ${known}.`, en: `Pick a type from the catalogue: ${known}.` }),
  ),
  'missing-called-procedure': entry(
    'error',
    () => ({ vi: 'Call activity chưa chỉ ra thủ tục được gọi.', en: 'The call activity names no procedure to call.' }),
    { vi: 'Đặt calledElement là mã thủ tục được gọi.', en: 'Set calledElement to the called procedure’s code.' },
  ),
  'unknown-called-procedure': entry<{ code: string; version: string }>(
    'error',
    ({ code, version }) => ({
      vi: `Không tìm thấy thủ tục "${code}" (phiên bản ${version}) trong danh mục.`,
      en: `The procedure "${code}" (version ${version}) is not in the registry.`,
    }),
    {
      vi: 'Kiểm tra mã thủ tục, hoặc triển khai thủ tục được gọi trước.',
      en: 'Check the procedure code, or deploy the called procedure first.',
    },
  ),
  'missing-collection': entry(
    'error',
    () => ({
      vi: 'Bước nhiều phiên bản (multi-instance) chưa có tập hợp để lặp.',
      en: 'The multi-instance activity has no collection to iterate.',
    }),
    {
      vi: 'Khai báo mc:multiInstance collection="…" (biểu thức FEEL) và elementVariable.',
      en: 'Declare mc:multiInstance collection="…" (a FEEL expression) and elementVariable.',
    },
  ),

  // Analysis
  'deadline-budget-exceeded': entry<{ budget: string; limit: string }>(
    'error',
    ({ budget, limit }) => ({
      vi: `Tổng thời hạn trên đường găng là ${legalTimeInWords(budget).vi}, vượt thời hạn giải quyết ${legalTimeInWords(limit).vi}.`,
      en: `The deadlines on the critical path add up to ${legalTimeInWords(budget).en}, beyond the legal limit of ${legalTimeInWords(limit).en}.`,
    }),
    {
      vi: 'Rút ngắn thời hạn các bước trên đường găng hoặc cho các bước chạy song song.',
      en: 'Shorten the deadlines on the critical path or run steps in parallel.',
    },
  ),
  'deadline-budget-indeterminate': entry<{ budget: string; limit: string }>(
    'info',
    ({ budget, limit }) => ({
      vi: `Đường găng ${legalTimeInWords(budget).vi} trộn ngày làm việc với ngày theo lịch nên chỉ so được với thời hạn ${legalTimeInWords(limit).vi} khi biết lịch làm việc.`,
      en: `The critical path ${legalTimeInWords(budget).en} mixes working and calendar time, so it compares with the limit ${legalTimeInWords(limit).en} only against a calendar.`,
    }),
    {
      vi: 'Dùng cùng một loại đơn vị (ngày làm việc hoặc ngày theo lịch) cho thời hạn các bước và thời hạn giải quyết.',
      en: 'Use one kind of unit (working or calendar days) for the steps and the legal limit.',
    },
  ),
  'unbounded-rework': entry(
    'warning',
    () => ({
      vi: 'Vòng làm lại chưa khai báo số vòng tối đa; dự toán thời hạn chỉ tính một lượt.',
      en: 'The rework loop declares no maximum number of rounds; the deadline budget counts one pass only.',
    }),
    {
      vi: 'Khai báo mc:rework maxRounds="…" trên luồng quay lại.',
      en: 'Declare mc:rework maxRounds="…" on the flow going back.',
    },
  ),
};

export type DiagnosticCode = keyof typeof catalogue;

export type DiagnosticParams<C extends DiagnosticCode> = Parameters<(typeof catalogue)[C]['message']>[0];
