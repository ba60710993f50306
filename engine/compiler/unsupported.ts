import type { LocalizedText } from '../diagnostics/diagnostic.js';
import type { CompileContext } from './compile-context.js';

/** How the unsupported-element message names what it refuses, for a reformer. */
const labels = {
  'bpmn:Task': { vi: 'bước không rõ loại (task)', en: 'a task without a type' },
  'bpmn:ManualTask': { vi: 'bước thủ công (manual task)', en: 'a manual task' },
  'bpmn:ScriptTask': { vi: 'bước chạy script (script task)', en: 'a script task' },
  'bpmn:BusinessRuleTask': { vi: 'bước luật nghiệp vụ (business rule task)', en: 'a business rule task' },
  'bpmn:ComplexGateway': { vi: 'cổng phức hợp (complex gateway)', en: 'a complex gateway' },
  'bpmn:Transaction': { vi: 'giao dịch (transaction)', en: 'a transaction' },
  'bpmn:AdHocSubProcess': { vi: 'quy trình con tuỳ biến (ad-hoc subprocess)', en: 'an ad-hoc subprocess' },
  'bpmn:IntermediateThrowEvent': { vi: 'sự kiện phát giữa chừng (intermediate throw event)', en: 'an intermediate throw event' },
  'event-subprocess': { vi: 'quy trình con sự kiện (event subprocess)', en: 'an event subprocess' },
  'bpmn:SignalEventDefinition': { vi: 'sự kiện tín hiệu (signal)', en: 'a signal event' },
  'bpmn:ConditionalEventDefinition': { vi: 'sự kiện điều kiện (conditional)', en: 'a conditional event' },
  'bpmn:LinkEventDefinition': { vi: 'sự kiện liên kết (link)', en: 'a link event' },
  'bpmn:CompensateEventDefinition': { vi: 'sự kiện bù trừ (compensation)', en: 'a compensation event' },
  'bpmn:CancelEventDefinition': { vi: 'sự kiện huỷ (cancel)', en: 'a cancel event' },
  'timer-start': { vi: 'sự kiện bắt đầu hẹn giờ', en: 'a timer start event' },
  'timer-date': {
    vi: 'hẹn giờ đến một ngày cố định (timeDate); hãy hẹn một khoảng thời gian (timeDuration), như P3D hoặc 2WD',
    en: 'a timer set to a fixed date (timeDate); set a duration (timeDuration) instead, such as P3D or 2WD',
  },
  'timer-cycle': {
    vi: 'hẹn giờ lặp theo chu kỳ (timeCycle); hãy hẹn một khoảng thời gian (timeDuration), hoặc dùng leo thang (mc:escalation) để nhắc lặp lại',
    en: 'a repeating timer (timeCycle); set a duration (timeDuration) instead, or use an escalation (mc:escalation) for repeated reminders',
  },
  'message-end': { vi: 'sự kiện kết thúc gửi thông điệp', en: 'a message end event' },
  'subprocess-message-start': { vi: 'sự kiện bắt đầu bằng thông điệp trong quy trình con', en: 'a message start event inside a subprocess' },
  'multiple-definitions': { vi: 'sự kiện có nhiều định nghĩa (multiple)', en: 'an event with several definitions' },
  'event-gateway-variant': { vi: 'cổng sự kiện song song hoặc cổng khởi tạo', en: 'a parallel or instantiating event-based gateway' },
  'standard-loop': { vi: 'vòng lặp chuẩn (standard loop)', en: 'a standard loop' },
  'loop-cardinality': {
    vi: 'bước nhiều phiên bản đếm theo số lần (loopCardinality); hãy lặp theo một tập hợp bằng mc:multiInstance collection',
    en: 'a multi-instance activity counted by loopCardinality; iterate a collection with mc:multiInstance collection instead',
  },
  'compensation-activity': { vi: 'bước bù trừ (compensation)', en: 'a compensation activity' },
} satisfies Record<string, LocalizedText>;

function labelOf(kind: string): LocalizedText {
  const known = (labels as Record<string, LocalizedText>)[kind];
  if (known) return known;
  const name = kind.replace(/^bpmn:/, '');
  return { vi: `phần tử ${name}`, en: `the element ${name}` };
}

/**
 * Reports an element MotCua cannot run and keeps it as an opaque node, so that reachability still
 * flows through it. Returns null, for the readers' convenience.
 */
export function refuse(context: CompileContext, elementId: string, kind: string): null {
  context.report('unsupported-element', elementId, { element: labelOf(kind) });
  context.opaqueIds.add(elementId);
  return null;
}
