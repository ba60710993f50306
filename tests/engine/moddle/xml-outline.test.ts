import { describe, expect, it } from 'vitest';
import { outlineXml, withoutRanges } from '../../../engine/moddle/xml-outline.js';

const root = (children: string, declarations = 'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"') =>
  `<?xml version="1.0"?>\n<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" ${declarations}>${children}</bpmn:definitions>`;

const diagram = '<bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="P" bpmnElement="Process_1">\n<bpmndi:BPMNShape id="S" bpmnElement="T"/></bpmndi:BPMNPlane></bpmndi:BPMNDiagram>';

function cut(xml: string): string {
  return withoutRanges(xml, outlineXml(xml).diagramRanges);
}

describe('XML outline', () => {
  it('finds a DOCTYPE, wherever it is', () => {
    expect(outlineXml('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "c">]><a/>').declarationAt).toBe(21);
    expect(outlineXml(root('<!DOCTYPE x>')).declarationAt).not.toBeNull();
  });

  it('does not mistake a DOCTYPE inside a comment or CDATA for one', () => {
    expect(outlineXml(root('<!-- <!DOCTYPE x> --><bpmn:process id="P"><bpmn:documentation><![CDATA[<!DOCTYPE y>]]></bpmn:documentation></bpmn:process>')).declarationAt).toBeNull();
  });

  it('counts the elements outside the diagram interchange', () => {
    expect(outlineXml(root(`<bpmn:process id="Process_1"><bpmn:task id="T"/></bpmn:process>${diagram}`)).elements).toBe(3);
  });

  it('cuts the diagram interchange out, keeping its line breaks', () => {
    const xml = root(`<bpmn:process id="Process_1"/>${diagram}`);
    const stripped = cut(xml);
    expect(stripped).not.toContain('BPMNDiagram');
    expect(stripped).toContain('<bpmn:process id="Process_1"/>');
    expect(stripped.split('\n')).toHaveLength(xml.split('\n').length);
  });

  it('recognises the DI namespace under any prefix, or as the default namespace of the diagram', () => {
    const prefixed = root(diagram.replaceAll('bpmndi:', 'di2:'), 'xmlns:di2="http://www.omg.org/spec/BPMN/20100524/DI"');
    expect(cut(prefixed)).not.toContain('BPMNDiagram');
    const own = root('<BPMNDiagram xmlns="http://www.omg.org/spec/BPMN/20100524/DI" id="D"><BPMNPlane id="P"/></BPMNDiagram>', '');
    expect(cut(own)).not.toContain('BPMNDiagram');
  });

  it('leaves alone what only looks like a diagram: another namespace, a comment, an attribute, a nested element', () => {
    const other = root(diagram.replaceAll('bpmndi:', 'x:'), 'xmlns:x="http://example.com/not-di"');
    const comment = root('<!-- <bpmndi:BPMNDiagram> --><bpmn:process id="P"/>');
    const attribute = root('<bpmn:process id="P" name="a > <bpmndi:BPMNDiagram>"/>'.replace('<bpmndi', '&lt;bpmndi'));
    const nested = root(`<bpmn:process id="P"><bpmn:extensionElements>${diagram}</bpmn:extensionElements></bpmn:process>`);
    for (const xml of [other, comment, attribute, nested]) expect(cut(xml)).toBe(xml);
  });

  it('stops quietly on malformed text and leaves it for the parser to report', () => {
    const unterminated = root('<!-- never closed');
    expect(outlineXml(unterminated)).toEqual({ declarationAt: null, diagramRanges: [], elements: 1 });
    expect(outlineXml('<a b="unterminated>')).toEqual({ declarationAt: null, diagramRanges: [], elements: 0 });
  });
});
