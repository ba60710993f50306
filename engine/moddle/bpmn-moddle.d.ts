// bpmn-moddle ships types for its element model (bpmn-moddle/types) but none for its entry point.
declare module 'bpmn-moddle' {
  /** The element a warning is about, as far as it was read; `$parent` is its container. */
  export interface WarningElement {
    id?: unknown;
    $parent?: WarningElement;
  }

  export interface ParseWarning {
    message: string;
    element?: WarningElement;
    property?: string;
    value?: string;
    error?: Error;
  }

  export interface ParseResult {
    rootElement: unknown;
    warnings: ParseWarning[];
    /** Every element read that has an id, by id. */
    elementsById: Record<string, unknown>;
  }

  export interface ParseError extends Error {
    warnings?: ParseWarning[];
  }

  export interface BpmnModdleInstance {
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
    create(type: string, properties?: Record<string, unknown>): unknown;
    toXML(element: unknown, options?: { format?: boolean }): Promise<{ xml: string }>;
  }

  export function BpmnModdle(packages?: Record<string, unknown>, options?: Record<string, unknown>): BpmnModdleInstance;
}
