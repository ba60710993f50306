import fc from 'fast-check';

/**
 * Random BPMN documents for fuzzing the compiler: a process of random elements (supported or not,
 * nested subprocesses, boundary events), flows between random ends (dangling ones included),
 * random FEEL conditions and MotCua attributes that are sometimes valid, sometimes not.
 */

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Values as modelers type them, valid or not. */
const durationText = fc.oneof(fc.constantFrom('1WD', '4WH', '30WM', 'PT48H', 'P20D', '0WD', '-1WD', 'P', '', '99999999WD', '1.5WD'), fc.string({ maxLength: 8 }));
const feelText = fc.oneof(
  fc.constantFrom('= approved = true', 'amount > 1000', 'x in [1..3]', 'not(y)', '= a and b or c', '(', '"unterminated', 'date("2026-02-30")', '= if a then b else c', 'some x in xs satisfies x > 1', ''),
  fc.string({ maxLength: 20 }),
);
const identifier = fc.oneof(fc.constantFrom('chuyen-vien', 'phong-kinh-te', 'ubnd-xa', 'vn-national', 'kiem-tra'), fc.string({ maxLength: 10 }));

const attribute = (name: string, value: fc.Arbitrary<string>) => fc.option(value.map((text) => ` ${name}="${escapeXml(text)}"`), { nil: '' });

const procedureExtension = fc
  .tuple(attribute('code', identifier), attribute('agency', identifier), attribute('calendarId', identifier), attribute('legalLimit', durationText), attribute('supplementationClock', fc.constantFrom('pause', 'restart', 'stop')))
  .map((attributes) => `<mc:procedure${attributes.join('')} />`);

const stepExtension = fc
  .tuple(attribute('role', identifier), attribute('unit', identifier), attribute('deadline', durationText), attribute('returnsResult', fc.constantFrom('true', 'false', 'maybe')))
  .map((attributes) => `<mc:step${attributes.join('')} />`);

const formExtension = fc
  .array(fc.tuple(identifier, fc.constantFrom('text', 'textarea', 'file', 'number', 'date', 'select', 'bogus'), fc.constantFrom('true', 'false')), { maxLength: 3 })
  .map((fields) => `<mc:form>${fields.map(([key, type, required]) => `<mc:field key="${escapeXml(key)}" label="L" type="${type}" required="${required}" />`).join('')}</mc:form>`);

const outcomesExtension = fc
  .array(fc.constantFrom('dong-y', 'tu-choi', 'bo-sung', ''), { maxLength: 3 })
  .map((values) => `<mc:outcomes variable="ketQua">${values.map((value) => `<mc:outcome value="${value}" label="L" />`).join('')}</mc:outcomes>`);

const serviceExtension = fc
  .tuple(identifier, fc.array(fc.tuple(identifier, feelText), { maxLength: 2 }))
  .map(([type, inputs]) => `<mc:serviceCall type="${escapeXml(type)}">${inputs.map(([target, expression]) => `<mc:input target="${escapeXml(target)}" expression="${escapeXml(expression)}" />`).join('')}</mc:serviceCall>`);

const multiInstanceExtension = fc.tuple(feelText, identifier).map(([collection, variable]) => `<mc:multiInstance collection="${escapeXml(collection)}" elementVariable="${escapeXml(variable)}" />`);

const extensions = (parts: fc.Arbitrary<string>[]) =>
  fc.tuple(...parts.map((part) => fc.option(part, { nil: '' }))).map((texts) => {
    const inner = texts.join('');
    return inner === '' ? '' : `<bpmn:extensionElements>${inner}</bpmn:extensionElements>`;
  });

const eventDefinition = fc.constantFrom(
  '',
  '<bpmn:timerEventDefinition><bpmn:timeDuration>1WD</bpmn:timeDuration></bpmn:timerEventDefinition>',
  '<bpmn:timerEventDefinition><bpmn:timeDuration>P-1D</bpmn:timeDuration></bpmn:timerEventDefinition>',
  '<bpmn:timerEventDefinition />',
  '<bpmn:messageEventDefinition messageRef="Message_1" />',
  '<bpmn:messageEventDefinition messageRef="Missing" />',
  '<bpmn:errorEventDefinition />',
  '<bpmn:escalationEventDefinition />',
  '<bpmn:terminateEventDefinition />',
  '<bpmn:signalEventDefinition />',
);

