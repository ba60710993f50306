// bpmn-moddle ships types for its element model (bpmn-moddle/types) but none for its entry point.
declare module 'bpmn-moddle' {
  export interface ParseWarning {
    message: string;
    element?: { id?: unknown };
    property?: string;
    value?: string;
    error?: Error;
  }

  export interface ParseResult {
    rootElement: unknown;
    warnings: ParseWarning[];
  }

  export interface ParseError extends Error {
    warnings?: ParseWarning[];
  }

  export interface BpmnModdleInstance {
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
  }

  export function BpmnModdle(packages?: Record<string, unknown>, options?: Record<string, unknown>): BpmnModdleInstance;
}
