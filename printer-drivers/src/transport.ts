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

/**
 * What every transport keeps: the open handle (socket, port, file) and the data and close
 * listeners. `transport()` adds the members all transports share to their own open, write and
 * close, so each transport file holds only what talks to its kind of device.
 */
export class Link<H> {
  readonly data = new Listeners<[Uint8Array]>();
  readonly closed = new Listeners<[Error | undefined]>();
  /** The open handle, or null while closed. */
  handle: H | null = null;

  /** Forgets `h` and tells the close listeners, unless another handle has taken its place. */
  drop(h: H, cause?: Error): void {
    if (this.handle !== h) return;
    this.handle = null;
    this.closed.emit(cause);
  }

  /** The PrinterTransport named `name` over this link. */
  transport(
    name: string,
    ops: Pick<PrinterTransport, 'open' | 'write' | 'close'>,
  ): PrinterTransport {
    const handle = () => this.handle;
    return {
      name,
      get isOpen() {
        return handle() !== null;
      },
      ...ops,
      onData: (cb) => this.data.add(cb),
      onClose: (cb) => this.closed.add(cb),
    };
  }
}
