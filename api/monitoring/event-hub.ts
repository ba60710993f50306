import { EventEmitter } from 'node:events';

/** A change that live worklists and dashboards refresh on. */
export interface ChangeEvent {
  kind: 'dossier' | 'task';
  id: string;
  dossierId: string;
  agencyId: string;
  /** The citizen who owns the dossier, so their tracking page is told too. */
  ownerId?: string;
  change: string;
  at: string;
}

/** In-process fan-out of changes to the server-sent event streams of this API process. */
export class EventHub {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  publish(event: ChangeEvent): void {
    this.emitter.emit('change', event);
  }

  subscribe(listener: (event: ChangeEvent) => void): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }

  /** Tells every open stream the API is stopping, so they end and shutdown is not held up. */
  close(): void {
    this.emitter.emit('close');
  }

  onClose(listener: () => void): () => void {
    this.emitter.on('close', listener);
    return () => this.emitter.off('close', listener);
  }
}