type Kind = 'startEvent' | 'endEvent' | 'userTask' | 'serviceTask' | 'exclusiveGateway' | 'parallelGateway' | 'inclusiveGateway' | 'eventBasedGateway' | 'intermediateCatchEvent' | 'receiveTask' | 'sendTask' | 'scriptTask' | 'callActivity' | 'subProcess' | 'boundaryEvent';
const kinds: Kind[] = ['startEvent', 'endEvent', 'userTask', 'serviceTask', 'exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway', 'intermediateCatchEvent', 'receiveTask', 'sendTask', 'scriptTask', 'callActivity', 'subProcess', 'boundaryEvent'];

interface NodeDraft {
  kind: Kind;
  inner: string;
  /** Index of the node a boundary event is attached to, of the subprocess's children otherwise. */
  pick: number;
}

const nodeDraft: fc.Arbitrary<NodeDraft> = fc.constantFrom(...kinds).chain((kind) => {
  const inner =
    kind === 'userTask' ? extensions([stepExtension, formExtension, outcomesExtension, multiInstanceExtension])
    : kind === 'serviceTask' ? extensions([serviceExtension, stepExtension])
    : kind === 'callActivity' ? extensions([fc.constantFrom('<mc:calledProcedure version="latest" />', '<mc:calledProcedure version="x" />')])
    : kind.endsWith('Event') ? eventDefinition
    : fc.constant('');
  return fc.record({ kind: fc.constant(kind), inner, pick: fc.nat() });
});

interface ScopeText {
  ids: string[];
  xml: string;
}

/** A scope's elements and flows; subprocesses hold a smaller scope of their own. */
function scopeText(prefix: string, depth: number): fc.Arbitrary<ScopeText> {
  return fc
    .record({
      nodes: fc.array(nodeDraft, { minLength: 1, maxLength: depth === 0 ? 12 : 5 }),
      flows: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.option(feelText, { nil: undefined })), { maxLength: depth === 0 ? 16 : 6 }),
      defaultFlow: fc.option(fc.nat(), { nil: undefined }),
      children: depth < 2 ? fc.array(scopeText(`${prefix}S`, depth + 1), { maxLength: 2 }) : fc.constant([]),
    })
    .map(({ nodes, flows, defaultFlow, children }) => {
      const ids = nodes.map((_, index) => `${prefix}${index}`);
      // One id in the pool names nothing, so some flows dangle.
      const ends = [...ids, `${prefix}Missing`];
      const flowIds = flows.map((_, index) => `${prefix}F${index}`);
      let child = 0;
      const elements = nodes.map((node, index) => {
        const id = ids[index]!;
        const defaultAttribute = node.kind.endsWith('Gateway') && defaultFlow !== undefined && flowIds.length > 0 ? ` default="${flowIds[defaultFlow % flowIds.length]}"` : '';
        if (node.kind === 'boundaryEvent') return `<bpmn:boundaryEvent id="${id}" attachedToRef="${ends[node.pick % ends.length]}">${node.inner}</bpmn:boundaryEvent>`;
        if (node.kind === 'subProcess') {
          const inside = children[child++ % Math.max(children.length, 1)];
          return `<bpmn:subProcess id="${id}">${inside?.xml ?? ''}</bpmn:subProcess>`;
        }
        const calledElement = node.kind === 'callActivity' ? ' calledElement="thu-tuc-khac"' : '';
        return `<bpmn:${node.kind} id="${id}" name="${escapeXml(node.kind)}"${calledElement}${defaultAttribute}>${node.inner}</bpmn:${node.kind}>`;
      });
      const flowElements = flows.map(([source, target, condition], index) => {
        const conditionXml = condition === undefined ? '' : `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${escapeXml(condition)}</bpmn:conditionExpression>`;
        return `<bpmn:sequenceFlow id="${flowIds[index]}" sourceRef="${ends[source % ends.length]}" targetRef="${ends[target % ends.length]}">${conditionXml}</bpmn:sequenceFlow>`;
      });
      return { ids, xml: [...elements, ...flowElements].join('\n') };
    });
}

/** A whole document: definitions with a message, one process (sometimes two), MotCua's procedure attributes or not. */
export const randomBpmn: fc.Arbitrary<string> = fc
  .tuple(extensions([procedureExtension]), scopeText('N', 0), fc.boolean())
  .map(([procedure, scope, secondProcess]) =>
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:mc="http://motcua.io/schema/bpmn/1.0" id="Definitions" targetNamespace="http://motcua.io/fuzz">',
      '<bpmn:message id="Message_1" name="ho-so-bo-sung" />',
      `<bpmn:process id="Process_Fuzz" isExecutable="true">${procedure}`,
      scope.xml,
      '</bpmn:process>',
      secondProcess ? '<bpmn:process id="Process_Other"><bpmn:task id="Other_Task" /></bpmn:process>' : '',
      '</bpmn:definitions>',
    ].join('\n'),
  );
