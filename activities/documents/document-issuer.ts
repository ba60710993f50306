import type { DocumentForm } from '../../engine/service-tasks/catalogue.js';

/** A signed PDF stored with its dossier. */
export interface IssuedDocument {
  id: string;
  dossierId: string;
  form: DocumentForm;
  filename: string;
  bytes: Uint8Array;
}

export interface DocumentRequest {
  dossierId: string;
  form: DocumentForm;
  /** What the document is issued for (a notification, a service task): the same source issues it once. */
  sourceId: string;
  /** Form-specific content: appointment, reasons, missing documents, title and body of a result. */
  details: Record<string, unknown>;
}

/** Generates, signs and stores legal documents; issuing the same source twice returns the first one. */
export interface DocumentIssuer {
  issue(request: DocumentRequest): Promise<IssuedDocument>;
}
