// What the services tell each other, as typed events. A writer emits inside the transaction of its
// change; listeners run then, in the same transaction, so that derived data (each threat's level)
// is written with the change or not at all. Listeners are subscribed in one place: services.ts.

export interface ServiceEventMap {
  /** Threats were created, edited, restored, deleted, undeleted or imported. `scored`: every one of
   *  them was written with its level under the policy in force, so nothing needs re-scoring. */
  threatsChanged: { ids: readonly string[]; scored: boolean };
  /** An election was changed: its calendar drives the timing of its threats. */
  electionChanged: { id: string };
  /** People recorded a decision on an assessment of these threats. */
  decisionRecorded: { threatIds: readonly string[]; assessmentId: number };
  /** A version of a draft about these threats was approved. */
  draftApproved: { threatIds: readonly string[]; draftId: string; template: string; version: number };
}

export type ServiceEvent = keyof ServiceEventMap;
type Listener<K extends ServiceEvent> = (payload: ServiceEventMap[K]) => void;

export class ServiceEvents {
  private readonly listeners: { [K in ServiceEvent]: Listener<K>[] } = {
    threatsChanged: [],
    electionChanged: [],
    decisionRecorded: [],
    draftApproved: [],
  };

  /** Subscribes; returns the unsubscribe function. */
  on<K extends ServiceEvent>(event: K, listener: Listener<K>): () => void {
    const list = this.listeners[event] as Listener<K>[];
    list.push(listener);
    return () => {
      const i = list.indexOf(listener);
      if (i >= 0) list.splice(i, 1);
    };
  }

  emit<K extends ServiceEvent>(event: K, payload: ServiceEventMap[K]): void {
    for (const listener of [...(this.listeners[event] as Listener<K>[])]) listener(payload);
  }
}
