// A transport moves bytes to the printer and back; it knows nothing of ESC/POS. The
// driver receives one (createPrinter({ transport })) so tests, TCP, serial and a device
// file all share one driver.

/** A byte pipe to a printer. `open` is idempotent; after `close` it may be opened again. */
export interface PrinterTransport {
  /** Human-readable target, e.g. "tcp://10.0.0.5:9100". */
  readonly name: string;
  /** True between a successful open and a close or a drop. */
  readonly isOpen: boolean;
  /** Opens the link; rejects with SkrError DISCONNECTED or TIMEOUT. */
  open(): Promise<void>;
  /** Writes and waits until the bytes are handed to the OS; rejects DISCONNECTED when closed. */
  write(data: Uint8Array): Promise<void>;
  /** Subscribes to bytes from the printer; returns an unsubscribe function. */
  onData(cb: (chunk: Uint8Array) => void): () => void;
  /** Subscribes to the link going down (remote close, error or close()). */
  onClose(cb: (cause?: Error) => void): () => void;
  /** Closes the link; resolves when released. Safe to call twice. */
  close(): Promise<void>;
}

/** Small listener registry shared by the transports. */
export class Listeners<A extends unknown[]> {
  private readonly set = new Set<(...args: A) => void>();
  /** Adds a listener and returns its remover. */
  add(cb: (...args: A) => void): () => void {
    this.set.add(cb);
    return () => this.set.delete(cb);
  }
  /** Calls every listener. */
  emit(...args: A): void {
    for (const cb of [...this.set]) cb(...args);
  }
}
